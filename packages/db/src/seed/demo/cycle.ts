// The 2026 cycle: open, quarterly, with a deadline per stage and its opening by the officer.
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Draw, UnitTree } from './shared.ts';
import { year } from './shared.ts';

export type DemoCycle = {
  cycle: Prisma.CycleCreateManyInput & { id: string };
  deadlines: Prisma.CycleDeadlineCreateManyInput[];
  transitions: Prisma.CycleTransitionCreateManyInput[];
};

export function buildCycle({ newId }: Draw, { root }: UnitTree, officerId: string | null): DemoCycle {
  const cycle = {
    id: newId(),
    year,
    name: `Đánh giá, xếp loại chất lượng và thi đua năm ${year}`,
    packId: 'vn-nd335-2025',
    periodKind: 'QUARTER' as const,
    status: 'OPEN' as const,
    scopeUnitId: root.id,
    appealDays: 15,
    createdById: officerId,
  };
  const deadlines = (
    [
      ['OPEN', day(year, 12, 15), 'STAFF'],
      ['ASSESSMENT', day(year, 12, 25), 'UNIT_HEAD'],
      ['REVIEW', day(year + 1, 1, 10), 'COUNCIL_MEMBER'],
      ['APPROVED', day(year + 1, 1, 15), 'OFFICER'],
      ['PUBLISHED', day(year + 1, 1, 20), 'OFFICER'],
    ] as const
  ).map(([stage, dueOn, ownerRole]) => ({ id: newId(), cycleId: cycle.id, stage, dueOn, ownerRole }));
  const transitions = [
    {
      id: newId(),
      cycleId: cycle.id,
      fromStatus: 'DRAFT' as const,
      toStatus: 'OPEN' as const,
      byUserId: officerId,
      at: new Date(Date.UTC(year, 0, 5, 2, 0, 0)),
    },
  ];
  return { cycle, deadlines, transitions };
}
