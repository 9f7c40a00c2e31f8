import { describe, expect, it } from 'vitest';
import { checkFinalRating, ratingChoices } from './check-final-rating.ts';
import { RULES } from './citations.ts';
import { parseScenario } from './parse-scenario.ts';
import { person, resultOf, run, scenario, task } from './test-scenario.ts';
import type { Scenario } from './types.ts';

// Ten people of one unit, no PAR index, not citizen facing (score = 70 + 3 × A): A (100) and B
// (96.7) score excellent, the others 88 (good); 20% of 10 = 2. With `excellent = 1` only A does.
const ten = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
const office = (extra: Record<string, unknown> = {}, excellent = 2) => ({
  people: ten.map((id, n) =>
    person(id, { conductAssessment: n === 0 ? 10 : n === 1 && excellent > 1 ? 8.9 : 6 }),
  ),
  tasks: ten.map((id) => task(id, 1)),
  ...extra,
});
const reason = 'Theo kết quả họp tập thể lãnh đạo';

describe("people's decisions (DOMAIN: the engine proposes, people decide)", () => {
  it('titles follow the decided rating: a head lowers A and raises C', () => {
    const evaluation = run(
      office(
        {
          overrides: { excellentPercent: 10 }, // one excellent allowed: A, the only one by score
          finalRatings: [
            { personId: 'A', rating: 'GOOD', reason },
            { personId: 'C', rating: 'EXCELLENT', reason },
          ],
        },
        1,
      ),
    );
    const a = resultOf(evaluation, 'A');
    const c = resultOf(evaluation, 'C');
    expect([a.engineRating, a.rating, a.titles]).toEqual(['EXCELLENT', 'GOOD', ['LDTT']]);
    expect([c.engineRating, c.rating, c.titles]).toEqual(['GOOD', 'EXCELLENT', ['LDTT', 'CSTDCS']]);
    expect(c.decision).toMatchObject({ applied: true, rating: 'EXCELLENT' });
    expect(c.trace.find((entry) => entry.rule === RULES.decision)?.detail).toBe(
      `Cấp có thẩm quyền quyết định xếp loại Hoàn thành xuất sắc nhiệm vụ (đề xuất của hệ thống: Hoàn thành tốt nhiệm vụ); lý do: ${reason}`,
    );
    expect(evaluation.units[0]?.excellentQuota).toEqual({ eligible: 10, allowed: 1, granted: 1 });
  });

  it('a raise beyond the quota is refused with the quota, the engine keeps its rating', () => {
    const evaluation = run(
      office({
        overrides: { excellentPercent: 10 },
        finalRatings: [{ personId: 'C', rating: 'EXCELLENT', reason }],
      }),
    );
    const c = resultOf(evaluation, 'C');
    expect(c.rating).toBe('GOOD');
    expect(c.decision).toMatchObject({ applied: false, rule: RULES.decisionQuota });
    expect(c.decision?.message).toContain(
      'Đơn vị Phòng Một cửa được tối đa 1 người Hoàn thành xuất sắc nhiệm vụ',
    );
    expect(resultOf(evaluation, 'A').rating).toBe('EXCELLENT');
  });

  it('a raise cannot take the place of a higher-scored candidate of the engine', () => {
    // 10%: one place; A by score, B next (96.7). Lowering A gives the place to B, not to C.
    const evaluation = run(
      office({
        overrides: { excellentPercent: 10 },
        finalRatings: [
          { personId: 'A', rating: 'GOOD', reason },
          { personId: 'C', rating: 'EXCELLENT', reason },
        ],
      }),
    );
    expect(['A', 'B', 'C'].map((id) => resultOf(evaluation, id).rating)).toEqual([
      'GOOD',
      'EXCELLENT',
      'GOOD',
    ]);
    expect(resultOf(evaluation, 'C').decision).toMatchObject({ applied: false, rule: RULES.decisionQuota });
  });

  it("lowering people shrinks the quota: the engine's own excellent ratings give way, decided ones stay", () => {
    // 20% of 10 = 2 (A, B); the head lowers C..F to completed: 6 good or better, 20% = 1
    const lowered = ['C', 'D', 'E', 'F'].map((personId) => ({ personId, rating: 'COMPLETED', reason }));
    const evaluation = run(office({ finalRatings: lowered }));
    expect(['A', 'B'].map((id) => resultOf(evaluation, id).rating)).toEqual(['EXCELLENT', 'GOOD']);
    expect(evaluation.units[0]?.excellentQuota).toEqual({ eligible: 6, allowed: 1, granted: 1 });
    // B decided excellent first: then the quota goes to B and A gives way
    const first = run(
      office({ finalRatings: [{ personId: 'B', rating: 'EXCELLENT', reason: null }, ...lowered] }),
    );
    expect(['A', 'B'].map((id) => resultOf(first, id).rating)).toEqual(['GOOD', 'EXCELLENT']);
  });

  it('refuses a decision above a hard rule, and one that differs without a reason', () => {
    const evaluation = run(
      office({
        discipline: [
          {
            personId: 'D',
            form: 'KHIEN_TRACH',
            decidedOn: '2026-03-01',
            actYear: 2026,
            concernsDuties: true,
          },
        ],
        finalRatings: [
          { personId: 'D', rating: 'COMPLETED', reason },
          { personId: 'E', rating: 'COMPLETED', reason: null },
        ],
      }),
    );
    expect(resultOf(evaluation, 'D')).toMatchObject({
      rating: 'NOT_COMPLETED',
      decision: { applied: false, rule: RULES.discipline },
    });
    expect(resultOf(evaluation, 'E')).toMatchObject({
      rating: 'GOOD',
      decision: { applied: false, rule: RULES.decisionRefused },
    });
  });

  it('checkFinalRating asks the engine with the decisions already taken', () => {
    const parsed = parseScenario(scenario(office({ overrides: { excellentPercent: 10 } }, 1)));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const base: Scenario = parsed.scenario;
    expect(checkFinalRating({ scenario: base, personId: 'C', rating: 'EXCELLENT', reason }).ok).toBe(false);
    const afterLowering: Scenario = { ...base, finalRatings: [{ personId: 'A', rating: 'GOOD', reason }] };
    expect(checkFinalRating({ scenario: afterLowering, personId: 'C', rating: 'EXCELLENT', reason }).ok).toBe(
      true,
    );
  });
});

describe('ballots of the council (Luật Thi đua, khen thưởng 2022)', () => {
  const history = [2024, 2025].map((year) => ({ year, rating: 'EXCELLENT', titles: ['LDTT', 'CSTDCS'] }));
  const candidate = (ballots: unknown[]) =>
    resultOf(
      run({
        people: [person('P1', { history })],
        tasks: [task('P1', 1)],
        initiatives: [{ personId: 'P1', scope: 'PROVINCE', recognizedOn: '2026-05-01' }],
        overrides: { excellentMinimumPerGroup: 1 },
        ballots,
      }),
      'P1',
    );
  const eligibility = (ballots: unknown[]) =>
    candidate(ballots).titleEligibility.find((item) => item.title === 'CSTD_TINH');

  it('without a ballot the person is eligible to be balloted, not granted', () => {
    expect(eligibility([])).toMatchObject({ status: 'ELIGIBLE', needsBallot: true });
  });
  it('a ballot closed without quorum blocks the title whatever its votes', () => {
    const result = candidate([
      { personId: 'P1', title: 'CSTD_TINH', for: 1, members: 7, participants: 1, quorum: 5 },
    ]);
    expect(result.titles).not.toContain('CSTD_TINH');
    expect(
      eligibility([{ personId: 'P1', title: 'CSTD_TINH', for: 1, members: 7, participants: 1, quorum: 5 }]),
    ).toMatchObject({
      status: 'NOT_ELIGIBLE',
      reasons: ['cuộc bỏ phiếu không đủ số thành viên tham dự (1/7 thành viên, cần 5): không có giá trị'],
    });
  });
  it('passes at 90% of all members with a quorum, fails below', () => {
    expect(
      candidate([{ personId: 'P1', title: 'CSTD_TINH', for: 9, members: 10, participants: 9, quorum: 6 }])
        .titles,
    ).toContain('CSTD_TINH');
    expect(
      eligibility([{ personId: 'P1', title: 'CSTD_TINH', for: 8, members: 10, participants: 10, quorum: 6 }])
        ?.status,
    ).toBe('NOT_ELIGIBLE');
  });
});

describe('the choices a decision form offers (ratingChoices)', () => {
  const parsed = (parts: Record<string, unknown>): Scenario => {
    const result = parseScenario(scenario(parts));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return result.scenario;
  };

  it('offers every rating but "not rated", refusing a raise beyond the quota with its count', () => {
    const choices = ratingChoices({
      scenario: parsed(office({ overrides: { excellentPercent: 10 } }, 1)),
      personId: 'C',
      current: 'GOOD',
    });
    expect(choices.map((choice) => choice.rating)).toEqual([
      'EXCELLENT',
      'GOOD',
      'COMPLETED',
      'NOT_COMPLETED',
    ]);
    const [excellent, good] = choices;
    expect(excellent?.violation?.rule).toBe(RULES.decisionQuota);
    expect(excellent?.quota).toEqual({ eligible: 10, allowed: 1, granted: 1 });
    expect(good).toMatchObject({ violation: null, quota: { eligible: 10, allowed: 1, granted: 1 } });
  });

  it('refuses what a hard rule forbids with the rule and its Vietnamese reason', () => {
    const choices = ratingChoices({
      scenario: parsed(
        office({
          discipline: [
            {
              personId: 'D',
              form: 'KHIEN_TRACH',
              decidedOn: '2026-03-01',
              actYear: 2026,
              concernsDuties: true,
            },
          ],
        }),
      ),
      personId: 'D',
    });
    const allowed = choices.filter((choice) => choice.violation === null).map((choice) => choice.rating);
    expect(allowed).toEqual(['NOT_COMPLETED']);
    const good = choices.find((choice) => choice.rating === 'GOOD');
    expect(good?.violation?.rule).toBe(RULES.discipline);
    expect(good?.violation?.message).toContain('Cao nhất được xếp loại Không hoàn thành nhiệm vụ');
  });
});
