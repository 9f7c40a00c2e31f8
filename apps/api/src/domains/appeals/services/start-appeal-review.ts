import type { Appeal, PrismaClient } from '@cadre/db';
import { assertVersion, ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildAppealsWhere } from '../build-appeals-where.ts';

/** The personnel office takes up a submitted appeal (SUBMITTED → UNDER_REVIEW). */
export async function startAppealReview(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  appealId: string;
  version: number;
}): Promise<Appeal> {
  const { prisma, viewer } = options;
  return prisma.$transaction(async (tx) => {
    const appeal = await tx.appeal.findFirst({
      where: { id: options.appealId, AND: [buildAppealsWhere({ viewer })] },
      include: { result: { select: { unitId: true } } },
    });
    if (!appeal) throw new NotFoundError('khiếu nại / appeal');
    assertAppealOfficer(viewer, appeal);
    assertVersion('Khiếu nại / Appeal', appeal.version, options.version);
    if (appeal.status !== 'SUBMITTED') {
      throw new ConflictError(
        message(
          `Khiếu nại đang ở trạng thái ${appeal.status}`,
          `the appeal is ${appeal.status}, not SUBMITTED`,
        ),
        appeal.version,
      );
    }
    const updated = await tx.appeal.updateMany({
      where: { id: appeal.id, version: appeal.version, status: 'SUBMITTED' },
      data: { status: 'UNDER_REVIEW', version: { increment: 1 } },
    });
    if (updated.count !== 1)
      throw new ConflictError(message('Khiếu nại vừa thay đổi', 'appeal changed meanwhile'));
    await writeAudit({
      tx,
      actor: viewer,
      action: 'startAppealReview',
      entity: 'Appeal',
      entityId: appeal.id,
      before: { status: appeal.status, version: appeal.version },
      after: { status: 'UNDER_REVIEW', version: appeal.version + 1 },
    });
    return tx.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
  });
}

/**
 * Officers and admins whose scope covers the evaluated unit handle appeals; never their own.
 */
export function assertAppealOfficer(
  viewer: Viewer,
  appeal: { personId: string; result: { unitId: string } },
): void {
  if (
    (viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') ||
    !unitInScope(viewer, appeal.result.unitId) ||
    appeal.personId === viewer.personId
  ) {
    throw new ForbiddenError();
  }
}
