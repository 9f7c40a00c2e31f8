// When the ratings, titles and discipline of a year must reach the national personnel database:
// within 3 working days of the decision (Nghị định 27/2026/NĐ-CP). Working days are Monday to
// Friday except public holidays. The fixed-date holidays are the law's (Bộ luật Lao động 2019,
// Điều 112: 1/1, 30/4, 1/5, 2/9); Tết, Giỗ Tổ Hùng Vương, the second 2/9 day and the days the
// Government swaps each year follow the lunar calendar and that year's notice, so they are data
// (`extraHolidays`, YYYY-MM-DD) rather than a guess of ours.

export const NATIONAL_EXPORT_WORKING_DAYS = 3;

/** Month-day of the public holidays whose date never moves. */
const FIXED_HOLIDAYS = new Set(['01-01', '04-30', '05-01', '09-02']);

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function isWorkingDay(date: Date, extraHolidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const day = isoDay(date);
  return !FIXED_HOLIDAYS.has(day.slice(5)) && !extraHolidays.has(day);
}

/** The calendar day `days` working days after `date` (its time of day is ignored). */
export function addWorkingDays(date: Date, days: number, extraHolidays: Iterable<string> = []): Date {
  const holidays = new Set(extraHolidays);
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  let left = days;
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (isWorkingDay(result, holidays)) left -= 1;
  }
  return result;
}

/** The last day to send a decision of `decidedOn` to the national personnel database. */
export function nationalExportDueOn(decidedOn: Date, extraHolidays: Iterable<string> = []): Date {
  return addWorkingDays(decidedOn, NATIONAL_EXPORT_WORKING_DAYS, extraHolidays);
}
