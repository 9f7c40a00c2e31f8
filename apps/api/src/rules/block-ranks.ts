// Emulation-block ranks of a run evaluated in chunks (the engine's unitStandings and rankBlocks).
// A block spans units of different chunks, so each chunk gives the standings of its own units and
// the ranks are made once all chunks are done. Apart from engine.ts so that a test replacing the
// engine with a canned one still gets real ranks from the canned scores.
import { rankBlocks, type UnitStanding, unitStandings } from '@cadre/rules';
import type { EvaluationOutput, ScenarioInput } from './scenario.ts';

export type { UnitStanding };

/** The standings of the given units (those whose members are all in this chunk's evaluation). */
export function standingsOf(
  scenario: ScenarioInput,
  evaluation: EvaluationOutput,
  unitIds: ReadonlySet<string>,
): UnitStanding[] {
  return unitStandings(scenario, evaluation).filter((standing) => unitIds.has(standing.id));
}

/** Ranks in their block of all the run's units (1 = best); units without a block have none. */
export function rankUnits(standings: readonly UnitStanding[]): Map<string, number> {
  return rankBlocks(standings);
}
