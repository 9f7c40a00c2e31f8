import type { Prisma, PrismaClient } from '@cadre/db';
import { ForbiddenError, ValidationError } from '../../../errors.ts';
import { descendantIds, type UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { findVisibleCycle, stageIndex } from '../../cycles/cycle-access.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';

/** A person is reminded of the same thing at most once in this time (a second click does nothing). */
export const reminderQuietMs = 24 * 60 * 60_000;

/** Who is reminded: people of the sender's scope (and the unit asked for) without a submitted self-assessment. */
export function missingSelfAssessmentWhere(options: {
  viewer: Viewer;
  cycleId: string;
  unitIds: string[];
}): Prisma.PersonWhereInput {
  return {
    active: true,
    unitId: { in: options.unitIds },
    AND: [buildPeopleWhere({ viewer: options.viewer })],
    selfAssessments: { none: { cycleId: options.cycleId, submittedAt: { not: null } } },
    // nobody reminds themselves
    ...(options.viewer.personId ? { NOT: { id: options.viewer.personId } } : {}),
  };
}

/** Who may send reminders: heads for their units, the personnel office for its scope. */
export function maySendReminders(viewer: Viewer): boolean {
  return viewer.role === 'ADMIN' || viewer.role === 'OFFICER' || viewer.role === 'UNIT_HEAD';
}

/**
 * A head (their units) or the personnel office (its scope) reminds everyone whose self-assessment
 * of the cycle is not submitted, while the cycle collects them (OPEN, ASSESSMENT). People reminded
 * in the last day and not yet having dismissed it are left out. One audit entry counts them.
 */
export async function sendReminders(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  unitId?: string | null;
  now?: Date;
}): Promise<{ sent: number; alreadyReminded: number; dueOn: Date | null }> {
  const { prisma, viewer } = options;
  if (!maySendReminders(viewer)) throw new ForbiddenError();
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    const stage = stageIndex(cycle.status);
    if (stage < stageIndex('OPEN') || stage > stageIndex('ASSESSMENT')) {
      throw new ValidationError([
        {
          field: 'cycleId',
          message: message(
            'Kỳ đánh giá không còn nhận bản tự đánh giá: không có gì để nhắc',
            'the cycle no longer takes self-assessments: nothing to remind',
          ),
        },
      ]);
    }
    const tree = await options.unitTrees.get();
    const within = descendantIds(tree, cycle.scopeUnitId);
    const unitIds = options.unitId
      ? descendantIds(tree, options.unitId).filter((id) => within.includes(id))
      : within;
    const missing = await tx.person.findMany({
      where: missingSelfAssessmentWhere({ viewer, cycleId: cycle.id, unitIds }),
      select: { id: true },
    });
    const recent = await tx.reminder.findMany({
      where: {
        cycleId: cycle.id,
        kind: 'SELF_ASSESSMENT',
        dismissedAt: null,
        sentAt: { gt: new Date(now.getTime() - reminderQuietMs) },
        personId: { in: missing.map((person) => person.id) },
      },
      select: { personId: true },
      distinct: ['personId'],
    });
    const reminded = new Set(recent.map((row) => row.personId));
    const recipients = missing.filter((person) => !reminded.has(person.id));
    const deadline = await tx.cycleDeadline.findUnique({
      where: { cycleId_stage: { cycleId: cycle.id, stage: 'OPEN' } },
      select: { dueOn: true },
    });
    const dueOn = deadline?.dueOn ?? null;
    if (recipients.length > 0) {
      await tx.reminder.createMany({
        data: recipients.map((person) => ({
          cycleId: cycle.id,
          personId: person.id,
          kind: 'SELF_ASSESSMENT' as const,
          sentById: viewer.userId,
          sentByName: viewer.displayName,
          dueOn,
          sentAt: now,
        })),
      });
    }
    await writeAudit({
      tx,
      actor: viewer,
      action: 'sendReminders',
      entity: 'Cycle',
      entityId: cycle.id,
      after: {
        kind: 'SELF_ASSESSMENT',
        unitId: options.unitId ?? null,
        sent: recipients.length,
        alreadyReminded: reminded.size,
      },
    });
    return { sent: recipients.length, alreadyReminded: reminded.size, dueOn };
  });
}

/** The caller's own reminders of the cycle not yet dismissed, newest first; none once the self-assessment is in. */
export async function readMyReminders(options: { prisma: PrismaClient; viewer: Viewer; cycleId: string }) {
  const { prisma, viewer } = options;
  if (!viewer.personId) return [];
  const submitted = await prisma.selfAssessment.findFirst({
    where: { cycleId: options.cycleId, personId: viewer.personId, submittedAt: { not: null } },
    select: { id: true },
  });
  if (submitted) return [];
  return prisma.reminder.findMany({
    where: { personId: viewer.personId, cycleId: options.cycleId, dismissedAt: null },
    orderBy: { sentAt: 'desc' },
    take: 20,
  });
}

/** The caller dismisses one of their own reminders (another's is not found). */
export async function dismissReminder(options: { prisma: PrismaClient; viewer: Viewer; reminderId: string }) {
  const { prisma, viewer } = options;
  const updated = await prisma.reminder.updateMany({
    where: { id: options.reminderId, personId: viewer.personId ?? '-', dismissedAt: null },
    data: { dismissedAt: new Date() },
  });
  return updated.count > 0;
}
