// Which client a request reads through when a replica is configured: the heavy reads (rankings,
// counts) on the replica, never kept in the read cache; everything else, and every read of a session
// that just wrote, on the primary. (The real streaming replica is in topology.integration-test.ts;
// here the "replica" is the same database behind a client that counts its queries.)
import type { PrismaClient } from '@cadre/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from './context.ts';
import { createReadRouting, type ReadRouting } from './read-replica.ts';
import { createTestApp, gid, type TestApp } from './test-support/test-app.ts';
import { createYoga, type Yoga } from './yoga.ts';

describe('reads on a replica', () => {
  let app: TestApp;
  let yoga: Yoga;
  let reads: ReadRouting;
  let cycleId: string;
  const onReplica = { count: 0 };

  const ask = async <T>(query: string, variables: Record<string, unknown>, token: string) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };
  const ranking = `query ($c: ID!) { results(cycleId: $c, first: 10) { totalCount edges { node { score person { fullName } } } } }`;

  beforeAll(async () => {
    app = await createTestApp('pglite');
    const replica = app.db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          onReplica.count += 1;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    reads = createReadRouting({
      primary: app.services.prisma,
      replica,
      replicaSql: app.db.sql,
      readAfterWriteSeconds: 1,
    });
    const services: AppServices = { ...app.services, reads };
    yoga = createYoga(services);
    const cycle = await app.db.prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
      },
    });
    cycleId = cycle.id;
    const people = await app.db.prisma.person.findMany({ select: { id: true, unitId: true } });
    await app.db.prisma.evaluationResult.createMany({
      data: people.map((person, index) => ({
        cycleId: cycle.id,
        personId: person.id,
        unitId: person.unitId,
        score: 60 + index,
        proposedRating: 'GOOD',
        engineRating: 'GOOD',
        finalRating: 'GOOD',
        trace: [],
      })),
    });
  });

  afterAll(async () => {
    await reads.close();
    await app.close();
  });

  it('a ranking is read from the replica, every time (a replica answer is not kept in the read cache)', async () => {
    const token = await app.login('officer');
    const before = onReplica.count;
    const first = await ask<{ results: { totalCount: number } }>(
      ranking,
      { c: gid('Cycle', cycleId) },
      token,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.results.totalCount).toBeGreaterThan(0);
    const afterFirst = onReplica.count;
    expect(afterFirst).toBeGreaterThan(before);
    await ask(ranking, { c: gid('Cycle', cycleId) }, token);
    expect(onReplica.count).toBeGreaterThan(afterFirst);
  });

  it('other reads stay on the primary', async () => {
    const token = await app.login('officer');
    const before = onReplica.count;
    const me = await ask<{ me: { id: string } }>('{ me { id } }', {}, token);
    expect(me.data?.me.id).toBeTruthy();
    expect(onReplica.count).toBe(before);
  });

  it('a session that wrote reads from the primary for the next seconds, then from the replica again', async () => {
    const token = await app.login('head');
    // any mutation marks the session, even one that is refused
    await ask(
      'mutation { changePassword(currentPassword: "not-it", newPassword: "x") { __typename } }',
      {},
      token,
    );
    const before = onReplica.count;
    const fresh = await ask<{ results: { totalCount: number } }>(
      ranking,
      { c: gid('Cycle', cycleId) },
      token,
    );
    expect(fresh.errors).toBeUndefined();
    expect(onReplica.count, 'read your own write: from the primary').toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // (another page: the one read from the primary is in the read cache, rightly, and answered from it)
    await ask(ranking.replace('first: 10', 'first: 9'), { c: gid('Cycle', cycleId) }, token);
    expect(onReplica.count).toBeGreaterThan(before);
  });

  it('the lag of a server that is no standby is reported as such', async () => {
    expect(await reads.lag()).toMatchObject({ standby: false, lagSeconds: null });
  });
});
