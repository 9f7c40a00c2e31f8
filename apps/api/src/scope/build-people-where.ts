import type { Prisma } from '@cadre/db';
import type { Viewer } from './viewer.ts';

const nothing = { id: { in: [] } } satisfies Prisma.PersonWhereInput;

/**
 * Which people the viewer may read. Admin, officer and head: their scope subtree (no scope unit =
 * everything for admin/officer). Council member: nominees inside their councils' scope, and
 * themselves. Staff: only themselves.
 */
export function buildPeopleWhere(options: { viewer: Viewer }): Prisma.PersonWhereInput {
  const { viewer } = options;
  const self: Prisma.PersonWhereInput = viewer.personId ? { id: viewer.personId } : nothing;
  switch (viewer.role) {
    case 'ADMIN':
    case 'OFFICER':
    case 'UNIT_HEAD':
      return viewer.unitIds === null ? {} : { OR: [{ unitId: { in: viewer.unitIds } }, self] };
    case 'COUNCIL_MEMBER':
      return {
        OR: [self, { unitId: { in: viewer.councilUnitIds }, proposals: { some: {} } }],
      };
    default:
      return self;
  }
}
