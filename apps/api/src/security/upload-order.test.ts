// File routes decide before they read: a caller who may not import, or a cycle that is read-only,
// is answered while the body is still on its way; an upload that stalls is cut off.
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

describe('uploads: checked before the body, cut off when stalled', () => {
  let app: TestApp;
  let server: Server;
  let port = 0;
  let openCycle = '';
  let publishedCycle = '';
  beforeAll(async () => {
    app = await createTestApp('pglite');
    const make = (year: number, status: 'OPEN' | 'PUBLISHED') =>
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
    publishedCycle = gid('Cycle', (await make(2034, 'PUBLISHED')).id);
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
  function startUpload(token: string, query: string): Promise<{ status: number; body: string; ms: number }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/import?${query}`,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'text/csv',
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
});
