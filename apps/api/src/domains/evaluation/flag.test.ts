import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const review = `mutation ($id: ID!, $v: Int!, $r: FlagReviewChoice!) { reviewFlag(id: $id, review: $r, reason: "Đã xác minh hồ sơ", version: $v) {
  __typename ... on ReviewFlagSuccess { data { review reviewReason version } } ... on ConflictError { currentVersion } } }`;

describe.each(testEngines())('flags on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let flagId: string;
  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: '2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'REVIEW',
      },
    });
    cycleId = gid('Cycle', cycle.id);
    const flag = await prisma.flag.create({
      data: {
        cycleId: cycle.id,
        personId: app.fixture.people.cuong,
        kind: 'STREAMLINING',
        status: 'ACTIVE',
        rule: 'nd154.not-completed',
        reason: 'Không hoàn thành nhiệm vụ năm 2026',
      },
    });
    await prisma.flag.create({
      data: {
        cycleId: cycle.id,
        personId: app.fixture.people.binh,
        kind: 'ROTATION',
        status: 'ACTIVE',
        rule: 'rotation.period',
        reason: 'Đủ 3 năm',
      },
    });
    flagId = gid('Flag', flag.id);
  });
  afterAll(() => app.close());

  it('lists flags with reasons, filtered by kind, review state and unit subtree, within scope', async () => {
    const query = `query ($c: ID!, $k: FlagKind, $u: ID) { flags(cycleId: $c, kind: $k, unitId: $u, first: 10) { totalCount edges { node { kind reason person { fullName } } } } }`;
    const all = await app.graphql<{ flags: { totalCount: number } }>(
      query,
      { c: cycleId },
      { token: await app.login('officer') },
    );
    expect(all.data?.flags.totalCount).toBe(2);
    const kind = await app.graphql<{ flags: { edges: { node: { reason: string } }[] } }>(
      query,
      { c: cycleId, k: 'STREAMLINING' },
      { token: await app.login('officer') },
    );
    expect(kind.data?.flags.edges.map((edge) => edge.node.reason)).toEqual([
      'Không hoàn thành nhiệm vụ năm 2026',
    ]);
    const subtree = await app.graphql<{ flags: { totalCount: number } }>(
      query,
      { c: cycleId, u: gid('Unit', app.fixture.units.dept1) },
      { token: await app.login('officer') },
    );
    expect(subtree.data?.flags.totalCount).toBe(1);
    const head = await app.graphql<{ flags: { totalCount: number } }>(
      query,
      { c: cycleId },
      { token: await app.login('head') },
    );
    expect(head.data?.flags.totalCount).toBe(1);
    for (const user of ['staff', 'council'] as const) {
      const denied = await app.graphql(query, { c: cycleId }, { token: await app.login(user) });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('reviews a flag once per version: a stale version is a conflict', async () => {
    const first = await app.graphql<{ reviewFlag: { __typename: string; data: { version: number } } }>(
      review,
      { id: flagId, v: 1, r: 'POSTPONED' },
      { token: await app.login('officer') },
    );
    expect(first.data?.reviewFlag).toMatchObject({ __typename: 'ReviewFlagSuccess', data: { version: 2 } });
    const stale = await app.graphql<{ reviewFlag: { __typename: string; currentVersion: number } }>(
      review,
      { id: flagId, v: 1, r: 'DISMISSED' },
      { token: await app.login('officer') },
    );
    expect(stale.data?.reviewFlag).toEqual({ __typename: 'ConflictError', currentVersion: 2 });
    const head = await app.graphql<{ reviewFlag: { __typename: string } }>(
      review,
      { id: flagId, v: 2, r: 'ACCEPTED' },
      { token: await app.login('head') },
    );
    expect(head.data?.reviewFlag?.__typename ?? head.errors?.[0]?.extensions?.code).toMatch(
      /Forbidden|FORBIDDEN/,
    );
  });
});
