import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

// What follows from people's decisions, through the API and the real rules engine: titles come
// from the decided rating after a re-run, and a re-run keeping decisions never leaves a quota
// exceeded. Ten people of one office: X1 scores 100 (excellent), the others 86 (good); the
// cycle allows 10% excellent, so one place.

type Row = { id: string; version: number; engineRating: string; finalRating: string; titles: string[] };

const adjust = `mutation ($id: ID!, $rating: Rating!, $reason: String, $version: Int!) {
  adjustRating(resultId: $id, rating: $rating, reason: $reason, version: $version) {
    __typename ... on Error { code message } } }`;

describe.each(testEngines())("people's decisions and what follows, on %s", (engine) => {
  let app: TestApp;
  let cycleDbId: string;
  let unitId: string;
  const codes = Array.from({ length: 10 }, (_, n) => `X${n + 1}`);
  const personIds = new Map<string, string>();

  async function runEvaluation() {
    const run = await app.graphql<{ runEvaluation: { data: { status: string; message: string | null } } }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { ... on RunEvaluationSuccess { data { status message } } } }',
      { id: gid('Cycle', cycleDbId) },
      { token: await app.login('officer') },
    );
    expect(run.data?.runEvaluation.data.status, JSON.stringify(run)).toBe('SUCCEEDED');
  }

  async function rows(): Promise<Map<string, Row>> {
    const found = await app.db.prisma.evaluationResult.findMany({
      where: { cycleId: cycleDbId, unitId },
      select: { id: true, version: true, engineRating: true, finalRating: true, titles: true, person: true },
    });
    return new Map(found.map((row) => [row.person.code, row]));
  }

  async function decide(code: string, rating: string, reason: string) {
    const row = (await rows()).get(code) as Row;
    return app.graphql<{ adjustRating: { __typename: string; code?: string } }>(
      adjust,
      { id: gid('EvaluationResult', row.id), rating, reason, version: row.version },
      { token: await app.login('officer') },
    );
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const office = await prisma.unit.create({
      data: {
        code: 'MC',
        name: 'Bộ phận Một cửa',
        searchName: 'bo phan mot cua',
        kind: 'DIVISION',
        parentId: app.fixture.units.dept2,
      },
    });
    unitId = office.id;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        periodKind: 'YEAR',
        scopeUnitId: app.fixture.units.province,
        overrides: { excellentPercent: 10 },
      },
    });
    cycleDbId = cycle.id;
    for (const code of codes) {
      const person = await prisma.person.create({
        data: {
          code,
          fullName: `Cán bộ ${code}`,
          searchName: `can bo ${code.toLowerCase()}`,
          unitId: office.id,
          category: 'CONG_CHUC',
          hiredOn: new Date('2015-03-01'),
        },
      });
      personIds.set(code, person.id);
      await prisma.task.create({
        data: {
          cycleId: cycle.id,
          personId: person.id,
          code: `T-${code}`,
          title: 'Giải quyết hồ sơ',
          dueOn: new Date('2026-06-30'),
          completedOn: new Date('2026-06-20'),
          planned: 10,
          actual: code === 'X1' ? 10 : 8,
        },
      });
      await prisma.headAssessment.create({
        data: { cycleId: cycle.id, personId: person.id, conductAssessment: 10 },
      });
    }
    for (const to of ['OPEN', 'ASSESSMENT', 'REVIEW'] as const) {
      await prisma.cycle.update({ where: { id: cycle.id }, data: { status: to } });
    }
    await runEvaluation();
  });
  afterAll(() => app.close());

  it('titles follow the decided rating after a re-run: X1 lowered, X2 raised', async () => {
    const first = await rows();
    expect(first.get('X1')).toMatchObject({ finalRating: 'EXCELLENT', titles: ['LDTT', 'CSTDCS'] });
    expect(first.get('X2')).toMatchObject({ finalRating: 'GOOD', titles: ['LDTT'] });
    // a raise while X1 holds the only place is refused by the engine's quota
    const early = await decide('X2', 'EXCELLENT', 'Thành tích nổi bật trong năm');
    expect(early.data?.adjustRating.__typename).toBe('QuotaExceededError');
    expect(
      (await decide('X1', 'GOOD', 'Chưa hoàn thành chỉ tiêu quý IV')).data?.adjustRating.__typename,
    ).toBe('AdjustRatingSuccess');
    expect(
      (await decide('X2', 'EXCELLENT', 'Thành tích nổi bật trong năm')).data?.adjustRating.__typename,
    ).toBe('AdjustRatingSuccess');
    await runEvaluation();
    const after = await rows();
    expect(after.get('X1')).toMatchObject({
      engineRating: 'EXCELLENT',
      finalRating: 'GOOD',
      titles: ['LDTT'],
    });
    expect(after.get('X2')).toMatchObject({
      engineRating: 'GOOD',
      finalRating: 'EXCELLENT',
      titles: ['LDTT', 'CSTDCS'],
    });
  });

  it('a re-run keeping decisions never exceeds the quota', async () => {
    const officer = await app.login('officer');
    const exception = (percent: number) =>
      app.graphql<{ recordQuotaException: { __typename: string } }>(
        `mutation ($c: ID!, $u: ID!, $p: Float!) { recordQuotaException(cycleId: $c, unitId: $u, percent: $p,
          decisionNumber: "7/QĐ-UBND", reason: "Đơn vị dẫn đầu khối") { __typename } }`,
        { c: gid('Cycle', cycleDbId), u: gid('Unit', unitId), p: percent },
        { token: officer },
      );
    // an exception of 20% allows two: X3 is raised beside X2
    expect((await exception(20)).data?.recordQuotaException.__typename).toBe('RecordQuotaExceptionSuccess');
    expect(
      (await decide('X3', 'EXCELLENT', 'Sáng kiến cải tiến quy trình')).data?.adjustRating.__typename,
    ).toBe('AdjustRatingSuccess');
    // the exception is reduced back to 10%: the re-run keeps the decisions that still fit
    expect((await exception(10)).data?.recordQuotaException.__typename).toBe('RecordQuotaExceptionSuccess');
    await runEvaluation();
    const after = await rows();
    const excellent = [...after.values()].filter((row) => row.finalRating === 'EXCELLENT');
    expect(excellent).toHaveLength(1);
    expect(after.get('X2')?.finalRating).toBe('EXCELLENT'); // decided first, kept
    expect(after.get('X3')).toMatchObject({ finalRating: 'GOOD', titles: ['LDTT'] });
    const unit = await app.db.prisma.unitResult.findUniqueOrThrow({
      where: { cycleId_unitId: { cycleId: cycleDbId, unitId } },
    });
    expect(unit.excellentGranted).toBeLessThanOrEqual(unit.excellentAllowed);
    expect(unit).toMatchObject({ excellentAllowed: 1, excellentGranted: 1 });
  });

  it('a CSTĐ ballot closed without quorum can be neither approved nor awarded', async () => {
    const { prisma } = app.db;
    const x2 = personIds.get('X2') as string;
    // X2: CSTĐCS the two years before and a provincial initiative this year
    await prisma.ratingHistory.createMany({
      data: [2024, 2025].map((year) => ({
        personId: x2,
        year,
        rating: 'EXCELLENT' as const,
        titles: ['LDTT', 'CSTDCS'],
      })),
    });
    await prisma.initiative.create({
      data: { personId: x2, title: 'Một cửa số', scope: 'PROVINCE', recognizedOn: new Date('2026-04-01') },
    });
    const officer = await app.login('officer');
    const call = <T>(query: string, variables: Record<string, unknown>) =>
      app.graphql<Record<string, T>>(query, variables, { token: officer });
    type Payload = { __typename: string; data?: { id: string; result?: string; version?: number } };
    const proposed = await call<Payload>(
      `mutation ($c: ID!, $p: ID!) { proposeTitle(cycleId: $c, personId: $p, title: CSTD_TINH, reason: "Ba năm liền Chiến sĩ thi đua cơ sở") {
        __typename ... on ProposeTitleSuccess { data { id } } ... on Error { message } } }`,
      { c: gid('Cycle', cycleDbId), p: gid('Person', x2) },
    );
    expect(proposed.data?.proposeTitle?.__typename, JSON.stringify(proposed)).toBe('ProposeTitleSuccess');
    const proposalId = proposed.data?.proposeTitle?.data?.id as string;
    const board = await prisma.council.findFirstOrThrow();
    // a council of five: the fixture's member and four more
    const template = await prisma.user.findUniqueOrThrow({ where: { username: 'council' } });
    for (const n of [2, 3, 4, 5]) {
      const member = await prisma.user.create({
        data: {
          username: `hoidong${n}`,
          displayName: `Thành viên ${n}`,
          passwordHash: template.passwordHash,
          role: 'COUNCIL_MEMBER',
        },
      });
      await prisma.councilMember.create({ data: { councilId: board.id, userId: member.id, role: 'MEMBER' } });
    }
    const session = await call<Payload>(
      `mutation ($c: ID!, $y: ID!) { createCouncilSession(councilId: $c, cycleId: $y, number: "02/HĐ", heldOn: "2026-12-15", quorum: 3) {
        __typename ... on CreateCouncilSessionSuccess { data { id } } ... on Error { message } } }`,
      { c: gid('Council', board.id), y: gid('Cycle', cycleDbId) },
    );
    expect(session.data?.createCouncilSession?.__typename, JSON.stringify(session)).toBe(
      'CreateCouncilSessionSuccess',
    );
    const opened = await call<Payload>(
      `mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) { __typename ... on OpenBallotSuccess { data { id } } ... on Error { message } } }`,
      { s: session.data?.createCouncilSession?.data?.id, p: proposalId },
    );
    const ballotId = opened.data?.openBallot?.data?.id as string;
    expect(ballotId, JSON.stringify(opened)).toBeTruthy();
    // one member of the council votes for: 1 of 5 took part, the session's quorum is 3
    await app.graphql(
      'mutation ($b: ID!) { castVote(ballotId: $b, choice: FOR) { __typename } }',
      { b: ballotId },
      { token: await app.login('council') },
    );
    const closed = await call<Payload>(
      `mutation ($b: ID!) { closeBallot(ballotId: $b, version: 1) { __typename ... on CloseBallotSuccess { data { id result } } ... on Error { message } } }`,
      { b: ballotId },
    );
    expect(closed.data?.closeBallot?.data?.result, JSON.stringify(closed)).toBe('NO_QUORUM');
    const proposal = await prisma.titleProposal.findFirstOrThrow({
      where: { personId: x2, title: 'CSTD_TINH' },
    });
    expect(proposal.status).toBe('PROPOSED'); // back to the proposals: the ballot counted for nothing
    const approve = await call<Payload>(
      `mutation ($id: ID!, $v: Int!) { reviewTitleProposal(id: $id, approved: true, reason: "Hội đồng đã họp", version: $v) { __typename } }`,
      { id: proposalId, v: proposal.version },
    );
    expect(approve.data?.reviewTitleProposal?.__typename).toBe('RuleViolationError');
    const award = await call<Payload>(
      `mutation ($c: ID!, $ids: [ID!]!) { decideTitles(cycleId: $c, number: "101/QĐ-UBND", decidedOn: "2026-12-20", signedBy: "Chủ tịch UBND tỉnh", proposalIds: $ids) {
        __typename ... on Error { message } } }`,
      { c: gid('Cycle', cycleDbId), ids: [proposalId] },
    );
    expect(award.data?.decideTitles?.__typename).toBe('RuleViolationError');
    expect(await prisma.titleAward.count({ where: { personId: x2, title: 'CSTD_TINH' } })).toBe(0);
  });
});
