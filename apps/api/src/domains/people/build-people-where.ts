import { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

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

/**
 * The same rows as buildPeopleWhere, as an SQL condition on `"Person" p`, for the one statement
 * Prisma cannot express (the ranked people search, services/search-people.ts). Kept beside the
 * Prisma form and proven equal to it for every role in services/search-people.test.ts.
 */
export function buildPeopleWhereSql(options: { viewer: Viewer }): Prisma.Sql {
  const { viewer } = options;
  const self = viewer.personId ? Prisma.sql`p.id = ${viewer.personId}` : Prisma.sql`FALSE`;
  const inUnits = (unitIds: string[]) =>
    unitIds.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`p."unitId" IN (${Prisma.join(unitIds)})`;
  switch (viewer.role) {
    case 'ADMIN':
    case 'OFFICER':
    case 'UNIT_HEAD':
      return viewer.unitIds === null ? Prisma.sql`TRUE` : Prisma.sql`(${inUnits(viewer.unitIds)} OR ${self})`;
    case 'COUNCIL_MEMBER':
      return Prisma.sql`(${self} OR (${inUnits(viewer.councilUnitIds)} AND EXISTS (SELECT 1 FROM "TitleProposal" tp WHERE tp."personId" = p.id)))`;
    default:
      return self;
  }
}
