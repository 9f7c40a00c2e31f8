import type { Prisma } from '@cadre/db';
import type { RowError } from '../convert-rows.ts';
import { assignee, column, type ImportKindDefinition, int } from '../import-kind.ts';
import { insertAll, num } from '../prepare-import.ts';
import { checkPeriod, cycleOf, duplicateInFile, resolveAssignees } from '../prepare-period-imports.ts';

// One-stop dossier statistics of the one-stop systems (DOMAIN.md §9); a source system's own
// headers map onto these columns by a saved mapping (import-mapping.ts).

/** One-stop statistics per handler and period; a handler's period already recorded is refused. */
export const oneStopStatsImport: ImportKindDefinition = {
  kind: 'ONE_STOP_STATS',
  slug: 'one-stop-stats',
  title: 'Thống kê hồ sơ một cửa theo người xử lý và kỳ',
  needsCycle: true,
  columns: [
    ...assignee,
    column('period', 'Kỳ', { kind: 'int', min: 1 }, '3', true),
    column('received', 'Số hồ sơ tiếp nhận', int, '320', true),
    column('early', 'Trước hạn', int, '80'),
    column('onTime', 'Đúng hạn', int, '230'),
    column('late', 'Quá hạn', int, '4'),
    column('apologies', 'Phiếu xin lỗi', int, '2'),
  ],
  async prepare(options) {
    const cycle = cycleOf(options);
    const errors: RowError[] = [];
    const people = await resolveAssignees(options, errors);
    const existing = new Set(
      (
        await options.prisma.dossierStat.findMany({
          where: { cycleId: cycle.id, personId: { in: [...new Set([...people.values()].map((p) => p.id))] } },
          select: { personId: true, period: true },
        })
      ).map((row) => `${row.personId}|${row.period}`),
    );
    const stats: Prisma.DossierStatCreateManyInput[] = [];
    const seen = new Map<string, number>();
    for (const row of options.rows) {
      const person = people.get(row.row);
      if (!person) continue;
      const period = checkPeriod(cycle, row, errors);
      if (period === null || period === -1) continue;
      const key = `${person.id}|${period}`;
      if (duplicateInFile(seen, key, row, 'Kỳ', errors)) continue;
      if (existing.has(key)) {
        errors.push({
          row: row.row,
          field: 'Kỳ',
          value: String(period),
          message: 'Đã có số liệu kỳ này / this period is already recorded',
        });
        continue;
      }
      const early = num(row.values.early) ?? 0;
      const onTime = num(row.values.onTime) ?? 0;
      const late = num(row.values.late) ?? 0;
      const received = num(row.values.received) ?? early + onTime + late;
      if (early + onTime + late > received) {
        errors.push({
          row: row.row,
          field: 'Số hồ sơ tiếp nhận',
          value: String(received),
          message: `Trước hạn + đúng hạn + quá hạn (${early + onTime + late}) vượt số tiếp nhận / early + on time + late exceeds received`,
        });
        continue;
      }
      stats.push({
        cycleId: cycle.id,
        personId: person.id,
        importBatchId: options.batchId,
        period,
        received,
        early,
        onTime,
        late,
        apologies: num(row.values.apologies) ?? 0,
      });
    }
    return { errors, write: (tx) => insertAll(tx, 'DossierStat', stats, options.chunkSize) };
  },
};
