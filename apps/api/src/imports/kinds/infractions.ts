import type { InfractionKind, Prisma } from '@cadre/db';
import { infractionLabels } from '../../exports/labels.ts';
import { column, date, enumOf, type ImportKindDefinition, personCode, text } from '../import-kind.ts';
import { dateKey, day, findInChunks, inCycleYear, prepareEvidence, str } from '../prepare-import.ts';

const keyOf = (personId: string, kind: string, on: Date | null) => `i|${personId}|${kind}|${dateKey(on)}`;

/** Breaches of working discipline in the cycle's year; the same kind on the same day is refused twice. */
export const infractionsImport: ImportKindDefinition = {
  kind: 'INFRACTIONS',
  slug: 'infractions',
  title: 'Vi phạm kỷ cương',
  needsCycle: true,
  columns: [
    personCode,
    column('kind', 'Loại vi phạm', enumOf(infractionLabels), 'Đi muộn', true),
    column('occurredOn', 'Ngày vi phạm', date, '01/04/2026', true),
    column('note', 'Ghi chú', text(1000), ''),
  ],
  prepare(options) {
    const { prisma } = options;
    const cycleId = options.cycle?.id ?? '';
    return prepareEvidence<Prisma.InfractionCreateManyInput>(options, {
      keyOf: (personId, row) => keyOf(personId, str(row.values.kind) ?? '', day(row.values.occurredOn)),
      keyField: 'Ngày vi phạm',
      existingKeys: async (personIds) =>
        (
          await findInChunks(personIds, (ids) =>
            prisma.infraction.findMany({
              where: { cycleId, personId: { in: ids } },
              select: { personId: true, kind: true, occurredOn: true },
            }),
          )
        ).map((row) => keyOf(row.personId, row.kind, row.occurredOn)),
      check: (row) => inCycleYear(options, row, 'Ngày vi phạm', day(row.values.occurredOn)),
      build: (personId, row) => ({
        cycleId,
        personId,
        importBatchId: options.batchId,
        kind: row.values.kind as InfractionKind,
        occurredOn: day(row.values.occurredOn) ?? new Date(0),
        note: str(row.values.note),
      }),
      table: 'Infraction',
    });
  },
};
