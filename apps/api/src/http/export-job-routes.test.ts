import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@cadre/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeExport } from '../domains/documents/export-jobs.ts';
import { type JobQueue, startJobQueue } from '../jobs/queue.ts';
import { logger } from '../logger.ts';
import { createServer } from '../server.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

type JobAnswer = {
  id: string;
  file: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  fileName: string | null;
  bytes: number | null;
  message: string | null;
  downloadUrl: string | null;
};
type User = 'officer' | 'head' | 'staff' | 'council' | 'admin';

describe.each(testEngines())('exports built by a job on %s', (engine) => {
  let app: TestApp;
  let server: Server;
  let base: string;
  let cycleId: string;
  /** a published cycle: staff read their own result, the national database is sent its results */
  let publishedId: string;
  let jobs: JobQueue;

  const send = async (pathname: string, user: User, method = 'GET') =>
    fetch(`${base}${pathname}`, { method, headers: { authorization: `Bearer ${await app.login(user)}` } });

  async function ask(query: Record<string, string>, user: User = 'officer') {
    const response = await send(`/api/export-jobs?${new URLSearchParams(query)}`, user, 'POST');
    return { status: response.status, body: (await response.json()) as JobAnswer & { error?: string } };
  }

  /** the job's answer once it has finished (at most 60 s) */
  async function finished(id: string, user: User = 'officer'): Promise<JobAnswer> {
    const until = Date.now() + 60_000;
    for (;;) {
      const job = (await (await send(`/api/export-jobs/${id}`, user)).json()) as JobAnswer;
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED' || Date.now() > until) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    jobs = await startJobQueue({
      db: app.db,
      unitTrees: app.services.unitTrees,
      logger,
      databaseUrl: app.db.url ?? undefined,
      rescueEveryMs: 1000,
    });
    app.services.jobs = jobs;
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'OPEN',
      },
    });
    cycleId = gid('Cycle', cycle.id);
    const published = await prisma.cycle.create({
      data: {
        year: 2025,
        name: 'Năm 2025',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'PUBLISHED',
      },
    });
    publishedId = gid('Cycle', published.id);
    const people = await prisma.person.findMany({ select: { id: true, unitId: true } });
    for (const id of [cycle.id, published.id]) {
      await prisma.evaluationResult.createMany({
        data: people.map((person, index) => ({
          cycleId: id,
          personId: person.id,
          unitId: person.unitId,
          score: 70 + index,
          proposedRating: 'GOOD',
          engineRating: 'GOOD',
          finalRating: 'GOOD',
          trace: [],
        })),
      });
    }
    server = createHttpServer(createServer({ services: app.services, demo: null, yoga: app.yoga }).handler);
    // polling a busy machine must not leave the client a pooled connection the server has closed
    server.keepAliveTimeout = 300_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await jobs?.close();
    await app?.close();
  });

  it('builds the results workbook in a job, and its file is the one the direct download gives', async () => {
    const asked = await ask({ file: 'results.xlsx', cycleId });
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('QUEUED');
    const job = await finished(asked.body.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', file: 'results.xlsx' });
    expect(job.fileName).toMatch(/\.xlsx$/);
    const file = await send(job.downloadUrl as string, 'officer');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    const bytes = await file.arrayBuffer();
    expect(bytes.byteLength).toBe(job.bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const names: unknown[] = [];
    workbook.getWorksheet('Kết quả xếp loại')?.eachRow((row) => names.push(row.getCell(3).value));
    expect(names).toContain('Trần Thị Bình');
    const people = await app.db.prisma.person.count();
    expect(
      names.filter((name) => typeof name === 'string' && name !== 'Họ và tên').length,
    ).toBeGreaterThanOrEqual(people);
  });

  it('builds the national database file in a job, recorded as an export', async () => {
    const before = await app.db.prisma.nationalExport.count();
    const asked = await ask({ file: 'national-export.json', cycleId: publishedId });
    const job = await finished(asked.body.id);
    expect(job.status, job.message ?? '').toBe('SUCCEEDED');
    const file = await send(job.downloadUrl as string, 'officer');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(file.headers.get('x-export-sha256')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(JSON.parse(bytes.toString('utf8')).cycle.year).toBe(2025);
    // the export recorded (and audited) is the file downloaded, by its checksum
    expect(await app.db.prisma.nationalExport.count()).toBe(before + 1);
    const recorded = await app.db.prisma.nationalExport.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(recorded.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('shows the job and its file to the one who asked only', async () => {
    const asked = await ask({ file: 'results.xlsx', cycleId });
    const job = await finished(asked.body.id);
    expect(job.status).toBe('SUCCEEDED');
    for (const other of ['admin', 'head', 'staff'] as const) {
      expect((await send(`/api/export-jobs/${job.id}`, other)).status, other).toBe(404);
      expect((await send(`/api/export-jobs/${job.id}/file`, other)).status, other).toBe(404);
    }
    expect((await fetch(`${base}/api/export-jobs/${job.id}/file`)).status).toBe(401);
  });

  it('builds what the caller may see: a staff member’s workbook holds their own row', async () => {
    const asked = await ask({ file: 'results.xlsx', cycleId: publishedId }, 'staff');
    const job = await finished(asked.body.id, 'staff');
    expect(job.status).toBe('SUCCEEDED');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await send(job.downloadUrl as string, 'staff')).arrayBuffer());
    const numbered: unknown[] = [];
    workbook.getWorksheet('Kết quả xếp loại')?.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') numbered.push(row.getCell(3).value);
    });
    expect(numbered).toHaveLength(1);
  });

  it('ends FAILED with the reason when the caller may not have the file', async () => {
    const asked = await ask({ file: 'national-export.xml', cycleId }, 'staff');
    const job = await finished(asked.body.id, 'staff');
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/quyền|allowed/);
    expect((await send(`/api/export-jobs/${job.id}/file`, 'staff')).status).toBe(409);
  });

  it('names the field of a wrong request, and refuses an unknown cycle at once', async () => {
    const unknown = await ask({ file: 'everything.zip', cycleId });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('file');
    const noCycle = await ask({ file: 'results.xlsx' });
    expect(noCycle.status).toBe(400);
    expect(JSON.stringify(noCycle.body)).toContain('cycleId');
    const otherCycle = await ask({
      file: 'results.xlsx',
      cycleId: gid('Cycle', '00000000-0000-7000-8000-000000000000'),
    });
    expect(otherCycle.status).toBe(404);
  });

  it('takes one export at a time per user', async () => {
    const { prisma } = app.db;
    const officer = await prisma.user.findFirstOrThrow({ where: { username: 'officer' } });
    const waiting = await prisma.exportJob.create({
      data: {
        file: 'results.xlsx',
        cycleId: (await prisma.cycle.findFirstOrThrow()).id,
        requestedById: officer.id,
        status: 'RUNNING',
      },
    });
    try {
      const second = await ask({ file: 'results.xlsx', cycleId });
      expect(second.status).toBe(409);
      expect(second.body.error).toMatch(/đang được tạo|still being built/);
    } finally {
      await prisma.exportJob.update({ where: { id: waiting.id }, data: { status: 'FAILED' } });
    }
  });

  it('carries out an export again after its worker died, to the same file', async () => {
    const { prisma } = app.db;
    const officer = await prisma.user.findFirstOrThrow({ where: { username: 'officer' } });
    // a job left RUNNING by a worker that died: carried out again, it builds the file once
    const left = await prisma.exportJob.create({
      data: {
        file: 'results.xlsx',
        cycleId: (await prisma.cycle.findFirstOrThrow()).id,
        requestedById: officer.id,
        status: 'RUNNING',
      },
    });
    const done = await executeExport({ prisma, unitTrees: app.services.unitTrees, exportId: left.id });
    expect(done.status).toBe('SUCCEEDED');
    const again = await executeExport({ prisma, unitTrees: app.services.unitTrees, exportId: left.id });
    expect(again.finishedAt).toEqual(done.finishedAt);
  });
});
