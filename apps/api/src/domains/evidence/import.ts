import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { importKinds } from '../../imports/import-kinds.ts';
import { buildImportBatchesWhere } from './build-import-batches-where.ts';

// Imports are uploaded over REST (POST /api/import), which queues them as jobs; GraphQL shows the
// batches, their progress while queued and validating, and their row errors.

export const ImportKindEnum = builder.enumType('ImportKind', {
  values: Object.keys(importKinds) as (keyof typeof importKinds)[],
});

const ImportStatusEnum = builder.enumType('ImportStatus', {
  values: {
    QUEUED: { description: 'uploaded; waiting for a worker to take it' },
    VALIDATING: { description: 'a worker is reading, checking and writing it' },
    FAILED: { description: 'refused or failed: nothing was written (see errors)' },
    APPLIED: { description: 'every row was written' },
  } as const,
});

builder.prismaObject('ImportRowError', {
  fields: (t) => ({
    row: t.exposeInt('row', {
      description: 'spreadsheet row number (the header is row 1; 0 = the whole file)',
    }),
    field: t.exposeString('field'),
    value: t.exposeString('value', { nullable: true }),
    message: t.exposeString('message', { description: 'in Vietnamese' }),
    messageKey: t.exposeString('messageKey', {
      nullable: true,
      description:
        'the key of the message in packages/messages, for clients that show it in another language',
    }),
    messageParams: t.expose('messageParams', { type: 'JSON', nullable: true }),
  }),
});

export const ImportBatchRef = builder.prismaNode('ImportBatch', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildImportBatchesWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    kind: t.expose('kind', { type: ImportKindEnum }),
    status: t.expose('status', { type: ImportStatusEnum }),
    fileName: t.exposeString('fileName'),
    fileSize: t.exposeInt('fileSize'),
    totalRows: t.exposeInt('totalRows', {
      description: 'data rows read so far while VALIDATING (the file’s total once finished)',
    }),
    expectedRows: t.exposeInt('expectedRows', {
      nullable: true,
      description:
        'about how many data rows the file holds (a CSV’s lines, a sheet’s dimension), known once a worker has taken it; progress is totalRows of these',
    }),
    validRows: t.exposeInt('validRows', {
      description: 'rows checked so far while VALIDATING; rows written once APPLIED',
    }),
    errorCount: t.exposeInt('errorCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    cycle: t.relation('cycle', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    errors: t.relatedConnection('errors', {
      cursor: 'id',
      defaultSize: 100,
      maxSize: 1000,
      totalCount: true,
      query: { orderBy: [{ row: 'asc' }, { id: 'asc' }] },
    }),
    errorReportUrl: t.string({
      nullable: true,
      description: 'the row-by-row error report (.xlsx; .csv at the same path)',
      resolve: (batch) =>
        batch.status === 'FAILED'
          ? `/api/import/${encodeGlobalID('ImportBatch', batch.id)}/errors.xlsx`
          : null,
    }),
  }),
});

builder.queryFields((t) => ({
  importBatch: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ImportBatch',
    nullable: true,
    description: 'One import batch (poll it for progress while QUEUED or VALIDATING)',
    args: { id: t.arg.globalID({ required: true, for: ImportBatchRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.importBatch.findFirst({
        ...query,
        where: { id: args.id.id, AND: [buildImportBatchesWhere({ viewer: context.viewer })] },
      }),
  }),
  importBatches: t.withAuth({ loggedIn: true }).prismaConnection({
    type: 'ImportBatch',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 200,
    description:
      'The caller’s own imports; admins and officers also those of the cycles they see. Newest first.',
    resolve: (query, _root, _args, context) =>
      context.prisma.importBatch.findMany({
        ...query,
        where: buildImportBatchesWhere({ viewer: context.viewer }),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    totalCount: (_root, _args, context) =>
      context.prisma.importBatch.count({ where: buildImportBatchesWhere({ viewer: context.viewer }) }),
  }),
}));
