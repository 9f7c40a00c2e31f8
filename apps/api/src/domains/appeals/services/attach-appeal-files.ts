import { createHash } from 'node:crypto';
import type { Appeal, AppealAttachment, Prisma, PrismaClient } from '@cadre/db';
import {
  ConflictError,
  ForbiddenError,
  fieldIssue,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildCyclesWhere } from '../../cycles/build-cycles-where.ts';
import { buildAppealsWhere } from '../build-appeals-where.ts';
import { openAppealStatuses } from './file-appeal.ts';

/** At most this many files on one appeal. */
export const maxAppealAttachments = 5;
/** Each file at most 5 MB. */
export const maxAppealAttachmentBytes = 5 * 1024 * 1024;
/** All of an appeal's files together at most 20 MB. */
export const maxAppealAttachmentsTotalBytes = 20 * 1024 * 1024;
/** What a multipart body may hold beyond its files (boundaries, part headers). */
export const appealUploadOverheadBytes = 64 * 1024;

/** The kinds of file an appeal takes, each with the bytes its content starts with. */
export const appealAttachmentTypes = [
  { contentType: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

export type AppealFile = { field: string; fileName: string; type: string; content: Buffer };

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** An attachment's fields, without its content. */
export const attachmentListing = {
  id: true,
  appealId: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  createdAt: true,
} satisfies Prisma.AppealAttachmentSelect;

export type AttachmentListing = Omit<AppealAttachment, 'content'>;

/**
 * The appeal the viewer may add files to: their own, still open (SUBMITTED or UNDER_REVIEW), of
 * a cycle still PUBLISHED; with what its files already use. Checked before the upload's body is
 * read, and again in the transaction that stores the files.
 */
export async function findAttachableAppeal(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  appealId: string,
): Promise<{ appeal: Appeal; count: number; bytes: number }> {
  const appeal = await tx.appeal.findFirst({
    where: { id: appealId, cycle: buildCyclesWhere({ viewer }), AND: [buildAppealsWhere({ viewer })] },
    include: { cycle: { select: { status: true } } },
  });
  if (!appeal) throw new NotFoundError('khiếu nại / appeal');
  if (!viewer.personId || appeal.personId !== viewer.personId) {
    throw new ForbiddenError(
      message('Chỉ người khiếu nại mới đính kèm được tệp', 'only the filer may attach files to an appeal'),
    );
  }
  if (appeal.cycle.status !== 'PUBLISHED') {
    throw new ConflictError(message('Kỳ đánh giá đã lưu trữ', 'the cycle is archived'));
  }
  if (!openAppealStatuses.includes(appeal.status)) {
    throw new ConflictError(
      message(`Khiếu nại đã ${appeal.status}`, `the appeal is already ${appeal.status}`),
      appeal.version,
    );
  }
  const used = await tx.appealAttachment.aggregate({
    where: { appealId: appeal.id },
    _count: { _all: true },
    _sum: { size: true },
  });
  const { cycle: _cycle, ...bare } = appeal;
  return { appeal: bare, count: used._count._all, bytes: used._sum.size ?? 0 };
}

/** The type a file's first bytes prove, when it is one an appeal takes and says it is. */
function provenType(file: AppealFile): string | null {
  const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = appealAttachmentTypes.find((candidate) => candidate.contentType === declared);
  if (!kind) return null;
  const starts = kind.magic.every((byte, index) => file.content[index] === byte);
  return starts ? kind.contentType : null;
}

/**
 * Stores files the appellant attaches to their open appeal: PDF, JPEG or PNG (the declared type
 * and the file's first bytes must agree), each and all together within the limits above. Refusals
 * name the form field; the upload is audited.
 */
export async function attachAppealFiles(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  appealId: string;
  files: AppealFile[];
}): Promise<AttachmentListing[]> {
  const { prisma, viewer, files } = options;
  const field = files[0]?.field || 'files';
  if (files.length === 0) {
    throw new ValidationError([fieldIssue(field, 'appeal.file.none')]);
  }
  const issues = files.flatMap((file) => {
    if (!provenType(file)) {
      return [fieldIssue(file.field, 'appeal.file.wrongType', { fileName: file.fileName })];
    }
    if (file.content.length > maxAppealAttachmentBytes) {
      return [
        fieldIssue(file.field, 'appeal.file.tooLarge', {
          fileName: file.fileName,
          megabytes: megabytes(maxAppealAttachmentBytes),
        }),
      ];
    }
    if (file.content.length === 0) {
      return [fieldIssue(file.field, 'appeal.file.empty', { fileName: file.fileName })];
    }
    return [];
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return prisma.$transaction(async (tx) => {
    // one upload at a time per appeal, so two cannot both pass the count and size checks
    await tx.$executeRawUnsafe(
      'SELECT pg_advisory_xact_lock(hashtext($1))',
      `appeal-files:${options.appealId}`,
    );
    const { appeal, count, bytes } = await findAttachableAppeal(tx, viewer, options.appealId);
    if (count + files.length > maxAppealAttachments) {
      throw new ValidationError([
        fieldIssue(field, 'appeal.file.tooMany', { max: maxAppealAttachments, count }),
      ]);
    }
    const adding = files.reduce((sum, file) => sum + file.content.length, 0);
    if (bytes + adding > maxAppealAttachmentsTotalBytes) {
      throw new ValidationError([
        fieldIssue(field, 'appeal.file.tooMuch', { megabytes: megabytes(maxAppealAttachmentsTotalBytes) }),
      ]);
    }
    const stored: AttachmentListing[] = [];
    for (const file of files) {
      stored.push(
        await tx.appealAttachment.create({
          data: {
            appealId: appeal.id,
            fileName: file.fileName.slice(0, 255),
            contentType: provenType(file) ?? '',
            size: file.content.length,
            sha256: createHash('sha256').update(file.content).digest('hex'),
            content: new Uint8Array(file.content),
          },
          select: attachmentListing,
        }),
      );
    }
    await writeAudit({
      tx,
      actor: viewer,
      action: 'attachAppealFiles',
      entity: 'Appeal',
      entityId: appeal.id,
      after: {
        files: stored.map((file) => ({
          id: file.id,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
        })),
      },
    });
    return stored;
  });
}

/** An attachment with its content, when the viewer may see its appeal. */
export async function findVisibleAttachment(
  prisma: PrismaClient,
  viewer: Viewer,
  attachmentId: string,
): Promise<AppealAttachment> {
  const attachment = await prisma.appealAttachment.findFirst({
    where: {
      id: attachmentId,
      appeal: { cycle: buildCyclesWhere({ viewer }), AND: [buildAppealsWhere({ viewer })] },
    },
  });
  if (!attachment) throw new NotFoundError('tệp đính kèm / attachment');
  return attachment;
}
