// Secret ballots, read by someone with the database: while a ballot is open there is no choice to
// read; after it closes the counted votes cannot be lined up with the members who took part (no
// voter, no time, no shared transaction, no order); few or inquorate votes leave no counts at all.
import { demoCycleYear } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from './demo-app.ts';

describe.each(testEngines())('a database reader cannot link a vote to a voter (%s)', (engine) => {
  let app: DemoApp;
  let cycleId = '';
  let councilId = '';
  let members: string[] = [];
  let nominees: string[] = [];
  beforeAll(async () => {
    app = await createDemoApp(engine);
    const { prisma } = app.db;
    const cycle = await prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } });
    cycleId = cycle.id;
    await prisma.cycle.update({ where: { id: cycle.id }, data: { status: 'REVIEW' } });
    const council = await prisma.council.findFirstOrThrow({
      include: { members: { include: { user: true } } },
    });
    councilId = council.id;
    members = council.members.map((member) => member.user.username);
    const leaders = council.members.map((member) => member.user.personId ?? '');
    nominees = (
      await prisma.person.findMany({
        where: { id: { notIn: leaders }, leadsUnitId: null, unit: { kind: { not: 'PROVINCE' } } },
        take: 3,
        select: { id: true },
      })
    ).map((person) => person.id);
  }, 120_000);
  afterAll(() => app?.close());

  async function ballotFor(nominee: string, quorum: number) {
    const { prisma } = app.db;
    const session = await prisma.councilSession.create({
      data: { councilId, cycleId, number: `${quorum}-${nominee.slice(-4)}`, heldOn: new Date(), quorum },
    });
    const proposal = await prisma.titleProposal.create({
      data: { cycleId, title: 'CSTD_TINH', personId: nominee, reason: 'thử', eligible: true },
    });
    const opened = await app.graphql<{ openBallot: { __typename: string; data?: { id: string } } }>(
      'mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) { __typename ... on OpenBallotSuccess { data { id } } ... on Error { code message } } }',
      { s: encodeGlobalID('CouncilSession', session.id), p: encodeGlobalID('TitleProposal', proposal.id) },
      { token: await app.login('officer') },
    );
    const id = opened.data?.openBallot.data?.id;
    if (!id) throw new Error(opened.text);
    return id;
  }

  async function vote(ballot: string, username: string, choice: string) {
    const result = await app.graphql<{ castVote: { __typename: string } }>(
      'mutation ($b: ID!, $c: VoteChoice!) { castVote(ballotId: $b, choice: $c) { __typename ... on Error { code message } } }',
      { b: ballot, c: choice },
      { token: await app.login(username) },
    );
    expect(result.data?.castVote.__typename, result.text).toBe('CastVoteSuccess');
  }

  async function close(ballot: string) {
    const result = await app.graphql<{
      closeBallot: { data?: { result: string; forCount: number | null; againstCount: number | null } };
    }>(
      'mutation ($b: ID!) { closeBallot(ballotId: $b, version: 1) { __typename ... on CloseBallotSuccess { data { result forCount againstCount } } ... on Error { code message } } }',
      { b: ballot },
      { token: await app.login('officer') },
    );
    const data = result.data?.closeBallot.data;
    if (!data) throw new Error(result.text);
    return data;
  }

  const localId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';

  it('while open: no choice in any table or in the audit log; after close: votes shuffled, without time or voter, in the close transaction', async () => {
    const { sql } = app.db;
    const ballot = await ballotFor(nominees[0] ?? '', 3);
    const id = localId(ballot);
    const choices = ['FOR', 'AGAINST', 'FOR', 'ABSTAIN', 'FOR'];
    for (const [index, choice] of choices.entries()) await vote(ballot, members[index] ?? '', choice);

    const counted = await sql.query('SELECT count(*)::int AS n FROM "BallotVote" WHERE "ballotId" = $1', [
      id,
    ]);
    expect(counted[0]).toEqual({ n: 0 });
    const sealed = await sql.query<{ sealed: string }>(
      'SELECT sealed FROM "BallotSealedVote" WHERE "ballotId" = $1',
      [id],
    );
    expect(sealed).toHaveLength(5);
    for (const row of sealed) expect(row.sealed).not.toMatch(/FOR|AGAINST|ABSTAIN/);
    // the same choice sealed twice does not look the same
    expect(new Set(sealed.map((row) => row.sealed)).size).toBe(5);
    // nor does a sealed vote's length tell FOR from AGAINST or ABSTAIN: while the ballot is open a
    // sealed vote and its voter's participation share a transaction, so a length would name choices
    expect(new Set(sealed.map((row) => row.sealed.length)).size).toBe(1);
    const audit = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" = $1 AND action <> 'openBallot'`,
      [id],
    );
    expect(audit[0]?.n).toBe(0);

    expect(await close(ballot)).toMatchObject({ result: 'FAILED', forCount: 3, againstCount: 1 });
    const votes = await sql.query<{ id: string; choice: string; xmin: string }>(
      'SELECT id, choice::text, xmin::text FROM "BallotVote" WHERE "ballotId" = $1',
      [id],
    );
    const participations = await sql.query<{ xmin: string }>(
      'SELECT xmin::text FROM "BallotParticipation" WHERE "ballotId" = $1',
      [id],
    );
    expect(votes.map((row) => row.choice).sort()).toEqual([...choices].sort());
    // one transaction wrote every counted vote, and it wrote no participation
    expect(new Set(votes.map((row) => row.xmin)).size).toBe(1);
    const participationXmins = new Set(participations.map((row) => row.xmin));
    expect(participationXmins.has(votes[0]?.xmin ?? '')).toBe(false);
    // random ids (version 4), not time-ordered ones that would sort like the participations
    for (const row of votes) expect(row.id[14]).toBe('4');
    const columns = await sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'BallotVote'`,
    );
    expect(columns.map((row) => row.column_name).sort()).toEqual(['ballotId', 'choice', 'id']);
    const left = await sql.query('SELECT count(*)::int AS n FROM "BallotSealedVote" WHERE "ballotId" = $1', [
      id,
    ]);
    expect(left[0]).toEqual({ n: 0 });
    const closing = await sql.query<{ after: { memberIds?: string[] } }>(
      `SELECT "after" FROM "AuditLog" WHERE "entityId" = $1 AND action = 'closeBallot'`,
      [id],
    );
    expect(closing[0]?.after.memberIds).toHaveLength(5);
  });

  it('an inquorate ballot shows and keeps no counts, and neither does one with a single vote', async () => {
    const { sql } = app.db;
    const inquorate = await ballotFor(nominees[1] ?? '', 4);
    await vote(inquorate, members[0] ?? '', 'AGAINST');
    expect(await close(inquorate)).toEqual({ result: 'NO_QUORUM', forCount: null, againstCount: null });
    const few = await ballotFor(nominees[2] ?? '', 1);
    await vote(few, members[0] ?? '', 'AGAINST');
    expect(await close(few)).toEqual({ result: 'FAILED', forCount: null, againstCount: null });
    const stored = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "BallotVote" WHERE "ballotId" = ANY($1)',
      [[localId(inquorate), localId(few)]],
    );
    expect(stored[0]?.n).toBe(0);
    const counts = await sql.query<{ forCount: number | null }>(
      'SELECT "forCount" FROM "Ballot" WHERE id = ANY($1)',
      [[localId(inquorate), localId(few)]],
    );
    expect(counts.map((row) => row.forCount)).toEqual([null, null]);
  });
});
