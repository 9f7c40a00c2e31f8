import type { PrismaClient } from '@cadre/db';
import { assertVersion, ConflictError, text } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../../cycles/cycle-access.ts';

/**
 * A mistaken cycle is deleted while still a draft (nobody has seen it: staff and councils never see
 * a draft); the audit entry keeps what it was and what evidence went with it. Once opened, a cycle
 * stays, and is moved back or archived instead.
 */
export async function deleteDraftCycle(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  version: number;
}): Promise<{ id: string; name: string }> {
  const { prisma, viewer } = options;
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertManages(viewer, cycle);
    assertVersion('Kỳ đánh giá / Cycle', cycle.version, options.version);
    if (cycle.status !== 'DRAFT') {
      throw new ConflictError(text('cycle.deleteNotDraft', { name: cycle.name, status: cycle.status }));
    }
    const [tasks, imports, deadlines] = await Promise.all([
      tx.task.count({ where: { cycleId: cycle.id } }),
      tx.importBatch.count({ where: { cycleId: cycle.id } }),
      tx.cycleDeadline.findMany({ where: { cycleId: cycle.id }, select: { stage: true, dueOn: true } }),
    ]);
    await tx.cycle.delete({ where: { id: cycle.id } });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'deleteCycle',
      entity: 'Cycle',
      entityId: cycle.id,
      before: { ...cycle, deadlines, tasks, imports },
    });
    return { id: cycle.id, name: cycle.name };
  });
}
