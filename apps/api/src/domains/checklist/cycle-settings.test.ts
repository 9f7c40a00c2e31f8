import { testEngines } from '@cadre/db/testing';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type Outcome = {
  __typename: string;
  message?: string;
  fields?: { field: string; message: string }[];
  data?: { id: string; version: number; deadlines?: { stage: string; dueOn: string }[] };
};

const createMutation = `mutation ($input: CreateCycleInput!) { createCycle(input: $input) {
  __typename ... on CreateCycleSuccess { data { id version deadlines { stage dueOn } } }
  ... on Error { message } ... on ValidationError { fields { field message } } } }`;

const deadlinesMutation = `mutation ($c: ID!, $d: [CycleDeadlineInput!]!, $r: String!, $v: Int!) {
  updateCycleDeadlines(cycleId: $c, deadlines: $d, reason: $r, version: $v) {
    __typename ... on UpdateCycleDeadlinesSuccess { data { id version deadlines { stage dueOn } } }
    ... on Error { message } ... on ValidationError { fields { field message } } } }`;

const deleteMutation = `mutation ($id: ID!, $v: Int!) { deleteCycle(id: $id, version: $v) {
  __typename ... on DeleteCycleSuccess { data { id name } } ... on Error { message code } } }`;

describe.each(testEngines())('guarded cycle settings on %s', (engine) => {
  let app: TestApp;
  let token: string;
  const input = (extra: Record<string, unknown> = {}) => ({
    year: 2027,
    name: 'Đánh giá năm 2027',
    packId: 'vn-nd335-2025',
    scopeUnitId: gid('Unit', app.fixture.units.province),
    deadlines: [
      { stage: 'OPEN', dueOn: '2027-11-30', ownerRole: 'STAFF' },
      { stage: 'ASSESSMENT', dueOn: '2027-12-10', ownerRole: 'UNIT_HEAD' },
      { stage: 'REVIEW', dueOn: '2027-12-15', ownerRole: 'COUNCIL_MEMBER' },
    ],
    ...extra,
  });
  async function create(value: Record<string, unknown>): Promise<Outcome> {
    const result = await app.graphql<{ createCycle: Outcome }>(createMutation, { input: value }, { token });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.createCycle as Outcome;
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    token = await app.login('officer');
  });
  afterAll(() => app.close());

  it('refuses a 45% quota without a decision, a review due before collection, and the 90/2020 pack for 2027', async () => {
    const refused = await create(
      input({
        packId: 'vn-nd90-2020',
        overrides: { excellentPercent: 45 },
        deadlines: [
          { stage: 'OPEN', dueOn: '2027-12-10', ownerRole: 'STAFF' },
          { stage: 'REVIEW', dueOn: '2027-11-30', ownerRole: 'COUNCIL_MEMBER' },
        ],
      }),
    );
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields?.map((issue) => issue.field)).toEqual(['input.deadlines.1.dueOn']);
    expect(refused.fields?.[0]?.message).toContain(
      'Hạn của bước REVIEW (2027-11-30) trước hạn của bước OPEN',
    );
    const lawBounds = await create(input({ packId: 'vn-nd90-2020', overrides: { excellentPercent: 45 } }));
    expect(lawBounds.fields?.map((issue) => issue.field).sort()).toEqual([
      'input.overrides.excellentPercent',
      'input.packId',
    ]);
    const messages = lawBounds.fields?.map((issue) => issue.message).join('\n');
    expect(messages).toContain('vượt mức 20%');
    expect(messages).toContain('đến năm 2025');
    expect(await app.db.prisma.cycle.count()).toBe(0);
  });

  it('accepts a higher quota with a recorded decision, and records it', async () => {
    const badReference = await create(
      input({ overrides: { excellentPercent: 30 }, decisionReference: 'xin' }),
    );
    expect(badReference.fields?.map((issue) => issue.field)).toEqual(['input.decisionReference']);
    const created = await create(
      input({ overrides: { excellentPercent: 30 }, decisionReference: '125/QĐ-UBND' }),
    );
    expect(created.__typename).toBe('CreateCycleSuccess');
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'createCycle' } });
    expect(audit.after).toMatchObject({
      decisionReference: '125/QĐ-UBND',
      overrides: { excellentPercent: 30 },
    });
  });

  it('refuses a second cycle of the same year over units another one covers', async () => {
    const inside = await create(
      input({ scopeUnitId: gid('Unit', app.fixture.units.dept1), name: 'Sở A 2027' }),
    );
    expect(inside.__typename).toBe('ConflictError');
    expect(inside.message).toContain('Đã có kỳ đánh giá năm 2027 "Đánh giá năm 2027"');
  });

  it('edits deadlines in order with a reason, audited', async () => {
    const cycle = await app.db.prisma.cycle.findFirstOrThrow({ where: { year: 2027 } });
    const c = gid('Cycle', cycle.id);
    const late = [
      { stage: 'OPEN', dueOn: '2027-12-01', ownerRole: 'STAFF' },
      { stage: 'ASSESSMENT', dueOn: '2027-11-20', ownerRole: 'UNIT_HEAD' },
    ];
    const unordered = await app.graphql<{ updateCycleDeadlines: Outcome }>(
      deadlinesMutation,
      { c, d: late, r: 'Lùi hạn thu thập minh chứng', v: cycle.version },
      { token },
    );
    expect(unordered.data?.updateCycleDeadlines.fields?.[0]?.field).toBe('deadlines.1.dueOn');
    const noReason = await app.graphql<{ updateCycleDeadlines: Outcome }>(
      deadlinesMutation,
      { c, d: [], r: ' ', v: cycle.version },
      { token },
    );
    expect(noReason.data?.updateCycleDeadlines.fields?.[0]?.field).toBe('reason');
    const moved = await app.graphql<{ updateCycleDeadlines: Outcome }>(
      deadlinesMutation,
      {
        c,
        d: [
          { stage: 'OPEN', dueOn: '2027-12-01', ownerRole: 'STAFF' },
          { stage: 'ASSESSMENT', dueOn: '2027-12-12', ownerRole: 'UNIT_HEAD' },
        ],
        r: 'Lùi hạn thu thập minh chứng',
        v: cycle.version,
      },
      { token },
    );
    expect(moved.data?.updateCycleDeadlines.data).toMatchObject({
      version: cycle.version + 1,
      deadlines: [
        { stage: 'OPEN', dueOn: '2027-12-01' },
        { stage: 'ASSESSMENT', dueOn: '2027-12-12' },
      ],
    });
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'updateCycleDeadlines' },
    });
    expect(audit.before).toMatchObject({
      deadlines: expect.arrayContaining([expect.objectContaining({ stage: 'REVIEW' })]),
    });
    expect(audit.after).toMatchObject({ reason: 'Lùi hạn thu thập minh chứng' });
  });

  it('deletes a draft cycle, not an opened one, not by a head', async () => {
    const cycle = await app.db.prisma.cycle.findFirstOrThrow({ where: { year: 2027 } });
    const byHead = await app.graphql<{ deleteCycle: Outcome & { code?: string } }>(
      deleteMutation,
      { id: gid('Cycle', cycle.id), v: cycle.version },
      { token: await app.login('head') },
    );
    expect(byHead.errors?.[0]?.extensions?.code ?? byHead.data?.deleteCycle.code).toBe('FORBIDDEN');
    const deleted = await app.graphql<{ deleteCycle: Outcome }>(
      deleteMutation,
      { id: gid('Cycle', cycle.id), v: cycle.version },
      { token },
    );
    expect(deleted.data?.deleteCycle).toEqual({
      __typename: 'DeleteCycleSuccess',
      data: { id: gid('Cycle', cycle.id), name: 'Đánh giá năm 2027' },
    });
    expect(await app.db.prisma.cycle.count({ where: { id: cycle.id } })).toBe(0);
    expect(await app.db.prisma.auditLog.count({ where: { action: 'deleteCycle', entityId: cycle.id } })).toBe(
      1,
    );

    const opened = await create(input());
    const row = await app.db.prisma.cycle.update({
      where: { id: decodeGlobalID(opened.data?.id ?? '').id },
      data: { status: 'OPEN' },
    });
    const refused = await app.graphql<{ deleteCycle: Outcome }>(
      deleteMutation,
      { id: gid('Cycle', row.id), v: row.version },
      { token },
    );
    expect(refused.data?.deleteCycle.__typename).toBe('ConflictError');
    expect(refused.data?.deleteCycle.message).toContain('Chỉ xóa được kỳ đánh giá ở bước Dự thảo');
  });
});
