// Periods of a year (Nghị định 335/2025/NĐ-CP Điều 21): công chức are scored every month or every
// quarter, as the agency chooses; YEAR is one period, the whole year (years before 2026, and
// agencies not yet tracking continuously).
import type { PeriodKind } from './types.ts';

/**
 * The period of a date already validated as YYYY-MM-DD. A date before the year belongs to its
 * first period and a date after it to its last: the scenario's work is the year's work, and a due
 * date set outside the year (a task carried over, or due early next year) still counts — DOMAIN.md
 * is silent on such dates; this keeps every task of the scenario in the year's score.
 */
export function periodOfDate(iso: string, year: number, kind: PeriodKind): number {
  if (kind === 'YEAR') return 1;
  const dateYear = Number(iso.slice(0, 4));
  const month = dateYear < year ? 1 : dateYear > year ? 12 : Number(iso.slice(5, 7));
  return kind === 'MONTH' ? month : Math.ceil(month / 3);
}

/**
 * The same, from a day number (days since 1970-01-01), without reading the text again: a table of
 * the year's days to their period (millions of tasks in a province).
 */
export function periodTable(year: number, kind: PeriodKind): (day: number) => number {
  const start = Date.UTC(year, 0, 1) / 86_400_000;
  const end = Date.UTC(year, 11, 31) / 86_400_000;
  const count = kind === 'YEAR' ? 1 : kind === 'QUARTER' ? 4 : 12;
  const table = new Uint8Array(end - start + 1);
  for (let day = start; day <= end; day++) {
    const month = new Date(day * 86_400_000).getUTCMonth() + 1;
    table[day - start] = kind === 'YEAR' ? 1 : kind === 'MONTH' ? month : Math.ceil(month / 3);
  }
  return (day: number) => (day < start ? 1 : day > end ? count : (table[day - start] as number));
}

/** "tháng 3", "quý II", "năm 2026": how documents name the period. */
export function periodName(kind: PeriodKind, period: number, year: number): string {
  if (kind === 'MONTH') return `tháng ${period}/${year}`;
  if (kind === 'QUARTER') return `quý ${['I', 'II', 'III', 'IV'][period - 1] ?? period}/${year}`;
  return `năm ${year}`;
}

/** "Tháng 3/2026" at the start of a sentence. */
export function periodTitle(kind: PeriodKind, period: number, year: number): string {
  const name = periodName(kind, period, year);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "tháng 1, 2, 7/2026", "quý I, III/2026": several periods of one kind in one phrase. */
export function periodList(kind: PeriodKind, periods: readonly number[], year: number): string {
  if (kind === 'YEAR') return `năm ${year}`;
  const names = periods.map((p) =>
    kind === 'MONTH' ? String(p) : (['I', 'II', 'III', 'IV'][p - 1] ?? String(p)),
  );
  return `${kind === 'MONTH' ? 'tháng' : 'quý'} ${names.join(', ')}/${year}`;
}
