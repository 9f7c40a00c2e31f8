import { describe, expect, it } from 'vitest';
import { canAdjust, canAssess, canCorrect } from './permissions.ts';

describe('who may change a rating when', () => {
  it('lets heads adjust only at their assessment step, officers only at the council review', () => {
    expect(canAdjust('UNIT_HEAD', 'ASSESSMENT')).toBe(true);
    expect(canAdjust('UNIT_HEAD', 'REVIEW')).toBe(false);
    expect(canAdjust('OFFICER', 'REVIEW')).toBe(true);
    expect(canAdjust('OFFICER', 'ASSESSMENT')).toBe(false);
    expect(canAdjust('COUNCIL_MEMBER', 'REVIEW')).toBe(false);
    expect(canAdjust('STAFF', 'ASSESSMENT')).toBe(false);
  });

  it('turns adjustments into numbered corrections once published', () => {
    expect(canCorrect('OFFICER', 'PUBLISHED')).toBe(true);
    expect(canCorrect('UNIT_HEAD', 'PUBLISHED')).toBe(false);
    expect(canAdjust('OFFICER', 'PUBLISHED')).toBe(false);
  });

  it('asks heads for the conduct assessment during their step only', () => {
    expect(canAssess('UNIT_HEAD', 'ASSESSMENT')).toBe(true);
    expect(canAssess('OFFICER', 'ASSESSMENT')).toBe(false);
  });
});
