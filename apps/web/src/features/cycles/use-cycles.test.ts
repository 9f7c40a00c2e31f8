import { describe, expect, it } from 'vitest';
import { daysUntil } from './use-cycles.ts';

describe('daysUntil', () => {
  it('counts whole days to a deadline, negative once it has passed', () => {
    const today = new Date(2026, 10, 23, 15, 30);
    expect(daysUntil('2026-11-23', today)).toBe(0);
    expect(daysUntil('2026-12-01', today)).toBe(8);
    expect(daysUntil('2026-11-20', today)).toBe(-3);
  });
});
