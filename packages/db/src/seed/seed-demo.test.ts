import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { openPostgres } from '../client.ts';
import { toSearchText } from '../search-text.ts';
import { createTestDatabase, testEngines } from '../testing.ts';
import { buildDemoData, demoAccounts, ensureDemoData, type SeedSummary, seedDemo } from './seed-demo.ts';

const password = 'mật-khẩu-demo';

async function count(db: Database, sql: string): Promise<number> {
  const rows = await db.sql.query<{ n: number }>(`SELECT (${sql})::int AS n`);
  return rows[0]?.n ?? -1;
}

describe.each(testEngines())('the demo province on %s', (engine) => {
  let db: Database;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = await createTestDatabase({ engine });
    summary = await seedDemo(db, { password });
  });
  afterAll(async () => {
    await db?.close();
  });

  // how long it takes is a figure of `npm run bench -- seed`, not a pass/fail here
  it('is seeded in one go', () => {
    expect(summary).toMatchObject({ units: 114, people: 600, users: 12 });
  });

  it('has a province of the two-level model: departments, communes, wards and a special zone, each unit with one head', async () => {
    const kinds = await db.prisma.unit.groupBy({
      by: ['kind'],
      where: { validTo: null },
      _count: { _all: true },
      orderBy: { kind: 'asc' },
    });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count._all]))).toEqual({
      PROVINCE: 1,
      DEPARTMENT: 9,
      COMMUNE: 4,
      WARD: 2,
      SPECIAL_ZONE: 1,
      DIVISION: 51,
      CENTER: 10,
    });
    const inForce = (await db.prisma.unit.findMany({ where: { validTo: null }, select: { name: true } })).map(
      (u) => u.name,
    );
    expect(inForce).toEqual(
      expect.arrayContaining([
        'UBND tỉnh Hòa An',
        'Sở Nội vụ',
        'Sở Tài chính',
        'Sở Tài nguyên và Môi trường',
        'Sở Y tế',
        'Trung tâm Phục vụ hành chính công tỉnh',
        'UBND phường Hòa Bình',
        'UBND xã Đông Sơn',
        'UBND đặc khu Hòn Ngọc',
        'Trung tâm Phục vụ hành chính công',
      ]),
    );
    // no district in force in 2026 (Luật Tổ chức chính quyền địa phương 2025)
    expect(inForce.filter((name) => /huyện|thị trấn/.test(name))).toEqual([]);
    expect(await db.prisma.unit.count({ where: { kind: 'DISTRICT', validTo: null } })).toBe(0);
    // every unit in force is led by exactly one person, who works in it
    expect(await count(db, 'SELECT count(DISTINCT "leadsUnitId") FROM "Person"')).toBe(78);
    expect(await count(db, 'SELECT count(*) FROM "Person" WHERE "leadsUnitId" IS NOT NULL')).toBe(78);
    expect(await count(db, 'SELECT count(*) FROM "Person" WHERE "leadsUnitId" <> "unitId"')).toBe(0);
    expect(await count(db, 'SELECT count(*) FROM "Unit" WHERE "blockId" IS NOT NULL')).toBeGreaterThan(20);
  });

  it('has Vietnamese names whose search form drops the diacritics the way unaccent does', async () => {
    const people = await db.prisma.person.findMany({ select: { fullName: true, searchName: true } });
    expect(people).toHaveLength(600);
    for (const p of people) expect(p.searchName).toBe(toSearchText(p.fullName));
    expect(people.some((p) => /[ăâđêôơư]/i.test(p.fullName))).toBe(true);
    expect(
      await count(db, `SELECT count(*) FROM "Person" WHERE "searchName" <> lower(unaccent("fullName"))`),
    ).toBe(0);
    expect(await count(db, `SELECT count(*) FROM "Unit" WHERE "searchName" <> lower(unaccent("name"))`)).toBe(
      0,
    );
    const found = await db.prisma.person.count({ where: { searchName: { contains: 'nguyen' } } });
    expect(found).toBeGreaterThan(150);
  });

  it('has every kind of staff and of sensitive or citizen-facing post', async () => {
    const categories = await db.prisma.person.groupBy({ by: ['category'], _count: { _all: true } });
    expect(categories.map((c) => c.category).sort()).toEqual([
      'CAN_BO',
      'CONG_CHUC',
      'NGUOI_LAO_DONG',
      'VIEN_CHUC',
    ]);
    expect(await db.prisma.person.count({ where: { sensitiveSector: { not: null } } })).toBeGreaterThan(100);
    expect(
      await db.prisma.person.count({ where: { sensitiveSince: { lte: new Date('2023-12-31') } } }),
    ).toBeGreaterThan(20);
    const facing = await db.prisma.person.count({ where: { citizenFacing: true } });
    const handlers = await db.prisma.person.count({ where: { dossierHandler: true } });
    expect(facing).toBeGreaterThan(50);
    expect(handlers).toBeGreaterThan(50);
    // evidence follows the posts
    expect(await count(db, 'SELECT count(DISTINCT "personId") FROM "CitizenVote"')).toBe(facing);
    // the one-stop system's counts come per quarter
    expect(await count(db, 'SELECT count(*) FROM "DossierStat"')).toBe(handlers * 4);
    expect(await count(db, 'SELECT count(*) FROM "DossierStat" WHERE period NOT BETWEEN 1 AND 4')).toBe(0);
  });

  it('has three prior years of ratings and titles', async () => {
    const years = await db.prisma.ratingHistory.groupBy({
      by: ['year'],
      _count: { _all: true },
      orderBy: { year: 'asc' },
    });
    expect(years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    for (const y of years) expect(y._count._all).toBeGreaterThan(500);
    expect(
      await count(db, `SELECT count(*) FROM "RatingHistory" WHERE 'CSTDCS' = ANY(titles)`),
    ).toBeGreaterThan(30);
    expect(
      await count(db, `SELECT count(*) FROM "RatingHistory" WHERE rating = 'NOT_COMPLETED'`),
    ).toBeGreaterThan(5);
  });

  it('has an open 2026 cycle with deadlines and a full year of evidence', async () => {
    const cycle = await db.prisma.cycle.findFirstOrThrow({ include: { deadlines: true, scopeUnit: true } });
    expect(cycle).toMatchObject({ year: 2026, packId: 'vn-nd335-2025', status: 'OPEN' });
    expect(cycle.scopeUnit.kind).toBe('PROVINCE');
    expect(cycle.deadlines.map((d) => d.stage).sort()).toEqual([
      'APPROVED',
      'ASSESSMENT',
      'OPEN',
      'PUBLISHED',
      'REVIEW',
    ]);

    const tasks = await count(db, 'SELECT count(*) FROM "Task"');
    expect(cycle.periodKind).toBe('QUARTER');
    expect(tasks).toBeGreaterThan(600 * 8);
    expect(tasks).toBeLessThan(600 * 16);
    const late = await count(db, 'SELECT count(*) FROM "Task" WHERE "completedOn" > "dueOn"');
    const open = await count(db, 'SELECT count(*) FROM "Task" WHERE "completedOn" IS NULL');
    const errors = await count(db, 'SELECT count(*) FROM "Task" WHERE "majorErrors" > 0');
    expect(late / tasks).toBeGreaterThan(0.03);
    expect(late / tasks).toBeLessThan(0.2);
    expect(open).toBeGreaterThan(0);
    expect(open / tasks).toBeLessThan(0.02);
    expect(errors / tasks).toBeGreaterThan(0.01);
    expect(await count(db, 'SELECT count(*) FROM "Task" WHERE excused')).toBeGreaterThan(0);
    // every task names its quarter; most are products of the person's job position's catalogue
    expect(await count(db, 'SELECT count(*) FROM "Task" WHERE period NOT BETWEEN 1 AND 4')).toBe(0);
    expect(await count(db, 'SELECT count(*) FROM "Task" WHERE "productId" IS NOT NULL')).toBeGreaterThan(
      tasks * 0.8,
    );
    // most people have work in every quarter; a few newcomers have none (they cannot be scored)
    expect(await count(db, 'SELECT count(DISTINCT "personId") FROM "Task"')).toBeGreaterThan(580);

    expect(await count(db, 'SELECT count(*) FROM "UnitYearStat"')).toBe(78);
    expect(
      await count(db, 'SELECT count(*) FROM "UnitYearStat" WHERE "parIndex" IS NOT NULL'),
    ).toBeGreaterThan(20);
    expect(await count(db, 'SELECT count(*) FROM "UnitYearStat" WHERE "corruptionCase"')).toBe(1);

    const assessments = await db.prisma.headAssessment.aggregate({
      _min: { conductAssessment: true },
      _max: { conductAssessment: true },
      _count: { _all: true },
    });
    expect(assessments._count._all).toBeGreaterThan(590);
    expect(assessments._min.conductAssessment).toBeGreaterThanOrEqual(7);
    expect(assessments._max.conductAssessment).toBeLessThanOrEqual(10);
  });

  it('has discipline for 2–3% of people, a reprimand and a warning among this year’s', async () => {
    const decisions = await db.prisma.disciplineDecision.findMany();
    const people = new Set(decisions.map((d) => d.personId));
    expect(people.size / 600).toBeGreaterThanOrEqual(0.02);
    expect(people.size / 600).toBeLessThanOrEqual(0.03);
    const thisYear = decisions.filter((d) => d.decidedOn.getUTCFullYear() === 2026).map((d) => d.form);
    expect(thisYear).toEqual(expect.arrayContaining(['KHIEN_TRACH', 'CANH_CAO']));
    expect(decisions.some((d) => d.alreadyCountedInYear !== null)).toBe(true);
    expect(await db.prisma.infraction.count()).toBeGreaterThan(30);
    expect(await db.prisma.initiative.count({ where: { scope: 'PROVINCE' } })).toBeGreaterThan(3);
    const circumstances = await db.prisma.personCircumstance.findMany();
    expect(circumstances.some((c) => c.maternityLeave)).toBe(true);
    expect(circumstances.some((c) => c.pendingProceedings)).toBe(true);
    expect(circumstances.some((c) => c.monthsAbsent >= 3 && c.monthsAbsent < 6)).toBe(true);
    expect(circumstances.some((c) => c.monthsAbsent >= 6)).toBe(true);
  });

  it('has the demo accounts of the API contract, with argon2id password hashes', async () => {
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...demoAccounts] } },
      include: { scopeUnit: true, person: { include: { unit: true } } },
    });
    const byName = Object.fromEntries(users.map((u) => [u.username, u]));
    expect(Object.keys(byName).sort()).toEqual([...demoAccounts].sort());
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(user.passwordHash, password)).toBe(true);
      expect(await verify(user.passwordHash, 'wrong')).toBe(false);
    }
    expect(byName.admin).toMatchObject({ role: 'ADMIN', scopeUnit: { kind: 'PROVINCE' } });
    expect(byName.officer).toMatchObject({ role: 'OFFICER', scopeUnit: { kind: 'PROVINCE' } });
    const head = byName.head;
    expect(head).toMatchObject({ role: 'UNIT_HEAD', scopeUnit: { kind: 'DEPARTMENT' } });
    expect(head?.person?.leadsUnitId).toBe(head?.scopeUnitId);
    const staff = byName.staff;
    expect(staff).toMatchObject({ role: 'STAFF', person: { category: 'CONG_CHUC' } });
    expect(staff?.person?.unit.parentId).toBe(head?.scopeUnitId);
    expect(byName.council?.role).toBe('COUNCIL_MEMBER');

    const council = await db.prisma.council.findFirstOrThrow({
      include: { members: { include: { user: true } } },
    });
    expect(council.members).toHaveLength(7);
    expect(council.members.map((m) => m.user.username)).toContain('council');
    expect(council.members.filter((m) => m.role === 'CHAIR')).toHaveLength(1);
  });

  it('refuses to seed twice; ensureDemoData leaves a seeded database alone', async () => {
    await expect(seedDemo(db, { password })).rejects.toThrow(/empty database/);
    await expect(ensureDemoData(db)).resolves.toBeNull();
    expect(await db.prisma.person.count()).toBe(600);
  });
});

describe('the demo province in 2026', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db, { password });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('records the 2025 merger: old units closed on 30 June 2025, successors named, history under the old names', async () => {
    const closed = await db.prisma.unit.findMany({
      where: { validTo: { not: null } },
      include: { successors: { include: { successor: true } } },
    });
    expect(closed.length).toBe(36);
    for (const unit of closed) {
      expect(unit.validTo?.toISOString().slice(0, 10)).toBe('2025-06-30');
      expect(unit.active).toBe(false);
      expect(unit.successors.length).toBeGreaterThan(0);
      for (const next of unit.successors)
        expect(next.effectiveOn.toISOString().slice(0, 10)).toBe('2025-07-01');
    }
    const dongSon = closed.find((u) => u.name === 'UBND huyện Đông Sơn');
    expect(dongSon?.successors.map((s) => s.successor.name).sort()).toEqual([
      'UBND xã Đông Hòa',
      'UBND xã Đông Sơn',
    ]);
    // people of the new communes were rated 2023–2025 in the old units, and those names still read
    const old = await db.prisma.ratingHistory.findMany({
      where: { unit: { validTo: { not: null } } },
      include: { unit: true, person: { include: { unit: true } } },
    });
    expect(old.length).toBeGreaterThan(400);
    expect(
      old.some((h) => h.unit?.name.startsWith('UBND huyện') || h.unit?.name.startsWith('UBND thị trấn')),
    ).toBe(true);
    for (const h of old) expect(h.person.unit.validTo).toBeNull();
    expect(await db.prisma.person.count({ where: { unit: { validTo: { not: null } } } })).toBe(0);
  });

  it('has a catalogue for eight job positions with conversion coefficients, and personal identification numbers', async () => {
    const positions = await db.prisma.jobPosition.findMany({
      include: { products: true, _count: { select: { people: true } } },
    });
    expect(positions).toHaveLength(8);
    for (const position of positions) {
      expect(position.products.length).toBeGreaterThanOrEqual(3);
      expect(position._count.people).toBeGreaterThan(0);
      for (const product of position.products) expect(product.coefficient).toBeGreaterThan(0);
    }
    expect(positions.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'Công chức tiếp nhận và trả kết quả (một cửa)',
        'Kế toán',
        'Lãnh đạo phòng, đơn vị',
      ]),
    );
    // an assignment's converted weight is its quantity × the product's coefficient
    const tasks = await db.prisma.task.findMany({
      where: { productId: { not: null } },
      include: { product: true },
      take: 200,
    });
    for (const task of tasks)
      expect(task.weight).toBeCloseTo(task.planned * (task.product?.coefficient ?? 0), 2);
    const ids = await db.prisma.person.findMany({ select: { personalId: true } });
    expect(ids.every((p) => /^\d{12}$/.test(p.personalId ?? ''))).toBe(true);
    expect(new Set(ids.map((p) => p.personalId)).size).toBe(600);
  });

  it('has a realistic quarter: late work, failed reviews, an excused delay, a mid-year transfer, closed periods', async () => {
    const byQuarter = await db.sql.query<{ period: number; late: number; failed: number; excused: number }>(
      `SELECT period, count(*) FILTER (WHERE "completedOn" > "dueOn")::int AS late,
         count(*) FILTER (WHERE "majorErrors" > 0)::int AS failed, count(*) FILTER (WHERE excused)::int AS excused
       FROM "Task" GROUP BY period ORDER BY period`,
    );
    expect(byQuarter.map((q) => q.period)).toEqual([1, 2, 3, 4]);
    for (const q of byQuarter) {
      expect(q.late).toBeGreaterThan(20);
      expect(q.failed).toBeGreaterThan(10);
    }
    const excused = await db.prisma.task.findFirstOrThrow({
      where: { excused: true, excusedBy: { not: null } },
    });
    expect(excused.excuseNote).toBeTruthy();
    // the transferred person: the old agency's first two quarters, the new agency's last two
    const moved = await db.prisma.task.findMany({
      where: { assignedUnitId: { not: null } },
      include: { assignedUnit: true, person: { include: { unit: true } } },
    });
    expect(new Set(moved.map((t) => t.personId)).size).toBe(1);
    expect(new Set(moved.map((t) => t.period))).toEqual(new Set([1, 2]));
    expect(moved[0]?.assignedUnit?.code).toBe('HA.SXD.QLXD');
    expect(moved[0]?.person.unit.code).toBe('HA.STNMT.DD');
    // Q1 and Q2 closed everywhere, Q3 by most units, Q4 open
    const closures = await db.prisma.periodClosure.groupBy({
      by: ['period'],
      where: { state: 'CLOSED' },
      _count: { _all: true },
    });
    const closedBy = Object.fromEntries(closures.map((c) => [c.period, c._count._all]));
    expect(closedBy[1]).toBe(78);
    expect(closedBy[2]).toBe(78);
    expect(closedBy[3]).toBeGreaterThan(30);
    expect(closedBy[3]).toBeLessThan(78);
    expect(closedBy[4]).toBeUndefined();
  });

  it('has one head who gave all twelve of their people the same A = 10', async () => {
    const head = await db.prisma.user.findUniqueOrThrow({ where: { username: 'truongphong.hctp' } });
    const given = await db.prisma.periodAssessment.findMany({ where: { assessedById: head.id } });
    const people = new Set(given.map((a) => a.personId));
    expect(people.size).toBe(12);
    expect(new Set(given.map((a) => a.conductAssessment))).toEqual(new Set([10]));
    const year = await db.prisma.headAssessment.findMany({ where: { assessedById: head.id } });
    expect(year).toHaveLength(12);
    expect(year.every((a) => a.conductAssessment === 10)).toBe(true);
  });
});

describe('demo data', () => {
  it('is deterministic: two builds give the same units, names, ids and evidence', async () => {
    const [a, b] = await Promise.all([buildDemoData({ password }), buildDemoData({ password })]);
    const withoutHashes = (data: typeof a) => ({
      ...data,
      users: data.users.map((u) => ({ ...u, passwordHash: '' })),
    });
    expect(withoutHashes(a)).toEqual(withoutHashes(b));
    const other = await buildDemoData({ password, seed: 7 });
    expect(other.people.map((p) => p.fullName)).not.toEqual(a.people.map((p) => p.fullName));
  });

  it('gives identical people in two seeded databases', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      await ensureDemoData(first, { password });
      await ensureDemoData(second, { password });
      const people = (db: Database) =>
        db.prisma.person.findMany({
          orderBy: { code: 'asc' },
          select: { id: true, code: true, fullName: true, unitId: true },
        });
      const [a, b] = await Promise.all([people(first), people(second)]);
      expect(a).toHaveLength(600);
      expect(a).toEqual(b);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe.runIf(testEngines().includes('postgres'))('ensureDemoData on postgres', () => {
  it('seeds once when two processes start together', async () => {
    const first = await createTestDatabase({ engine: 'postgres' });
    const second = await openPostgres(first.url ?? '', 2);
    try {
      const results = await Promise.all([
        ensureDemoData(first, { password }),
        ensureDemoData(second, { password }),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await first.prisma.person.count()).toBe(600);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
