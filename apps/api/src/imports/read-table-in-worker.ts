import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadTableOptions } from './read-table.ts';
import { FileLimitError, type RawCell, UnreadableFileError } from './read-table-types.ts';
import type { WorkerReply } from './read-table-worker.ts';

const fromSources = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSources ? './read-table-worker.ts' : './read-table-worker.js', import.meta.url);

/**
 * Run from the TypeScript sources (tsx, vitest), the worker registers tsx's loader before it loads
 * the reader: Node 20 does not carry `--import tsx` into worker threads.
 */
function startWorker(workerData: unknown): Worker {
  const options = {
    workerData,
    // a runaway parse ends the worker, not the API
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  };
  if (!fromSources) return new Worker(workerUrl, options);
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(path.join(path.dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true, execArgv: [] });
}

/**
 * readTableBatches in a worker thread: the same batches, parsed off the event loop, one batch
 * ahead of the consumer. Breaking out of the loop ends the worker.
 */
export async function* readTableInWorker(options: ReadTableOptions): AsyncGenerator<RawCell[][]> {
  const worker = startWorker({ ...options, content: new Uint8Array(options.content) });
  const replies: WorkerReply[] = [];
  let wake: (() => void) | null = null;
  const deliver = (reply: WorkerReply) => {
    replies.push(reply);
    wake?.();
  };
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ error: { kind: 'other', message: error.message } }));
  worker.on('exit', (code) =>
    deliver({ error: { kind: 'other', message: `the table reader stopped (exit code ${code})` } }),
  );
  try {
    worker.postMessage('next');
    for (;;) {
      while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const reply = replies.shift() as WorkerReply;
      if ('error' in reply) {
        const { kind, message } = reply.error;
        if (kind === 'limit') throw new FileLimitError(message);
        if (kind === 'unreadable') throw new UnreadableFileError(message);
        throw new Error(`reading the upload failed: ${message}`);
      }
      if ('done' in reply) return;
      worker.postMessage('next');
      yield reply.rows as RawCell[][];
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
