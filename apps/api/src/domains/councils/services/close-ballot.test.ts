import { describe, expect, it } from 'vitest';
import { ballotOutcome } from './close-ballot.ts';

describe('ballot outcome', () => {
  const base = { quorum: 7, thresholdPercent: 90 };
  it('passes at exactly 90% of all members and fails just below', () => {
    expect(ballotOutcome({ ...base, forCount: 9, participants: 10, members: 10 })).toBe('PASSED');
    expect(ballotOutcome({ ...base, forCount: 8, participants: 10, members: 10 })).toBe('FAILED');
    expect(ballotOutcome({ ...base, forCount: 18, participants: 20, members: 20 })).toBe('PASSED');
    expect(ballotOutcome({ ...base, forCount: 17, participants: 20, members: 20 })).toBe('FAILED');
  });
  it('counts against all members, not those present', () => {
    // 8 of 8 present is 100% of those voting but 80% of the council
    expect(ballotOutcome({ ...base, forCount: 8, participants: 8, members: 10 })).toBe('FAILED');
  });
  it('has no quorum when too few took part', () => {
    expect(ballotOutcome({ ...base, forCount: 6, participants: 6, members: 10 })).toBe('NO_QUORUM');
  });
  it('uses the cycle’s threshold override', () => {
    expect(
      ballotOutcome({ quorum: 2, thresholdPercent: (2 / 3) * 100, forCount: 2, participants: 3, members: 3 }),
    ).toBe('PASSED');
  });
});
