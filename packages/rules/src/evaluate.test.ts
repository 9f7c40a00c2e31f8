import { describe, expect, it } from 'vitest';
import { checkFinalRating } from './check-final-rating.ts';
import { parseScenario } from './parse-scenario.ts';
import { person, resultOf, run, scenario, task, tasks } from './test-scenario.ts';

/** One non-citizen-facing person in a unit without PAR index: score = 70 × task score + 3 × A. */
function scoreWith(quantity: number, assessment: number) {
  return resultOf(
    run({
      people: [person('P1', { conductAssessment: assessment })],
      tasks: [task('P1', 1, { planned: 1000, actual: quantity * 1000 })],
    }),
    'P1',
  );
}

describe('score bands (Nghị định 335/2025), on the score rounded to one decimal', () => {
  it.each([
    [1, 6.65, 90, 'EXCELLENT'], // 89.95 rounds to 90.0
    [1, 6.64, 89.9, 'GOOD'],
    [1, 0, 70, 'GOOD'],
    [0.999, 0, 69.9, 'COMPLETED'],
    [50 / 70, 0, 50, 'COMPLETED'],
    [0.7128, 0, 49.9, 'NOT_COMPLETED'],
  ])('quantity %s, assessment %s → %s points → %s', (quantity, assessment, score, rating) => {
    const result = scoreWith(quantity, assessment);
    expect(result.score).toBe(score);
    expect(result.proposedRating).toBe(rating);
  });
});

describe('task results', () => {
  const one = (fields: Record<string, unknown>) =>
    resultOf(run({ people: [person('P1')], tasks: [task('P1', 1, fields)] }), 'P1').components?.tasks;

  it('a task finished late with no delay recorded counts one delay', () => {
    expect(one({ completed: '2026-04-10', delays: 0 })).toBe(64.2); // 70 × (1 + 1 + 0.75) / 3
  });
  it('each recorded delay takes 25% of the timeliness points, never below zero', () => {
    expect(one({ completed: '2026-04-10', delays: 2 })).toBe(58.3); // 70 × (1 + 1 + 0.5) / 3
    expect(one({ completed: '2026-04-10', delays: 9 })).toBe(46.7); // 70 × (1 + 1 + 0) / 3
  });
  it('a major error takes 25% of the quality points', () => {
    expect(one({ majorErrors: 2 })).toBe(58.3); // 70 × (1 + 0.5 + 1) / 3
  });
  it('an excused task counts no errors and no delays', () => {
    expect(one({ majorErrors: 3, completed: '2026-05-10', delays: 2, excused: true })).toBe(70);
  });
  it('an open task earns no timeliness, and a completion after the year counts as open', () => {
    expect(one({ completed: null, actual: 1 })).toBe(46.7); // 70 × (1 + 1 + 0) / 3
    expect(one({ completed: '2027-01-05', actual: 1 })).toBe(46.7);
  });
  it('no credit for quality or timeliness of work not delivered', () => {
    expect(one({ actual: 0.5 })).toBe(35);
    expect(one({ actual: 0 })).toBe(0);
  });
  it('a person without tasks is not rated and listed in errors, never a silent zero', () => {
    const evaluation = run({ people: [person('P1')] });
    expect(resultOf(evaluation, 'P1')).toMatchObject({ score: null, components: null, rating: 'NOT_RATED' });
    expect(evaluation.errors).toEqual([{ personId: 'P1', message: 'no tasks recorded: not scored' }]);
  });
});

describe('general criteria', () => {
  it('conduct loses 2 points per infraction in the year, not below 0', () => {
    const evaluation = run({
      people: [person('P1', { conductAssessment: 9 }), person('P2', { conductAssessment: 3 })],
      tasks: [...tasks('P1'), ...tasks('P2')],
      infractions: [
        { personId: 'P1', kind: 'LATE', on: '2026-02-03' },
        { personId: 'P1', kind: 'ABSENT', on: '2025-12-30' },
        { personId: 'P2', kind: 'CONDUCT', on: '2026-02-03' },
        { personId: 'P2', kind: 'COMPLAINT_UPHELD', on: '2026-05-03' },
      ],
    });
    expect(resultOf(evaluation, 'P1').components?.conduct).toBe(7);
    expect(resultOf(evaluation, 'P2').components?.conduct).toBe(0);
  });
  it('reform comes from dossiers, then the unit PAR index, then the assessment', () => {
    const evaluation = run({
      units: [
        { id: 'U1', name: 'A', parentId: null, parIndex: 82 },
        { id: 'U2', name: 'B', parentId: null },
      ],
      people: [
        person('P1', { dossierHandler: true }),
        person('P2'),
        person('P3', { unitId: 'U2', conductAssessment: 8 }),
      ],
      tasks: [...tasks('P1'), ...tasks('P2'), ...tasks('P3')],
      dossiers: [{ personId: 'P1', received: 100, early: 10, onTime: 80, late: 10, apologies: 3 }],
    });
    expect(resultOf(evaluation, 'P1').components?.reform).toBe(6); // 10 × 90/100 − 3
    expect(resultOf(evaluation, 'P2').components?.reform).toBe(8.2);
    expect(resultOf(evaluation, 'P3').components?.reform).toBe(8);
  });
  it('citizens score comes from at least 20 votes of citizen-facing staff, otherwise the assessment', () => {
    const evaluation = run({
      people: [
        person('P1', { citizenFacing: true }),
        person('P2', { citizenFacing: true, conductAssessment: 9 }),
        person('P3', { conductAssessment: 8 }),
      ],
      tasks: [...tasks('P1'), ...tasks('P2'), ...tasks('P3')],
      citizenVotes: [
        { personId: 'P1', verySatisfied: 10, satisfied: 5, dissatisfied: 5 },
        { personId: 'P2', verySatisfied: 10, satisfied: 5, dissatisfied: 4 },
        { personId: 'P3', verySatisfied: 0, satisfied: 0, dissatisfied: 40 },
      ],
    });
    expect(resultOf(evaluation, 'P1').components?.citizens).toBe(7.5);
    expect(resultOf(evaluation, 'P2').components?.citizens).toBe(9);
    expect(resultOf(evaluation, 'P3').components?.citizens).toBe(8);
  });
});

describe('hard rules', () => {
  it.each([
    ['2026-07-01', 0, 'EXCELLENT'],
    ['2026-07-02', 0, 'NOT_RATED'],
    ['2026-01-01', 6.5, 'NOT_RATED'],
    ['2025-01-01', 6, 'EXCELLENT'],
  ])('hired %s, absent %s months → %s', (hiredOn, monthsAbsent, rating) => {
    const evaluation = run({
      people: [person('P1', { hiredOn, monthsAbsent })],
      tasks: tasks('P1'),
      overrides: { excellentPercent: 100 },
    });
    expect(resultOf(evaluation, 'P1').rating).toBe(rating);
    expect(evaluation.errors).toEqual([]);
  });
  it.each([
    [2.9, 'EXCELLENT'],
    [3, 'COMPLETED'],
    [5.9, 'COMPLETED'],
  ])('absent %s months → at most %s', (monthsAbsent, rating) => {
    const result = resultOf(
      run({
        people: [person('P1', { monthsAbsent })],
        tasks: tasks('P1'),
        overrides: { excellentPercent: 100 },
      }),
      'P1',
    );
    expect(result.rating).toBe(rating);
  });
  it('discipline decided in the year makes the person not completed, once per act', () => {
    const decision = { form: 'KHIEN_TRACH', actYear: 2026, concernsDuties: true, alreadyCountedInYear: null };
    const evaluation = run({
      people: [person('P1'), person('P2'), person('P3'), person('P4')],
      tasks: [...tasks('P1'), ...tasks('P2'), ...tasks('P3'), ...tasks('P4')],
      discipline: [
        { ...decision, personId: 'P1', decidedOn: '2026-05-12' },
        { ...decision, personId: 'P2', decidedOn: '2025-12-31' },
        { ...decision, personId: 'P3', decidedOn: '2026-02-01', actYear: 2025, alreadyCountedInYear: 2025 },
        { ...decision, personId: 'P4', decidedOn: '2026-02-01', alreadyCountedInYear: 2026 },
      ],
      overrides: { excellentPercent: 100 },
    });
    expect(resultOf(evaluation, 'P1').rating).toBe('NOT_COMPLETED');
    expect(resultOf(evaluation, 'P2').rating).toBe('EXCELLENT');
    expect(resultOf(evaluation, 'P3').rating).toBe('EXCELLENT');
    expect(resultOf(evaluation, 'P4').rating).toBe('NOT_COMPLETED');
    expect(
      resultOf(evaluation, 'P1').trace.find((entry) => entry.rule === 'discipline.in-year')?.citation,
    ).toBe('Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c; Nghị định 172/2025/NĐ-CP');
  });
});

describe('excellent quota per unit', () => {
  const people = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
  it('keeps floor(20% × good or better), the highest scores first', () => {
    const evaluation = run({
      people: people.map((id, n) => person(id, { conductAssessment: 10 - n * 0.5 })),
      tasks: people.flatMap((id) => tasks(id)),
    });
    // scores 100, 98.5, 97, 95.5, 94, 92.5, 91, 89.5→GOOD...
    expect(evaluation.units[0]?.excellentQuota).toEqual({ eligible: 10, allowed: 2, granted: 2 });
    expect(evaluation.people.filter((p) => p.rating === 'EXCELLENT').map((p) => p.id)).toEqual(['A', 'B']);
    expect(resultOf(evaluation, 'C').trace.at(-2)?.rule ?? '').toBeTruthy();
    expect(resultOf(evaluation, 'C').trace.some((entry) => entry.rule === 'quota.excellent')).toBe(true);
  });
  it('breaks ties by fewer unexcused delays, then higher citizen share, then lower id', () => {
    const evaluation = run({
      people: ['P3', 'P2', 'P1', 'P4', 'P5'].map((id) => person(id)),
      tasks: [
        ...tasks('P1', 3),
        task('P1', 9, { delays: 1 }), // on time despite a recorded delay: same score, one delay
        ...tasks('P2', 4),
        ...tasks('P3', 4),
        ...tasks('P4', 4),
        ...tasks('P5', 4),
      ],
      citizenVotes: [
        { personId: 'P2', verySatisfied: 1, satisfied: 0, dissatisfied: 1 },
        { personId: 'P3', verySatisfied: 1, satisfied: 0, dissatisfied: 0 },
      ],
      overrides: { excellentPercent: 40 },
    });
    expect(evaluation.people.filter((p) => p.rating === 'EXCELLENT').map((p) => p.id)).toEqual(['P3', 'P2']);
    const overridden = resultOf(evaluation, 'P4').trace.find((entry) => entry.rule === 'quota.excellent');
    expect(overridden?.citation).toBe('local');
  });
  it('a minimum per group allows one excellent where floor() gives none', () => {
    const parts = {
      people: ['A', 'B', 'C'].map((id) => person(id)),
      tasks: ['A', 'B', 'C'].flatMap((id) => tasks(id)),
    };
    expect(run(parts).units[0]?.excellentQuota).toEqual({ eligible: 3, allowed: 0, granted: 0 });
    expect(run({ ...parts, overrides: { excellentMinimumPerGroup: 1 } }).units[0]?.excellentQuota).toEqual({
      eligible: 3,
      allowed: 1,
      granted: 1,
    });
  });
  it('an outstanding unit may have a higher percentage by a recorded decision', () => {
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const evaluation = run({
      people: ids.map((id) => person(id)),
      tasks: ids.flatMap((id) => tasks(id)),
      overrides: { quotaExceptions: [{ unitId: 'U1', percent: 40, decision: 'QĐ 12/QĐ-UBND' }] },
    });
    expect(evaluation.units[0]?.excellentQuota).toEqual({ eligible: 5, allowed: 2, granted: 2 });
  });
});

describe('leaders', () => {
  const units = [
    { id: 'U1', name: 'Sở', parentId: null },
    { id: 'U2', name: 'Phòng', parentId: 'U1' },
  ];
  it('take 35 points from their own tasks and 35 from the unit they lead, halved when anyone is not completed', () => {
    const base = {
      units,
      people: [person('L', { leads: 'U2' }), person('S1', { unitId: 'U2' }), person('S2', { unitId: 'U2' })],
      tasks: [...tasks('L'), ...tasks('S1'), task('S2', 1, { actual: 0.5 })],
      overrides: { excellentPercent: 100 },
    };
    // unit task score = (1 + 0.5) / 2 = 0.75 → 35 + 26.25
    expect(resultOf(run(base), 'L').components?.tasks).toBe(61.3);
    const withDiscipline = run({
      ...base,
      discipline: [
        {
          personId: 'S1',
          form: 'KHIEN_TRACH',
          decidedOn: '2026-03-01',
          actYear: 2026,
          concernsDuties: true,
          alreadyCountedInYear: null,
        },
      ],
    });
    expect(resultOf(withDiscipline, 'L').components?.tasks).toBe(48.1); // 35 + 26.25 × 50%
  });
  it('are at most completed when someone they lead is not completed and the unit completes under half its targets', () => {
    const evaluation = run({
      units,
      people: [
        person('L', { leads: 'U2' }),
        person('S1', { unitId: 'U2' }),
        person('S2', { unitId: 'U2', conductAssessment: 0 }),
      ],
      tasks: [...tasks('L', 20), task('S1', 1, { actual: 0.6 }), task('S2', 1, { actual: 0.2 })],
      overrides: { excellentPercent: 100 },
    });
    expect(resultOf(evaluation, 'S2').rating).toBe('NOT_COMPLETED');
    const leader = resultOf(evaluation, 'L');
    expect(leader.rating).toBe('COMPLETED');
    expect(leader.trace.some((entry) => entry.rule === 'leader.unit-results')).toBe(true);
  });
  it('are not completed when their unit is involved in a corruption case', () => {
    const evaluation = run({
      units: [units[0], { ...units[1], corruptionCase: true }],
      people: [person('L', { leads: 'U2' }), person('S1', { unitId: 'U2' })],
      tasks: [...tasks('L'), ...tasks('S1')],
    });
    expect(resultOf(evaluation, 'L').rating).toBe('NOT_COMPLETED');
  });
});

describe('titles', () => {
  it('LĐTT needs good or better, no discipline, 6 months recruited and under 3 months absent', () => {
    const evaluation = run({
      people: [person('P1'), person('P2', { conductAssessment: 0 }), person('P3', { monthsAbsent: 3 })],
      tasks: [...tasks('P1'), task('P2', 1, { actual: 0.6 }), ...tasks('P3')],
    });
    expect(resultOf(evaluation, 'P1').titles).toContain('LDTT');
    expect(resultOf(evaluation, 'P2').titles).toEqual([]);
    expect(resultOf(evaluation, 'P3').titles).toEqual([]);
    expect(resultOf(evaluation, 'P2').trace.some((entry) => entry.effect === '-LDTT')).toBe(true);
  });
  it('CSTĐCS goes to LĐTT holders rated excellent or with an initiative of the year, within an optional cap', () => {
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const parts = {
      people: ids.map((id, n) => person(id, { conductAssessment: 10 - n })),
      tasks: ids.flatMap((id) => tasks(id)),
      initiatives: [
        { personId: 'C', scope: 'GRASSROOTS', recognizedOn: '2026-09-15' },
        { personId: 'D', scope: 'GRASSROOTS', recognizedOn: '2025-09-15' },
      ],
    };
    const plain = run(parts);
    expect(ids.filter((id) => resultOf(plain, id).titles.includes('CSTDCS'))).toEqual(['A', 'C']);
    const capped = run({ ...parts, overrides: { cstdcsCapPercent: 20 } });
    expect(ids.filter((id) => resultOf(capped, id).titles.includes('CSTDCS'))).toEqual(['A']);
  });
  it.each([
    [9, 10, true],
    [8, 10, false],
  ])('CSTĐ cấp tỉnh with %s of %s votes: %s', (votes, members, granted) => {
    const evaluation = run({
      people: [
        person('P1', {
          history: [
            { year: 2025, rating: 'EXCELLENT', titles: ['LDTT', 'CSTDCS'] },
            { year: 2024, rating: 'EXCELLENT', titles: ['LDTT', 'CSTDCS'] },
          ],
        }),
      ],
      tasks: tasks('P1'),
      overrides: { excellentMinimumPerGroup: 1 },
      initiatives: [{ personId: 'P1', scope: 'PROVINCE', recognizedOn: '2024-06-01' }],
      ballots: [{ personId: 'P1', title: 'CSTD_TINH', for: votes, members }],
    });
    const result = resultOf(evaluation, 'P1');
    expect(result.titles.includes('CSTD_TINH')).toBe(granted);
    expect(result.titles.includes('BANG_KHEN')).toBe(true);
  });
});

describe('collective titles and blocks', () => {
  it('lists only the highest collective title, and none when a member got a warning', () => {
    const ids = ['A', 'B', 'C', 'D'];
    const parts = { people: ids.map((id) => person(id)), tasks: ids.flatMap((id) => tasks(id)) };
    expect(run(parts).units[0]?.collectiveTitles).toEqual(['TAP_THE_LDTT']); // LĐTT for all, no CSTĐCS
    const withInitiative = run({
      ...parts,
      initiatives: [{ personId: 'B', scope: 'GRASSROOTS', recognizedOn: '2026-04-01' }],
    });
    expect(withInitiative.units[0]?.collectiveTitles).toEqual(['TAP_THE_LDXS']);
    const warned = run({
      ...parts,
      discipline: [
        {
          personId: 'A',
          form: 'CANH_CAO',
          decidedOn: '2026-03-01',
          actYear: 2026,
          concernsDuties: true,
          alreadyCountedInYear: null,
        },
      ],
    });
    expect(warned.units[0]?.collectiveTitles).toEqual([]);
  });
  it('ranks units in their block with missing parts dropped and weights rescaled, ties to the lower id', () => {
    const evaluation = run({
      units: [
        { id: 'U1', name: 'A', parentId: null, block: 'K', parIndex: 80, satisfactionIndex: 80 },
        { id: 'U2', name: 'B', parentId: null, block: 'K', parIndex: 95 },
        { id: 'U3', name: 'C', parentId: null, block: 'K', parIndex: 80, satisfactionIndex: 80 },
        { id: 'U4', name: 'D', parentId: null, block: null },
      ],
      people: [person('P1'), person('P2', { unitId: 'U2' }), person('P3', { unitId: 'U3' })],
      tasks: [...tasks('P1'), task('P2', 1, { actual: 0.5 }), ...tasks('P3')],
    });
    // U1 = U3 = 0.6×100 + 0.2×80 + 0.2×80 = 92; U2 = (0.6×(35+30) + 0.2×95) / 0.8 = 72.5
    expect(evaluation.units.map((unit) => unit.blockRank)).toEqual([1, 3, 2, null]);
  });
});

describe('flags', () => {
  it('rotation after the sector period, exempt near retirement, postponed while protected', () => {
    const sensitive = { sector: 'LAND', since: '2023-12-31' };
    const evaluation = run({
      people: [
        person('P1', { sensitivePosition: sensitive }),
        person('P2', { sensitivePosition: { sector: 'LAND', since: '2024-01-01' } }),
        person('P3', { sensitivePosition: sensitive, retirementOn: '2028-06-29' }),
        person('P4', { sensitivePosition: sensitive, retirementOn: '2028-06-30' }),
        person('P5', { sensitivePosition: sensitive, pregnantOrChildUnder36Months: true }),
      ],
      tasks: ['P1', 'P2', 'P3', 'P4', 'P5'].flatMap((id) => tasks(id)),
    });
    const flags = (id: string) => resultOf(evaluation, id).flags.map((flag) => `${flag.kind}:${flag.status}`);
    expect(flags('P1')).toEqual(['ROTATION:ACTIVE']);
    expect(flags('P2')).toEqual([]);
    expect(flags('P3')).toEqual(['ROTATION:EXEMPT']);
    expect(flags('P4')).toEqual(['ROTATION:ACTIVE']);
    expect(flags('P5')).toEqual(['ROTATION:POSTPONED']);
  });
  it('streamlining for not completed this year or last, postponed while protected; dismissal review after two years', () => {
    const notCompleted = [{ year: 2025, rating: 'NOT_COMPLETED', titles: [] }];
    const evaluation = run({
      people: [
        person('P1', { history: notCompleted }),
        person('P2', { history: notCompleted, pendingProceedings: true }),
        person('P3', { history: notCompleted, conductAssessment: 0 }),
      ],
      tasks: [...tasks('P1'), ...tasks('P2'), task('P3', 1, { actual: 0.5 })],
    });
    const flags = (id: string) => resultOf(evaluation, id).flags.map((flag) => `${flag.kind}:${flag.status}`);
    expect(flags('P1')).toEqual(['STREAMLINING:ACTIVE']);
    expect(flags('P2')).toEqual(['STREAMLINING:POSTPONED']);
    expect(flags('P3')).toEqual(['STREAMLINING:ACTIVE', 'DISMISSAL_REVIEW:ACTIVE']);
  });
  it('weak performance: completed or lower two years in a citizen-facing post, or under 70% satisfied', () => {
    const evaluation = run({
      people: [
        person('P1', {
          citizenFacing: true,
          conductAssessment: 5,
          history: [{ year: 2025, rating: 'COMPLETED', titles: [] }],
        }),
        person('P2', { citizenFacing: true }),
        person('P3', { citizenFacing: true }),
      ],
      tasks: [task('P1', 1, { actual: 0.6 }), ...tasks('P2'), ...tasks('P3')],
      citizenVotes: [
        { personId: 'P2', verySatisfied: 10, satisfied: 3, dissatisfied: 7 },
        { personId: 'P3', verySatisfied: 10, satisfied: 4, dissatisfied: 6 },
      ],
    });
    expect(resultOf(evaluation, 'P1').flags.map((flag) => flag.kind)).toEqual(['WEAK_PERFORMANCE']);
    expect(resultOf(evaluation, 'P2').flags.map((flag) => flag.kind)).toEqual(['WEAK_PERFORMANCE']);
    expect(resultOf(evaluation, 'P3').flags).toEqual([]);
  });
});

describe('criteria pack vn-nd90-2020', () => {
  it('rates by the share of tasks on time and to quality, without points', () => {
    const evaluation = run({
      year: 2025,
      pack: 'vn-nd90-2020',
      people: ['A', 'B', 'C', 'D'].map((id) => person(id, { category: 'VIEN_CHUC' })),
      tasks: [
        ...tasks('A', 2, { actual: 2 }),
        ...tasks('B', 2),
        ...tasks('C', 4),
        task('C', 9, { completed: '2025-05-01', due: '2025-04-01' }),
        ...tasks('D', 1),
        task('D', 8, { majorErrors: 1 }),
        task('D', 9, { completed: null }),
      ].map((item) => ({
        ...item,
        due: '2025-03-31',
        completed: item.completed === '2026-03-30' ? '2025-03-30' : item.completed,
      })),
      overrides: { excellentPercent: 100 },
    });
    expect(['A', 'B', 'C', 'D'].map((id) => resultOf(evaluation, id).rating)).toEqual([
      'EXCELLENT',
      'GOOD',
      'COMPLETED',
      'NOT_COMPLETED',
    ]);
    expect(resultOf(evaluation, 'A').score).toBeNull();
  });
});

describe('checkFinalRating', () => {
  it('refuses decisions against a hard rule and accepts the rest', () => {
    const parsed = parseScenario(
      scenario({
        people: [person('P1'), person('P2', { monthsAbsent: 4 }), person('P3', { hiredOn: '2026-10-01' })],
        tasks: [...tasks('P1'), ...tasks('P2'), ...tasks('P3')],
        discipline: [
          {
            personId: 'P1',
            form: 'KHIEN_TRACH',
            decidedOn: '2026-03-01',
            actYear: 2026,
            concernsDuties: true,
            alreadyCountedInYear: null,
          },
        ],
      }),
    );
    if (!parsed.ok) throw new Error('invalid');
    const check = (
      personId: string,
      rating: 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED' | 'NOT_RATED',
    ) => checkFinalRating({ scenario: parsed.scenario, personId, rating }).ok;
    expect(check('P1', 'COMPLETED')).toBe(false);
    expect(check('P1', 'NOT_COMPLETED')).toBe(true);
    expect(check('P2', 'GOOD')).toBe(false);
    expect(check('P2', 'COMPLETED')).toBe(true);
    expect(check('P3', 'GOOD')).toBe(false);
    expect(check('P3', 'NOT_RATED')).toBe(true);
  });
});
