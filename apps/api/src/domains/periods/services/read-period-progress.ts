import type { Cycle, PeriodClosure, PrismaClient, Unit } from '@cadre/db';
import { PERIOD_COUNTS } from '@cadre/rules';
import { ForbiddenError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildUnitsWhere } from '../../units/build-units-where.ts';

export type UnitProgress = { unit: Unit; closures: PeriodClosure[] };
export type PeriodProgress = {
  cycle: Cycle;
  periodCount: number;
  units: UnitProgress[];
  /** per period 1..n: how many of the units have closed it */
  closedCounts: number[];
};

/** Which units in force in the viewer's scope have closed which periods of the cycle (the province's progress). */
export async function readPeriodProgress(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
}): Promise<PeriodProgress> {
  const { prisma, viewer } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const yearStart = new Date(Date.UTC(cycle.year, 0, 1));
  const units = await prisma.unit.findMany({
    where: {
      AND: [
        buildUnitsWhere({ viewer }),
        { OR: [{ validTo: null }, { validTo: { gte: yearStart } }] },
        { people: { some: { active: true } } },
      ],
    },
    include: { periodClosures: { where: { cycleId: cycle.id }, orderBy: { period: 'asc' } } },
    orderBy: { code: 'asc' },
  });
  const periodCount = PERIOD_COUNTS[cycle.periodKind];
  const closedCounts = Array.from(
    { length: periodCount },
    (_, index) =>
      units.filter((unit) =>
        unit.periodClosures.some((closure) => closure.period === index + 1 && closure.state === 'CLOSED'),
      ).length,
  );
  return {
    cycle,
    periodCount,
    units: units.map(({ periodClosures, ...unit }) => ({ unit, closures: periodClosures })),
    closedCounts,
  };
}
