// The rules engine's input and output (shared/contract/SCENARIO.md) under the names the API uses.
// ScenarioInput is the JSON the contract accepts (optional fields optional); ParsedScenario is what
// parseScenario returns, every field filled in.
export type {
  Evaluation as EvaluationOutput,
  PersonResult as PersonEvaluation,
  Rating as RatingValue,
  Scenario as ParsedScenario,
  ScenarioInput,
  TraceEntry,
  UnitResult as UnitEvaluation,
} from '@cadre/rules';
