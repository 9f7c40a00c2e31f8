import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { createServer, startingHandler } from './server.ts';
import { fixturePassword } from './test-support/fixture.ts';
import { createTestApp, type TestApp } from './test-support/test-app.ts';

async function listenOn(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('before the database is ready', () => {
  it('answers /healthz with 503', async () => {
    const server = createHttpServer(startingHandler);
    const base = await listenOn(server);
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    server.close();
  });
});

describe.each(testEngines())('HTTP surface on %s', (engine) => {
  let app: TestApp;
  let server: Server;
  let base: string;
  const webDist = mkdtempSync(path.join(tmpdir(), 'cadre-web-'));
  beforeAll(async () => {
    mkdirSync(path.join(webDist, 'assets'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
    app = await createTestApp(engine);
    const services = { ...app.services, config: { ...app.services.config, webDist } };
    server = createHttpServer(
      createServer({ services, demo: { password: 'demo', accounts: ['admin'] }, yoga: app.yoga }).handler,
    );
    base = await listenOn(server);
  });
  afterAll(async () => {
    server.close();
    await app.close();
  });

  it('reports ready on /healthz', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the web app with caching headers and an SPA fallback', async () => {
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const route = await fetch(`${base}/cycles/2026/results`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('id="root"');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
  });

  it('logs in through /graphql with a cookie, then /api/session returns the CSRF token', async () => {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($p: String!) { login(username: "officer", password: $p) { token } }',
        variables: { p: fixturePassword },
      }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^cadre_session=/);
    const session = await fetch(`${base}/api/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    const body = (await session.json()) as { csrfToken: string; user: { username: string; role: string } };
    expect(body.user).toMatchObject({ username: 'officer', role: 'OFFICER' });
    const me = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { username: 'officer' } } });
    expect((await fetch(`${base}/api/session`)).status).toBe(401);
  });

  it('logs one line per request with its id, the one the response names', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const logged = createHttpServer(
      createServer({
        services: app.services,
        demo: null,
        yoga: app.yoga,
        logger: createLogger(stream, 'info'),
      }).handler,
    );
    const logBase = await listenOn(logged);
    try {
      const given = await fetch(`${logBase}/api/config`, { headers: { 'x-request-id': 'lb-request-0001' } });
      expect(given.headers.get('x-request-id')).toBe('lb-request-0001');
      const made = await fetch(`${logBase}/api/nothing`);
      const madeId = made.headers.get('x-request-id');
      expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries).toContainEqual(
        expect.objectContaining({ requestId: 'lb-request-0001', path: '/api/config', status: 200 }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({ requestId: madeId, method: 'GET', path: '/api/nothing', status: 404 }),
      );
    } finally {
      logged.close();
    }
  });

  it('tells the login page about demo mode', async () => {
    const response = await fetch(`${base}/api/config`);
    expect(await response.json()).toMatchObject({ demo: true, demoPassword: 'demo' });
  });

  it('masks unexpected errors and never exposes stack traces', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
