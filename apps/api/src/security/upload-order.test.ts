// File routes decide before they read: a caller who may not import, or a cycle that is read-only,
// is answered while the body is still on its way; an upload that stalls is cut off. The same holds
// for an appeal's attachments: someone else's appeal, or one of an archived cycle, is refused first.
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

describe.each(testEngines())('uploads: checked before the body, cut off when stalled (%s)', (engine) => {
  let app: TestApp;
  let server: Server;
  let port = 0;
  let openCycle = '';
  let publishedCycle = '';
  let appealId = '';
  let archivedAppealId = '';
  beforeAll(async () => {
    app = await createTestApp(engine);
    const make = (year: number, status: 'OPEN' | 'PUBLISHED' | 'ARCHIVED') =>
      app.db.prisma.cycle.create({
        data: {
          year,
          name: `Năm ${year}`,
          packId: 'vn-nd335-2025',
          scopeUnitId: app.fixture.units.province,
          status,
        },
      });
    openCycle = gid('Cycle', (await make(2033, 'OPEN')).id);
    const published = await make(2034, 'PUBLISHED');
    publishedCycle = gid('Cycle', published.id);
    const archived = await make(2032, 'ARCHIVED');
    // Bình (the staff account) has appealed his result in both cycles
    const appealOf = async (cycleId: string) => {
      const result = await app.db.prisma.evaluationResult.create({
        data: {
          cycleId,
          personId: app.fixture.people.binh,
          unitId: app.fixture.units.dept1a,
          proposedRating: 'COMPLETED',
          engineRating: 'COMPLETED',
          finalRating: 'COMPLETED',
          trace: [],
        },
      });
      const appeal = await app.db.prisma.appeal.create({
        data: { cycleId, personId: app.fixture.people.binh, resultId: result.id, reason: 'Xin xem xét lại' },
      });
      return gid('Appeal', appeal.id);
    };
    appealId = await appealOf(published.id);
    archivedAppealId = await appealOf(archived.id);
    server = createHttpServer(
      createServer({ services: app.services, demo: null, yoga: app.yoga, uploads: { idleMs: 700 } }).handler,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.close();
    await app.close();
  });

  /** Starts a 49 MB upload, sends 64 KB of it, and waits for an answer (never sending the rest). */
  function startUpload(
    token: string,
    query: string,
    path = `/api/import?${query}`,
  ): Promise<{ status: number; body: string; ms: number }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': path.startsWith('/api/import') ? 'text/csv' : 'multipart/form-data; boundary=x',
            'content-length': String(49 * 1024 * 1024),
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += String(chunk);
          });
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body, ms: Date.now() - started });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024, 'a'));
    });
  }

  it('staff are refused while their 49 MB body is still coming', async () => {
    const answer = await startUpload(await app.login('staff'), `kind=TASKS&cycleId=${openCycle}`);
    expect(answer.status).toBe(403);
    expect(answer.ms).toBeLessThan(2_000);
  });

  it('a published cycle is refused before its body is read', async () => {
    const answer = await startUpload(await app.login('officer'), `kind=TASKS&cycleId=${publishedCycle}`);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatch(/read-only/);
    expect(answer.ms).toBeLessThan(2_000);
  });

  it('an allowed upload that stops sending is answered 408 after the idle time, not held open', async () => {
    const answer = await startUpload(await app.login('officer'), `kind=TASKS&cycleId=${openCycle}`);
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeGreaterThanOrEqual(600);
    expect(answer.ms).toBeLessThan(5_000);
  });

  const attach = (id: string) => `/api/appeals/${encodeURIComponent(id)}/attachments`;

  it('an attachment to someone else’s appeal is refused while the body is still coming', async () => {
    const answer = await startUpload(await app.login('officer'), '', attach(appealId));
    expect(answer.status).toBe(403);
    expect(answer.ms).toBeLessThan(2_000);
    const council = await startUpload(await app.login('council'), '', attach(appealId));
    expect(council.status).toBe(404);
  });

  it('an attachment to an appeal of an archived cycle is refused before its body is read', async () => {
    const answer = await startUpload(await app.login('staff'), '', attach(archivedAppealId));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatch(/archived/);
    expect(answer.ms).toBeLessThan(2_000);
  });

  it('the appellant’s attachment larger than the appeal allows is refused at once (413)', async () => {
    const answer = await startUpload(await app.login('staff'), '', attach(appealId));
    expect(answer.status).toBe(413);
    expect(answer.ms).toBeLessThan(2_000);
  });
});
