import type { ImportBatch, ImportKind } from '@cadre/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type Context, Hono } from 'hono';
import type { AppServices } from '../context.ts';
import { assertWritable, findVisibleCycle } from '../domains/cycles/cycle-access.ts';
import {
  exportRatingForm,
  exportResultsWorkbook,
  exportTitleDecisions,
  exportUnitRatings,
} from '../domains/documents/services/export-results.ts';
import { buildImportBatchesWhere } from '../domains/evidence/build-import-batches-where.ts';
import { assertMayImport, startImport } from '../domains/evidence/services/import-evidence.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { buildImportErrorReport } from '../exports/import-error-report.ts';
import { buildTemplate } from '../imports/build-template.ts';
import type { RowError } from '../imports/convert-rows.ts';
import { findImportKind } from '../imports/import-kinds.ts';
import { errorFields } from '../logger.ts';
import { readBody, unreadBodyResponse } from './read-body.ts';
import {
  type ApiEnv,
  fileResponse,
  formFile,
  idParam,
  idValue,
  jsonResponse,
  requiredIdParam,
  requireViewer,
} from './respond.ts';

// REST for files, beside GraphQL: import templates, uploads, error reports and exports.
// Authenticated exactly as GraphQL (bearer token, or the session cookie — with the CSRF header
// for the upload; downloads are plain GET links the browser follows).

export const maxUploadBytes = 50 * 1024 * 1024;

/** An upload that sends nothing for this long is cut off (408): no connection held by a stall. */
export const uploadIdleMs = 15_000;

export type UploadLimits = { limit?: number; idleMs?: number };

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

async function upload(services: AppServices, c: Context<ApiEnv>, limit: number, idleMs: number) {
  const viewer = c.var.viewer;
  const kindName = c.req.query('kind') ?? '';
  const spec = findImportKind(kindName);
  if (!spec) {
    throw new ValidationError([
      { field: 'kind', message: `Loại dữ liệu "${kindName}" không hợp lệ / unknown import kind` },
    ]);
  }
  const cycleId = idParam(c, 'cycleId', 'Cycle');
  // the route, the role and the cycle are checked before a byte of the body is read
  assertMayImport(viewer, spec.kind as ImportKind);
  if (cycleId) assertWritable(await findVisibleCycle(services.prisma, viewer, cycleId));
  let body: Buffer;
  try {
    body = await readBody(c, limit, idleMs);
  } catch (error) {
    return unreadBodyResponse(error, limit);
  }
  const contentType = c.req.header('content-type') ?? '';
  const file = (await formFile(contentType, body)) ?? {
    fileName:
      c.req.query('fileName') ?? headerFileName(c) ?? (contentType.includes('csv') ? 'upload.csv' : 'upload'),
    content: body,
  };
  const started = await startImport({
    prisma: services.prisma,
    viewer,
    unitTrees: services.unitTrees,
    kind: spec.kind as ImportKind,
    cycleId,
    fileName: file.fileName,
    content: file.content,
    source: c.req.query('source') ?? null,
    jobs: services.jobs,
    requestId: c.var.requestId,
  });
  // ?wait=1: the answer comes once the batch has finished, as it did when imports ran in the request
  if (isTrue(c.req.query('wait'))) {
    const outcome = await started.done;
    return jsonResponse(
      outcome.batch.status === 'APPLIED' ? 200 : 422,
      batchAnswer(outcome.batch, outcome.errors),
    );
  }
  // without a queue (tests) the batch is carried out in this process, which logs what breaks it
  if (!services.jobs) {
    started.done.catch((error: unknown) =>
      c.var.log.error({ batchId: started.batch.id, ...errorFields(error) }, 'import failed'),
    );
  }
  // queued: poll importBatch(id) for its progress and outcome
  return jsonResponse(202, batchAnswer(started.batch, []));
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', ''].includes(value.trim().toLowerCase());
}

/** The upload's answer: the batch, its first errors and, when it failed, its error report. */
function batchAnswer(batch: ImportBatch, errors: RowError[]) {
  const batchId = encodeGlobalID('ImportBatch', batch.id);
  return {
    batchId,
    kind: batch.kind,
    status: batch.status,
    fileName: batch.fileName,
    totalRows: batch.totalRows,
    validRows: batch.validRows,
    errorCount: batch.errorCount,
    errors,
    errorReport:
      batch.status === 'FAILED'
        ? { xlsx: `/api/import/${batchId}/errors.xlsx`, csv: `/api/import/${batchId}/errors.csv` }
        : null,
  };
}

/** The file name an upload of a raw body gives in `x-file-name` (percent-encoded UTF-8). */
function headerFileName(c: Context<ApiEnv>): string | null {
  const header = c.req.header('x-file-name');
  if (header === undefined) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    throw new ValidationError([
      { field: 'x-file-name', message: 'Tên tệp mã hoá sai / x-file-name is not percent-encoded UTF-8' },
    ]);
  }
}

/** `name.xlsx` / `name.csv` → [name, format]; null for anything else. */
function splitFormat(file: string): [string, 'xlsx' | 'csv'] | null {
  const match = /^(.+)\.(xlsx|csv)$/.exec(file);
  return match?.[1] ? [match[1], match[2] === 'csv' ? 'csv' : 'xlsx'] : null;
}

/**
 * The file routes under /api/import and /api/export (signed in first, whatever the path); an
 * AppError thrown here is answered by the app's error handler. `limit` and `idleMs` bound an
 * upload (tests lower them).
 */
export function fileRoutes(services: AppServices, options: UploadLimits = {}): Hono<ApiEnv> {
  const limit = options.limit ?? maxUploadBytes;
  const idleMs = options.idleMs ?? uploadIdleMs;
  const routes = new Hono<ApiEnv>();
  // a wildcard path covers the bare path too (/api/import)
  for (const path of ['/api/import/*', '/api/export/*']) routes.use(path, requireViewer(services));

  routes.post('/api/import', (c) => upload(services, c, limit, idleMs));

  routes.get('/api/import/templates/:file', async (c) => {
    const [slug, format] = splitFormat(c.req.param('file')) ?? [];
    const spec = slug && /^[\w-]+$/.test(slug) ? findImportKind(slug) : undefined;
    if (!spec || !format) throw new NotFoundError('mẫu / template');
    return fileResponse(
      `mau-nhap-${spec.slug}.${format}`,
      contentTypes[format],
      await buildTemplate(spec, format),
    );
  });

  routes.get('/api/import/:batch/:file', async (c) => {
    const file = c.req.param('file');
    if (file !== 'errors.xlsx' && file !== 'errors.csv') throw new NotFoundError('tệp / file');
    const format = file === 'errors.csv' ? 'csv' : 'xlsx';
    const id = idValue(c.req.param('batch'), 'batchId', 'ImportBatch') ?? '';
    const batch = await services.prisma.importBatch.findFirst({
      where: { id, AND: [buildImportBatchesWhere({ viewer: c.var.viewer })] },
    });
    if (!batch) throw new NotFoundError('lần nhập / import batch');
    const errors = await services.prisma.importRowError.findMany({
      where: { batchId: batch.id },
      orderBy: [{ row: 'asc' }, { id: 'asc' }],
    });
    return fileResponse(
      `loi-nhap-${batch.kind.toLowerCase()}.${format}`,
      contentTypes[format],
      await buildImportErrorReport(batch, errors, format),
    );
  });

  routes.get('/api/export/:file', async (c) => {
    const viewer = c.var.viewer;
    // exports are heavy reads: on the replica when there is one (unless this session just wrote)
    const reader = services.reads
      ? (await services.reads.clientFor(viewer.sessionId)).prisma
      : services.prisma;
    const base = {
      prisma: reader,
      viewer,
      unitTrees: services.unitTrees,
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
      unitId: idParam(c, 'unitId', 'Unit'),
    };
    switch (c.req.param('file')) {
      case 'results.xlsx': {
        const file = await exportResultsWorkbook(base);
        return fileResponse(file.fileName, contentTypes.xlsx, file.content);
      }
      case 'rating-form.pdf': {
        const file = await exportRatingForm({ ...base, personId: requiredIdParam(c, 'personId', 'Person') });
        return fileResponse(file.fileName, contentTypes.pdf, file.content);
      }
      case 'unit-ratings.pdf': {
        const file = await exportUnitRatings(base);
        return fileResponse(file.fileName, contentTypes.pdf, file.content);
      }
      case 'title-decisions.pdf': {
        const file = await exportTitleDecisions({
          ...base,
          decisionId: idParam(c, 'decisionId', 'TitleDecision'),
        });
        return fileResponse(file.fileName, contentTypes.pdf, file.content);
      }
      default:
        throw new NotFoundError('tệp / file');
    }
  });

  for (const path of ['/api/import/*', '/api/export/*']) {
    routes.all(path, () => {
      throw new NotFoundError('tệp / file');
    });
  }
  return routes;
}
