import type { PrismaClient, QuotaException } from '@cadre/db';
import { overridesSchema } from '@cadre/rules';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';

/**
 * Records (or replaces) the decision that lets an outstanding unit exceed the default excellent
 * quota, up to `percent` of its people rated good or better.
 */
export async function recordQuotaException(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  unitId: string;
  percent: number;
  decisionNumber: string;
  reason: string;
}): Promise<QuotaException> {
  const { prisma, viewer } = options;
  const issues: { field: string; message: string }[] = [];
  // the range is the engine's (its one overrides schema), not a copy here
  const checked = overridesSchema.safeParse({
    quotaExceptions: [
      { unitId: options.unitId, percent: options.percent, decision: options.decisionNumber.trim() || '-' },
    ],
  });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (issue.path.at(-1) === 'percent')
        issues.push({ field: 'percent', message: `Tỷ lệ: ${issue.message}` });
    }
  }
  if (!options.decisionNumber.trim()) {
    issues.push({ field: 'decisionNumber', message: 'Cần số quyết định / the decision number is required' });
  }
  if (options.reason.trim().length < 5) {
    issues.push({
      field: 'reason',
      message: 'Cần lý do (≥ 5 ký tự) / a reason is required (≥ 5 characters)',
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertManages(viewer, cycle);
    assertWritable(cycle);
    if (!unitInScope(viewer, options.unitId)) throw new ForbiddenError();
    const unit = await tx.unit.findUnique({ where: { id: options.unitId }, select: { id: true } });
    if (!unit) throw new NotFoundError('đơn vị / unit');
    const key = { cycleId_unitId: { cycleId: cycle.id, unitId: unit.id } };
    const before = await tx.quotaException.findUnique({ where: key });
    const data = {
      percent: options.percent,
      decisionNumber: options.decisionNumber.trim(),
      reason: options.reason.trim(),
    };
    const saved = await tx.quotaException.upsert({
      where: key,
      create: { ...data, cycleId: cycle.id, unitId: unit.id },
      update: data,
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'recordQuotaException',
      entity: 'QuotaException',
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}
