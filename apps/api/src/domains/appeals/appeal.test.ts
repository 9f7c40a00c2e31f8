import type { Rating } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/password.ts';
import { fixturePassword } from '../../test-support/fixture.ts';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const dayMs = 24 * 60 * 60 * 1000;

type AppealNode = { id: string; status: string; version: number; requested: string | null };
type Payload = {
  __typename: string;
  data?: AppealNode & {
    outcome: string | null;
    result: {
      finalRating: string;
      version: number;
      decisions: { id: string; kind: string; supersedesId: string | null }[];
    };
  };
  message?: string;
  code?: string;
  currentVersion?: number | null;
  fields?: { field: string; message: string; messageKey?: string | null; messageParams?: unknown }[];
  rule?: string;
  citation?: string | null;
};

const appealFields = `id status version requested outcome
  result { finalRating version decisions { id kind supersedesId } }`;
const errorFields = `... on Error { code message }
  ... on ConflictError { currentVersion }
  ... on ValidationError { fields { field message messageKey messageParams } }`;

const fileMutation = `mutation ($c: ID!, $reason: String!, $requested: Rating) {
  fileAppeal(cycleId: $c, reason: $reason, requested: $requested) {
    __typename ... on FileAppealSuccess { data { ${appealFields} } } ${errorFields} } }`;
const startMutation = `mutation ($id: ID!, $v: Int!) { startAppealReview(id: $id, version: $v) {
  __typename ... on StartAppealReviewSuccess { data { ${appealFields} } } ${errorFields} } }`;
const decideMutation = `mutation ($id: ID!, $outcome: AppealOutcome!, $rating: Rating, $reason: String!, $v: Int!) {
  decideAppeal(id: $id, outcome: $outcome, rating: $rating, reason: $reason, version: $v) {
    __typename ... on DecideAppealSuccess { data { ${appealFields} } } ${errorFields}
    ... on RuleViolationError { rule citation } } }`;
const withdrawMutation = `mutation ($id: ID!, $v: Int!) { withdrawAppeal(id: $id, version: $v) {
  __typename ... on WithdrawAppealSuccess { data { ${appealFields} } } ${errorFields} } }`;
const appealsQuery = `query ($c: ID!, $status: AppealStatus) {
  appeals(cycleId: $c, first: 20, filter: { status: $status }) {
    totalCount edges { node { id status person { fullName } } } pageInfo { hasNextPage } } }`;

// deciding with a new rating asks the real rules engine (as correctRating does)
describe.each(testEngines())('appeals on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let oldCycleId: string;
  const tokens = new Map<string, string>();
  const approvalOf = new Map<string, string>();

  async function token(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const result = await app.graphql<{ login: { token: string } }>(
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: fixturePassword },
    );
    const value = result.data?.login.token;
    if (!value) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
    tokens.set(username, value);
    return value;
  }

  async function call(mutation: string, variables: Record<string, unknown>, username: string) {
    const response = await app.graphql<Record<string, Payload>>(mutation, variables, {
      token: await token(username),
    });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return Object.values(response.data ?? {})[0] as Payload;
  }

  const file = (username: string, reason: string, requested?: Rating, cycle = cycleId) =>
    call(fileMutation, { c: cycle, reason, requested }, username);
  const start = (id: string, v: number, username = 'officer') => call(startMutation, { id, v }, username);
  const decide = (
    variables: { id: string; outcome: 'UPHELD' | 'REJECTED'; rating?: Rating; reason: string; v: number },
    username = 'officer',
  ) => call(decideMutation, variables, username);

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const { people, units } = app.fixture;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'PUBLISHED',
        publishedAt: new Date(Date.now() - 2 * dayMs),
        appealDays: 15,
      },
    });
    cycleId = gid('Cycle', cycle.id);
    // published on 10/06/2025 (10:00 in Hà Nội) with 15 days: the window closed at the end of 25/06/2025
    const old = await prisma.cycle.create({
      data: {
        year: 2025,
        name: 'Năm 2025',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'PUBLISHED',
        publishedAt: new Date('2025-06-10T03:00:00Z'),
        appealDays: 15,
      },
    });
    oldCycleId = gid('Cycle', old.id);
    const everyone = [
      { personId: people.an, unitId: units.dept1, rating: 'GOOD' },
      { personId: people.binh, unitId: units.dept1a, rating: 'COMPLETED' },
      { personId: people.cuong, unitId: units.dept2, rating: 'GOOD' },
      { personId: people.dung, unitId: units.dept2, rating: 'GOOD' },
      // Em was reprimanded this year: hard rule 3 caps him at NOT_COMPLETED
      { personId: people.em, unitId: units.dept1, rating: 'NOT_COMPLETED' },
    ] as const;
    await prisma.task.createMany({
      data: everyone.map((row, index) => ({
        cycleId: cycle.id,
        personId: row.personId,
        code: `T${index}`,
        title: 'Nhiệm vụ trọng tâm',
        dueOn: new Date('2026-06-30'),
        completedOn: new Date('2026-06-15'),
        planned: 1,
        actual: 1,
      })),
    });
    // every head has assessed their people (A = 10), so only the rules themselves decide
    await prisma.headAssessment.createMany({
      data: everyone.map((row) => ({ cycleId: cycle.id, personId: row.personId, conductAssessment: 10 })),
    });
    await prisma.disciplineDecision.create({
      data: {
        personId: people.em,
        form: 'KHIEN_TRACH',
        decidedOn: new Date('2026-05-12'),
        actYear: 2026,
        concernsDuties: true,
      },
    });
    for (const row of everyone) {
      const result = await prisma.evaluationResult.create({
        data: {
          cycleId: cycle.id,
          personId: row.personId,
          unitId: row.unitId,
          proposedRating: row.rating,
          engineRating: row.rating,
          finalRating: row.rating,
          trace: [],
        },
      });
      const approval = await prisma.ratingDecision.create({
        data: {
          cycleId: cycle.id,
          resultId: result.id,
          personId: row.personId,
          kind: 'APPROVAL',
          fromRating: row.rating,
          toRating: row.rating,
          reason: 'Phê duyệt kết quả',
          decidedById: app.fixture.users.officer,
          decidedAt: new Date(Date.now() - 3 * dayMs),
        },
      });
      approvalOf.set(row.personId, approval.id);
    }
    await prisma.evaluationResult.create({
      data: {
        cycleId: old.id,
        personId: people.binh,
        unitId: units.dept1a,
        proposedRating: 'GOOD',
        engineRating: 'GOOD',
        finalRating: 'GOOD',
        trace: [],
      },
    });
    const passwordHash = await hashPassword(fixturePassword);
    await prisma.user.createMany({
      data: [
        { username: 'em', displayName: 'em', passwordHash, role: 'STAFF', personId: people.em },
        { username: 'cuong', displayName: 'cuong', passwordHash, role: 'STAFF', personId: people.cuong },
        {
          username: 'officer-b',
          displayName: 'officer-b',
          passwordHash,
          role: 'OFFICER',
          scopeUnitId: units.dept2,
        },
      ],
    });
  });
  afterAll(() => app.close());

  it('files an appeal of one’s own result within the window, once, with a real reason', async () => {
    const short = await file('staff', 'Sai rồi');
    expect(short.__typename).toBe('ValidationError');
    expect(short.fields?.[0]?.field).toBe('reason');
    expect(short.fields?.[0]).toMatchObject({
      message: 'Lý do khiếu nại cần ít nhất 10 ký tự',
      messageKey: 'appeal.reasonShort',
      messageParams: { min: 10 },
    });
    const blank = await file('staff', '             ');
    expect(blank.__typename).toBe('ValidationError');

    const filed = await file('staff', 'Tôi đã hoàn thành vượt mức các nhiệm vụ được giao', 'GOOD');
    expect(filed).toMatchObject({
      __typename: 'FileAppealSuccess',
      data: { status: 'SUBMITTED', version: 1, requested: 'GOOD', result: { finalRating: 'COMPLETED' } },
    });
    const again = await file('staff', 'Gửi lại khiếu nại một lần nữa', 'GOOD');
    expect(again).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });

    const mine = await app.graphql<{ myAppeals: { status: string; reason: string }[] }>(
      'query ($c: ID) { myAppeals(cycleId: $c) { status reason } }',
      { c: cycleId },
      { token: await token('staff') },
    );
    expect(mine.data?.myAppeals).toEqual([
      { status: 'SUBMITTED', reason: 'Tôi đã hoàn thành vượt mức các nhiệm vụ được giao' },
    ]);
    const audit = await app.db.prisma.auditLog.count({ where: { action: 'fileAppeal' } });
    expect(audit).toBe(1);
  });

  it('refuses an appeal after the window, naming the deadline', async () => {
    const late = await file('staff', 'Tôi không đồng ý với kết quả năm 2025', 'EXCELLENT', oldCycleId);
    expect(late.__typename).toBe('ValidationError');
    expect(late.message).toContain('25/06/2025');
    expect(late.fields?.[0]).toMatchObject({
      message: 'Đã hết thời hạn khiếu nại (hạn cuối 25/06/2025)',
      messageKey: 'appeal.windowClosed',
      messageParams: { lastDay: '25/06/2025' },
    });
    expect(await app.db.prisma.appeal.count({ where: { cycle: { year: 2025 } } })).toBe(0);
  });

  it('keeps someone else’s appeal out of sight: lists leave it out, mutations answer not found', async () => {
    const cuong = await file('cuong', 'Kết quả khảo sát người dân chưa được tính đủ', 'EXCELLENT');
    expect(cuong.__typename).toBe('FileAppealSuccess');
    const cuongId = cuong.data?.id as string;

    const staffList = await app.graphql<{
      appeals: { totalCount: number; edges: { node: { person: { fullName: string } } }[] };
    }>(appealsQuery, { c: cycleId }, { token: await token('staff') });
    expect(staffList.data?.appeals.edges.map((edge) => edge.node.person.fullName)).toEqual(['Trần Thị Bình']);
    const node = await app.graphql<{ node: null }>(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: cuongId },
      { token: await token('staff') },
    );
    expect(node.data).toEqual({ node: null });
    const withdraw = await call(withdrawMutation, { id: cuongId, v: 1 }, 'staff');
    expect(withdraw.__typename).toBe('NotFoundError');

    // the head of Sở A sees Phòng A1's appeal but not Sở B's; the council sees none
    const head = await app.graphql<{ appeals: { totalCount: number } }>(
      appealsQuery,
      { c: cycleId },
      { token: await app.login('head') },
    );
    expect(head.data?.appeals.totalCount).toBe(1);
    const council = await app.graphql<{ appeals: { totalCount: number } }>(
      appealsQuery,
      { c: cycleId },
      { token: await app.login('council') },
    );
    expect(council.data?.appeals.totalCount).toBe(0);
    const officer = await app.graphql<{ appeals: { totalCount: number } }>(
      appealsQuery,
      { c: cycleId, status: 'SUBMITTED' },
      { token: await app.login('officer') },
    );
    expect(officer.data?.appeals.totalCount).toBe(2);

    // an officer of Sở B cannot take up Bình's appeal (Phòng A1): it does not exist for them
    const staffAppeal = (
      await app.db.prisma.appeal.findFirstOrThrow({ where: { personId: app.fixture.people.binh } })
    ).id;
    const outOfScope = await start(gid('Appeal', staffAppeal), 1, 'officer-b');
    expect(outOfScope.__typename).toBe('NotFoundError');
    // a staff member cannot review appeals at all
    const staffReview = await app.graphql<{ startAppealReview: Payload }>(
      startMutation,
      { id: cuongId, v: 1 },
      { token: await token('staff') },
    );
    expect(
      staffReview.data?.startAppealReview?.__typename ?? staffReview.errors?.[0]?.extensions?.code,
    ).toMatch(/Forbidden|FORBIDDEN/);
  });

  it('reviews and upholds with a new rating: an APPEAL_OUTCOME decision superseding the previous one', async () => {
    const staffAppeal = await app.db.prisma.appeal.findFirstOrThrow({
      where: { personId: app.fixture.people.binh },
    });
    const id = gid('Appeal', staffAppeal.id);
    const early = await decide({
      id,
      outcome: 'UPHELD',
      rating: 'GOOD',
      reason: 'Chấp nhận khiếu nại',
      v: 1,
    });
    expect(early.__typename).toBe('ConflictError');

    const started = await start(id, 1);
    expect(started).toMatchObject({
      __typename: 'StartAppealReviewSuccess',
      data: { status: 'UNDER_REVIEW', version: 2 },
    });

    const stale = await decide({
      id,
      outcome: 'UPHELD',
      rating: 'GOOD',
      reason: 'Chấp nhận khiếu nại',
      v: 1,
    });
    expect(stale).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', currentVersion: 2 });

    const upheld = await decide({
      id,
      outcome: 'UPHELD',
      rating: 'GOOD',
      reason: 'Đã xác minh: hoàn thành tốt nhiệm vụ',
      v: 2,
    });
    expect(upheld).toMatchObject({
      __typename: 'DecideAppealSuccess',
      data: { status: 'UPHELD', version: 3, outcome: 'Đã xác minh: hoàn thành tốt nhiệm vụ' },
    });
    const result = upheld.data?.result;
    expect(result?.finalRating).toBe('GOOD');
    expect(result?.version).toBe(2);
    const previous = approvalOf.get(app.fixture.people.binh);
    expect(result?.decisions.map((decision) => decision.kind)).toEqual(['APPROVAL', 'APPEAL_OUTCOME']);
    expect(result?.decisions.at(-1)?.supersedesId).toBe(previous);
    // the earlier decision is never edited
    const approval = await app.db.prisma.ratingDecision.findUniqueOrThrow({
      where: { id: previous as string },
    });
    expect(approval).toMatchObject({ kind: 'APPROVAL', toRating: 'COMPLETED' });
    const audit = await app.db.prisma.auditLog.findMany({
      where: { action: { in: ['startAppealReview', 'decideAppeal'] } },
      select: { action: true, entity: true },
      orderBy: { id: 'asc' },
    });
    expect(audit).toEqual([
      { action: 'startAppealReview', entity: 'Appeal' },
      { action: 'decideAppeal', entity: 'EvaluationResult' },
      { action: 'decideAppeal', entity: 'Appeal' },
    ]);

    const twice = await decide({ id, outcome: 'REJECTED', reason: 'Đổi ý, bác khiếu nại', v: 3 });
    expect(twice.__typename).toBe('ConflictError');
  });

  it('rejects an appeal without touching the result', async () => {
    const appeal = await app.db.prisma.appeal.findFirstOrThrow({
      where: { personId: app.fixture.people.cuong },
    });
    const id = gid('Appeal', appeal.id);
    await start(id, 1);
    const withRating = await decide({
      id,
      outcome: 'REJECTED',
      rating: 'EXCELLENT',
      reason: 'Không có căn cứ',
      v: 2,
    });
    expect(withRating.__typename).toBe('ValidationError');
    const rejected = await decide({ id, outcome: 'REJECTED', reason: 'Không có căn cứ xem xét lại', v: 2 });
    expect(rejected).toMatchObject({
      __typename: 'DecideAppealSuccess',
      data: { status: 'REJECTED', result: { finalRating: 'GOOD', version: 1 } },
    });
    expect(rejected.data?.result.decisions.map((decision) => decision.kind)).toEqual(['APPROVAL']);
    // a closed appeal no longer blocks a new one within the window
    const again = await file('cuong', 'Bổ sung minh chứng khảo sát người dân');
    expect(again.__typename).toBe('FileAppealSuccess');
    const withdrawn = await call(withdrawMutation, { id: again.data?.id, v: 1 }, 'cuong');
    expect(withdrawn).toMatchObject({
      __typename: 'WithdrawAppealSuccess',
      data: { status: 'WITHDRAWN', version: 2 },
    });
  });

  it('refuses to uphold against a hard rule and leaves the appeal under review', async () => {
    const filed = await file('em', 'Hình thức khiển trách không liên quan đến nhiệm vụ', 'GOOD');
    expect(filed.__typename).toBe('FileAppealSuccess');
    const id = filed.data?.id as string;
    await start(id, 1);
    const ruled = await decide({ id, outcome: 'UPHELD', reason: 'Chấp nhận theo đề nghị', v: 2 });
    expect(ruled).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      rule: 'discipline.in-year',
    });
    expect(ruled.citation).toBeTruthy();
    const appeal = await app.db.prisma.appeal.findFirstOrThrow({
      where: { personId: app.fixture.people.em },
    });
    expect(appeal).toMatchObject({ status: 'UNDER_REVIEW', version: 2 });
    const result = await app.db.prisma.evaluationResult.findFirstOrThrow({
      where: { personId: app.fixture.people.em, cycle: { year: 2026 } },
      include: { decisions: true },
    });
    expect(result.finalRating).toBe('NOT_COMPLETED');
    expect(result.decisions).toHaveLength(1);

    const chain = await app.graphql<{ auditChain: { valid: boolean } }>(
      '{ auditChain { valid } }',
      {},
      {
        token: await app.login('admin'),
      },
    );
    expect(chain.data?.auditChain.valid).toBe(true);
  });
});
