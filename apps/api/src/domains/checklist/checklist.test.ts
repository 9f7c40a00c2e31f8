import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type Item = {
  kind: string;
  count: number;
  blocks: string | null;
  ownerRole: string;
  dueOn: string | null;
  label: string;
  byUnit: { unit: { name: string }; count: number }[];
};

const checklistQuery = `query ($c: ID!) { checklist(cycleId: $c) {
  blocking items { kind count blocks ownerRole dueOn label byUnit { unit { name } count } } } }`;

const moveMutation = `mutation ($id: ID!, $to: CycleStatus!, $version: Int!) {
  moveCycle(id: $id, to: $to, version: $version) { __typename
    ... on Error { message }
    ... on WorkflowBlockedError { items { kind count blocks } } } }`;

describe.each(testEngines())('checklist and workflow guards on %s', (engine) => {
  let app: TestApp;
  let cycleDbId: string;
  let cycleId: string;

  async function checklist(username: 'officer' | 'head' | 'council' | 'staff'): Promise<Item[]> {
    const result = await app.graphql<{ checklist: { items: Item[] } }>(
      checklistQuery,
      { c: cycleId },
      { token: await app.login(username) },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.checklist.items ?? [];
  }

  async function move(to: string) {
    const cycle = await app.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleDbId } });
    const result = await app.graphql<{
      moveCycle: { __typename: string; message?: string; items?: { kind: string; count: number }[] };
    }>(moveMutation, { id: cycleId, to, version: cycle.version }, { token: await app.login('officer') });
    return result.data?.moveCycle;
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
        deadlines: {
          create: [
            { stage: 'OPEN', dueOn: new Date('2026-11-30'), ownerRole: 'STAFF' },
            { stage: 'ASSESSMENT', dueOn: new Date('2026-12-10'), ownerRole: 'UNIT_HEAD' },
            { stage: 'REVIEW', dueOn: new Date('2026-12-15'), ownerRole: 'COUNCIL_MEMBER' },
          ],
        },
      },
    });
    cycleDbId = cycle.id;
    cycleId = gid('Cycle', cycle.id);
    await prisma.task.createMany({
      data: Object.values(app.fixture.people).map((personId, index) => ({
        cycleId: cycle.id,
        personId,
        code: `T${index}`,
        title: 'Nhiệm vụ',
        dueOn: new Date('2026-06-30'),
        completedOn: new Date('2026-06-15'),
        planned: 1,
        actual: 1,
      })),
    });
    expect((await move('OPEN'))?.__typename).toBe('MoveCycleSuccess');
  });
  afterAll(() => app.close());

  it('tells staff their self-assessment is due, and by when; gone once submitted', async () => {
    const due = await checklist('staff');
    expect(due).toEqual([
      expect.objectContaining({
        kind: 'MISSING_SELF_ASSESSMENTS',
        count: 1,
        ownerRole: 'STAFF',
        dueOn: '2026-11-30',
        blocks: null,
      }),
    ]);
    const officer = await checklist('officer');
    const missing = officer.find((row) => row.kind === 'MISSING_SELF_ASSESSMENTS');
    expect(missing?.count).toBe(5);
    expect(missing?.byUnit.map((row) => row.unit.name)).toContain('Sở B');
    expect(officer.map((row) => row.kind)).toContain('EVALUATION_NOT_RUN');
    await app.graphql(
      `mutation ($c: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(cycleId: $c, input: $input) { __typename } }`,
      { c: cycleId, input: { achievements: 'Hoàn thành nhiệm vụ', proposedRating: 'GOOD' } },
      { token: await app.login('staff') },
    );
    expect(await checklist('staff')).toEqual([]);
  });

  it('tells a head how many of their people they have not assessed, by unit', async () => {
    expect((await move('ASSESSMENT'))?.__typename).toBe('MoveCycleSuccess');
    const head = await checklist('head');
    const missing = head.find((row) => row.kind === 'MISSING_HEAD_ASSESSMENTS');
    // Sở A: Em and Bình (Phòng A1); An is the head himself
    expect(missing).toMatchObject({ count: 2, ownerRole: 'UNIT_HEAD', dueOn: '2026-12-10' });
    expect(missing?.byUnit.map((row) => row.unit.name).sort()).toEqual(['Phòng A1', 'Sở A']);
    // quarters that have ended (the 2026 cycle is tracked by quarter) wait for the head to close them
    if (Date.now() >= Date.UTC(2026, 3, 1)) {
      const unclosed = head.find((row) => row.kind === 'UNCLOSED_PERIODS');
      expect(unclosed?.count).toBeGreaterThan(0);
      expect(unclosed?.byUnit.map((row) => row.unit.name)).toContain('Sở A');
    }
  });

  it('refuses approval while a proposal, a ballot and a flag remain, listing them', async () => {
    const { prisma } = app.db;
    const run = await app.graphql<{ runEvaluation: { __typename: string } }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename } }',
      { id: cycleId },
      { token: await app.login('officer') },
    );
    expect(run.data?.runEvaluation.__typename).toBe('RunEvaluationSuccess');
    expect((await move('REVIEW'))?.__typename).toBe('MoveCycleSuccess');
    await prisma.flag.deleteMany({ where: { cycleId: cycleDbId } });
    const flag = await prisma.flag.create({
      data: {
        cycleId: cycleDbId,
        personId: app.fixture.people.cuong,
        kind: 'ROTATION',
        status: 'ACTIVE',
        rule: 'rotation',
        reason: 'Giữ vị trí nhạy cảm đủ 3 năm',
      },
    });
    const pending = await prisma.titleProposal.create({
      data: {
        cycleId: cycleDbId,
        title: 'LDTT',
        personId: app.fixture.people.dung,
        reason: 'Tốt',
        eligible: true,
      },
    });
    const voted = await prisma.titleProposal.create({
      data: {
        cycleId: cycleDbId,
        title: 'CSTDCS',
        personId: app.fixture.people.cuong,
        reason: 'Sáng kiến',
        eligible: true,
        status: 'IN_BALLOT',
      },
    });
    const council = await prisma.council.findFirstOrThrow();
    const session = await prisma.councilSession.create({
      data: {
        councilId: council.id,
        cycleId: cycleDbId,
        number: '01/BB',
        heldOn: new Date('2026-12-12'),
        quorum: 1,
      },
    });
    const ballot = await prisma.ballot.create({
      data: { sessionId: session.id, proposalId: voted.id, thresholdPercent: 50, members: 1 },
    });

    const officer = await checklist('officer');
    expect(officer.filter((row) => row.blocks === 'APPROVED').map((row) => [row.kind, row.count])).toEqual([
      ['PENDING_PROPOSALS', 2],
      ['OPEN_BALLOTS', 1],
      ['UNREVIEWED_FLAGS', 1],
    ]);
    const member = await checklist('council');
    expect(member.find((row) => row.kind === 'OPEN_BALLOTS')).toMatchObject({
      count: 1,
      label: 'Phiếu bầu đang mở chờ bạn bỏ phiếu',
    });
    expect(member.map((row) => row.kind)).toContain('CALIBRATION_NOT_REVIEWED');
    // the council sees the proposals it must decide on
    expect(member.find((row) => row.kind === 'PENDING_PROPOSALS')?.count).toBe(2);
    const listed = await app.graphql<{ titleProposals: { id: string }[] }>(
      'query ($c: ID!) { titleProposals(cycleId: $c) { id person { fullName } } }',
      { c: cycleId },
      { token: await app.login('council') },
    );
    expect(listed.data?.titleProposals).toHaveLength(2);
    expect(member.map((row) => row.kind)).not.toContain('UNREVIEWED_FLAGS');

    const refused = await move('APPROVED');
    expect(refused?.__typename).toBe('WorkflowBlockedError');
    expect(refused?.items).toEqual([
      { kind: 'PENDING_PROPOSALS', count: 2, blocks: 'APPROVED' },
      { kind: 'OPEN_BALLOTS', count: 1, blocks: 'APPROVED' },
      { kind: 'UNREVIEWED_FLAGS', count: 1, blocks: 'APPROVED' },
    ]);
    expect(refused?.message).toContain('Đề xuất chưa được xem xét (1)');
    expect(await prisma.ratingDecision.count({ where: { cycleId: cycleDbId, kind: 'APPROVAL' } })).toBe(0);

    // the officer fixes what blocks approval
    const reviewed = await app.graphql<{ reviewFlag: { __typename: string } }>(
      `mutation ($id: ID!) { reviewFlag(id: $id, review: POSTPONED, reason: "Chờ kết luận thanh tra", version: 1) { __typename ... on Error { message } } }`,
      { id: gid('Flag', flag.id) },
      { token: await app.login('officer') },
    );
    expect(reviewed.data?.reviewFlag.__typename, JSON.stringify(reviewed)).toBe('ReviewFlagSuccess');
    await prisma.ballot.update({ where: { id: ballot.id }, data: { status: 'CLOSED', result: 'FAILED' } });
    await prisma.titleProposal.updateMany({
      where: { id: { in: [pending.id, voted.id] } },
      data: { status: 'REJECTED' },
    });
    expect((await checklist('officer')).filter((row) => row.blocks === 'APPROVED')).toEqual([]);
    expect((await move('APPROVED'))?.__typename).toBe('MoveCycleSuccess');
  });

  it('refuses archiving inside the appeal window and while an appeal is open', async () => {
    const { prisma } = app.db;
    expect((await move('PUBLISHED'))?.__typename).toBe('MoveCycleSuccess');
    const inWindow = await move('ARCHIVED');
    expect(inWindow?.__typename).toBe('WorkflowBlockedError');
    expect(inWindow?.items?.map((row) => row.kind)).toEqual(['APPEAL_WINDOW_OPEN']);
    expect(inWindow?.message).toContain('Còn trong thời hạn khiếu nại (đến hết ngày');
    const officer = await checklist('officer');
    expect(officer.map((row) => row.kind)).toContain('APPEAL_WINDOW_OPEN');
    // the national personnel database is due 3 working days after the decision
    expect(officer.find((row) => row.kind === 'NATIONAL_EXPORT_DUE')?.dueOn).toBeTruthy();

    const result = await prisma.evaluationResult.findFirstOrThrow({
      where: { cycleId: cycleDbId, personId: app.fixture.people.binh },
    });
    await prisma.appeal.create({
      data: {
        cycleId: cycleDbId,
        personId: app.fixture.people.binh,
        resultId: result.id,
        reason: 'Chưa tính sáng kiến',
      },
    });
    // twenty days later the window has closed, but the appeal is still open
    await prisma.cycle.update({
      where: { id: cycleDbId },
      data: { publishedAt: new Date(Date.now() - 20 * 24 * 3600 * 1000) },
    });
    const withAppeal = await move('ARCHIVED');
    expect(withAppeal?.items).toEqual([{ kind: 'OPEN_APPEALS', count: 1, blocks: 'ARCHIVED' }]);
    await prisma.appeal.updateMany({ where: { cycleId: cycleDbId }, data: { status: 'REJECTED' } });
    expect((await move('ARCHIVED'))?.__typename).toBe('MoveCycleSuccess');
  });
});
