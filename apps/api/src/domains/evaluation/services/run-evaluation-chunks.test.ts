// A run evaluated in chunks of whole units gives exactly what one evaluation of the whole scope
// gives: every result (score, components, ratings, titles, trace), flag and unit result (block
// ranks included), on the demo province made harder with leaders of other units, a leader loop, a
// quota group spread over two units, a quota exception and the CSTĐCS cap.
import { type Database, demoCycleYear, type PrismaClient, seedDemo } from '@cadre/db';
import { createTestDatabase, testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { adminViewer } from '../../../test-support/admin-viewer.ts';
import { planChunks, startEvaluationRun } from './run-evaluation.ts';

const wholeScope = 1_000_000;

describe('planChunks', () => {
  it('keeps a unit with the units its people lead, transitively, and packs the groups in order', () => {
    const chunks = planChunks({
      unitIds: ['A', 'B', 'C', 'D', 'E', 'F'],
      headcounts: [
        { unitId: 'A', leadsUnitId: null, people: 3 },
        { unitId: 'A', leadsUnitId: 'D', people: 1 }, // someone in A leads D
        { unitId: 'D', leadsUnitId: 'F', people: 1 }, // and someone in D leads F
        { unitId: 'B', leadsUnitId: 'B', people: 4 },
        { unitId: 'C', leadsUnitId: 'OUTSIDE', people: 5 }, // leads a unit outside the scope
        { unitId: 'F', leadsUnitId: null, people: 2 },
      ],
      chunkPeople: 8,
    });
    expect(chunks).toEqual([
      { unitIds: ['A', 'D', 'F'], people: 7 },
      { unitIds: ['B'], people: 4 },
      { unitIds: ['C', 'E'], people: 5 },
    ]);
  });

  it('keeps the units whose people share a quota group of similar tasks in one chunk', () => {
    const chunks = planChunks({
      unitIds: ['A', 'B', 'C', 'D'],
      headcounts: [
        { unitId: 'A', leadsUnitId: null, quotaGroup: 'MOT-CUA', people: 3 },
        { unitId: 'B', leadsUnitId: null, people: 3 },
        { unitId: 'C', leadsUnitId: null, people: 3 },
        { unitId: 'D', leadsUnitId: null, quotaGroup: 'MOT-CUA', people: 2 },
      ],
      chunkPeople: 3,
    });
    expect(chunks).toEqual([
      { unitIds: ['A', 'D'], people: 5 },
      { unitIds: ['B'], people: 3 },
      { unitIds: ['C'], people: 3 },
    ]);
  });

  it('makes a group larger than the chunk size a chunk of its own, and lists every unit once', () => {
    const chunks = planChunks({
      unitIds: ['A', 'B', 'C'],
      headcounts: [
        { unitId: 'A', leadsUnitId: 'B', people: 2 },
        { unitId: 'B', leadsUnitId: 'A', people: 2 },
        { unitId: 'C', leadsUnitId: null, people: 1 },
      ],
      chunkPeople: 1,
    });
    expect(chunks).toEqual([
      { unitIds: ['A', 'B'], people: 4 },
      { unitIds: ['C'], people: 1 },
    ]);
  });
});

/** Everything a run writes, without ids, run ids and times. */
async function snapshot(prisma: PrismaClient, cycleId: string) {
  const [results, flags, units] = await Promise.all([
    prisma.evaluationResult.findMany({
      where: { cycleId },
      orderBy: { personId: 'asc' },
      select: {
        personId: true,
        unitId: true,
        score: true,
        components: true,
        proposedRating: true,
        engineRating: true,
        finalRating: true,
        finalReason: true,
        decidedById: true,
        titles: true,
        trace: true,
      },
    }),
    prisma.flag.findMany({
      where: { cycleId },
      orderBy: [{ personId: 'asc' }, { kind: 'asc' }],
      select: { personId: true, kind: true, status: true, rule: true, reason: true },
    }),
    prisma.unitResult.findMany({
      where: { cycleId },
      orderBy: { unitId: 'asc' },
      select: {
        unitId: true,
        excellentEligible: true,
        excellentAllowed: true,
        excellentGranted: true,
        collectiveTitles: true,
        blockRank: true,
      },
    }),
  ]);
  return { results, flags, units };
}

describe.each(testEngines())('a run in chunks on %s', (engine) => {
  let db: Database;
  let cycleId = '';
  let viewer: Viewer;
  let unitTrees: ReturnType<typeof createUnitTreeCache>;

  async function evaluate(chunkPeople: number, prisma: PrismaClient = db.prisma) {
    const { done } = await startEvaluationRun({ prisma, viewer, unitTrees, cycleId, chunkPeople });
    return done;
  }

  async function clearResults() {
    await db.sql.query(`DELETE FROM "Flag" WHERE "cycleId" = $1`, [cycleId]);
    await db.sql.query(`DELETE FROM "UnitResult" WHERE "cycleId" = $1`, [cycleId]);
    await db.sql.query(`DELETE FROM "EvaluationResult" WHERE "cycleId" = $1`, [cycleId]);
  }

  beforeAll(async () => {
    db = await createTestDatabase({ engine });
    await seedDemo(db, { password: 'demo' });
    const { prisma } = db;
    const cycle = await prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } });
    cycleId = cycle.id;
    viewer = adminViewer((await prisma.user.findFirstOrThrow({ where: { username: 'admin' } })).id);
    unitTrees = createUnitTreeCache({ prisma });

    // leaders of other units: a chain (someone of unit 1 leads unit 2, someone of 2 leads 3) and a
    // loop (units 4 and 5 lead each other), so chunks must keep those units together
    const units = await prisma.unit.findMany({
      where: { people: { some: { active: true } } },
      orderBy: { code: 'asc' },
      select: { id: true },
    });
    const pick = async (unitIndex: number, skip: number) =>
      prisma.person.findFirstOrThrow({
        where: { unitId: units[unitIndex]?.id, active: true, leadsUnitId: null },
        orderBy: { code: 'asc' },
        skip,
        select: { id: true },
      });
    const far = units.length - 1;
    const links: [number, number][] = [
      [0, far],
      [far, 3],
      [5, far - 4],
      [far - 4, 5],
    ];
    for (const [from, to] of links) {
      const person = await pick(from, 1);
      await prisma.person.update({ where: { id: person.id }, data: { leadsUnitId: units[to]?.id } });
    }
    // a quota group of similar tasks across two units far apart in the chunk order
    for (const unitIndex of [1, far - 1]) {
      const members = await prisma.person.findMany({
        where: { unitId: units[unitIndex]?.id, active: true, leadsUnitId: null },
        orderBy: { code: 'desc' },
        take: 3,
        select: { id: true },
      });
      await prisma.person.updateMany({
        where: { id: { in: members.map((member) => member.id) } },
        data: { quotaGroup: 'NHOM-MOT-CUA' },
      });
    }
    // a local cap on CSTĐCS and a recorded quota exception
    await prisma.cycle.update({
      where: { id: cycleId },
      data: { overrides: { ...((cycle.overrides ?? {}) as object), cstdcsCapPercent: 50 } },
    });
    await prisma.quotaException.create({
      data: {
        cycleId,
        unitId: units[2]?.id ?? '',
        percent: 60,
        decisionNumber: '7/QĐ-UBND',
        reason: 'Đơn vị xuất sắc',
      },
    });
  }, 240_000);
  afterAll(() => db?.close());

  it('writes the same results, flags and unit results as one evaluation of the whole scope', async () => {
    const whole = await evaluate(wholeScope);
    expect(whole.status, whole.message ?? '').toBe('SUCCEEDED');
    const expected = await snapshot(db.prisma, cycleId);
    expect(expected.results.length).toBeGreaterThan(500);
    expect(expected.units.filter((unit) => unit.blockRank !== null).length).toBeGreaterThan(5);
    expect(expected.flags.length).toBeGreaterThan(10);
    const [crossing] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Person" WHERE active AND "leadsUnitId" <> "unitId"`,
    );
    expect(crossing?.n).toBe(4);

    await clearResults();
    const chunked = await evaluate(40);
    expect(chunked.status, chunked.message ?? '').toBe('SUCCEEDED');
    expect(chunked.processed).toBe(whole.processed);
    expect(chunked.message).toBe(whole.message);
    const got = await snapshot(db.prisma, cycleId);
    expect(got.units).toEqual(expected.units);
    expect(got.flags).toEqual(expected.flags);
    expect(got.results.length).toBe(expected.results.length);
    for (const [index, result] of got.results.entries()) expect(result).toEqual(expected.results[index]);

    // a re-run in chunks over existing results changes nothing and rewrites no row
    const before = await db.prisma.evaluationResult.findMany({
      where: { cycleId },
      select: { id: true, runId: true, version: true },
      orderBy: { id: 'asc' },
    });
    const again = await evaluate(25);
    expect(again.status).toBe('SUCCEEDED');
    expect(await snapshot(db.prisma, cycleId)).toEqual(expected);
    expect(
      await db.prisma.evaluationResult.findMany({
        where: { cycleId },
        select: { id: true, runId: true, version: true },
        orderBy: { id: 'asc' },
      }),
    ).toEqual(before);
  }, 120_000);

  it('keeps a reasoned decision that is still legal, in whichever chunk it is', async () => {
    const good = await db.prisma.evaluationResult.findMany({
      where: { cycleId, finalRating: 'GOOD' },
      orderBy: { personId: 'desc' },
      take: 2,
    });
    for (const row of good) {
      await db.prisma.evaluationResult.update({
        where: { id: row.id },
        data: { finalRating: 'COMPLETED', finalReason: 'Chậm tiến độ quý IV' },
      });
    }
    const run = await evaluate(30);
    expect(run.status).toBe('SUCCEEDED');
    const after = await db.prisma.evaluationResult.findMany({
      where: { id: { in: good.map((row) => row.id) } },
    });
    expect(after.map((row) => [row.finalRating, row.finalReason])).toEqual(
      good.map(() => ['COMPLETED', 'Chậm tiến độ quý IV']),
    );
  }, 60_000);

  it('reports progress after each chunk where others can read it (PostgreSQL)', async () => {
    const progress: number[] = [];
    const watching = db.prisma.$extends({
      query: {
        evaluationRun: {
          async update({ args, query }) {
            const processed = (args.data as { processed?: unknown }).processed;
            if (typeof processed === 'number') progress.push(processed);
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const run = await evaluate(100, watching);
    expect(run.status).toBe('SUCCEEDED');
    expect(progress.at(-1)).toBe(run.total);
    if (engine === 'postgres') {
      expect(progress.length).toBeGreaterThan(3);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    }
  }, 60_000);

  it('fails the whole run on invalid evidence in a later chunk and keeps the previous results', async () => {
    const before = await snapshot(db.prisma, cycleId);
    const last = await db.prisma.person.findFirstOrThrow({
      where: { active: true, tasks: { some: { cycleId } } },
      orderBy: { code: 'desc' },
      select: { id: true },
    });
    const task = await db.prisma.task.findFirstOrThrow({ where: { cycleId, personId: last.id } });
    await db.prisma.task.update({ where: { id: task.id }, data: { weight: -1 } });
    try {
      const run = await evaluate(40);
      expect(run.status).toBe('FAILED');
      expect(run.message).toMatch(/invalid evidence:\n.*weight/);
      expect(await snapshot(db.prisma, cycleId)).toEqual(before);
    } finally {
      await db.prisma.task.update({ where: { id: task.id }, data: { weight: task.weight } });
    }
  }, 60_000);
});
