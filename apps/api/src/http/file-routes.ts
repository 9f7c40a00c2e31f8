import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImportKind } from '@cadre/db';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { AppServices } from '../context.ts';
import { AppError, appErrorMapping, NotFoundError, ValidationError } from '../errors.ts';
import { buildImportErrorReport } from '../exports/import-error-report.ts';
import { buildTemplate } from '../imports/build-template.ts';
import { findImportKind } from '../imports/import-columns.ts';
import { buildImportBatchesWhere } from '../scope/build-import-batches-where.ts';
import type { Viewer } from '../scope/viewer.ts';
import { assertWritable, findVisibleCycle } from '../services/cycle-access.ts';
import {
  exportRatingForm,
  exportResultsWorkbook,
  exportTitleDecisions,
  exportUnitRatings,
} from '../services/export-results.ts';
import { assertMayImport, importEvidence } from '../services/import-evidence.ts';
import { sendJson, toFetchRequest } from './respond.ts';

// REST for files, beside GraphQL: import templates, uploads, error reports and exports.
// Authenticated exactly as GraphQL (bearer token, or the session cookie — with the CSRF header
// for the upload; downloads are plain GET links the browser follows).

export const maxUploadBytes = 50 * 1024 * 1024;

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

class PayloadTooLargeError extends Error {}
class UploadStalledError extends Error {}

/** An upload that sends nothing for this long is cut off (408): no connection held by a stall. */
export const uploadIdleMs = 15_000;

function sendFile(
  response: ServerResponse,
  fileName: string,
  format: keyof typeof contentTypes,
  content: Buffer,
) {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  response.writeHead(200, {
    'content-type': contentTypes[format],
    'content-length': content.length,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(content);
}

function sendError(response: ServerResponse, error: AppError): void {
  sendJson(response, appErrorMapping[error.code].http, {
    error: error.message,
    code: appErrorMapping[error.code].graphql,
    ...error.details,
  });
}

/** A Relay global id (as GraphQL hands out) or a raw database id. */
function idParam(value: string | null, typename: string, field: string): string | null {
  if (!value) return null;
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // not a global id: a raw id
  }
  if (!/^[0-9a-f-]{36}$/i.test(value)) {
    throw new ValidationError([
      { field, message: `Mã ${typename} không hợp lệ / not an id of a ${typename}` },
    ]);
  }
  return value;
}

function requiredId(url: URL, name: string, typename: string): string {
  const id = idParam(url.searchParams.get(name), typename, name);
  if (!id) throw new ValidationError([{ field: name, message: `Thiếu ${name} / ${name} is required` }]);
  return id;
}

/**
 * Reads the body up to `limit` bytes; refuses at once on a declared length above it, and gives up
 * when no byte arrives for `idleMs`.
 */
function readBody(request: IncomingMessage, limit: number, idleMs: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new PayloadTooLargeError());
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      if (error) {
        // stop taking bytes; the answer goes out and the connection is closed after it
        request.pause();
        reject(error);
      } else {
        resolve(Buffer.concat(parts));
      }
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new UploadStalledError()), idleMs);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(new PayloadTooLargeError());
      parts.push(chunk);
      arm();
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    arm();
  });
}

/** The uploaded file: the first file part of a multipart form, or the raw body. */
async function uploadedFile(
  request: IncomingMessage,
  body: Buffer,
  url: URL,
): Promise<{ fileName: string; content: Buffer }> {
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
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
      if (typeof value !== 'string') {
        return { fileName: value.name || 'upload', content: Buffer.from(await value.arrayBuffer()) };
      }
    }
    throw new ValidationError([{ field: 'file', message: 'Chưa chọn tệp / no file in the form' }]);
  }
  const headerName = request.headers['x-file-name'];
  const fileName =
    url.searchParams.get('fileName') ??
    (typeof headerName === 'string' ? decodeURIComponent(headerName) : null) ??
    (contentType.includes('csv') ? 'upload.csv' : 'upload');
  return { fileName, content: body };
}

async function handleUpload(
  services: AppServices,
  viewer: Viewer,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  limit: number,
  idleMs: number,
): Promise<void> {
  const kindName = url.searchParams.get('kind') ?? '';
  const spec = findImportKind(kindName);
  if (!spec) {
    throw new ValidationError([
      { field: 'kind', message: `Loại dữ liệu "${kindName}" không hợp lệ / unknown import kind` },
    ]);
  }
  const cycleId = idParam(url.searchParams.get('cycleId'), 'Cycle', 'cycleId');
  // the route, the role and the cycle are checked before a byte of the body is read
  assertMayImport(viewer, spec.kind as ImportKind);
  if (cycleId) assertWritable(await findVisibleCycle(services.prisma, viewer, cycleId));
  let body: Buffer;
  try {
    body = await readBody(request, limit, idleMs);
  } catch (error) {
    if (error instanceof UploadStalledError) {
      response.setHeader('connection', 'close');
      response.once('finish', () => request.destroy());
      sendJson(response, 408, {
        error: 'Tải lên bị ngắt: không nhận được dữ liệu / upload stalled: no data received',
        code: 'REQUEST_TIMEOUT',
      });
      return;
    }
    if (!(error instanceof PayloadTooLargeError)) throw error;
    response.setHeader('connection', 'close');
    sendJson(response, 413, {
      error: `Tệp quá lớn: tối đa ${Math.round(limit / 1024 / 1024)} MB / file too large: at most ${Math.round(limit / 1024 / 1024)} MB`,
      code: 'PAYLOAD_TOO_LARGE',
      limitBytes: limit,
    });
    request.resume();
    return;
  }
  const file = await uploadedFile(request, body, url);
  const outcome = await importEvidence({
    prisma: services.prisma,
    viewer,
    unitTrees: services.unitTrees,
    kind: spec.kind as ImportKind,
    cycleId,
    fileName: file.fileName,
    content: file.content,
    source: url.searchParams.get('source'),
    db: services.db,
  });
  const batchId = encodeGlobalID('ImportBatch', outcome.batch.id);
  sendJson(response, outcome.batch.status === 'APPLIED' ? 200 : 422, {
    batchId,
    kind: outcome.batch.kind,
    status: outcome.batch.status,
    fileName: outcome.batch.fileName,
    totalRows: outcome.batch.totalRows,
    validRows: outcome.batch.validRows,
    errorCount: outcome.batch.errorCount,
    errors: outcome.errors,
    errorReport:
      outcome.batch.status === 'FAILED'
        ? { xlsx: `/api/import/${batchId}/errors.xlsx`, csv: `/api/import/${batchId}/errors.csv` }
        : null,
  });
}

async function handleErrorReport(
  services: AppServices,
  viewer: Viewer,
  response: ServerResponse,
  rawId: string,
  format: 'xlsx' | 'csv',
): Promise<void> {
  const id = idParam(decodeURIComponent(rawId), 'ImportBatch', 'batchId') ?? '';
  const batch = await services.prisma.importBatch.findFirst({
    where: { id, AND: [buildImportBatchesWhere({ viewer })] },
  });
  if (!batch) throw new NotFoundError('lần nhập / import batch');
  const errors = await services.prisma.importRowError.findMany({
    where: { batchId: batch.id },
    orderBy: [{ row: 'asc' }, { id: 'asc' }],
  });
  sendFile(
    response,
    `loi-nhap-${batch.kind.toLowerCase()}.${format}`,
    format,
    await buildImportErrorReport(batch, errors, format),
  );
}

/**
 * Answers the file routes under /api/import and /api/export; false for any other path (the caller
 * continues routing). `limit` is the upload size limit (tests lower it).
 */
export async function handleFileRoutes(
  services: AppServices,
  request: IncomingMessage,
  response: ServerResponse,
  options: { limit?: number; idleMs?: number } = {},
): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (!path.startsWith('/api/import') && !path.startsWith('/api/export')) return false;
  const method = request.method ?? 'GET';
  try {
    const auth = await authenticateRequest({
      prisma: services.prisma,
      unitTrees: services.unitTrees,
      request: toFetchRequest(request),
      requireCsrf: method !== 'GET' && method !== 'HEAD',
    });
    if (!auth.viewer) {
      sendJson(response, 401, {
        error: auth.failure ?? 'Cần đăng nhập / Authentication required',
        code: 'UNAUTHENTICATED',
      });
      request.resume();
      return true;
    }
    const viewer = auth.viewer;
    const template = /^\/api\/import\/templates\/([\w-]+)\.(xlsx|csv)$/.exec(path);
    const report = /^\/api\/import\/([^/]+)\/errors\.(xlsx|csv)$/.exec(path);
    if (path === '/api/import' && method === 'POST') {
      await handleUpload(
        services,
        viewer,
        request,
        response,
        url,
        options.limit ?? maxUploadBytes,
        options.idleMs ?? uploadIdleMs,
      );
    } else if (template && method === 'GET') {
      const spec = findImportKind(template[1] ?? '');
      if (!spec) throw new NotFoundError('mẫu / template');
      const format = template[2] === 'csv' ? 'csv' : 'xlsx';
      sendFile(response, `mau-nhap-${spec.slug}.${format}`, format, await buildTemplate(spec, format));
    } else if (report && method === 'GET') {
      await handleErrorReport(
        services,
        viewer,
        response,
        report[1] ?? '',
        report[2] === 'csv' ? 'csv' : 'xlsx',
      );
    } else if (method === 'GET' && path.startsWith('/api/export/')) {
      // exports are heavy reads: on the replica when there is one (unless this session just wrote)
      const reader = services.reads
        ? (await services.reads.clientFor(viewer.sessionId)).prisma
        : services.prisma;
      const base = {
        prisma: reader,
        viewer,
        unitTrees: services.unitTrees,
        cycleId: requiredId(url, 'cycleId', 'Cycle'),
        unitId: idParam(url.searchParams.get('unitId'), 'Unit', 'unitId'),
      };
      let file: { fileName: string; content: Buffer };
      let format: keyof typeof contentTypes = 'pdf';
      switch (path) {
        case '/api/export/results.xlsx':
          file = await exportResultsWorkbook(base);
          format = 'xlsx';
          break;
        case '/api/export/rating-form.pdf':
          file = await exportRatingForm({ ...base, personId: requiredId(url, 'personId', 'Person') });
          break;
        case '/api/export/unit-ratings.pdf':
          file = await exportUnitRatings(base);
          break;
        case '/api/export/title-decisions.pdf':
          file = await exportTitleDecisions({
            ...base,
            decisionId: idParam(url.searchParams.get('decisionId'), 'TitleDecision', 'decisionId'),
          });
          break;
        default:
          throw new NotFoundError('tệp / file');
      }
      sendFile(response, file.fileName, format, file.content);
    } else {
      throw new NotFoundError('tệp / file');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    request.resume();
    sendError(response, error);
  }
  return true;
}
