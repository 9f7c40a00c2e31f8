import type { Prisma } from '@cadre/db';
import { periodOfTask, periodRange } from '../../domains/periods/period-calendar.ts';
import type { RowError } from '../convert-rows.ts';
import { assignee, column, date, type ImportKindDefinition, int, positive, text } from '../import-kind.ts';
import { day, insertAll, num } from '../prepare-import.ts';
import {
  checkPeriod,
  cycleOf,
  duplicateInFile,
  resolveAssignees,
  trimmedText,
} from '../prepare-period-imports.ts';

// Task-assignment exports of the document and work-assignment systems (DOMAIN.md §9); a source
// system's own headers map onto these columns by a saved mapping (import-mapping.ts).

/**
 * Work from a task-assignment system: each task to its assignee, with its catalogue product
 * (converted weight = quantity × coefficient) or its own weight, in its period (given, or that of
 * its due date). A task code already recorded in the cycle, or in a closed period, is refused.
 */
export const taskAssignmentsImport: ImportKindDefinition = {
  kind: 'TASK_ASSIGNMENTS',
  slug: 'task-assignments',
  title: 'Giao việc từ phần mềm quản lý văn bản, giao việc',
  needsCycle: true,
  columns: [
    column('code', 'Mã công việc', text(100), 'GV-2026-00123', true),
    ...assignee,
    column('productCode', 'Mã sản phẩm', text(40), 'MC01'),
    column('title', 'Tên công việc', text(500), 'Tiếp nhận hồ sơ đất đai quý III'),
    column('period', 'Kỳ', { kind: 'int', min: 1 }, '3'),
    column('dueOn', 'Hạn xử lý', date, '30/09/2026', true),
    column('completedOn', 'Ngày hoàn thành', date, '25/09/2026'),
    column('planned', 'Số lượng giao', positive, '120'),
    column('actual', 'Số lượng hoàn thành', positive, '118'),
    column('weight', 'Trọng số', positive, '1'),
    column('majorErrors', 'Số lần không đạt chất lượng', int, '0'),
    column('delays', 'Số lần trễ hạn', int, '0'),
  ],
  async prepare(options) {
    const cycle = cycleOf(options);
    const errors: RowError[] = [];
    const people = await resolveAssignees(options, errors);
    const codes = options.rows.map((row) => trimmedText(row.values.code) ?? '');
    const existing = new Set(
      (
        await options.prisma.task.findMany({
          where: { cycleId: cycle.id, code: { in: codes } },
          select: { code: true },
        })
      ).map((row) => row.code),
    );
    const products = await options.prisma.product.findMany({ where: { cycleId: cycle.id, active: true } });
    const closures = await options.prisma.periodClosure.findMany({
      where: { cycleId: cycle.id, state: 'CLOSED' },
    });
    const closed = new Set(closures.map((row) => `${row.unitId}|${row.period}`));
    const personUnits = new Map(
      (
        await options.prisma.person.findMany({
          where: { id: { in: [...new Set([...people.values()].map((p) => p.id))] } },
          select: { id: true, unitId: true },
        })
      ).map((row) => [row.id, row.unitId]),
    );
    const tasks: Prisma.TaskCreateManyInput[] = [];
    const seen = new Map<string, number>();
    for (const row of options.rows) {
      const person = people.get(row.row);
      if (!person) continue;
      const code = trimmedText(row.values.code) ?? '';
      if (duplicateInFile(seen, code, row, 'Mã công việc', errors)) continue;
      if (existing.has(code)) {
        errors.push({
          row: row.row,
          field: 'Mã công việc',
          value: code,
          message: 'Đã có trong kỳ đánh giá / already recorded',
        });
        continue;
      }
      const dueOn = day(row.values.dueOn);
      if (!dueOn) continue; // required: reported by the type stage
      const named = checkPeriod(cycle, row, errors);
      if (named === -1) continue;
      const period = named ?? periodOfTask(cycle.periodKind, cycle.year, { period: null, dueOn });
      const range = periodRange(cycle.periodKind, cycle.year, period);
      if (named === null && (dueOn < range.from || dueOn > range.to)) {
        errors.push({
          row: row.row,
          field: 'Hạn xử lý',
          value: dueOn.toISOString().slice(0, 10),
          message: `Hạn phải thuộc năm ${cycle.year} hoặc ghi rõ kỳ / the due date must fall in ${cycle.year}, or name the period`,
        });
        continue;
      }
      if (closed.has(`${personUnits.get(person.id)}|${period}`)) {
        errors.push({
          row: row.row,
          field: 'Kỳ',
          value: String(period),
          message:
            'Kỳ đã khóa: điều chỉnh trên màn hình theo dõi, có lý do / the period is closed: correct it on the tracking screen, with a reason',
        });
        continue;
      }
      const productCode = trimmedText(row.values.productCode);
      const planned = num(row.values.planned) ?? 1;
      if (!(planned > 0)) {
        errors.push({
          row: row.row,
          field: 'Số lượng giao',
          value: String(planned),
          message: 'Số lượng giao phải > 0 / must be above 0',
        });
        continue;
      }
      let weight = num(row.values.weight) ?? 1;
      let productId: string | null = null;
      let title = trimmedText(row.values.title);
      if (productCode) {
        // the person's own position first, then any position's product of that code
        const product =
          products.find((p) => p.code === productCode && p.jobPositionId === person.jobPositionId) ??
          products.find((p) => p.code === productCode);
        if (!product) {
          errors.push({
            row: row.row,
            field: 'Mã sản phẩm',
            value: productCode,
            message: 'Không có trong danh mục của kỳ / not in the cycle’s catalogue',
          });
          continue;
        }
        productId = product.id;
        weight = Math.round(planned * product.coefficient * 1000) / 1000;
        title = title ?? product.name;
      }
      if (!title) {
        errors.push({
          row: row.row,
          field: 'Tên công việc',
          value: null,
          message: 'Cần tên công việc hoặc mã sản phẩm / a title or a product code is required',
        });
        continue;
      }
      const completedOn = day(row.values.completedOn);
      tasks.push({
        cycleId: cycle.id,
        personId: person.id,
        importBatchId: options.batchId,
        code,
        title,
        weight,
        dueOn,
        completedOn,
        planned,
        actual: num(row.values.actual) ?? (completedOn ? planned : 0),
        majorErrors: num(row.values.majorErrors) ?? 0,
        delays: num(row.values.delays) ?? 0,
        period,
        productId,
      });
    }
    return { errors, write: (tx) => insertAll(tx, 'Task', tasks, options.chunkSize) };
  },
};
