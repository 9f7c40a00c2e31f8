import type { AppealStatus, Prisma } from '@cadre/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { LoggedInContext } from '../../context.ts';
import { QuotaExceededError, RuleViolationError } from '../../errors.ts';
import { attachmentUrl } from '../../http/appeal-routes.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { RatingEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { keyed } from '../../validation.ts';
import { buildCyclesWhere } from '../cycles/build-cycles-where.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { buildAppealsWhere } from './build-appeals-where.ts';
import {
  type AttachmentListing,
  appealAttachmentTypes,
  attachmentListing,
  maxAppealAttachmentBytes,
  maxAppealAttachments,
  maxAppealAttachmentsTotalBytes,
} from './services/attach-appeal-files.ts';
import { decideAppeal } from './services/decide-appeal.ts';
import { appealReasonMinLength, fileAppeal } from './services/file-appeal.ts';
import { startAppealReview } from './services/start-appeal-review.ts';
import { withdrawAppeal } from './services/withdraw-appeal.ts';

export const AppealStatusEnum = builder.enumType('AppealStatus', {
  values: [
    'SUBMITTED',
    'UNDER_REVIEW',
    'UPHELD',
    'REJECTED',
    'WITHDRAWN',
  ] as const satisfies readonly AppealStatus[],
});

const AppealOutcomeEnum = builder.enumType('AppealOutcome', {
  values: ['UPHELD', 'REJECTED'] as const satisfies readonly AppealStatus[],
});

const AppealAttachmentType = builder.objectRef<AttachmentListing>('AppealAttachment').implement({
  description:
    'A file the appellant attached to their appeal (PDF, JPEG or PNG), downloaded by whoever sees the appeal',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('AppealAttachment', row.id) }),
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType', { description: 'the type the file’s first bytes proved' }),
    size: t.exposeInt('size', { description: 'bytes' }),
    uploadedAt: t.field({ type: 'DateTime', resolve: (row) => row.createdAt }),
    downloadUrl: t.string({
      description: 'GET it (signed in) for the file, as an attachment',
      resolve: (row) => attachmentUrl(row.id),
    }),
  }),
});

type AttachmentLimits = {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  contentTypes: string[];
  extensions: string[];
};

const AppealAttachmentLimitsType = builder.objectRef<AttachmentLimits>('AppealAttachmentLimits').implement({
  description:
    'What an appeal’s attachments may be; upload them with POST /api/appeals/{appealId}/attachments (multipart, field "files")',
  fields: (t) => ({
    maxFiles: t.exposeInt('maxFiles', { description: 'files on one appeal' }),
    maxFileBytes: t.exposeInt('maxFileBytes', { description: 'bytes of one file' }),
    maxTotalBytes: t.exposeInt('maxTotalBytes', { description: 'bytes of all of an appeal’s files' }),
    contentTypes: t.exposeStringList('contentTypes'),
    extensions: t.exposeStringList('extensions', { description: 'without the dot' }),
  }),
});

export const AppealRef = builder.prismaNode('Appeal', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildAppealsWhere({ viewer: context.viewer })] } : { id },
  description: 'A person’s appeal of their published result: SUBMITTED → UNDER_REVIEW → UPHELD | REJECTED',
  fields: (t) => ({
    cycle: t.relation('cycle'),
    person: t.relation('person'),
    result: t.relation('result'),
    reason: t.exposeString('reason', { description: 'why the filer disagrees' }),
    requested: t.expose('requested', {
      type: RatingEnum,
      nullable: true,
      description: 'the rating asked for',
    }),
    status: t.expose('status', { type: AppealStatusEnum }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'the reason given with the decision' }),
    decidedBy: t.relation('decidedBy', { nullable: true, description: 'the account: administrators only' }),
    decidedByName: t.string({
      nullable: true,
      description: 'who decided (display name), for everyone who sees the appeal',
      select: { decidedBy: { select: { displayName: true } } },
      resolve: (row) => row.decidedBy?.displayName ?? null,
    }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    filedAt: t.expose('filedAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    attachments: t.field({
      type: [AppealAttachmentType],
      description: 'the files the appellant attached, oldest first (their content by downloadUrl)',
      select: {
        attachments: { select: attachmentListing, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      },
      resolve: (row) => row.attachments,
    }),
  }),
});

const AppealsFilter = builder.inputType('AppealsFilter', {
  fields: (t) => ({
    status: t.field({ type: AppealStatusEnum, required: false }),
  }),
});

function appealsWhere(
  context: LoggedInContext,
  cycleId: string,
  filter: { status?: AppealStatus | null } | null | undefined,
): Prisma.AppealWhereInput {
  return {
    cycleId,
    cycle: buildCyclesWhere({ viewer: context.viewer }),
    AND: [buildAppealsWhere({ viewer: context.viewer })],
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

builder.queryFields((t) => ({
  appealAttachmentLimits: t.withAuth({ loggedIn: true }).field({
    type: AppealAttachmentLimitsType,
    description: 'How many files of which kinds and sizes an appeal takes',
    resolve: () => ({
      maxFiles: maxAppealAttachments,
      maxFileBytes: maxAppealAttachmentBytes,
      maxTotalBytes: maxAppealAttachmentsTotalBytes,
      contentTypes: appealAttachmentTypes.map((kind) => kind.contentType),
      extensions: appealAttachmentTypes.flatMap((kind) => [...kind.extensions]),
    }),
  }),
  appeals: t.withAuth({ loggedIn: true }).prismaConnection({
    type: 'Appeal',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    description: 'Appeals of a cycle within the caller’s scope, oldest first',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      filter: t.arg({ type: AppealsFilter, required: false }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.appeal.findMany({
        ...query,
        where: appealsWhere(context, args.cycleId.id, args.filter),
        orderBy: [{ filedAt: 'asc' }, { id: 'asc' }],
      }),
    totalCount: (_root, args, context) =>
      context.prisma.appeal.count({ where: appealsWhere(context, args.cycleId.id, args.filter) }),
  }),
  myAppeals: t.withAuth({ loggedIn: true }).prismaField({
    type: ['Appeal'],
    description: 'The caller’s own appeals, newest first',
    args: { cycleId: t.arg.globalID({ required: false, for: CycleRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.appeal.findMany({
        ...query,
        where: {
          // an account without a personnel record (the administrator) has no appeals
          personId: context.viewer.personId ?? { in: [] },
          AND: [buildAppealsWhere({ viewer: context.viewer })],
          ...(args.cycleId ? { cycleId: args.cycleId.id } : {}),
        },
        orderBy: [{ filedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

const reasonMessage = keyed('appeal.reasonShort');

builder.mutationFields((t) => ({
  fileAppeal: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Appeal',
    description:
      'Appeal one’s own published result within the cycle’s appeal window; one open appeal per result',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      reason: t.arg.string({
        required: true,
        validate: { minLength: [appealReasonMinLength, { message: reasonMessage }] },
      }),
      requested: t.arg({ type: RatingEnum, required: false, description: 'the rating asked for' }),
    },
    resolve: async (query, _root, args, context) => {
      const appeal = await fileAppeal({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        reason: args.reason,
        requested: args.requested,
      });
      return context.prisma.appeal.findUniqueOrThrow({ ...nonEmpty(query), where: { id: appeal.id } });
    },
  }),
  startAppealReview: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'Appeal',
    description:
      'Take up a submitted appeal (SUBMITTED → UNDER_REVIEW); a stale version answers ConflictError',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: AppealRef }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const appeal = await startAppealReview({
        prisma: context.prisma,
        viewer: context.viewer,
        appealId: args.id.id,
        version: args.version,
      });
      return context.prisma.appeal.findUniqueOrThrow({ ...nonEmpty(query), where: { id: appeal.id } });
    },
  }),
  decideAppeal: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'Appeal',
    description:
      'Uphold or reject an appeal under review. Upheld with a rating (default: the one requested), a new APPEAL_OUTCOME decision supersedes the latest one; hard rules and the excellent quota apply.',
    errors: { types: [...writeErrors, QuotaExceededError, RuleViolationError] },
    args: {
      id: t.arg.globalID({ required: true, for: AppealRef }),
      outcome: t.arg({ type: AppealOutcomeEnum, required: true }),
      rating: t.arg({ type: RatingEnum, required: false }),
      reason: t.arg.string({ required: true }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const appeal = await decideAppeal({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        appealId: args.id.id,
        outcome: args.outcome,
        rating: args.rating,
        reason: args.reason,
        version: args.version,
      });
      return context.prisma.appeal.findUniqueOrThrow({ ...nonEmpty(query), where: { id: appeal.id } });
    },
  }),
  withdrawAppeal: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Appeal',
    description: 'The filer withdraws their appeal while it is SUBMITTED or UNDER_REVIEW',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: AppealRef }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const appeal = await withdrawAppeal({
        prisma: context.prisma,
        viewer: context.viewer,
        appealId: args.id.id,
        version: args.version,
      });
      return context.prisma.appeal.findUniqueOrThrow({ ...nonEmpty(query), where: { id: appeal.id } });
    },
  }),
}));
