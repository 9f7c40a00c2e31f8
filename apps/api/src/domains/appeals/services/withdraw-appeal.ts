import type { Appeal, PrismaClient } from '@cadre/db';
import { assertVersion, ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildAppealsWhere } from '../build-appeals-where.ts';
import { openAppealStatuses } from './file-appeal.ts';

/** The filer withdraws their appeal while it is still open (SUBMITTED or UNDER_REVIEW). */
export async function withdrawAppeal(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  appealId: string;
  version: number;
}): Promise<Appeal> {
  const { prisma, viewer } = options;
  return prisma.$transaction(async (tx) => {
    const appeal = await tx.appeal.findFirst({
      where: { id: options.appealId, AND: [buildAppealsWhere({ viewer })] },
    });
    if (!appeal) throw new NotFoundError('khiếu nại / appeal');
    if (!viewer.personId || appeal.personId !== viewer.personId) {
      throw new ForbiddenError(
        message('Chỉ người khiếu nại mới rút được khiếu nại', 'only the filer may withdraw an appeal'),
      );
    }
    assertVersion('Khiếu nại / Appeal', appeal.version, options.version);
    if (!openAppealStatuses.includes(appeal.status)) {
      throw new ConflictError(
        message(`Khiếu nại đã ${appeal.status}`, `the appeal is already ${appeal.status}`),
        appeal.version,
      );
    }
    const updated = await tx.appeal.updateMany({
      where: { id: appeal.id, version: appeal.version, status: { in: openAppealStatuses } },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw new ConflictError(message('Khiếu nại vừa thay đổi', 'the appeal changed meanwhile'));
    }
    await writeAudit({
      tx,
      actor: viewer,
      action: 'withdrawAppeal',
      entity: 'Appeal',
      entityId: appeal.id,
      before: { status: appeal.status, version: appeal.version },
      after: { status: 'WITHDRAWN', version: appeal.version + 1 },
    });
    return tx.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
  });
}
