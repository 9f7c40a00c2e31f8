import type { Cycle, Prisma, Rating } from '@cadre/db';
import { ConflictError, QuotaExceededError, RuleViolationError } from '../../../errors.ts';
import { checkRatingDecision } from '../../../rules/engine.ts';
import type { ScenarioInput } from '../../../rules/scenario.ts';
import type { UnitTree } from '../../../scope/unit-tree.ts';
import { buildScenario } from './build-scenario.ts';

/**
 * Asks the rules engine whether a human decision stands: the scenario holds the person's quota
 * group (their quotaGroup, else their unit), the people its leaders lead, and the decisions
 * already taken in that group, in the order they were taken; the engine applies them and this
 * one last. It refuses a decision above a hard rule, one without a needed reason, and one that
 * would leave the group's excellent quota exceeded without a recorded exception (the quota is
 * the engine's, over final ratings — nothing is counted here).
 */
export async function checkDecision(options: {
  tx: Prisma.TransactionClient;
  tree: UnitTree;
  cycle: Cycle;
  result: { personId: string; unitId: string; finalRating: Rating };
  rating: Rating;
  reason?: string | null;
}): Promise<void> {
  const { tx, cycle, result, rating } = options;
  const scenario = await buildGroupScenario({ tx, cycle, tree: options.tree, personId: result.personId });
  const check = await checkRatingDecision({
    scenario,
    personId: result.personId,
    rating,
    // the caller asks for the reason itself; the engine is asked about the rules
    reason: options.reason ?? 'Quyết định của cấp có thẩm quyền',
  });
  if (check.ok) return;
  if (check.rule === 'evidence.invalid') throw new ConflictError(check.message);
  if (check.quota) {
    throw new QuotaExceededError({
      unitId: check.quota.groupId,
      allowed: check.quota.allowed,
      granted: check.quota.granted,
    });
  }
  throw new RuleViolationError({ rule: check.rule, citation: check.citation, message: check.message });
}

/**
 * The scenario the engine needs to judge one person's rating and titles: their quota group (their
 * quotaGroup, else their unit), the people its leaders lead, and the decisions in force among them
 * (with a written reason), in the order they were taken.
 */
export async function buildGroupScenario(options: {
  tx: Prisma.TransactionClient;
  tree: UnitTree;
  cycle: Cycle;
  personId: string;
}): Promise<ScenarioInput> {
  const { tx, cycle } = options;
  const person = await tx.person.findUniqueOrThrow({
    where: { id: options.personId },
    select: { unitId: true, quotaGroup: true },
  });
  const group = await tx.person.findMany({
    where: person.quotaGroup
      ? { quotaGroup: person.quotaGroup, active: true }
      : { unitId: person.unitId, quotaGroup: null, active: true },
    select: { id: true, leadsUnitId: true },
  });
  const ledUnits = [...new Set(group.flatMap((row) => (row.leadsUnitId ? [row.leadsUnitId] : [])))];
  const led = ledUnits.length
    ? await tx.person.findMany({ where: { unitId: { in: ledUnits }, active: true }, select: { id: true } })
    : [];
  const personIds = [
    ...new Set([options.personId, ...group.map((row) => row.id), ...led.map((row) => row.id)]),
  ];
  const { scenario } = await buildScenario({ tx, cycle, tree: options.tree, personIds });
  const decided = await tx.evaluationResult.findMany({
    where: { cycleId: cycle.id, personId: { in: personIds }, finalReason: { not: null } },
    select: { personId: true, finalRating: true, finalReason: true },
    orderBy: [{ decidedAt: 'asc' }, { personId: 'asc' }],
  });
  return {
    ...scenario,
    finalRatings: decided.map((row) => ({
      personId: row.personId,
      rating: row.finalRating,
      reason: row.finalReason,
    })),
  };
}
