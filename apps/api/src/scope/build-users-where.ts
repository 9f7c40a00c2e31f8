import type { Prisma } from '@cadre/db';
import type { Viewer } from './viewer.ts';

/** Accounts the viewer may read: an admin sees the accounts in their scope, everyone else only their own. */
export function buildUsersWhere(options: { viewer: Viewer }): Prisma.UserWhereInput {
  const { viewer } = options;
  if (viewer.role !== 'ADMIN') return { id: viewer.userId };
  if (viewer.unitIds === null) return {};
  return {
    OR: [
      { id: viewer.userId },
      { scopeUnitId: { in: viewer.unitIds } },
      { person: { unitId: { in: viewer.unitIds } } },
    ],
  };
}
