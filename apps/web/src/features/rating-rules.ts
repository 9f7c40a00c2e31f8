// What the engine's trace says about the ratings a person may be given. The API re-checks every
// decision; this only lets the form disable, with the reason, what a hard rule already forbids.

export type RatingValue = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED' | 'NOT_RATED';
export type TraceLine = { rule: string; citation: string; effect: string; detail: string };

/** Best first: the order of the choices in forms. */
export const ratingOrder: readonly RatingValue[] = [
  'EXCELLENT',
  'GOOD',
  'COMPLETED',
  'NOT_COMPLETED',
  'NOT_RATED',
];

const rank: Record<Exclude<RatingValue, 'NOT_RATED'>, number> = {
  EXCELLENT: 4,
  GOOD: 3,
  COMPLETED: 2,
  NOT_COMPLETED: 1,
};

/** The rating named in a trace effect ("COMPLETED", "cap: COMPLETED", "→ NOT_RATED"), if any. */
export function ratingInEffect(effect: string): RatingValue | null {
  const match = /\b(NOT_COMPLETED|NOT_RATED|EXCELLENT|GOOD|COMPLETED)\b/.exec(effect);
  return (match?.[1] as RatingValue | undefined) ?? null;
}

// The hard rules the engine's checkFinalRating enforces on a human decision (DOMAIN §3, rules 1–3
// and 5). The score bands only propose, and the quota has its own meter: neither is a ceiling.
const hardRules = new Set([
  'time.worked',
  'score.no-tasks',
  'time.absence',
  'discipline.in-year',
  'leader.corruption',
  'leader.unit-results',
]);
const isHardRule = (rule: string) => hardRules.has(rule) || rule.startsWith('hard.');

export type Ceiling = { rating: RatingValue; line: TraceLine } | null;

/** The lowest rating a hard rule in the trace imposes (not rated beats everything). */
export function hardRuleCeiling(trace: readonly TraceLine[]): Ceiling {
  let ceiling: Ceiling = null;
  for (const line of trace) {
    if (!isHardRule(line.rule)) continue;
    const rating = ratingInEffect(line.effect);
    if (!rating) continue;
    if (rating === 'NOT_RATED') return { rating, line };
    if (!ceiling || (ceiling.rating !== 'NOT_RATED' && rank[rating] < rank[ceiling.rating])) {
      ceiling = { rating, line };
    }
  }
  return ceiling;
}

/** Whether a choice is above the ceiling (then the rule in `ceiling.line` forbids it). */
export function isForbidden(choice: RatingValue, ceiling: Ceiling): boolean {
  if (!ceiling) return choice === 'NOT_RATED';
  if (ceiling.rating === 'NOT_RATED') return choice !== 'NOT_RATED';
  if (choice === 'NOT_RATED') return true;
  return rank[choice] > rank[ceiling.rating];
}

/** How "excellent" counts move in the unit when a decision changes from `current` to `next`. */
export function excellentDelta(current: RatingValue, next: RatingValue): number {
  if (current === next) return 0;
  if (next === 'EXCELLENT') return 1;
  if (current === 'EXCELLENT') return -1;
  return 0;
}
