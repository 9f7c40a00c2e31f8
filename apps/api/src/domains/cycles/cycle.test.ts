import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type MoveResult = {
  moveCycle: {
    __typename: string;
    data?: {
      status: string;
      version: number;
      transitions: { fromStatus: string; toStatus: string; reason: string | null }[];
    };
    code?: string;
    fields?: { field: string }[];
  };
};

const moveMutation = `mutation ($id: ID!, $to: CycleStatus!, $reason: String, $version: Int!) {
  moveCycle(id: $id, to: $to, reason: $reason, version: $version) {
    __typename
    ... on MoveCycleSuccess { data { status version transitions { fromStatus toStatus reason } } }
    ... on Error { code message }
    ... on ValidationError { fields { field message } } } }`;

describe.each(testEngines())('cycle workflow on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app.close());

  it('creates a cycle with validated overrides and deadlines', async () => {
    const token = await app.login('officer');
    const mutation = `mutation ($input: CreateCycleInput!) { createCycle(input: $input) {
      __typename
      ... on CreateCycleSuccess { data { id year status version pack { id } deadlines { stage dueOn ownerRole } } }
      ... on ValidationError { fields { field message } } } }`;
    const input = {
      year: 2026,
      name: 'Đánh giá năm 2026',
      packId: 'vn-nd335-2025',
      scopeUnitId: gid('Unit', app.fixture.units.province),
      overrides: { excellentPercent: 20 },
      deadlines: [{ stage: 'OPEN', dueOn: '2026-12-15', ownerRole: 'STAFF' }],
    };
    const bad = await app.graphql<{ createCycle: { __typename: string; fields: { field: string }[] } }>(
      mutation,
      { input: { ...input, overrides: { excellentPercent: 140, surprise: 1 } } },
      { token },
    );
    expect(bad.data?.createCycle.__typename).toBe('ValidationError');
    expect(bad.data?.createCycle.fields.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['input.overrides.excellentPercent']),
    );
    const created = await app.graphql<{
      createCycle: { __typename: string; data: { id: string; status: string } };
    }>(mutation, { input }, { token });
    expect(created.data?.createCycle).toMatchObject({
      __typename: 'CreateCycleSuccess',
      data: {
        status: 'DRAFT',
        year: 2026,
        deadlines: [{ stage: 'OPEN', dueOn: '2026-12-15', ownerRole: 'STAFF' }],
      },
    });
    cycleId = created.data?.createCycle.data.id ?? '';
  });

  it('moves forward one step at a time and records transitions', async () => {
    const token = await app.login('officer');
    const skip = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'ASSESSMENT', version: 1 },
      { token },
    );
    expect(skip.data?.moveCycle.__typename).toBe('ValidationError');
    const open = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'OPEN', version: 1 },
      { token },
    );
    expect(open.data?.moveCycle.data).toMatchObject({ status: 'OPEN', version: 2 });
    const assessment = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'ASSESSMENT', version: 2 },
      { token },
    );
    expect(assessment.data?.moveCycle.data?.transitions.map((row) => row.toStatus)).toEqual([
      'OPEN',
      'ASSESSMENT',
    ]);
  });

  it('refuses to move back without a reason, accepts it with one', async () => {
    const token = await app.login('officer');
    const noReason = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'OPEN', version: 3 },
      { token },
    );
    expect(noReason.data?.moveCycle.__typename).toBe('ValidationError');
    expect(noReason.data?.moveCycle.fields?.[0]?.field).toBe('reason');
    const back = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'OPEN', version: 3, reason: 'Bổ sung minh chứng còn thiếu' },
      { token },
    );
    expect(back.data?.moveCycle.data?.status).toBe('OPEN');
    expect(back.data?.moveCycle.data?.transitions.at(-1)).toEqual({
      fromStatus: 'ASSESSMENT',
      toStatus: 'OPEN',
      reason: 'Bổ sung minh chứng còn thiếu',
    });
  });

  it('refuses a stale cycle version and a move by a unit head', async () => {
    const stale = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'ASSESSMENT', version: 1 },
      { token: await app.login('officer') },
    );
    expect(stale.data?.moveCycle).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const byHead = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'ASSESSMENT', version: 4 },
      { token: await app.login('head') },
    );
    expect(byHead.errors?.[0]?.extensions?.code ?? byHead.data?.moveCycle.code).toBe('FORBIDDEN');
  });

  it('lets staff file their own self-assessment while OPEN', async () => {
    const token = await app.login('staff');
    const result = await app.graphql<{ submitSelfAssessment: { __typename: string } }>(
      `mutation ($cycleId: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(cycleId: $cycleId, input: $input) {
        __typename ... on SubmitSelfAssessmentSuccess { data { proposedRating version submittedAt } } } }`,
      { cycleId, input: { achievements: 'Hoàn thành 100% nhiệm vụ', proposedRating: 'GOOD' } },
      { token },
    );
    expect(result.data?.submitSelfAssessment).toMatchObject({
      __typename: 'SubmitSelfAssessmentSuccess',
      data: { proposedRating: 'GOOD', version: 1 },
    });
    const cycle = await app.graphql<{ cycle: { mySelfAssessment: { proposedRating: string }[] } }>(
      'query ($id: ID!) { cycle(id: $id) { status mySelfAssessment { proposedRating } } }',
      { id: cycleId },
      { token },
    );
    expect(cycle.data?.cycle.mySelfAssessment).toEqual([{ proposedRating: 'GOOD' }]);
  });

  it('keeps a filed self-assessment filed: saving it as a draft is refused, filing it again revises it', async () => {
    const token = await app.login('staff');
    const mutation = `mutation ($cycleId: ID!, $input: SelfAssessmentInput!, $version: Int) {
      submitSelfAssessment(cycleId: $cycleId, input: $input, version: $version) {
        __typename ... on SubmitSelfAssessmentSuccess { data { version submittedAt achievements } } ... on Error { message } } }`;
    const draft = await app.graphql<{ submitSelfAssessment: { __typename: string; message?: string } }>(
      mutation,
      { cycleId, input: { achievements: 'Sửa lại', proposedRating: 'GOOD', submit: false }, version: 1 },
      { token },
    );
    expect(draft.data?.submitSelfAssessment.__typename).toBe('ConflictError');
    expect(draft.data?.submitSelfAssessment.message).toMatch(/đã nộp/);
    const filed = await app.graphql<{
      submitSelfAssessment: { data: { version: number; submittedAt: string | null; achievements: string } };
    }>(
      mutation,
      { cycleId, input: { achievements: 'Sửa lại', proposedRating: 'GOOD', submit: true }, version: 1 },
      { token },
    );
    expect(filed.data?.submitSelfAssessment.data).toMatchObject({ version: 2, achievements: 'Sửa lại' });
    expect(filed.data?.submitSelfAssessment.data.submittedAt).not.toBeNull();
  });

  it('needs an evaluation run before REVIEW', async () => {
    const token = await app.login('officer');
    await app.graphql<MoveResult>(moveMutation, { id: cycleId, to: 'ASSESSMENT', version: 4 }, { token });
    const review = await app.graphql<MoveResult>(
      moveMutation,
      { id: cycleId, to: 'REVIEW', version: 5 },
      { token },
    );
    expect(review.data?.moveCycle).toMatchObject({ __typename: 'ConflictError' });
  });

  it('lets a head assess a person of their department during ASSESSMENT, not another department', async () => {
    const token = await app.login('head');
    const mutation = `mutation ($cycleId: ID!, $personId: ID!, $a: Float!) {
      assessPerson(cycleId: $cycleId, personId: $personId, conductAssessment: $a) {
        __typename ... on AssessPersonSuccess { data { conductAssessment } } ... on Error { code } } }`;
    const own = await app.graphql(
      mutation,
      { cycleId, personId: gid('Person', app.fixture.people.binh), a: 8 },
      { token },
    );
    expect(own.data).toEqual({
      assessPerson: { __typename: 'AssessPersonSuccess', data: { conductAssessment: 8 } },
    });
    const other = await app.graphql(
      mutation,
      { cycleId, personId: gid('Person', app.fixture.people.cuong), a: 8 },
      { token },
    );
    expect(other.data).toEqual({ assessPerson: { __typename: 'NotFoundError', code: 'NOT_FOUND' } });
  });

  it('writes a valid hash chain of audit entries for every change', async () => {
    const token = await app.login('admin');
    const log = await app.graphql<{
      auditLog: { totalCount: number; edges: { node: { action: string } }[] };
    }>(
      '{ auditLog(first: 100, filter: { entity: "Cycle" }) { totalCount edges { node { action entity entityId before after } } } }',
      {},
      { token },
    );
    expect(log.data?.auditLog.edges.map((edge) => edge.node.action)).toEqual(
      expect.arrayContaining(['createCycle', 'moveCycle']),
    );
    const chain = await app.graphql<{ auditChain: { valid: boolean; checked: number } }>(
      '{ auditChain { valid checked brokenAtId } }',
      {},
      { token },
    );
    expect(chain.data?.auditChain.valid).toBe(true);
    expect(chain.data?.auditChain.checked).toBeGreaterThan(5);
    const denied = await app.graphql(
      '{ auditLog(first: 1) { totalCount } }',
      {},
      { token: await app.login('head') },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
