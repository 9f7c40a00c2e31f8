import type { Prisma, QuotaException } from '@cadre/db';

export type UnitQuota = {
  unitId: string;
  /** people of the unit rated good or better before the quota (the engine's count) */
  eligible: number;
  /** the engine's quota, raised by a recorded exception */
  allowed: number;
  /** people whose current final rating is EXCELLENT */
  granted: number;
  exception: QuotaException | null;
};

/**
 * The live excellent quota of one quota group (unit) in a cycle: the engine's eligible/allowed
 * from the last run, and how many are excellent after the decisions made since.
 */
export async function computeUnitQuota(options: {
  tx: Prisma.TransactionClient;
  cycleId: string;
  unitId: string;
}): Promise<UnitQuota | null> {
  const { tx, cycleId, unitId } = options;
  const [unitResult, granted, exception] = await Promise.all([
    tx.unitResult.findUnique({ where: { cycleId_unitId: { cycleId, unitId } } }),
    tx.evaluationResult.count({ where: { cycleId, unitId, finalRating: 'EXCELLENT' } }),
    tx.quotaException.findUnique({ where: { cycleId_unitId: { cycleId, unitId } } }),
  ]);
  if (!unitResult) return null;
  // an outstanding-unit exception is a recorded decision allowing a higher percentage of the same base
  const raised = exception ? Math.floor((exception.percent * unitResult.excellentEligible) / 100) : 0;
  return {
    unitId,
    eligible: unitResult.excellentEligible,
    allowed: Math.max(unitResult.excellentAllowed, raised),
    granted,
    exception,
  };
}
