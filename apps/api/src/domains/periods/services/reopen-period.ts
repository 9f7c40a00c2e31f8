import type { PeriodClosure, PrismaClient } from '@cadre/db';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { periodLabel } from '../period-calendar.ts';
import { findTrackedUnit } from './find-tracked-unit.ts';

/**
 * Who may open a closed period again: the personnel office. A head who closed it corrects its
 * evidence with a reason instead (DOMAIN §2), so closing keeps its meaning.
 */
export const reopenRoles = ['ADMIN', 'OFFICER'] as const;

export function mayReopenPeriods(viewer: Pick<Viewer, 'role'> | null | undefined): boolean {
  return !!viewer && (reopenRoles as readonly string[]).includes(viewer.role);
}

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
  if (!mayReopenPeriods(viewer)) {
    throw new ForbiddenError(
      'Chỉ cán bộ tổ chức mở lại kỳ đã khóa; thủ trưởng đính chính có lý do / only the personnel office reopens a closed period; heads correct it with a reason',
    );
  }
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
