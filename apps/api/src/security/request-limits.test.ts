// Expensive requests are refused before they cost anything: list arguments are capped (and counted
// in the complexity limit), deeply nested variables are a clear 400, not a 500, and a body too large
// for any GraphQL request is refused before it is read.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, maxGraphqlBodyBytes } from '../server.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';
import { maxListArgument } from './document-limits.ts';

describe.each(testEngines())('request limits (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  const ids = (count: number) => Array.from({ length: count }, () => gid('Person', randomUUID()));

  it(`nodes(ids:) takes at most ${maxListArgument} ids: 10,000 or 100,000 are refused at once without a lookup`, async () => {
    const token = await app.login('staff');
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const ok = await app.graphql<{ nodes: unknown[] }>(query, { ids: ids(maxListArgument) }, { token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.nodes).toHaveLength(maxListArgument);
    for (const count of [10_000, 100_000]) {
      const sent = ids(count);
      app.queries.count = 0;
      const started = Date.now();
      const many = await app.graphql(query, { ids: sent }, { token });
      expect(Date.now() - started, `${count} ids`).toBeLessThan(2_000);
      expect(many.data ?? null).toBeNull();
      expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(many.errors?.[0]?.message).toMatch(/nodes\.ids takes at most 100/);
      // only the session lookup ran: no person was looked up
      expect(app.queries.count).toBeLessThanOrEqual(3);
    }
  });

  it('a list written inline and a list inside a mutation argument are capped the same way', async () => {
    const token = await app.login('officer');
    const inline = `{ nodes(ids: [${ids(maxListArgument + 1)
      .map((id) => `"${id}"`)
      .join(',')}]) { id } }`;
    const refused = await app.graphql(inline, {}, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const decide = await app.graphql(
      'mutation ($c: ID!, $p: [ID!]!) { decideTitles(cycleId: $c, proposalIds: $p, number: "1/QĐ", decidedOn: "2026-12-30", signedBy: "x") { __typename } }',
      {
        c: gid('Cycle', randomUUID()),
        p: ids(maxListArgument + 1).map(() => gid('TitleProposal', randomUUID())),
      },
      { token },
    );
    expect(decide.errors?.[0]?.message, JSON.stringify(decide)).toMatch(/decideTitles\.proposalIds/);
  });

  it('ids count in the complexity limit: 100 ids under a deep selection is too complex', async () => {
    const token = await app.login('officer');
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Cycle { transitions { byUser { person { unit { children { id name } } } } } } } }`;
    const result = await app.graphql(query, { ids: ids(maxListArgument) }, { token });
    expect(result.errors?.[0]?.message).toMatch(/Query too complex/);
  });

  it('variables nested 10,000 levels deep are a clear error, not a crash', async () => {
    const depth = 10_000;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.login('officer')}` },
      body: `{"query":${JSON.stringify(
        'mutation ($o: JSON) { createCycle(input: { year: 2030, name: "x", packId: "p", scopeUnitId: "x", overrides: $o }) { __typename } }',
      )},"variables":{"o":${nested}}}`,
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(/nested too deeply/);
  });

  it(`a GraphQL body above ${maxGraphqlBodyBytes / 1024} KB is refused with 413 before it is read`, async () => {
    const { handler } = createServer({ services: app.services, demo: null, yoga: app.yoga });
    const server = createHttpServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const token = await app.login('staff');
      const post = (body: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
      const big = await post(
        JSON.stringify({
          query: 'query ($s: String) { me { id } }',
          variables: { s: 'x'.repeat(maxGraphqlBodyBytes) },
        }),
      );
      expect(big.status).toBe(413);
      expect(((await big.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
      const small = await post(JSON.stringify({ query: '{ me { username } }' }));
      expect(small.status).toBe(200);
      expect(((await small.json()) as { data: { me: { username: string } } }).data.me.username).toBe('staff');
    } finally {
      server.close();
    }
  });
});
