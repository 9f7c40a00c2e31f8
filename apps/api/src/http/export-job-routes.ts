import { createHash } from 'node:crypto';
import type { ExportJob } from '@cadre/db';
import { Hono } from 'hono';
import type { AppServices } from '../context.ts';
import { findOwnExport, readExportFile, startExport } from '../domains/documents/export-jobs.ts';
import { ValidationError } from '../errors.ts';
import { errorFields } from '../logger.ts';
import {
  type ApiEnv,
  fileResponse,
  idParam,
  idValue,
  jsonResponse,
  requiredIdParam,
  requireViewer,
} from './respond.ts';

// Large exports as jobs (domains/documents/export-jobs.ts):
//   POST /api/export-jobs?file=results.xlsx&cycleId=…[&unitId=…]  → 202 { id, status, … }
//   GET  /api/export-jobs/:id                                     → the job: status, size, reason
//   GET  /api/export-jobs/:id/file                                → the file, once it is built
// Only the one who asked sees the job or downloads the file; nothing is read from a body.

/** What the caller reads of a job: never the content, and where to download it once built. */
function jobAnswer(job: Omit<ExportJob, 'content'>) {
  return {
    id: job.id,
    file: job.file,
    status: job.status,
    fileName: job.fileName,
    bytes: job.bytes,
    message: job.message,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    statusUrl: `/api/export-jobs/${job.id}`,
    downloadUrl: job.status === 'SUCCEEDED' ? `/api/export-jobs/${job.id}/file` : null,
  };
}

function jobId(value: string): string {
  const id = idValue(value, 'id', 'ExportJob');
  if (!id) throw new ValidationError([{ field: 'id', message: 'Thiếu mã tệp xuất / id is required' }]);
  return id;
}

export function exportJobRoutes(services: AppServices): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/api/export-jobs', requireViewer(services));
  routes.use('/api/export-jobs/*', requireViewer(services));

  routes.post('/api/export-jobs', async (c) => {
    const started = await startExport({
      prisma: services.prisma,
      viewer: c.var.viewer,
      unitTrees: services.unitTrees,
      file: c.req.query('file') ?? '',
      cycleId: requiredIdParam(c, 'cycleId', 'Cycle'),
      unitId: idParam(c, 'unitId', 'Unit'),
      jobs: services.jobs,
      requestId: c.var.requestId,
    });
    // without a queue (tests) the file is built in this process, which logs what breaks it
    if (!services.jobs) {
      started.done.catch((error: unknown) =>
        c.var.log.error({ exportId: started.job.id, ...errorFields(error) }, 'export failed'),
      );
    }
    return jsonResponse(202, jobAnswer(started.job));
  });

  routes.get('/api/export-jobs/:id', async (c) => {
    return jsonResponse(
      200,
      jobAnswer(await findOwnExport(services.prisma, c.var.viewer, jobId(c.req.param('id')))),
    );
  });

  routes.get('/api/export-jobs/:id/file', async (c) => {
    const file = await readExportFile(services.prisma, c.var.viewer, jobId(c.req.param('id')));
    return fileResponse(file.fileName, file.contentType, file.content, {
      'x-export-sha256': createHash('sha256').update(file.content).digest('hex'),
    });
  });
  return routes;
}
