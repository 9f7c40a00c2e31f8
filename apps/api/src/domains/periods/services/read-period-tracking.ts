import type { Cycle, PeriodAssessment, PeriodClosure, Prisma, Product, Task, Unit } from '@cadre/db';
import type { PersonEvaluation } from '../../../rules/scenario.ts';
import type { UnitTree } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import { buildAssignmentsWhere, buildPeriodTasksWhere, buildUnitTasksWhere } from '../build-period-where.ts';
import { periodLabel, periodRange } from '../period-calendar.ts';
import { findTrackedUnit } from './find-tracked-unit.ts';
import { scoreUnitPeriod } from './score-unit-period.ts';

export type TrackedAssignment = Task & { product: Product | null };

export type TrackedPerson = {
  person: { id: string; code: string; fullName: string; positionTitle: string | null; unitId: string };
  jobPosition: { id: string; code: string; name: string } | null;
  leadsUnit: boolean;
  /** the head's assessment A for the period; null while not given */
  assessment: PeriodAssessment | null;
  /** whether the head must assess the person before the period can be closed */
  needsAssessment: boolean;
  assignments: TrackedAssignment[];
  evaluation: PersonEvaluation | null;
  period: number;
};

export type PeriodTracking = {
  cycle: Cycle;
  unit: Unit;
  period: number;
  label: string;
  closure: PeriodClosure | null;
  people: TrackedPerson[];
};

/** A unit's period as its head tracks it: its people, their assignments and assessments, and the engine's scores. */
export async function readPeriodTracking(options: {
  tx: Prisma.TransactionClient;
  viewer: Viewer;
  tree: UnitTree;
  cycleId: string;
  unitId: string;
  period: number;
}): Promise<PeriodTracking> {
  const { tx, viewer, period } = options;
  const { cycle, unit, closure } = await findTrackedUnit(options);
  const range = periodRange(cycle.periodKind, cycle.year, period);
  const tasks = await tx.task.findMany({
    where: {
      AND: [
        buildPeriodTasksWhere({ cycleId: cycle.id, period, range }),
        buildUnitTasksWhere(unit.id),
        buildAssignmentsWhere({ viewer }),
      ],
    },
    include: { product: true },
    orderBy: [{ dueOn: 'asc' }, { code: 'asc' }],
  });
  const people = await tx.person.findMany({
    where: {
      AND: [
        buildPeopleWhere({ viewer }),
        {
          OR: [
            { unitId: unit.id, active: true },
            { id: { in: [...new Set(tasks.map((task) => task.personId))] } },
          ],
        },
      ],
    },
    select: {
      id: true,
      code: true,
      fullName: true,
      positionTitle: true,
      unitId: true,
      leadsUnitId: true,
      jobPosition: { select: { id: true, code: true, name: true } },
    },
  });
  const assessments = await tx.periodAssessment.findMany({
    where: { cycleId: cycle.id, period, personId: { in: people.map((person) => person.id) } },
  });
  const scores = await scoreUnitPeriod({ tx, tree: options.tree, cycle, unitId: unit.id });
  const assessmentBy = new Map(assessments.map((row) => [row.personId, row]));
  const tasksBy = new Map<string, TrackedAssignment[]>();
  for (const task of tasks) {
    const list = tasksBy.get(task.personId) ?? [];
    list.push(task);
    tasksBy.set(task.personId, list);
  }
  const tracked = people.map((person): TrackedPerson => {
    const assignments = tasksBy.get(person.id) ?? [];
    const leadsUnit = person.leadsUnitId === unit.id;
    return {
      person,
      jobPosition: person.jobPosition,
      leadsUnit,
      assessment: assessmentBy.get(person.id) ?? null,
      // the head assesses the people with work in the period; the head is assessed by their superior
      needsAssessment: !leadsUnit && person.id !== viewer.personId && assignments.length > 0,
      assignments,
      evaluation: scores.get(person.id) ?? null,
      period,
    };
  });
  tracked.sort(
    (a, b) =>
      Number(b.leadsUnit) - Number(a.leadsUnit) || a.person.fullName.localeCompare(b.person.fullName, 'vi'),
  );
  return {
    cycle,
    unit,
    period,
    label: periodLabel(cycle.periodKind, period, cycle.year),
    closure,
    people: tracked,
  };
}
