import {
  type Cycle,
  type Database,
  type ImportBatch,
  type ImportKind,
  insertRows,
  type PrismaClient,
} from '@cadre/db';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import {
  convertRows,
  type HeaderMap,
  mapHeaders,
  type RowError,
  type TypedRow,
} from '../imports/convert-rows.ts';
import { type ImportKindSpec, importKinds } from '../imports/import-columns.ts';
import { applyImportMapping, readImportMapping } from '../imports/import-mapping.ts';
import { prepareImport } from '../imports/prepare-import.ts';
import { detectFormat } from '../imports/read-table.ts';
import { readTableInWorker } from '../imports/read-table-in-worker.ts';
import { FileLimitError, UnreadableFileError } from '../imports/read-table-types.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { assertWritable, findVisibleCycle } from './cycle-access.ts';
import { writeAudit } from './write-audit.ts';

export type ImportOutcome = {
  batch: ImportBatch;
  /** the first errors (all of them are stored with the batch and in its error report) */
  errors: RowError[];
};

/** Who may load which kind: the organisation itself only admins and officers; evidence also unit heads. */
const organisationKinds: ImportKind[] = ['UNITS', 'PEOPLE', 'PRODUCTS'];

// at most this many error rows are stored per batch (errorCount keeps the true total)
const storedErrorLimit = 10_000;
const progressEvery = 2_000;
/** users with an import running in this process */
const activeImporters = new Set<string>();

export function assertMayImport(viewer: Viewer, kind: ImportKind): void {
  const allowed =
    viewer.role === 'ADMIN' ||
    viewer.role === 'OFFICER' ||
    (viewer.role === 'UNIT_HEAD' && !organisationKinds.includes(kind));
  if (!allowed) throw new ForbiddenError();
}

/**
 * Loads one file of units, people or evidence. Everything is validated first (types, dates,
 * enums, references inside the uploader's scope, duplicates in the file and against the
 * database); then either every row is written in one transaction, or none is. Either way the
 * batch and its row errors are recorded.
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
  /** the source system whose saved column mapping renames the file's headings */
  source?: string | null;
  /** the database, for the claim that keeps a user to one import across API replicas */
  db?: Database;
}): Promise<ImportOutcome> {
  const { prisma, viewer, kind } = options;
  const spec = importKinds[kind];
  // rows per INSERT: each chunk travels as one JSON parameter through Prisma's raw query, whose
  // copies of a 5,000-row chunk (≈ 3 MB) piled up in the large-object heap: +601 MB RSS for a
  // 100,000-row import against +439 MB at 1,000 rows, and no slower
  const chunkSize = options.chunkSize ?? 1000;
  assertMayImport(viewer, kind);
  let cycle: Cycle | null = null;
  if (options.cycleId) {
    cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
    assertWritable(cycle);
  } else if (spec.needsCycle) {
    throw new ValidationError([
      { field: 'cycleId', message: 'Cần chọn kỳ đánh giá cho loại dữ liệu này / cycleId is required' },
    ]);
  }

  const fileName = options.fileName.slice(0, 255) || 'upload';
  // one import at a time per user: claimed before the first await, so two requests cannot both pass
  if (activeImporters.has(viewer.userId)) throw importRunning();
  activeImporters.add(viewer.userId);
  try {
    return await holdImportClaim(options.db, viewer.userId, async () => {
      // holding the claim, no import of this user runs anywhere: a batch still validating was left
      // by a process that died, and is closed as failed so the user sees it and may upload again
      await prisma.importBatch.updateMany({
        where: { createdById: viewer.userId, status: 'VALIDATING' },
        data: { status: 'FAILED', finishedAt: new Date() },
      });
      return runImport({ ...options, spec, chunkSize, cycle, fileName });
    });
  } finally {
    activeImporters.delete(viewer.userId);
  }
}

/**
 * Another API replica may be importing for the same user. On PostgreSQL the claim is an advisory
 * lock taken in a transaction of its own, held while `fn` runs: the server lets it go when this
 * process dies, so a crash never blocks the user. The embedded engine has one process, whose own
 * set of importers is the whole truth.
 */
async function holdImportClaim<T>(
  db: Database | undefined,
  userId: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (db?.engine !== 'postgres') return fn();
  let result: { value: T } | null = null;
  await db.sql.transaction(async (tx) => {
    const [claim] = await tx.query<{ free: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS free',
      [`import:${userId}`],
    );
    if (!claim?.free) throw importRunning();
    result = { value: await fn() };
  });
  if (!result) throw importRunning();
  return (result as { value: T }).value;
}

function importRunning(): ConflictError {
  return new ConflictError(
    'Bạn đang có một lần nhập dữ liệu chưa xong; hãy chờ lần đó kết thúc rồi tải tiếp / one import at a time: your previous import is still running',
  );
}

async function runImport(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  kind: ImportKind;
  spec: ImportKindSpec;
  cycle: Cycle | null;
  fileName: string;
  content: Buffer;
  chunkSize: number;
  source?: string | null;
}): Promise<ImportOutcome> {
  const { prisma, viewer, kind, spec, cycle, fileName, chunkSize } = options;
  const batch = await prisma.importBatch.create({
    data: {
      kind,
      cycleId: cycle?.id ?? null,
      fileName,
      fileSize: options.content.length,
      createdById: viewer.userId,
    },
  });

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
      format: detectFormat(fileName, options.content),
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
        await prisma.importBatch.update({ where: { id: batch.id }, data: { totalRows, validRows } });
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
      await prisma.importBatch.update({ where: { id: batch.id }, data: { totalRows, validRows } });
      const tree = await options.unitTrees.get();
      prepared = await prepareImport({ prisma, viewer, tree, cycle, spec, rows: typed, chunkSize });
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
        batchId: batch.id,
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
          const written = await write(tx);
          const updated = await tx.importBatch.update({
            where: { id: batch.id },
            data: { status: 'APPLIED', totalRows, validRows: written, errorCount: 0, finishedAt: new Date() },
          });
          await writeAudit({
            tx,
            actor: viewer,
            action: 'importEvidence',
            entity: 'ImportBatch',
            entityId: batch.id,
            after: { kind, cycleId: cycle?.id ?? null, fileName, rows: written },
          });
          return updated;
        },
        { timeout: 600_000, maxWait: 30_000 },
      );
      if (kind === 'UNITS') options.unitTrees.invalidate();
      return { batch: applied, errors: [] };
    } catch (error) {
      // a row written by someone else since validation (unique violation): nothing was applied
      if (!isUniqueViolation(error)) {
        await finishFailed({
          ...options,
          batchId: batch.id,
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
    batchId: batch.id,
    errors,
    errorCount,
    totalRows,
    validRows: Math.max(0, totalRows - failedRows),
  });
  return { batch: failed, errors: errors.slice(0, 200) };
}

/** Records the batch as failed with its (first) row errors, and the refusal in the audit log. */
async function finishFailed(options: {
  prisma: PrismaClient;
  viewer: Viewer;
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
  try {
    return await prisma.$transaction(
      async (tx) => {
        await insertRows(
          tx,
          'ImportRowError',
          errors.slice(0, storedErrorLimit).map((error) => ({
            id: uuidv7(),
            batchId,
            row: error.row,
            field: error.field.slice(0, 200),
            value: error.value?.slice(0, 500) ?? null,
            message: error.message,
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
        return updated;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    // the batch must not stay validating (it would hold the user's next import): failed, at least
    await prisma.importBatch.update({ where: { id: batchId }, data: failed });
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
