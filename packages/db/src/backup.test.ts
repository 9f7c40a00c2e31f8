import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, digestDatabase, restoreDatabase } from './backup.ts';
import { findRepoRoot, openPglite } from './client.ts';
import { defaultMigrationsDir } from './migrate.ts';
import { seedDemo } from './seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase, testEngines } from './testing.ts';

const work = mkdtempSync(path.join(tmpdir(), 'cadre-backup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Demo province plus audit entries with awkward values (Unicode, nulls, nested JSON). */
async function seedSource(db: TestDatabase): Promise<void> {
  await seedDemo(db, { password: 'demo' });
  for (let i = 1; i <= 30; i += 1) {
    await db.sql.query(
      `INSERT INTO "AuditLog" ("at", "actorName", "action", "entity", "entityId", "before", "after", "prevHash", "hash")
       VALUES (now() - ($1 || ' minutes')::interval, $2, 'person.update', 'Person', $3, $4::jsonb, NULL, $5, $6)`,
      [
        String(60 - i),
        i % 3 === 0 ? null : 'cán bộ "Đặng" \\ 😀',
        `p-${i}`,
        JSON.stringify({ score: i / 7, tags: ['á', null], deep: { a: [1.5e-7, -0, 1e21] } }),
        `prev-${i}`,
        `hash-${i}`,
      ],
    );
  }
}

const emptyDigest = (digests: Record<string, { count: number }>) =>
  Object.entries(digests).filter(([name, d]) => d.count > 0 && name !== 'PolicyPack');

describe.each(testEngines())('backup and restore on %s', (engine) => {
  let source: TestDatabase;
  let file: string;
  let before: Awaited<ReturnType<typeof digestDatabase>>;
  beforeAll(async () => {
    source = await createTestDatabase({ engine });
    await seedSource(source);
    file = path.join(work, `${engine}.cadre-backup.gz`);
    before = await digestDatabase(source);
  });
  afterAll(() => source.close());

  it('a backup restored into a fresh database has every table with the same rows and checksum', async () => {
    const summary = await backupDatabase(source, file);
    expect(summary.rows).toBeGreaterThan(5000);
    expect(summary.tables).toEqual(before);
    const target = await createTestDatabase({ engine, migrate: false });
    try {
      const restored = await restoreDatabase(target, file);
      expect(restored.tables).toEqual(before);
      const after = await digestDatabase(target);
      expect(after).toEqual(before);
      expect(after.Person?.count).toBe(600);
      expect(after.AuditLog?.count).toBe(30);
      // the audit id sequence continues after the restored rows
      const [next] = await target.sql.query<{ id: string }>(
        `INSERT INTO "AuditLog" ("action", "entity", "prevHash", "hash") VALUES ('x', 'y', 'p', 'h-new') RETURNING id::text`,
      );
      expect(next?.id).toBe('31');
      // and the app can log in: the Prisma client reads restored rows
      expect(await target.prisma.user.count({ where: { username: 'admin' } })).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('restore refuses a database that already holds data unless --force, and then replaces it whole', async () => {
    const target = await createTestDatabase({ engine });
    try {
      await seedDemo(target, { password: 'other', seed: 99 });
      await target.sql.query(
        `INSERT INTO "AuditLog" ("action", "entity", "prevHash", "hash") VALUES ('x', 'y', 'p', 'h-old')`,
      );
      const occupied = await digestDatabase(target);
      await expect(restoreDatabase(target, file)).rejects.toThrow(/already holds data .*--force/);
      expect(await digestDatabase(target)).toEqual(occupied);
      await restoreDatabase(target, file, { force: true });
      expect(await digestDatabase(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('restore refuses a backup whose migration history is not this build’s, touching nothing', async () => {
    const migrationsDir = path.join(work, `migrations-${engine}`);
    cpSync(defaultMigrationsDir(), migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, '20991231000000_later'));
    writeFileSync(path.join(migrationsDir, '20991231000000_later', 'migration.sql'), 'SELECT 1;\n');
    const target = await createTestDatabase({ engine, migrate: false });
    try {
      const error = await restoreDatabase(target, file, { migrationsDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(/not in the backup: 20991231000000_later/);
      const tables = await target.sql.query('SELECT 1 FROM pg_tables WHERE schemaname = current_schema()');
      expect(tables).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it('a truncated or damaged backup restores nothing at all', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const truncated = path.join(work, `${engine}-truncated.gz`);
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    // a row whose unit does not exist: the foreign key refuses it halfway through the load
    const damaged = path.join(work, `${engine}-damaged.gz`);
    const personBatch = lines.findIndex((line) => line.startsWith('{"table":"Person"'));
    const broken = lines.map((line, i) =>
      i === personBatch + 1 ? line.replace(/"unitId": "[^"]+"/, '"unitId": "nowhere"') : line,
    );
    writeFileSync(damaged, gzipSync(`${broken.join('\n')}\n`));
    for (const bad of [truncated, damaged]) {
      const target = await createTestDatabase({ engine });
      try {
        await expect(restoreDatabase(target, bad)).rejects.toThrow();
        expect(emptyDigest(await digestDatabase(target))).toEqual([]);
        // the policy packs the migration put there are still there
        expect(await target.prisma.policyPack.count()).toBeGreaterThan(0);
      } finally {
        await target.close();
      }
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('moving from the embedded engine to PostgreSQL', () => {
  it('a PGlite backup restores into PostgreSQL with identical tables', async () => {
    const source = await createTestDatabase({ engine: 'pglite' });
    const target = await createTestDatabase({ engine: 'postgres', migrate: false });
    try {
      await seedSource(source);
      const file = path.join(work, 'cross.gz');
      await backupDatabase(source, file);
      await restoreDatabase(target, file);
      expect(await digestDatabase(target)).toEqual(await digestDatabase(source));
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe('npm run backup / npm run restore', () => {
  const root = findRepoRoot();
  const cli = (args: string[], dataDir: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'packages/db/src/backup-cli.ts'), ...args],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', INIT_CWD: work },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );

  it('backs up a data folder and restores it into an empty one; a second restore is refused (exit 1)', async () => {
    const from = path.join(work, 'cli-from');
    const into = path.join(work, 'cli-into');
    const db = await openPglite(from);
    const { migrate } = await import('./migrate.ts');
    await migrate(db);
    // a small province: the full demo round trip is tested above, this is about the commands
    await db.sql.exec(`
      INSERT INTO "Unit" ("id", "code", "name", "searchName", "kind", "updatedAt") VALUES
        ('u1', 'T', 'UBND tỉnh', 'ubnd tinh', 'PROVINCE', now());
      INSERT INTO "Unit" ("id", "code", "name", "searchName", "kind", "parentId", "updatedAt") VALUES
        ('u2', 'S', 'Sở Nội vụ', 'so noi vu', 'DEPARTMENT', 'u1', now());
      INSERT INTO "AuditLog" ("action", "entity", "prevHash", "hash") VALUES ('a', 'Unit', 'p', 'h1'), ('b', 'Unit', 'h1', 'h2');`);
    const expected = await digestDatabase(db);
    await db.close();

    const backup = cli(['backup', 'cli.gz'], from);
    expect(backup.stdout).toMatch(/wrote \d+ rows in \d+ tables/);
    expect(backup.status).toBe(0);
    const restore = cli(['restore', 'cli.gz'], into);
    expect(restore.stdout).toMatch(/restored and verified \d+ rows/);
    expect(restore.status).toBe(0);
    const again = cli(['restore', 'cli.gz'], into);
    expect(again.stderr).toMatch(/already holds data/);
    expect(again.stderr).toMatch(/nothing was changed/);
    expect(again.status).toBe(1);
    const check = await openPglite(into);
    try {
      expect(await digestDatabase(check)).toEqual(expected);
    } finally {
      await check.close();
    }
  });
});
