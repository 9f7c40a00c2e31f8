import type { PrismaClient, Rating, SelfAssessment } from '@cadre/db';
import { assertVersion, ConflictError, ForbiddenError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { findVisibleCycle } from '../cycle-access.ts';

/** A member of staff files (or revises) their own self-assessment while the cycle is OPEN. */
export async function submitSelfAssessment(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  input: { achievements: string; shortcomings?: string | null; proposedRating: Rating; submit: boolean };
  /** the version read, when revising an existing self-assessment */
  version?: number | null;
}): Promise<SelfAssessment> {
  const { prisma, viewer, input } = options;
  const personId = viewer.personId;
  if (!personId)
    throw new ForbiddenError('Tài khoản không gắn với hồ sơ cán bộ / the account has no staff record');
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    if (cycle.status !== 'OPEN') {
      throw new ConflictError(
        'Chỉ tự đánh giá khi kỳ đang mở / self-assessment only while the cycle is OPEN',
      );
    }
    const before = await tx.selfAssessment.findUnique({
      where: { cycleId_personId: { cycleId: cycle.id, personId } },
    });
    // a filed self-assessment stays filed: the head may already have read it, so "save draft" on it
    // would silently take it back; it is revised by filing it again
    if (before?.submittedAt && !input.submit) {
      throw new ConflictError(
        'Bản tự đánh giá đã nộp, không lưu lại thành bản nháp; sửa rồi nộp lại / the self-assessment is filed and cannot go back to a draft: revise it and file it again',
      );
    }
    const data = {
      achievements: input.achievements.trim(),
      shortcomings: input.shortcomings?.trim() || null,
      proposedRating: input.proposedRating,
      submittedAt: input.submit ? new Date() : null,
    };
    let saved: SelfAssessment;
    if (before) {
      assertVersion('Bản tự đánh giá / Self-assessment', before.version, options.version ?? -1);
      saved = await tx.selfAssessment.update({
        where: { id: before.id },
        data: { ...data, version: { increment: 1 } },
      });
    } else {
      saved = await tx.selfAssessment.create({ data: { ...data, cycleId: cycle.id, personId } });
    }
    await writeAudit({
      tx,
      actor: viewer,
      action: 'submitSelfAssessment',
      entity: 'SelfAssessment',
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}
