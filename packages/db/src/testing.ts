// Databases for tests: a migrated, empty database per call, on PGlite (in memory)
// or, when TEST_DATABASE_URL is set, on PostgreSQL (a fresh database, dropped on close).
//
//   import { createTestDatabase, testEngines } from '@cadre/db/testing';
//   describe.each(testEngines())('people on %s', (engine) => {
//     let db: Database;
//     beforeAll(async () => { db = await createTestDatabase({ engine }); });
//     afterAll(() => db.close());
//   });
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database, Engine } from './client.ts';
import { openPglite, openPostgres, redactUrl } from './client.ts';
import { defaultMigrationsDir, migrate, readMigrationFiles } from './migrate.ts';

export type CreateTestDatabaseOptions = {
  /** default 'pglite' */
  engine?: Engine;
  /** apply the migrations (default true); false gives an empty schema */
  migrate?: boolean;
  migrationsDir?: string;
  /** PostgreSQL server to create the database on; default TEST_DATABASE_URL */
  serverUrl?: string;
};

export type TestDatabase = Database & {
  /** connection string of the PostgreSQL test database (to open a second pool on it); null on PGlite */
  url: string | null;
};

/** The engines tests should run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

// ------------------------------------------------------------------ PGlite

/** Dumps of a freshly migrated PGlite cluster, per migrations folder (one per process). */
const templates = new Map<string, Promise<Blob>>();

function pgliteVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const manifest = path.join(path.dirname(entry), '..', 'package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function templateKey(migrationsDir: string | null): string {
  const hash = createHash('sha256');
  // a dump only loads into the PGlite release that wrote it
  hash.update(`pglite-template-v1 ${pgliteVersion()}\n`);
  if (migrationsDir) {
    for (const file of readMigrationFiles(migrationsDir)) hash.update(`${file.name} ${file.checksum}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** `migrationsDir` null: a dump of an empty cluster (initdb is the slow part of a new PGlite). */
async function buildTemplate(migrationsDir: string | null): Promise<Blob> {
  // Shared between test processes through a file named after the migrations' checksums.
  const cacheDir = path.join(tmpdir(), 'cadre-db-test-templates');
  const cacheFile = path.join(cacheDir, `${templateKey(migrationsDir)}.tar`);
  if (existsSync(cacheFile)) return new Blob([readFileSync(cacheFile)]);
  const db = await openPglite('memory://');
  try {
    if (migrationsDir) await migrate(db, { migrationsDir });
    const dump = await dumpPglite(db);
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cacheFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, cacheFile);
    return dump;
  } finally {
    await db.close();
  }
}

async function dumpPglite(db: Database): Promise<Blob> {
  if (!db.pglite) throw new Error('not a PGlite database');
  return db.pglite.dumpDataDir('none');
}

function template(migrationsDir: string | null, fresh = false): Promise<Blob> {
  const key = migrationsDir ?? '(empty)';
  let found = fresh ? undefined : templates.get(key);
  if (fresh)
    rmSync(path.join(tmpdir(), 'cadre-db-test-templates', `${templateKey(migrationsDir)}.tar`), {
      force: true,
    });
  if (!found) {
    found = buildTemplate(migrationsDir);
    templates.set(key, found);
    found.catch(() => templates.delete(key));
  }
  return found;
}

/** A PGlite cloned from a template; a damaged cached template is rebuilt once. */
async function openFromTemplate(migrationsDir: string | null): Promise<Database> {
  try {
    return await openPglite('memory://', { loadDataDir: await template(migrationsDir) });
  } catch {
    return openPglite('memory://', { loadDataDir: await template(migrationsDir, true) });
  }
}

async function createPgliteDatabase(options: CreateTestDatabaseOptions): Promise<TestDatabase> {
  if (options.migrate === false) return { ...(await openFromTemplate(null)), url: null };
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const db = await openFromTemplate(migrationsDir);
  // a template built by another process from the same files is trusted; check it anyway, it is cheap
  await migrate(db, { migrationsDir });
  return { ...db, url: null };
}

// ------------------------------------------------------------------ PostgreSQL

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, fn: (query: (sql: string) => Promise<unknown>) => Promise<T>) {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn((sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(options: CreateTestDatabaseOptions): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'engine "postgres" needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)',
    );
  const name = `cadre_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, (query) => query(`CREATE DATABASE "${name}"`));
  const drop = () => onServer(serverUrl, (query) => query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  let db: Database;
  try {
    db = await openPostgres(databaseUrl(serverUrl, name), 4);
  } catch (error) {
    await drop();
    throw error;
  }
  const close = db.close;
  const url = databaseUrl(serverUrl, name);
  const testDb: TestDatabase = {
    ...db,
    url,
    location: redactUrl(url),
    async close() {
      await close();
      await drop();
    },
  };
  if (options.migrate !== false) {
    try {
      await migrate(testDb, { migrationsDir: options.migrationsDir ?? defaultMigrationsDir() });
    } catch (error) {
      await testDb.close();
      throw error;
    }
  }
  return testDb;
}

/**
 * A migrated, empty database of its own: PGlite in memory (cloned from a migrated template,
 * fast), or a fresh PostgreSQL database on TEST_DATABASE_URL's server, dropped by `close()`.
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  return (options.engine ?? 'pglite') === 'postgres'
    ? createPostgresDatabase(options)
    : createPgliteDatabase(options);
}
