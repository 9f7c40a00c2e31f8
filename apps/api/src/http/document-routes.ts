import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { AppServices } from '../context.ts';
import {
  findIssuedDocument,
  type IssuableKind,
  issuableKinds,
  issueDocument,
  loadSigner,
} from '../documents/issue-document.ts';
import { renderDocument, renderDocuments } from '../documents/layout.ts';
import { exportToNationalDatabase } from '../documents/national-export.ts';
import { printAppealAnswer } from '../documents/print-appeal-answer.ts';
import { printSessionDocument } from '../documents/print-council-documents.ts';
import {
  exportCycleReportWorkbook,
  printCycleReport,
  printRatingDecision,
  printTitleDecision,
} from '../documents/print-cycle-documents.ts';
import { printRatingForms } from '../documents/print-rating-forms.ts';
import type { Signer } from '../documents/signer.ts';
import { verifySignedPdf } from '../documents/verify-pdf.ts';
import { AppError, appErrorMapping, NotFoundError, ValidationError } from '../errors.ts';
import { sendJson, toFetchRequest } from './respond.ts';

// REST for the official documents of a cycle, under /api/documents: printing each document,
// issuing (numbering and signing) a decision or report, downloading what was issued, verifying an
// uploaded signed PDF, and the file for the national personnel database. Authenticated as GraphQL
// (bearer token, or the session cookie with the CSRF header for POST).

const maxVerifyBytes = 20 * 1024 * 1024;

const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
} as const;

function sendFile(
  response: ServerResponse,
  fileName: string,
  format: keyof typeof contentTypes,
  content: Buffer,
  extra: Record<string, string> = {},
) {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  response.writeHead(200, {
    'content-type': contentTypes[format],
    'content-length': content.length,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  response.end(content);
}

function idParam(url: URL, name: string, typename: string, required: true): string;
function idParam(url: URL, name: string, typename: string, required?: false): string | null;
function idParam(url: URL, name: string, typename: string, required = false): string | null {
  const value = url.searchParams.get(name);
  if (!value) {
    if (required)
      throw new ValidationError([{ field: name, message: `Thiếu ${name} / ${name} is required` }]);
    return null;
  }
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // a raw id
  }
  if (!/^[0-9a-f-]{36}$/i.test(value)) {
    throw new ValidationError([
      { field: name, message: `Mã ${typename} không hợp lệ / not an id of a ${typename}` },
    ]);
  }
  return value;
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

/** The uploaded PDF: the body itself, or the first file of a multipart form. */
async function uploadedPdf(request: IncomingMessage, body: Buffer): Promise<Buffer> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return body;
  const form = await new Request('http://local/upload', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length),
  })
    .formData()
    .catch(() => {
      throw new ValidationError([
        { field: 'file', message: 'Biểu mẫu tải lên hỏng / malformed multipart body' },
      ]);
    });
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  throw new ValidationError([{ field: 'file', message: 'Chưa chọn tệp / no file in the form' }]);
}

const signers = new Map<string, Signer>();

function serverSigner(services: AppServices): Signer {
  const key = `${services.config.production}:${services.config.dataDir}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = loadSigner({ production: services.config.production, dataDir: services.config.dataDir });
    signers.set(key, signer);
  }
  return signer;
}

/** Answers /api/documents/…; false for any other path. */
export async function handleDocumentRoutes(
  services: AppServices,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (!path.startsWith('/api/documents/')) return false;
  const method = request.method ?? 'GET';
  try {
    const auth = await authenticateRequest({
      prisma: services.prisma,
      unitTrees: services.unitTrees,
      request: toFetchRequest(request),
      requireCsrf: method !== 'GET' && method !== 'HEAD',
    });
    if (!auth.viewer) {
      request.resume();
      sendJson(response, 401, {
        error: auth.failure ?? 'Cần đăng nhập / Authentication required',
        code: 'UNAUTHENTICATED',
      });
      return true;
    }
    const viewer = auth.viewer;
    const base = { prisma: services.prisma, viewer, unitTrees: services.unitTrees };
    const issued = /^\/api\/documents\/issued\/([^/]+)\.pdf$/.exec(path);
    const national = /^\/api\/documents\/national-export\.(json|xml)$/.exec(path);
    if (method === 'POST' && path === '/api/documents/verify') {
      const body = await readBody(request, maxVerifyBytes);
      if (!body) {
        response.setHeader('connection', 'close');
        sendJson(response, 413, { error: 'Tệp quá lớn / file too large', code: 'PAYLOAD_TOO_LARGE' });
        return true;
      }
      const check = verifySignedPdf(await uploadedPdf(request, body));
      sendJson(response, 200, { ...check, signedAt: check.signedAt?.toISOString() ?? null });
      return true;
    }
    if (method === 'POST' && path === '/api/documents/issue') {
      request.resume();
      const kind = (url.searchParams.get('kind') ?? '').toUpperCase().replace(/-/g, '_');
      if (!issuableKinds.includes(kind as IssuableKind)) {
        throw new ValidationError([
          { field: 'kind', message: `Loại văn bản "${kind}" không ban hành được / kind cannot be issued` },
        ]);
      }
      const { record, content } = await issueDocument({
        ...base,
        signer: serverSigner(services),
        cycleId: idParam(url, 'cycleId', 'Cycle', true),
        kind: kind as IssuableKind,
        sourceId: idParam(url, 'decisionId', 'TitleDecision'),
      });
      sendFile(response, `${record.number.replace(/\//g, '-')}.pdf`, 'pdf', content, {
        'x-document-id': record.id,
        'x-document-number': encodeURIComponent(record.number),
        'x-document-sha256': record.sha256,
      });
      return true;
    }
    if (method !== 'GET') throw new NotFoundError('tệp / file');
    if (issued) {
      const record = await findIssuedDocument({ ...base, id: decodeURIComponent(issued[1] ?? '') });
      sendFile(response, `${record.number.replace(/\//g, '-')}.pdf`, 'pdf', Buffer.from(record.content), {
        'x-document-sha256': record.sha256,
      });
      return true;
    }
    if (national) {
      const format = national[1] === 'xml' ? 'xml' : 'json';
      const { record, fileName, content } = await exportToNationalDatabase({
        ...base,
        cycleId: idParam(url, 'cycleId', 'Cycle', true),
        format,
      });
      sendFile(response, fileName, format, content, {
        'x-export-id': record.id,
        'x-export-sha256': record.sha256,
      });
      return true;
    }
    switch (path) {
      case '/api/documents/rating-forms.pdf': {
        const forms = await printRatingForms({
          ...base,
          cycleId: idParam(url, 'cycleId', 'Cycle', true),
          personId: idParam(url, 'personId', 'Person'),
          unitId: idParam(url, 'unitId', 'Unit'),
        });
        if (forms.documents.length === 0) throw new NotFoundError('phiếu đánh giá / rating form');
        sendFile(response, forms.fileName, 'pdf', await renderDocuments(forms.documents));
        return true;
      }
      case '/api/documents/rating-decision.pdf':
      case '/api/documents/title-decision.pdf':
      case '/api/documents/cycle-report.pdf': {
        const cycleId = idParam(url, 'cycleId', 'Cycle', true);
        const printed =
          path === '/api/documents/rating-decision.pdf'
            ? await printRatingDecision({ ...base, cycleId })
            : path === '/api/documents/title-decision.pdf'
              ? await printTitleDecision({
                  ...base,
                  cycleId,
                  decisionId: idParam(url, 'decisionId', 'TitleDecision'),
                })
              : await printCycleReport({ ...base, cycleId });
        sendFile(response, printed.fileName, 'pdf', await renderDocument(printed.document));
        return true;
      }
      case '/api/documents/cycle-report.xlsx': {
        const file = await exportCycleReportWorkbook({
          ...base,
          cycleId: idParam(url, 'cycleId', 'Cycle', true),
        });
        sendFile(response, file.fileName, 'xlsx', file.content);
        return true;
      }
      case '/api/documents/council-minutes.pdf':
      case '/api/documents/ballot-count.pdf': {
        const printed = await printSessionDocument({
          ...base,
          sessionId: idParam(url, 'sessionId', 'CouncilSession', true),
          kind: path === '/api/documents/council-minutes.pdf' ? 'minutes' : 'ballot-count',
        });
        sendFile(response, printed.fileName, 'pdf', await renderDocument(printed.document));
        return true;
      }
      case '/api/documents/appeal-answer.pdf': {
        const printed = await printAppealAnswer({
          ...base,
          appealId: idParam(url, 'appealId', 'Appeal', true),
        });
        sendFile(response, printed.fileName, 'pdf', await renderDocument(printed.document));
        return true;
      }
      default:
        throw new NotFoundError('tệp / file');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    request.resume();
    sendJson(response, appErrorMapping[error.code].http, {
      error: error.message,
      code: appErrorMapping[error.code].graphql,
      ...error.details,
    });
    return true;
  }
}
