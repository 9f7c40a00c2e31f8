// The one place the API calls the rules engine (@cadre/rules). The API maps rows to a scenario,
// calls the engine and stores what it says; it never decides a rating itself.
import type { EvaluationOutput, RatingValue, ScenarioInput } from './scenario.ts';

// loaded on first use, so the rest of the API starts even while the engine package is being built
let rulesModule: Promise<typeof import('@cadre/rules')> | undefined;
function loadRules(): Promise<typeof import('@cadre/rules')> {
  rulesModule ??= import('@cadre/rules');
  return rulesModule;
}

export type EngineRun = { ok: true; evaluation: EvaluationOutput } | { ok: false; errors: string[] };

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) {
    const path = 'path' in error && error.path ? `${String(error.path)}: ` : '';
    return `${path}${String(error.message)}`;
  }
  return JSON.stringify(error);
}

/** Validates the scenario exactly as the `cadre-eval` command does, then evaluates it. */
export async function runEngine(scenario: ScenarioInput): Promise<EngineRun> {
  const rules = await loadRules();
  const parsed = rules.parseScenario(JSON.parse(JSON.stringify(scenario)));
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(errorText) };
  return { ok: true, evaluation: rules.evaluateScenario(parsed.scenario) as unknown as EvaluationOutput };
}

export type RatingCheck =
  | { ok: true }
  | { ok: false; rule: string; citation: string | null; message: string };

/**
 * Whether a final rating chosen by a person respects the hard rules for that person
 * (the engine's checkFinalRating over the same scenario and its evaluation).
 */
export async function checkRating(options: {
  scenario: ScenarioInput;
  evaluation: EvaluationOutput;
  personId: string;
  rating: RatingValue;
}): Promise<RatingCheck> {
  const rules = await loadRules();
  const result = rules.checkFinalRating(options as never) as unknown as {
    ok: boolean;
    violations?: { rule: string; citation?: string | null; message?: string; detail?: string }[];
  };
  if (result.ok) return { ok: true };
  const first = result.violations?.[0];
  return {
    ok: false,
    rule: first?.rule ?? 'hard-rule',
    citation: first?.citation ?? null,
    message: first?.message ?? first?.detail ?? 'Trái quy tắc bắt buộc / against a hard rule',
  };
}
