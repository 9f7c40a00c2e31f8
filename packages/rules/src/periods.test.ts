import { describe, expect, it } from 'vitest';
import { person, resultOf, run, task } from './test-scenario.ts';

const monthly = (personId: string, months: number[], fields: Record<string, unknown> = {}) =>
  months.map((month) =>
    task(personId, month, { due: `2026-${String(month).padStart(2, '0')}-20`, completed: null, ...fields }),
  );

describe('periods (Nghị định 335/2025/NĐ-CP Điều 14, 21)', () => {
  it('scores each quarter and takes the year as the mean of the quarters worked', () => {
    // Q1 and Q2 done on time (T = 1), Q3 still open at the year's end (T = 2/3); no Q4 work
    const evaluation = run({
      periodKind: 'QUARTER',
      people: [person('P1')],
      tasks: [
        task('P1', 1, { due: '2026-02-10', completed: '2026-02-01' }),
        task('P1', 2, { due: '2026-05-10', completed: '2026-05-01' }),
        task('P1', 3, { due: '2026-08-10', completed: null }),
      ],
    });
    const result = resultOf(evaluation, 'P1');
    expect(result.periods?.map((p) => [p.period, p.score])).toEqual([
      [1, 100],
      [2, 100],
      [3, 76.7],
    ]);
    expect(result.score).toBe(92.2); // (100 + 100 + 76.67) / 3
    expect(result.components?.tasks).toBe(62.2);
    expect(result.trace.some((entry) => entry.detail.startsWith('Quý III/2026: 76,7 điểm'))).toBe(true);
  });

  it("a task's own period wins over its due date; without periodKind the year is one period", () => {
    const moved = run({
      periodKind: 'MONTH',
      people: [person('P1')],
      tasks: [task('P1', 1, { due: '2026-03-31', period: 4 })],
    });
    expect(resultOf(moved, 'P1').periods?.map((p) => p.period)).toEqual([4]);
    const yearly = run({
      people: [person('P1')],
      tasks: monthly('P1', [1, 6, 12], { completed: '2026-01-01' }),
    });
    expect(resultOf(yearly, 'P1').periods?.map((p) => p.period)).toEqual([1]);
  });

  it("the head's assessment of a period replaces the year's, and infractions count in their period", () => {
    const evaluation = run({
      periodKind: 'QUARTER',
      people: [person('P1', { conductAssessment: 9, conductByPeriod: { '2': 5 } })],
      tasks: [1, 4, 7, 10].map((month) =>
        task('P1', month, { due: `2026-${String(month).padStart(2, '0')}-20`, completed: '2026-01-01' }),
      ),
      infractions: [{ personId: 'P1', kind: 'LATE', on: '2026-11-03' }],
    });
    const periods = resultOf(evaluation, 'P1').periods ?? [];
    expect(periods.map((p) => p.components.conduct)).toEqual([9, 5, 9, 7]);
    // no PAR index, not citizen facing: reform and citizens take the period's assessment
    expect(periods.map((p) => p.components.citizens)).toEqual([9, 5, 9, 9]);
  });

  it("votes and dossiers of a period apply to it; the year's row to every other period", () => {
    const evaluation = run({
      periodKind: 'QUARTER',
      people: [person('P1', { citizenFacing: true, dossierHandler: true })],
      tasks: [1, 4].map((month) =>
        task('P1', month, { due: `2026-${String(month).padStart(2, '0')}-20`, completed: '2026-01-01' }),
      ),
      citizenVotes: [
        { personId: 'P1', verySatisfied: 30, satisfied: 0, dissatisfied: 10 },
        { personId: 'P1', period: 2, verySatisfied: 20, satisfied: 0, dissatisfied: 0 },
      ],
      dossiers: [
        { personId: 'P1', period: 1, received: 10, early: 5, onTime: 3, late: 2, apologies: 1 },
        { personId: 'P1', received: 40, early: 20, onTime: 20, late: 0, apologies: 0 },
      ],
    });
    const periods = resultOf(evaluation, 'P1').periods ?? [];
    expect(periods.map((p) => p.components.citizens)).toEqual([7.5, 10]);
    expect(periods.map((p) => p.components.reform)).toEqual([7, 10]);
  });

  it("a leader's unit half comes from the members scored in that period", () => {
    const evaluation = run({
      periodKind: 'QUARTER',
      people: [person('L', { leads: 'U1' }), person('M1'), person('M2')],
      tasks: [
        task('L', 1, { due: '2026-02-10', completed: '2026-02-01' }),
        task('L', 2, { due: '2026-05-10', completed: '2026-02-01' }),
        // M1 works in Q1 only, half delivered; M2 in Q2 only, in full
        task('M1', 1, { due: '2026-02-10', completed: '2026-02-01', actual: 0.5 }),
        task('M2', 1, { due: '2026-05-10', completed: '2026-02-01' }),
      ],
      overrides: { excellentPercent: 100 },
    });
    const periods = resultOf(evaluation, 'L').periods ?? [];
    // Q1: ½ × 1 + ½ × 0.5 = 0.75 → 52.5; Q2: ½ × 1 + ½ × 1 = 1 → 70
    expect(periods.map((p) => p.components.tasks)).toEqual([52.5, 70]);
  });
});

describe('no silent defaults: the head has not assessed the person yet', () => {
  it('is reported as awaiting the assessment, not scored, never given 10', () => {
    const evaluation = run({
      periodKind: 'QUARTER',
      people: [person('P1', { conductAssessment: null, conductByPeriod: { '1': 8 } }), person('P2')],
      tasks: [
        task('P1', 1, { due: '2026-02-10', completed: '2026-02-01' }),
        task('P1', 2, { due: '2026-08-10', completed: '2026-08-01' }),
        task('P2', 1),
      ],
    });
    const result = resultOf(evaluation, 'P1');
    expect(result).toMatchObject({ score: null, rating: 'NOT_RATED', awaitingAssessment: [3] });
    expect(result.periods).toBeUndefined();
    expect(result.trace[0]?.detail).toBe(
      'Chờ thủ trưởng đánh giá ý thức, đạo đức (quý III/2026): chưa chấm điểm cho đến khi có đánh giá',
    );
    expect(evaluation.errors).toEqual([
      {
        personId: 'P1',
        message:
          "Chờ thủ trưởng đánh giá (quý III/2026): chưa chấm điểm / awaiting the head's assessment: not scored",
      },
    ]);
    // once every period worked is assessed, the person is scored
    const assessed = run({
      periodKind: 'QUARTER',
      people: [person('P1', { conductAssessment: null, conductByPeriod: { '1': 8, '3': 9 } })],
      tasks: [
        task('P1', 1, { due: '2026-02-10', completed: '2026-02-01' }),
        task('P1', 2, { due: '2026-08-10', completed: '2026-08-01' }),
      ],
    });
    expect(resultOf(assessed, 'P1').score).toBe(95.5); // (70 + 24 + 70 + 27) / 2
  });
});

describe('the law in force (DOMAIN §3.3)', () => {
  const decision = {
    form: 'KHIEN_TRACH',
    decidedOn: '2026-05-12',
    actYear: 2026,
    alreadyCountedInYear: null,
  };
  it('335/2025: a decision outside the duties does not set the rating but bars titles; 90/2020: any decision', () => {
    const parts = {
      people: [person('P1'), person('P2')],
      tasks: [task('P1', 1), task('P2', 1)],
      discipline: [{ ...decision, personId: 'P1', concernsDuties: false }],
    };
    const nd335 = resultOf(run(parts), 'P1');
    expect(nd335.rating).toBe('GOOD'); // excellent by score, the quota of 2 allows none
    expect(nd335.titles).toEqual([]);
    expect(nd335.trace.some((entry) => entry.rule === 'discipline.outside-duties')).toBe(true);
    expect(resultOf(run({ ...parts, pack: 'vn-nd90-2020' }), 'P1').rating).toBe('NOT_COMPLETED');
  });
  it('a conclusion of degeneration in the year: not completed under 335/2025', () => {
    const result = resultOf(
      run({ people: [person('P1', { degenerationConcluded: true })], tasks: [task('P1', 1)] }),
      'P1',
    );
    expect(result).toMatchObject({ proposedRating: 'EXCELLENT', rating: 'NOT_COMPLETED' });
    expect(result.ratingCeiling).toMatchObject({
      rating: 'NOT_COMPLETED',
      rule: 'discipline.degeneration',
      citation: 'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm b',
    });
  });
});

describe('reward money (Nghị định 152/2025)', () => {
  it('is the multiple of the base salary per title, with the total to budget', () => {
    const evaluation = run({
      people: [person('P1'), ...['P2', 'P3', 'P4', 'P5'].map((id) => person(id, { conductAssessment: 7 }))],
      tasks: ['P1', 'P2', 'P3', 'P4', 'P5'].map((id) => task(id, 1)),
      overrides: { baseSalary: 2_530_000 },
    });
    const p1 = resultOf(evaluation, 'P1');
    expect(p1.titles).toEqual(['LDTT', 'CSTDCS']);
    expect(p1.rewards).toEqual([
      { title: 'LDTT', multiple: 0.3, amount: 759_000 },
      { title: 'CSTDCS', multiple: 1, amount: 2_530_000 },
    ]);
    expect(p1.trace.find((entry) => entry.rule === 'title.reward')?.detail).toBe(
      'Tiền thưởng: Lao động tiên tiến 759.000 đồng; Chiến sĩ thi đua cơ sở 2.530.000 đồng (hệ số nhân với mức lương cơ sở)',
    );
    // 5 × LĐTT + 1 CSTĐCS + Tập thể lao động xuất sắc (1.5)
    expect(evaluation.rewardBudget).toEqual({
      baseSalary: 2_530_000,
      total: 5 * 759_000 + 2_530_000 + 3_795_000,
    });
  });
});
