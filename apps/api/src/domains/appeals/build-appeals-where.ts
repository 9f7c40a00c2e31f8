import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

const nothing = { id: { in: [] } } satisfies Prisma.AppealWhereInput;

/**
 * Which appeals the viewer may read. Everyone with a linked person: their own appeals (the filer
 * must be able to follow and withdraw them). Admin and officer: appeals against results in their
 * scope; unit head: their subtree (the result's evaluated unit, as for results). Council members
 * and staff see no one else's appeal.
 */
export function buildAppealsWhere(options: { viewer: Viewer }): Prisma.AppealWhereInput {
  const { viewer } = options;
  const or: Prisma.AppealWhereInput[] = [];
  if (viewer.role === 'ADMIN' || viewer.role === 'OFFICER' || viewer.role === 'UNIT_HEAD') {
    if (viewer.unitIds === null) return {};
    or.push({ result: { unitId: { in: viewer.unitIds } } });
  }
  if (viewer.personId) or.push({ personId: viewer.personId });
  if (or.length === 0) return nothing;
  return or.length === 1 ? (or[0] as Prisma.AppealWhereInput) : { OR: or };
}
