// Evidence in, decisions and traces out: the whole evaluation of one scenario, deterministic and pure.
import { raiseFlags } from './flags.ts';
import { prepare } from './prepare.ts';
import { applyExcellentQuota } from './quota.ts';
import { ratePeople } from './rate-person.ts';
import { grantTitles, type TitleWork } from './titles.ts';
import type { Evaluation, PersonResult, Scenario, UnitResult } from './types.ts';
import { blockRanks, collectiveTitles } from './units.ts';

export function evaluateScenario(scenario: Scenario): Evaluation {
  const prepared = prepare(scenario);
  const people: TitleWork[] = ratePeople(prepared).map((work) => Object.assign(work, { titles: [] }));

  const members = new Map<string, TitleWork[]>();
  for (const unit of scenario.units) members.set(unit.id, []);
  for (const work of people) members.get(work.facts.person.unitId)?.push(work);

  const quotas = new Map<string, UnitResult['excellentQuota']>();
  for (const [unitId, group] of members) {
    const outcome = applyExcellentQuota(group, unitId, prepared.params);
    quotas.set(unitId, { eligible: outcome.eligible, allowed: outcome.allowed, granted: outcome.granted });
  }

  grantTitles(prepared, people);
  const ranks = blockRanks(prepared, members);

  const results: PersonResult[] = people.map((work) => {
    const flags = raiseFlags(prepared, work);
    return {
      id: work.facts.person.id,
      score: work.score,
      components: work.components,
      proposedRating: work.proposed,
      rating: work.rating,
      titles: work.titles,
      flags,
      trace: work.trace,
    };
  });

  const units: UnitResult[] = scenario.units.map((unit) => ({
    id: unit.id,
    excellentQuota: quotas.get(unit.id) ?? { eligible: 0, allowed: 0, granted: 0 },
    collectiveTitles: collectiveTitles(members.get(unit.id) ?? []),
    blockRank: ranks.get(unit.id) ?? null,
  }));

  const errors = people
    .filter((work) => work.error !== null)
    .map((work) => ({ personId: work.facts.person.id, message: work.error as string }));

  return { year: scenario.year, pack: scenario.pack, people: results, units, errors };
}
