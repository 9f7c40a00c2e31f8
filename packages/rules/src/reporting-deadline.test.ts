import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nationalExportDueOn } from './reporting-deadline.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('the national database deadline (3 working days, Nghị định 27/2026)', () => {
  it('skips the weekend: a Thursday decision is due the next Tuesday', () => {
    expect(iso(nationalExportDueOn(day('2026-12-03')))).toBe('2026-12-08');
  });

  it('skips the fixed public holidays: a decision of 29/4/2026 is due on 6/5', () => {
    // 30/4 (Thu) and 1/5 (Fri) are holidays, then the weekend
    expect(isWorkingDay(day('2026-04-30'))).toBe(false);
    expect(iso(nationalExportDueOn(day('2026-04-29')))).toBe('2026-05-06');
  });

  it('skips the holidays a year adds (Tết, swapped days) when they are given', () => {
    const tet = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
    expect(iso(nationalExportDueOn(day('2026-02-13'), tet))).toBe('2026-02-25');
    expect(iso(addWorkingDays(day('2026-02-13'), 3))).toBe('2026-02-18');
  });

  it('ignores the time of day of the decision', () => {
    expect(iso(nationalExportDueOn(new Date('2026-12-03T16:59:00Z')))).toBe('2026-12-08');
  });
});
