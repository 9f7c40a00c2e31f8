// The one place the API calls the rules engine (@cadre/rules). The API maps rows to a scenario,
// calls the engine and stores what it says; it never decides a rating itself.
import {
  type BallotResult,
  ballotOutcome,
  ceilingViolation,
  checkFinalRating,
  checkQuota,
  cstdcsCapAllowed,
  evaluateScenario,
  hardRuleCeiling,
  type Overrides,
  PACK_IDS,
  type PackId,
  packs,
  parseScenario,
  type RatingChoice,
  RULES,
  ratingChoices,
  resolveParameters,
} from '@cadre/rules';
import type { EvaluationOutput, ParsedScenario, RatingValue, ScenarioInput } from './scenario.ts';

export type EngineRun =
  | { ok: true; scenario: ParsedScenario; evaluation: EvaluationOutput }
  | { ok: false; errors: string[] };

/**
 * Validates the scenario exactly as the `cadre-eval` command does, then evaluates it. parseScenario
 * reads its input without changing it and builds its own objects, so no defensive copy is made (a
 * JSON round trip of a province's scenario cost 7 s and 250 MB at 100,000 people).
 */
export async function runEngine(scenario: ScenarioInput): Promise<EngineRun> {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, scenario: parsed.scenario, evaluation: evaluateScenario(parsed.scenario) };
}

export type RatingCheck =
  | { ok: true }
  | { ok: false; rule: string; citation: string | null; message: string };

/** Whether a final rating chosen by a person respects the hard rules (the engine's checkFinalRating). */
export async function checkRating(options: {
  scenario: ParsedScenario;
  evaluation: EvaluationOutput;
  personId: string;
  rating: RatingValue;
}): Promise<RatingCheck> {
  const violation = ceilingViolation(hardRuleCeiling(options.evaluation, options.personId), options.rating);
  if (!violation) return { ok: true };
  return { ok: false, rule: violation.rule, citation: violation.citation, message: violation.message };
}

export type DecisionCheck =
  | { ok: true }
  | {
      ok: false;
      rule: string;
      citation: string | null;
      message: string;
      /** set when the excellent quota of the person's group refused it */
      quota: { groupId: string; allowed: number; granted: number } | null;
    };

/**
 * Whether people may decide `rating` for a person: the engine evaluates the scenario (the person's
 * quota group and the people its leaders lead) with the decisions already taken and this one last,
 * and says whether it stands (hard rules, the reason, the excellent quota over final ratings).
 */
export async function checkRatingDecision(options: {
  scenario: ScenarioInput;
  personId: string;
  rating: RatingValue;
  reason: string | null;
}): Promise<DecisionCheck> {
  const parsed = parseScenario(options.scenario);
  if (!parsed.ok) {
    return {
      ok: false,
      rule: 'evidence.invalid',
      citation: null,
      message: `Dữ liệu minh chứng không hợp lệ / invalid evidence: ${parsed.errors.slice(0, 3).join('; ')}`,
      quota: null,
    };
  }
  const result = checkFinalRating({
    scenario: parsed.scenario,
    personId: options.personId,
    rating: options.rating,
    reason: options.reason,
  });
  if (result.ok) return { ok: true };
  const first = result.violations[0];
  return {
    ok: false,
    rule: first?.rule ?? RULES.decisionRefused,
    citation: first?.citation ?? null,
    message: first?.message ?? 'Trái quy tắc bắt buộc / against a hard rule',
    quota: result.quota
      ? { groupId: result.quota.groupId, allowed: result.quota.allowed, granted: result.quota.granted }
      : null,
  };
}

/**
 * The ratings a decision form offers for a person, each judged by the engine (ratingChoices: hard
 * rules and the excellent quota of their group, with the decisions already taken); null when the
 * evidence does not make a valid scenario.
 */
export async function decisionChoices(options: {
  scenario: ScenarioInput;
  personId: string;
  current: RatingValue;
}): Promise<RatingChoice[] | null> {
  const parsed = parseScenario(options.scenario);
  if (!parsed.ok) return null;
  return ratingChoices({ scenario: parsed.scenario, personId: options.personId, current: options.current });
}

/** The parameters of a cycle's pack with its local overrides (thresholds, caps), from the engine. */
export function cycleParameters(packId: string, overrides: unknown) {
  const pack = packs[(PACK_IDS as readonly string[]).includes(packId) ? (packId as PackId) : 'vn-nd335-2025'];
  const safe = overrides && typeof overrides === 'object' && !Array.isArray(overrides) ? overrides : {};
  return resolveParameters(pack, safe as Parameters<typeof resolveParameters>[1]);
}

/** The council's ballot threshold of a cycle (percent of all members voting for). */
export function ballotThresholdOf(packId: string, overrides: unknown): number {
  return cycleParameters(packId, overrides).ballotThresholdPercent;
}

/** The engine's outcome of a closed ballot: void without quorum, passed at the threshold of all members. */
export function outcomeOfBallot(options: {
  forCount: number;
  participants: number;
  members: number;
  quorum: number;
  thresholdPercent: number;
}): BallotResult {
  return ballotOutcome({
    for: options.forCount,
    members: options.members,
    participants: options.participants,
    quorum: options.quorum,
    thresholdPercent: options.thresholdPercent,
  });
}

/** How many CSTĐCS a unit may have under the cycle's local cap (null: no cap). */
export function cstdcsCapOf(packId: string, overrides: unknown, ldttHolders: number): number | null {
  return cstdcsCapAllowed(cycleParameters(packId, overrides), ldttHolders);
}

/**
 * The excellent quota of one group over given final ratings (the engine's checkQuota): eligible
 * (good or better), allowed (the cycle's percentage and minimum, or the recorded exception) and
 * granted (excellent).
 */
export function liveQuota(options: {
  packId: string;
  overrides: unknown;
  groupId: string;
  exception: { percent: number; decision: string } | null;
  ratings: readonly RatingValue[];
}): { eligible: number; allowed: number; granted: number } {
  const params = cycleParameters(options.packId, options.overrides);
  const pack = (PACK_IDS as readonly string[]).includes(options.packId)
    ? (options.packId as PackId)
    : 'vn-nd335-2025';
  const overrides: Overrides = {
    excellentPercent: params.excellentPercent,
    excellentMinimumPerGroup: params.excellentMinimumPerGroup,
    quotaExceptions: options.exception ? [{ unitId: options.groupId, ...options.exception }] : [],
  };
  const people = options.ratings.map((_, index) => ({
    id: String(index),
    unitId: options.groupId,
    quotaGroup: null,
  }));
  const ratings = new Map(options.ratings.map((rating, index) => [String(index), rating]));
  const [group] = checkQuota({
    scenario: { pack, overrides, units: [{ id: options.groupId }], people },
    ratings,
  });
  return { eligible: group?.eligible ?? 0, allowed: group?.allowed ?? 0, granted: group?.granted ?? 0 };
}
