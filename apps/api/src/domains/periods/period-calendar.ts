import type { PeriodKind } from '@cadre/db';
import { PERIOD_COUNTS } from '@cadre/rules';
import { ValidationError } from '../../errors.ts';

/** The first and last day of a period of a year (quarters and months are calendar ones). */
export function periodRange(kind: PeriodKind, year: number, period: number): { from: Date; to: Date } {
  const months = kind === 'YEAR' ? 12 : kind === 'QUARTER' ? 3 : 1;
  const firstMonth = (period - 1) * months;
  return {
    from: new Date(Date.UTC(year, firstMonth, 1)),
    to: new Date(Date.UTC(year, firstMonth + months, 0)),
  };
}

/** Refuses a period number outside the cycle's kind (1–4 for quarters, 1–12 for months, 1 for the year). */
export function assertPeriod(kind: PeriodKind, period: number, field = 'period'): void {
  const count = PERIOD_COUNTS[kind];
  if (!Number.isInteger(period) || period < 1 || period > count) {
    throw new ValidationError([{ field, message: `Kỳ từ 1 đến ${count} / a period from 1 to ${count}` }]);
  }
}

/** "Quý III/2026", "Tháng 3/2026", "Năm 2026". */
export function periodLabel(kind: PeriodKind, period: number, year: number): string {
  if (kind === 'QUARTER') return `Quý ${['I', 'II', 'III', 'IV'][period - 1] ?? period}/${year}`;
  if (kind === 'MONTH') return `Tháng ${period}/${year}`;
  return `Năm ${year}`;
}

/** A task's period: the one it names, else the period of its due date (DOMAIN.md §2). */
export function periodOfTask(
  kind: PeriodKind,
  year: number,
  task: { period: number | null; dueOn: Date },
): number {
  if (task.period) return task.period;
  if (kind === 'YEAR') return 1;
  const due = task.dueOn;
  const month = due.getUTCFullYear() < year ? 0 : due.getUTCFullYear() > year ? 11 : due.getUTCMonth();
  return kind === 'MONTH' ? month + 1 : Math.floor(month / 3) + 1;
}
