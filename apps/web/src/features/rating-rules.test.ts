import { describe, expect, it } from 'vitest';
import { excellentDelta, hardRuleCeiling, isForbidden, ratingInEffect } from './rating-rules.ts';

const line = (rule: string, effect: string) => ({ rule, effect, citation: 'NĐ 90/2020', detail: '…' });

describe('hard rule ceiling from the trace', () => {
  it('reads the rating an effect names, telling NOT_COMPLETED from COMPLETED', () => {
    expect(ratingInEffect('cap: NOT_COMPLETED')).toBe('NOT_COMPLETED');
    expect(ratingInEffect('COMPLETED')).toBe('COMPLETED');
    expect(ratingInEffect('LDTT')).toBeNull();
  });

  it('ignores the score bands and the quota, keeps the lowest hard cap', () => {
    const ceiling = hardRuleCeiling([
      line('nd335.band', 'EXCELLENT'),
      line('time.absence', 'COMPLETED'),
      line('quota.excellent', 'GOOD'),
      line('nd90.leader-unit', 'GOOD'),
      line('discipline.in-year', 'NOT_COMPLETED'),
    ]);
    expect(ceiling?.rating).toBe('NOT_COMPLETED');
    expect(ceiling?.line.rule).toBe('discipline.in-year');
    expect(isForbidden('COMPLETED', ceiling)).toBe(true);
    expect(isForbidden('NOT_COMPLETED', ceiling)).toBe(false);
  });

  it('allows only "not rated" when the person worked under six months', () => {
    const ceiling = hardRuleCeiling([line('time.worked', 'NOT_RATED')]);
    expect(isForbidden('GOOD', ceiling)).toBe(true);
    expect(isForbidden('NOT_RATED', ceiling)).toBe(false);
  });

  it('caps a person absent 3 to 6 months at "completed"', () => {
    const ceiling = hardRuleCeiling([line('nd335.band', 'GOOD'), line('time.absence', 'COMPLETED')]);
    expect(isForbidden('GOOD', ceiling)).toBe(true);
    expect(isForbidden('COMPLETED', ceiling)).toBe(false);
  });

  it('with no hard rule, allows every rating but "not rated"', () => {
    expect(isForbidden('EXCELLENT', null)).toBe(false);
    expect(isForbidden('NOT_RATED', null)).toBe(true);
  });

  it('counts how a decision moves the unit’s excellent count', () => {
    expect(excellentDelta('GOOD', 'EXCELLENT')).toBe(1);
    expect(excellentDelta('EXCELLENT', 'GOOD')).toBe(-1);
    expect(excellentDelta('GOOD', 'COMPLETED')).toBe(0);
  });
});
