// The job that carries out a recorded evaluation run, the same whichever queue hands it over
// (graphile-worker on PostgreSQL, the embedded engine's queue in the one process).
import type { EvaluationRun, PrismaClient } from '@cadre/db';
import { errorFields, type Logger } from '../logger.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import { type EvaluationJob, executeEvaluationRun } from '../services/run-evaluation.ts';
import { createThreadEvaluator, inThreadEvaluator } from './chunk-evaluator.ts';

export const evaluationTask = 'evaluation-run';

export type EvaluationTaskOptions = {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  logger: Logger;
  /** evaluate in a worker thread (default); false evaluates in this thread */
  engineThread?: boolean;
};

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
  const evaluator = options.engineThread === false ? inThreadEvaluator : createThreadEvaluator();
  try {
    const run = await executeEvaluationRun({
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
