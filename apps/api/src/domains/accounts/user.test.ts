import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const create = `mutation ($input: CreateUserInput!) { createUser(input: $input) {
  __typename ... on CreateUserSuccess { data { username person { id fullName } } }
  ... on Error { code message } ... on ValidationError { fields { field message } } } }`;

const deactivate = `mutation ($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) {
  __typename ... on Error { code message } ... on ValidationError { fields { field message } } } }`;

type Outcome = {
  __typename: string;
  code?: string;
  message?: string;
  fields?: { field: string; message: string }[];
  data?: { username: string; person: { id: string; fullName: string } | null };
};

describe.each(testEngines())('account administration on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  it('links a new account to a person', async () => {
    const token = await app.login('admin');
    const person = await app.db.prisma.person.findFirstOrThrow({
      where: { user: null },
      orderBy: { id: 'asc' },
    });
    const result = await app.graphql<{ createUser: Outcome }>(
      create,
      {
        input: {
          username: 'linked.staff',
          displayName: 'Linked',
          password: 'a-long-password',
          role: 'STAFF',
          personId: gid('Person', person.id),
        },
      },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createUser).toMatchObject({
      __typename: 'CreateUserSuccess',
      data: { username: 'linked.staff', person: { fullName: person.fullName } },
    });
  });

  it('refuses a person who already has an account, naming the field and that account', async () => {
    const token = await app.login('admin');
    const linked = await app.db.prisma.user.findFirstOrThrow({
      where: { personId: { not: null } },
      include: { person: true },
    });
    const result = await app.graphql<{ createUser: Outcome }>(
      create,
      {
        input: {
          username: 'second.account',
          displayName: 'Second',
          password: 'a-long-password',
          role: 'STAFF',
          personId: gid('Person', linked.personId ?? ''),
        },
      },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createUser.fields).toEqual([
      { field: 'input.personId', message: expect.stringContaining(`"${linked.username}"`) },
    ]);
  });

  it('says a duplicate username is taken, naming the field', async () => {
    const token = await app.login('admin');
    const input = { username: 'twice', displayName: 'Hai lần', password: 'a-long-password', role: 'STAFF' };
    await app.graphql(create, { input }, { token });
    const second = await app.graphql<{ createUser: Outcome }>(
      create,
      { input: { ...input, username: 'Twice' } },
      { token },
    );
    const outcome = second.data?.createUser;
    expect(outcome?.__typename).toBe('ValidationError');
    expect(outcome?.fields).toEqual([
      { field: 'input.username', message: expect.stringContaining('Tên đăng nhập "twice" đã có người dùng') },
    ]);
  });

  it('refuses locking oneself with a message that says so', async () => {
    const token = await app.login('admin');
    const admin = await app.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const result = await app.graphql<{ deactivateUser: Outcome }>(
      deactivate,
      { id: gid('User', admin.id), v: admin.version },
      { token },
    );
    const outcome = result.data?.deactivateUser;
    expect(outcome?.__typename).toBe('ValidationError');
    expect(outcome?.message).toContain('tự khóa');
    expect(outcome?.fields?.[0]?.message).toContain('tự khóa');
  });

  it('links an existing account to a person on edit, and unlinks it, refusing a person taken by another', async () => {
    const token = await app.login('admin');
    const update = `mutation ($id: ID!, $v: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $v, input: $input) {
      __typename ... on UpdateUserSuccess { data { version person { fullName } } }
      ... on ValidationError { fields { field message } } } }`;
    const council = await app.db.prisma.user.findUniqueOrThrow({ where: { username: 'council' } });
    const free = await app.db.prisma.person.findFirstOrThrow({
      where: { user: null },
      orderBy: { code: 'desc' },
    });
    type Updated = {
      __typename: string;
      data?: { version: number; person: { fullName: string } | null };
      fields?: { field: string; message: string }[];
    };
    const linked = await app.graphql<{ updateUser: Updated }>(
      update,
      { id: gid('User', council.id), v: council.version, input: { personId: gid('Person', free.id) } },
      { token },
    );
    expect(linked.data?.updateUser).toMatchObject({
      __typename: 'UpdateUserSuccess',
      data: { person: { fullName: free.fullName } },
    });
    const version = linked.data?.updateUser.data?.version ?? 0;
    const staff = await app.db.prisma.user.findUniqueOrThrow({ where: { username: 'staff' } });
    const taken = await app.graphql<{ updateUser: Updated }>(
      update,
      { id: gid('User', council.id), v: version, input: { personId: gid('Person', staff.personId ?? '') } },
      { token },
    );
    expect(taken.data?.updateUser.fields).toEqual([
      { field: 'input.personId', message: expect.stringContaining('"staff"') },
    ]);
    const unlinked = await app.graphql<{ updateUser: Updated }>(
      update,
      { id: gid('User', council.id), v: version, input: { personId: null } },
      { token },
    );
    expect(unlinked.data?.updateUser).toMatchObject({
      __typename: 'UpdateUserSuccess',
      data: { person: null },
    });
  });
});
