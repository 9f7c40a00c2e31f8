import { toSearchText } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type Calibration = {
  overall: { people: number; final: { rating: string; count: number }[] };
  units: { unit: { id: string; name: string }; people: number; final: { rating: string; count: number }[] }[];
  heads: { assessor: { id: string; name: string } | null; assessed: number; min: number; max: number }[];
  findings: { kind: string; unit: { id: string } | null; assessor: { id: string } | null; detail: string }[];
  points: { evidenceScore: number | null; final: string }[];
  reviewed: boolean;
  reviews: { byName: string; role: string; note: string | null }[];
};

const calibrationQuery = `query ($cycleId: ID!, $unitId: ID) {
  calibration(cycleId: $cycleId, unitId: $unitId) {
    overall { people final { rating count } }
    units { unit { id name } people proposed { rating count } final { rating count } }
    heads { assessor { id name } assessed min max }
    findings { kind unit { id } assessor { id } detail }
    points { evidenceScore final }
    reviewed reviews { byName role note } } }`;

const moveMutation = `mutation ($id: ID!, $to: CycleStatus!, $version: Int!) {
  moveCycle(id: $id, to: $to, version: $version) { __typename ... on MoveCycleSuccess { data { version } } ... on Error { message } } }`;

describe.each(testEngines())('calibration on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let deskId: string;

  async function move(to: string) {
    const cycle = await app.db.prisma.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const moved = await app.graphql<{ moveCycle: { __typename: string } }>(
      moveMutation,
      { id: cycleId, to, version: cycle.version },
      { token: await app.login('officer') },
    );
    expect(moved.data?.moveCycle.__typename, JSON.stringify(moved)).toBe('MoveCycleSuccess');
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    // a one-stop desk under Sở A (the head's department) with twelve people
    const desk = await prisma.unit.create({
      data: {
        code: 'SA-MC',
        name: 'Bộ phận Một cửa',
        searchName: toSearchText('Bộ phận Một cửa'),
        kind: 'DIVISION',
        parentId: app.fixture.units.dept1,
      },
    });
    deskId = desk.id;
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        prisma.person.create({
          data: {
            code: `MC${index + 1}`,
            fullName: `Cán bộ Một cửa ${index + 1}`,
            searchName: toSearchText(`Can bo Mot cua ${index + 1}`),
            unitId: desk.id,
            category: 'CONG_CHUC',
            hiredOn: new Date('2018-01-01'),
          },
        }),
      ),
    );
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
      },
    });
    cycleId = gid('Cycle', cycle.id);
    // uneven work: a few finished late or short, so the evidence tells people apart
    await prisma.task.createMany({
      data: people.map((person, index) => ({
        cycleId: cycle.id,
        personId: person.id,
        code: `MC-T${index}`,
        title: 'Tiếp nhận hồ sơ',
        dueOn: new Date('2026-06-30'),
        completedOn: new Date(index % 3 === 0 ? '2026-07-20' : '2026-06-20'),
        planned: 10,
        actual: index % 4 === 0 ? 6 : 10,
        delays: index % 3 === 0 ? 2 : 0,
      })),
    });
    await move('OPEN');
    await move('ASSESSMENT');
    const head = await app.login('head');
    for (const person of people) {
      const assessed = await app.graphql<{ assessPerson: { __typename: string } }>(
        `mutation ($c: ID!, $p: ID!) { assessPerson(cycleId: $c, personId: $p, conductAssessment: 10) { __typename } }`,
        { c: cycleId, p: gid('Person', person.id) },
        { token: head },
      );
      expect(assessed.data?.assessPerson.__typename).toBe('AssessPersonSuccess');
    }
    const run = await app.graphql<{ runEvaluation: { __typename: string } }>(
      'mutation ($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename ... on Error { message } } }',
      { id: cycleId },
      { token: await app.login('officer') },
    );
    expect(run.data?.runEvaluation.__typename, JSON.stringify(run)).toBe('RunEvaluationSuccess');
    await move('REVIEW');
  });
  afterAll(() => app.close());

  it('shows the council a head who gave all 12 people A = 10, with the unit’s distributions', async () => {
    const token = await app.login('council');
    app.queries.count = 0;
    const result = await app.graphql<{ calibration: Calibration }>(calibrationQuery, { cycleId }, { token });
    expect(result.errors).toBeUndefined();
    const calibration = result.data?.calibration as Calibration;
    const uniform = calibration.findings.filter((finding) => finding.kind === 'UNIFORM_ASSESSMENT');
    expect(uniform).toEqual([
      {
        kind: 'UNIFORM_ASSESSMENT',
        unit: { id: gid('Unit', deskId) },
        assessor: { id: gid('User', app.fixture.users.head) },
        detail: expect.stringContaining('A = 10 (tối đa) cho cả 12 người'),
      },
    ]);
    const desk = calibration.units.find((row) => row.unit.id === gid('Unit', deskId));
    expect(desk?.unit.name).toBe('Bộ phận Một cửa');
    expect(desk?.people).toBe(12);
    expect(desk?.final.reduce((sum, row) => sum + row.count, 0)).toBe(12);
    expect(calibration.overall.people).toBeGreaterThanOrEqual(12);
    expect(calibration.heads).toContainEqual({
      assessor: { id: gid('User', app.fixture.users.head), name: 'head' },
      assessed: 12,
      min: 10,
      max: 10,
    });
    // the evidence tells the desk apart even though the head did not
    const scores = new Set(calibration.points.map((point) => point.evidenceScore).filter((x) => x !== null));
    expect(scores.size).toBeGreaterThan(1);
    expect(app.queries.count).toBeLessThan(20);
    expect(calibration.reviewed).toBe(false);
  });

  it('keeps calibration within scope: staff are refused, a head sees nothing of another department', async () => {
    const staff = await app.graphql(calibrationQuery, { cycleId }, { token: await app.login('staff') });
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const head = await app.login('head');
    const other = await app.graphql<{ calibration: Calibration | null }>(
      calibrationQuery,
      { cycleId, unitId: gid('Unit', app.fixture.units.dept2) },
      { token: head },
    );
    expect(other.data?.calibration).toBeNull();
    const own = await app.graphql<{ calibration: Calibration }>(
      calibrationQuery,
      { cycleId },
      { token: head },
    );
    expect(own.data?.calibration.units.map((row) => row.unit.name).sort()).not.toContain('Sở B');
  });

  it('records that the council reviewed the calibration, in the audit log, during REVIEW only', async () => {
    const council = await app.login('council');
    const mutation = `mutation ($c: ID!, $note: String) { reviewCalibration(cycleId: $c, note: $note) {
      __typename ... on ReviewCalibrationSuccess { data { byName role note } } ... on Error { code message } } }`;
    const byHead = await app.graphql<{ reviewCalibration: { code?: string } }>(
      mutation,
      { c: cycleId },
      { token: await app.login('head') },
    );
    expect(byHead.errors?.[0]?.extensions?.code ?? byHead.data?.reviewCalibration.code).toBe('FORBIDDEN');
    const recorded = await app.graphql<{ reviewCalibration: { __typename: string } }>(
      mutation,
      { c: cycleId, note: 'Đề nghị thủ trưởng Sở A chấm lại điểm A' },
      { token: council },
    );
    expect(recorded.data?.reviewCalibration).toEqual({
      __typename: 'ReviewCalibrationSuccess',
      data: { byName: 'council', role: 'COUNCIL_MEMBER', note: 'Đề nghị thủ trưởng Sở A chấm lại điểm A' },
    });
    const after = await app.graphql<{ calibration: Calibration }>(
      calibrationQuery,
      { cycleId },
      { token: council },
    );
    expect(after.data?.calibration.reviewed).toBe(true);
    expect(after.data?.calibration.reviews).toEqual([
      { byName: 'council', role: 'COUNCIL_MEMBER', note: 'Đề nghị thủ trưởng Sở A chấm lại điểm A' },
    ]);
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'reviewCalibration' } });
    expect(audit.after).toMatchObject({ findings: { UNIFORM_ASSESSMENT: 1 } });
    await move('APPROVED');
    const late = await app.graphql<{ reviewCalibration: { __typename: string } }>(
      mutation,
      { c: cycleId },
      { token: council },
    );
    expect(late.data?.reviewCalibration.__typename).toBe('ConflictError');
  });
});
