// The job queue: evaluation runs, imports and large exports are jobs that any API process or
// `npm run worker` carries out.
//
// PostgreSQL: graphile-worker (its own schema `graphile_worker`). The job is added in the
// transaction that records the run; a worker takes it, and holds a session advisory lock for as
// long as it works on it, on a connection of its own. When its process dies (kill -9, OOM, a lost
// machine) the server ends that session and the lock goes; every queue process looks every few
// seconds for jobs still marked as taken whose lock is free, and hands them back to the queue, so
// another worker carries the run or the import out again (both are idempotent). graphile-worker
// alone would wait 4 hours before taking back the job of a dead worker.
//
// Embedded engine (PGlite): one process owns the data folder, so a RUNNING run, an unfinished
// import batch (QUEUED, VALIDATING) or an unfinished export (QUEUED, RUNNING) that this process is
// not working on is a job: the queue is the runs', batches' and exports' own rows, carried out one at a time, and those left by a process that died
// are carried out when the next one starts.
import type { Database, Prisma, PrismaClient } from '@cadre/db';
import {
  Logger as GraphileLogger,
  type JobHelpers,
  makeWorkerUtils,
  type Runner,
  run as runGraphileWorker,
  runMigrations,
  type Task,
  type WorkerUtils,
} from 'graphile-worker';
import { ConfigError } from '../config.ts';
import {
  abandonExport,
  type ExportJobPayload,
  type ExportScheduler,
} from '../domains/documents/export-jobs.ts';
import {
  abandonRun,
  type EvaluationJob,
  type EvaluationScheduler,
} from '../domains/evaluation/services/run-evaluation.ts';
import {
  abandonImport,
  type ImportJob,
  type ImportScheduler,
} from '../domains/evidence/services/import-evidence.ts';
import { errorFields, type Logger } from '../logger.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import { evaluationTask, isEvaluationJob, runEvaluationTask } from './evaluation-task.ts';
import { exportTask, isExportJob, runExportTask } from './export-task.ts';
import { importTask, isImportJob, runImportTask } from './import-task.ts';

export type JobQueue = EvaluationScheduler &
  ImportScheduler &
  ExportScheduler & {
    readonly kind: 'graphile-worker' | 'embedded';
    /** whether this process carries out jobs */
    readonly executes: boolean;
    /** stops taking jobs; a job in progress is finished first (or, killed, taken back by another process) */
    close(): Promise<void>;
  };

export type JobQueueOptions = {
  db: Database;
  /** the client jobs use (the crash tests pass one that kills the process mid-run) */
  prisma?: PrismaClient;
  unitTrees: UnitTreeCache;
  logger: Logger;
  /** PostgreSQL connection string (required when db.engine is 'postgres') */
  databaseUrl?: string;
  /** carry out jobs in this process (default true); false only adds them (API replicas beside workers) */
  execute?: boolean;
  /** evaluate in a worker thread (default true) */
  engineThread?: boolean;
  /** how often taken jobs of dead workers are looked for (default 5 s) */
  rescueEveryMs?: number;
  /** a job taken less long ago than this may not hold its lock yet, so it is left alone (default 10 s) */
  rescueGraceSeconds?: number;
};

/** Attempts of an evaluation job: a run whose worker died this often is failed, not retried forever. */
export const evaluationAttempts = 3;
/** Attempts of an import job: likewise, a batch whose worker died this often is failed. */
export const importAttempts = 3;
/** Attempts of an export job: likewise, an export whose worker died this often is failed. */
export const exportAttempts = 3;
/** Advisory-lock class of "a worker is working on job N" (the two-key form: apart from the app's own locks). */
const jobLockClass = 0x63616472; // 'cadr'
const couldNotExport = 'Không tạo được tệp xuất / the export could not be built';
const couldNotImport =
  'Không thực hiện được lần nhập dữ liệu; không có dòng nào được ghi / the import could not be carried out; nothing was written';

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  if (options.db.engine === 'pglite') return startEmbeddedQueue(options);
  if (!options.databaseUrl) throw new Error('startJobQueue: databaseUrl is required on PostgreSQL');
  return startGraphileQueue({ ...options, databaseUrl: options.databaseUrl });
}

function graphileLogger(logger: Logger): GraphileLogger {
  const log = logger.child({ component: 'graphile-worker' });
  return new GraphileLogger(() => (level, message, meta) => {
    const fields = { ...meta };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else if (level === 'info') log.info(fields, message);
    else log.debug(fields, message);
  });
}

async function startGraphileQueue(options: JobQueueOptions & { databaseUrl: string }): Promise<JobQueue> {
  const prisma = options.prisma ?? options.db.prisma;
  const logger = graphileLogger(options.logger);
  const started = performance.now();
  await runMigrations({ connectionString: options.databaseUrl, logger });
  const execute = options.execute ?? true;
  let runner: Runner | null = null;
  let utils: WorkerUtils | null = null;
  let rescue: NodeJS.Timeout | null = null;
  if (execute) {
    const pg = (await import('pg')).default;
    /**
     * Holds the job's advisory lock on a connection of its own while `work` runs: the rescue of
     * dead workers' jobs takes a job back only once its lock is free.
     */
    const locked =
      <T>(
        isPayload: (payload: unknown) => payload is T,
        work: (payload: T, job: JobHelpers) => Promise<unknown>,
      ): Task =>
      async (payload, helpers) => {
        if (!isPayload(payload)) {
          helpers.logger.error(`job ${helpers.job.id}: payload is not a ${helpers.job.task_identifier} job`);
          return;
        }
        const alive = new pg.Client({ connectionString: options.databaseUrl });
        alive.on('error', (error) =>
          options.logger.warn({ jobId: helpers.job.id, ...errorFields(error) }, 'job lock connection lost'),
        );
        await alive.connect();
        try {
          await alive.query('SELECT pg_advisory_lock($1, $2)', [jobLockClass, jobLockKey(helpers.job.id)]);
          await work(payload, helpers);
        } finally {
          await alive.end().catch(() => undefined);
        }
      };
    const evaluate = locked(isEvaluationJob, async (payload, helpers) => {
      try {
        await runEvaluationTask(
          {
            prisma,
            unitTrees: options.unitTrees,
            logger: options.logger,
            engineThread: options.engineThread,
            // the run's own thread opens its own client: not when the caller gave one to use
            databaseUrl: options.prisma ? undefined : options.databaseUrl,
          },
          payload,
          { jobId: helpers.job.id, attempt: helpers.job.attempts },
        );
      } catch (error) {
        if (helpers.job.attempts >= helpers.job.max_attempts) {
          await abandonRun(
            prisma,
            payload.runId,
            'Không thực hiện được lượt đánh giá / the run could not be carried out',
          );
        }
        throw error;
      }
    });
    const importBatch = locked(isImportJob, async (payload, helpers) => {
      try {
        await runImportTask({ prisma, unitTrees: options.unitTrees, logger: options.logger }, payload, {
          jobId: helpers.job.id,
          attempt: helpers.job.attempts,
        });
      } catch (error) {
        if (helpers.job.attempts >= helpers.job.max_attempts) {
          await abandonImport(prisma, payload.batchId, couldNotImport);
        }
        throw error;
      }
    });
    const exportFile = locked(isExportJob, async (payload, helpers) => {
      try {
        await runExportTask({ prisma, unitTrees: options.unitTrees, logger: options.logger }, payload, {
          jobId: helpers.job.id,
          attempt: helpers.job.attempts,
        });
      } catch (error) {
        if (helpers.job.attempts >= helpers.job.max_attempts) {
          await abandonExport(prisma, payload.exportId, couldNotExport);
        }
        throw error;
      }
    });
    runner = await runGraphileWorker({
      connectionString: options.databaseUrl,
      concurrency: 1,
      maxPoolSize: 4,
      pollInterval: 2000,
      noHandleSignals: true,
      taskList: { [evaluationTask]: evaluate, [importTask]: importBatch, [exportTask]: exportFile },
      crontab: '', // no scheduled jobs (else it looks for a crontab file in the working folder)
      logger,
    });
    utils = await makeWorkerUtils({ connectionString: options.databaseUrl, logger });
    const workerUtils = utils;
    let busy = false;
    rescue = setInterval(() => {
      if (busy) return;
      busy = true;
      rescueDeadWorkersJobs(workerUtils, prisma, options.logger, options.rescueGraceSeconds ?? 10)
        .catch((error: unknown) =>
          options.logger.warn(errorFields(error), 'looking for jobs of dead workers failed'),
        )
        .finally(() => {
          busy = false;
        });
    }, options.rescueEveryMs ?? 5000);
    rescue.unref();
  }
  options.logger.info(
    { queue: 'graphile-worker', executes: execute, ms: Math.round(performance.now() - started) },
    'job queue ready',
  );
  return {
    kind: 'graphile-worker',
    executes: execute,
    async addEvaluationJob(tx: Prisma.TransactionClient, job: EvaluationJob) {
      await tx.$executeRawUnsafe(
        `SELECT graphile_worker.add_job($1, $2::json, job_key := $3, max_attempts := $4)`,
        evaluationTask,
        JSON.stringify(job),
        `${evaluationTask}:${job.runId}`,
        evaluationAttempts,
      );
    },
    async addImportJob(tx: Prisma.TransactionClient, job: ImportJob) {
      await tx.$executeRawUnsafe(
        `SELECT graphile_worker.add_job($1, $2::json, job_key := $3, max_attempts := $4)`,
        importTask,
        JSON.stringify(job),
        `${importTask}:${job.batchId}`,
        importAttempts,
      );
    },
    async addExportJob(tx: Prisma.TransactionClient, job: ExportJobPayload) {
      await tx.$executeRawUnsafe(
        `SELECT graphile_worker.add_job($1, $2::json, job_key := $3, max_attempts := $4)`,
        exportTask,
        JSON.stringify(job),
        `${exportTask}:${job.exportId}`,
        exportAttempts,
      );
    },
    wake() {
      // graphile-worker hears of the new job through its own LISTEN once the transaction commits
    },
    async close() {
      if (rescue) clearInterval(rescue);
      await runner?.stop();
      await utils?.release();
    },
  };
}

function jobLockKey(jobId: string): number {
  return Number(BigInt(jobId) % 2147483647n);
}

/**
 * Hands back to the queue the evaluation, import and export jobs marked as taken whose worker no longer
 * holds their lock (its process died). A job that has used up its attempts is failed, and so is
 * its run or its batch.
 */
async function rescueDeadWorkersJobs(
  utils: WorkerUtils,
  prisma: PrismaClient,
  logger: Logger,
  graceSeconds: number,
): Promise<void> {
  await utils.withPgClient(async (client) => {
    const taken = await client.query<{
      id: string;
      task_identifier: string;
      locked_by: string;
      attempts: number;
      max_attempts: number;
      key: string | null;
    }>(
      // the public view has no payload: the job's key names its run or its batch
      `SELECT id::text, task_identifier, locked_by, attempts, max_attempts, key FROM graphile_worker.jobs
       WHERE task_identifier = ANY($1::text[]) AND locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $2)`,
      [[evaluationTask, importTask, exportTask], graceSeconds],
    );
    for (const job of taken.rows) {
      const probe = await client.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS free', [
        jobLockClass,
        jobLockKey(job.id),
      ]);
      if (!probe.rows[0]?.free) continue; // its worker is alive and working on it
      await client.query('SELECT pg_advisory_unlock($1, $2)', [jobLockClass, jobLockKey(job.id)]);
      await utils.forceUnlockWorkers([job.locked_by]);
      const task = job.task_identifier;
      const subject = job.key?.startsWith(`${task}:`) ? job.key.slice(task.length + 1) : null;
      const ids =
        task === importTask
          ? { batchId: subject }
          : task === exportTask
            ? { exportId: subject }
            : { runId: subject };
      const what = task === importTask ? 'import' : task === exportTask ? 'export' : 'evaluation';
      if (job.attempts >= job.max_attempts) {
        await utils.permanentlyFailJobs([job.id], 'its worker died on every attempt');
        if (subject && task === exportTask) {
          await abandonExport(
            prisma,
            subject,
            `Tiến trình thực hiện đã dừng ${job.attempts} lần / the process building the export died ${job.attempts} times`,
          );
        } else if (subject && task === importTask) {
          await abandonImport(
            prisma,
            subject,
            `Tiến trình thực hiện đã dừng ${job.attempts} lần; không có dòng nào được ghi / the process carrying out the import died ${job.attempts} times; nothing was written`,
          );
        } else if (subject) {
          await abandonRun(
            prisma,
            subject,
            `Tiến trình thực hiện đã dừng ${job.attempts} lần / the process carrying out the run died ${job.attempts} times`,
          );
        }
        logger.error(
          { jobId: job.id, ...ids, attempts: job.attempts },
          `${what} job failed: its worker died on every attempt`,
        );
      } else {
        logger.warn(
          { jobId: job.id, ...ids, deadWorker: job.locked_by, attempts: job.attempts },
          `${what} job of a dead worker handed back to the queue`,
        );
      }
    }
  });
}

function startEmbeddedQueue(options: JobQueueOptions): JobQueue {
  const prisma = options.prisma ?? options.db.prisma;
  const requestIds = new Map<string, string | null>();
  const importRequestIds = new Map<string, string | null>();
  const exportRequestIds = new Map<string, string | null>();
  let closed = false;
  let draining: Promise<void> | null = null;
  let again = false;
  let current: Promise<unknown> = Promise.resolve();

  const drain = async (): Promise<void> => {
    do {
      again = false;
      await drainRuns();
      await drainImports();
      await drainExports();
    } while (again && !closed);
  };
  const drainRuns = async (): Promise<void> => {
    {
      const waiting = await prisma.evaluationRun.findMany({
        where: { status: 'RUNNING' },
        orderBy: { startedAt: 'asc' },
        select: { id: true },
      });
      for (const { id } of waiting) {
        if (closed) return;
        const resumed = !requestIds.has(id);
        const requestId = requestIds.get(id) ?? null;
        requestIds.delete(id);
        if (resumed)
          options.logger.warn({ runId: id }, 'evaluation run left by a stopped process: carrying it out');
        current = runEvaluationTask(
          {
            prisma,
            unitTrees: options.unitTrees,
            logger: options.logger,
            engineThread: options.engineThread,
          },
          { runId: id, requestId },
          { jobId: id, attempt: 1 },
        );
        await current.catch(async (error: unknown) => {
          // the run's own failures end the run; what is left is the database failing under it
          await abandonRun(
            prisma,
            id,
            String(error instanceof Error ? error.message : error).slice(0, 2000),
          ).catch(() => undefined);
        });
      }
    }
  };
  const drainImports = async (): Promise<void> => {
    const waiting = await prisma.importBatch.findMany({
      where: { status: { in: ['QUEUED', 'VALIDATING'] } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, status: true },
    });
    for (const { id, status } of waiting) {
      if (closed) return;
      const resumed = !importRequestIds.has(id);
      const requestId = importRequestIds.get(id) ?? null;
      importRequestIds.delete(id);
      if (resumed)
        options.logger.warn({ batchId: id, status }, 'import left by a stopped process: carrying it out');
      current = runImportTask(
        { prisma, unitTrees: options.unitTrees, logger: options.logger },
        { batchId: id, requestId },
        { jobId: id, attempt: 1 },
      );
      await current.catch(async (error: unknown) => {
        // the import's own failures end the batch; what is left is the database failing under it
        await abandonImport(prisma, id, couldNotImport).catch(() => undefined);
        options.logger.warn({ batchId: id, ...errorFields(error) }, 'import failed');
      });
    }
  };
  const drainExports = async (): Promise<void> => {
    const waiting = await prisma.exportJob.findMany({
      where: { status: { in: ['QUEUED', 'RUNNING'] } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, status: true },
    });
    for (const { id, status } of waiting) {
      if (closed) return;
      const resumed = !exportRequestIds.has(id);
      const requestId = exportRequestIds.get(id) ?? null;
      exportRequestIds.delete(id);
      if (resumed)
        options.logger.warn({ exportId: id, status }, 'export left by a stopped process: building it');
      current = runExportTask(
        { prisma, unitTrees: options.unitTrees, logger: options.logger },
        { exportId: id, requestId },
        { jobId: id, attempt: 1 },
      );
      await current.catch(async (error: unknown) => {
        await abandonExport(prisma, id, couldNotExport).catch(() => undefined);
        options.logger.warn({ exportId: id, ...errorFields(error) }, 'export failed');
      });
    }
  };
  const wake = () => {
    if (closed) return;
    if (draining) {
      again = true;
      return;
    }
    draining = drain()
      .catch((error: unknown) => options.logger.error(errorFields(error), 'embedded job queue failed'))
      .finally(() => {
        draining = null;
      });
  };
  wake(); // runs a stopped process left behind
  options.logger.info({ queue: 'embedded', executes: true }, 'job queue ready');
  return {
    kind: 'embedded',
    executes: true,
    async addEvaluationJob(_tx, job) {
      requestIds.set(job.runId, job.requestId);
    },
    async addImportJob(_tx, job) {
      importRequestIds.set(job.batchId, job.requestId);
    },
    async addExportJob(_tx, job) {
      exportRequestIds.set(job.exportId, job.requestId);
    },
    wake,
    async close() {
      closed = true;
      await current.catch(() => undefined);
    },
  };
}

/** RUN_JOBS=off: this process only adds jobs (an API replica beside `npm run worker` processes). */
export function readRunJobs(env: Record<string, string | undefined> = process.env): boolean {
  const raw = env.RUN_JOBS?.trim().toLowerCase();
  if (raw === undefined || raw === '' || ['1', 'on', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'off', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`RUN_JOBS="${env.RUN_JOBS}" không hợp lệ / is invalid: use on or off`);
}
