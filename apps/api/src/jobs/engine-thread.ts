// The evaluation worker thread: evaluates chunks of a run (evaluateChunk) posted by the thread that
// reads and writes the database, so that process keeps answering requests while the rules engine
// works. One request at a time; a failure is answered as an error, never by exiting.
import { parentPort } from 'node:worker_threads';
import { type ChunkInput, evaluateChunk } from '../domains/evaluation/services/evaluate-chunk.ts';

export type ThreadRequest = { id: number; input: ChunkInput };
export type ThreadReply = { id: number; output?: Awaited<ReturnType<typeof evaluateChunk>>; error?: string };

const port = parentPort;
if (!port) throw new Error('engine-thread.ts runs as a worker thread only');
// Not niced (background-priority.ts): on the embedded engine the run holds the one connection while
// this thread evaluates, so every request waits for it; a slower engine would only make them wait
// longer.

port.on('message', (request: ThreadRequest) => {
  evaluateChunk(request.input).then(
    (output) => port.postMessage({ id: request.id, output } satisfies ThreadReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ThreadReply),
  );
});
