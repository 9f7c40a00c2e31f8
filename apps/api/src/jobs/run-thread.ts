// A whole evaluation run in a worker thread of its own, on PostgreSQL: the thread opens its own
// small pool, reads, evaluates and writes, and ends with the run. The process that took the job
// keeps answering requests on its main thread, and the run's memory is the thread's heap, which V8
// must keep under the thread's limit (it collects harder as it nears it) — the run no longer
// depends on the API process's own heap growth. On the embedded engine (one connection, in the
// main thread) only the rules engine runs in a thread (chunk-evaluator.ts).
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@cadre/db';
import { executeEvaluationRun } from '../domains/evaluation/services/run-evaluation.ts';
import { createUnitTreeCache } from '../scope/unit-tree.ts';
import { lowerThreadPriority } from './background-priority.ts';
import { inThreadEvaluator } from './chunk-evaluator.ts';

export type RunThreadData = { databaseUrl: string; runId: string; chunkPeople?: number };
/** the thread's heap at the run's end, in MB: what a run costs (its logs carry it) */
export type ThreadHeap = { usedMb: number; totalMb: number; peakMallocedMb: number; externalMb: number };
export type RunThreadReply = { status: string; heap: ThreadHeap } | { error: string };

const port = parentPort;
if (!port) throw new Error('run-thread.ts runs as a worker thread only');
lowerThreadPriority();
const data = workerData as RunThreadData;

const db = await openDatabase({ databaseUrl: data.databaseUrl, poolSize: 3 });
try {
  const run = await executeEvaluationRun({
    prisma: db.prisma,
    unitTrees: createUnitTreeCache({ prisma: db.prisma }),
    runId: data.runId,
    chunkPeople: data.chunkPeople,
    evaluator: inThreadEvaluator,
  });
  const heap = getHeapStatistics();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  port.postMessage({
    status: run.status,
    heap: {
      usedMb: mb(heap.used_heap_size),
      totalMb: mb(heap.total_heap_size),
      peakMallocedMb: mb(heap.peak_malloced_memory),
      externalMb: mb(heap.external_memory),
    },
  } satisfies RunThreadReply);
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? error.message : String(error),
  } satisfies RunThreadReply);
} finally {
  await db.close();
}
