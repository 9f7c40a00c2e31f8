// The job that carries out a queued import (validation, then the all-or-nothing write), the same
// whichever queue hands it over (graphile-worker on PostgreSQL, the embedded engine's queue).
import type { PrismaClient } from '@cadre/db';
import {
  executeImportBatch,
  type ImportJob,
  type ImportOutcome,
} from '../domains/evidence/services/import-evidence.ts';
import { errorFields, type Logger } from '../logger.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';

export const importTask = 'import-batch';

export type ImportTaskOptions = {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  logger: Logger;
};

export function isImportJob(payload: unknown): payload is ImportJob {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { batchId?: unknown }).batchId === 'string'
  );
}

export async function runImportTask(
  options: ImportTaskOptions,
  job: ImportJob,
  attempt: { jobId: string; attempt: number },
): Promise<ImportOutcome> {
  const log = options.logger.child({
    task: importTask,
    jobId: attempt.jobId,
    attempt: attempt.attempt,
    batchId: job.batchId,
    requestId: job.requestId,
  });
  const started = performance.now();
  log.info('import started');
  try {
    const outcome = await executeImportBatch({
      prisma: options.prisma,
      unitTrees: options.unitTrees,
      batchId: job.batchId,
    });
    const { batch } = outcome;
    const fields = {
      kind: batch.kind,
      status: batch.status,
      rows: batch.totalRows,
      errors: batch.errorCount,
      ms: Math.round(performance.now() - started),
    };
    // the row errors may quote people's data: the batch keeps them, the log only counts them
    if (batch.status === 'APPLIED') log.info(fields, 'import finished');
    else log.warn(fields, 'import refused (see the batch’s row errors)');
    return outcome;
  } catch (error) {
    log.error(errorFields(error), 'import could not be carried out');
    throw error;
  }
}
