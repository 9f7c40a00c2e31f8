import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

/**
 * Accounts the viewer may read: an admin sees the accounts in their scope, everyone else only their
 * own. An account tied to no unit and no person belongs to the whole organisation: the admin of the
 * top unit sees it too (it would otherwise be in nobody's list).
 */
export function buildUsersWhere(options: { viewer: Viewer }): Prisma.UserWhereInput {
  const { viewer } = options;
  if (viewer.role !== 'ADMIN') return { id: viewer.userId };
  if (viewer.unitIds === null) return {};
  const or: Prisma.UserWhereInput[] = [
    { id: viewer.userId },
    { scopeUnitId: { in: viewer.unitIds } },
    { person: { unitId: { in: viewer.unitIds } } },
  ];
  if (viewer.ancestorUnitIds.length === 0) or.push({ scopeUnitId: null, personId: null });
  return { OR: or };
}
