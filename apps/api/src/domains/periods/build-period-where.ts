import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';
import { buildPeopleWhere } from '../people/build-people-where.ts';

/** Assignments (tasks) the viewer may read: those of the people they may read. */
export function buildAssignmentsWhere(options: { viewer: Viewer }): Prisma.TaskWhereInput {
  const people = buildPeopleWhere(options);
  return Object.keys(people).length === 0 ? {} : { person: people };
}

/** The work of a period, as the engine assigns it: the period it names, else the period of its due date. */
export function buildPeriodTasksWhere(options: {
  cycleId: string;
  period: number;
  range: { from: Date; to: Date };
}): Prisma.TaskWhereInput {
  return {
    cycleId: options.cycleId,
    OR: [
      { period: options.period },
      { period: null, dueOn: { gte: options.range.from, lte: options.range.to } },
    ],
  };
}

/** The work a unit tracks: assigned by it, or of its people when no other unit assigned it. */
export function buildUnitTasksWhere(unitId: string): Prisma.TaskWhereInput {
  return { OR: [{ assignedUnitId: unitId }, { assignedUnitId: null, person: { unitId } }] };
}
