import type { Database } from '@cadre/db';
import { createTestDatabase } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteCopier } from './bulk-copy.ts';
import { type LoadSummary, loadProvince } from './load-province.ts';
import { buildProvince, periodsIn, provinceTables, tasksPerPersonFor } from './province.ts';

const people = 200;

describe('generated province on PGlite', () => {
  let db: Database;
  let summary: LoadSummary;

  beforeAll(async () => {
    db = await createTestDatabase({ engine: 'pglite' });
    if (!db.pglite) throw new Error('expected PGlite');
    summary = await loadProvince({ people, copier: pgliteCopier(db.pglite), chunkRows: 500 });
  });
  afterAll(() => db?.close());

  const count = async (sql: string, params: unknown[] = []) => {
    const [row] = await db.sql.query<{ n: number }>(sql, params);
    return row?.n ?? -1;
  };

  it('loads every table with the number of rows the generator reported', async () => {
    for (const table of summary.tables) {
      expect(await count(`SELECT count(*)::int AS n FROM "${table.table}"`), table.table).toBe(table.rows);
    }
    expect(await count(`SELECT count(*)::int AS n FROM "Person"`)).toBe(people);
    expect(await count(`SELECT count(*)::int AS n FROM "Task"`)).toBe(people * tasksPerPersonFor.QUARTER);
    expect(await count(`SELECT count(*)::int AS n FROM "HeadAssessment"`)).toBe(people);
  });

  it('tracks the province quarterly: 24 assignments a person, each due in its quarter, counts per quarter', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM "Cycle" WHERE "periodKind" = 'QUARTER'`)).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM "Task" WHERE period IS NULL OR period <> ceil(extract(month FROM "dueOn") / 3)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(DISTINCT period)::int AS n FROM "Task"`)).toBe(periodsIn.QUARTER);
    expect(await count(`SELECT count(*)::int AS n FROM "DossierStat" WHERE period NOT BETWEEN 1 AND 4`)).toBe(
      0,
    );
    expect(await count(`SELECT count(*)::int AS n FROM "CitizenVote" WHERE period NOT BETWEEN 1 AND 4`)).toBe(
      0,
    );
    const handlers = await count(`SELECT count(DISTINCT "personId")::int AS n FROM "DossierStat"`);
    expect(await count(`SELECT count(*)::int AS n FROM "DossierStat"`)).toBe(handlers * 4);
  });

  it('writes 48 assignments a person for a monthly province, one period for a yearly one', () => {
    const monthly = buildProvince({ people: 10, periodKind: 'MONTH' });
    const tasks = provinceTables(monthly, { passwordHash: 'x' }).find((table) => table.table === 'Task');
    const rows = [...(tasks?.rows() ?? [])];
    expect(rows).toHaveLength(10 * 48);
    const period = tasks?.columns.indexOf('period') ?? -1;
    const due = tasks?.columns.indexOf('dueOn') ?? -1;
    for (const row of rows) expect(Number(String(row[due]).slice(5, 7))).toBe(row[period]);
    const yearly = buildProvince({ people: 10, periodKind: 'YEAR' });
    const yearRows = [
      ...(provinceTables(yearly, { passwordHash: 'x' })
        .find((table) => table.table === 'Task')
        ?.rows() ?? []),
    ];
    expect(yearRows).toHaveLength(10 * 12);
  });

  it('puts every person in the one cycle’s unit tree, every unit under the province', async () => {
    const reachable = await count(
      `WITH RECURSIVE tree AS (
         SELECT u.id FROM "Unit" u JOIN "Cycle" c ON c."scopeUnitId" = u.id
         UNION ALL SELECT u.id FROM "Unit" u JOIN tree ON u."parentId" = tree.id)
       SELECT count(*)::int AS n FROM "Person" p WHERE p."unitId" IN (SELECT id FROM tree)`,
    );
    expect(reachable).toBe(people);
    expect(await count(`SELECT count(*)::int AS n FROM "Unit" WHERE "parentId" IS NULL`)).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM "Unit" WHERE "parentId" IS NOT NULL AND "blockId" IS NULL`),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "UnitYearStat"`)).toBe(
      await count(`SELECT count(*)::int AS n FROM "Unit"`),
    );
  });

  it('keeps evidence consistent: no orphans, one leader per staffed unit, votes only for citizen-facing staff', async () => {
    for (const [table, cycleScoped] of [
      ['Task', true],
      ['DossierStat', true],
      ['CitizenVote', true],
      ['Infraction', true],
      ['HeadAssessment', true],
      ['PersonCircumstance', true],
      ['RatingHistory', false],
      ['DisciplineDecision', false],
      ['Initiative', false],
    ] as const) {
      const orphans = await count(
        `SELECT count(*)::int AS n FROM "${table}" x LEFT JOIN "Person" p ON p.id = x."personId"
         ${cycleScoped ? 'LEFT JOIN "Cycle" c ON c.id = x."cycleId"' : ''}
         WHERE p.id IS NULL ${cycleScoped ? 'OR c.id IS NULL' : ''}`,
      );
      expect(orphans, table).toBe(0);
    }
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT "unitId" FROM "Person" GROUP BY "unitId"
           HAVING count(*) FILTER (WHERE "leadsUnitId" = "unitId") <> 1) x`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM "CitizenVote" v JOIN "Person" p ON p.id = v."personId" WHERE NOT p."citizenFacing"`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM "DossierStat" d
         WHERE d."early" + d."onTime" + d."late" <> d."received" OR d."apologies" > d."late"`,
      ),
    ).toBe(0);
    const citizenFacing = await count(`SELECT count(*)::int AS n FROM "Person" WHERE "citizenFacing"`);
    expect(citizenFacing).toBeGreaterThan(people * 0.15);
    expect(citizenFacing).toBeLessThan(people * 0.6);
  });

  it('has three years of history and about 3% disciplined in the year', async () => {
    const years = await db.sql.query<{ year: number }>(
      `SELECT DISTINCT year FROM "RatingHistory" ORDER BY year`,
    );
    expect(years.map((row) => row.year)).toEqual([2023, 2024, 2025]);
    const disciplined = summary.province.people.filter((person) => person.disciplined).length;
    expect(
      await count(
        `SELECT count(DISTINCT "personId")::int AS n FROM "DisciplineDecision" WHERE "actYear" = 2026`,
      ),
    ).toBe(disciplined);
    const large = buildProvince({ people: 20_000 });
    const share = large.people.filter((person) => person.disciplined).length / large.people.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.04);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const first = provinceTables(buildProvince({ people: 50 }), { passwordHash: 'x' });
    const second = provinceTables(buildProvince({ people: 50 }), { passwordHash: 'x' });
    const other = provinceTables(buildProvince({ people: 50, seed: 7 }), { passwordHash: 'x' });
    const rowsOf = (tables: typeof first, name: string) =>
      JSON.stringify([...(tables.find((table) => table.table === name)?.rows() ?? [])]);
    for (const name of ['Person', 'Task', 'CitizenVote', 'Infraction']) {
      expect(rowsOf(first, name)).toBe(rowsOf(second, name));
      expect(rowsOf(first, name)).not.toBe(rowsOf(other, name));
    }
  });

  it('checkpoints after every COPY into PGlite, so the WAL never reaches the size at which PGlite hangs', async () => {
    if (!db.pglite) throw new Error('expected PGlite');
    const lsn = async (sql: string) => (await db.sql.query<{ lsn: string }>(sql))[0]?.lsn ?? '';
    const before = await lsn('SELECT pg_current_wal_lsn()::text AS lsn');
    await pgliteCopier(db.pglite).copy(
      'EmulationBlock',
      ['id', 'code', 'name'],
      'wal-test,WAL-TEST,WAL test\n',
    );
    const redo = await lsn('SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()');
    const [row] = await db.sql.query<{ after: boolean }>(`SELECT $1::pg_lsn > $2::pg_lsn AS after`, [
      redo,
      before,
    ]);
    expect(row?.after).toBe(true);
    await db.sql.exec(`DELETE FROM "EmulationBlock" WHERE id = 'wal-test'`);
  });

  it('lets the bench admin log in: an argon2 hash of the documented password', async () => {
    const [user] = await db.sql.query<{ passwordHash: string; role: string }>(
      `SELECT "passwordHash", role::text FROM "User" WHERE username = 'bench-admin'`,
    );
    expect(user?.role).toBe('ADMIN');
    expect(user?.passwordHash.startsWith('$argon2')).toBe(true);
  });
});
