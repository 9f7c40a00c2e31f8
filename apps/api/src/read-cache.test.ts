import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadCache, type ReadCache } from './read-cache.ts';
import { createTestApp, gid, type TestApp } from './test-support/test-app.ts';

/** A database whose change notifications the test sends itself. */
function fakeFeed() {
  const feed: { send(what: string): void; state(listening: boolean): void } = {
    send: () => undefined,
    state: () => undefined,
  };
  const db = {
    async listen(_channel: string, handlers: { onMessage(p: string): void; onState?(l: boolean): void }) {
      feed.send = handlers.onMessage;
      feed.state = (listening) => handlers.onState?.(listening);
      handlers.onState?.(true);
      return async () => undefined;
    },
  };
  return { db, feed };
}

async function listeningCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const { db, feed } = fakeFeed();
  const cache = createReadCache({ db, ...options });
  await Promise.resolve();
  return { cache, feed };
}

/** waits (at most 5 s) for the cache's connection to listen for change notifications */
async function untilListening(cache: ReadCache): Promise<void> {
  const until = Date.now() + 5000;
  while (!cache.stats().listening && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

function counter() {
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    return calls.count;
  };
  return { calls, load };
}

describe('read cache', () => {
  it('serves a second read from memory and reads again after a change of what it read', async () => {
    const { cache, feed } = await listeningCache();
    const { load } = counter();
    const read = () => cache.read({ key: 'page', tags: ['EvaluationResult:c1', 'Person'], load });
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    feed.send('EvaluationResult:c2'); // another cycle
    expect(await read()).toBe(1);
    feed.send('EvaluationResult:c1');
    expect(await read()).toBe(2);
    feed.send('Person');
    expect(await read()).toBe(3);
    feed.send('EvaluationResult'); // the whole table (a TRUNCATE)
    expect(await read()).toBe(4);
    cache.changed('*');
    expect(await read()).toBe(5);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 5, entries: 1, listening: true });
  });

  it('does not keep what was read while a change committed', async () => {
    const { cache, feed } = await listeningCache();
    let release: () => void = () => undefined;
    const slow = cache.read({
      key: 'page',
      tags: ['Cycle'],
      load: () =>
        new Promise<string>((resolve) => {
          release = () => resolve('before');
        }),
    });
    feed.send('Cycle');
    release();
    expect(await slow).toBe('before');
    expect(await cache.read({ key: 'page', tags: ['Cycle'], load: async () => 'after' })).toBe('after');
  });

  it('shares one read between callers arriving together, and does not keep a failure', async () => {
    const { cache } = await listeningCache();
    const { calls, load } = counter();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.read({ key: 'page', tags: [], load })),
    );
    expect(new Set(results)).toEqual(new Set([1]));
    expect(calls.count).toBe(1);
    const failing = cache.read({
      key: 'broken',
      tags: [],
      load: () => Promise.reject(new Error('database down')),
    });
    await expect(failing).rejects.toThrow('database down');
    expect(await cache.read({ key: 'broken', tags: [], load: async () => 'back' })).toBe('back');
  });

  it('caches nothing while the notifications are not heard, and forgets everything it had', async () => {
    const { cache, feed } = await listeningCache();
    const { load } = counter();
    const read = () => cache.read({ key: 'page', tags: [], load });
    expect(await read()).toBe(1);
    feed.state(false);
    expect(await read()).toBe(2);
    expect(await read()).toBe(3);
    feed.state(true);
    expect(await read()).toBe(4);
    expect(await read()).toBe(4);
  });

  it('keeps nothing when turned off (READ_CACHE=off)', async () => {
    const { db } = fakeFeed();
    const cache = createReadCache({ db, enabled: false });
    await Promise.resolve();
    const { load } = counter();
    expect(await cache.read({ key: 'page', tags: [], load })).toBe(1);
    expect(await cache.read({ key: 'page', tags: [], load })).toBe(2);
    expect(cache.stats()).toMatchObject({ listening: false, entries: 0 });
  });

  it('lets entries expire and keeps at most maxEntries, dropping the least recently used', async () => {
    const { cache } = await listeningCache({ ttlMs: 0, maxEntries: 2 });
    const { load } = counter();
    await cache.read({ key: 'a', tags: [], load });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.read({ key: 'a', tags: [], load })).toBe(2);

    const small = (await listeningCache({ maxEntries: 2 })).cache;
    const values = counter();
    await small.read({ key: 'a', tags: [], load: values.load });
    await small.read({ key: 'b', tags: [], load: values.load });
    await small.read({ key: 'a', tags: [], load: values.load }); // a is used again
    await small.read({ key: 'c', tags: [], load: values.load }); // b goes
    expect(small.stats().entries).toBe(2);
    expect(await small.read({ key: 'a', tags: [], load: values.load })).toBe(1);
    expect(await small.read({ key: 'b', tags: [], load: values.load })).toBe(4);
  });
});

type Page = {
  results: {
    totalCount: number;
    edges: { node: { score: number; finalRating: string; person: { fullName: string } } }[];
  };
};

const rankingQuery = `query ($cycleId: ID!, $unitId: ID!) {
  results(cycleId: $cycleId, first: 50, filter: { unitId: $unitId }, orderBy: SCORE_DESC) {
    totalCount
    edges { node { score finalRating person { fullName } } } } }`;

describe.each(testEngines())('ranking pages cached on %s', (engine) => {
  let app: TestApp;
  let cache: ReadCache;
  let cycleId: string;
  let ranking: () => Promise<Page['results']>;

  /** what the ranking shows once the change notification has arrived (at most 5 s) */
  async function eventually(check: (page: Page['results']) => boolean): Promise<Page['results']> {
    const until = Date.now() + 5000;
    for (;;) {
      const page = await ranking();
      if (check(page) || Date.now() > until) return page;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    cache = app.services.readCache;
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
      },
    });
    cycleId = cycle.id;
    const people = await prisma.person.findMany({ select: { id: true, unitId: true } });
    await prisma.evaluationResult.createMany({
      data: people.map((person, index) => ({
        cycleId: cycle.id,
        personId: person.id,
        unitId: person.unitId,
        score: 60 + index * 5,
        proposedRating: 'GOOD',
        engineRating: 'GOOD',
        finalRating: 'GOOD',
        trace: [],
      })),
    });
    const token = await app.login('officer');
    ranking = async () => {
      const response = await app.graphql<Page>(
        rankingQuery,
        { cycleId: gid('Cycle', cycleId), unitId: gid('Unit', app.fixture.units.province) },
        { token },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.results as Page['results'];
    };
    // the listener is up before the first read is expected to be kept
    await untilListening(cache);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers the same ranking again without executing it', async () => {
    const first = await ranking();
    const before = { stats: cache.stats(), queries: app.queries.count };
    const again = await ranking();
    expect(again).toEqual(first);
    expect(cache.stats().hits).toBe(before.stats.hits + 1); // the whole response
    expect(cache.stats().misses).toBe(before.stats.misses);
    expect(app.queries.count).toBe(before.queries);
  });

  it('keeps rankings of different scopes apart: a head sees their own unit only', async () => {
    const asHead = await app.graphql<Page>(
      rankingQuery,
      { cycleId: gid('Cycle', cycleId), unitId: gid('Unit', app.fixture.units.province) },
      { token: await app.login('head') },
    );
    const asOfficer = await ranking();
    expect(asHead.data?.results.totalCount).toBeGreaterThan(0);
    expect(asHead.data?.results.totalCount).toBeLessThan(asOfficer.totalCount);
  });

  it('reads a page with flags afresh each time (flags are not among the tables it follows)', async () => {
    const query = `query ($cycleId: ID!) { results(cycleId: $cycleId, first: 50) {
      edges { node { person { fullName } flags { kind } } } } }`;
    const read = async () => {
      const response = await app.graphql<{
        results: { edges: { node: { person: { fullName: string }; flags: { kind: string }[] } }[] };
      }>(query, { cycleId: gid('Cycle', cycleId) }, { token: await app.login('officer') });
      expect(response.errors).toBeUndefined();
      return response.data?.results.edges ?? [];
    };
    expect((await read()).flatMap((edge) => edge.node.flags)).toEqual([]);
    await app.db.sql.query(
      `INSERT INTO "Flag" ("id","cycleId","personId","kind","status","rule","reason")
       SELECT 'flag-test', $1, "personId", 'ROTATION', 'ACTIVE', 'rotation.due', 'test' FROM "EvaluationResult"
       WHERE "cycleId" = $1 LIMIT 1`,
      [cycleId],
    );
    expect((await read()).flatMap((edge) => edge.node.flags)).toEqual([{ kind: 'ROTATION' }]);
  });

  it('shows a score written by another process once its transaction commits', async () => {
    const first = await ranking();
    const last = first.edges.at(-1)?.node.person.fullName as string;
    // another replica's write: no mutation of this process, only the database's notification
    await app.db.sql.query(
      `UPDATE "EvaluationResult" r SET score = 99.5 FROM "Person" p
       WHERE p.id = r."personId" AND p."fullName" = $1 AND r."cycleId" = $2`,
      [last, cycleId],
    );
    const page = await eventually((current) => current.edges[0]?.node.person.fullName === last);
    expect(page.edges[0]?.node).toMatchObject({ score: 99.5, person: { fullName: last } });
  });

  it('does not show a write that was rolled back', async () => {
    const before = await ranking();
    await expect(
      app.db.sql.transaction(async (tx) => {
        await tx.query(`UPDATE "EvaluationResult" SET score = 1 WHERE "cycleId" = $1`, [cycleId]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ranking()).toEqual(before);
  });

  it('shows a renamed person and a deleted result', async () => {
    const first = await ranking();
    const top = first.edges[0]?.node.person.fullName as string;
    await app.db.sql.query(`UPDATE "Person" SET "fullName" = $1 WHERE "fullName" = $2`, [
      `${top} (đổi tên)`,
      top,
    ]);
    const renamed = await eventually((page) => page.edges[0]?.node.person.fullName === `${top} (đổi tên)`);
    expect(renamed.edges[0]?.node.person.fullName).toBe(`${top} (đổi tên)`);
    await app.db.sql.query(
      `DELETE FROM "EvaluationResult" WHERE "cycleId" = $1 AND score = (SELECT min(score) FROM "EvaluationResult" WHERE "cycleId" = $1)`,
      [cycleId],
    );
    const smaller = await eventually((page) => page.totalCount === first.totalCount - 1);
    expect(smaller.totalCount).toBe(first.totalCount - 1);
    expect(smaller.edges).toHaveLength(first.edges.length - 1);
  });
});

describe.each(testEngines())('people searches cached on %s', (engine) => {
  let app: TestApp;
  let cache: ReadCache;
  const searchQuery = `query ($search: String!) {
    people(first: 50, filter: { search: $search }) { totalCount edges { node { code fullName unit { name } } } } }`;
  type Found = { people: { totalCount: number; edges: { node: { code: string; fullName: string } }[] } };
  const search = async (token: string, text: string) => {
    const response = await app.graphql<Found>(searchQuery, { search: text }, { token });
    expect(response.errors).toBeUndefined();
    return response.data?.people as Found['people'];
  };

  beforeAll(async () => {
    app = await createTestApp(engine);
    cache = app.services.readCache;
    await untilListening(cache);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers the same search again without executing it, apart for each scope', async () => {
    const officer = await app.login('officer');
    const first = await search(officer, 'van');
    const before = { hits: cache.stats().hits, queries: app.queries.count };
    expect(await search(officer, 'van')).toEqual(first);
    expect(cache.stats().hits).toBe(before.hits + 1);
    expect(app.queries.count).toBe(before.queries);
    const asHead = await search(await app.login('head'), 'van');
    expect(asHead.totalCount).toBeLessThan(first.totalCount);
  });

  it('finds a person renamed by another process once the change is committed', async () => {
    const officer = await app.login('officer');
    expect((await search(officer, 'xuyen')).totalCount).toBe(0);
    await app.db.sql.query(
      `UPDATE "Person" SET "fullName" = 'Trần Thị Xuyến', "searchName" = 'tran thi xuyen'
       WHERE id = (SELECT id FROM "Person" ORDER BY code LIMIT 1)`,
    );
    const until = Date.now() + 5000;
    let found = await search(officer, 'xuyen');
    while (found.totalCount === 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      found = await search(officer, 'xuyen');
    }
    expect(found.edges.map((edge) => edge.node.fullName)).toEqual(['Trần Thị Xuyến']);
  });

  it("does not keep a council member's search: their scope follows the proposals", async () => {
    const member = await app.login('council');
    await search(member, 'van');
    const hits = cache.stats().hits;
    await search(member, 'van');
    expect(cache.stats().hits).toBe(hits);
  });
});

describe.each(testEngines())('mutations and the read cache on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(async () => {
    await app.close();
  });

  it('forgets cached reads after a mutation of this process, but not after signing in', async () => {
    const cache = app.services.readCache;
    await untilListening(cache);
    const { load } = counter();
    await cache.read({ key: 'k', tags: [], load });
    await app.login('officer');
    expect(await cache.read({ key: 'k', tags: [], load })).toBe(1);
    const token = await app.login('officer');
    await app.graphql(
      'mutation ($id: ID!) { updateUnit(id: $id, input: { name: "Sở Nội vụ (mới)" }, version: 1) { __typename } }',
      { id: gid('Unit', app.fixture.units.dept1) },
      { token },
    );
    expect(await cache.read({ key: 'k', tags: [], load })).toBe(2);
  });
});
