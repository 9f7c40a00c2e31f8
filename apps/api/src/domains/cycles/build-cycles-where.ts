import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

/** Cycles whose agency covers the viewer's scope (above it) or lies inside it. */
export function buildCyclesWhere(options: { viewer: Viewer }): Prisma.CycleWhereInput {
  const { viewer } = options;
  if (viewer.unitIds === null) return {};
  const ids = new Set<string>(viewer.ancestorUnitIds);
  for (const id of viewer.unitIds) ids.add(id);
  for (const id of viewer.councilUnitIds) ids.add(id);
  const where: Prisma.CycleWhereInput = { scopeUnitId: { in: [...ids] } };
  // staff and council members never see a cycle before it is opened
  return viewer.role === 'STAFF' || viewer.role === 'COUNCIL_MEMBER'
    ? { AND: [where, { status: { not: 'DRAFT' } }] }
    : where;
}
