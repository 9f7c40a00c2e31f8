// The job that builds a large export (domains/documents/export-jobs.ts), the same whichever queue hands it
// over (graphile-worker on PostgreSQL, the embedded engine's queue).
import type { ExportJob, PrismaClient } from '@cadre/db';
import { type ExportJobPayload, executeExport } from '../domains/documents/export-jobs.ts';
import { errorFields, type Logger } from '../logger.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';

export const exportTask = 'export-file';

export type ExportTaskOptions = {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  logger: Logger;
};

export function isExportJob(payload: unknown): payload is ExportJobPayload {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { exportId?: unknown }).exportId === 'string'
  );
}

export async function runExportTask(
  options: ExportTaskOptions,
  job: ExportJobPayload,
  attempt: { jobId: string; attempt: number },
): Promise<ExportJob> {
  const log = options.logger.child({
    task: exportTask,
    jobId: attempt.jobId,
    attempt: attempt.attempt,
    exportId: job.exportId,
    requestId: job.requestId,
  });
  const started = performance.now();
  log.info('export started');
  try {
    const done = await executeExport({
      prisma: options.prisma,
      unitTrees: options.unitTrees,
      exportId: job.exportId,
    });
    const fields = {
      file: done.file,
      status: done.status,
      bytes: done.bytes,
      ms: Math.round(performance.now() - started),
    };
    // the reason may quote what the caller asked for, never the file's content
    if (done.status === 'SUCCEEDED') log.info(fields, 'export finished');
    else log.warn({ ...fields, message: done.message }, 'export refused');
    return done;
  } catch (error) {
    log.error(errorFields(error), 'export could not be carried out');
    throw error;
  }
}
