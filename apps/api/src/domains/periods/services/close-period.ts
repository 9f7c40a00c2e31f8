import type { PeriodClosure, PrismaClient } from '@cadre/db';
import { ConflictError } from '../../../errors.ts';
import type { UnitTree } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { readPeriodTracking } from './read-period-tracking.ts';

/**
 * The head closes a period for their unit after reviewing it: refused while anyone with work in
 * the period lacks the head's assessment. A closed period's evidence changes only as corrections.
 */
export async function closePeriod(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  tree: UnitTree;
  cycleId: string;
  unitId: string;
  period: number;
}): Promise<PeriodClosure> {
  const { prisma, viewer } = options;
  return prisma.$transaction(
    async (tx) => {
      const view = await readPeriodTracking({ ...options, tx });
      if (view.closure?.state === 'CLOSED') {
        throw new ConflictError(
          `${view.label} đã khóa / ${view.label} is already closed`,
          view.closure.version,
        );
      }
      const missing = view.people.filter((row) => row.needsAssessment && !row.assessment);
      if (missing.length > 0) {
        const names = missing.map((row) => row.person.fullName);
        throw new ConflictError(
          `Chưa thể khóa ${view.label}: còn ${missing.length} người chưa được đánh giá (${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}) / ${missing.length} people still lack the head's assessment`,
        );
      }
      const data = {
        state: 'CLOSED' as const,
        closedById: viewer.userId,
        closedByName: viewer.displayName,
        closedAt: new Date(),
      };
      const saved = view.closure
        ? await tx.periodClosure.update({
            where: { id: view.closure.id },
            data: { ...data, version: { increment: 1 } },
          })
        : await tx.periodClosure.create({
            data: { ...data, cycleId: view.cycle.id, unitId: view.unit.id, period: view.period },
          });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'closePeriod',
        entity: 'PeriodClosure',
        entityId: saved.id,
        before: view.closure,
        after: saved,
      });
      return saved;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
