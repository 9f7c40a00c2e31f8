import type { Prisma } from '@cadre/db';
import { column, type ImportKindDefinition, int, personCode } from '../import-kind.ts';
import { findInChunks, num, prepareEvidence } from '../prepare-import.ts';

/** A person's administrative-procedure dossiers of the cycle: one row per person. */
export const dossiersImport: ImportKindDefinition = {
  kind: 'DOSSIERS',
  slug: 'dossiers',
  title: 'Hồ sơ thủ tục hành chính',
  needsCycle: true,
  columns: [
    personCode,
    column('received', 'Số hồ sơ tiếp nhận', int, '420'),
    column('early', 'Trước hạn', int, '100'),
    column('onTime', 'Đúng hạn', int, '318'),
    column('late', 'Trễ hạn', int, '2'),
    column('apologies', 'Phiếu xin lỗi', int, '2'),
  ],
  prepare(options) {
    const { prisma } = options;
    const cycleId = options.cycle?.id ?? '';
    return prepareEvidence<Prisma.DossierStatCreateManyInput>(options, {
      keyOf: (personId) => `d|${personId}`,
      keyField: 'Mã cán bộ',
      existingKeys: async (personIds) =>
        (
          await findInChunks(personIds, (ids) =>
            prisma.dossierStat.findMany({
              where: { cycleId, personId: { in: ids } },
              select: { personId: true },
            }),
          )
        ).map((row) => `d|${row.personId}`),
      check: (row) => {
        const handled =
          (num(row.values.early) ?? 0) + (num(row.values.onTime) ?? 0) + (num(row.values.late) ?? 0);
        const received = num(row.values.received);
        return received !== null && handled > received
          ? [
              {
                row: row.row,
                field: 'Số hồ sơ tiếp nhận',
                value: String(received),
                message: `Trước hạn + đúng hạn + trễ hạn (${handled}) vượt số tiếp nhận / early + on time + late exceeds received`,
              },
            ]
          : [];
      },
      build: (personId, row) => ({
        cycleId,
        personId,
        importBatchId: options.batchId,
        received:
          num(row.values.received) ??
          (num(row.values.early) ?? 0) + (num(row.values.onTime) ?? 0) + (num(row.values.late) ?? 0),
        early: num(row.values.early) ?? 0,
        onTime: num(row.values.onTime) ?? 0,
        late: num(row.values.late) ?? 0,
        apologies: num(row.values.apologies) ?? 0,
      }),
      table: 'DossierStat',
    });
  },
};
