import type { ImportKind, ImportMapping, PrismaClient } from '@cadre/db';
import { ForbiddenError, ValidationError } from '../../../errors.ts';
import { importKinds } from '../../../imports/import-kinds.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';

/**
 * Saves how one source system's export names the columns of an import kind ({ column key: the
 * source's heading }), so that the next file from that source is read without retyping.
 */
export async function saveImportMapping(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  kind: ImportKind;
  source: string;
  columns: unknown;
}): Promise<ImportMapping> {
  const { prisma, viewer } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  const source = options.source.trim();
  const spec = importKinds[options.kind];
  const issues: { field: string; message: string }[] = [];
  if (!source)
    issues.push({ field: 'source', message: 'Cần tên hệ thống nguồn / the source system is required' });
  const columns: Record<string, string> = {};
  if (!options.columns || typeof options.columns !== 'object' || Array.isArray(options.columns)) {
    issues.push({
      field: 'columns',
      message: 'Cần bảng ánh xạ cột / a { column: heading } object is required',
    });
  } else {
    const known = new Set(spec.columns.map((column) => column.key));
    for (const [key, heading] of Object.entries(options.columns as Record<string, unknown>)) {
      if (!known.has(key)) {
        issues.push({
          field: `columns.${key}`,
          message: `Cột "${key}" không thuộc mẫu ${spec.title} / not a column of this import (${[...known].join(', ')})`,
        });
      } else if (typeof heading !== 'string' || heading.trim() === '') {
        issues.push({
          field: `columns.${key}`,
          message: 'Cần tên cột trong tệp nguồn / the source heading is required',
        });
      } else {
        columns[key] = heading.trim();
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return prisma.$transaction(async (tx) => {
    const key = { kind_source: { kind: options.kind, source } };
    const before = await tx.importMapping.findUnique({ where: key });
    const saved = await tx.importMapping.upsert({
      where: key,
      create: { kind: options.kind, source, columns },
      update: { columns },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'saveImportMapping',
      entity: 'ImportMapping',
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}
