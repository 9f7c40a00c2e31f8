import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

/**
 * Which units the viewer may read: their scope subtree, plus the chain above it (names only
 * matter there: a department head sees which province they belong to). Staff: their own unit and
 * the chain above. Council members: their councils' subtrees.
 */
export function buildUnitsWhere(options: { viewer: Viewer }): Prisma.UnitWhereInput {
  const { viewer } = options;
  if (viewer.unitIds === null) return {};
  const ids = new Set<string>(viewer.ancestorUnitIds);
  for (const id of viewer.unitIds) ids.add(id);
  for (const id of viewer.councilUnitIds) ids.add(id);
  if (viewer.personUnitId) ids.add(viewer.personUnitId);
  return { id: { in: [...ids] } };
}
