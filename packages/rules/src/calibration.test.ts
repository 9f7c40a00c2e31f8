import { describe, expect, it } from 'vitest';
import { type CalibrationPerson, calibrate, evidenceScore } from './calibration.ts';
import { checkPackYear } from './pack-validity.ts';
import type { Rating } from './types.ts';

function person(id: string, unitId: string, extra: Partial<CalibrationPerson> = {}): CalibrationPerson {
  return {
    id,
    unitId,
    leadsUnitId: null,
    score: 80,
    components: { tasks: 56, conduct: 8, reform: 8, citizens: 8 },
    proposed: 'GOOD',
    final: 'GOOD',
    finalReason: null,
    decidedBy: null,
    ...extra,
  };
}

const count = (rows: { rating: Rating; count: number }[], rating: Rating) =>
  rows.find((row) => row.rating === rating)?.count;

describe('calibration', () => {
  it('finds a head who gave all 12 people A = 10, and no finding for a head who told people apart', () => {
    const people = Array.from({ length: 12 }, (_, index) =>
      person(`p${String(index).padStart(2, '0')}`, 'U1'),
    );
    const others = Array.from({ length: 6 }, (_, index) => person(`q${index}`, 'U2'));
    const result = calibrate({
      people: [...people, ...others],
      assessments: [
        ...people.map((row) => ({ personId: row.id, assessorId: 'head-1', value: 10 })),
        ...others.map((row, index) => ({ personId: row.id, assessorId: 'head-2', value: 6 + index * 0.5 })),
      ],
    });
    const uniform = result.findings.filter((finding) => finding.kind === 'UNIFORM_ASSESSMENT');
    expect(uniform).toHaveLength(1);
    expect(uniform[0]).toMatchObject({
      assessorId: 'head-1',
      unitId: 'U1',
      evidence: { assessed: 12, value: 10 },
    });
    expect(uniform[0]?.detail).toContain('A = 10 (tối đa) cho cả 12 người');
    const head1 = result.assessors.find((row) => row.assessorId === 'head-1');
    expect(head1).toMatchObject({ assessed: 12, mean: 10, min: 10, max: 10, distinctValues: 1 });
  });

  it('does not judge fewer people than the minimum', () => {
    const people = Array.from({ length: 4 }, (_, index) => person(`p${index}`, 'U1'));
    const result = calibrate({
      people,
      assessments: people.map((row) => ({ personId: row.id, assessorId: 'h', value: 10 })),
    });
    expect(result.findings).toEqual([]);
    const lowered = calibrate({
      people,
      assessments: people.map((row) => ({ personId: row.id, assessorId: 'h', value: 10 })),
      thresholds: { minAssessed: 3 },
    });
    expect(lowered.findings.map((finding) => finding.kind)).toEqual(['UNIFORM_ASSESSMENT']);
  });

  it('counts proposed and final ratings per unit and overall', () => {
    const result = calibrate({
      people: [
        person('a', 'U1', { proposed: 'EXCELLENT', final: 'EXCELLENT' }),
        person('b', 'U1', { proposed: 'COMPLETED', final: 'GOOD', finalReason: 'Hoàn thành đột xuất' }),
        person('c', 'U2', { proposed: 'GOOD', final: 'COMPLETED' }),
        person('d', 'U2', { proposed: 'NOT_RATED', final: 'NOT_RATED', score: null, components: null }),
      ],
      assessments: [],
    });
    const u1 = result.units.find((unit) => unit.unitId === 'U1');
    expect(count(u1?.proposed ?? [], 'COMPLETED')).toBe(1);
    expect(count(u1?.final ?? [], 'GOOD')).toBe(1);
    expect(u1?.finalGoodOrBetterPercent).toBe(100);
    expect(result.overall.people).toBe(4);
    expect(count(result.overall.final, 'NOT_RATED')).toBe(1);
    // 2 of the 3 rated people are good or better
    expect(result.overall.finalGoodOrBetterPercent).toBe(66.7);
    const raised = result.findings.filter((finding) => finding.kind === 'RAISED_AGAINST_PROPOSAL');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ personId: 'b', unitId: 'U1' });
    expect(raised[0]?.detail).toContain('Lý do: Hoàn thành đột xuất');
  });

  it('finds a unit rated all good or better on low evidence, not one whose evidence carries it', () => {
    const weak = Array.from({ length: 5 }, (_, index) =>
      person(`w${index}`, 'WEAK', { components: { tasks: 35, conduct: 10, reform: 10, citizens: 10 } }),
    );
    const strong = Array.from({ length: 5 }, (_, index) => person(`s${index}`, 'STRONG'));
    const result = calibrate({ people: [...weak, ...strong], assessments: [] });
    const low = result.findings.filter((finding) => finding.kind === 'ALL_GOOD_OR_BETTER_LOW_EVIDENCE');
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ unitId: 'WEAK', evidence: { rated: 5, evidenceMean: 50 } });
    expect(evidenceScore({ tasks: 56 })).toBe(80);
    expect(evidenceScore(null)).toBeNull();
  });

  it('finds a leader rated above the results of the unit they lead', () => {
    const members = Array.from({ length: 4 }, (_, index) =>
      person(`m${index}`, 'U1', { score: 60, proposed: 'COMPLETED', final: 'COMPLETED' }),
    );
    const leader = person('boss', 'PARENT', {
      leadsUnitId: 'U1',
      score: 91,
      proposed: 'EXCELLENT',
      final: 'EXCELLENT',
    });
    const fine = person('boss2', 'PARENT', { leadsUnitId: 'U2', final: 'GOOD' });
    const u2 = Array.from({ length: 4 }, (_, index) => person(`n${index}`, 'U2', { score: 82 }));
    const result = calibrate({ people: [leader, fine, ...members, ...u2], assessments: [] });
    const above = result.findings.filter((finding) => finding.kind === 'LEADER_ABOVE_UNIT');
    expect(above).toHaveLength(1);
    expect(above[0]).toMatchObject({
      personId: 'boss',
      unitId: 'U1',
      evidence: { leaderRating: 'EXCELLENT', unitRating: 'COMPLETED', members: 4 },
    });
  });

  it('gives the same findings whatever the input order', () => {
    const people = [
      ...Array.from({ length: 6 }, (_, index) => person(`p${index}`, 'U1', { proposed: 'COMPLETED' })),
      person('x', 'U2', { proposed: 'COMPLETED', final: 'EXCELLENT', finalReason: 'r' }),
    ];
    const assessments = people.map((row) => ({ personId: row.id, assessorId: 'h', value: 9 }));
    const forward = calibrate({ people, assessments });
    const backward = calibrate({ people: [...people].reverse(), assessments: [...assessments].reverse() });
    expect(backward.findings).toEqual(forward.findings);
    expect(backward.units).toEqual(forward.units);
  });
});

describe('pack years', () => {
  it('refuses the Nghị định 90 pack for 2027 and the 335 pack for 2025', () => {
    expect(checkPackYear('vn-nd335-2025', 2026)).toEqual({ valid: true });
    expect(checkPackYear('vn-nd90-2020', 2025)).toEqual({ valid: true });
    const late = checkPackYear('vn-nd90-2020', 2027);
    expect(late).toMatchObject({ valid: false });
    expect(late.valid ? '' : late.message).toContain('đến năm 2025');
    expect(late.valid ? null : late.exception).toContain('viên chức');
    const early = checkPackYear('vn-nd335-2025', 2025);
    expect(early.valid ? '' : early.message).toContain('từ năm 2026');
  });
});
