import type { Prisma } from '@cadre/db';
import {
  bool,
  column,
  date,
  type ImportKindDefinition,
  int,
  personCode,
  positive,
  text,
} from '../import-kind.ts';
import {
  dateKey,
  day,
  findInChunks,
  flag,
  inCycleYear,
  num,
  prepareEvidence,
  str,
} from '../prepare-import.ts';

/** A person's tasks of the cycle; a task code already recorded in the cycle is refused. */
export const tasksImport: ImportKindDefinition = {
  kind: 'TASKS',
  slug: 'tasks',
  title: 'Nhiệm vụ',
  needsCycle: true,
  columns: [
    column('code', 'Mã nhiệm vụ', text(100), 'NV-2026-001', true),
    personCode,
    column('title', 'Tên nhiệm vụ', text(1000), 'Thẩm định hồ sơ tuyển dụng quý I', true),
    column('weight', 'Trọng số', positive, '1'),
    column('dueOn', 'Hạn hoàn thành', date, '31/03/2026', true),
    column('completedOn', 'Ngày hoàn thành', date, '28/03/2026'),
    column('planned', 'Khối lượng kế hoạch', positive, '1'),
    column('actual', 'Khối lượng thực hiện', positive, '1'),
    column('majorErrors', 'Số sai sót lớn', int, '0'),
    column('delays', 'Số lần chậm', int, '0'),
    column('excused', 'Có lý do khách quan', bool, 'Không'),
    column('excuseNote', 'Ghi chú lý do', text(1000), ''),
  ],
  prepare(options) {
    const { prisma } = options;
    const cycleId = options.cycle?.id ?? '';
    return prepareEvidence<Prisma.TaskCreateManyInput>(options, {
      keyOf: (_personId, row) => `t|${str(row.values.code)}`,
      keyField: 'Mã nhiệm vụ',
      existingKeys: async () => {
        const codes = options.rows.map((row) => str(row.values.code) ?? '');
        const tasks = await findInChunks(codes, (chunk) =>
          prisma.task.findMany({ where: { cycleId, code: { in: chunk } }, select: { code: true } }),
        );
        return tasks.map((task) => `t|${task.code}`);
      },
      check: (row) => {
        const due = day(row.values.dueOn);
        const completed = day(row.values.completedOn);
        const issues = inCycleYear(options, row, 'Hạn hoàn thành', due);
        if ((num(row.values.planned) ?? 1) <= 0) {
          issues.push({
            row: row.row,
            field: 'Khối lượng kế hoạch',
            value: String(num(row.values.planned)),
            message: 'Khối lượng kế hoạch phải > 0 / planned must be above 0',
          });
        }
        if (completed && due && completed.getUTCFullYear() < due.getUTCFullYear() - 1) {
          issues.push({
            row: row.row,
            field: 'Ngày hoàn thành',
            value: dateKey(completed),
            message: 'Ngày hoàn thành không hợp lý / implausible completion date',
          });
        }
        return issues;
      },
      build: (personId, row) => {
        const planned = num(row.values.planned) ?? 1;
        const completedOn = day(row.values.completedOn);
        return {
          cycleId,
          personId,
          importBatchId: options.batchId,
          code: str(row.values.code) ?? '',
          title: str(row.values.title) ?? '',
          weight: num(row.values.weight) ?? 1,
          dueOn: day(row.values.dueOn) ?? new Date(0),
          completedOn,
          planned,
          // a completed task without a quantity delivered what was planned
          actual: num(row.values.actual) ?? (completedOn ? planned : 0),
          majorErrors: num(row.values.majorErrors) ?? 0,
          delays: num(row.values.delays) ?? 0,
          excused: flag(row.values.excused) ?? false,
          excuseNote: str(row.values.excuseNote),
        };
      },
      table: 'Task',
    });
  },
};
