import type { Cycle, Prisma, Rating } from '@cadre/db';
import { ConflictError, QuotaExceededError, RuleViolationError } from '../errors.ts';
import { checkRating, runEngine } from '../rules/engine.ts';
import type { UnitTree } from '../scope/unit-tree.ts';
import { buildScenario } from './build-scenario.ts';
import { computeUnitQuota } from './compute-unit-quota.ts';

/**
 * Refuses a human decision that breaks a hard rule (asked of the rules engine, over the person's
 * own evidence and, for a leader, that of the people they lead) or that would exceed the unit's
 * excellent quota without a recorded exception.
 */
export async function checkDecision(options: {
  tx: Prisma.TransactionClient;
  tree: UnitTree;
  cycle: Cycle;
  result: { personId: string; unitId: string; finalRating: Rating };
  rating: Rating;
}): Promise<void> {
  const { tx, cycle, result, rating } = options;
  const person = await tx.person.findUniqueOrThrow({
    where: { id: result.personId },
    select: { leadsUnitId: true },
  });
  const led = person.leadsUnitId
    ? await tx.person.findMany({ where: { unitId: person.leadsUnitId, active: true }, select: { id: true } })
    : [];
  const { scenario } = await buildScenario({
    tx,
    cycle,
    tree: options.tree,
    personIds: [result.personId, ...led.map((row) => row.id)],
  });
  const engine = await runEngine(scenario);
  if (!engine.ok) {
    // a decision that cannot be checked is not accepted
    throw new ConflictError(
      `Dữ liệu minh chứng không hợp lệ / invalid evidence: ${engine.errors.slice(0, 3).join('; ')}`,
    );
  }
  {
    const check = await checkRating({
      scenario: engine.scenario,
      evaluation: engine.evaluation,
      personId: result.personId,
      rating,
    });
    if (!check.ok)
      throw new RuleViolationError({ rule: check.rule, citation: check.citation, message: check.message });
  }
  if (rating === 'EXCELLENT' && result.finalRating !== 'EXCELLENT') {
    const quota = await computeUnitQuota({ tx, cycleId: cycle.id, unitId: result.unitId });
    if (quota && quota.granted + 1 > quota.allowed) {
      throw new QuotaExceededError({ unitId: result.unitId, allowed: quota.allowed, granted: quota.granted });
    }
  }
}
