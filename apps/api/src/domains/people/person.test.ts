import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type PeopleData = {
  people: {
    totalCount: number;
    edges: { node: { id: string; fullName: string; unit: { id: string; name: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const peopleQuery = `query ($first: Int, $after: String, $filter: PeopleFilter) {
  people(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { id fullName unit { id name } } }
    pageInfo { hasNextPage endCursor } } }`;

describe.each(testEngines())('people on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  it('pages through everyone in the officer’s province', async () => {
    const token = await app.login('officer');
    const first = await app.graphql<PeopleData>(peopleQuery, { first: 2 }, { token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.people.totalCount).toBe(5);
    expect(first.data?.people.edges).toHaveLength(2);
    expect(first.data?.people.pageInfo.hasNextPage).toBe(true);
    const names: string[] = first.data?.people.edges.map((edge) => edge.node.fullName) ?? [];
    let after = first.data?.people.pageInfo.endCursor;
    while (after) {
      const page = await app.graphql<PeopleData>(peopleQuery, { first: 2, after }, { token });
      names.push(...(page.data?.people.edges.map((edge) => edge.node.fullName) ?? []));
      after = page.data?.people.pageInfo.hasNextPage ? page.data.people.pageInfo.endCursor : null;
    }
    expect(names).toEqual([
      'Lê Văn Cường',
      'Nguyễn Văn An',
      'Nguyễn Văn Em',
      'Phạm Thị Dung',
      'Trần Thị Bình',
    ]);
  });

  it('finds “Nguyễn Văn …” when searching “nguyen van” without diacritics', async () => {
    const token = await app.login('officer');
    const result = await app.graphql<PeopleData>(
      peopleQuery,
      { filter: { search: 'nguyen van' } },
      { token },
    );
    expect(result.data?.people.edges.map((edge) => edge.node.fullName)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Em',
    ]);
    const accented = await app.graphql<PeopleData>(peopleQuery, { filter: { search: 'BÌNH' } }, { token });
    expect(accented.data?.people.edges.map((edge) => edge.node.fullName)).toEqual(['Trần Thị Bình']);
  });

  it('filters by a unit including its subtree', async () => {
    const token = await app.login('officer');
    const result = await app.graphql<PeopleData>(
      peopleQuery,
      { filter: { unitId: gid('Unit', app.fixture.units.dept1) } },
      { token },
    );
    expect(result.data?.people.edges.map((edge) => edge.node.fullName).sort()).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Em',
      'Trần Thị Bình',
    ]);
  });

  it('shows a unit head only their department; another department’s person is null', async () => {
    const token = await app.login('head');
    const result = await app.graphql<PeopleData>(peopleQuery, { first: 50 }, { token });
    expect(result.data?.people.totalCount).toBe(3);
    expect(result.data?.people.edges.every((edge) => edge.node.unit.name !== 'Sở B')).toBe(true);
    const nodeQuery = 'query ($id: ID!) { node(id: $id) { id ... on Person { fullName } } }';
    const outside = await app.graphql(nodeQuery, { id: gid('Person', app.fixture.people.cuong) }, { token });
    expect(outside.errors).toBeUndefined();
    expect(outside.data).toEqual({ node: null });
    const missing = await app.graphql(
      nodeQuery,
      { id: gid('Person', '00000000-0000-7000-8000-000000000000') },
      { token },
    );
    expect(missing.data).toEqual({ node: null });
    const inside = await app.graphql(nodeQuery, { id: gid('Person', app.fixture.people.binh) }, { token });
    expect(inside.data).toEqual({
      node: { id: gid('Person', app.fixture.people.binh), fullName: 'Trần Thị Bình' },
    });
  });

  it('shows staff only themselves', async () => {
    const token = await app.login('staff');
    const result = await app.graphql<PeopleData>(peopleQuery, {}, { token });
    expect(result.data?.people.edges.map((edge) => edge.node.fullName)).toEqual(['Trần Thị Bình']);
    expect(result.data?.people.totalCount).toBe(1);
  });

  it('refuses a stale version with a ConflictError and keeps the newer data', async () => {
    const token = await app.login('officer');
    const mutation = `mutation ($id: ID!, $version: Int!, $input: UpdatePersonInput!) {
      updatePerson(id: $id, version: $version, input: $input) {
        __typename
        ... on UpdatePersonSuccess { data { fullName version } }
        ... on ConflictError { code currentVersion } } }`;
    const id = gid('Person', app.fixture.people.dung);
    const first = await app.graphql(
      mutation,
      { id, version: 1, input: { fullName: 'Phạm Thị Dung Mới' } },
      { token },
    );
    expect(first.data).toEqual({
      updatePerson: {
        __typename: 'UpdatePersonSuccess',
        data: { fullName: 'Phạm Thị Dung Mới', version: 2 },
      },
    });
    const stale = await app.graphql(mutation, { id, version: 1, input: { fullName: 'Ghi đè' } }, { token });
    expect(stale.data).toEqual({
      updatePerson: { __typename: 'ConflictError', code: 'CONFLICT', currentVersion: 2 },
    });
    const row = await app.db.prisma.person.findUniqueOrThrow({ where: { id: app.fixture.people.dung } });
    expect(row.fullName).toBe('Phạm Thị Dung Mới');
    expect(row.searchName).toBe('pham thi dung moi');
  });

  it('reports invalid input as a ValidationError naming the field', async () => {
    const token = await app.login('officer');
    const result = await app.graphql<{ createPerson: { __typename: string; fields: { field: string }[] } }>(
      `mutation ($input: CreatePersonInput!) { createPerson(input: $input) {
        __typename ... on ValidationError { fields { field message } } } }`,
      {
        input: {
          code: 'X1',
          fullName: '',
          unitId: gid('Unit', app.fixture.units.dept2),
          category: 'CONG_CHUC',
          hiredOn: '2020-01-01',
        },
      },
      { token },
    );
    expect(result.data?.createPerson.__typename).toBe('ValidationError');
    expect(result.data?.createPerson.fields[0]?.field).toContain('fullName');
  });

  it('runs the same number of queries for 10 and for 100 people (no N+1)', async () => {
    const token = await app.login('officer');
    const query = `query ($first: Int) { people(first: $first) {
      totalCount edges { node { id fullName unit { id name parent { name } } leadsUnit { name } } } } }`;
    await app.db.prisma.person.createMany({
      data: Array.from({ length: 40 }, (_, index) => ({
        code: `BULK${index}`,
        fullName: `Hoàng Văn Số ${index}`,
        searchName: `hoang van so ${index}`,
        unitId: index % 2 ? app.fixture.units.dept2 : app.fixture.units.dept1a,
        category: 'VIEN_CHUC' as const,
        hiredOn: new Date('2019-01-01'),
      })),
    });
    await app.graphql(query, { first: 1 }, { token }); // warm the unit-tree cache
    app.queries.count = 0;
    await app.graphql(query, { first: 10 }, { token });
    const ten = app.queries.count;
    app.queries.count = 0;
    await app.graphql(query, { first: 100 }, { token });
    expect(app.queries.count).toBe(ten);
    expect(ten).toBeLessThanOrEqual(4);
  });
});
