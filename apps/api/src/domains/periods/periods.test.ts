import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { toSearchText } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';
import { buildScenario } from '../evaluation/services/build-scenario.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

type Score = { period: number; score: number; tasks: number; conduct: number };
type Tracking = {
  label: string;
  state: string;
  missingAssessments: number;
  people: {
    personId: string;
    fullName: string;
    assessment: number | null;
    needsAssessment: boolean;
    periodScore: Score | null;
    yearScore: number | null;
    assignments: {
      id: string;
      title: string;
      assigned: number;
      completed: number;
      weight: number;
      version: number;
    }[];
  }[];
};

const trackingFields = `label state missingAssessments
  people { personId fullName assessment needsAssessment yearScore
    periodScore { period score tasks conduct }
    assignments { id title assigned completed weight version } }`;

const trackingQuery = `query ($c: ID!, $u: ID!, $p: Int!) { periodTracking(cycleId: $c, unitId: $u, period: $p) { ${trackingFields} } }`;

const recordMutation = `mutation ($input: RecordPeriodResultsInput!) { recordPeriodResults(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fields { field message } }
  ... on RecordPeriodResultsSuccess { data { ${trackingFields} } } } }`;

const assignMutation = `mutation ($input: AssignWorkInput!) { assignWork(input: $input) {
  __typename ... on Error { message } ... on AssignWorkSuccess { data { id weight assigned title } } } }`;

const closeMutation = `mutation ($c: ID!, $u: ID!, $p: Int!) { closePeriod(cycleId: $c, unitId: $u, period: $p) {
  __typename ... on Error { message } ... on ClosePeriodSuccess { data { state closedByName period } } } }`;

describe.each(testEngines())('continuous evaluation by period on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let unitId: string;
  let head: string;
  let productId: string;
  const ids: Record<'em' | 'giang' | 'hoa', string> = { em: '', giang: '', hoa: '' };

  const tracking = async (period: number, token = head) => {
    const result = await app.graphql<{ periodTracking: Tracking }>(
      trackingQuery,
      { c: cycleId, u: unitId, p: period },
      { token },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.periodTracking as Tracking;
  };
  const personOf = (view: Tracking, id: string) => {
    const found = view.people.find((row) => row.personId === gid('Person', id));
    if (!found) throw new Error(`person ${id} not tracked`);
    return found;
  };
  const record = async (input: Record<string, unknown>) => {
    const result = await app.graphql<{
      recordPeriodResults: {
        __typename: string;
        message?: string;
        fields?: { field: string }[];
        data?: Tracking;
      };
    }>(recordMutation, { input: { cycleId, unitId, ...input } }, { token: head });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.recordPeriodResults as {
      __typename: string;
      message?: string;
      fields?: { field: string }[];
      data?: Tracking;
    };
  };
  const assign = async (personId: string, period: number, quantity: number) => {
    const result = await app.graphql<{ assignWork: { __typename: string; data?: { weight: number } } }>(
      assignMutation,
      { input: { cycleId, personId: gid('Person', personId), period, productId, quantity } },
      { token: head },
    );
    expect(result.data?.assignWork.__typename, JSON.stringify(result)).toBe('AssignWorkSuccess');
    return result.data?.assignWork.data;
  };

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    unitId = gid('Unit', app.fixture.units.dept1);
    ids.em = app.fixture.people.em;
    for (const [key, name] of [
      ['giang', 'Lê Thị Giang'],
      ['hoa', 'Đỗ Văn Hòa'],
    ] as const) {
      const person = await prisma.person.create({
        data: {
          code: `SA-${key}`,
          fullName: name,
          searchName: toSearchText(name),
          unitId: app.fixture.units.dept1,
          category: 'CONG_CHUC',
          hiredOn: new Date('2016-05-01'),
        },
      });
      ids[key] = person.id;
    }
    const officer = await app.login('officer');
    const created = await app.graphql<{ createCycle: { data?: { id: string; periodKind: string } } }>(
      `mutation ($input: CreateCycleInput!) { createCycle(input: $input) { ... on CreateCycleSuccess { data { id periodKind } } ... on Error { message } } }`,
      {
        input: {
          year: 2026,
          name: 'Đánh giá năm 2026',
          packId: 'vn-nd335-2025',
          scopeUnitId: gid('Unit', app.fixture.units.province),
        },
      },
      { token: officer },
    );
    expect(created.data?.createCycle.data?.periodKind, JSON.stringify(created)).toBe('QUARTER');
    cycleId = created.data?.createCycle.data?.id ?? '';
    const position = await app.graphql<{ saveJobPosition: { data?: { id: string } } }>(
      `mutation { saveJobPosition(code: "VTVL-MC", name: "Công chức một cửa") { ... on SaveJobPositionSuccess { data { id } } } }`,
      {},
      { token: officer },
    );
    const product = await app.graphql<{ saveProduct: { __typename: string; data?: { id: string } } }>(
      `mutation ($c: ID!, $j: ID!) { saveProduct(cycleId: $c, jobPositionId: $j, input: { code: "MC01", name: "Tiếp nhận hồ sơ TTHC", unitOfCount: "hồ sơ", coefficient: 0.05 }) {
        __typename ... on SaveProductSuccess { data { id } } } }`,
      { c: cycleId, j: position.data?.saveJobPosition.data?.id },
      { token: officer },
    );
    expect(product.data?.saveProduct.__typename, JSON.stringify(product)).toBe('SaveProductSuccess');
    productId = product.data?.saveProduct.data?.id ?? '';
    head = await app.login('head');
  });
  afterAll(() => app?.close());

  it('reads the catalogue and refuses a product without a positive coefficient', async () => {
    const read = await app.graphql<{
      jobPositions: { code: string; products: { code: string; coefficient: number }[] }[];
    }>(
      `query ($c: ID!) { jobPositions { code products(cycleId: $c) { code coefficient } } }`,
      { c: cycleId },
      { token: head },
    );
    expect(read.data?.jobPositions).toEqual([
      { code: 'VTVL-MC', products: [{ code: 'MC01', coefficient: 0.05 }] },
    ]);
    const bad = await app.graphql<{
      saveProduct: { __typename: string; fields?: { field: string; message: string }[] };
    }>(
      `mutation ($c: ID!, $j: ID!) { saveProduct(cycleId: $c, jobPositionId: $j, input: { code: "MC02", name: "X", unitOfCount: "lượt", coefficient: 0 }) {
        __typename ... on ValidationError { fields { field message } } } }`,
      {
        c: cycleId,
        j:
          (await app.db.prisma.jobPosition.findFirstOrThrow()).id &&
          gid('JobPosition', (await app.db.prisma.jobPosition.findFirstOrThrow()).id),
      },
      { token: await app.login('officer') },
    );
    expect(bad.data?.saveProduct.__typename).toBe('ValidationError');
    expect(bad.data?.saveProduct.fields?.[0]?.field).toBe('input.coefficient');
    // heads do not edit the catalogue
    const denied = await app.graphql<{ saveProduct: { __typename: string } }>(
      `mutation ($c: ID!, $j: ID!) { saveProduct(cycleId: $c, jobPositionId: $j, input: { code: "MC03", name: "X", unitOfCount: "lượt", coefficient: 1 }) { __typename } }`,
      { c: cycleId, j: gid('JobPosition', (await app.db.prisma.jobPosition.findFirstOrThrow()).id) },
      { token: head },
    );
    expect(denied.data, JSON.stringify(denied)).toEqual({ saveProduct: { __typename: 'ForbiddenError' } });
  });

  it('lets a head assign Q3 products, record results and see the period score change, then close Q3 once everyone is assessed', async () => {
    // 200 dossiers × 0.05 = a converted weight of 10
    expect((await assign(ids.em, 3, 200))?.weight).toBe(10);
    await assign(ids.giang, 3, 100);
    await assign(ids.hoa, 3, 100);
    const before = await tracking(3);
    expect(before.label).toBe('Quý III/2026');
    expect(before.state).toBe('OPEN');
    const em = personOf(before, ids.em);
    expect(em.assignments).toHaveLength(1);
    expect(em.assignments[0]).toMatchObject({ title: 'Tiếp nhận hồ sơ TTHC', assigned: 200, completed: 0 });
    const scoreBefore = em.periodScore?.score ?? 0;

    const [task] = em.assignments;
    const recorded = await record({
      period: 3,
      results: [
        { assignmentId: task?.id, completed: 200, finishedOn: '2026-09-20', failedReviews: 0, delays: 0 },
      ],
      assessments: [
        { personId: gid('Person', ids.em), conductAssessment: 9 },
        { personId: gid('Person', ids.giang), conductAssessment: 8 },
      ],
    });
    expect(recorded.__typename, JSON.stringify(recorded)).toBe('RecordPeriodResultsSuccess');
    const emAfter = personOf(recorded.data as Tracking, ids.em);
    expect(emAfter.periodScore?.period).toBe(3);
    expect(emAfter.periodScore?.score ?? 0).toBeGreaterThan(scoreBefore + 30);
    expect(emAfter.periodScore?.tasks).toBeCloseTo(70, 1);
    expect(emAfter.assessment).toBe(9);

    // a preview scores what is typed without keeping it
    const giangTask = personOf(recorded.data as Tracking, ids.giang).assignments[0];
    const preview = await record({
      period: 3,
      preview: true,
      results: [
        { assignmentId: giangTask?.id, completed: 50, finishedOn: '2026-10-10', failedReviews: 1, delays: 1 },
      ],
    });
    const previewed = personOf(preview.data as Tracking, ids.giang);
    expect(previewed.assignments[0]?.completed).toBe(50);
    expect(previewed.periodScore?.score ?? 0).toBeGreaterThan(
      personOf(recorded.data as Tracking, ids.giang).periodScore?.score ?? 0,
    );
    expect((await app.db.prisma.task.findFirstOrThrow({ where: { personId: ids.giang } })).actual).toBe(0);

    // Hòa has work in Q3 and no assessment: Q3 cannot be closed
    const refused = await app.graphql<{ closePeriod: { __typename: string; message: string } }>(
      closeMutation,
      { c: cycleId, u: unitId, p: 3 },
      { token: head },
    );
    expect(refused.data?.closePeriod.__typename).toBe('ConflictError');
    expect(refused.data?.closePeriod.message).toContain('Đỗ Văn Hòa');
    expect((await tracking(3)).missingAssessments).toBe(1);

    await record({ period: 3, assessments: [{ personId: gid('Person', ids.hoa), conductAssessment: 7 }] });
    const closed = await app.graphql<{
      closePeriod: { __typename: string; data?: { state: string; closedByName: string } };
    }>(closeMutation, { c: cycleId, u: unitId, p: 3 }, { token: head });
    expect(closed.data?.closePeriod, JSON.stringify(closed)).toMatchObject({
      __typename: 'ClosePeriodSuccess',
      data: { state: 'CLOSED', closedByName: 'head' },
    });
    expect((await tracking(3)).state).toBe('CLOSED');

    // the officer sees that Sở A closed Q3
    const progress = await app.graphql<{
      periodProgress: {
        closedCounts: number[];
        units: { unit: { name: string }; closedPeriods: number[] }[];
      };
    }>(
      `query ($c: ID!) { periodProgress(cycleId: $c) { closedCounts units { unit { name } closedPeriods } } }`,
      { c: cycleId },
      { token: await app.login('officer') },
    );
    expect(progress.data?.periodProgress.closedCounts).toEqual([0, 0, 1, 0]);
    expect(
      progress.data?.periodProgress.units.find((row) => row.unit.name === 'Sở A')?.closedPeriods,
    ).toEqual([3]);
  });

  it('takes a correction to a closed period only with a reason, keeps it, and scores the period again', async () => {
    const view = await tracking(3);
    const em = personOf(view, ids.em);
    const task = em.assignments[0];
    const change = {
      assignmentId: task?.id,
      completed: 200,
      finishedOn: '2026-09-20',
      failedReviews: 2,
      delays: 0,
    };
    const refused = await record({ period: 3, results: [change] });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields?.map((row) => row.field)).toEqual(['reason']);
    const corrected = await record({
      period: 3,
      results: [change],
      reason: 'Phúc tra phát hiện 2 hồ sơ sai sót',
    });
    expect(corrected.__typename, JSON.stringify(corrected)).toBe('RecordPeriodResultsSuccess');
    const after = personOf(corrected.data as Tracking, ids.em);
    // two failed reviews: quality falls by half, the period score with it
    expect(after.periodScore?.score ?? 0).toBeLessThan((em.periodScore?.score ?? 0) - 5);
    const corrections = await app.db.prisma.periodCorrection.findMany();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      reason: 'Phúc tra phát hiện 2 hồ sơ sai sót',
      entity: 'Task',
      period: 3,
    });
    expect(await app.db.prisma.auditLog.count({ where: { action: 'correctPeriod' } })).toBe(1);
    // the head who closed it corrects it; opening it again is the personnel office's, with a reason
    const reopen = (reason: string, token: string) =>
      app.graphql<{ reopenPeriod: { __typename: string } }>(
        `mutation ($c: ID!, $u: ID!, $r: String!) { reopenPeriod(cycleId: $c, unitId: $u, period: 3, reason: $r) { __typename } }`,
        { c: cycleId, u: unitId, r: reason },
        { token },
      );
    const byHead = await reopen('Cần nhập lại số liệu', head);
    expect(byHead.data?.reopenPeriod.__typename).toBe('ForbiddenError');
    const officer = await app.login('officer');
    expect((await reopen(' ', officer)).data?.reopenPeriod.__typename).toBe('ValidationError');
  });

  it('scores the year as the mean of the periods, the same as npm run eval on the exported scenario and the stored run', async () => {
    // Em also worked in Q1, late
    const work = await assign(ids.em, 1, 100);
    expect(work?.weight).toBe(5);
    const q1 = await tracking(1);
    const task = personOf(q1, ids.em).assignments[0];
    await record({
      period: 1,
      results: [
        { assignmentId: task?.id, completed: 100, finishedOn: '2026-04-15', failedReviews: 0, delays: 1 },
      ],
      assessments: [{ personId: gid('Person', ids.em), conductAssessment: 10 }],
    });
    const staffView = await app.graphql<{
      personPeriods: {
        score: number;
        periods: { period: number; score: { score: number } | null; late: number; closed: boolean }[];
      };
    }>(
      `query ($c: ID!, $p: ID) { personPeriods(cycleId: $c, personId: $p) { score periods { period late closed score { score } } } }`,
      { c: cycleId, p: gid('Person', ids.em) },
      { token: head },
    );
    const periods = staffView.data?.personPeriods.periods ?? [];
    expect(periods.map((row) => row.period)).toEqual([1, 2, 3, 4]);
    const scored = periods.filter((row) => row.score !== null);
    expect(scored.map((row) => row.period)).toEqual([1, 3]);
    expect(periods[0]?.late).toBe(1);
    expect(periods[2]?.closed).toBe(true);
    const mean = scored.reduce((sum, row) => sum + (row.score?.score ?? 0), 0) / scored.length;
    const year = staffView.data?.personPeriods.score ?? 0;
    expect(year).toBeCloseTo(Math.round(mean * 10) / 10, 1);

    // the same data exported as a scenario, evaluated by `npm run eval`
    const cycle = await app.db.prisma.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const tree = await app.services.unitTrees.get();
    const { scenario } = await app.db.prisma.$transaction((tx) => buildScenario({ tx, cycle, tree }));
    expect(scenario.periodKind).toBe('QUARTER');
    const folder = await mkdtemp(path.join(tmpdir(), 'cadre-periods-'));
    try {
      const file = path.join(folder, 'scenario.json');
      await writeFile(file, JSON.stringify(scenario));
      const { stdout } = await run('npx', ['tsx', 'packages/rules/src/cli.ts', file], { cwd: repoRoot });
      const output = JSON.parse(stdout) as {
        people: { id: string; score: number | null; periods?: { period: number; score: number }[] }[];
      };
      const cli = output.people.find((row) => row.id === ids.em);
      expect(cli?.score).toBe(year);
      expect(cli?.periods?.map((row) => row.period)).toEqual([1, 3]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    // a stored run keeps the same periods on the result
    const officer = await app.login('officer');
    for (const to of ['OPEN', 'ASSESSMENT']) {
      const current = await app.db.prisma.cycle.findFirstOrThrow({ where: { year: 2026 } });
      await app.graphql(
        `mutation ($id: ID!, $to: CycleStatus!, $v: Int!) { moveCycle(id: $id, to: $to, version: $v) { __typename } }`,
        { id: cycleId, to, v: current.version },
        { token: officer },
      );
    }
    const evaluated = await app.graphql<{ runEvaluation: { __typename: string } }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename ... on Error { message } } }',
      { id: cycleId },
      { token: officer },
    );
    expect(evaluated.data?.runEvaluation.__typename, JSON.stringify(evaluated)).toBe('RunEvaluationSuccess');
    const results = await app.graphql<{
      results: {
        edges: {
          node: { score: number; periods: { period: number; score: number }[]; person: { id: string } };
        }[];
      };
    }>(
      `query ($c: ID!) { results(cycleId: $c, first: 20) { edges { node { score periods { period score } person { id } } } } }`,
      { c: cycleId },
      { token: officer },
    );
    const stored = results.data?.results.edges.find((edge) => edge.node.person.id === gid('Person', ids.em));
    expect(stored?.node.score).toBe(year);
    expect(stored?.node.periods.map((row) => row.period)).toEqual([1, 3]);
  });

  it('keeps earlier ratings under the unit of their year and names a closed unit’s successors', async () => {
    const { prisma } = app.db;
    const old = await prisma.unit.create({
      data: {
        code: 'SA-HUYEN',
        name: 'Phòng Nội vụ huyện Cũ',
        searchName: toSearchText('Phong Noi vu huyen Cu'),
        kind: 'DIVISION',
        parentId: app.fixture.units.dept1,
        active: false,
        validTo: new Date('2025-06-30'),
      },
    });
    await prisma.unitSuccession.create({
      data: {
        predecessorId: old.id,
        successorId: app.fixture.units.dept1a,
        kind: 'MERGER',
        effectiveOn: new Date('2025-07-01'),
      },
    });
    app.services.unitTrees.invalidate();
    await prisma.ratingHistory.create({
      data: {
        personId: app.fixture.people.binh,
        year: 2024,
        rating: 'GOOD',
        titles: ['LDTT'],
        unitId: old.id,
      },
    });
    const read = await app.graphql<{
      ratingHistory: { year: number; unitName: string }[];
      node: { validTo: string; successors: { name: string }[] };
    }>(
      `query ($p: ID!, $u: ID!) { ratingHistory(personId: $p) { year unitName }
        node(id: $u) { ... on Unit { validTo successors { name } } } }`,
      { p: gid('Person', app.fixture.people.binh), u: gid('Unit', old.id) },
      { token: head },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.ratingHistory).toEqual([{ year: 2024, unitName: 'Phòng Nội vụ huyện Cũ' }]);
    expect(read.data?.node).toEqual({ validTo: '2025-06-30', successors: [{ name: 'Phòng A1' }] });
  });

  it('lists the template columns a source system’s headings map onto, and names the column a bad mapping gets wrong', async () => {
    const officer = await app.login('officer');
    const columns = await app.graphql<{
      importColumns: { key: string; header: string; required: boolean }[];
    }>('query { importColumns(kind: ONE_STOP_STATS) { key header required } }', {}, { token: officer });
    expect(columns.data?.importColumns.slice(0, 4)).toEqual([
      { key: 'personCode', header: 'Mã cán bộ', required: false },
      { key: 'personalId', header: 'Số định danh cá nhân', required: false },
      { key: 'period', header: 'Kỳ', required: true },
      { key: 'received', header: 'Số hồ sơ tiếp nhận', required: true },
    ]);
    const refused = await app.graphql<{
      saveImportMapping: { __typename: string; fields?: { field: string; message: string }[] };
    }>(
      `mutation ($columns: JSON!) { saveImportMapping(kind: ONE_STOP_STATS, source: "iGate", columns: $columns) {
        __typename ... on ValidationError { fields { field message } } } }`,
      { columns: { period: ' ', received: 'Tổng tiếp nhận' } },
      { token: officer },
    );
    expect(refused.data?.saveImportMapping.__typename).toBe('ValidationError');
    expect(refused.data?.saveImportMapping.fields?.map((issue) => issue.field)).toEqual(['columns.period']);
    const staff = await app.graphql(
      'query { importColumns(kind: TASKS) { key } }',
      {},
      {
        token: await app.login('staff'),
      },
    );
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps other units and staff out', async () => {
    const other = await app.graphql(
      trackingQuery,
      { c: cycleId, u: gid('Unit', app.fixture.units.dept2), p: 3 },
      { token: head },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const staff = await app.graphql(
      trackingQuery,
      { c: cycleId, u: unitId, p: 3 },
      { token: await app.login('staff') },
    );
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await app.graphql(trackingQuery, { c: cycleId, u: unitId, p: 5 }, { token: head });
    expect(bad.errors?.[0]?.message).toContain('1 đến 4');
  });
});
