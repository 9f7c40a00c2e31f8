import type { IssuedDocument, NationalExport } from '@cadre/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { LoggedInContext } from '../../context.ts';
import { listNationalDeadlines, type NationalDeadline } from '../../documents/national-export.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { assertManages, findVisibleCycle } from '../cycles/cycle-access.ts';

// The register of issued documents and the record of national database exports, for the managers
// of a cycle; the files themselves are served by /api/documents (http/document-routes.ts).

type IssuedRow = Omit<IssuedDocument, 'content'>;

const IssuedDocumentKindEnum = builder.enumType('IssuedDocumentKind', {
  values: [
    'RATING_DECISION',
    'TITLE_DECISION',
    'COUNCIL_MINUTES',
    'BALLOT_COUNT',
    'APPEAL_ANSWER',
    'CYCLE_REPORT',
  ] as const,
});

const IssuedDocumentRef = builder.objectRef<IssuedRow>('IssuedDocument').implement({
  description: 'A document issued with a number in the issuer’s register, signed (Nghị định 30/2020)',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: IssuedDocumentKindEnum }),
    number: t.exposeString('number', { description: 'e.g. 251/QĐ-UBND' }),
    issuedOn: t.expose('issuedOn', { type: 'DateTime' }),
    title: t.exposeString('title'),
    sha256: t.exposeString('sha256', { description: 'checksum of the issued (signed) PDF' }),
    signerName: t.exposeString('signerName', { nullable: true }),
    certificateSubject: t.exposeString('certificateSubject', { nullable: true }),
    certificateIssuer: t.exposeString('certificateIssuer', { nullable: true }),
    signedAt: t.expose('signedAt', { type: 'DateTime', nullable: true }),
    downloadUrl: t.string({ resolve: (row) => `/api/documents/issued/${row.id}.pdf` }),
  }),
});

const NationalExportRef = builder.objectRef<NationalExport>('NationalExport').implement({
  description: 'A file made for the national personnel database (Nghị định 27/2026): what, when, by whom',
  fields: (t) => ({
    id: t.exposeID('id'),
    schemaVersion: t.exposeString('schemaVersion'),
    format: t.exposeString('format'),
    fileName: t.exposeString('fileName'),
    sha256: t.exposeString('sha256'),
    bytes: t.exposeInt('bytes'),
    records: t.exposeInt('records'),
    decidedUntil: t.expose('decidedUntil', { type: 'DateTime', nullable: true }),
    dueOn: t.expose('dueOn', { type: 'DateTime', nullable: true }),
    createdByName: t.exposeString('createdByName', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const DeadlineStatusEnum = builder.enumType('NationalExportStatus', {
  values: ['SENT', 'LATE', 'DUE', 'OVERDUE'] as const,
});

const NationalDeadlineRef = builder.objectRef<NationalDeadline>('NationalExportDeadline').implement({
  description:
    'Per published cycle: the latest decision, the last day to send it (3 working days) and what was sent',
  fields: (t) => ({
    cycleId: t.id({ resolve: (row) => encodeGlobalID('Cycle', row.cycleId) }),
    cycleName: t.exposeString('cycleName'),
    year: t.exposeInt('year'),
    decidedUntil: t.expose('decidedUntil', { type: 'DateTime', nullable: true }),
    dueOn: t.expose('dueOn', { type: 'DateTime', nullable: true }),
    lastSentAt: t.expose('lastSentAt', { type: 'DateTime', nullable: true }),
    lastSha256: t.exposeString('lastSha256', { nullable: true }),
    status: t.expose('status', { type: DeadlineStatusEnum }),
  }),
});

async function managedCycle(context: LoggedInContext, cycleId: string) {
  const cycle = await findVisibleCycle(context.prisma, context.viewer, cycleId);
  assertManages(context.viewer, cycle);
  return cycle;
}

builder.queryFields((t) => ({
  issuedDocuments: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).field({
    type: [IssuedDocumentRef],
    description: 'Documents issued in a cycle, newest first (the cycle’s managers)',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: async (_root, args, context) => {
      const cycle = await managedCycle(context, args.cycleId.id);
      return context.prisma.issuedDocument.findMany({
        where: { cycleId: cycle.id },
        omit: { content: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
  nationalExports: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).field({
    type: [NationalExportRef],
    description: 'Files made for the national personnel database from a cycle, newest first',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: async (_root, args, context) => {
      const cycle = await managedCycle(context, args.cycleId.id);
      return context.prisma.nationalExport.findMany({
        where: { cycleId: cycle.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
  nationalExportDeadlines: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).field({
    type: [NationalDeadlineRef],
    description:
      'Published cycles the caller manages, with their national export due date and status; overdue ones first',
    resolve: async (_root, _args, context) => {
      const rows = await listNationalDeadlines({ prisma: context.prisma, viewer: context.viewer });
      const order = { OVERDUE: 0, DUE: 1, LATE: 2, SENT: 3 } as const;
      return rows.sort((a, b) => order[a.status] - order[b.status]);
    },
  }),
}));
