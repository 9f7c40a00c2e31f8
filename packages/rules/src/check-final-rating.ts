// Hard rules on final decisions: a person may differ from the engine's proposal only with a reason,
// and never against rules 3.1–3.3 and 3.5 (DOMAIN §3). The quota (3.4) is checked by the caller,
// which knows the live decisions of the whole group.
import { CITE } from './citations.ts';
import { atMost, RATING_LABELS } from './packs.ts';
import { type Prepared, prepare } from './prepare.ts';
import { meanTaskScore } from './task-score.ts';
import type { Evaluation, Rating, Scenario } from './types.ts';

export type RuleViolation = { rule: string; citation: string; message: string };
export type FinalRatingCheck = { ok: true } | { ok: false; violations: RuleViolation[] };

const preparedCache = new WeakMap<Scenario, Prepared>();

/** The best rating the hard rules allow this person, with the rule that sets it. */
export function hardRuleCeiling(
  scenario: Scenario,
  evaluation: Evaluation,
  personId: string,
): { ceiling: Rating; rule: string | null; citation: string | null } {
  let prepared = preparedCache.get(scenario);
  if (!prepared) {
    prepared = prepare(scenario);
    preparedCache.set(scenario, prepared);
  }
  const facts = prepared.byId.get(personId);
  if (!facts) return { ceiling: 'NOT_RATED', rule: 'unknown-person', citation: null };
  const person = facts.person;
  if (facts.monthsEmployed - person.monthsAbsent < 6)
    return { ceiling: 'NOT_RATED', rule: 'time.worked', citation: CITE.timeWorked };
  if (meanTaskScore(facts.tasks) === null)
    return { ceiling: 'NOT_RATED', rule: 'score.no-tasks', citation: prepared.pack.citation };
  if (facts.countingDiscipline)
    return { ceiling: 'NOT_COMPLETED', rule: 'discipline.in-year', citation: CITE.discipline };
  if (person.leads !== null && prepared.units.get(person.leads)?.corruptionCase) {
    return { ceiling: 'NOT_COMPLETED', rule: 'leader.corruption', citation: CITE.leaders };
  }
  const result = evaluation.people.find((item) => item.id === personId);
  if (result?.trace.some((entry) => entry.rule === 'leader.unit-results')) {
    return { ceiling: 'COMPLETED', rule: 'leader.unit-results', citation: CITE.leaders };
  }
  if (person.monthsAbsent >= 3 && person.monthsAbsent < 6)
    return { ceiling: 'COMPLETED', rule: 'time.absence', citation: CITE.timeWorked };
  return { ceiling: 'EXCELLENT', rule: null, citation: null };
}

export function checkFinalRating(options: {
  scenario: Scenario;
  evaluation: Evaluation;
  personId: string;
  rating: Rating;
}): FinalRatingCheck {
  const { ceiling, rule, citation } = hardRuleCeiling(options.scenario, options.evaluation, options.personId);
  const wanted = options.rating;
  if (ceiling === 'NOT_RATED') {
    if (wanted === 'NOT_RATED') return { ok: true };
    return {
      ok: false,
      violations: [
        {
          rule: rule ?? 'not-rated',
          citation: citation ?? CITE.timeWorked,
          message:
            'Người này không đủ điều kiện đánh giá, xếp loại trong năm / this person cannot be rated this year',
        },
      ],
    };
  }
  if (wanted === 'NOT_RATED') {
    return {
      ok: false,
      violations: [
        {
          rule: 'not-rated',
          citation: CITE.timeWorked,
          message: 'Người đủ điều kiện phải được xếp loại / a person who qualifies must be rated',
        },
      ],
    };
  }
  if (atMost(wanted, ceiling) !== wanted) {
    return {
      ok: false,
      violations: [
        {
          rule: rule ?? 'hard-rule',
          citation: citation ?? CITE.nd335,
          message: `Cao nhất được xếp loại ${RATING_LABELS[ceiling].vi} / at most ${RATING_LABELS[ceiling].en}`,
        },
      ],
    };
  }
  return { ok: true };
}
