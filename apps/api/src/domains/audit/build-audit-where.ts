import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

const nothing = { id: { in: [] } } satisfies Prisma.AuditLogWhereInput;

/**
 * Audit entries the viewer may read: admins and officers only. A province-wide one sees
 * everything; a scoped one sees what was done by accounts inside their scope.
 */
export function buildAuditWhere(options: {
  viewer: Viewer;
  /** accounts inside a scoped viewer's scope (from buildUsersWhere) */
  scopedActorIds: string[];
}): Prisma.AuditLogWhereInput {
  const { viewer } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') return nothing;
  if (viewer.unitIds === null) return {};
  return { OR: [{ actorId: viewer.userId }, { actorId: { in: options.scopedActorIds } }] };
}
