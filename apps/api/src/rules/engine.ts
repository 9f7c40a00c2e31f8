// The one place the API calls the rules engine (@cadre/rules). The API maps rows to a scenario,
// calls the engine and stores what it says; it never decides a rating itself.
import { ceilingViolation, evaluateScenario, hardRuleCeiling, parseScenario } from '@cadre/rules';
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
