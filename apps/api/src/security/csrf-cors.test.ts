// Login CSRF and CORS: a foreign page can send a form or text/plain without a preflight, so every
// POST must be JSON; and no other origin is told it may read answers with credentials.
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePassword } from '../test-support/fixture.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

describe.each(testEngines())('only JSON posts, no CORS for other origins (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  const login = `mutation { login(username: "staff", password: "${fixturePassword}") { token } }`;

  const post = (contentType: string, body: BodyInit, headers: Record<string, string> = {}) =>
    app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': contentType, origin: 'https://evil.example', ...headers },
      body,
    });

  it('a login sent as a form, as multipart or as text/plain is refused with 415 and opens no session', async () => {
    const form = new URLSearchParams({ query: login });
    const multipart = new FormData();
    multipart.set('operations', JSON.stringify({ query: login }));
    multipart.set('map', '{}');
    const attempts = [
      await post('application/x-www-form-urlencoded', form.toString()),
      await app.yoga.fetch('http://localhost/graphql', { method: 'POST', body: multipart }),
      await post('text/plain', JSON.stringify({ query: login })),
      await post('text/plain;charset=UTF-8', JSON.stringify({ query: login })),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(415);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(await app.db.prisma.session.count()).toBe(0);
  });

  it('JSON still logs in', async () => {
    const response = await post('application/json', JSON.stringify({ query: login }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { login: { token: string } } };
    expect(body.data.login.token.length).toBeGreaterThan(20);
  });

  it('another origin is never reflected nor allowed credentials, on a preflight or a request', async () => {
    const preflight = await app.yoga.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-csrf-token',
      },
    });
    const request = await post('application/json', JSON.stringify({ query: '{ __typename }' }));
    for (const response of [preflight, request]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});
