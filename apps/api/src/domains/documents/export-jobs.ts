import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { ExportJob, Prisma, PrismaClient } from '@cadre/db';
import { exportToNationalDatabase } from '../../documents/national-export.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { readAccountViewer } from '../../scope/account-viewer.ts';
import type { UnitTreeCache } from '../../scope/unit-tree.ts';
import type { Viewer } from '../../scope/viewer.ts';
import { findVisibleCycle } from '../cycles/cycle-access.ts';
import { exportResultsWorkbook } from './services/export-results.ts';

// Large exports as jobs: the results workbook and the file for the national personnel database
// of a whole province are 100,000 rows, seconds of work that would hold the API's event loop. The
// caller asks (startExport: the job row and its queue job in one transaction), any worker builds
// the file as the caller (executeExport: the same where-builders as on screen, through the caller's
// account as it is now), and only the caller downloads it (readExportFile). A built file is kept a
// day, compressed.

/** The exports that are built by a job, with their content types. */
export const exportFiles = {
  'results.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'national-export.json': 'application/json; charset=utf-8',
  'national-export.xml': 'application/xml; charset=utf-8',
} as const;
export type ExportFileName = keyof typeof exportFiles;

/** How long a built file stays downloadable. */
export const exportKeptMs = 24 * 60 * 60_000;

/** What a job needs to build an export (the job's payload). */
export type ExportJobPayload = { exportId: string; requestId: string | null };

/** The queue that builds exports (jobs/queue.ts); the job is added in the transaction that records the export. */
export type ExportScheduler = {
  addExportJob(tx: Prisma.TransactionClient, job: ExportJobPayload): Promise<void>;
  wake(): void;
};

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const unfinished: ExportJob['status'][] = ['QUEUED', 'RUNNING'];

export function isExportFileName(file: string): file is ExportFileName {
  return Object.hasOwn(exportFiles, file);
}

function exportRunning(): ConflictError {
  return new ConflictError(
    'Tệp xuất trước của bạn đang được tạo; chờ xong rồi yêu cầu tệp khác / your previous export is still being built',
  );
}

/**
 * Records an export: the job row (QUEUED) and its queue job in one transaction, refusing it while
 * another export of the same user is unfinished. The cycle is checked now, so a wrong one is told
 * at once; what the caller may see of it is decided when the file is built. Without `jobs` (tests)
 * the file is built in this process right away; `done` ends when it is.
 */
export async function startExport(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  file: string;
  cycleId: string;
  unitId: string | null;
  jobs?: ExportScheduler;
  requestId?: string | null;
}): Promise<{ job: ExportJob; done: Promise<ExportJob> }> {
  const { prisma, viewer, file } = options;
  if (!isExportFileName(file)) {
    throw new ValidationError([
      {
        field: 'file',
        message: `Không có tệp xuất "${file.slice(0, 60)}"; chọn ${Object.keys(exportFiles).join(', ')} / unknown export`,
      },
    ]);
  }
  await findVisibleCycle(prisma, viewer, options.cycleId); // not found (or out of scope) is told at once
  const job = await prisma.$transaction(async (tx) => {
    // one export at a time per user, across API replicas (as imports)
    const [claim] = await tx.$queryRawUnsafe<{ free: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS free',
      `export:${viewer.userId}`,
    );
    if (!claim?.free) throw exportRunning();
    const running = await tx.exportJob.findFirst({
      where: { requestedById: viewer.userId, status: { in: unfinished } },
      select: { id: true },
    });
    if (running) throw exportRunning();
    // files of a day ago are gone, whoever asked for them
    await tx.exportJob.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - exportKeptMs) } } });
    const created = await tx.exportJob.create({
      data: {
        file,
        cycleId: options.cycleId,
        unitId: options.unitId,
        requestedById: viewer.userId,
        requestId: options.requestId ?? null,
      },
    });
    await options.jobs?.addExportJob(tx, { exportId: created.id, requestId: options.requestId ?? null });
    return created;
  });
  if (options.jobs) {
    options.jobs.wake();
    return { job, done: Promise.resolve(job) };
  }
  const done = executeExport({ prisma, unitTrees: options.unitTrees, exportId: job.id });
  return { job, done };
}

async function buildFile(
  prisma: PrismaClient,
  viewer: Viewer,
  unitTrees: UnitTreeCache,
  job: ExportJob,
): Promise<{ fileName: string; content: Buffer }> {
  switch (job.file as ExportFileName) {
    case 'results.xlsx':
      return exportResultsWorkbook({ prisma, viewer, unitTrees, cycleId: job.cycleId, unitId: job.unitId });
    case 'national-export.json':
    case 'national-export.xml':
      return exportToNationalDatabase({
        prisma,
        viewer,
        cycleId: job.cycleId,
        format: job.file === 'national-export.json' ? 'json' : 'xml',
      });
  }
}

/**
 * Builds the file of a recorded export (the job's work) and keeps it, compressed, on the job's row.
 * What the caller may not do or see (an AppError: out of scope, not allowed) ends the export
 * FAILED with the reason; anything else is thrown, for the queue to try again. Carrying out a
 * finished export again returns it as it is.
 */
export async function executeExport(options: {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  exportId: string;
}): Promise<ExportJob> {
  const { prisma } = options;
  const job = await prisma.exportJob.findUnique({ where: { id: options.exportId } });
  if (!job) throw new NotFoundError('tệp xuất / export');
  if (!unfinished.includes(job.status)) return job;
  await prisma.exportJob.update({ where: { id: job.id }, data: { status: 'RUNNING' } });
  const viewer = await readAccountViewer(prisma, options.unitTrees, job.requestedById);
  if (!viewer) return failExport(prisma, job.id, 'Tài khoản đã bị khoá / the account is deactivated');
  let built: { fileName: string; content: Buffer };
  try {
    built = await buildFile(prisma, viewer, options.unitTrees, job);
  } catch (error) {
    if (error instanceof AppError) return failExport(prisma, job.id, error.message);
    throw error;
  }
  const content = await gzipAsync(built.content, { level: 6 });
  return prisma.exportJob.update({
    where: { id: job.id },
    data: {
      status: 'SUCCEEDED',
      fileName: built.fileName,
      contentType: exportFiles[job.file as ExportFileName],
      content,
      bytes: built.content.length,
      finishedAt: new Date(),
    },
  });
}

function failExport(prisma: PrismaClient, exportId: string, message: string): Promise<ExportJob> {
  return prisma.exportJob.update({
    where: { id: exportId },
    data: { status: 'FAILED', message: message.slice(0, 2000), finishedAt: new Date() },
  });
}

/** Ends an export that its job can no longer carry out (its attempts are used up). */
export async function abandonExport(prisma: PrismaClient, exportId: string, message: string): Promise<void> {
  await prisma.exportJob.updateMany({
    where: { id: exportId, status: { in: unfinished } },
    data: { status: 'FAILED', message, finishedAt: new Date() },
  });
}

/** The caller's own export (another's is not found: only the one who asked may see or download it). */
export async function findOwnExport(prisma: PrismaClient, viewer: Viewer, exportId: string) {
  const job = await prisma.exportJob.findFirst({
    where: { id: exportId, requestedById: viewer.userId },
    omit: { content: true },
  });
  if (!job) throw new NotFoundError('tệp xuất / export');
  return job;
}

/** The built file of the caller's own export. */
export async function readExportFile(
  prisma: PrismaClient,
  viewer: Viewer,
  exportId: string,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const job = await prisma.exportJob.findFirst({ where: { id: exportId, requestedById: viewer.userId } });
  if (!job) throw new NotFoundError('tệp xuất / export');
  if (job.status !== 'SUCCEEDED' || !job.content || !job.fileName || !job.contentType) {
    throw new ConflictError(
      job.status === 'FAILED'
        ? `Không tạo được tệp: ${job.message ?? ''} / the export failed`
        : 'Tệp đang được tạo; thử lại sau ít giây / the file is still being built',
    );
  }
  return { fileName: job.fileName, contentType: job.contentType, content: await gunzipAsync(job.content) };
}
