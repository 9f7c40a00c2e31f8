import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { openPostgres } from './client.ts';
import {
  checksumOf,
  defaultMigrationsDir,
  MigrationError,
  migrate,
  migrationStatus,
  readMigrationFiles,
} from './migrate.ts';
import { createTestDatabase, testEngines } from './testing.ts';

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A copy of the real migrations folder that a test may edit. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cadre-migrations-'));
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function emptyDatabase(engine: Database['engine']): Promise<Database> {
  const db = await createTestDatabase({ engine, migrate: false });
  cleanups.push(() => db.close());
  return db;
}

async function migrationRows(db: Database): Promise<MigrationRow[]> {
  return db.sql.query<MigrationRow>('SELECT * FROM "_prisma_migrations" ORDER BY started_at');
}

describe.each(testEngines())('migrate on %s', (engine) => {
  it('records each migration the way Prisma Migrate does, and a second run applies nothing', async () => {
    const db = await emptyDatabase(engine);
    const messages: string[] = [];
    const first = await migrate(db, { log: (m) => messages.push(m) });
    const files = readMigrationFiles();
    expect(first).toEqual({ applied: files.map((f) => f.name), alreadyApplied: 0 });
    expect(messages).toContain(`applying migration ${files[0]?.name}`);

    const rows = await migrationRows(db);
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      const file = files[i];
      expect(row.migration_name).toBe(file?.name);
      expect(row.checksum).toBe(checksumOf(readFileSync(file?.file ?? '')));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const columns = await db.sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ['id', 'character varying', 'NO'],
      ['checksum', 'character varying', 'NO'],
      ['finished_at', 'timestamp with time zone', 'YES'],
      ['migration_name', 'character varying', 'NO'],
      ['logs', 'text', 'YES'],
      ['rolled_back_at', 'timestamp with time zone', 'YES'],
      ['started_at', 'timestamp with time zone', 'NO'],
      ['applied_steps_count', 'integer', 'NO'],
    ]);

    const second = await migrate(db, { log: (m) => messages.push(m) });
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    expect(messages.at(-1)).toMatch(/up to date/);
    expect(await migrationRows(db)).toHaveLength(files.length);
    expect(await migrationStatus(db)).toEqual({
      applied: files.map((f) => f.name),
      pending: [],
      problems: [],
    });
  });

  it('refuses to start, with one clear message, when an applied migration was edited', async () => {
    const dir = copyOfMigrations();
    const db = await emptyDatabase(engine);
    await migrate(db, { migrationsDir: dir });
    const [first] = readMigrationFiles(dir);
    if (!first) throw new Error('no migrations');
    writeFileSync(first.file, `${first.sql}\n-- an innocent-looking edit\n`);
    addMigration(dir, '29990101000000_later', 'CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);');

    const error = await migrate(db, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'CHECKSUM_MISMATCH', migration: first.name });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^migration ${first.name} was edited after it was applied .*put the change in a new migration\\.$`,
      ),
    );
    // nothing was applied behind the refusal
    const later = await db.sql.query(`SELECT 1 FROM pg_class WHERE relname = 'Later'`);
    expect(later).toEqual([]);
  });

  it('accepts the same file with CRLF line endings (a Windows checkout)', async () => {
    const dir = copyOfMigrations();
    const db = await emptyDatabase(engine);
    await migrate(db, { migrationsDir: dir });
    for (const file of readMigrationFiles(dir)) writeFileSync(file.file, file.sql.replaceAll('\n', '\r\n'));
    await expect(migrate(db, { migrationsDir: dir })).resolves.toMatchObject({ applied: [] });
  });

  it('refuses to start when an applied migration’s folder is missing', async () => {
    const dir = copyOfMigrations();
    addMigration(dir, '29990101000000_later', 'CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);');
    const db = await emptyDatabase(engine);
    await migrate(db, { migrationsDir: dir });
    rmSync(path.join(dir, '29990101000000_later'), { recursive: true });
    await expect(migrate(db, { migrationsDir: dir })).rejects.toMatchObject({
      code: 'MISSING_FILE',
      message: expect.stringMatching(
        /^migration 29990101000000_later is applied to this database but .* does not exist/,
      ),
    });
  });

  it('rolls a failing migration back completely and applies it once fixed', async () => {
    const dir = copyOfMigrations();
    const bad = 'CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Later" VALUES (NULL);';
    addMigration(dir, '29990101000000_later', bad);
    const db = await emptyDatabase(engine);
    const error = await migrate(db, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FAILED', migration: '29990101000000_later' });
    expect((error as Error).message).toMatch(
      /^migration 29990101000000_later failed and was rolled back: .*null/,
    );
    expect(await db.sql.query(`SELECT 1 FROM pg_class WHERE relname = 'Later'`)).toEqual([]);
    expect((await migrationRows(db)).map((r) => r.migration_name)).toEqual(
      readMigrationFiles().map((f) => f.name),
    );

    addMigration(dir, '29990101000000_later', 'CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);');
    await expect(migrate(db, { migrationsDir: dir })).resolves.toMatchObject({
      applied: ['29990101000000_later'],
    });
  });

  it('refuses a database that has tables but no migration history', async () => {
    const db = await emptyDatabase(engine);
    await db.sql.exec('CREATE TABLE "Stray" ("id" TEXT PRIMARY KEY)');
    await expect(migrate(db)).rejects.toMatchObject({
      code: 'NOT_EMPTY',
      message: expect.stringContaining('Stray'),
    });
  });

  it('is harmless when started twice at once on the same database', async () => {
    const db = await emptyDatabase(engine);
    const results = await Promise.all([migrate(db), migrate(db)]);
    const files = readMigrationFiles();
    expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name));
    expect(await migrationRows(db)).toHaveLength(files.length);
  });
});

describe.runIf(testEngines().includes('postgres'))('migrate on postgres from two processes', () => {
  it('applies every migration exactly once when two pools start together', async () => {
    const dir = copyOfMigrations();
    for (let i = 1; i <= 5; i++) {
      addMigration(
        dir,
        `2999010100000${i}_step_${i}`,
        `CREATE TABLE "Step${i}" ("id" SERIAL PRIMARY KEY);\nSELECT pg_sleep(0.05);`,
      );
    }
    const first = await createTestDatabase({ engine: 'postgres', migrate: false });
    cleanups.push(() => first.close());
    if (!first.url) throw new Error('no url');
    const second = await openPostgres(first.url, 2);
    cleanups.push(() => second.close());

    const results = await Promise.all([
      migrate(first, { migrationsDir: dir }),
      migrate(second, { migrationsDir: dir }),
    ]);
    const files = readMigrationFiles(dir);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name));
    const rows = await migrationRows(first);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });
});
