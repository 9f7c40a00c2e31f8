import { Prisma, toSearchText } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildViewer } from '../../../scope/viewer.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { buildPeopleWhere, buildPeopleWhereSql } from '../build-people-where.ts';
import { escapeLike } from './search-people.ts';

type PeopleData = {
  people: {
    totalCount: number;
    edges: { node: { fullName: string; code: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const peopleQuery = `query ($first: Int, $after: String, $filter: PeopleFilter) {
  people(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { fullName code } }
    pageInfo { hasNextPage endCursor } } }`;

type LastData = {
  people: {
    edges: { node: { code: string } }[];
    pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
  };
};

const lastQuery = `query ($last: Int, $before: String, $filter: PeopleFilter) {
  people(last: $last, before: $before, filter: $filter) {
    edges { node { code } }
    pageInfo { hasPreviousPage startCursor } } }`;

describe('LIKE patterns', () => {
  it('takes %, _ and the backslash literally', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe.each(testEngines())('people search on %s', (engine) => {
  let app: TestApp;
  let token: string;

  async function search(text: string, first = 20, after?: string) {
    const result = await app.graphql<PeopleData>(
      peopleQuery,
      { first, after, filter: { search: text } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.people as PeopleData['people'];
  }
  const names = (page: PeopleData['people']) => page.edges.map((edge) => edge.node.fullName);
  let add: (code: string, fullName: string) => Promise<unknown>;

  beforeAll(async () => {
    app = await createTestApp(engine);
    token = await app.login('officer');
    add = (code: string, fullName: string) =>
      app.db.prisma.person.create({
        data: {
          code,
          fullName,
          searchName: toSearchText(fullName),
          unitId: app.fixture.units.dept2,
          category: 'CONG_CHUC',
          hiredOn: new Date('2016-01-01'),
        },
      });
    await add('UY-1', 'Lê Thị Uyên');
    await add('UY-2', 'Uyển Nhi Trần');
    await add('A_1', 'Hoàng Văn Gạch');
    await add('A%2', 'Hoàng Văn Phần Trăm');
    await add('AB3', 'Hoàng Văn Ba');
  });
  afterAll(() => app.close());

  it('matches the words typed at the start of a word: "uyen" finds Uyên and Uyển, not Nguyễn', async () => {
    const page = await search('uyen');
    // "Uyển Nhi Trần" starts with the words typed, so it ranks first
    expect(names(page)).toEqual(['Uyển Nhi Trần', 'Lê Thị Uyên']);
    expect(page.totalCount).toBe(2);
  });

  it('ranks names that start with the words typed first, then by similarity', async () => {
    expect(names(await search('nguyen van'))).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Em']);
    expect(names(await search('van em'))).toEqual(['Nguyễn Văn Em']);
    expect(names(await search('BÌNH'))).toEqual(['Trần Thị Bình']);
  });

  it('takes % and _ literally, in codes and names', async () => {
    expect((await search('%')).edges.map((edge) => edge.node.code)).toEqual(['A%2']);
    expect((await search('a_')).edges.map((edge) => edge.node.code)).toEqual(['A_1']);
    expect((await search('_')).edges.map((edge) => edge.node.code)).toEqual(['A_1']);
  });

  it('finds a code anywhere in it, whatever the case', async () => {
    expect((await search('uy-')).edges.map((edge) => edge.node.code).sort()).toEqual(['UY-1', 'UY-2']);
    expect((await search('b3')).edges.map((edge) => edge.node.code)).toEqual(['AB3']);
  });

  it('pages through the ranked matches with cursors', async () => {
    const all = names(await search('hoang van'));
    expect(all).toHaveLength(3);
    const seen: string[] = [];
    let page = await search('hoang van', 1);
    expect(page.totalCount).toBe(3);
    seen.push(...names(page));
    while (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      page = await search('hoang van', 1, page.pageInfo.endCursor);
      seen.push(...names(page));
    }
    expect(seen).toEqual(all);
  });

  it('pages forward and back through all three tiers: name starts, code starts, then the rest', async () => {
    // "ba": names starting with it, the code starting with it, then names with a later word "Ba"
    await add('BA-9', 'Trịnh Thị Lan');
    await add('X-1', 'Bá Thị Hạnh');
    await add('X-2', 'Ba Văn Khải');
    const codes = (page: PeopleData['people']) => page.edges.map((edge) => edge.node.code);
    const all = codes(await search('ba'));
    expect(all.slice(0, 3)).toEqual(['X-1', 'X-2', 'BA-9']); // by name, then the code
    expect(all).toContain('AB3'); // Hoàng Văn Ba: a later word
    const forward: string[] = [];
    let page = await search('ba', 2);
    expect(page.totalCount).toBe(all.length);
    forward.push(...codes(page));
    while (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      page = await search('ba', 2, page.pageInfo.endCursor);
      forward.push(...codes(page));
    }
    expect(forward).toEqual(all);
    // backward from the end: the same people in the same order
    const last = await app.graphql<LastData>(lastQuery, { last: 2, filter: { search: 'ba' } }, { token });
    const backward = last.data?.people.edges.map((edge) => edge.node.code) ?? [];
    let before = last.data?.people.pageInfo.startCursor ?? null;
    let more = last.data?.people.pageInfo.hasPreviousPage ?? false;
    while (more && before) {
      const earlier = await app.graphql<LastData>(
        lastQuery,
        { last: 2, before, filter: { search: 'ba' } },
        { token },
      );
      backward.unshift(...(earlier.data?.people.edges.map((edge) => edge.node.code) ?? []));
      before = earlier.data?.people.pageInfo.startCursor ?? null;
      more = earlier.data?.people.pageInfo.hasPreviousPage ?? false;
    }
    expect(backward).toEqual(all);
  });

  it('keeps the scope: a head searches inside their department only', async () => {
    const head = await app.login('head');
    const result = await app.graphql<PeopleData>(peopleQuery, { filter: { search: 'van' } }, { token: head });
    // Sở A: An and Em; Cường (Văn) works in Sở B
    expect(result.data?.people.edges.map((edge) => edge.node.fullName).sort()).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Em',
    ]);
  });

  it('has the SQL scope of every role equal to the where-builder', async () => {
    const tree = await app.services.unitTrees.get();
    const councils = await app.db.prisma.council.findMany();
    // a nominee, so the council member's scope is not empty
    const cycle = await app.db.prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
      },
    });
    await app.db.prisma.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title: 'CSTDCS',
        personId: app.fixture.people.cuong,
        reason: 'thử',
        eligible: true,
      },
    });
    for (const username of ['admin', 'officer', 'head', 'council', 'staff'] as const) {
      const user = await app.db.prisma.user.findUniqueOrThrow({
        where: { id: app.fixture.users[username] },
        include: { person: true, councilSeats: { include: { council: true } } },
      });
      const viewer = buildViewer(
        {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          personId: user.personId,
          personUnitId: user.person?.unitId ?? null,
          scopeUnitId: user.scopeUnitId,
          sessionId: 's',
          csrfToken: 'c',
          councils: councils
            .filter((council) => user.councilSeats.some((seat) => seat.councilId === council.id))
            .map((council) => ({ id: council.id, scopeUnitId: council.scopeUnitId })),
        },
        tree,
      );
      const viaPrisma = await app.db.prisma.person.findMany({
        where: buildPeopleWhere({ viewer }),
        select: { id: true },
      });
      const viaSql = await app.db.prisma.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT p.id FROM "Person" p WHERE ${buildPeopleWhereSql({ viewer })}`,
      );
      expect(viaSql.map((row) => row.id).sort(), username).toEqual(viaPrisma.map((row) => row.id).sort());
    }
  });
});
