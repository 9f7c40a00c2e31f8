import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFinalRating } from './check-final-rating.ts';
import { checkQuota } from './check-quota.ts';
import { evaluateScenario } from './evaluate.ts';
import { RATING_RANK } from './packs.ts';
import { parseScenario } from './parse-scenario.ts';
import { person, scenario, task } from './test-scenario.ts';
import type { Evaluation, Rating, Scenario } from './types.ts';

const dayArb = fc
  .integer({ min: 1, max: 28 })
  .chain((day) =>
    fc
      .integer({ min: 1, max: 12 })
      .map((month) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
  );

/** Random small agencies: a few units, people with varied tasks, discipline, absences and votes. */
const scenarioArb = fc
  .record({
    unitCount: fc.integer({ min: 1, max: 3 }),
    people: fc.array(
      fc.record({
        unit: fc.integer({ min: 0, max: 2 }),
        assessment: fc.integer({ min: 0, max: 10 }),
        monthsAbsent: fc.constantFrom(0, 0, 0, 2, 3, 5, 7),
        hiredOn: fc.constantFrom('2010-01-01', '2010-01-01', '2026-06-15', '2026-09-01'),
        disciplined: fc.boolean(),
        citizenFacing: fc.boolean(),
        votes: fc.option(fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40))),
        tasks: fc.array(
          fc.record({
            due: dayArb,
            weight: fc.integer({ min: 1, max: 3 }),
            completed: fc.option(dayArb),
            actual: fc.integer({ min: 0, max: 12 }),
            majorErrors: fc.nat(3),
            delays: fc.nat(3),
            excused: fc.boolean(),
          }),
          { maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    excellentPercent: fc.constantFrom(10, 20, 35),
    leader: fc.boolean(),
    periodKind: fc.constantFrom('YEAR', 'QUARTER', 'MONTH'),
    groups: fc.boolean(),
  })
  .map((spec) => {
    const units = Array.from({ length: spec.unitCount }, (_, n) => ({
      id: `U${n}`,
      name: `Đơn vị ${n}`,
      parentId: null,
      block: 'K',
    }));
    const people = spec.people.map((p, n) =>
      person(`P${String(n).padStart(2, '0')}`, {
        unitId: `U${p.unit % spec.unitCount}`,
        conductAssessment: p.assessment,
        monthsAbsent: p.monthsAbsent,
        hiredOn: p.hiredOn,
        citizenFacing: p.citizenFacing,
        leads: spec.leader && n === 0 ? `U${p.unit % spec.unitCount}` : null,
        // quota groups of similar tasks across units, when the agency set them
        ...(spec.groups ? { quotaGroup: n % 2 === 0 ? 'NHOM-A' : 'NHOM-B' } : {}),
      }),
    );
    const tasks = spec.people.flatMap((p, n) =>
      p.tasks.map((t, k) => task(`P${String(n).padStart(2, '0')}`, k, { ...t, planned: 10 })),
    );
    const discipline = spec.people.flatMap((p, n) =>
      p.disciplined
        ? [
            {
              personId: `P${String(n).padStart(2, '0')}`,
              form: 'KHIEN_TRACH',
              decidedOn: '2026-04-01',
              actYear: 2026,
              concernsDuties: true,
              alreadyCountedInYear: null,
            },
          ]
        : [],
    );
    const citizenVotes = spec.people.flatMap((p, n) =>
      p.votes
        ? [
            {
              personId: `P${String(n).padStart(2, '0')}`,
              verySatisfied: p.votes[0],
              satisfied: p.votes[1],
              dissatisfied: p.votes[2],
            },
          ]
        : [],
    );
    const parsed = parseScenario(
      scenario({
        units,
        people,
        tasks,
        discipline,
        citizenVotes,
        periodKind: spec.periodKind,
        overrides: { excellentPercent: spec.excellentPercent },
      }),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.scenario;
  });

const runs = Number(process.env.FUZZ_RUNS ?? 150);

function byId(evaluation: Evaluation) {
  return new Map(evaluation.people.map((p) => [p.id, p]));
}

describe('invariants of the evaluation', () => {
  it('never exceeds the excellent quota of a quota group', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const evaluation = evaluateScenario(input);
        const results = byId(evaluation);
        const groups = [
          ...evaluation.units.map((unit) => ({ id: unit.id, quota: unit.excellentQuota })),
          ...(evaluation.quotaGroups ?? []).map((group) => ({ id: group.id, quota: group.excellentQuota })),
        ];
        for (const group of groups) {
          const people = input.people
            .filter((p) => (p.quotaGroup ?? p.unitId) === group.id)
            .map((p) => results.get(p.id));
          const excellent = people.filter((p) => p?.rating === 'EXCELLENT').length;
          expect(excellent).toBeLessThanOrEqual(group.quota.allowed);
          expect(group.quota.granted).toBe(excellent);
        }
      }),
      { numRuns: runs },
    );
  });

  it("the engine's own rating of every person passes the final-decision check", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const evaluation = evaluateScenario(input);
        for (const result of evaluation.people) {
          const check = checkFinalRating({
            scenario: input,
            personId: result.id,
            rating: result.rating,
            reason: null,
          });
          expect(check.ok, `${result.id} ${result.rating}`).toBe(true);
        }
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });

  it('no sequence of decisions leaves a group above its quota, nor anyone above a hard rule', () => {
    const decisionsArb = fc.array(
      fc.record({
        person: fc.nat(30),
        rating: fc.constantFrom('EXCELLENT', 'EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'),
        reason: fc.option(fc.constant('Theo ý kiến của tập thể lãnh đạo')),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(scenarioArb, decisionsArb, (input, picks) => {
        const seen = new Set<string>();
        const finalRatings: Scenario['finalRatings'] = [];
        for (const pick of picks) {
          const target = input.people[pick.person % input.people.length];
          if (!target || seen.has(target.id)) continue;
          seen.add(target.id);
          finalRatings.push({ personId: target.id, rating: pick.rating as Rating, reason: pick.reason });
        }
        const evaluation = evaluateScenario({ ...input, finalRatings });
        const ratings = new Map(evaluation.people.map((p) => [p.id, p.rating]));
        for (const group of checkQuota({ scenario: input, ratings }))
          expect(group.exceeded, group.unitId).toBe(false);
        for (const result of evaluation.people) {
          const ceiling = result.ratingCeiling.rating;
          if (ceiling === 'NOT_RATED') expect(result.rating).toBe('NOT_RATED');
          else expect(RATING_RANK[result.rating]).toBeLessThanOrEqual(RATING_RANK[ceiling]);
          if (result.decision?.applied) expect(result.rating).toBe(result.decision.rating);
          // titles follow the final rating
          if (result.titles.includes('LDTT')) expect(['GOOD', 'EXCELLENT']).toContain(result.rating);
        }
      }),
      { numRuns: runs },
    );
  });

  it('never rates a person disciplined in the year above not completed', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const evaluation = byId(evaluateScenario(input));
        for (const decision of input.discipline) {
          const rating = evaluation.get(decision.personId)?.rating;
          expect(['NOT_COMPLETED', 'NOT_RATED']).toContain(rating);
        }
      }),
      { numRuns: runs },
    );
  });

  it('gives no title to a person not rated', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        for (const result of evaluateScenario(input).people) {
          if (result.rating === 'NOT_RATED') expect(result.titles).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  });

  it('does not depend on the order of the input lists', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (input, seed) => {
        const shuffled: Scenario = {
          ...input,
          people: shuffle(input.people, seed),
          tasks: shuffle(input.tasks, seed + 1),
          units: shuffle(input.units, seed + 2),
          discipline: shuffle(input.discipline, seed + 3),
          citizenVotes: shuffle(input.citizenVotes, seed + 4),
        };
        const a = byId(evaluateScenario(input));
        const b = byId(evaluateScenario(shuffled));
        for (const [id, result] of a) {
          const other = b.get(id);
          expect(other?.score).toBe(result.score);
          expect(other?.rating).toBe(result.rating);
          expect(other?.titles).toEqual(result.titles);
          expect(other?.flags).toEqual(result.flags);
        }
      }),
      { numRuns: runs },
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expect(JSON.stringify(evaluateScenario(input))).toBe(
          JSON.stringify(evaluateScenario(structuredClone(input))),
        );
      }),
      { numRuns: runs },
    );
  });
});

function shuffle<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
