import type { EvaluationResult, PrismaClient, Rating } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { isReadOnly } from '../../cycles/cycle-access.ts';
import { buildResultsWhere } from '../build-results-where.ts';
import { mayAdjust } from '../result-permissions.ts';
import { checkDecision } from './check-decision.ts';

/**
 * A unit head (during ASSESSMENT) or a personnel officer (during REVIEW) sets the final rating of a
 * result in their scope. Differing from the engine needs a reason; a hard rule or the excellent
 * quota (without a recorded exception) refuses it. Every change is a RatingDecision.
 */
export async function adjustRating(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  resultId: string;
  rating: Rating;
  reason?: string | null;
  version: number;
}): Promise<EvaluationResult> {
  const { prisma, viewer } = options;
  const reason = options.reason?.trim() || null;
  const tree = await options.unitTrees.get();
  return prisma.$transaction(
    async (tx) => {
      const result = await tx.evaluationResult.findFirst({
        where: { id: options.resultId, AND: [buildResultsWhere({ viewer })] },
        include: { cycle: true },
      });
      if (!result) throw new NotFoundError('kết quả / result');
      const { cycle } = result;
      if (isReadOnly(cycle.status)) {
        throw new ConflictError(
          'Kết quả đã công bố chỉ đọc: dùng đính chính (correctRating) / published results are read-only: use correctRating',
        );
      }
      if (result.personId === viewer.personId) {
        throw new ForbiddenError('Không tự điều chỉnh kết quả của mình / you cannot adjust your own result');
      }
      if (!mayAdjust(viewer, cycle.status, result)) {
        throw new ForbiddenError(
          'Trưởng đơn vị điều chỉnh ở bước ASSESSMENT, cán bộ tổ chức ở bước REVIEW / heads adjust during ASSESSMENT, officers during REVIEW',
        );
      }
      assertVersion('Kết quả / Result', result.version, options.version);
      if (options.rating === result.finalRating) return result;
      if (options.rating !== result.engineRating && (!reason || reason.length < 5)) {
        throw new ValidationError([
          {
            field: 'reason',
            message:
              'Khác đề xuất của hệ thống cần lý do (≥ 5 ký tự) / a reason is required (≥ 5 characters)',
          },
        ]);
      }
      await checkDecision({ tx, tree, cycle, result, rating: options.rating });
      const now = new Date();
      const updated = await tx.evaluationResult.updateMany({
        where: { id: result.id, version: result.version },
        data: {
          finalRating: options.rating,
          finalReason: options.rating === result.engineRating ? null : reason,
          decidedById: viewer.userId,
          decidedAt: now,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new ConflictError('Kết quả vừa bị sửa / result changed meanwhile');
      const decision = await tx.ratingDecision.create({
        data: {
          cycleId: cycle.id,
          resultId: result.id,
          personId: result.personId,
          kind: 'ADJUSTMENT',
          fromRating: result.finalRating,
          toRating: options.rating,
          reason: reason ?? 'Trở về đề xuất của hệ thống / back to the engine’s rating',
          decidedById: viewer.userId,
          decidedAt: now,
        },
      });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'adjustRating',
        entity: 'EvaluationResult',
        entityId: result.id,
        before: { finalRating: result.finalRating, finalReason: result.finalReason, version: result.version },
        after: { finalRating: options.rating, reason, decisionId: decision.id, version: result.version + 1 },
      });
      return tx.evaluationResult.findUniqueOrThrow({ where: { id: result.id } });
    },
    { timeout: 60_000 },
  );
}
