import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const create = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) {
  __typename ... on CreateUnitSuccess { data { name code } } ... on ValidationError { fields { field message messageKey } } } }`;

type Created = {
  createUnit: {
    __typename: string;
    data?: { name: string };
    fields?: { field: string; message: string; messageKey: string | null }[];
  };
};

describe.each(testEngines())('units on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  it('refuses a name of spaces on the name field, and saves a name without its outer spaces', async () => {
    const token = await app.login('officer');
    const input = { code: 'SA2', kind: 'DIVISION', parentId: gid('Unit', app.fixture.units.dept1) };
    const blank = await app.graphql<Created>(create, { input: { ...input, name: '   ' } }, { token });
    expect(blank.data?.createUnit.__typename).toBe('ValidationError');
    expect(blank.data?.createUnit.fields?.map((field) => field.field)).toEqual(['input.name']);
    // the Vietnamese words, and the key the web app shows them in English by
    expect(blank.data?.createUnit.fields?.[0]).toMatchObject({
      message: 'Tên đơn vị không được để trống',
      messageKey: 'unit.nameEmpty',
    });
    const named = await app.graphql<Created>(
      create,
      { input: { ...input, name: '  Phòng A2  ' } },
      { token },
    );
    expect(named.data?.createUnit).toMatchObject({
      __typename: 'CreateUnitSuccess',
      data: { name: 'Phòng A2' },
    });
  });
});
