import { encodeGlobalID } from '@pothos/plugin-relay';
import { Hono } from 'hono';
import type { AppServices } from '../context.ts';
import {
  type AttachmentListing,
  appealUploadOverheadBytes,
  attachAppealFiles,
  findAttachableAppeal,
  findVisibleAttachment,
  maxAppealAttachmentsTotalBytes,
} from '../domains/appeals/services/attach-appeal-files.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { readBody, unreadBodyResponse } from './read-body.ts';
import { type ApiEnv, fileResponse, formFiles, idValue, jsonResponse, requireViewer } from './respond.ts';

// REST for an appeal's attachments, under /api/appeals: the appellant uploads files (multipart,
// field `files`) to their open appeal; whoever may see the appeal downloads them. Authenticated as
// GraphQL (bearer token, or the session cookie with the CSRF header for the upload).

export const appealUploadIdleMs = 15_000;

/** Where an attachment is downloaded from. */
export function attachmentUrl(attachmentId: string): string {
  return `/api/appeals/attachments/${encodeGlobalID('AppealAttachment', attachmentId)}`;
}

function attachmentAnswer(attachment: AttachmentListing) {
  return {
    id: encodeGlobalID('AppealAttachment', attachment.id),
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    url: attachmentUrl(attachment.id),
  };
}

/** The routes under /api/appeals/…; an AppError thrown here is answered by the app's error handler. */
export function appealRoutes(services: AppServices, options: { idleMs?: number } = {}): Hono<ApiEnv> {
  const idleMs = options.idleMs ?? appealUploadIdleMs;
  const routes = new Hono<ApiEnv>();
  routes.use('/api/appeals/*', requireViewer(services));

  routes.post('/api/appeals/:appeal/attachments', async (c) => {
    const viewer = c.var.viewer;
    const appealId = idValue(c.req.param('appeal'), 'appealId', 'Appeal') ?? '';
    // the appeal (the filer's own, open, of a published cycle) is checked before the body is read,
    // and the body may hold no more than the appeal's files have left
    const { bytes } = await findAttachableAppeal(services.prisma, viewer, appealId);
    const limit = Math.max(0, maxAppealAttachmentsTotalBytes - bytes) + appealUploadOverheadBytes;
    let body: Buffer;
    try {
      body = await readBody(c, limit, idleMs);
    } catch (error) {
      return unreadBodyResponse(error, limit);
    }
    const files = await formFiles(c.req.header('content-type') ?? '', body);
    if (!files) {
      throw new ValidationError([
        {
          field: 'files',
          message: 'Gửi tệp trong biểu mẫu multipart / send the files as multipart/form-data',
        },
      ]);
    }
    const stored = await attachAppealFiles({ prisma: services.prisma, viewer, appealId, files });
    return jsonResponse(201, { attachments: stored.map(attachmentAnswer) });
  });

  routes.get('/api/appeals/attachments/:attachment', async (c) => {
    const id = idValue(c.req.param('attachment'), 'attachmentId', 'AppealAttachment') ?? '';
    const attachment = await findVisibleAttachment(services.prisma, c.var.viewer, id);
    return fileResponse(attachment.fileName, attachment.contentType, attachment.content);
  });

  routes.all('/api/appeals/*', () => {
    throw new NotFoundError('tệp / file');
  });
  return routes;
}
