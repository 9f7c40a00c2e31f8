import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EvaluationOutput, ScenarioInput } from '../../../rules/scenario.ts';
import { createTestApp, gid, type TestApp } from '../../../test-support/test-app.ts';

// The engine is replaced by a canned one here: these tests are about what the API reads and writes
// around it (bulk reads, idempotent upserts, kept decisions, flags), not about the rules.
const engineCalls: ScenarioInput[] = [];
vi.mock('../../../rules/engine.ts', async (importOriginal) => ({
  // the engine's pure helpers (parameters, live quota) stay real; the evaluation is canned
  ...(await importOriginal<typeof import('../../../rules/engine.ts')>()),
  runEngine: async (scenario: ScenarioInput) => {
    engineCalls.push(scenario);
    const evaluation: EvaluationOutput = {
      year: scenario.year,
      pack: scenario.pack,
      people: scenario.people.map((person) => {
        const disciplined = scenario.discipline.some((row) => row.personId === person.id);
        const engineRating = disciplined ? 'NOT_COMPLETED' : 'GOOD';
        // the canned engine keeps a decision unless the person is disciplined (then only NOT_COMPLETED)
        const decided = scenario.finalRatings?.find((row) => row.personId === person.id);
        const legal = decided !== undefined && (!disciplined || decided.rating === 'NOT_COMPLETED');
        return {
          ...(decided
            ? {
                decision: {
                  rating: decided.rating,
                  reason: decided.reason,
                  applied: legal,
                  rule: 'test',
                  citation: 'test',
                  message: '',
                },
              }
            : {}),
          id: person.id,
          score: disciplined ? 80 : 95,
          components: { tasks: 66, conduct: person.conductAssessment ?? 0, reform: 10, citizens: 10 },
          proposedRating: disciplined ? 'GOOD' : 'EXCELLENT',
          rating: legal ? decided.rating : engineRating,
          engineRating,
          ratingCeiling: disciplined
            ? { rating: 'NOT_COMPLETED', rule: 'discipline.in-year', citation: 'test', reason: 'kỷ luật' }
            : { rating: 'EXCELLENT', rule: null, citation: null, reason: '' },
          titleEligibility: [],
          titles: disciplined ? [] : ['LDTT'],
          rewards: [],
          flags: disciplined
            ? [
                {
                  kind: 'STREAMLINING',
                  status: 'ACTIVE',
                  rule: 'nd154.streamlining',
                  reason: 'không hoàn thành',
                },
              ]
            : [],
          trace: [
            { rule: 'test.rule', effect: 'GOOD', params: ['canned'], citation: 'local', detail: 'canned' },
          ],
        };
      }),
      units: scenario.units.map((unit) => ({
        id: unit.id,
        excellentQuota: { eligible: 2, allowed: 0, granted: 0 },
        collectiveTitles: [],
        rewards: [],
        blockRank: null,
      })),
      rewardBudget: { baseSalary: 2_340_000, total: 0 },
      errors: [],
    };
    return { ok: true, scenario, evaluation };
  },
  // the canned engine refuses an excellent rating unless the unit has a recorded quota exception
  checkRatingDecision: async (options: { scenario: ScenarioInput; personId: string; rating: string }) => {
    if (
      options.scenario.discipline.some((row) => row.personId === options.personId) &&
      options.rating !== 'NOT_COMPLETED'
    )
      return {
        ok: false,
        rule: 'discipline',
        citation: 'Nghị định 48/2023/NĐ-CP',
        message: 'disciplined',
        quota: null,
      };
    if (options.rating === 'EXCELLENT' && !options.scenario.overrides.quotaExceptions?.length) {
      const unitId = options.scenario.people.find((person) => person.id === options.personId)?.unitId ?? '';
      return {
        ok: false,
        rule: 'decision.quota',
        citation: 'test',
        message: 'quota',
        quota: { groupId: unitId, allowed: 0, granted: 0 },
      };
    }
    return { ok: true };
  },
}));

describe.each(testEngines())('evaluation runs (canned engine) on %s', (engine) => {
  let app: TestApp;
  let cycleDbId: string;
  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'ASSESSMENT',
      },
    });
    cycleDbId = cycle.id;
    await prisma.headAssessment.create({
      data: { cycleId: cycle.id, personId: app.fixture.people.binh, conductAssessment: 7 },
    });
    await prisma.disciplineDecision.create({
      data: {
        personId: app.fixture.people.em,
        form: 'KHIEN_TRACH',
        decidedOn: new Date('2026-05-12'),
        actYear: 2026,
      },
    });
  });
  afterAll(() => app.close());

  async function run() {
    return app.graphql<{
      runEvaluation: { __typename: string; data: { status: string; message: string | null } };
    }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename ... on RunEvaluationSuccess { data { status message total processed } } ... on Error { code message } } }',
      { id: gid('Cycle', cycleDbId) },
      { token: await app.login('officer') },
    );
  }

  it('maps the rows to a scenario: the head’s assessment, or none when missing (the engine then awaits it)', async () => {
    const result = await run();
    expect(result.data?.runEvaluation.data).toMatchObject({ status: 'SUCCEEDED' });
    const scenario = engineCalls.at(-1) as ScenarioInput;
    expect(scenario.people).toHaveLength(5);
    expect(scenario.units).toHaveLength(4);
    const binh = scenario.people.find((person) => person.id === app.fixture.people.binh);
    const an = scenario.people.find((person) => person.id === app.fixture.people.an);
    expect(binh?.conductAssessment).toBe(7);
    expect(an?.conductAssessment ?? null).toBeNull();
    expect(an?.leads).toBe(app.fixture.units.dept1);
    expect(scenario.discipline).toEqual([
      expect.objectContaining({ form: 'KHIEN_TRACH', decidedOn: '2026-05-12' }),
    ]);
    const rows = await app.db.prisma.evaluationResult.findMany({ where: { cycleId: cycleDbId } });
    expect(rows).toHaveLength(5);
    expect(await app.db.prisma.flag.count({ where: { cycleId: cycleDbId } })).toBe(1);
    expect(await app.db.prisma.unitResult.count({ where: { cycleId: cycleDbId } })).toBe(4);
  });

  it('is idempotent and keeps a reasoned decision that is still legal', async () => {
    const binh = await app.db.prisma.evaluationResult.findFirstOrThrow({
      where: { cycleId: cycleDbId, personId: app.fixture.people.binh },
    });
    const adjust = await app.graphql<{ adjustRating: { __typename: string } }>(
      `mutation ($id: ID!, $v: Int!) { adjustRating(resultId: $id, rating: COMPLETED, reason: "Chậm tiến độ", version: $v) {
        __typename ... on Error { message } } }`,
      { id: gid('EvaluationResult', binh.id), v: binh.version },
      { token: await app.login('head') },
    );
    expect(adjust.data?.adjustRating.__typename, JSON.stringify(adjust)).toBe('AdjustRatingSuccess');
    const before = await app.db.prisma.evaluationResult.findMany({
      where: { cycleId: cycleDbId },
      orderBy: { id: 'asc' },
    });
    await run();
    const after = await app.db.prisma.evaluationResult.findMany({
      where: { cycleId: cycleDbId },
      orderBy: { id: 'asc' },
    });
    expect(after.map((row) => [row.id, row.finalRating, row.finalReason, row.version, row.score])).toEqual(
      before.map((row) => [row.id, row.finalRating, row.finalReason, row.version, row.score]),
    );
    expect(after.find((row) => row.personId === app.fixture.people.binh)?.finalRating).toBe('COMPLETED');
  });

  it('refuses a second concurrent run of the same cycle', async () => {
    const runningRun = await app.db.prisma.evaluationRun.create({
      data: { cycleId: cycleDbId, status: 'RUNNING' },
    });
    const second = await run();
    expect(second.data?.runEvaluation.__typename).toBe('ConflictError');
    await app.db.prisma.evaluationRun.update({ where: { id: runningRun.id }, data: { status: 'FAILED' } });
  });

  it('answers results with flags and units without N+1 queries', async () => {
    const token = await app.login('officer');
    const query = `query ($c: ID!, $first: Int) { results(cycleId: $c, first: $first) { totalCount edges { node {
      id score finalRating person { fullName unit { name } } unit { name } flags { kind } decisions { kind decidedBy { username } } trace { rule } } } } }`;
    await app.graphql(query, { c: gid('Cycle', cycleDbId), first: 1 }, { token });
    app.queries.count = 0;
    const few = await app.graphql<{ results: { edges: { node: { flags: { kind: string }[] } }[] } }>(
      query,
      { c: gid('Cycle', cycleDbId), first: 2 },
      { token },
    );
    expect(few.errors).toBeUndefined();
    const twoCount = app.queries.count;
    app.queries.count = 0;
    const all = await app.graphql<{ results: { edges: { node: { flags: { kind: string }[] } }[] } }>(
      query,
      { c: gid('Cycle', cycleDbId), first: 50 },
      { token },
    );
    // no statement per row: relations are scoped by one batched lookup per type and request, so
    // the larger page adds at most the lookups of the types only it reaches (decisions' accounts
    // and their people), whatever its size
    expect(app.queries.count).toBeLessThanOrEqual(twoCount + 2);
    expect(all.data?.results.edges.flatMap((edge) => edge.node.flags.map((flag) => flag.kind))).toEqual([
      'STREAMLINING',
    ]);
  });

  it('refuses a hard-rule violation through the engine’s check', async () => {
    await app.db.prisma.cycle.update({ where: { id: cycleDbId }, data: { status: 'REVIEW' } });
    const em = await app.db.prisma.evaluationResult.findFirstOrThrow({
      where: { cycleId: cycleDbId, personId: app.fixture.people.em },
    });
    const result = await app.graphql<{ adjustRating: { __typename: string; citation: string } }>(
      `mutation ($id: ID!, $v: Int!) { adjustRating(resultId: $id, rating: GOOD, reason: "Xem xét lại", version: $v) {
        __typename ... on RuleViolationError { rule citation } } }`,
      { id: gid('EvaluationResult', em.id), v: em.version },
      { token: await app.login('officer') },
    );
    expect(result.data?.adjustRating).toEqual({
      __typename: 'RuleViolationError',
      rule: 'discipline',
      citation: 'Nghị định 48/2023/NĐ-CP',
    });
  });

  it('refuses EXCELLENT beyond the quota until an exception is recorded', async () => {
    const token = await app.login('officer');
    const cuong = await app.db.prisma.evaluationResult.findFirstOrThrow({
      where: { cycleId: cycleDbId, personId: app.fixture.people.cuong },
    });
    const mutation = `mutation ($id: ID!, $v: Int!) { adjustRating(resultId: $id, rating: EXCELLENT, reason: "Thành tích nổi bật", version: $v) {
      __typename ... on QuotaExceededError { code allowed granted } } }`;
    const refused = await app.graphql(
      mutation,
      { id: gid('EvaluationResult', cuong.id), v: cuong.version },
      { token },
    );
    expect(refused.data).toEqual({
      adjustRating: { __typename: 'QuotaExceededError', code: 'QUOTA_EXCEEDED', allowed: 0, granted: 0 },
    });
    const exception = await app.graphql<{ recordQuotaException: { __typename: string } }>(
      `mutation ($c: ID!, $u: ID!) { recordQuotaException(cycleId: $c, unitId: $u, percent: 50,
        decisionNumber: "12/QĐ-UBND", reason: "Đơn vị xuất sắc") { __typename } }`,
      { c: gid('Cycle', cycleDbId), u: gid('Unit', app.fixture.units.dept2) },
      { token },
    );
    expect(exception.data?.recordQuotaException.__typename).toBe('RecordQuotaExceptionSuccess');
    const accepted = await app.graphql(
      mutation,
      { id: gid('EvaluationResult', cuong.id), v: cuong.version },
      { token },
    );
    expect(accepted.data).toEqual({ adjustRating: { __typename: 'AdjustRatingSuccess' } });
    const quota = await app.graphql(
      'query ($c: ID!, $u: ID!) { unitQuota(cycleId: $c, unitId: $u) { eligible allowed granted remaining } }',
      { c: gid('Cycle', cycleDbId), u: gid('Unit', app.fixture.units.dept2) },
      { token },
    );
    expect(quota.data).toEqual({ unitQuota: { eligible: 2, allowed: 1, granted: 1, remaining: 0 } });
  });

  it('publishes: staff then see their own result, adjustments are refused, corrections are decisions', async () => {
    const officer = await app.login('officer');
    const staff = await app.login('staff');
    const myResult = 'query ($c: ID!) { myResult(cycleId: $c) { finalRating } }';
    expect((await app.graphql(myResult, { c: gid('Cycle', cycleDbId) }, { token: staff })).data).toEqual({
      myResult: null,
    });
    // approval waits until the personnel office has reviewed every flag
    await app.db.prisma.flag.updateMany({ where: { cycleId: cycleDbId }, data: { review: 'ACCEPTED' } });
    for (const to of ['APPROVED', 'PUBLISHED']) {
      const cycle = await app.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleDbId } });
      const moved = await app.graphql<{ moveCycle: { __typename: string } }>(
        'mutation ($id: ID!, $to: CycleStatus!, $v: Int!) { moveCycle(id: $id, to: $to, version: $v) { __typename } }',
        { id: gid('Cycle', cycleDbId), to, v: cycle.version },
        { token: officer },
      );
      expect(moved.data?.moveCycle.__typename).toBe('MoveCycleSuccess');
    }
    expect(
      await app.db.prisma.ratingDecision.count({ where: { cycleId: cycleDbId, kind: 'APPROVAL' } }),
    ).toBe(5);
    expect((await app.graphql(myResult, { c: gid('Cycle', cycleDbId) }, { token: staff })).data).toEqual({
      myResult: { finalRating: 'COMPLETED' },
    });
    const dung = await app.db.prisma.evaluationResult.findFirstOrThrow({
      where: { cycleId: cycleDbId, personId: app.fixture.people.dung },
    });
    const adjust = await app.graphql(
      `mutation ($id: ID!, $v: Int!) { adjustRating(resultId: $id, rating: COMPLETED, reason: "Sau công bố", version: $v) {
        __typename } }`,
      { id: gid('EvaluationResult', dung.id), v: dung.version },
      { token: officer },
    );
    expect(adjust.data).toEqual({ adjustRating: { __typename: 'ConflictError' } });
    const back = await app.graphql<{ moveCycle: { __typename: string } }>(
      'mutation ($id: ID!, $v: Int!) { moveCycle(id: $id, to: REVIEW, reason: "Mở lại để sửa", version: $v) { __typename } }',
      {
        id: gid('Cycle', cycleDbId),
        v: (await app.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleDbId } })).version,
      },
      { token: officer },
    );
    expect(back.data?.moveCycle.__typename).toBe('ConflictError');
    const corrected = await app.graphql<{
      correctRating: {
        __typename: string;
        data: { finalRating: string; decisions: { kind: string; supersedesId: string | null }[] };
      };
    }>(
      `mutation ($id: ID!, $v: Int!) { correctRating(resultId: $id, rating: COMPLETED, reason: "Theo kết luận thanh tra",
        number: "45/QĐ-UBND", version: $v) { __typename ... on CorrectRatingSuccess { data { finalRating decisions { kind supersedesId } } } } }`,
      { id: gid('EvaluationResult', dung.id), v: dung.version },
      { token: officer },
    );
    expect(corrected.data?.correctRating.__typename).toBe('CorrectRatingSuccess');
    const decisions = corrected.data?.correctRating.data.decisions ?? [];
    expect(decisions.map((decision) => decision.kind)).toEqual(['APPROVAL', 'CORRECTION']);
    expect(decisions[1]?.supersedesId).toBeTruthy();
    const chain = await app.graphql('{ auditChain { valid } }', {}, { token: await app.login('admin') });
    expect(chain.data).toEqual({ auditChain: { valid: true } });
  });
});
