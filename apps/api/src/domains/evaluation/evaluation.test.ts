import { toSearchText } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type ResultNode = {
  id: string;
  version: number;
  score: number | null;
  engineRating: string;
  finalRating: string;
  person: { fullName: string };
  unit: { name: string };
  trace: { rule: string; citation: string }[];
  flags: { kind: string }[];
  awaitingAssessment: number[];
  awaitingAssessmentMessage: string | null;
  ratingCeiling: { rating: string; rule: string | null; reason: string } | null;
  viewerCanAdjust: boolean;
};

const resultsQuery = `query ($cycleId: ID!, $filter: ResultsFilter) {
  results(cycleId: $cycleId, first: 50, filter: $filter, orderBy: NAME) {
    totalCount
    edges { node { id version score engineRating finalRating person { fullName } unit { name }
      components { tasks conduct reform citizens } trace { rule citation effect detail } flags { kind status }
      awaitingAssessment awaitingAssessmentMessage ratingCeiling { rating rule reason } viewerCanAdjust } } } }`;

const adjustMutation = `mutation ($id: ID!, $rating: Rating!, $reason: String, $version: Int!) {
  adjustRating(resultId: $id, rating: $rating, reason: $reason, version: $version) {
    __typename
    ... on AdjustRatingSuccess { data { finalRating version decisions { kind fromRating toRating reason } } }
    ... on Error { code message }
    ... on RuleViolationError { rule citation }
    ... on QuotaExceededError { allowed granted } } }`;

const moveMutation = `mutation ($id: ID!, $to: CycleStatus!, $version: Int!) {
  moveCycle(id: $id, to: $to, version: $version) { __typename ... on MoveCycleSuccess { data { status version } } ... on Error { message } } }`;

describe.each(testEngines())('evaluation with the rules engine on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let cycleRowId = '';
  let cycleVersion = 1;
  const byName = new Map<string, ResultNode>();

  async function move(to: string) {
    const result = await app.graphql<{ moveCycle: { __typename: string; data: { version: number } } }>(
      moveMutation,
      { id: cycleId, to, version: cycleVersion },
      { token: await app.login('officer') },
    );
    expect(result.data?.moveCycle.__typename, JSON.stringify(result)).toBe('MoveCycleSuccess');
    cycleVersion = result.data?.moveCycle.data.version ?? cycleVersion;
  }

  async function loadResults(username: 'officer' | 'head' = 'officer') {
    const result = await app.graphql<{ results: { totalCount: number; edges: { node: ResultNode }[] } }>(
      resultsQuery,
      { cycleId },
      { token: await app.login(username) },
    );
    expect(result.errors).toBeUndefined();
    byName.clear();
    for (const edge of result.data?.results.edges ?? []) byName.set(edge.node.person.fullName, edge.node);
    return result.data?.results;
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
      },
    });
    cycleId = gid('Cycle', cycle.id);
    cycleRowId = cycle.id;
    // a sixth person whose head has not assessed them: the engine must not read the missing A as 10
    const giang = await prisma.person.create({
      data: {
        code: 'P6',
        fullName: 'Đỗ Thị Giang',
        searchName: toSearchText('Đỗ Thị Giang'),
        unitId: app.fixture.units.dept2,
        category: 'CONG_CHUC',
        hiredOn: new Date('2015-03-01'),
      },
    });
    await prisma.headAssessment.createMany({
      data: Object.values(app.fixture.people).map((personId) => ({
        cycleId: cycle.id,
        personId,
        conductAssessment: 10,
      })),
    });
    const people = [...Object.values(app.fixture.people), giang.id];
    await prisma.task.createMany({
      data: people.map((personId, index) => ({
        cycleId: cycle.id,
        personId,
        code: `T${index}`,
        title: 'Nhiệm vụ trọng tâm',
        dueOn: new Date('2026-06-30'),
        completedOn: new Date('2026-06-15'),
        planned: 1,
        actual: 1,
      })),
    });
    // Em was reprimanded this year: hard rule 3 makes him NOT_COMPLETED
    await prisma.disciplineDecision.create({
      data: {
        personId: app.fixture.people.em,
        form: 'KHIEN_TRACH',
        decidedOn: new Date('2026-05-12'),
        actYear: 2026,
        concernsDuties: true,
      },
    });
    await move('OPEN');
  });
  afterAll(() => app.close());

  it('runs the engine over the cycle and stores results with traces', async () => {
    const run = await app.graphql<{
      runEvaluation: { __typename: string; data: { id: string; status: string } };
    }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename ... on RunEvaluationSuccess { data { id status total processed message } } } }',
      { id: cycleId },
      { token: await app.login('officer') },
    );
    expect(run.data?.runEvaluation.__typename).toBe('RunEvaluationSuccess');
    const polled = await app.graphql<{ evaluationRun: { status: string; total: number; processed: number } }>(
      'query ($id: ID!) { evaluationRun(id: $id) { status total processed message } }',
      { id: run.data?.runEvaluation.data.id },
      { token: await app.login('officer') },
    );
    expect(polled.data?.evaluationRun).toMatchObject({ status: 'SUCCEEDED', total: 6, processed: 6 });
    const results = await loadResults();
    expect(results?.totalCount).toBe(6);
    const em = byName.get('Nguyễn Văn Em');
    expect(em?.engineRating).toBe('NOT_COMPLETED');
    expect(em?.trace.length).toBeGreaterThan(0);
    expect(em?.trace.every((entry) => entry.rule && entry.citation)).toBe(true);
    expect(byName.get('Lê Văn Cường')?.score).toBeGreaterThanOrEqual(90);
  });

  it('shows a person without a head assessment as awaiting it, never scored as 10', async () => {
    const giang = byName.get('Đỗ Thị Giang');
    expect(giang).toMatchObject({
      score: null,
      engineRating: 'NOT_RATED',
      finalRating: 'NOT_RATED',
      awaitingAssessment: [2], // the cycle is scored by quarter; the task falls due in June
    });
    expect(giang?.awaitingAssessmentMessage).toMatch(/^Chờ thủ trưởng đánh giá/);
    expect(giang?.trace.some((line) => line.rule === 'score.awaiting-assessment')).toBe(true);
    // the same work, assessed at 10, scores: the missing assessment was not read as 10
    expect(byName.get('Lê Văn Cường')).toMatchObject({
      awaitingAssessment: [],
      awaitingAssessmentMessage: null,
    });
    expect(byName.get('Lê Văn Cường')?.score).toBeGreaterThanOrEqual(90);
    // the engine's ceiling: not rated admits only NOT_RATED; Em's reprimand caps him at NOT_COMPLETED
    expect(giang?.ratingCeiling?.rating).toBe('NOT_RATED');
    expect(byName.get('Nguyễn Văn Em')?.ratingCeiling).toMatchObject({ rating: 'NOT_COMPLETED' });
    // the officer may not adjust while the cycle is OPEN (officers adjust at REVIEW)
    expect(giang?.viewerCanAdjust).toBe(false);
  });

  it('gives the same rows when run again', async () => {
    const before = new Map([...byName].map(([name, node]) => [name, { ...node }]));
    const run = await app.graphql<{ runEvaluation: { data: { status: string } } }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { ... on RunEvaluationSuccess { data { status } } } }',
      { id: cycleId },
      { token: await app.login('officer') },
    );
    expect(run.data?.runEvaluation.data.status).toBe('SUCCEEDED');
    await loadResults();
    for (const [name, node] of before) {
      expect(byName.get(name)).toMatchObject({
        id: node.id,
        version: node.version,
        score: node.score,
        finalRating: node.finalRating,
      });
    }
  });

  it('stores traces compact and reads a trace stored as text (before traces were compact) the same', async () => {
    const { prisma } = app.db;
    const rows = await prisma.evaluationResult.findMany({
      where: { cycleId: cycleRowId },
      select: { id: true, trace: true, person: { select: { fullName: true } } },
    });
    expect(rows.length).toBe(6);
    for (const row of rows) {
      for (const entry of row.trace as unknown[])
        expect(Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string').toBe(
          true,
        );
    }
    const read = new Map([...byName].map(([name, node]) => [name, node.trace]));
    try {
      for (const row of rows) {
        const text = read.get(row.person.fullName);
        expect(text?.length).toBeGreaterThan(0);
        await prisma.evaluationResult.update({ where: { id: row.id }, data: { trace: text } });
      }
      await loadResults();
      for (const [name, trace] of read) expect(byName.get(name)?.trace).toEqual(trace);
    } finally {
      for (const row of rows)
        await prisma.evaluationResult.update({ where: { id: row.id }, data: { trace: row.trace ?? [] } });
    }
  });

  it('shows the head each submitted self-assessment beside the scores, never a draft', async () => {
    const { prisma } = app.db;
    const cycle = (await prisma.cycle.findFirstOrThrow({ where: { year: 2026 } })).id;
    await prisma.selfAssessment.createMany({
      data: [
        {
          cycleId: cycle,
          personId: app.fixture.people.binh,
          achievements: 'Hoàn thành 100% nhiệm vụ được giao',
          proposedRating: 'EXCELLENT',
          submittedAt: new Date('2026-11-20T03:00:00Z'),
        },
        // Em keeps a draft: it stays his own until he files it
        { cycleId: cycle, personId: app.fixture.people.em, achievements: 'Bản nháp', proposedRating: 'GOOD' },
      ],
    });
    const query = `query ($cycleId: ID!) { results(cycleId: $cycleId, first: 50, orderBy: NAME) {
      edges { node { person { fullName } score selfAssessment { proposedRating achievements submittedAt } } } } }`;
    const read = async (username: 'head' | 'officer' | 'staff') => {
      const result = await app.graphql<{
        results: {
          edges: { node: { person: { fullName: string }; selfAssessment: Record<string, unknown> | null } }[];
        };
      }>(query, { cycleId }, { token: await app.login(username) });
      expect(result.errors).toBeUndefined();
      return new Map(
        (result.data?.results.edges ?? []).map((edge) => [
          edge.node.person.fullName,
          edge.node.selfAssessment,
        ]),
      );
    };
    const byHead = await read('head');
    expect(byHead.get('Trần Thị Bình')).toEqual({
      proposedRating: 'EXCELLENT',
      achievements: 'Hoàn thành 100% nhiệm vụ được giao',
      submittedAt: '2026-11-20T03:00:00.000Z',
    });
    expect(byHead.has('Nguyễn Văn Em')).toBe(true);
    expect(byHead.get('Nguyễn Văn Em')).toBeNull();
    // the head reads only their own department's results, so Sở B's people are not there at all
    expect(byHead.has('Lê Văn Cường')).toBe(false);
    expect((await read('officer')).get('Trần Thị Bình')).toMatchObject({ proposedRating: 'EXCELLENT' });
  });

  it('gives the head’s comment with the result, not only in the printed form', async () => {
    const { prisma } = app.db;
    await prisma.headAssessment.updateMany({
      where: { personId: app.fixture.people.binh },
      data: { comment: 'Chủ động, tận tụy; cần báo cáo tiến độ đều hơn' },
    });
    const result = await app.graphql<{
      results: { edges: { node: { person: { fullName: string }; headComment: string | null } }[] };
    }>(
      'query ($cycleId: ID!) { results(cycleId: $cycleId, first: 50, orderBy: NAME) { edges { node { person { fullName } headComment } } } }',
      { cycleId },
      { token: await app.login('head') },
    );
    const byName = new Map(
      result.data?.results.edges.map((edge) => [edge.node.person.fullName, edge.node.headComment]),
    );
    expect(byName.get('Trần Thị Bình')).toBe('Chủ động, tận tụy; cần báo cáo tiến độ đều hơn');
    expect(byName.get('Nguyễn Văn Em')).toBeNull();
  });

  it('lets a head adjust a result in their department during ASSESSMENT, with a reason', async () => {
    await move('ASSESSMENT');
    const token = await app.login('head');
    const binh = byName.get('Trần Thị Bình') as ResultNode;
    const target = binh.engineRating === 'COMPLETED' ? 'GOOD' : 'COMPLETED';
    const noReason = await app.graphql<{ adjustRating: { __typename: string } }>(
      adjustMutation,
      { id: binh.id, rating: target, version: binh.version },
      { token },
    );
    expect(noReason.data?.adjustRating.__typename).toBe('ValidationError');
    const adjusted = await app.graphql<{
      adjustRating: { __typename: string; data: { finalRating: string; decisions: { kind: string }[] } };
    }>(
      adjustMutation,
      { id: binh.id, rating: target, reason: 'Chậm tiến độ quý IV', version: binh.version },
      { token },
    );
    expect(adjusted.data?.adjustRating.__typename).toBe('AdjustRatingSuccess');
    expect(adjusted.data?.adjustRating.data.finalRating).toBe(target);
    expect(adjusted.data?.adjustRating.data.decisions.map((decision) => decision.kind)).toEqual([
      'ADJUSTMENT',
    ]);
    const cuong = byName.get('Lê Văn Cường') as ResultNode;
    const outside = await app.graphql<{ adjustRating: { __typename: string } }>(
      adjustMutation,
      { id: cuong.id, rating: 'COMPLETED', reason: 'không thuộc phạm vi', version: cuong.version },
      { token },
    );
    expect(outside.data?.adjustRating.__typename).toBe('NotFoundError');
  });

  it('refuses an adjustment against a hard rule and one beyond the excellent quota', async () => {
    await move('REVIEW');
    await loadResults();
    const token = await app.login('officer');
    const em = byName.get('Nguyễn Văn Em') as ResultNode;
    // the form's choices are the engine's: what a hard rule or the quota refuses comes with its reason
    type Choice = {
      rating: string;
      allowed: boolean;
      rule: string | null;
      reason: string | null;
      reasonRequired: boolean;
      quota: { eligible: number; allowed: number; granted: number } | null;
    };
    const choicesOf = async (id: string, as = token) => {
      const answer = await app.graphql<{ node: { ratingChoices: Choice[] } | null }>(
        `query ($id: ID!) { node(id: $id) { ... on EvaluationResult { ratingChoices {
          rating allowed rule reason reasonRequired quota { eligible allowed granted } } } } }`,
        { id },
        { token: as },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data?.node?.ratingChoices ?? [];
    };
    const emChoices = await choicesOf(em.id);
    expect(emChoices.filter((choice) => choice.allowed).map((choice) => choice.rating)).toEqual([
      'NOT_COMPLETED',
    ]);
    expect(emChoices.find((choice) => choice.rating === 'GOOD')).toMatchObject({
      allowed: false,
      rule: 'discipline.in-year',
      reasonRequired: true,
    });
    expect(emChoices.find((choice) => choice.rating === 'GOOD')?.reason).toMatch(
      /^Cao nhất được xếp loại Không hoàn thành nhiệm vụ/,
    );
    const dungChoices = await choicesOf((byName.get('Phạm Thị Dung') as ResultNode).id);
    expect(dungChoices.map((choice) => choice.rating)).toEqual([
      'EXCELLENT',
      'GOOD',
      'COMPLETED',
      'NOT_COMPLETED',
    ]);
    expect(dungChoices[0]).toMatchObject({ allowed: false, rule: 'decision.quota', quota: { allowed: 0 } });
    // a head may not decide at the council's review: no choices are offered to them
    expect(await choicesOf(em.id, await app.login('head'))).toEqual([]);
    // the choices evaluate the person's group: a page of results may not ask them of every row
    const listed = await app.graphql(
      'query ($c: ID!) { results(cycleId: $c, first: 50) { edges { node { ratingChoices { rating allowed } } } } }',
      { c: cycleId },
      { token },
    );
    expect(listed.errors?.[0]?.message).toMatch(/Query too complex/);
    const ruled = await app.graphql<{ adjustRating: { __typename: string; code: string; rule: string } }>(
      adjustMutation,
      { id: em.id, rating: 'GOOD', reason: 'Đề nghị xem xét lại', version: em.version },
      { token },
    );
    expect(ruled.data?.adjustRating).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
    });

    // Sở B has two people: floor(20% × 2) = 0 excellent allowed, so neither may be raised to EXCELLENT
    const dung = byName.get('Phạm Thị Dung') as ResultNode;
    expect(dung.finalRating).not.toBe('EXCELLENT');
    const quota = await app.graphql<{ adjustRating: { __typename: string; code: string } }>(
      adjustMutation,
      { id: dung.id, rating: 'EXCELLENT', reason: 'Thành tích nổi bật', version: dung.version },
      { token },
    );
    expect(quota.data?.adjustRating).toMatchObject({
      __typename: 'QuotaExceededError',
      code: 'QUOTA_EXCEEDED',
    });

    // a recorded exception for an outstanding unit lifts the quota: at 100% both may be excellent
    // (at 50% the one place would be Cường's, whose score is excellent: the highest keep it)
    const exception = await app.graphql<{ recordQuotaException: { __typename: string } }>(
      `mutation ($c: ID!, $u: ID!) { recordQuotaException(cycleId: $c, unitId: $u, percent: 100,
        decisionNumber: "12/QĐ-UBND", reason: "Đơn vị xuất sắc") { __typename } }`,
      { c: cycleId, u: gid('Unit', app.fixture.units.dept2) },
      { token },
    );
    expect(exception.data?.recordQuotaException.__typename).toBe('RecordQuotaExceptionSuccess');
    const lifted = await app.graphql<{ adjustRating: { __typename: string } }>(
      adjustMutation,
      { id: dung.id, rating: 'EXCELLENT', reason: 'Thành tích nổi bật', version: dung.version },
      { token },
    );
    expect(lifted.data?.adjustRating.__typename).toBe('AdjustRatingSuccess');
    const live = await app.graphql<{ unitQuota: Record<string, unknown> }>(
      'query ($c: ID!, $u: ID!) { unitQuota(cycleId: $c, unitId: $u) { eligible allowed granted remaining exceptionDecision } }',
      { c: cycleId, u: gid('Unit', app.fixture.units.dept2) },
      { token },
    );
    // 100% of Sở B's two people: two allowed; Dung holds one (Cường's comes with the next run)
    expect(live.data?.unitQuota).toEqual({
      eligible: 2,
      allowed: 2,
      granted: 1,
      remaining: 1,
      exceptionDecision: '12/QĐ-UBND',
    });
  });

  it('hides results from staff until publication, then makes them read-only', async () => {
    const staff = await app.login('staff');
    const myResult = 'query ($c: ID!) { myResult(cycleId: $c) { finalRating trace { rule } } }';
    expect((await app.graphql(myResult, { c: cycleId }, { token: staff })).data).toEqual({ myResult: null });
    // approval waits until the personnel office has reviewed every flag
    await app.db.prisma.flag.updateMany({ where: { review: 'PENDING' }, data: { review: 'ACCEPTED' } });
    await move('APPROVED');
    await move('PUBLISHED');
    const mine = await app.graphql<{ myResult: { finalRating: string } }>(
      myResult,
      { c: cycleId },
      { token: staff },
    );
    expect(mine.data?.myResult?.finalRating).toBeTruthy();
    const others = await app.graphql<{ results: { totalCount: number } }>(
      resultsQuery,
      { cycleId },
      { token: staff },
    );
    expect(others.data?.results.totalCount).toBe(1);

    await loadResults();
    const cuong = byName.get('Lê Văn Cường') as ResultNode;
    const token = await app.login('officer');
    const refused = await app.graphql<{ adjustRating: { __typename: string } }>(
      adjustMutation,
      { id: cuong.id, rating: 'COMPLETED', reason: 'Sau công bố', version: cuong.version },
      { token },
    );
    expect(refused.data?.adjustRating.__typename).toBe('ConflictError');
    const corrected = await app.graphql<{
      correctRating: {
        __typename: string;
        data: { finalRating: string; decisions: { kind: string; number: string }[] };
      };
    }>(
      `mutation ($id: ID!, $version: Int!) { correctRating(resultId: $id, rating: COMPLETED,
        reason: "Đính chính theo kết luận thanh tra", number: "45/QĐ-UBND", version: $version) {
        __typename ... on CorrectRatingSuccess { data { finalRating decisions { kind number supersedesId } } } ... on Error { message } } }`,
      { id: cuong.id, version: cuong.version },
      { token },
    );
    expect(corrected.data?.correctRating.__typename).toBe('CorrectRatingSuccess');
    expect(corrected.data?.correctRating.data.decisions.at(-1)).toMatchObject({
      kind: 'CORRECTION',
      number: '45/QĐ-UBND',
    });
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
