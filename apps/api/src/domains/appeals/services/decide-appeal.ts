import type { Appeal, PrismaClient, Rating } from '@cadre/db';
import { assertVersion, ConflictError, fieldIssue, NotFoundError, ValidationError } from '../../../errors.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { checkDecision } from '../../evaluation/services/check-decision.ts';
import { buildAppealsWhere } from '../build-appeals-where.ts';
import { assertAppealOfficer } from './start-appeal-review.ts';

export type AppealOutcome = 'UPHELD' | 'REJECTED';

/**
 * The personnel office decides an appeal under review. Upheld with a new rating (given, or the one
 * the filer requested), it is a new APPEAL_OUTCOME decision superseding the result's latest one,
 * under the same hard rules and quota as a correction; earlier decisions are never edited.
 */
export async function decideAppeal(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  appealId: string;
  outcome: AppealOutcome;
  rating?: Rating | null;
  reason: string;
  version: number;
}): Promise<Appeal> {
  const { prisma, viewer } = options;
  const reason = options.reason.trim();
  const issues = [];
  if (reason.length < 5) {
    issues.push(fieldIssue('reason', 'appeal.decision.reasonShort'));
  }
  if (options.outcome === 'REJECTED' && options.rating) {
    issues.push(fieldIssue('rating', 'appeal.decision.rejectedKeepsRating'));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const tree = await options.unitTrees.get();
  return prisma.$transaction(
    async (tx) => {
      const appeal = await tx.appeal.findFirst({
        where: { id: options.appealId, AND: [buildAppealsWhere({ viewer })] },
        include: { result: true, cycle: true },
      });
      if (!appeal) throw new NotFoundError('khiếu nại / appeal');
      assertAppealOfficer(viewer, appeal);
      assertVersion('Khiếu nại / Appeal', appeal.version, options.version);
      if (appeal.status !== 'UNDER_REVIEW') {
        throw new ConflictError(
          message(
            `Khiếu nại đang ở trạng thái ${appeal.status}: cần thụ lý trước khi quyết định`,
            `the appeal is ${appeal.status}: it must be UNDER_REVIEW to be decided`,
          ),
          appeal.version,
        );
      }
      const { result, cycle } = appeal;
      const rating = options.outcome === 'UPHELD' ? (options.rating ?? appeal.requested) : null;
      let decision: { id: string; supersedesId: string | null } | null = null;
      const now = new Date();
      if (rating) {
        if (cycle.status !== 'PUBLISHED') {
          throw new ConflictError(message('Kỳ đánh giá đã lưu trữ', 'the cycle is archived'));
        }
        if (rating === result.finalRating) {
          throw new ValidationError([fieldIssue('rating', 'appeal.decision.ratingUnchanged')]);
        }
        await checkDecision({ tx, tree, cycle, result, rating });
        const previous = await tx.ratingDecision.findFirst({
          where: { resultId: result.id },
          orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
          select: { id: true },
        });
        const changed = await tx.evaluationResult.updateMany({
          where: { id: result.id, version: result.version },
          data: {
            finalRating: rating,
            finalReason: rating === result.engineRating ? null : reason,
            decidedById: viewer.userId,
            decidedAt: now,
            version: { increment: 1 },
          },
        });
        if (changed.count !== 1) {
          throw new ConflictError(message('Kết quả vừa bị sửa', 'the result changed meanwhile'));
        }
        decision = await tx.ratingDecision.create({
          data: {
            cycleId: result.cycleId,
            resultId: result.id,
            personId: result.personId,
            kind: 'APPEAL_OUTCOME',
            fromRating: result.finalRating,
            toRating: rating,
            reason,
            supersedesId: previous?.id ?? null,
            decidedById: viewer.userId,
            decidedAt: now,
          },
          select: { id: true, supersedesId: true },
        });
        await writeAudit({
          tx,
          actor: viewer,
          action: 'decideAppeal',
          entity: 'EvaluationResult',
          entityId: result.id,
          before: { finalRating: result.finalRating, version: result.version },
          after: {
            finalRating: rating,
            reason,
            appealId: appeal.id,
            decisionId: decision.id,
            supersedesId: decision.supersedesId,
          },
        });
      }
      const updated = await tx.appeal.updateMany({
        where: { id: appeal.id, version: appeal.version, status: 'UNDER_REVIEW' },
        data: {
          status: options.outcome,
          outcome: reason,
          decidedById: viewer.userId,
          decidedAt: now,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) {
        throw new ConflictError(message('Khiếu nại vừa thay đổi', 'the appeal changed meanwhile'));
      }
      await writeAudit({
        tx,
        actor: viewer,
        action: 'decideAppeal',
        entity: 'Appeal',
        entityId: appeal.id,
        before: { status: appeal.status, version: appeal.version },
        after: {
          status: options.outcome,
          reason,
          rating,
          decisionId: decision?.id ?? null,
          version: appeal.version + 1,
        },
      });
      return tx.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
    },
    { timeout: 60_000 },
  );
}
