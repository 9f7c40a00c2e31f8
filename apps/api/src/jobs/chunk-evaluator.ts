// Where a run's chunks are evaluated: in a worker thread (the API and worker processes) or in the
// calling thread (tests that replace the engine, the bench's in-process figures).
import { Worker, type WorkerOptions } from 'node:worker_threads';
import {
  type ChunkInput,
  type ChunkOutput,
  evaluateChunk,
} from '../domains/evaluation/services/evaluate-chunk.ts';
import type { ThreadReply, ThreadRequest } from './engine-thread.ts';

export type ChunkEvaluator = {
  evaluate(input: ChunkInput): Promise<ChunkOutput>;
  close(): Promise<void>;
};

export const inThreadEvaluator: ChunkEvaluator = {
  evaluate: evaluateChunk,
  close: async () => undefined,
};

/**
 * The heap the thread may use. A chunk of 2,000 people needs a few tens of MB; the limit makes V8
 * collect the thread's garbage instead of letting the heap grow, and a unit far larger than a chunk
 * still fits.
 */
const threadHeapMb = 768;

/**
 * A worker thread running a TypeScript module. The API runs its sources through tsx, whose loader
 * a worker thread does not inherit on Node 20 (`--import tsx` in execArgv is not enough), so the
 * thread first registers tsx's loader, then imports the module.
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** A worker thread of its own for one run: started with the run, ended with it (its memory goes too). */
export function createThreadEvaluator(): ChunkEvaluator {
  const worker = startTypeScriptWorker(new URL('./engine-thread.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: threadHeapMb },
  });
  const pending = new Map<number, { resolve(output: ChunkOutput): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.output) waiter.resolve(reply.output);
    else waiter.reject(new Error(reply.error ?? 'evaluation thread failed'));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) =>
    failAll(new Error(`Luồng đánh giá đã dừng / the evaluation thread exited (code ${code})`)),
  );
  return {
    evaluate(input) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<ChunkOutput>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input } satisfies ThreadRequest);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
