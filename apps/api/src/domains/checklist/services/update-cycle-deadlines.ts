import type { Cycle, PrismaClient } from '@cadre/db';
import { assertVersion, ConflictError, fieldIssue, text, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { type DeadlineInput, validateDeadlines } from './validate-cycle-settings.ts';

/**
 * The personnel office replaces a cycle's stage deadlines (in the workflow's order), with a reason,
 * until the cycle is archived; the audit entry keeps the deadlines before and after.
 */
export async function updateCycleDeadlines(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  deadlines: DeadlineInput[];
  reason: string;
  version: number;
}): Promise<Cycle> {
  const { prisma, viewer } = options;
  const reason = options.reason.trim();
  if (reason.length < 5) {
    throw new ValidationError([fieldIssue('reason', 'cycle.deadline.reasonShort')]);
  }
  const deadlines = validateDeadlines(options.deadlines, 'deadlines');
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertManages(viewer, cycle);
    assertVersion('Kỳ đánh giá / Cycle', cycle.version, options.version);
    if (cycle.status === 'ARCHIVED') {
      throw new ConflictError(text('cycle.archivedIsFinal'));
    }
    const before = await tx.cycleDeadline.findMany({
      where: { cycleId: cycle.id },
      select: { stage: true, dueOn: true, ownerRole: true },
    });
    await tx.cycleDeadline.deleteMany({ where: { cycleId: cycle.id } });
    if (deadlines.length > 0) {
      await tx.cycleDeadline.createMany({
        data: deadlines.map((deadline) => ({ cycleId: cycle.id, ...deadline })),
      });
    }
    const updated = await tx.cycle.update({ where: { id: cycle.id }, data: { version: { increment: 1 } } });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'updateCycleDeadlines',
      entity: 'Cycle',
      entityId: cycle.id,
      before: { deadlines: before, version: cycle.version },
      after: { deadlines, version: updated.version, reason },
    });
    return updated;
  });
}
