import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../jobs/background-priority.ts';
import { type ReadTableOptions, readTableBatches } from './read-table.ts';
import { FileLimitError, UnreadableFileError } from './read-table-types.ts';

// The worker side of readTableInWorker: parses the upload and hands over one batch of rows per
// "next" message, so the parsing never blocks the API's event loop and never runs far ahead of
// the validation that consumes it.

export type WorkerReply =
  | { rows: unknown[][] }
  | { done: true }
  | { error: { kind: 'limit' | 'unreadable' | 'other'; message: string } };

const options = workerData as ReadTableOptions & { content: Uint8Array };
lowerThreadPriority();
const batches = readTableBatches({ ...options, content: Buffer.from(options.content) });

parentPort?.on('message', async (message: unknown) => {
  if (message !== 'next') return;
  let reply: WorkerReply;
  try {
    const next = await batches.next();
    reply = next.done ? { done: true } : { rows: next.value };
  } catch (error) {
    const kind =
      error instanceof FileLimitError
        ? 'limit'
        : error instanceof UnreadableFileError
          ? 'unreadable'
          : 'other';
    reply = { error: { kind, message: error instanceof Error ? error.message : String(error) } };
  }
  parentPort?.postMessage(reply);
});
