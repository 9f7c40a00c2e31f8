import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import {
  type Cycle,
  type ImportBatch,
  type ImportKind,
  insertRows,
  type Prisma,
  type PrismaClient,
} from '@cadre/db';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import { uuidv7 } from '../../../ids.ts';
import {
  convertRows,
  type HeaderMap,
  mapHeaders,
  type RowError,
  storedRowError,
  type TypedRow,
} from '../../../imports/convert-rows.ts';
import type { ImportKindDefinition } from '../../../imports/import-kind.ts';
import { importKinds } from '../../../imports/import-kinds.ts';
import { applyImportMapping, readImportMapping } from '../../../imports/import-mapping.ts';
import { prepareImport } from '../../../imports/prepare-import.ts';
import { detectFormat, estimateDataRows } from '../../../imports/read-table.ts';
import { readTableInWorker } from '../../../imports/read-table-in-worker.ts';
import { FileLimitError, UnreadableFileError } from '../../../imports/read-table-types.ts';
import { readAccountViewer } from '../../../scope/account-viewer.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';

export type ImportOutcome = {
  batch: ImportBatch;
  /** the first errors (all of them are stored with the batch and in its error report) */
  errors: RowError[];
};

/** What a job needs to carry out a queued import (the job's payload; the file is in ImportFile). */
export type ImportJob = { batchId: string; requestId: string | null };

/**
 * The queue that carries out queued imports (jobs/queue.ts). The job is added inside the
 * transaction that records the batch and its file: never a batch without its job, or the reverse.
 */
export type ImportScheduler = {
  addImportJob(tx: Prisma.TransactionClient, job: ImportJob): Promise<void>;
  /** after the commit: tells the workers of this process to look now */
  wake(): void;
};

export type StartedImport = {
  /** the batch as recorded by the upload: QUEUED */
  batch: ImportBatch;
  /** the outcome once the batch has finished, whichever process carried it out */
  readonly done: Promise<ImportOutcome>;
};

/** Who may load which kind: the organisation itself only admins and officers; evidence also unit heads. */
const organisationKinds: ImportKind[] = ['UNITS', 'PEOPLE', 'PRODUCTS'];

// at most this many error rows are stored per batch (errorCount keeps the true total)
const storedErrorLimit = 10_000;
const progressEvery = 2_000;
/** the errors an upload's answer carries (all of them are in the batch's error report) */
const answeredErrorLimit = 200;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** a batch of a user that is still to finish: a second upload of the same user is refused meanwhile */
const unfinished: ImportBatch['status'][] = ['QUEUED', 'VALIDATING'];

export function assertMayImport(viewer: Viewer, kind: ImportKind): void {
  const allowed =
    viewer.role === 'ADMIN' ||
    viewer.role === 'OFFICER' ||
    (viewer.role === 'UNIT_HEAD' && !organisationKinds.includes(kind));
  if (!allowed) throw new ForbiddenError();
}

/**
 * Records an upload: the batch (QUEUED), its file and its job, in one transaction, refusing it
 * while another import of the same user is queued or running. With `jobs` the batch is carried out
 * by the queue (any API process or `npm run worker`, retried elsewhere if its process dies);
 * without, in this process right away (tests and the bench call it so). See executeImportBatch.
 */
export async function startImport(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  kind: ImportKind;
  cycleId: string | null;
  fileName: string;
  content: Buffer;
  /** the source system whose saved column mapping renames the file's headings */
  source?: string | null;
  jobs?: ImportScheduler;
  /** the upload's request, carried into the job's logs */
  requestId?: string | null;
  /** without jobs: rows per INSERT */
  chunkSize?: number;
}): Promise<StartedImport> {
  const { prisma, viewer, kind, jobs } = options;
  const spec = importKinds[kind];
  assertMayImport(viewer, kind);
  if (options.cycleId) {
    assertWritable(await findVisibleCycle(prisma, viewer, options.cycleId));
  } else if (spec.needsCycle) {
    throw new ValidationError([
      { field: 'cycleId', message: 'Cần chọn kỳ đánh giá cho loại dữ liệu này / cycleId is required' },
    ]);
  }
  const fileName = options.fileName.slice(0, 255) || 'upload';
  // stored compressed (off the event loop): a CSV shrinks 5–10 times, and the embedded engine
  // writes a bytea parameter at only ≈ 4 MB/s (measured: 40 MB in 10–21 s)
  const stored = await gzipAsync(options.content, { level: 1 });
  const batch = await prisma.$transaction(
    async (tx) => {
      // one import at a time per user, across connections and API replicas: the claim serialises
      // the uploads of one user, and the user's unfinished batch (its job still to end) refuses
      const [claim] = await tx.$queryRawUnsafe<{ free: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS free',
        `import:${viewer.userId}`,
      );
      if (!claim?.free) throw importRunning();
      const running = await tx.importBatch.findFirst({
        where: { createdById: viewer.userId, status: { in: unfinished } },
        select: { id: true },
      });
      if (running) throw importRunning();
      const created = await tx.importBatch.create({
        data: {
          kind,
          cycleId: options.cycleId,
          fileName,
          fileSize: options.content.length,
          status: 'QUEUED',
          createdById: viewer.userId,
        },
      });
      await tx.importFile.create({
        data: {
          batchId: created.id,
          content: new Uint8Array(stored.buffer as ArrayBuffer, stored.byteOffset, stored.length),
          source: options.source ?? null,
          requestId: options.requestId ?? null,
        },
      });
      await jobs?.addImportJob(tx, { batchId: created.id, requestId: options.requestId ?? null });
      return created;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (jobs) {
    jobs.wake();
    let waiting: Promise<ImportOutcome> | undefined;
    return {
      batch,
      get done() {
        waiting ??= waitForImport(prisma, batch.id);
        return waiting;
      },
    };
  }
  const done = executeImportBatch({
    prisma,
    unitTrees: options.unitTrees,
    batchId: batch.id,
    chunkSize: options.chunkSize,
  });
  return { batch, done };
}

/**
 * Loads one file of units, people or evidence and waits for the outcome, carried out in this
 * process (the bench and tests; the API queues it with startImport). See executeImportBatch.
 */
export async function importEvidence(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  kind: ImportKind;
  cycleId: string | null;
  fileName: string;
  content: Buffer;
  chunkSize?: number;
  source?: string | null;
}): Promise<ImportOutcome> {
  return (await startImport(options)).done;
}

function importRunning(): ConflictError {
  return new ConflictError(
    'Bạn đang có một lần nhập dữ liệu chưa xong; hãy chờ lần đó kết thúc rồi tải tiếp / one import at a time: your previous import is still running',
  );
}

/** Polls the batch until it has finished (it may be carried out by another process). */
export async function waitForImport(
  prisma: PrismaClient,
  batchId: string,
  intervalMs = 250,
): Promise<ImportOutcome> {
  for (;;) {
    const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (!unfinished.includes(batch.status)) return readOutcome(prisma, batch);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A finished batch and its first stored errors. */
async function readOutcome(prisma: PrismaClient, batch: ImportBatch): Promise<ImportOutcome> {
  if (batch.status !== 'FAILED') return { batch, errors: [] };
  const errors = await prisma.importRowError.findMany({
    where: { batchId: batch.id },
    orderBy: [{ row: 'asc' }, { id: 'asc' }],
    take: answeredErrorLimit,
    select: { row: true, field: true, value: true, message: true, messageKey: true, messageParams: true },
  });
  return { batch, errors: errors.map(storedRowError) };
}

/** The batch was finished by another attempt of its job while this one worked: nothing is written. */
class BatchFinishedError extends Error {
  constructor() {
    super('the import batch was finished by another attempt');
  }
}

/** Locks the batch's row in the transaction that finishes it; refuses when it has finished already. */
async function claimUnfinished(tx: Prisma.TransactionClient, batchId: string): Promise<void> {
  const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(
    'SELECT "status"::text AS status FROM "ImportBatch" WHERE "id" = $1 FOR UPDATE',
    batchId,
  );
  if (!row || !unfinished.includes(row.status as ImportBatch['status'])) throw new BatchFinishedError();
}

/**
 * Carries out a queued import (the job's work). Everything is validated first (types, dates,
 * enums, references inside the uploader's scope, duplicates in the file and against the
 * database); then either every row is written in one transaction, or none is. Either way the
 * batch ends APPLIED or FAILED with its row errors, and its file is deleted.
 *
 * Carrying out the same batch again (its job retried after its process died) is idempotent: the
 * transaction of the attempt that died was rolled back, so the batch is still unfinished and is
 * read again from its file; a batch that has finished is returned as it is, and the finishing
 * transaction locks the batch's row and refuses when another attempt has finished it meanwhile.
 */
export async function executeImportBatch(options: {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  batchId: string;
  /** rows per INSERT (default 1000) */
  chunkSize?: number;
}): Promise<ImportOutcome> {
  const { prisma, batchId } = options;
  // rows per INSERT: each chunk travels as one JSON parameter through Prisma's raw query, whose
  // copies of a 5,000-row chunk (≈ 3 MB) piled up in the large-object heap: +601 MB RSS for a
  // 100,000-row import against +439 MB at 1,000 rows, and no slower
  const chunkSize = options.chunkSize ?? 1000;
  const recorded = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  if (!unfinished.includes(recorded.status)) return readOutcome(prisma, recorded);
  // a previous attempt that died may have counted rows: this one starts again from the file
  await prisma.importBatch.updateMany({
    where: { id: batchId, status: { in: unfinished } },
    data: { status: 'VALIDATING', totalRows: 0, validRows: 0, expectedRows: null, errorCount: 0 },
  });
  const { kind, fileName } = recorded;
  const spec = importKinds[kind];
  const file = await prisma.importFile.findUnique({ where: { batchId } });
  const viewer = await readAccountViewer(prisma, options.unitTrees, recorded.createdById);
  const refuse = (message: string) =>
    finishFailed({
      prisma,
      viewer,
      kind,
      cycle: null,
      fileName,
      batchId,
      errors: [{ row: 0, field: '(tệp)', value: fileName, message }],
      errorCount: 1,
      totalRows: 0,
      validRows: 0,
    }).then((batch) => readOutcome(prisma, batch));
  if (!file) {
    return refuse(
      'Tệp tải lên không còn trong hệ thống; không có dòng nào được ghi, hãy tải lại / the uploaded file is gone; nothing was written, upload it again',
    );
  }
  if (!viewer) {
    return refuse(
      'Tài khoản tải tệp lên không còn hoạt động; không có dòng nào được ghi / the uploader’s account is disabled; nothing was written',
    );
  }
  let cycle: Cycle | null = null;
  try {
    // the uploader's role and the cycle are checked again: either may have changed while queued
    assertMayImport(viewer, kind);
    if (recorded.cycleId) {
      cycle = await findVisibleCycle(prisma, viewer, recorded.cycleId);
      assertWritable(cycle);
    }
  } catch (error) {
    if (error instanceof AppError) return refuse(error.message);
    throw error;
  }
  const content = await gunzipAsync(file.content);
  try {
    return await runImport({
      prisma,
      viewer,
      unitTrees: options.unitTrees,
      kind,
      spec,
      cycle,
      fileName,
      batchId,
      content,
      chunkSize,
      source: file.source,
    });
  } catch (error) {
    if (error instanceof BatchFinishedError) {
      return readOutcome(prisma, await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } }));
    }
    throw error;
  }
}

/**
 * A batch whose job could not be carried out (its worker died on every attempt, or the database
 * failed under it): FAILED with the reason as its one error, its file deleted.
 */
export async function abandonImport(prisma: PrismaClient, batchId: string, message: string): Promise<void> {
  await prisma
    .$transaction(async (tx) => {
      await claimUnfinished(tx, batchId);
      await tx.importRowError.deleteMany({ where: { batchId } });
      await tx.importRowError.create({
        data: { id: uuidv7(), batchId, row: 0, field: '(tệp)', value: null, message: message.slice(0, 2000) },
      });
      await tx.importBatch.update({
        where: { id: batchId },
        data: { status: 'FAILED', errorCount: 1, finishedAt: new Date() },
      });
      await tx.importFile.deleteMany({ where: { batchId } });
    })
    .catch((error: unknown) => {
      if (!(error instanceof BatchFinishedError)) throw error;
    });
}

async function runImport(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  kind: ImportKind;
  spec: ImportKindDefinition;
  cycle: Cycle | null;
  fileName: string;
  batchId: string;
  content: Buffer;
  chunkSize: number;
  source?: string | null;
}): Promise<ImportOutcome> {
  const { prisma, viewer, kind, spec, cycle, fileName, chunkSize, batchId } = options;
  const format = detectFormat(fileName, options.content);
  // what the file says it holds: the batch's progress is the rows read so far of these
  const expectedRows = await estimateDataRows(options.content, format);
  if (expectedRows !== null)
    await prisma.importBatch.update({ where: { id: batchId }, data: { expectedRows } });
  let errors: RowError[] = [];
  let errorCount = 0;
  const addError = (error: RowError) => {
    errorCount += 1;
    if (errors.length < storedErrorLimit) errors.push(error);
  };
  let totalRows = 0;
  let validRows = 0;
  let failedRows = 0;
  let prepared: Awaited<ReturnType<typeof prepareImport>> | null = null;
  try {
    // parsed in a worker thread, a batch ahead; each batch converted (and its raw cells dropped)
    // before the next is asked for, so the raw sheet never sits in memory whole
    const typed: TypedRow[] = [];
    let headers: HeaderMap | null = null;
    let nextRow = 1;
    for await (const rows of readTableInWorker({
      content: options.content,
      format,
      batchSize: progressEvery,
    })) {
      let data = rows;
      if (!headers) {
        const mapping = await readImportMapping(prisma, kind, options.source);
        headers = mapHeaders(spec, applyImportMapping(spec, rows[0] ?? [], mapping));
        for (const error of headers.errors) addError(error);
        if (headers.errors.length > 0) break;
        data = rows.slice(1);
        nextRow = 2;
      }
      const converted = convertRows(headers, data, nextRow);
      nextRow += data.length;
      const filled = data.filter((cells) => cells.some((cell) => cell !== null)).length;
      totalRows += filled;
      failedRows += filled - converted.rows.length;
      for (const row of converted.rows) typed.push(row);
      for (const error of converted.errors) addError(error);
      validRows += converted.rows.length;
      if (totalRows > progressEvery) {
        await prisma.importBatch.update({ where: { id: batchId }, data: { totalRows, validRows } });
      }
    }
    if (!headers) {
      // an empty file: every required column is missing
      headers = mapHeaders(spec, []);
      for (const error of headers.errors) addError(error);
    }
    if (totalRows === 0 && errorCount === 0) {
      addError({ row: 2, field: '(tệp)', value: null, message: 'Tệp không có dòng dữ liệu / no data rows' });
    }
    if (headers.errors.length === 0 && totalRows > 0) {
      await prisma.importBatch.update({ where: { id: batchId }, data: { totalRows, validRows } });
      const tree = await options.unitTrees.get();
      prepared = await prepareImport({
        prisma,
        viewer,
        tree,
        cycle,
        spec,
        rows: typed,
        chunkSize,
        batchId,
      });
      // what is written is in `prepared` now: the typed rows go before the writing starts
      typed.length = 0;
      const refusedRows = new Set<number>();
      for (const error of prepared.errors) {
        addError(error);
        if (error.row > 1) refusedRows.add(error.row);
      }
      failedRows += refusedRows.size;
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) {
      // never left validating: the batch says it failed, the error goes on to be logged
      await finishFailed({
        ...options,
        batchId,
        errors: [internalFailure(fileName)],
        errorCount: 1,
        totalRows,
        validRows: 0,
      });
      throw error;
    }
    // a file refused as a whole (unreadable, or over a limit): its row errors so far are moot
    if (error instanceof FileLimitError) {
      errors = [];
      errorCount = 0;
    }
    prepared = null;
    addError({ row: 0, field: '(tệp)', value: fileName, message: error.message });
  }

  if (errorCount === 0 && prepared) {
    const write = prepared.write;
    try {
      const applied = await prisma.$transaction(
        async (tx) => {
          // another attempt of this batch's job may have finished it meanwhile: then nothing is written
          await claimUnfinished(tx, batchId);
          const written = await write(tx);
          const updated = await tx.importBatch.update({
            where: { id: batchId },
            data: { status: 'APPLIED', totalRows, validRows: written, errorCount: 0, finishedAt: new Date() },
          });
          await writeAudit({
            tx,
            actor: viewer,
            action: 'importEvidence',
            entity: 'ImportBatch',
            entityId: batchId,
            after: { kind, cycleId: cycle?.id ?? null, fileName, rows: written },
          });
          await tx.importFile.deleteMany({ where: { batchId } });
          return updated;
        },
        { timeout: 600_000, maxWait: 30_000 },
      );
      if (kind === 'UNITS') options.unitTrees.invalidate();
      return { batch: applied, errors: [] };
    } catch (error) {
      if (error instanceof BatchFinishedError) throw error;
      // a row written by someone else since validation (unique violation): nothing was applied
      if (!isUniqueViolation(error)) {
        await finishFailed({
          ...options,
          batchId,
          errors: [internalFailure(fileName)],
          errorCount: 1,
          totalRows,
          validRows: 0,
        });
        throw error;
      }
      addError({
        row: 0,
        field: '(tệp)',
        value: null,
        message:
          'Dữ liệu vừa được người khác ghi trùng; không có dòng nào được ghi, hãy tải lại / rows were recorded by someone else meanwhile; nothing was written, upload again',
      });
    }
  }

  sortErrors(errors);
  const failed = await finishFailed({
    ...options,
    batchId,
    errors,
    errorCount,
    totalRows,
    validRows: Math.max(0, totalRows - failedRows),
  });
  return { batch: failed, errors: errors.slice(0, answeredErrorLimit) };
}

/** Records the batch as failed with its (first) row errors, and the refusal in the audit log. */
async function finishFailed(options: {
  prisma: PrismaClient;
  viewer: Viewer | null;
  kind: ImportKind;
  cycle: Cycle | null;
  fileName: string;
  batchId: string;
  errors: RowError[];
  errorCount: number;
  totalRows: number;
  validRows: number;
}): Promise<ImportBatch> {
  const { prisma, viewer, kind, cycle, fileName, errors, batchId } = options;
  const failed = {
    status: 'FAILED' as const,
    totalRows: options.totalRows,
    validRows: options.validRows,
    errorCount: options.errorCount,
    finishedAt: new Date(),
  };
  // ids in the errors' own order (one time-ordered id, its last 32 bits counting): the errors of
  // one row are read back, in the report and by the upload that waits, as they were found
  const idPrefix = uuidv7().slice(0, -8);
  try {
    return await prisma.$transaction(
      async (tx) => {
        await claimUnfinished(tx, batchId);
        await insertRows(
          tx,
          'ImportRowError',
          errors.slice(0, storedErrorLimit).map((error, index) => ({
            id: `${idPrefix}${index.toString(16).padStart(8, '0')}`,
            batchId,
            row: error.row,
            field: error.field.slice(0, 200),
            value: error.value?.slice(0, 500) ?? null,
            message: error.message,
            messageKey: error.messageKey ?? null,
            messageParams: error.messageParams ?? null,
          })),
        );
        const updated = await tx.importBatch.update({ where: { id: batchId }, data: failed });
        await writeAudit({
          tx,
          actor: viewer,
          action: 'importEvidenceRefused',
          entity: 'ImportBatch',
          entityId: batchId,
          after: { kind, cycleId: cycle?.id ?? null, fileName, errors: options.errorCount },
        });
        await tx.importFile.deleteMany({ where: { batchId } });
        return updated;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof BatchFinishedError) throw error;
    // the batch must not stay validating (it would hold the user's next import): failed, at least
    await prisma.importBatch.updateMany({ where: { id: batchId, status: { in: unfinished } }, data: failed });
    await prisma.importFile.deleteMany({ where: { batchId } });
    throw error;
  }
}

function internalFailure(fileName: string): RowError {
  return {
    row: 0,
    field: '(tệp)',
    value: fileName,
    message:
      'Lỗi hệ thống khi xử lý tệp; không có dòng nào được ghi / internal error while processing the file; nothing was written',
  };
}

function sortErrors(errors: RowError[]): void {
  errors.sort((a, b) => a.row - b.row);
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || /unique constraint/i.test(error.message);
}
