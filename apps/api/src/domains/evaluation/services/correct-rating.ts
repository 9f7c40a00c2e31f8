import type { EvaluationResult, PrismaClient, Rating } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildResultsWhere } from '../build-results-where.ts';
import { checkDecision } from './check-decision.ts';

/**
 * After publication a rating changes only by a numbered correction decision (officer or admin),
 * which references the decision it supersedes. Hard rules and the quota still apply.
 */
export async function correctRating(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  resultId: string;
  rating: Rating;
  reason: string;
  number: string;
  version: number;
}): Promise<EvaluationResult> {
  const { prisma, viewer } = options;
  const reason = options.reason.trim();
  const number = options.number.trim();
  const issues = [];
  if (reason.length < 5)
    issues.push({
      field: 'reason',
      message: 'Cần lý do (≥ 5 ký tự) / a reason is required (≥ 5 characters)',
    });
  if (!number)
    issues.push({ field: 'number', message: 'Cần số quyết định / the decision number is required' });
  if (issues.length > 0) throw new ValidationError(issues);
  const tree = await options.unitTrees.get();
  return prisma.$transaction(
    async (tx) => {
      const result = await tx.evaluationResult.findFirst({
        where: { id: options.resultId, AND: [buildResultsWhere({ viewer })] },
        include: { cycle: true },
      });
      if (!result) throw new NotFoundError('kết quả / result');
      if ((viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') || !unitInScope(viewer, result.unitId)) {
        throw new ForbiddenError();
      }
      if (result.cycle.status !== 'PUBLISHED') {
        throw new ConflictError(
          result.cycle.status === 'ARCHIVED'
            ? 'Kỳ đã lưu trữ / the cycle is archived'
            : 'Đính chính chỉ sau khi công bố: dùng adjustRating / corrections are for published results: use adjustRating',
        );
      }
      assertVersion('Kết quả / Result', result.version, options.version);
      if (options.rating === result.finalRating) {
        throw new ValidationError([{ field: 'rating', message: 'Không thay đổi / the rating is unchanged' }]);
      }
      await checkDecision({ tx, tree, cycle: result.cycle, result, rating: options.rating });
      const previous = await tx.ratingDecision.findFirst({
        where: { resultId: result.id },
        orderBy: { decidedAt: 'desc' },
        select: { id: true },
      });
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
          cycleId: result.cycleId,
          resultId: result.id,
          personId: result.personId,
          kind: 'CORRECTION',
          fromRating: result.finalRating,
          toRating: options.rating,
          reason,
          number,
          supersedesId: previous?.id ?? null,
          decidedById: viewer.userId,
          decidedAt: now,
        },
      });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'correctRating',
        entity: 'EvaluationResult',
        entityId: result.id,
        before: { finalRating: result.finalRating, version: result.version },
        after: {
          finalRating: options.rating,
          reason,
          number,
          decisionId: decision.id,
          supersedesId: previous?.id ?? null,
        },
      });
      return tx.evaluationResult.findUniqueOrThrow({ where: { id: result.id } });
    },
    { timeout: 60_000 },
  );
}
