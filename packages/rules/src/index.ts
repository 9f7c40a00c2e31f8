// The rules engine's public surface: parse a scenario, evaluate it, check a final decision.

export type { AwardCheck } from './award.ts';
export { awardAllowed, BALLOT_RULE, needsBallot } from './award.ts';
export type * from './calibration.ts';
export {
  CALIBRATION_FINDING_KINDS,
  calibrate,
  DEFAULT_CALIBRATION_THRESHOLDS,
  evidenceScore,
} from './calibration.ts';
export type { FinalRatingCheck, QuotaState, RatingChoice, RuleViolation } from './check-final-rating.ts';
export { checkFinalRating, hardRuleCeiling, ratingChoices } from './check-final-rating.ts';
export type { QuotaCheck } from './check-quota.ts';
export { checkQuota } from './check-quota.ts';
export type { RuleId } from './citations.ts';
export { CITE, HARD_RULES, RULES } from './citations.ts';
export { ceilingViolation } from './decide.ts';
export { evaluateScenario } from './evaluate.ts';
export { RATINGS, TITLES } from './labels.ts';
export type { OverridesInput } from './overrides-schema.ts';
export { overridesProblems, overridesSchema } from './overrides-schema.ts';
export type * from './pack-validity.ts';
export { checkPackYear, PACK_YEARS } from './pack-validity.ts';
export type { Pack, PackParameters } from './packs.ts';
export { atMost, packs, RATING_LABELS, RATING_RANK, resolveParameters, TITLE_LABELS } from './packs.ts';
export type { ParseResult } from './parse-scenario.ts';
export { parseScenario } from './parse-scenario.ts';
export { periodList, periodName } from './periods.ts';
export {
  addWorkingDays,
  isWorkingDay,
  NATIONAL_EXPORT_WORKING_DAYS,
  nationalExportDueOn,
} from './reporting-deadline.ts';
export type { BallotResult } from './titles.ts';
export { BALLOT_TITLES, ballotOutcome, cstdcsCapAllowed, rewardOf } from './titles.ts';
export {
  citeKey,
  renderStoredTrace,
  renderTraceEntry,
  storedTrace,
  TRACE_TEXTS,
} from './trace-texts.ts';
export type * from './types.ts';
export { FLAG_KINDS, PACK_IDS, PERIOD_COUNTS, PERIOD_KINDS, RATING_VALUES, TITLE_VALUES } from './types.ts';
export type { UnitStanding } from './units.ts';
export { rankBlocks, unitStandings } from './units.ts';
