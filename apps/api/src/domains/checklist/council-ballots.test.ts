// The council's rough edges as the API answers them: live turnout the officer sees as the member
// does, the member's own recusal reason, and the grounds required to approve a proposal.

import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/password.ts';
import { fixturePassword } from '../../test-support/fixture.ts';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type BallotView = { hasVoted: number; turnout: number; myRecusal: string | null; members: number };

const ballotsQuery = `query ($c: ID!) { councilSessions(cycleId: $c) { ballots { hasVoted turnout myRecusal members } } }`;

describe.each(testEngines())('council ballots and proposal grounds on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let ballotId: string;
  let ldttId: string;

  async function ballot(token: string): Promise<BallotView | undefined> {
    const result = await app.graphql<{ councilSessions: { ballots: BallotView[] }[] }>(
      ballotsQuery,
      { c: cycleId },
      { token },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.councilSessions[0]?.ballots[0];
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'REVIEW',
      },
    });
    cycleId = gid('Cycle', cycle.id);
    // Em sits on the council and is nominated: recused from his own ballot
    const em = await prisma.user.create({
      data: {
        username: 'em',
        displayName: 'Nguyễn Văn Em',
        passwordHash: await hashPassword(fixturePassword),
        role: 'COUNCIL_MEMBER',
        personId: app.fixture.people.em,
      },
    });
    const council = await prisma.council.findFirstOrThrow();
    await prisma.councilMember.create({ data: { councilId: council.id, userId: em.id } });
    const proposal = await prisma.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title: 'CSTDCS',
        personId: app.fixture.people.em,
        reason: 'Sáng kiến cấp cơ sở',
        eligible: true,
      },
    });
    const ldtt = await prisma.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title: 'LDTT',
        personId: app.fixture.people.dung,
        reason: 'Hoàn thành tốt',
        eligible: true,
      },
    });
    ldttId = gid('TitleProposal', ldtt.id);
    const session = await prisma.councilSession.create({
      data: {
        councilId: council.id,
        cycleId: cycle.id,
        number: '01/BB',
        heldOn: new Date('2026-12-12'),
        quorum: 1,
      },
    });
    const opened = await app.graphql<{ openBallot: { __typename: string; data: { id: string } } }>(
      'mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) { __typename ... on OpenBallotSuccess { data { id } } } }',
      { s: gid('CouncilSession', session.id), p: gid('TitleProposal', proposal.id) },
      { token: await app.login('officer') },
    );
    expect(opened.data?.openBallot.__typename).toBe('OpenBallotSuccess');
    ballotId = opened.data?.openBallot.data.id ?? '';
  });
  afterAll(() => app.close());

  it('shows the officer the same live turnout the member sees, and the member that they voted', async () => {
    const council = await app.login('council');
    const officer = await app.login('officer');
    expect(await ballot(officer)).toMatchObject({ turnout: 0, members: 2 });
    const cast = await app.graphql<{ castVote: { __typename: string } }>(
      'mutation ($b: ID!) { castVote(ballotId: $b, choice: FOR) { __typename } }',
      { b: ballotId },
      { token: council },
    );
    expect(cast.data?.castVote.__typename).toBe('CastVoteSuccess');
    expect(await ballot(officer)).toMatchObject({ turnout: 1, hasVoted: 0 });
    expect(await ballot(council)).toMatchObject({ turnout: 1, hasVoted: 1, myRecusal: null });
    const twice = await app.graphql<{ castVote: { __typename: string; message: string } }>(
      'mutation ($b: ID!) { castVote(ballotId: $b, choice: FOR) { __typename ... on Error { message } } }',
      { b: ballotId },
      { token: council },
    );
    expect(twice.data?.castVote).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringContaining('Bạn đã bỏ phiếu'),
    });
  });

  it('tells a recused member why, before they try to vote', async () => {
    const token = (
      await app.graphql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: 'em', p: fixturePassword },
      )
    ).data?.login.token as string;
    expect((await ballot(token))?.myRecusal).toContain('Là người được đề nghị');
    const refused = await app.graphql<{ castVote: { __typename: string; message: string } }>(
      'mutation ($b: ID!) { castVote(ballotId: $b, choice: FOR) { __typename ... on Error { message } } }',
      { b: ballotId },
      { token },
    );
    expect(refused.data?.castVote.message).toContain('Là người được đề nghị');
  });

  it('needs the grounds to approve a proposal, and keeps them in the audit log', async () => {
    const token = await app.login('officer');
    const mutation = `mutation ($id: ID!, $r: String) { reviewTitleProposal(id: $id, approved: true, reason: $r, version: 1) {
      __typename ... on ValidationError { fields { field } } } }`;
    const bare = await app.graphql<{
      reviewTitleProposal: { __typename: string; fields?: { field: string }[] };
    }>(mutation, { id: ldttId }, { token });
    expect(bare.data?.reviewTitleProposal).toEqual({
      __typename: 'ValidationError',
      fields: [{ field: 'reason' }],
    });
    const approved = await app.graphql<{ reviewTitleProposal: { __typename: string } }>(
      mutation,
      { id: ldttId, r: 'Hoàn thành tốt nhiệm vụ, không vi phạm' },
      { token },
    );
    expect(approved.data?.reviewTitleProposal.__typename).toBe('ReviewTitleProposalSuccess');
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'reviewTitleProposal' } });
    expect(audit.after).toMatchObject({
      status: 'APPROVED',
      reason: 'Hoàn thành tốt nhiệm vụ, không vi phạm',
    });
  });
});
