import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

/** Flags are for the personnel office: admins and officers over their scope; heads over their units. */
export function buildFlagsWhere(options: { viewer: Viewer }): Prisma.FlagWhereInput {
  const { viewer } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER' && viewer.role !== 'UNIT_HEAD')
    return { id: { in: [] } };
  return viewer.unitIds === null ? {} : { person: { unitId: { in: viewer.unitIds } } };
}
