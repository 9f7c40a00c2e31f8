import type { Prisma, PrismaClient } from '@cadre/db';
import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { UnitTree } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { zodIssuesToFields } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import { buildAssignmentsWhere, buildPeriodTasksWhere, buildUnitTasksWhere } from '../build-period-where.ts';
import { periodRange } from '../period-calendar.ts';
import { findTrackedUnit } from './find-tracked-unit.ts';
import { type PeriodTracking, readPeriodTracking } from './read-period-tracking.ts';

const count = (field: string) =>
  z
    .number({ error: `${field}: cần một số / must be a number` })
    .int(`${field}: số nguyên / a whole number`)
    .min(0, `${field}: không âm / must be ≥ 0`);

const resultSchema = z
  .object({
    assignmentId: z.string(),
    completed: z.number().min(0, 'completed: không âm / must be ≥ 0'),
    finishedOn: z.date().nullable(),
    failedReviews: count('failedReviews'),
    delays: count('delays'),
    excused: z.boolean(),
    excuseReason: z.string().trim().nullable().optional(),
    excusedBy: z.string().trim().nullable().optional(),
    version: z.number().int().nullable().optional(),
  })
  .superRefine((row, context) => {
    // excused work needs the objective cause and who confirmed it (DOMAIN.md §2)
    if (row.excused && !row.excuseReason) {
      context.addIssue({
        code: 'custom',
        path: ['excuseReason'],
        message: 'Cần nêu lý do khách quan / the objective cause is required',
      });
    }
    if (row.excused && !row.excusedBy) {
      context.addIssue({
        code: 'custom',
        path: ['excusedBy'],
        message: 'Cần người xác nhận / who confirmed it is required',
      });
    }
  });

const inputSchema = z.object({
  results: z.array(resultSchema).max(2000),
  assessments: z
    .array(
      z.object({
        personId: z.string(),
        conductAssessment: z
          .number()
          .min(0, 'conductAssessment: từ 0 đến 10 / 0–10')
          .max(10, 'conductAssessment: từ 0 đến 10 / 0–10'),
      }),
    )
    .max(2000),
  reason: z.string().trim().nullable().optional(),
});

export type PeriodResultInput = z.input<typeof resultSchema>;

class PreviewRollback extends Error {
  constructor(readonly view: PeriodTracking) {
    super('preview');
  }
}

/**
 * A head records a period's results in bulk: each assignment's completed quantity, finished date,
 * failed quality reviews, delays and excuse, and the people's assessments A. In a closed period
 * every change is a correction: it needs a reason, is kept with its before and after, and the
 * period is scored again. `preview` scores the entries without keeping them (the score as they type).
 */
export async function recordPeriodResults(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  tree: UnitTree;
  cycleId: string;
  unitId: string;
  period: number;
  results: PeriodResultInput[];
  assessments: { personId: string; conductAssessment: number }[];
  reason?: string | null;
  preview?: boolean;
}): Promise<PeriodTracking> {
  const { prisma, viewer } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  const parsed = inputSchema.safeParse({
    results: options.results,
    assessments: options.assessments,
    reason: options.reason,
  });
  if (!parsed.success) throw new ValidationError(zodIssuesToFields(parsed.error));
  const input = parsed.data;
  try {
    return await prisma.$transaction(
      async (tx) => {
        const tracked = await findTrackedUnit({ ...options, tx, write: true });
        const { cycle, unit } = tracked;
        const closed = tracked.closure?.state === 'CLOSED';
        const reason = input.reason || null;
        if (closed && !reason) {
          throw new ValidationError([
            {
              field: 'reason',
              message:
                'Kỳ đã khóa: điều chỉnh cần nêu lý do / the period is closed: a correction needs a reason',
            },
          ]);
        }
        const range = periodRange(cycle.periodKind, cycle.year, options.period);
        const changes: {
          entity: string;
          entityId: string;
          personId: string;
          before: unknown;
          after: unknown;
        }[] = [];
        const tasks = input.results.length
          ? await tx.task.findMany({
              where: {
                id: { in: input.results.map((row) => row.assignmentId) },
                AND: [
                  buildPeriodTasksWhere({ cycleId: cycle.id, period: options.period, range }),
                  buildUnitTasksWhere(unit.id),
                  buildAssignmentsWhere({ viewer }),
                ],
              },
            })
          : [];
        const taskBy = new Map(tasks.map((task) => [task.id, task]));
        for (const [index, row] of input.results.entries()) {
          const task = taskBy.get(row.assignmentId);
          if (!task) throw new NotFoundError(`công việc / assignment (results[${index}])`);
          if (row.version !== undefined && row.version !== null && row.version !== task.version) {
            throw new ConflictError(
              `results[${index}]: đã có người sửa "${task.title}" / changed by someone else`,
              task.version,
            );
          }
          const data = {
            actual: row.completed,
            completedOn: row.finishedOn,
            majorErrors: row.failedReviews,
            delays: row.delays,
            excused: row.excused,
            excuseNote: row.excused ? (row.excuseReason ?? null) : null,
            excusedBy: row.excused ? (row.excusedBy ?? null) : null,
          };
          const same =
            task.actual === data.actual &&
            (task.completedOn?.getTime() ?? null) === (data.completedOn?.getTime() ?? null) &&
            task.majorErrors === data.majorErrors &&
            task.delays === data.delays &&
            task.excused === data.excused &&
            task.excuseNote === data.excuseNote &&
            task.excusedBy === data.excusedBy;
          if (same) continue;
          const saved = await tx.task.update({
            where: { id: task.id },
            data: { ...data, version: { increment: 1 } },
          });
          changes.push({
            entity: 'Task',
            entityId: task.id,
            personId: task.personId,
            before: task,
            after: saved,
          });
        }
        if (input.assessments.length > 0) {
          const people = await tx.person.findMany({
            where: {
              id: { in: input.assessments.map((row) => row.personId) },
              AND: [buildPeopleWhere({ viewer })],
            },
            select: { id: true, unitId: true, leadsUnitId: true },
          });
          const personBy = new Map(people.map((person) => [person.id, person]));
          for (const [index, row] of input.assessments.entries()) {
            const person = personBy.get(row.personId);
            const assignedHere =
              person && person.unitId !== unit.id
                ? await tx.task.count({
                    where: { personId: person.id, assignedUnitId: unit.id, cycleId: cycle.id },
                  })
                : 0;
            if (!person || (person.unitId !== unit.id && assignedHere === 0)) {
              throw new NotFoundError(`cán bộ / person (assessments[${index}])`);
            }
            if (person.id === viewer.personId) {
              throw new ForbiddenError('Không tự đánh giá chính mình / heads do not assess themselves');
            }
            const key = {
              cycleId_personId_period: { cycleId: cycle.id, personId: person.id, period: options.period },
            };
            const before = await tx.periodAssessment.findUnique({ where: key });
            if (before?.conductAssessment === row.conductAssessment) continue;
            const saved = before
              ? await tx.periodAssessment.update({
                  where: { id: before.id },
                  data: {
                    conductAssessment: row.conductAssessment,
                    assessedById: viewer.userId,
                    version: { increment: 1 },
                  },
                })
              : await tx.periodAssessment.create({
                  data: {
                    cycleId: cycle.id,
                    personId: person.id,
                    period: options.period,
                    conductAssessment: row.conductAssessment,
                    assessedById: viewer.userId,
                  },
                });
            changes.push({
              entity: 'PeriodAssessment',
              entityId: saved.id,
              personId: person.id,
              before,
              after: saved,
            });
          }
        }
        if (changes.length > 0 && !options.preview) {
          if (closed && reason) {
            for (const change of changes) {
              await tx.periodCorrection.create({
                data: {
                  cycleId: cycle.id,
                  unitId: unit.id,
                  period: options.period,
                  personId: change.personId,
                  entity: change.entity,
                  entityId: change.entityId,
                  reason,
                  before: JSON.parse(JSON.stringify(change.before ?? null)) as Prisma.InputJsonValue,
                  after: JSON.parse(JSON.stringify(change.after)) as Prisma.InputJsonValue,
                  byUserId: viewer.userId,
                },
              });
            }
          }
          await writeAudit({
            tx,
            actor: viewer,
            action: closed ? 'correctPeriod' : 'recordPeriodResults',
            entity: 'Unit',
            entityId: unit.id,
            before: changes.map((change) => ({
              entity: change.entity,
              id: change.entityId,
              value: change.before,
            })),
            after: {
              period: options.period,
              reason,
              changes: changes.map((change) => ({
                entity: change.entity,
                id: change.entityId,
                value: change.after,
              })),
            },
          });
        }
        const view = await readPeriodTracking({ ...options, tx });
        if (options.preview) throw new PreviewRollback(view);
        return view;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof PreviewRollback) return error.view;
    throw error;
  }
}
