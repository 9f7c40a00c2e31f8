import type { Cycle, PeriodClosure, Prisma, Unit } from '@cadre/db';
import { ForbiddenError, NotFoundError } from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildUnitsWhere } from '../../units/build-units-where.ts';
import { assertPeriod } from '../period-calendar.ts';

export type TrackedUnit = { cycle: Cycle; unit: Unit; closure: PeriodClosure | null };

/**
 * The cycle, unit and period a head or personnel officer tracks: the cycle visible, the unit inside
 * the viewer's scope (out of scope and missing look the same), the period within the cycle's kind.
 */
export async function findTrackedUnit(options: {
  tx: Prisma.TransactionClient;
  viewer: Viewer;
  cycleId: string;
  unitId: string;
  period: number;
  write?: boolean;
}): Promise<TrackedUnit> {
  const { tx, viewer } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
  assertPeriod(cycle.periodKind, options.period);
  if (options.write) assertWritable(cycle);
  const unit = await tx.unit.findFirst({
    where: { id: options.unitId, AND: [buildUnitsWhere({ viewer })] },
  });
  if (!unit || !unitInScope(viewer, unit.id)) throw new NotFoundError('đơn vị / unit');
  const closure = await tx.periodClosure.findUnique({
    where: { cycleId_unitId_period: { cycleId: cycle.id, unitId: unit.id, period: options.period } },
  });
  return { cycle, unit, closure };
}
