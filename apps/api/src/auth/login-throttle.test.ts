// Login attempts are reserved before the password is checked: parallel guesses cannot outrun the
// limit, on one process (memory) or across replicas (Redis), and a third party guessing a name from
// many addresses cannot lock its owner out of a device they signed in from before.
import { randomUUID } from 'node:crypto';
import { testEngines } from '@cadre/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePassword } from '../test-support/fixture.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { createMemoryLoginThrottle, createRedisLoginThrottle, type LoginThrottle } from './login-throttle.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function parallelReservations(throttle: LoginThrottle, username: string): Promise<number> {
  const outcomes = await Promise.allSettled(
    Array.from({ length: 40 }, () => throttle.reserve({ username, ip: '10.0.0.1', knownDevice: false })),
  );
  return outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
}

describe('login throttle stores', () => {
  it('memory: of 40 parallel attempts on one name and address, 5 are let through', async () => {
    const throttle = createMemoryLoginThrottle();
    expect(await parallelReservations(throttle, 'head')).toBe(5);
    await throttle.reserve({ username: 'head', ip: '10.0.0.2', knownDevice: false });
  });

  it('memory: one address spraying 120 different names is stopped after 100, other addresses are not', async () => {
    const throttle = createMemoryLoginThrottle();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) =>
        throttle.reserve({ username: `name-${i}`, ip: '10.0.0.9', knownDevice: false }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBe(100);
    await expect(
      throttle.reserve({ username: 'name-0', ip: '10.0.0.10', knownDevice: false }),
    ).resolves.toBeUndefined();
  });

  it('Redis (REDIS_URL or 127.0.0.1:6379): the same, shared by two replicas', async ({ skip }) => {
    if (!(await redisAvailable())) skip();
    const first = createRedisLoginThrottle(redisUrl);
    const second = createRedisLoginThrottle(redisUrl);
    const username = `user-${randomUUID()}`;
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? first : second).reserve({ username, ip: '10.0.0.1', knownDevice: false }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBe(5);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.status === 'rejected' && String(refused.reason)).toMatch(/thử lại sau 15 phút/);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe.each(testEngines())('login through the API (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  const login = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
  async function attempt(username: string, password: string, ip: string, cookie?: string) {
    const response = await app.yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query: login, variables: { u: username, p: password } }),
      },
      { req: { socket: { remoteAddress: ip } } } as never,
    );
    const body = (await response.json()) as {
      data?: { login?: { token: string } | null } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    return { code: body.errors?.[0]?.extensions?.code ?? 'OK', cookies: response.headers.getSetCookie() };
  }

  it('40 wrong passwords at once: 5 are checked, 35 refused unchecked, and the correct 41st waits', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt('head', `wrong-password-${i}`, '203.0.113.7')),
    );
    const codes = outcomes.map((outcome) => outcome.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(35);
    expect((await attempt('head', fixturePassword, '203.0.113.7')).code).toBe('RATE_LIMITED');
  });

  it('guesses from many addresses hold the name for new devices but not for the owner’s known device', async () => {
    const owner = await attempt('officer', fixturePassword, '198.51.100.1');
    expect(owner.code).toBe('OK');
    const device = owner.cookies.find((cookie) => cookie.startsWith('cadre_device='))?.split(';')[0];
    expect(device).toBeDefined();
    for (let i = 0; i < 10; i += 1) await attempt('officer', 'guess-guess-guess', `192.0.2.${i + 1}`);
    expect((await attempt('officer', fixturePassword, '192.0.2.200')).code).toBe('RATE_LIMITED');
    expect((await attempt('officer', fixturePassword, '198.51.100.1', device)).code).toBe('OK');
  });

  it('a deactivated account answers in the time of a wrong password (the same argon2 check)', async () => {
    await app.db.prisma.user.update({ where: { username: 'staff' }, data: { active: false } });
    const time = async (username: string, i: number) => {
      const started = performance.now();
      await attempt(username, 'not-the-password', `100.64.0.${i}`);
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const inactive: number[] = [];
    const active: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      inactive.push(await time('staff', i + 1));
      active.push(await time('council', i + 1));
    }
    expect(median(inactive)).toBeGreaterThan(median(active) * 0.5);
  });
});
