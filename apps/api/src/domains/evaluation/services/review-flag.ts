import type { Flag, FlagReview, PrismaClient } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildFlagsWhere } from '../build-flags-where.ts';

/** The personnel office accepts, dismisses or postpones a flag, with a reason (optimistic locking). */
export async function reviewFlag(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  flagId: string;
  review: Exclude<FlagReview, 'PENDING'>;
  reason: string;
  version: number;
}): Promise<Flag> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') throw new ForbiddenError();
  const reason = options.reason.trim();
  if (reason.length < 5) {
    throw new ValidationError([
      { field: 'reason', message: 'Cần lý do (≥ 5 ký tự) / a reason is required (≥ 5 characters)' },
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const flag = await tx.flag.findFirst({
      where: { id: options.flagId, AND: [buildFlagsWhere({ viewer })] },
    });
    if (!flag) throw new NotFoundError('đề xuất / flag');
    assertVersion('Đề xuất / Flag', flag.version, options.version);
    const updated = await tx.flag.updateMany({
      where: { id: flag.id, version: flag.version },
      data: {
        review: options.review,
        reviewReason: reason,
        reviewedById: viewer.userId,
        reviewedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1)
      throw new ConflictError('Đề xuất vừa được người khác xem xét / flag changed meanwhile');
    await writeAudit({
      tx,
      actor: viewer,
      action: 'reviewFlag',
      entity: 'Flag',
      entityId: flag.id,
      before: { review: flag.review, version: flag.version },
      after: { review: options.review, reason, version: flag.version + 1 },
    });
    return tx.flag.findUniqueOrThrow({ where: { id: flag.id } });
  });
}
