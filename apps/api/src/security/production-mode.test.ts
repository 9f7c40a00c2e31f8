// NODE_ENV=production: no demo data or demo passwords (start-up refuses them), the loopback unless
// HOST says otherwise, no introspection; and everywhere a forced password change is enforced by the
// API: only changePassword, logout and me, no exports.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { ConfigError, readConfig, repoRoot, testConfig } from '../config.ts';
import { createServer } from '../server.ts';
import { checkProductionData, ensureFirstAdmin, writeFirstAdminPassword } from '../startup-checks.ts';
import { fixturePassword } from '../test-support/fixture.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';
import { createYoga } from '../yoga.ts';
import { createDemoApp, demoPassword } from './demo-app.ts';

describe.each(testEngines())('production start-up (%s)', (engine) => {
  it('listens on 127.0.0.1 unless HOST is set; development keeps every interface', () => {
    expect(readConfig({ NODE_ENV: 'production' }).host).toBe('127.0.0.1');
    expect(readConfig({ NODE_ENV: 'production', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readConfig({ NODE_ENV: 'development' }).host).toBeUndefined();
  });

  it('refuses the demo province, SEED_DEMO, and any account with the demo password', async () => {
    const demo = await createDemoApp(engine);
    try {
      await expect(
        checkProductionData({ prisma: demo.db.prisma, demoPassword, seedDemo: false }),
      ).rejects.toThrow(/demo province/);
    } finally {
      await demo.close();
    }
    const db = await createTestDatabase({ engine });
    try {
      await expect(
        checkProductionData({ prisma: db.prisma, demoPassword: 'demo', seedDemo: true }),
      ).rejects.toThrow(ConfigError);
      await checkProductionData({ prisma: db.prisma, demoPassword: 'demo', seedDemo: false });
      const first = await ensureFirstAdmin(db.prisma);
      expect(first?.username).toBe('quantri');
      expect(await db.prisma.user.findUniqueOrThrow({ where: { username: 'quantri' } })).toMatchObject({
        role: 'ADMIN',
        mustChangePassword: true,
      });
      expect(await ensureFirstAdmin(db.prisma)).toBeNull();
      // the password reaches the operator through a file only its owner can read
      const dir = mkdtempSync(path.join(tmpdir(), 'first-admin-'));
      try {
        const file = writeFirstAdminPassword(path.join(dir, 'data'), first as NonNullable<typeof first>);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(readFileSync(file, 'utf8')).toContain(first?.password);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await db.prisma.user.create({
        data: {
          username: 'hdtd.uyvien9',
          displayName: 'x',
          role: 'COUNCIL_MEMBER',
          passwordHash: await hashPassword('demo'),
        },
      });
      await expect(
        checkProductionData({ prisma: db.prisma, demoPassword: 'demo', seedDemo: false }),
      ).rejects.toThrow(/hdtd\.uyvien9/);
    } finally {
      await db.close();
    }
  }, 120_000);
});

/** A port nobody listens on at the moment. */
async function freePort(): Promise<number> {
  const probe = createHttpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe.each(testEngines())('`npm start` with NODE_ENV=production on a new database (%s)', (engine) => {
  it('seeds and advertises no demo accounts, and answers on the loopback only', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cadre-production-'));
    const db = engine === 'postgres' ? await createTestDatabase({ engine: 'postgres' }) : null;
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'apps/api/src/main.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'production',
          PORT: String(port),
          DATA_DIR: dataDir,
          ...(db?.url ? { DATABASE_URL: db.url } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not started in 90 s:\n${output}`)), 90_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Open http:\/\/localhost/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code}:\n${output}`));
      });
    });
    try {
      await ready;
      const config = (await (await fetch(`http://127.0.0.1:${port}/api/config`)).json()) as Record<
        string,
        unknown
      >;
      expect(config).toMatchObject({ demo: false, demoAccounts: [], demoPassword: null });
      const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { login(username: "officer", password: "demo") { token } }',
        }),
      });
      const body = (await login.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // the machine's other addresses get no answer
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
        .map((entry) => entry?.address ?? '');
      for (const address of others) expect(await accepts(address, port), address).toBe(false);
      expect(await accepts('127.0.0.1', port)).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      await db?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe.each(testEngines())('production GraphQL and forced password change (%s)', (engine) => {
  let app: TestApp;
  let server: Server;
  let base = '';
  beforeAll(async () => {
    app = await createTestApp(engine);
    server = createHttpServer(createServer({ services: app.services, demo: null, yoga: app.yoga }).handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await app.close();
  });

  it('answers no introspection in production (development still does)', async () => {
    const production = createYoga({
      ...app.services,
      config: testConfig({ production: true, nodeEnv: 'production' }),
    });
    const token = await app.login('admin');
    const ask = (yoga: typeof production) =>
      yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
    const refused = (await (await ask(production)).json()) as {
      data?: unknown;
      errors?: { message: string }[];
    };
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    const allowed = (await (await ask(app.yoga)).json()) as { data?: { __schema: unknown } };
    expect(allowed.data?.__schema).toBeDefined();
  });

  it('an account that must change its password: me, then changePassword; results and exports refused until then', async () => {
    const token = await app.login('officer');
    await app.db.prisma.user.update({ where: { username: 'officer' }, data: { mustChangePassword: true } });
    const { forgetCachedSessions } = await import('../auth/authenticate-request.ts');
    forgetCachedSessions();
    const cycle = await app.db.prisma.cycle.create({
      data: {
        year: 2031,
        name: 'Năm 2031',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'OPEN',
      },
    });
    const results = await app.graphql(
      'query ($c: ID!) { results(cycleId: $c) { totalCount } }',
      { c: gid('Cycle', cycle.id) },
      { token },
    );
    expect(results.data ?? null).toBeNull();
    expect(results.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await app.graphql<{ me: { username: string; mustChangePassword: boolean } }>(
      '{ me { username mustChangePassword } }',
      {},
      { token },
    );
    expect(me.data?.me).toEqual({ username: 'officer', mustChangePassword: true });
    // `me` is the account's own fields: not a way through its unit to other people
    for (const through of [
      '{ me { scopeUnit { heads { fullName birthDate email } } } }',
      '{ me { person { unit { heads { birthDate } } } } }',
      '{ me { ... on User { scopeUnit { name } } } }',
      '{ me { ...own } } fragment own on User { username }',
    ]) {
      const refused = await app.graphql(through, {}, { token });
      expect(refused.data ?? null, through).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code, through).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const exported = await fetch(`${base}/api/export/results.xlsx?cycleId=${gid('Cycle', cycle.id)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(401);
    expect(await exported.text()).toMatch(/change your password first/);

    const changed = await app.graphql<{ changePassword: { __typename: string } }>(
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { __typename ... on Error { message } } }',
      { c: fixturePassword, n: 'a new and long passphrase 42' },
      { token },
    );
    expect(changed.data?.changePassword.__typename, JSON.stringify(changed)).toBe('ChangePasswordSuccess');
    const after = await app.graphql<{ results: { totalCount: number } }>(
      'query ($c: ID!) { results(cycleId: $c) { totalCount } }',
      { c: gid('Cycle', cycle.id) },
      { token },
    );
    expect(after.errors).toBeUndefined();
    const exportedAfter = await fetch(`${base}/api/export/results.xlsx?cycleId=${gid('Cycle', cycle.id)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exportedAfter.status).toBe(200);
  });
});
