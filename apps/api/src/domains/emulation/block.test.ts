// The block ranking as a unit head reads it: every unit of his emulation block with its rank and
// unit score (a peer named with its parent), and none of the peers' people.
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type Row = {
  blockRank: number;
  unitScore: number | null;
  inScope: boolean;
  unit: {
    id: string;
    name: string;
    parent: { name: string } | null;
    block: { name: string } | null;
    heads: { fullName: string }[];
  };
};

const blockRankingsQuery = `query ($c: ID!) { blockRankings(cycleId: $c) {
  blockRank unitScore inScope
  unit { id name parent { name } block { name } heads { fullName } } } }`;

describe.each(testEngines())('block rankings on %s', (engine) => {
  let app: TestApp;
  let cycleId = '';

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const { units, people } = app.fixture;
    // Sở A (the head's) and Sở B compete in one block; Cường heads Sở B
    const block = await prisma.emulationBlock.create({ data: { code: 'K1', name: 'Khối các sở' } });
    await prisma.unit.updateMany({
      where: { id: { in: [units.dept1, units.dept2] } },
      data: { blockId: block.id },
    });
    await prisma.person.update({ where: { id: people.cuong }, data: { leadsUnitId: units.dept2 } });
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
    });
    cycleId = gid('Cycle', cycle.id);
    const unitResult = (unitId: string, blockRank: number, unitScore: number) =>
      prisma.unitResult.create({
        data: {
          cycleId: cycle.id,
          unitId,
          excellentEligible: 1,
          excellentAllowed: 1,
          excellentGranted: 1,
          blockRank,
          unitScore,
        },
      });
    await unitResult(units.dept2, 1, 91.25);
    await unitResult(units.dept1, 2, 88.5);
    for (const [personId, unitId, score] of [
      [people.an, units.dept1, 90],
      [people.em, units.dept1, 87],
      [people.cuong, units.dept2, 95],
      [people.dung, units.dept2, 87.5],
    ] as const) {
      await prisma.evaluationResult.create({
        data: {
          cycleId: cycle.id,
          personId,
          unitId,
          score,
          proposedRating: 'GOOD',
          engineRating: 'GOOD',
          finalRating: 'GOOD',
          trace: [],
        },
      });
    }
  });
  afterAll(() => app.close());

  it('the head sees each unit of his block with its rank, unit score and parent, his own marked', async () => {
    const token = await app.login('head');
    const answer = await app.graphql<{ blockRankings: Row[] }>(blockRankingsQuery, { c: cycleId }, { token });
    expect(answer.errors).toBeUndefined();
    const rows = answer.data?.blockRankings ?? [];
    expect(
      rows.map((row) => [row.blockRank, row.unit.name, row.unit.parent?.name, row.unitScore, row.inScope]),
    ).toEqual([
      [1, 'Sở B', 'UBND tỉnh Thử Nghiệm', 91.25, false],
      [2, 'Sở A', 'UBND tỉnh Thử Nghiệm', 88.5, true],
    ]);
    expect(rows.every((row) => row.unit.block?.name === 'Khối các sở')).toBe(true);
    // the peer's head is a person of another unit: not named
    expect(rows[0]?.unit.heads).toEqual([]);
    expect(rows[1]?.unit.heads.map((head) => head.fullName)).toEqual(['Nguyễn Văn An']);
  });

  it('no person of the peer unit reaches the head: not in the ranking, the people ranking nor the results', async () => {
    const token = await app.login('head');
    const peer = gid('Unit', app.fixture.units.dept2);
    const ranking = await app.graphql<{ ranking: { rank: number }[] }>(
      `query ($c: ID!, $u: ID!) { ranking(cycleId: $c, unitId: $u) { rank result { person { fullName } } } }`,
      { c: cycleId, u: peer },
      { token },
    );
    expect(ranking.data?.ranking).toEqual([]);
    const results = await app.graphql<{ results: { totalCount: number } }>(
      `query ($c: ID!, $u: ID!) { results(cycleId: $c, filter: { unitId: $u }) { totalCount } }`,
      { c: cycleId, u: peer },
      { token },
    );
    expect(results.data?.results.totalCount ?? 0).toBe(0);
    const everything = JSON.stringify(
      await app.graphql(
        `query ($c: ID!) { blockRankings(cycleId: $c) { unit { name peopleCount heads { fullName }
          children { name heads { fullName } } } } }`,
        { c: cycleId },
        { token },
      ),
    );
    for (const name of ['Lê Văn Cường', 'Phạm Thị Dung']) expect(everything).not.toContain(name);
  });

  it('an officer of the province sees both units as his own', async () => {
    const answer = await app.graphql<{ blockRankings: Row[] }>(
      blockRankingsQuery,
      { c: cycleId },
      { token: await app.login('officer') },
    );
    expect(answer.data?.blockRankings.map((row) => [row.unit.name, row.inScope])).toEqual([
      ['Sở B', true],
      ['Sở A', true],
    ]);
  });
});
