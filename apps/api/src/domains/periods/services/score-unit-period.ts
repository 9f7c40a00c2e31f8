import type { Cycle, Prisma } from '@cadre/db';
import { ConflictError } from '../../../errors.ts';
import { runEngine } from '../../../rules/engine.ts';
import type { PersonEvaluation } from '../../../rules/scenario.ts';
import type { UnitTree } from '../../../scope/unit-tree.ts';
import { buildScenario } from '../../evaluation/services/build-scenario.ts';

/**
 * The engine's evaluation of one unit's people as their evidence stands now (inside the caller's
 * transaction, so a preview sees its own uncommitted entries): the period scores are the engine's,
 * never re-computed here. The unit's leader is scored with the unit, as the law asks.
 */
export async function scoreUnitPeriod(options: {
  tx: Prisma.TransactionClient;
  tree: UnitTree;
  cycle: Cycle;
  unitId: string;
}): Promise<Map<string, PersonEvaluation>> {
  const { scenario } = await buildScenario({
    tx: options.tx,
    cycle: options.cycle,
    tree: options.tree,
    unitIds: [options.unitId],
  });
  if (scenario.people.length === 0) return new Map();
  const engine = await runEngine(scenario);
  if (!engine.ok) {
    throw new ConflictError(
      `Dữ liệu minh chứng không hợp lệ / invalid evidence: ${engine.errors.slice(0, 3).join('; ')}`,
    );
  }
  return new Map(engine.evaluation.people.map((person) => [person.id, person]));
}
