import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  type ApiEnv,
  fileResponse,
  formFile,
  idParam,
  jsonResponse,
  requiredIdParam,
  requireViewer,
} from './respond.ts';

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

const pdfName = (number: string) => `${number.replace(/\//g, '-')}.pdf`;

/** The routes under /api/documents/…; an AppError thrown here is answered by the app's error handler. */
export function documentRoutes(services: AppServices): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const base = (viewer: ApiEnv['Variables']['viewer']) => ({
    prisma: services.prisma,
    viewer,
    unitTrees: services.unitTrees,
  });
  routes.use('/api/documents/*', requireViewer(services));

  routes.post(
    '/api/documents/verify',
    bodyLimit({
      maxSize: maxVerifyBytes,
      onError: () =>
        jsonResponse(
          413,
          { error: 'Tệp quá lớn / file too large', code: 'PAYLOAD_TOO_LARGE' },
          { connection: 'close' },
        ),
    }),
    async (c) => {
      const body = new Uint8Array(await c.req.arrayBuffer());
      const file = await formFile(c.req.header('content-type') ?? '', body);
      const check = verifySignedPdf(file?.content ?? Buffer.from(body));
      return jsonResponse(200, { ...check, signedAt: check.signedAt?.toISOString() ?? null });
    },
  );

  routes.post('/api/documents/issue', async (c) => {
    const kind = (c.req.query('kind') ?? '').toUpperCase().replace(/-/g, '_');
    if (!issuableKinds.includes(kind as IssuableKind)) {
      throw new ValidationError([
        { field: 'kind', message: `Loại văn bản "${kind}" không ban hành được / kind cannot be issued` },
      ]);
    }
    const { record, content } = await issueDocument({
      ...base(c.var.viewer),
      signer: serverSigner(services),
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
      kind: kind as IssuableKind,
      sourceId: idParam(c, 'decisionId', 'TitleDecision'),
    });
    return fileResponse(pdfName(record.number), contentTypes.pdf, content, {
      'x-document-id': record.id,
      'x-document-number': encodeURIComponent(record.number),
      'x-document-sha256': record.sha256,
    });
  });

  routes.get('/api/documents/issued/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.pdf')) throw new NotFoundError('tệp / file');
    const record = await findIssuedDocument({ ...base(c.var.viewer), id: file.slice(0, -'.pdf'.length) });
    return fileResponse(pdfName(record.number), contentTypes.pdf, Buffer.from(record.content), {
      'x-document-sha256': record.sha256,
    });
  });

  for (const format of ['json', 'xml'] as const) {
    routes.get(`/api/documents/national-export.${format}`, async (c) => {
      const { record, fileName, content } = await exportToNationalDatabase({
        ...base(c.var.viewer),
        cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
        format,
      });
      return fileResponse(fileName, contentTypes[format], content, {
        'x-export-id': record.id,
        'x-export-sha256': record.sha256,
      });
    });
  }

  routes.get('/api/documents/rating-forms.pdf', async (c) => {
    const forms = await printRatingForms({
      ...base(c.var.viewer),
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
      personId: idParam(c, 'personId', 'Person'),
      unitId: idParam(c, 'unitId', 'Unit'),
    });
    if (forms.documents.length === 0) throw new NotFoundError('phiếu đánh giá / rating form');
    return fileResponse(forms.fileName, contentTypes.pdf, await renderDocuments(forms.documents));
  });

  routes.get('/api/documents/rating-decision.pdf', async (c) => {
    const printed = await printRatingDecision({
      ...base(c.var.viewer),
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
    });
    return fileResponse(printed.fileName, contentTypes.pdf, await renderDocument(printed.document));
  });

  routes.get('/api/documents/title-decision.pdf', async (c) => {
    const printed = await printTitleDecision({
      ...base(c.var.viewer),
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
      decisionId: idParam(c, 'decisionId', 'TitleDecision'),
    });
    return fileResponse(printed.fileName, contentTypes.pdf, await renderDocument(printed.document));
  });

  routes.get('/api/documents/cycle-report.pdf', async (c) => {
    const printed = await printCycleReport({
      ...base(c.var.viewer),
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
    });
    return fileResponse(printed.fileName, contentTypes.pdf, await renderDocument(printed.document));
  });

  routes.get('/api/documents/cycle-report.xlsx', async (c) => {
    const file = await exportCycleReportWorkbook({
      ...base(c.var.viewer),
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
    });
    return fileResponse(file.fileName, contentTypes.xlsx, file.content);
  });

  for (const [path, kind] of [
    ['/api/documents/council-minutes.pdf', 'minutes'],
    ['/api/documents/ballot-count.pdf', 'ballot-count'],
  ] as const) {
    routes.get(path, async (c) => {
      const printed = await printSessionDocument({
        ...base(c.var.viewer),
        sessionId: requiredIdParam(c, 'sessionId', 'CouncilSession'),
        kind,
      });
      return fileResponse(printed.fileName, contentTypes.pdf, await renderDocument(printed.document));
    });
  }

  routes.get('/api/documents/appeal-answer.pdf', async (c) => {
    const printed = await printAppealAnswer({
      ...base(c.var.viewer),
      appealId: requiredIdParam(c, 'appealId', 'Appeal'),
    });
    return fileResponse(printed.fileName, contentTypes.pdf, await renderDocument(printed.document));
  });

  routes.all('/api/documents/*', () => {
    throw new NotFoundError('tệp / file');
  });
  return routes;
}
