// Rule 3.4 on final decisions: the excellent quota of each quota group (a unit, or a group of
// similar tasks), recounted from the ratings people decided (a head may lower a proposal, which
// also lowers the number the quota is taken from).
import { packs, resolveParameters } from './packs.ts';
import { allowedExcellent, isGoodOrBetter, quotaRuleOf } from './quota.ts';
import type { Rating, Scenario } from './types.ts';

export type QuotaCheck = {
  /** the quota group: a unit id, or a quotaGroup */
  unitId: string;
  /** people of the group rated good or better in the final decisions */
  eligible: number;
  allowed: number;
  granted: number;
  exceeded: boolean;
  citation: string;
};

/**
 * For every quota group: allowed = max(floor(percent × good-or-better), min(minimum per group,
 * good-or-better)) with the cycle's overrides and recorded exceptions, against the number of final
 * EXCELLENT ratings. People missing from `ratings` keep no rating and count for nothing. Units come
 * first in input order, then the other groups in order of first appearance.
 */
export function checkQuota(options: {
  scenario: Pick<Scenario, 'pack' | 'overrides'> & {
    units: readonly { id: string }[];
    people: readonly { id: string; unitId: string; quotaGroup: string | null }[];
  };
  ratings: ReadonlyMap<string, Rating> | Readonly<Record<string, Rating>>;
}): QuotaCheck[] {
  const { scenario } = options;
  const lookup = options.ratings;
  const ratingOf = (id: string): Rating | undefined =>
    lookup instanceof Map ? lookup.get(id) : (lookup as Readonly<Record<string, Rating>>)[id];
  const params = resolveParameters(packs[scenario.pack], scenario.overrides);
  const counts = new Map<string, { eligible: number; granted: number }>();
  for (const unit of scenario.units) counts.set(unit.id, { eligible: 0, granted: 0 });
  for (const person of scenario.people) {
    const group = person.quotaGroup ?? person.unitId;
    let count = counts.get(group);
    if (!count) {
      count = { eligible: 0, granted: 0 };
      counts.set(group, count);
    }
    const rating = ratingOf(person.id);
    if (rating === undefined) continue;
    if (isGoodOrBetter(rating)) count.eligible += 1;
    if (rating === 'EXCELLENT') count.granted += 1;
  }
  return [...counts].map(([groupId, { eligible, granted }]) => {
    const rule = quotaRuleOf(params, groupId);
    const allowed = allowedExcellent(rule, eligible);
    return {
      unitId: groupId,
      eligible,
      allowed,
      granted,
      exceeded: granted > allowed,
      citation: rule.citation,
    };
  });
}
