import type { Cycle, CycleStatus, PrismaClient } from '@cadre/db';
import { assertVersion, ConflictError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertCycleCanMove } from '../../checklist/assert-cycle-can-move.ts';
import { assertManages, cycleOrder, findVisibleCycle, stageIndex } from '../cycle-access.ts';

/**
 * Moves a cycle one step forward, or back (any number of steps) with a written reason.
 * Published cycles cannot go back (read-only; corrections are decisions); archived is final.
 * Entering REVIEW or later needs evaluation results; entering APPROVED records the officer's
 * approval of every current rating.
 */
export async function moveCycle(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  id: string;
  to: CycleStatus;
  reason?: string | null;
  version: number;
}): Promise<Cycle> {
  const { prisma, viewer } = options;
  const reason = options.reason?.trim() || null;
  return prisma.$transaction(
    async (tx) => {
      const cycle = await findVisibleCycle(tx, viewer, options.id);
      assertManages(viewer, cycle);
      assertVersion('Kỳ đánh giá / Cycle', cycle.version, options.version);
      const from = stageIndex(cycle.status);
      const to = stageIndex(options.to);
      if (cycle.status === 'ARCHIVED')
        throw new ConflictError('Kỳ đã lưu trữ là cuối cùng / an archived cycle is final');
      if (to === from) {
        throw new ValidationError([
          { field: 'to', message: `Kỳ đang ở ${cycle.status} / the cycle is already ${cycle.status}` },
        ]);
      }
      if (to > from + 1) {
        throw new ValidationError([
          {
            field: 'to',
            message: `Chỉ chuyển tiếp từng bước: ${cycle.status} → ${cycleOrder[from + 1]} / forward one step at a time: ${cycle.status} → ${cycleOrder[from + 1]}`,
          },
        ]);
      }
      if (to < from) {
        if (cycle.status === 'PUBLISHED') {
          throw new ConflictError(
            'Kết quả đã công bố chỉ đọc: dùng đính chính / published results are read-only: use a correction',
          );
        }
        if (!reason || reason.length < 5) {
          throw new ValidationError([
            {
              field: 'reason',
              message:
                'Quay lại bước trước cần lý do (≥ 5 ký tự) / moving back needs a reason (≥ 5 characters)',
            },
          ]);
        }
      }
      if (to > from && to >= stageIndex('REVIEW') && !cycle.lastRunId) {
        throw new ConflictError('Chưa chạy đánh giá / run the evaluation first');
      }
      await assertCycleCanMove({ tx, cycle, to: options.to });
      const now = new Date();
      if (options.to === 'APPROVED' && to > from) {
        // one APPROVAL decision per result: the officer signs off every current rating
        const results = await tx.evaluationResult.findMany({
          where: { cycleId: cycle.id },
          select: { id: true, personId: true, finalRating: true },
        });
        for (let start = 0; start < results.length; start += 5000) {
          await tx.ratingDecision.createMany({
            data: results.slice(start, start + 5000).map((result) => ({
              cycleId: cycle.id,
              resultId: result.id,
              personId: result.personId,
              kind: 'APPROVAL' as const,
              fromRating: result.finalRating,
              toRating: result.finalRating,
              reason: reason ?? 'Phê duyệt kết quả / results approved',
              decidedById: viewer.userId,
              decidedAt: now,
            })),
          });
        }
      }
      const updated = await tx.cycle.update({
        where: { id: cycle.id },
        data: {
          status: options.to,
          version: { increment: 1 },
          ...(options.to === 'PUBLISHED' && to > from ? { publishedAt: now } : {}),
          ...(options.to === 'ARCHIVED' ? { archivedAt: now } : {}),
          transitions: {
            create: {
              fromStatus: cycle.status,
              toStatus: options.to,
              reason,
              byUserId: viewer.userId,
              at: now,
            },
          },
        },
      });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'moveCycle',
        entity: 'Cycle',
        entityId: cycle.id,
        before: { status: cycle.status, version: cycle.version },
        after: { status: updated.status, version: updated.version, reason },
      });
      return updated;
    },
    { timeout: 120_000 },
  );
}
