// The rules engine's input and output (shared/contract/SCENARIO.md) under the names the API uses.
export type {
  Evaluation as EvaluationOutput,
  PersonResult as PersonEvaluation,
  Rating as RatingValue,
  Scenario as ScenarioInput,
  TraceEntry,
  UnitResult as UnitEvaluation,
} from '@cadre/rules';
