// The job that carries out a recorded evaluation run, the same whichever queue hands it over
// (graphile-worker on PostgreSQL, the embedded engine's queue in the one process).
import type { EvaluationRun, PrismaClient } from '@cadre/db';
import { type EvaluationJob, executeEvaluationRun } from '../domains/evaluation/services/run-evaluation.ts';
import { errorFields, type Logger } from '../logger.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import { createThreadEvaluator, inThreadEvaluator, startTypeScriptWorker } from './chunk-evaluator.ts';
import type { RunThreadData, RunThreadReply } from './run-thread.ts';

export const evaluationTask = 'evaluation-run';

export type EvaluationTaskOptions = {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  logger: Logger;
  /** evaluate in a worker thread (default); false evaluates in this thread */
  engineThread?: boolean;
  /** PostgreSQL: the whole run goes to a thread with a pool of its own (run-thread.ts) */
  databaseUrl?: string;
};

/** The heap of a run's thread: V8 collects harder as it nears it, which bounds the run's memory. */
const runThreadHeapMb = 384;

/** Carries the run out in a thread of its own (PostgreSQL) and returns its row once the thread ends. */
async function executeInRunThread(options: EvaluationTaskOptions & { databaseUrl: string }, runId: string) {
  const worker = startTypeScriptWorker(new URL('./run-thread.ts', import.meta.url), {
    workerData: { databaseUrl: options.databaseUrl, runId } satisfies RunThreadData,
    resourceLimits: { maxOldGenerationSizeMb: runThreadHeapMb },
  });
  const reply = await new Promise<RunThreadReply>((resolve, reject) => {
    let answered = false;
    worker.on('message', (message: RunThreadReply) => {
      answered = true;
      resolve(message);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`Luồng đánh giá đã dừng / the run's thread exited (code ${code})`));
    });
  });
  await worker.terminate();
  if ('error' in reply) throw new Error(reply.error);
  options.logger.info({ runId, threadHeap: reply.heap }, 'evaluation run thread ended');
  return options.prisma.evaluationRun.findUniqueOrThrow({ where: { id: runId } });
}

export function isEvaluationJob(payload: unknown): payload is EvaluationJob {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { runId?: unknown }).runId === 'string'
  );
}

export async function runEvaluationTask(
  options: EvaluationTaskOptions,
  job: EvaluationJob,
  attempt: { jobId: string; attempt: number },
): Promise<EvaluationRun> {
  const log = options.logger.child({
    task: evaluationTask,
    jobId: attempt.jobId,
    attempt: attempt.attempt,
    runId: job.runId,
    requestId: job.requestId,
  });
  const started = performance.now();
  log.info('evaluation run started');
  const wholeRunInThread = options.engineThread !== false && options.databaseUrl !== undefined;
  const evaluator =
    options.engineThread === false || wholeRunInThread ? inThreadEvaluator : createThreadEvaluator();
  try {
    const run =
      wholeRunInThread && options.databaseUrl
        ? await executeInRunThread({ ...options, databaseUrl: options.databaseUrl }, job.runId)
        : await executeEvaluationRun({
            prisma: options.prisma,
            unitTrees: options.unitTrees,
            runId: job.runId,
            evaluator,
          });
    const fields = {
      status: run.status,
      people: run.processed,
      ms: Math.round(performance.now() - started),
    };
    // the run's message may name people's ids and the engine's findings: the run row keeps it
    if (run.status === 'SUCCEEDED') log.info(fields, 'evaluation run finished');
    else log.warn(fields, 'evaluation run failed (see the run’s message)');
    return run;
  } catch (error) {
    log.error(errorFields(error), 'evaluation run could not be carried out');
    throw error;
  } finally {
    await evaluator.close();
  }
}
