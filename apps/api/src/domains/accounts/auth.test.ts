import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePassword } from '../../test-support/fixture.ts';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const loginMutation = `mutation ($u: String!, $p: String!) {
  login(username: $u, password: $p) { token user { id username role } } }`;

describe.each(testEngines())('accounts on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  it('logs in with the right password and returns the contract shape', async () => {
    const result = await app.graphql<{ login: { token: string; user: { username: string; role: string } } }>(
      loginMutation,
      { u: 'officer', p: fixturePassword },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.token).toMatch(/^[\w-]{20,}$/);
    expect(result.data?.login.user).toMatchObject({ username: 'officer', role: 'OFFICER' });
    const session = await app.db.prisma.session.findFirst({ where: { userId: app.fixture.users.officer } });
    expect(session?.tokenHash).toHaveLength(64);
    expect(session?.tokenHash).not.toBe(result.data?.login.token);
  });

  it('refuses a wrong password with UNAUTHENTICATED and no data', async () => {
    const result = await app.graphql(loginMutation, { u: 'officer', p: 'wrong password' });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sets an HttpOnly SameSite=Lax cookie on login', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: loginMutation, variables: { u: 'admin', p: fixturePassword } }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/cadre_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('denies anonymous callers everything but login', async () => {
    const me = await app.graphql('{ me { id } }');
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const people = await app.graphql('{ people(first: 1) { totalCount } }');
    expect(people.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(people.data ?? null).toBeNull();
  });

  it('answers me for the bearer of a token', async () => {
    const token = await app.login('head');
    const result = await app.graphql<{ me: { username: string; role: string; scopeUnit: { name: string } } }>(
      '{ me { id username role displayName scopeUnit { name } person { fullName } } }',
      {},
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toMatchObject({
      username: 'head',
      role: 'UNIT_HEAD',
      scopeUnit: { name: 'Sở A' },
    });
  });

  it('requires the CSRF header for cookie-authenticated requests', async () => {
    const login = await app.graphql<{ login: { token: string } }>(loginMutation, {
      u: 'staff',
      p: fixturePassword,
    });
    const token = login.data?.login.token ?? '';
    const cookie = `cadre_session=${token}`;
    const without = await app.graphql('{ me { username } }', {}, { headers: { cookie } });
    expect(without.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await app.graphql<{ me: { csrfToken: string } }>('{ me { csrfToken } }', {}, { token });
    const withHeader = await app.graphql<{ me: { username: string } }>(
      '{ me { username } }',
      {},
      {
        headers: { cookie, 'x-csrf-token': me.data?.me.csrfToken ?? '' },
      },
    );
    expect(withHeader.data?.me.username).toBe('staff');
  });

  it('ends the session on logout', async () => {
    const login = await app.graphql<{ login: { token: string } }>(loginMutation, {
      u: 'council',
      p: fixturePassword,
    });
    const token = login.data?.login.token ?? '';
    expect((await app.graphql('mutation { logout }', {}, { token })).data).toEqual({ logout: true });
    const after = await app.graphql('{ me { id } }', {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('throttles after five failures for the same username and address', async () => {
    for (let i = 0; i < 5; i += 1) await app.graphql(loginMutation, { u: 'head', p: `nope-${i}` });
    const blocked = await app.graphql(loginMutation, { u: 'head', p: fixturePassword });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('enforces the password policy on changePassword', async () => {
    const token = await app.login('officer');
    const result = await app.graphql<{
      changePassword: {
        __typename: string;
        fields?: { field: string; message: string; messageKey: string | null; messageParams: unknown }[];
      };
    }>(
      `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
        __typename ... on ValidationError { fields { field message messageKey messageParams } } } }`,
      { c: fixturePassword, n: 'short' },
      { token },
    );
    expect(result.data?.changePassword.__typename).toBe('ValidationError');
    // Vietnamese words, and the key and values the web app translates them by (never "vi / en")
    expect(result.data?.changePassword.fields?.[0]).toEqual({
      field: 'newPassword',
      message: 'Mật khẩu phải có ít nhất 10 ký tự',
      messageKey: 'password.tooShort',
      messageParams: { min: 10 },
    });
  });

  it('lets an admin create an account and refuses a duplicate username', async () => {
    const token = await app.login('admin');
    const create = `mutation ($input: CreateUserInput!) { createUser(input: $input) {
      __typename ... on CreateUserSuccess { data { username role mustChangePassword } }
      ... on Error { code message } } }`;
    const input = {
      username: 'newbie',
      displayName: 'Người mới',
      password: 'a-long-password',
      role: 'STAFF',
    };
    const first = await app.graphql<{ createUser: { __typename: string } }>(create, { input }, { token });
    expect(first.data?.createUser).toMatchObject({
      __typename: 'CreateUserSuccess',
      data: { username: 'newbie', mustChangePassword: true },
    });
    const second = await app.graphql<{ createUser: { __typename: string } }>(create, { input }, { token });
    expect(second.data?.createUser).toMatchObject({ __typename: 'ValidationError', code: 'BAD_USER_INPUT' });
    const byOfficer = await app.graphql<{ createUser: { __typename: string } }>(
      create,
      { input },
      {
        token: await app.login('officer'),
      },
    );
    expect(byOfficer.data?.createUser).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('lets an admin deactivate an account, which ends its sessions', async () => {
    const staffToken = await app.login('staff');
    const admin = await app.login('admin');
    const user = await app.db.prisma.user.findUniqueOrThrow({ where: { username: 'staff' } });
    const result = await app.graphql(
      `mutation ($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) {
        __typename ... on DeactivateUserSuccess { data { active } } } }`,
      { id: gid('User', user.id), v: user.version },
      { token: admin },
    );
    expect(result.data).toEqual({
      deactivateUser: { __typename: 'DeactivateUserSuccess', data: { active: false } },
    });
    const after = await app.graphql('{ me { id } }', {}, { token: staffToken });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const login = await app.graphql(loginMutation, { u: 'staff', p: fixturePassword });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
