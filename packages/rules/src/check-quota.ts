// Rule 3.4 on final decisions: the excellent quota of each unit, recounted from the ratings people
// decided (a head may lower a proposal, which also lowers the number the quota is taken from).
import { CITE } from './citations.ts';
import { packs, resolveParameters } from './packs.ts';
import type { Rating, Scenario } from './types.ts';

export type QuotaCheck = {
  unitId: string;
  /** people of the unit rated good or better in the final decisions */
  eligible: number;
  allowed: number;
  granted: number;
  exceeded: boolean;
  citation: string;
};

/**
 * For every unit: allowed = max(floor(percent × good-or-better), min(minimum per group, good-or-better))
 * with the cycle's overrides and recorded exceptions, against the number of final EXCELLENT ratings.
 * People missing from `ratings` keep no rating and count for nothing.
 */
export function checkQuota(options: {
  scenario: Scenario;
  ratings: ReadonlyMap<string, Rating> | Readonly<Record<string, Rating>>;
}): QuotaCheck[] {
  const { scenario } = options;
  const lookup = options.ratings;
  const ratingOf = (id: string): Rating | undefined => (isMap(lookup) ? lookup.get(id) : lookup[id]);
  const params = resolveParameters(packs[scenario.pack], scenario.overrides);
  const counts = new Map<string, { eligible: number; granted: number }>();
  for (const unit of scenario.units) counts.set(unit.id, { eligible: 0, granted: 0 });
  for (const person of scenario.people) {
    const rating = ratingOf(person.id);
    const count = counts.get(person.unitId);
    if (!count || rating === undefined) continue;
    if (rating === 'EXCELLENT' || rating === 'GOOD') count.eligible += 1;
    if (rating === 'EXCELLENT') count.granted += 1;
  }
  return scenario.units.map((unit) => {
    const { eligible, granted } = counts.get(unit.id) ?? { eligible: 0, granted: 0 };
    const exception = params.quotaExceptions.find((item) => item.unitId === unit.id);
    const percent = exception ? exception.percent : params.excellentPercent;
    const local =
      exception !== undefined ||
      params.overridden.has('excellentPercent') ||
      params.overridden.has('excellentMinimumPerGroup');
    const allowed = Math.max(
      Math.floor((percent * eligible) / 100 + 1e-9),
      Math.min(params.excellentMinimumPerGroup, eligible),
    );
    return {
      unitId: unit.id,
      eligible,
      allowed,
      granted,
      exceeded: granted > allowed,
      citation: local ? CITE.local : CITE.quota,
    };
  });
}

function isMap(
  value: ReadonlyMap<string, Rating> | Readonly<Record<string, Rating>>,
): value is ReadonlyMap<string, Rating> {
  return value instanceof Map;
}
