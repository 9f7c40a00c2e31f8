import type { Prisma, QuotaException } from '@cadre/db';
import { liveQuota } from '../../../rules/engine.ts';

export type UnitQuota = {
  unitId: string;
  /** people of the unit's quota group rated good or better in their current final ratings */
  eligible: number;
  /** the quota over them (the engine's rule, with a recorded exception when there is one) */
  allowed: number;
  /** people whose current final rating is EXCELLENT */
  granted: number;
  exception: QuotaException | null;
};

/**
 * The live excellent quota of a unit's quota group (its people without a quotaGroup of their
 * own) in a cycle, over the current final ratings: the rules engine's checkQuota counts it, the
 * same count it applies to decisions.
 */
export async function computeUnitQuota(options: {
  tx: Prisma.TransactionClient;
  cycleId: string;
  unitId: string;
}): Promise<UnitQuota | null> {
  const { tx, cycleId, unitId } = options;
  const [cycle, results, exception] = await Promise.all([
    tx.cycle.findUnique({ where: { id: cycleId }, select: { packId: true, overrides: true } }),
    tx.evaluationResult.findMany({
      where: { cycleId, unitId, person: { quotaGroup: null } },
      select: { personId: true, finalRating: true },
    }),
    tx.quotaException.findUnique({ where: { cycleId_unitId: { cycleId, unitId } } }),
  ]);
  if (!cycle || results.length === 0) return null;
  const counted = liveQuota({
    packId: cycle.packId,
    overrides: cycle.overrides,
    groupId: unitId,
    exception: exception ? { percent: exception.percent, decision: exception.decisionNumber } : null,
    ratings: results.map((row) => row.finalRating),
  });
  return { unitId, ...counted, exception };
}
