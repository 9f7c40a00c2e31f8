// Final decisions on ratings, checked by the engine that owns the rules: a decision is evaluated
// with the decisions already taken (the scenario's finalRatings), so the hard rules (3.1–3.3, 3.5),
// the need for a reason and the excellent quota of the person's group (3.4) are all the engine's.
import { CITE, RULES } from './citations.ts';
import { evaluateScenario } from './evaluate.ts';
import {
  type Evaluation,
  type QuotaCount,
  RATING_VALUES,
  type Rating,
  type RatingCeiling,
  type Scenario,
} from './types.ts';

export type RuleViolation = { rule: string; citation: string; message: string };
/** A refusal by the quota names the group and its counts as they stand (the decision not applied). */
export type QuotaState = { groupId: string; eligible: number; allowed: number; granted: number };
export type FinalRatingCheck =
  | { ok: true; evaluation: Evaluation }
  | { ok: false; violations: RuleViolation[]; quota: QuotaState | null };

/** The best rating the hard rules allow this person, from an evaluation of the scenario. */
export function hardRuleCeiling(evaluation: Evaluation, personId: string): RatingCeiling {
  const result = evaluation.people.find((item) => item.id === personId);
  if (!result)
    return {
      rating: 'NOT_RATED',
      rule: 'unknown-person',
      citation: null,
      reason: 'không có trong kỳ đánh giá',
    };
  return result.ratingCeiling;
}

/**
 * Whether `rating` may be decided for the person, given the decisions already in the scenario
 * (`scenario.finalRatings`, in the order taken; an earlier decision for the same person is
 * replaced). The scenario must hold the whole quota group of the person (and, for a leader, the
 * people they lead). Without `reason` the need for one is not checked (the caller asks for it).
 * On success returns the evaluation with the decision applied.
 */
export function checkFinalRating(options: {
  scenario: Scenario;
  personId: string;
  rating: Rating;
  reason?: string | null;
}): FinalRatingCheck {
  const { scenario, personId, rating } = options;
  if (!scenario.people.some((person) => person.id === personId)) {
    return {
      ok: false,
      quota: null,
      violations: [
        {
          rule: 'unknown-person',
          citation: CITE.decision,
          message: 'Người này không có trong kỳ đánh giá / this person is not in the evaluation',
        },
      ],
    };
  }
  const reason = options.reason === undefined ? 'kiểm tra quyết định' : options.reason;
  const finalRatings = [
    ...(scenario.finalRatings ?? []).filter((decision) => decision.personId !== personId),
    { personId, rating, reason },
  ];
  const evaluation = evaluateScenario({ ...scenario, finalRatings });
  const result = evaluation.people.find((item) => item.id === personId);
  const outcome = result?.decision;
  if (outcome?.applied) return { ok: true, evaluation };
  let quota: QuotaState | null = null;
  if (outcome?.rule === RULES.decisionQuota) {
    const person = scenario.people.find((item) => item.id === personId);
    const groupId = person?.quotaGroup ?? person?.unitId ?? '';
    const counts =
      evaluation.units.find((unit) => unit.id === groupId)?.excellentQuota ??
      evaluation.quotaGroups?.find((group) => group.id === groupId)?.excellentQuota;
    if (counts) quota = { groupId, ...counts };
  }
  return {
    ok: false,
    quota,
    violations: [
      {
        rule: outcome?.rule ?? RULES.decisionRefused,
        citation: outcome?.citation ?? CITE.decision,
        message: outcome?.message ?? 'Trái quy tắc bắt buộc / against a hard rule',
      },
    ],
  };
}

/** One rating a decision on a person may take: whether the engine admits it and what it does to the quota. */
export type RatingChoice = {
  rating: Rating;
  /** null when the engine admits the decision */
  violation: RuleViolation | null;
  /** the excellent quota of the person's group with this decision taken (or as it refused it) */
  quota: QuotaCount | null;
};

/**
 * The ratings a decision form offers for a person, best first, each checked by checkFinalRating
 * against the decisions already in the scenario: "not rated" is offered only when the hard rules
 * leave nothing else (a person who qualifies must be rated), and always when it is the current
 * rating. The reason is the caller's to ask for; the hard rules and the quota are checked here.
 */
export function ratingChoices(options: {
  scenario: Scenario;
  personId: string;
  current?: Rating | null;
}): RatingChoice[] {
  const { scenario, personId } = options;
  const person = scenario.people.find((item) => item.id === personId);
  if (!person) return [];
  const groupId = person.quotaGroup ?? person.unitId;
  const quotaOf = (evaluation: Evaluation): QuotaCount | null =>
    evaluation.units.find((unit) => unit.id === groupId)?.excellentQuota ??
    evaluation.quotaGroups?.find((group) => group.id === groupId)?.excellentQuota ??
    null;
  const ceiling = hardRuleCeiling(evaluateScenario(scenario), personId);
  const offered = RATING_VALUES.filter(
    (rating) => rating !== 'NOT_RATED' || ceiling.rating === 'NOT_RATED' || options.current === 'NOT_RATED',
  );
  return offered.map((rating) => {
    const check = checkFinalRating({ scenario, personId, rating });
    if (check.ok) return { rating, violation: null, quota: quotaOf(check.evaluation) };
    const quota = check.quota
      ? { eligible: check.quota.eligible, allowed: check.quota.allowed, granted: check.quota.granted }
      : null;
    return { rating, violation: check.violations[0] ?? null, quota };
  });
}
