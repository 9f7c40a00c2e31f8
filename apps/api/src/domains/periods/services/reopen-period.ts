import type { PeriodClosure, PrismaClient } from '@cadre/db';
import { ConflictError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../../services/write-audit.ts';
import { periodLabel } from '../period-calendar.ts';
import { findTrackedUnit } from './find-tracked-unit.ts';

/** Opens a closed period again: only with a written reason, kept on the period and in the audit log. */
export async function reopenPeriod(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  unitId: string;
  period: number;
  reason: string;
}): Promise<PeriodClosure> {
  const { prisma, viewer } = options;
  const reason = options.reason.trim();
  if (reason.length < 5) {
    throw new ValidationError([
      { field: 'reason', message: 'Mở lại kỳ cần nêu lý do / reopening a period needs a reason' },
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const { cycle, closure } = await findTrackedUnit({ ...options, tx, write: true });
    const label = periodLabel(cycle.periodKind, options.period, cycle.year);
    if (closure?.state !== 'CLOSED') {
      throw new ConflictError(`${label} chưa khóa / ${label} is not closed`);
    }
    const saved = await tx.periodClosure.update({
      where: { id: closure.id },
      data: { state: 'OPEN', reopenReason: reason, reopenedAt: new Date(), version: { increment: 1 } },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'reopenPeriod',
      entity: 'PeriodClosure',
      entityId: saved.id,
      before: closure,
      after: saved,
    });
    return saved;
  });
}
