import type { Cycle, PrismaClient } from '@cadre/db';
import { PERIOD_COUNTS } from '@cadre/rules';
import type { PersonEvaluation, TraceEntry } from '../../../rules/scenario.ts';
import type { UnitTree } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import { periodLabel, periodOfTask } from '../period-calendar.ts';
import { scoreUnitPeriod } from './score-unit-period.ts';

export type PersonPeriod = {
  period: number;
  label: string;
  /** the engine's period result; null when the person was not scored in the period */
  result: NonNullable<PersonEvaluation['periods']>[number] | null;
  tasks: number;
  late: number;
  failedReviews: number;
  excused: number;
  assessment: number | null;
  closed: boolean;
};

export type PersonPeriods = {
  cycle: Cycle;
  person: { id: string; fullName: string };
  score: number | null;
  rating: string | null;
  periods: PersonPeriod[];
  trace: TraceEntry[];
};

/**
 * A person's periods of the year as the engine scores them now, each with the evidence behind it
 * (how much work, how much late, failed reviews, excused, the head's assessment) and whether the
 * period is closed. Staff read only their own (the people where-builder decides). Null: not visible.
 */
export async function readPersonPeriods(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  tree: UnitTree;
  cycleId: string;
  personId: string;
}): Promise<PersonPeriods | null> {
  const { prisma, viewer } = options;
  const person = await prisma.person.findFirst({
    where: { id: options.personId, AND: [buildPeopleWhere({ viewer })] },
    select: { id: true, fullName: true, unitId: true },
  });
  if (!person) return null;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId).catch(() => null);
  if (!cycle) return null;
  const [tasks, assessments, closures, scores] = await Promise.all([
    prisma.task.findMany({
      where: { cycleId: cycle.id, personId: person.id },
      select: {
        period: true,
        dueOn: true,
        completedOn: true,
        majorErrors: true,
        delays: true,
        excused: true,
        assignedUnitId: true,
      },
    }),
    prisma.periodAssessment.findMany({ where: { cycleId: cycle.id, personId: person.id } }),
    prisma.periodClosure.findMany({ where: { cycleId: cycle.id, state: 'CLOSED' } }),
    prisma.$transaction((tx) => scoreUnitPeriod({ tx, tree: options.tree, cycle, unitId: person.unitId }), {
      timeout: 60_000,
    }),
  ]);
  const evaluation = scores.get(person.id) ?? null;
  const closedKeys = new Set(closures.map((row) => `${row.unitId}|${row.period}`));
  const periods: PersonPeriod[] = [];
  for (let period = 1; period <= PERIOD_COUNTS[cycle.periodKind]; period++) {
    const own = tasks.filter((task) => periodOfTask(cycle.periodKind, cycle.year, task) === period);
    const unitId = own.find((task) => task.assignedUnitId)?.assignedUnitId ?? person.unitId;
    periods.push({
      period,
      label: periodLabel(cycle.periodKind, period, cycle.year),
      result: evaluation?.periods?.find((row) => row.period === period) ?? null,
      tasks: own.length,
      late: own.filter((task) => task.completedOn && task.completedOn > task.dueOn).length,
      failedReviews: own.reduce((sum, task) => sum + task.majorErrors, 0),
      excused: own.filter((task) => task.excused).length,
      assessment: assessments.find((row) => row.period === period)?.conductAssessment ?? null,
      closed: closedKeys.has(`${unitId}|${period}`),
    });
  }
  return {
    cycle,
    person: { id: person.id, fullName: person.fullName },
    score: evaluation?.score ?? null,
    rating: evaluation?.rating ?? null,
    periods,
    trace: evaluation?.trace ?? [],
  };
}
