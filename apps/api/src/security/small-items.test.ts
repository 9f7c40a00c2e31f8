// The smaller items of the security review: literal search wildcards, weak passwords, text length,
// a second ballot on one proposal as a typed conflict, CSV cells that a `;` Excel would run.
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeCell } from '../exports/safe-cell.ts';
import { writeCsv } from '../exports/write-table.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

describe.each(testEngines())('smaller security items (%s)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  it('% and _ in a search are literal: they find nothing instead of everything', async () => {
    const token = await app.login('admin');
    const users = await app.graphql<{ users: { totalCount: number } }>(
      'query ($s: String) { users(search: $s) { totalCount } }',
      { s: '%' },
      { token },
    );
    expect(users.data?.users.totalCount).toBe(0);
    const underscore = await app.graphql<{ users: { totalCount: number } }>(
      'query ($s: String) { users(search: $s) { totalCount } }',
      { s: 'st_ff' },
      { token },
    );
    expect(underscore.data?.users.totalCount).toBe(0);
    const plain = await app.graphql<{ users: { totalCount: number } }>(
      'query ($s: String) { users(search: $s) { totalCount } }',
      { s: 'staff' },
      { token },
    );
    expect(plain.data?.users.totalCount).toBe(1);
    const units = await app.graphql<{ units: unknown[] }>('{ units(search: "%") { id } }', {}, { token });
    expect(units.data?.units ?? []).toEqual([]);
    const people = async (search: string) =>
      (
        await app.graphql<{ people: { totalCount: number } }>(
          'query ($s: String) { people(first: 5, filter: { search: $s }) { totalCount } }',
          { s: search },
          { token: await app.login('officer') },
        )
      ).data?.people.totalCount;
    expect(await people('%')).toBe(0);
    expect(await people('_')).toBe(0);
    expect(await people('')).toBeGreaterThan(1);
  });

  it('weak passwords are refused: one character repeated, or the username inside', async () => {
    const token = await app.login('admin');
    const create = `mutation ($p: String!, $u: String!) { createUser(input: { username: $u, displayName: "X", password: $p, role: STAFF }) { __typename ... on ValidationError { fields { field message } } } }`;
    for (const [username, password] of [
      ['nguoimoi1', 'aaaaaaaaaa'],
      ['nguoimoi2', 'abababababab'],
      ['nguoimoi3', 'nguoimoi3-2026!'],
    ]) {
      const result = await app.graphql<{ createUser: { __typename: string } }>(
        create,
        { u: username, p: password },
        { token },
      );
      expect(result.data?.createUser.__typename, `${username} / ${password}`).toBe('ValidationError');
    }
    const fine = await app.graphql<{ createUser: { __typename: string } }>(
      create,
      { u: 'nguoimoi4', p: 'mot mat khau dai 2026' },
      { token },
    );
    expect(fine.data?.createUser.__typename).toBe('CreateUserSuccess');
  });

  it('a text argument above 5,000 characters is refused before anything runs', async () => {
    const token = await app.login('staff');
    const result = await app.graphql(
      'mutation ($c: ID!, $a: String!) { submitSelfAssessment(cycleId: $c, input: { achievements: $a, proposedRating: GOOD }) { __typename } }',
      { c: gid('Cycle', '00000000-0000-7000-8000-000000000000'), a: 'x'.repeat(5_001) },
      { token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(
      /submitSelfAssessment\.input\.achievements takes at most 5000 characters/,
    );
  });

  it('a second ballot for the same proposal in a session is a typed ConflictError, not a masked error', async () => {
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2032,
        name: 'Năm 2032',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'REVIEW',
      },
    });
    const council = await prisma.council.findFirstOrThrow();
    const session = await prisma.councilSession.create({
      data: { councilId: council.id, cycleId: cycle.id, number: '1', heldOn: new Date(), quorum: 1 },
    });
    const proposal = await prisma.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title: 'CSTD_TINH',
        personId: app.fixture.people.cuong,
        reason: 'thử',
        eligible: true,
      },
    });
    await prisma.ballot.create({
      data: { sessionId: session.id, proposalId: proposal.id, thresholdPercent: 90, members: 1 },
    });
    const result = await app.graphql<{ openBallot: { __typename: string; message?: string } }>(
      'mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) { __typename ... on Error { message } } }',
      { s: gid('CouncilSession', session.id), p: gid('TitleProposal', proposal.id) },
      { token: await app.login('officer') },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.openBallot).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringMatching(/already has a ballot/),
    });
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it('quotes `;=1+1` (a `;`-separated Excel would split it and run `=1+1`), neutralises `=1+1`', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    const csv = writeCsv({ columns: [{ header: 'lỗi' }], rows: [[';=1+1'], ['a,b'], ['thường']] }).toString(
      'utf8',
    );
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['";=1+1"', '"a,b"', 'thường']);
  });
});

describe.each(testEngines())('accounts without a unit (%s)', (engine) => {
  it('are in the list of an administrator of the top unit (not of a department’s)', async () => {
    const app = await createTestApp(engine);
    try {
      const { prisma } = app.db;
      const { hashPassword } = await import('../auth/password.ts');
      const passwordHash = await hashPassword('mot mat khau dai 2026');
      await prisma.user.create({
        data: {
          username: 'admin.tinh',
          displayName: 'QT tỉnh',
          role: 'ADMIN',
          scopeUnitId: app.fixture.units.province,
          passwordHash,
        },
      });
      await prisma.user.create({
        data: {
          username: 'admin.so',
          displayName: 'QT sở',
          role: 'ADMIN',
          scopeUnitId: app.fixture.units.dept2,
          passwordHash,
        },
      });
      const list = async (username: string) => {
        const login = await app.graphql<{ login: { token: string } }>(
          'mutation ($u: String!) { login(username: $u, password: "mot mat khau dai 2026") { token } }',
          { u: username },
        );
        const result = await app.graphql<{ users: { edges: { node: { username: string } }[] } }>(
          '{ users(first: 50) { edges { node { username } } } }',
          {},
          { token: login.data?.login.token },
        );
        return result.data?.users.edges.map((edge) => edge.node.username) ?? [];
      };
      // `council` has neither a scope unit nor a person
      expect(await list('admin.tinh')).toContain('council');
      expect(await list('admin.so')).not.toContain('council');
    } finally {
      await app.close();
    }
  });
});
