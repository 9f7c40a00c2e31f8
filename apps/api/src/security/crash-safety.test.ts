// kill -9 in the middle of an evaluation run, an import and a migration, then reopen: the data is
// as before the operation (nothing half-written), and running the operation again gives the
// complete result, the same every time. On PostgreSQL (TEST_DATABASE_URL) and on a PGlite folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Database,
  demoCycleYear,
  type Engine,
  migrate,
  migrationStatus,
  openPglite,
  seedDemo,
} from '@cadre/db';
import { createTestDatabase, testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { verifyAudit } from '../domains/audit/services/verify-audit.ts';
import { demoPassword } from './demo-app.ts';

export const faults = { injected: 0 };
const work = mkdtempSync(path.join(tmpdir(), 'cadre-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Target = {
  env: Record<string, string>;
  open(): Promise<Database>;
  done(db: Database): Promise<void>;
  drop(): Promise<void>;
};

/** A database the child can open while we are not holding it (PGlite is single-process). */
async function createTarget(
  engine: Engine,
  name: string,
  prepare: (db: Database) => Promise<void>,
): Promise<Target> {
  if (engine === 'postgres') {
    const db = await createTestDatabase({ engine, migrate: false });
    await prepare(db);
    return {
      env: { CRASH_DATABASE_URL: db.url ?? '' },
      open: async () => db,
      done: async () => undefined,
      drop: () => db.close(),
    };
  }
  const dir = path.join(work, name);
  const db = await openPglite(dir);
  await prepare(db);
  await db.close();
  return {
    env: { CRASH_DATA_DIR: dir, CRASH_DATABASE_URL: '' },
    open: () => openPglite(dir),
    done: (opened) => opened.close(),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

type ChildResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function runChild(
  mode: string,
  env: Record<string, string>,
  killWhen?: { line: RegExp; afterMs: number },
): Promise<ChildResult> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/security/crash-child.ts'), mode],
    { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'test', CRASH_PASSWORD: demoPassword, ...env } },
  );
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killWhen?.line.test(stdout) && !child.killed) {
        const delay = killWhen.afterMs;
        killWhen = undefined;
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        timer.unref();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function resultsDigest(db: Database, cycleId: string) {
  const [row] = await db.sql.query<{ n: number; digest: string | null }>(
    `SELECT count(*)::int AS n, md5(string_agg("personId" || ':' || "score" || ':' || "engineRating" || ':' || "finalRating", ',' ORDER BY "personId")) AS digest
     FROM "EvaluationResult" WHERE "cycleId" = $1`,
    [cycleId],
  );
  return { count: row?.n ?? 0, digest: row?.digest ?? null };
}

describe.each(testEngines())('crash safety on %s', (engine) => {
  let target: Target;
  let cycleId = '';
  beforeAll(async () => {
    target = await createTarget(engine, 'evaluation', async (db) => {
      await migrate(db);
      await seedDemo(db, { password: demoPassword });
      cycleId = (await db.prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } })).id;
    });
  }, 240_000);
  afterAll(() => target?.drop());

  it('an evaluation run killed half-way leaves the previous results whole; the next process carries the same run out, and re-running gives the same results', async () => {
    const env = { ...target.env, CRASH_CYCLE_ID: cycleId };
    const first = await runChild('evaluation', env);
    expect(first.stdout, first.stderr).toMatch(/RunEvaluationSuccess/);
    let db = await target.open();
    const before = await resultsDigest(db, cycleId);
    expect(before.count).toBeGreaterThan(500);
    // new evidence, so a completed run would change every score
    await db.sql.exec(`UPDATE "Task" SET "majorErrors" = "majorErrors" + 3`);
    await target.done(db);

    const killed = await runChild('evaluation', { ...env, CRASH_ON: 'EvaluationResult' });
    faults.injected += 1;
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.stdout).toMatch(/KILLING mid-way/);

    db = await target.open();
    expect(await resultsDigest(db, cycleId), 'the results are the previous run’s, all of them').toEqual(
      before,
    );
    // the killed run is still RUNNING, its job taken by a worker that is gone: the next process's
    // queue takes the job back and carries the same run out
    const orphan = await db.prisma.evaluationRun.findFirst({ where: { cycleId, status: 'RUNNING' } });
    expect(orphan).not.toBeNull();
    await target.done(db);

    const resumed = await runChild('resume', env);
    expect(resumed.stdout, resumed.stderr).toContain(`{"id":"${orphan?.id}","status":"SUCCEEDED"}`);
    db = await target.open();
    const after = await resultsDigest(db, cycleId);
    expect(after.count).toBe(before.count);
    expect(after.digest).not.toBe(before.digest);
    await target.done(db);
    const once = await runChild('evaluation', env);
    expect(once.stdout).toMatch(/RunEvaluationSuccess/);
    db = await target.open();
    expect(await resultsDigest(db, cycleId), 'a re-run gives the same results').toEqual(after);
    expect(await db.prisma.evaluationRun.count({ where: { cycleId, status: 'FAILED' } })).toBe(0);
    expect(await db.prisma.evaluationRun.count({ where: { cycleId, status: 'RUNNING' } })).toBe(0);
    expect((await verifyAudit({ prisma: db.prisma })).intact).toBe(true);
    await target.done(db);
  }, 300_000);

  it('an import killed half-way writes no row; the next process carries its job out and imports all of it once, and the same file uploaded again adds nothing', async () => {
    let db = await target.open();
    const people = await db.prisma.person.findMany({
      select: { code: true },
      take: 50,
      orderBy: { code: 'asc' },
    });
    const before = await db.prisma.task.count();
    await target.done(db);
    const rows = 3000;
    const file = path.join(work, `tasks-${engine}.csv`);
    const lines = ['Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Hạn hoàn thành'];
    for (let i = 0; i < rows; i += 1)
      lines.push(`CRASH-${i},${people[i % people.length]?.code},Việc ${i},30/06/2026`);
    writeFileSync(file, lines.join('\n'));
    const env = { ...target.env, CRASH_CYCLE_ID: cycleId, CRASH_IMPORT_FILE: file };

    const killed = await runChild('import', { ...env, CRASH_ON: 'Task' });
    faults.injected += 1;
    expect(killed.signal, killed.stdout + killed.stderr).toBe('SIGKILL');
    db = await target.open();
    expect(await db.prisma.task.count()).toBe(before);
    expect(await db.prisma.task.count({ where: { code: { startsWith: 'CRASH-' } } })).toBe(0);
    expect(await db.prisma.importBatch.count({ where: { status: 'APPLIED' } })).toBe(0);
    // the killed import's batch is unfinished, its file kept and its job taken by a worker that is gone
    const orphan = await db.prisma.importBatch.findFirst({
      where: { status: { in: ['QUEUED', 'VALIDATING'] } },
    });
    expect(orphan).not.toBeNull();
    expect(await db.prisma.importFile.count({ where: { batchId: orphan?.id } })).toBe(1);
    await target.done(db);

    // the next process's queue takes the job back and carries the same batch out
    const resumed = await runChild('resume', env);
    expect(resumed.stdout, resumed.stderr).toContain(`{"id":"${orphan?.id}","status":"APPLIED"}`);
    db = await target.open();
    expect(await db.prisma.task.count()).toBe(before + rows);
    expect(await db.prisma.importFile.count()).toBe(0);
    await target.done(db);

    // the same file again: every row is there already, so nothing more is written
    const again = await runChild('import', env);
    expect(again.stdout, again.stderr).toMatch(/RESULT 422 .*"FAILED"/);
    db = await target.open();
    expect(await db.prisma.task.count()).toBe(before + rows);
    expect(await db.prisma.importBatch.count({ where: { status: 'APPLIED' } })).toBe(1);
    expect((await verifyAudit({ prisma: db.prisma })).intact).toBe(true);
    await target.done(db);
  }, 300_000);

  it('a migration killed half-way is neither applied nor recorded; the next start applies it once', async () => {
    const migrationsDir = path.join(work, `migrations-${engine}`);
    cpSync(path.join(repoRoot, 'prisma', 'migrations'), migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, '20991231000000_crash_probe'));
    writeFileSync(
      path.join(migrationsDir, '20991231000000_crash_probe', 'migration.sql'),
      `CREATE TABLE "CrashProbe" ("id" INTEGER NOT NULL);\nINSERT INTO "CrashProbe" VALUES (1);\nSELECT pg_sleep(4);\nINSERT INTO "CrashProbe" VALUES (2);\n`,
    );
    const probe = await createTarget(engine, 'migration', async (db) => {
      await migrate(db);
    });
    try {
      const env = { ...probe.env, CRASH_MIGRATIONS_DIR: migrationsDir };
      const killed = await runChild('migration', env, {
        line: /applying migration 20991231000000_crash_probe/,
        afterMs: 800,
      });
      faults.injected += 1;
      expect(killed.signal, killed.stdout + killed.stderr).toBe('SIGKILL');
      let db = await probe.open();
      const table = await db.sql.query(`SELECT to_regclass('"CrashProbe"') AS t`);
      expect(table[0]).toEqual({ t: null });
      const status = await migrationStatus(db, { migrationsDir });
      expect(JSON.stringify(status)).toContain('20991231000000_crash_probe');
      const recorded = await db.sql.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20991231000000_crash_probe'`,
      );
      expect(recorded).toHaveLength(0);
      await probe.done(db);

      const again = await runChild('migration', env);
      expect(again.stdout, again.stderr).toMatch(/DONE/);
      const twice = await runChild('migration', env);
      expect(twice.stdout).not.toMatch(/applying migration/);
      db = await probe.open();
      expect(await db.sql.query(`SELECT "id" FROM "CrashProbe" ORDER BY "id"`)).toEqual([
        { id: 1 },
        { id: 2 },
      ]);
      expect(
        await db.sql.query(
          `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20991231000000_crash_probe'`,
        ),
      ).toHaveLength(1);
      await probe.done(db);
    } finally {
      await probe.drop();
    }
  }, 300_000);

  afterAll(() => console.info(`[crash safety ${engine}] faults injected so far: ${faults.injected}`));
});
