// What a browser and an operator see at the HTTP level: security headers on every response, a
// generous rate limit, the password policy, sessions that expire and can be revoked, and logs that
// never hold a password or a session token.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID as gid } from '@pothos/plugin-relay';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forgetCachedSessions } from '../auth/authenticate-request.ts';
import { parseProxyTrust } from '../http/client-address.ts';
import { createServer, startingHandler } from '../server.ts';
import { fixturePassword } from '../test-support/fixture.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { createYoga } from '../yoga.ts';
import { createRateLimiter } from './rate-limit.ts';
import { contentSecurityPolicy } from './security-headers.ts';

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('HTTP hygiene', () => {
  let app: TestApp;
  let server: Server;
  let base: string;
  const webDist = mkdtempSync(path.join(tmpdir(), 'cadre-web-hygiene-'));
  const gql = (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    mkdirSync(path.join(webDist, 'assets'));
    writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    app = await createTestApp('pglite');
    const services = { ...app.services, config: { ...app.services.config, webDist, production: true } };
    ({ server, base } = await listen(createServer({ services, demo: null, yoga: app.yoga }).handler));
  });
  afterAll(async () => {
    await close(server);
    await app.close();
  });

  it('every kind of response carries the security headers (app, assets, GraphQL, health, API, 404)', async () => {
    const responses = await Promise.all([
      fetch(`${base}/`),
      fetch(`${base}/assets/app.js`),
      fetch(`${base}/people/123`),
      fetch(`${base}/healthz`),
      fetch(`${base}/api/config`),
      fetch(`${base}/api/nothing-here`),
      fetch(`${base}/api/appeals/attachments/nothing`),
      gql('{ me { id } }'),
    ]);
    const starting = await listen(startingHandler);
    responses.push(await fetch(`${starting.base}/healthz`));
    await close(starting.server);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy'), response.url).toBe(contentSecurityPolicy);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      await response.arrayBuffer();
    }
    expect(contentSecurityPolicy).toMatch(/script-src 'self'(;|$)/);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('behind a trusted HTTPS proxy the browser is told to stay on HTTPS, and the cookie is Secure', async () => {
    const services = {
      ...app.services,
      config: { ...app.services.config, production: true, trustProxy: parseProxyTrust('127.0.0.1') },
    };
    const proxied = await listen(createServer({ services, demo: null, yoga: createYoga(services) }).handler);
    try {
      const health = await fetch(`${proxied.base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      const login = await fetch(`${proxied.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({
          query: 'mutation ($p: String!) { login(username: "officer", password: $p) { token } }',
          variables: { p: fixturePassword },
        }),
      });
      expect(login.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      const cookies = login.headers.getSetCookie();
      expect(cookies.find((cookie) => cookie.startsWith('cadre_session='))).toMatch(/; Secure/);
      // the proxy saying plain HTTP is believed too
      const plain = await fetch(`${proxied.base}/healthz`, { headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await close(proxied.server);
    }
  });

  it('a direct client writing X-Forwarded-Proto: https itself gets neither HSTS nor a Secure cookie', async () => {
    // `base` trusts no proxy (TRUST_PROXY unset): the header is the client's own claim
    const health = await fetch(`${base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(health.headers.get('strict-transport-security')).toBeNull();
    const login = await gql(
      'mutation ($p: String!) { login(username: "officer", password: $p) { token } }',
      { p: fixturePassword },
      { 'x-forwarded-proto': 'https' },
    );
    expect(login.headers.get('strict-transport-security')).toBeNull();
    const session = login.headers.getSetCookie().find((cookie) => cookie.startsWith('cadre_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).not.toMatch(/Secure/);
    // nor when the peer is some other address TRUST_PROXY does not name
    const elsewhere = {
      ...app.services,
      config: { ...app.services.config, trustProxy: parseProxyTrust('10.0.0.1') },
    };
    const other = await listen(createServer({ services: elsewhere, demo: null, yoga: app.yoga }).handler);
    try {
      const response = await fetch(`${other.base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await close(other.server);
    }
  });

  it('every response names its request id, the load balancer’s when it sent a sensible one', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'lb-0123456789abcdef' } });
    expect(given.headers.get('x-request-id')).toBe('lb-0123456789abcdef');
    const made = await fetch(`${base}/api/config`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a client flooding /graphql is slowed with 429 and Retry-After; others are not', async () => {
    const previous = process.env.GRAPHQL_RATE_LIMIT;
    process.env.GRAPHQL_RATE_LIMIT = '20';
    const limited = await listen(
      createServer({ services: app.services, demo: null, yoga: app.yoga }).handler,
    );
    if (previous === undefined) delete process.env.GRAPHQL_RATE_LIMIT;
    else process.env.GRAPHQL_RATE_LIMIT = previous;
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 25; i += 1) {
        last = await fetch(`${limited.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        statuses.push(last.status);
        if (i < 24) await last.arrayBuffer();
      }
      expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last?.headers.get('x-content-type-options')).toBe('nosniff');
      const body = (await last?.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
      // the web app itself still loads
      expect((await fetch(`${limited.base}/healthz`)).status).toBe(200);
    } finally {
      await close(limited.server);
    }
  });

  it('the limit is per client and per session, names itself, and the window resets', async () => {
    const limiter = createRateLimiter({ policy: { limit: 2, windowSeconds: 1 } });
    const request = (ip: string, token?: string, forwardedFor?: string) =>
      ({
        socket: { remoteAddress: ip },
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      }) as never;
    const admit = async (req: never) => (await limiter.refusal(req)) === null;
    expect([await admit(request('10.0.0.1')), await admit(request('10.0.0.1'))]).toEqual([true, true]);
    const refused = await limiter.refusal(request('10.0.0.1'));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused?.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'GRAPHQL_RATE_LIMIT' });
    expect(body.errors[0]?.message).toContain('GRAPHQL_RATE_LIMIT');
    expect(await admit(request('10.0.0.2'))).toBe(true);
    // a forged X-Forwarded-For from a peer that is no trusted proxy does not make a new client
    expect(await admit(request('10.0.0.1', undefined, '198.51.100.9'))).toBe(false);
    // one session from many addresses is still one client
    expect([
      await admit(request('a', 'same-token')),
      await admit(request('b', 'same-token')),
      await admit(request('c', 'same-token')),
    ]).toEqual([true, true, false]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await admit(request('10.0.0.1'))).toBe(true);
    await limiter.close();
  });

  it('behind a trusted proxy each forwarded client has its own limit', async () => {
    const limiter = createRateLimiter({
      policy: { limit: 1, windowSeconds: 60 },
      trust: parseProxyTrust('127.0.0.1'),
    });
    const request = (forwardedFor: string) =>
      ({ socket: { remoteAddress: '127.0.0.1' }, headers: { 'x-forwarded-for': forwardedFor } }) as never;
    const admit = async (req: never) => (await limiter.refusal(req)) === null;
    expect(await admit(request('198.51.100.1'))).toBe(true);
    expect(await admit(request('198.51.100.2'))).toBe(true);
    expect(await admit(request('198.51.100.1'))).toBe(false);
    // what the client prepends itself does not give it a fresh count
    expect(await admit(request('203.0.113.50, 198.51.100.1'))).toBe(false);
  });

  it('with Redis (REDIS_URL or 127.0.0.1:6379) two replicas count one client once', async ({ skip }) => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const probe = new Redis(redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const reachable = await probe
      .connect()
      .then(() => probe.ping())
      .then(() => true)
      .catch(() => false);
    probe.disconnect();
    if (!reachable) skip();
    const policy = { limit: 10, windowSeconds: 60 };
    const first = createRateLimiter({ policy, redisUrl });
    const second = createRateLimiter({ policy, redisUrl });
    expect(first.store).toBe('redis');
    const token = `token-${randomUUID()}`;
    const request = (i: number) =>
      ({ socket: { remoteAddress: `10.9.${i}.1` }, headers: { authorization: `Bearer ${token}` } }) as never;
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).refusal(request(i))),
      );
      expect(outcomes.filter((refused) => refused === null)).toHaveLength(10);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('weak passwords are refused when creating, resetting and changing them', async () => {
    const admin = await app.login('admin');
    const create = await app.graphql<{ createUser: { __typename: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ValidationError { fields { field } } } }`,
      { input: { username: 'nguoimoi', displayName: 'Người mới', password: 'short', role: 'STAFF' } },
      { token: admin },
    );
    expect(create.data?.createUser.__typename).toBe('ValidationError');
    const sameAsName = await app.graphql<{ createUser: { __typename: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename } }`,
      { input: { username: 'nguoimoi12', displayName: 'Người mới', password: 'nguoimoi12', role: 'STAFF' } },
      { token: admin },
    );
    expect(sameAsName.data?.createUser.__typename).toBe('ValidationError');
    const reset = await app.graphql<{ resetPassword: { __typename: string } }>(
      'mutation ($id: ID!) { resetPassword(id: $id, newPassword: "123") { __typename } }',
      { id: gid('User', app.fixture.users.staff) },
      { token: admin },
    );
    expect(reset.data?.resetPassword.__typename).toBe('ValidationError');
    const staff = await app.login('staff');
    const change = await app.graphql<{ changePassword: { __typename: string } }>(
      'mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "abc") { __typename } }',
      { c: fixturePassword },
      { token: staff },
    );
    expect(change.data?.changePassword.__typename).toBe('ValidationError');
    expect(await app.db.prisma.user.count({ where: { username: { startsWith: 'nguoimoi' } } })).toBe(0);
  });

  describe('sessions', () => {
    const me = '{ me { username } }';
    const login = async (username: string) => {
      const result = await app.graphql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: fixturePassword },
      );
      return result.data?.login.token ?? '';
    };
    const code = async (token: string) =>
      (await app.graphql(me, {}, { token })).errors?.[0]?.extensions?.code ?? 'OK';

    it('an expired session is refused', async () => {
      const token = await login('officer');
      expect(await code(token)).toBe('OK');
      const { createHash } = await import('node:crypto');
      await app.db.prisma.session.update({
        where: { tokenHash: createHash('sha256').update(token).digest('hex') },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      // a change made behind the API's back is seen once the few-second session cache lets go
      forgetCachedSessions();
      expect(await code(token)).toBe('UNAUTHENTICATED');
    });

    it('logging out ends that session; logging out everywhere ends them all', async () => {
      const first = await login('head');
      const second = await login('head');
      await app.graphql('mutation { logout }', {}, { token: first });
      expect(await code(first)).toBe('UNAUTHENTICATED');
      expect(await code(second)).toBe('OK');
      const third = await login('head');
      await app.graphql('mutation { logout(everywhere: true) }', {}, { token: third });
      expect(await code(second)).toBe('UNAUTHENTICATED');
      expect(await code(third)).toBe('UNAUTHENTICATED');
    });

    it('deactivating an account ends its sessions at once', async () => {
      const token = await login('council');
      expect(await code(token)).toBe('OK');
      const user = await app.db.prisma.user.findUniqueOrThrow({ where: { username: 'council' } });
      const result = await app.graphql<{ deactivateUser: { __typename: string } }>(
        'mutation ($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { __typename } }',
        { id: gid('User', user.id), v: user.version },
        { token: await app.login('admin') },
      );
      expect(result.data?.deactivateUser.__typename).toBe('DeactivateUserSuccess');
      expect(await code(token)).toBe('UNAUTHENTICATED');
    });
  });

  it('logs of logins (good and bad) never contain the password or the token', async () => {
    const captured: string[] = [];
    const capture = (...args: unknown[]) => {
      captured.push(
        args
          .map((arg) =>
            typeof arg === 'string'
              ? arg
              : arg instanceof Error
                ? String(arg.stack)
                : (JSON.stringify(arg) ?? String(arg)),
          )
          .join(' '),
      );
    };
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(capture),
      vi.spyOn(console, 'info').mockImplementation(capture),
      vi.spyOn(console, 'warn').mockImplementation(capture),
      vi.spyOn(console, 'error').mockImplementation(capture),
      vi.spyOn(console, 'debug').mockImplementation(capture),
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        captured.push(String(chunk));
        return true;
      }),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        captured.push(String(chunk));
        return true;
      }),
    ];
    // a server logging as in development (Yoga's request logging on, debug errors on)
    const previousDebug = process.env.CADRE_DEBUG_ERRORS;
    process.env.CADRE_DEBUG_ERRORS = '1';
    const services = { ...app.services, config: { ...app.services.config, nodeEnv: 'development' } };
    const logging = await listen(createServer({ services, demo: null, yoga: createYoga(services) }).handler);
    const wrongPassword = 'Sai-mat-khau-bi-mat-9137';
    let token = '';
    try {
      const post = (variables: Record<string, string>) =>
        fetch(`${logging.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
            variables,
          }),
        }).then((r) => r.json() as Promise<{ data?: { login?: { token: string } } }>);
      await post({ u: 'officer', p: wrongPassword });
      token = (await post({ u: 'officer', p: fixturePassword })).data?.login?.token ?? '';
      await fetch(`${logging.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      }).then((r) => r.arrayBuffer());
    } finally {
      for (const spy of spies) spy.mockRestore();
      if (previousDebug === undefined) delete process.env.CADRE_DEBUG_ERRORS;
      else process.env.CADRE_DEBUG_ERRORS = previousDebug;
      await close(logging.server);
    }
    expect(token.length).toBeGreaterThan(20);
    const text = captured.join('\n');
    for (const secret of [wrongPassword, fixturePassword, token]) expect(text).not.toContain(secret);
    // a wrong password is an expected answer: no error line with a stack for it
    expect(text).not.toMatch(/\n\s+at .*log-in\.ts/);
    // nor the audit log
    const audit = JSON.stringify(
      await app.db.prisma.auditLog.findMany({ select: { before: true, after: true, actorName: true } }),
    );
    for (const secret of [wrongPassword, fixturePassword, token]) expect(audit).not.toContain(secret);
  });
});
