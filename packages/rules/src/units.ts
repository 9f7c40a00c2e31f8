// Collective titles and block ranking (DOMAIN §4, collective part).
import type { Prepared } from './prepare.ts';
import type { TitleWork } from './titles.ts';
import type { CollectiveTitle, Evaluation, ScenarioUnit } from './types.ts';

/**
 * Members are the people whose unit is this unit; rated members are those not NOT_RATED.
 * Tập thể lao động xuất sắc: 100% of rated members completed or better, ≥ 70% LĐTT, at least one
 * CSTĐCS, no member disciplined at warning (cảnh cáo) or above in the year. Tập thể lao động tiên
 * tiến: more than 50% of rated members LĐTT, no member disciplined at warning or above.
 * Only the highest title is listed.
 */
export function collectiveTitles(members: TitleWork[]): CollectiveTitle[] {
  const rated = members.filter((work) => work.rating !== 'NOT_RATED');
  if (rated.length === 0) return [];
  const seriousDiscipline = members.some((work) =>
    work.facts.disciplinedInYear.some((item) => item.form !== 'KHIEN_TRACH'),
  );
  if (seriousDiscipline) return [];
  const ldtt = rated.filter((work) => work.titles.includes('LDTT')).length;
  const allCompleted = rated.every((work) => work.rating !== 'NOT_COMPLETED');
  const anyCstdcs = rated.some((work) => work.titles.includes('CSTDCS'));
  if (allCompleted && ldtt * 10 >= rated.length * 7 && anyCstdcs) return ['TAP_THE_LDXS'];
  if (ldtt * 2 > rated.length) return ['TAP_THE_LDTT'];
  return [];
}

/**
 * Ranks units inside their emulation block by 0.6 × mean member score + 0.2 × PAR index + 0.2 ×
 * satisfaction index; missing parts drop out and the weights are rescaled; ties to the lower id;
 * a unit with nothing to score ranks after the others.
 */
export function blockRanks(prepared: Prepared, members: Map<string, TitleWork[]>): Map<string, number> {
  return rankBlocks(
    prepared.scenario.units.map((unit) => ({
      id: unit.id,
      block: unit.block,
      score: unitScore(
        unit,
        (members.get(unit.id) ?? []).map((work) => work.score),
      ),
    })),
  );
}

/** What a unit is ranked by in its emulation block: its block and its unit score. */
export type UnitStanding = { id: string; block: string | null; score: number | null };

/**
 * The standing of every unit of a scenario, from its evaluation. A unit's score needs all the
 * unit's members, so an evaluation made in parts (a province in chunks of whole units) takes each
 * unit's standing from the part holding its members, and ranks them all together with rankBlocks.
 */
export function unitStandings(
  scenario: {
    units: readonly Pick<ScenarioUnit, 'id' | 'block' | 'parIndex' | 'satisfactionIndex'>[];
    people: readonly { id: string; unitId: string }[];
  },
  evaluation: Pick<Evaluation, 'people'>,
): UnitStanding[] {
  const scoreOf = new Map(evaluation.people.map((person) => [person.id, person.score]));
  const scores = new Map<string, (number | null)[]>();
  for (const unit of scenario.units) scores.set(unit.id, []);
  // in the scenario's order of people, as evaluateScenario adds them up
  for (const person of scenario.people) {
    const score = scoreOf.get(person.id);
    if (score !== undefined) scores.get(person.unitId)?.push(score);
  }
  return scenario.units.map((unit) => ({
    id: unit.id,
    block: unit.block,
    score: unitScore(unit, scores.get(unit.id) ?? []),
  }));
}

/** Ranks in their block (1 = best) of the units that have a block; the order of the input does not matter. */
export function rankBlocks(units: readonly UnitStanding[]): Map<string, number> {
  const blocks = new Map<string, UnitStanding[]>();
  for (const unit of units) {
    if (unit.block === null) continue;
    const list = blocks.get(unit.block) ?? [];
    list.push(unit);
    blocks.set(unit.block, list);
  }
  const ranks = new Map<string, number>();
  for (const list of blocks.values()) {
    list.sort((a, b) => {
      if (a.score !== b.score) {
        if (a.score === null) return 1;
        if (b.score === null) return -1;
        return b.score - a.score;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    list.forEach((item, index) => {
      ranks.set(item.id, index + 1);
    });
  }
  return ranks;
}

export function unitScore(
  unit: Pick<ScenarioUnit, 'parIndex' | 'satisfactionIndex'>,
  memberScores: readonly (number | null)[],
): number | null {
  const scores = memberScores.filter((score): score is number => score !== null);
  const parts: [number, number][] = [];
  if (scores.length > 0) parts.push([0.6, scores.reduce((sum, score) => sum + score, 0) / scores.length]);
  if (unit.parIndex !== null) parts.push([0.2, unit.parIndex]);
  if (unit.satisfactionIndex !== null) parts.push([0.2, unit.satisfactionIndex]);
  if (parts.length === 0) return null;
  const weights = parts.reduce((sum, [weight]) => sum + weight, 0);
  return parts.reduce((sum, [weight, value]) => sum + weight * value, 0) / weights;
}
