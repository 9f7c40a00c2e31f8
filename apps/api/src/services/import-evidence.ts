import type { Cycle, ImportBatch, ImportKind, PrismaClient } from '@cadre/db';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { convertRows, mapHeaders, type RowError } from '../imports/convert-rows.ts';
import { importKinds } from '../imports/import-columns.ts';
import { prepareImport } from '../imports/prepare-import.ts';
import { detectFormat, readTable, UnreadableFileError } from '../imports/read-table.ts';
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
const organisationKinds: ImportKind[] = ['UNITS', 'PEOPLE'];

// at most this many error rows are stored per batch (errorCount keeps the true total)
const storedErrorLimit = 10_000;
const progressEvery = 2_000;

function assertMayImport(viewer: Viewer, kind: ImportKind): void {
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
}): Promise<ImportOutcome> {
  const { prisma, viewer, kind } = options;
  const spec = importKinds[kind];
  const chunkSize = options.chunkSize ?? 5000;
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
  const batch = await prisma.importBatch.create({
    data: {
      kind,
      cycleId: cycle?.id ?? null,
      fileName,
      fileSize: options.content.length,
      createdById: viewer.userId,
    },
  });

  const errors: RowError[] = [];
  let totalRows = 0;
  let validRows = 0;
  let prepared: Awaited<ReturnType<typeof prepareImport>> | null = null;
  try {
    const table = await readTable({
      content: options.content,
      format: detectFormat(fileName, options.content),
    });
    const [header = [], ...data] = table.rows;
    const headers = mapHeaders(spec, header);
    errors.push(...headers.errors);
    totalRows = data.filter((cells) => cells.some((cell) => cell !== null)).length;
    if (totalRows === 0 && errors.length === 0) {
      errors.push({
        row: 2,
        field: '(tệp)',
        value: null,
        message: 'Tệp không có dòng dữ liệu / no data rows',
      });
    }
    if (errors.length === 0) {
      await prisma.importBatch.update({ where: { id: batch.id }, data: { totalRows } });
      const typed = [];
      for (let offset = 0; offset < data.length; offset += progressEvery) {
        const converted = convertRows(headers, data.slice(offset, offset + progressEvery), 2 + offset);
        typed.push(...converted.rows);
        errors.push(...converted.errors);
        validRows += converted.rows.length;
        if (data.length > progressEvery) {
          await prisma.importBatch.update({ where: { id: batch.id }, data: { validRows } });
        }
      }
      const tree = await options.unitTrees.get();
      prepared = await prepareImport({ prisma, viewer, tree, cycle, spec, rows: typed, chunkSize });
      errors.push(...prepared.errors);
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    errors.push({ row: 0, field: '(tệp)', value: fileName, message: error.message });
  }

  if (errors.length === 0 && prepared) {
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
      if (!isUniqueViolation(error)) throw error;
      errors.push({
        row: 0,
        field: '(tệp)',
        value: null,
        message:
          'Dữ liệu vừa được người khác ghi trùng; không có dòng nào được ghi, hãy tải lại / rows were recorded by someone else meanwhile; nothing was written, upload again',
      });
    }
  }

  sortErrors(errors);
  const failedRows = new Set(errors.filter((error) => error.row > 1).map((error) => error.row)).size;
  const failed = await prisma.$transaction(async (tx) => {
    for (let offset = 0; offset < Math.min(errors.length, storedErrorLimit); offset += 1000) {
      await tx.importRowError.createMany({
        data: errors.slice(offset, Math.min(offset + 1000, storedErrorLimit)).map((error) => ({
          batchId: batch.id,
          row: error.row,
          field: error.field.slice(0, 200),
          value: error.value?.slice(0, 500) ?? null,
          message: error.message,
        })),
      });
    }
    const updated = await tx.importBatch.update({
      where: { id: batch.id },
      data: {
        status: 'FAILED',
        totalRows,
        validRows: Math.max(0, totalRows - failedRows),
        errorCount: errors.length,
        finishedAt: new Date(),
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'importEvidenceRefused',
      entity: 'ImportBatch',
      entityId: batch.id,
      after: { kind, cycleId: cycle?.id ?? null, fileName, errors: errors.length },
    });
    return updated;
  });
  return { batch: failed, errors: errors.slice(0, 200) };
}

function sortErrors(errors: RowError[]): void {
  errors.sort((a, b) => a.row - b.row);
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || /unique constraint/i.test(error.message);
}
