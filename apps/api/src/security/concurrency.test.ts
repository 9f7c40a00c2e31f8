// Conflicting writes at the same moment: exactly one wins, the others are told CONFLICT, and
// nothing is lost or written twice (versions and the audit log show one change per winner).
import type { VoteChoice } from '@cadre/db';
import { demoCycleYear } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { encodeGlobalID as gid } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../domains/audit/services/verify-audit.ts';
import { createDemoApp, type DemoApp, type GraphQLResult } from './demo-app.ts';

const writers = 50;
const rounds = Number(process.env.CONCURRENCY_ROUNDS ?? 1);
export const provoked = { conflicts: 0, wins: 0 };

function typenameOf(result: GraphQLResult, field: string): string {
  const value = result.data?.[field] as { __typename?: string; code?: string } | null | undefined;
  if (value?.__typename) return value.code ?? value.__typename;
  return String(result.errors?.[0]?.extensions?.code ?? 'NO_ANSWER');
}

function tally(results: GraphQLResult[], field: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = typenameOf(result, field);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each(testEngines())('concurrent conflicting writes on %s', (engine) => {
  let app: DemoApp;
  let cycleId: string;
  beforeAll(async () => {
    app = await createDemoApp(engine);
    cycleId = (await app.db.prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } })).id;
  }, 180_000);
  afterAll(async () => {
    console.info(
      `[concurrency ${engine}] ${provoked.conflicts} conflicts provoked, ${provoked.wins} winners`,
    );
    await app.close();
  });

  it(`${writers} officers saving the same person at once: one change is kept, ${writers - 1} are told CONFLICT`, async () => {
    const token = await app.login('officer');
    const people = await app.db.prisma.person.findMany({ orderBy: { code: 'asc' }, take: rounds, skip: 10 });
    for (const person of people) {
      const auditBefore = await app.db.prisma.auditLog.count({
        where: { entity: 'Person', entityId: person.id },
      });
      const results = await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          app.graphql(
            `mutation ($id: ID!, $v: Int!, $t: String) { updatePerson(id: $id, version: $v, input: { positionTitle: $t }) {
              __typename ... on Error { code } } }`,
            { id: gid('Person', person.id), v: person.version, t: `Chuyên viên ${i}` },
            { token },
          ),
        ),
      );
      const counts = tally(results, 'updatePerson');
      expect(counts).toEqual({ UpdatePersonSuccess: 1, CONFLICT: writers - 1 });
      provoked.conflicts += counts.CONFLICT ?? 0;
      provoked.wins += 1;
      const after = await app.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
      expect(after.version).toBe(person.version + 1);
      // the kept title is the winner's, not a mix
      const winner = results.findIndex((r) => typenameOf(r, 'updatePerson') === 'UpdatePersonSuccess');
      expect(after.positionTitle).toBe(`Chuyên viên ${winner}`);
      expect(await app.db.prisma.auditLog.count({ where: { entity: 'Person', entityId: person.id } })).toBe(
        auditBefore + 1,
      );
    }
  });

  it('two evaluation runs of one cycle started together: the second is refused with CONFLICT', async () => {
    const token = await app.login('officer');
    const run = () =>
      app.graphql(
        'mutation ($c: ID!) { runEvaluation(cycleId: $c, wait: true) { __typename ... on Error { code message } } }',
        { c: gid('Cycle', cycleId) },
        { token },
      );
    const results = await Promise.all([run(), run()]);
    expect(tally(results, 'runEvaluation')).toEqual({ RunEvaluationSuccess: 1, CONFLICT: 1 });
    provoked.conflicts += 1;
    const runs = await app.db.prisma.evaluationRun.findMany({ where: { cycleId } });
    expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED']);
    const people = await app.db.prisma.evaluationResult.count({ where: { cycleId } });
    expect(people).toBeGreaterThan(500);
  });

  it(`${writers} officers deciding the same rating at once: one decision, one audit entry, version 2`, async () => {
    const token = await app.login('officer');
    for (const to of ['ASSESSMENT', 'REVIEW']) {
      const cycle = await app.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } });
      const moved = await app.graphql(
        'mutation ($id: ID!, $to: CycleStatus!, $v: Int!) { moveCycle(id: $id, to: $to, version: $v) { __typename ... on Error { code message } } }',
        { id: gid('Cycle', cycleId), to, v: cycle.version },
        { token },
      );
      expect(typenameOf(moved, 'moveCycle'), moved.text).toBe('MoveCycleSuccess');
    }
    const result = await app.db.prisma.evaluationResult.findFirstOrThrow({
      where: { cycleId, engineRating: 'GOOD', finalRating: 'GOOD' },
      orderBy: { id: 'asc' },
    });
    expect(result.version).toBe(1);
    const results = await Promise.all(
      Array.from({ length: writers }, () =>
        app.graphql(
          `mutation ($r: ID!) { adjustRating(resultId: $r, rating: COMPLETED, reason: "Hạ mức theo biên bản họp", version: 1) {
            __typename ... on Error { code message } } }`,
          { r: gid('EvaluationResult', result.id) },
          { token },
        ),
      ),
    );
    const counts = tally(results, 'adjustRating');
    expect(counts, results[0]?.text).toEqual({ AdjustRatingSuccess: 1, CONFLICT: writers - 1 });
    provoked.conflicts += counts.CONFLICT ?? 0;
    provoked.wins += 1;
    const after = await app.db.prisma.evaluationResult.findUniqueOrThrow({ where: { id: result.id } });
    expect(after).toMatchObject({ version: 2, finalRating: 'COMPLETED' });
    expect(await app.db.prisma.ratingDecision.count({ where: { resultId: result.id } })).toBe(1);
    expect(
      await app.db.prisma.auditLog.count({ where: { entityId: result.id, action: { contains: 'djust' } } }),
    ).toBe(1);
  });

  it(`a council member voting ${writers} times at once is counted once`, async () => {
    const { prisma } = app.db;
    const council = await prisma.user.findUniqueOrThrow({
      where: { username: 'council' },
      include: { councilSeats: { include: { council: true } } },
    });
    const board = council.councilSeats[0]?.council;
    expect(board, 'the demo council member sits on a council').toBeDefined();
    if (!board) return;
    const person = await prisma.person.findFirstOrThrow({ orderBy: { code: 'asc' }, skip: 3 });
    const proposal = await prisma.titleProposal.create({
      data: {
        cycleId,
        title: 'CSTDCS',
        personId: person.id,
        reason: 'Thử bỏ phiếu đồng thời',
        eligible: true,
      },
    });
    const session = await prisma.councilSession.create({
      data: {
        councilId: board.id,
        cycleId,
        number: '01/BB-HĐTĐKT',
        heldOn: new Date('2026-12-20'),
        quorum: 4,
      },
    });
    const ballot = await prisma.ballot.create({
      data: { sessionId: session.id, proposalId: proposal.id, thresholdPercent: 90, members: 7 },
    });
    const token = await app.login('council');
    const choices: VoteChoice[] = ['FOR', 'AGAINST'];
    const results = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        app.graphql(
          'mutation ($b: ID!, $c: VoteChoice!) { castVote(ballotId: $b, choice: $c) { __typename ... on Error { code message } } }',
          { b: gid('Ballot', ballot.id), c: choices[i % 2] },
          { token },
        ),
      ),
    );
    const counts = tally(results, 'castVote');
    expect(counts, results.find((r) => typenameOf(r, 'castVote') !== 'CONFLICT')?.text).toEqual({
      CastVoteSuccess: 1,
      CONFLICT: writers - 1,
    });
    provoked.conflicts += counts.CONFLICT ?? 0;
    provoked.wins += 1;
    // one sealed vote (counted only at close), one participation, no audit entry naming its time
    expect(await prisma.ballotSealedVote.count({ where: { ballotId: ballot.id } })).toBe(1);
    expect(await prisma.ballotParticipation.count({ where: { ballotId: ballot.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: ballot.id, action: 'castVote' } })).toBe(0);
  });

  it('after all of it the audit chain is intact: no entry lost or interleaved', async () => {
    const verification = await verifyAudit({ prisma: app.db.prisma });
    expect(verification).toMatchObject({ intact: true });
    expect(verification.checked).toBeGreaterThan(3);
  });
});
