import type { FlagKind, FlagReview, Prisma } from '@cadre/db';
import { builder } from '../../builder.ts';
import type { LoggedInContext } from '../../context.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { FlagKindEnum, FlagReviewEnum, FlagStatusEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { descendantIds } from '../../scope/unit-tree.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { UnitRef } from '../units/unit.ts';
import { buildFlagsWhere } from './build-flags-where.ts';
import { reviewFlag } from './services/review-flag.ts';

export const FlagRef = builder.prismaNode('Flag', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildFlagsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    kind: t.expose('kind', { type: FlagKindEnum }),
    status: t.expose('status', { type: FlagStatusEnum }),
    rule: t.exposeString('rule'),
    reason: t.exposeString('reason', { description: 'why the engine raised it' }),
    review: t.expose('review', { type: FlagReviewEnum }),
    reviewReason: t.exposeString('reviewReason', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewedBy: t.relation('reviewedBy', { nullable: true, description: 'the account: administrators only' }),
    reviewedByName: t.string({
      nullable: true,
      description: 'who reviewed (display name)',
      select: { reviewedBy: { select: { displayName: true } } },
      resolve: (row) => row.reviewedBy?.displayName ?? null,
    }),
    person: t.relation('person'),
    version: t.exposeInt('version'),
  }),
});

const ReviewChoice = builder.enumType('FlagReviewChoice', {
  values: ['ACCEPTED', 'DISMISSED', 'POSTPONED'] as const,
});

type FlagsArgs = {
  cycleId: { id: string };
  kind?: FlagKind | null;
  review?: FlagReview | null;
  unitId?: { id: string } | null;
};

async function flagsWhere(context: LoggedInContext, args: FlagsArgs): Promise<Prisma.FlagWhereInput> {
  const tree = await context.unitTrees.get();
  return {
    cycleId: args.cycleId.id,
    AND: [
      buildFlagsWhere({ viewer: context.viewer }),
      args.unitId ? { person: { unitId: { in: descendantIds(tree, args.unitId.id) } } } : {},
    ],
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.review ? { review: args.review } : {}),
  };
}

builder.queryFields((t) => ({
  flags: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).prismaConnection({
    type: 'Flag',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      kind: t.arg({ type: FlagKindEnum, required: false }),
      review: t.arg({ type: FlagReviewEnum, required: false }),
      unitId: t.arg.globalID({ required: false, for: UnitRef, description: 'the unit and its subtree' }),
    },
    resolve: async (query, _root, args, context) =>
      context.prisma.flag.findMany({
        ...query,
        where: await flagsWhere(context, args),
        orderBy: [{ kind: 'asc' }, { id: 'asc' }],
      }),
    totalCount: async (_root, args, context) =>
      context.prisma.flag.count({ where: await flagsWhere(context, args) }),
  }),
}));

builder.mutationFields((t) => ({
  reviewFlag: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'Flag',
    description: 'Accept, dismiss or postpone a flag with a reason; a stale version answers ConflictError',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: FlagRef }),
      review: t.arg({ type: ReviewChoice, required: true }),
      reason: t.arg.string({ required: true }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const flag = await reviewFlag({
        prisma: context.prisma,
        viewer: context.viewer,
        flagId: args.id.id,
        review: args.review,
        reason: args.reason,
        version: args.version,
      });
      return context.prisma.flag.findUniqueOrThrow({ ...nonEmpty(query), where: { id: flag.id } });
    },
  }),
}));
