import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const create = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fields { field message } }
  ... on CreatePersonSuccess { data { id personalId } } } }`;

type Created = {
  createPerson: {
    __typename: string;
    message?: string;
    fields?: { field: string }[];
    data?: { personalId: string };
  };
};

describe.each(testEngines())('personal identification numbers on %s', (engine) => {
  let app: TestApp;
  let token: string;
  const input = (code: string, personalId: string) => ({
    code,
    fullName: 'Vũ Thị Mai',
    unitId: gid('Unit', app.fixture.units.dept1),
    category: 'CONG_CHUC',
    hiredOn: '2020-01-01',
    personalId,
  });

  beforeAll(async () => {
    app = await createTestApp(engine);
    token = await app.login('officer');
  });
  afterAll(() => app?.close());

  it('keeps a 12-digit number typed in groups, and refuses a malformed or repeated one naming the field', async () => {
    const ok = await app.graphql<Created>(create, { input: input('M1', '045 186 000 123') }, { token });
    expect(ok.data?.createPerson).toMatchObject({
      __typename: 'CreatePersonSuccess',
      data: { personalId: '045186000123' },
    });
    for (const bad of ['04518600012', '04518600012X', '999186000123']) {
      const refused = await app.graphql<Created>(create, { input: input(`M-${bad}`, bad) }, { token });
      expect(refused.data?.createPerson.__typename).toBe('ValidationError');
      expect(refused.data?.createPerson.fields?.[0]?.field).toBe('input.personalId');
    }
    const twice = await app.graphql<Created>(create, { input: input('M2', '045186000123') }, { token });
    expect(twice.data?.createPerson.__typename).toBe('ConflictError');
    expect(await app.db.prisma.person.count({ where: { personalId: { not: null } } })).toBe(1);
  });
});
