import type { Prisma } from '@cadre/db';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { Viewer } from '../../scope/viewer.ts';
import { buildUsersWhere } from '../accounts/build-users-where.ts';
import { buildAuditWhere } from './build-audit-where.ts';
import { verifyAuditChain } from './services/write-audit.ts';

builder.prismaObject('AuditLog', {
  name: 'AuditEntry',
  fields: (t) => ({
    id: t.string({ resolve: (entry) => entry.id.toString() }),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorName: t.exposeString('actorName', { nullable: true }),
    action: t.exposeString('action'),
    entity: t.exposeString('entity'),
    entityId: t.exposeString('entityId', { nullable: true }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash'),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  fields: (t) => ({
    entity: t.string({ required: false, description: 'e.g. Person, Unit, Cycle, EvaluationResult, User' }),
    entityId: t.string({ required: false, description: 'the database id (not the global id)' }),
    actorId: t.string({ required: false }),
  }),
});

async function auditWhere(
  context: Context & { viewer: Viewer },
  filter: { entity?: string | null; entityId?: string | null; actorId?: string | null } | null | undefined,
): Promise<Prisma.AuditLogWhereInput> {
  const scopedActorIds =
    context.viewer.unitIds === null
      ? []
      : (
          await context.prisma.user.findMany({
            where: buildUsersWhere({ viewer: { ...context.viewer, role: 'ADMIN' } }),
            select: { id: true },
          })
        ).map((user) => user.id);
  const and: Prisma.AuditLogWhereInput[] = [buildAuditWhere({ viewer: context.viewer, scopedActorIds })];
  if (filter?.entity) and.push({ entity: filter.entity });
  if (filter?.entityId) and.push({ entityId: filter.entityId });
  if (filter?.actorId) and.push({ actorId: filter.actorId });
  return { AND: and };
}

const AuditChainStatus = builder
  .objectRef<{ valid: boolean; checked: number; brokenAtId: string | null }>('AuditChainStatus')
  .implement({
    fields: (t) => ({
      valid: t.exposeBoolean('valid'),
      checked: t.exposeInt('checked'),
      brokenAtId: t.exposeString('brokenAtId', { nullable: true }),
    }),
  });

builder.queryFields((t) => ({
  auditLog: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaConnection({
    type: 'AuditLog',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    description: 'Newest first. Admins and personnel officers only.',
    args: { filter: t.arg({ type: AuditFilter, required: false }) },
    resolve: async (query, _root, args, context) =>
      context.prisma.auditLog.findMany({
        ...query,
        where: await auditWhere(context, args.filter),
        orderBy: { id: 'desc' },
      }),
    totalCount: async (_root, args, context) =>
      context.prisma.auditLog.count({ where: await auditWhere(context, args.filter) }),
  }),
  auditChain: t.withAuth({ role: 'ADMIN' }).field({
    type: AuditChainStatus,
    description: 'Recomputes every hash of the audit log and reports the first broken link',
    resolve: (_root, _args, context) => verifyAuditChain({ prisma: context.prisma }),
  }),
}));
