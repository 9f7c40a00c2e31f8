import type { Appeal, AppealStatus, Cycle, PrismaClient, Rating } from '@cadre/db';
import {
  ConflictError,
  ForbiddenError,
  fieldIssue,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import { formatDateVi } from '../../../exports/labels.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { findVisibleCycle } from '../../cycles/cycle-access.ts';

/** An appeal still waiting for an outcome: a result has at most one. */
export const openAppealStatuses: AppealStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

export const appealReasonMinLength = 10;

// Vietnam has no daylight saving: UTC+7 all year.
const vietnamOffsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The appeal window counts whole days in Vietnam time: published on day D with `appealDays` N,
 * an appeal may be filed until the end of day D + N. Null when the publication date is unknown.
 */
export function appealDeadline(
  cycle: Pick<Cycle, 'publishedAt' | 'appealDays'>,
): { closesAt: Date; lastDay: string } | null {
  if (!cycle.publishedAt) return null;
  const local = new Date(cycle.publishedAt.getTime() + vietnamOffsetMs);
  const lastDay = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + cycle.appealDays,
  );
  return { closesAt: new Date(lastDay + dayMs - vietnamOffsetMs), lastDay: formatDateVi(new Date(lastDay)) };
}

export function validateAppealReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < appealReasonMinLength) {
    throw new ValidationError([fieldIssue('reason', 'appeal.reasonShort', { min: appealReasonMinLength })]);
  }
  return trimmed;
}

/**
 * A person appeals their own published result, within the cycle's appeal window, with a reason;
 * one open appeal per result.
 */
export async function fileAppeal(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  reason: string;
  requested?: Rating | null;
}): Promise<Appeal> {
  const { prisma, viewer } = options;
  const reason = validateAppealReason(options.reason);
  const personId = viewer.personId;
  if (!personId) {
    throw new ForbiddenError(
      message('Chỉ người được đánh giá mới được khiếu nại', 'only the person evaluated may appeal'),
    );
  }
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    if (cycle.status !== 'PUBLISHED') {
      throw new ConflictError(
        cycle.status === 'ARCHIVED'
          ? message('Kỳ đánh giá đã lưu trữ', 'the cycle is archived')
          : message('Chỉ khiếu nại kết quả đã công bố', 'only published results can be appealed'),
      );
    }
    const deadline = appealDeadline(cycle);
    if (!deadline) {
      throw new ConflictError(message('Chưa rõ ngày công bố', 'the publication date is unknown'));
    }
    if (now.getTime() >= deadline.closesAt.getTime()) {
      throw new ValidationError([
        fieldIssue('cycleId', 'appeal.windowClosed', { lastDay: deadline.lastDay }),
      ]);
    }
    const result = await tx.evaluationResult.findFirst({ where: { cycleId: cycle.id, personId } });
    if (!result) throw new NotFoundError('kết quả / result');
    // serialise filings for one result, so two concurrent requests cannot both open an appeal
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `appeal:${result.id}`);
    const open = await tx.appeal.findFirst({
      where: { resultId: result.id, status: { in: openAppealStatuses } },
      select: { id: true },
    });
    if (open) {
      throw new ConflictError(
        message('Kết quả này đã có khiếu nại đang xử lý', 'an appeal of this result is already open'),
      );
    }
    if (options.requested && options.requested === result.finalRating) {
      throw new ValidationError([fieldIssue('requested', 'appeal.requestedIsCurrent')]);
    }
    const appeal = await tx.appeal.create({
      data: {
        cycleId: cycle.id,
        personId,
        resultId: result.id,
        reason,
        requested: options.requested ?? null,
        filedAt: now,
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'fileAppeal',
      entity: 'Appeal',
      entityId: appeal.id,
      after: {
        resultId: result.id,
        finalRating: result.finalRating,
        requested: appeal.requested,
        reason,
        status: appeal.status,
      },
    });
    return appeal;
  });
}
