// The database a bench runs against: a PGlite folder under bench/.out, or a PostgreSQL database
// (BENCH_DATABASE_URL, or a fresh cadre_bench_* database on the local server, dropped afterwards),
// migrated and loaded with the generated province, or reused when it already holds that province.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, migrate, openPglite, openPostgres, redactUrl } from '@cadre/db';
import pg from 'pg';
import { type BulkCopier, pgliteCopier, postgresCopier } from '../generate/bulk-copy.ts';
import { type LoadSummary, loadProvince } from '../generate/load-province.ts';
import { buildProvince, defaultSeed, type PeriodKind, type Province } from '../generate/province.ts';
import type { EngineName } from './options.ts';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(benchDir, '.out');
export const localServerUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = {
  engine: EngineName;
  /** where the data lives, for the report */
  location: string;
  /** environment for the API server process: DATABASE_URL or DATA_DIR */
  serverEnv: Record<string, string>;
  province: Province;
  /** null when an already loaded database was reused */
  load: LoadSummary | null;
  /** opens a handle (PGlite: one process at a time, so close it before starting the server) */
  open(): Promise<Database>;
  /** drops a database created for this run; a kept one stays */
  dispose(): Promise<void>;
};

export async function postgresAnswers(url = localServerUrl): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Whether the database already holds this exact province (same seed and size). */
async function holdsProvince(db: Database, province: Province): Promise<boolean> {
  try {
    const [cycle] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Cycle" WHERE id = $1 AND "periodKind"::text = $2`,
      [province.cycleId, province.periodKind],
    );
    const [people] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Person" WHERE code LIKE 'CB%'`,
    );
    return cycle?.n === 1 && people?.n === province.people.length;
  } catch {
    return false;
  }
}

async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Unit"`);
  return row?.n === 0;
}

async function migrateAndLoad(options: {
  db: Database;
  copier: () => Promise<BulkCopier>;
  people: number;
  seed: number;
  periodKind: PeriodKind;
  log: (line: string) => void;
}): Promise<LoadSummary> {
  const started = performance.now();
  await migrate(options.db);
  options.log(`  migrations applied in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  const copier = await options.copier();
  try {
    return await loadProvince({
      people: options.people,
      seed: options.seed,
      periodKind: options.periodKind,
      copier,
      log: options.log,
    });
  } finally {
    await copier.close();
  }
}

export async function prepareBenchDatabase(options: {
  engine: EngineName;
  people: number;
  seed?: number;
  /** default QUARTER */
  periodKind?: PeriodKind;
  reuse: boolean;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const seed = options.seed ?? defaultSeed;
  const periodKind = options.periodKind ?? 'QUARTER';
  const province = buildProvince({ people: options.people, seed, periodKind });
  // a reused database must hold the same tracking (the cycle's period kind is checked too)
  const key = `${options.people}-${seed}${periodKind === 'QUARTER' ? '' : `-${periodKind.toLowerCase()}`}`;
  const { log } = options;

  if (options.engine === 'pglite') {
    const dataDir = path.join(outDir, `pglite-${key}`);
    let load: LoadSummary | null = null;
    let reused = false;
    if (options.reuse && existsSync(dataDir)) {
      const db = await openPglite(dataDir);
      try {
        reused = await holdsProvince(db, province);
      } finally {
        await db.close();
      }
    }
    if (!reused) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      log(`Loading ${options.people} people into PGlite (${path.relative(process.cwd(), dataDir)})`);
      const db = await openPglite(dataDir);
      try {
        const pglite = db.pglite;
        if (!pglite) throw new Error('PGlite handle missing');
        load = await migrateAndLoad({
          db,
          copier: async () => pgliteCopier(pglite),
          people: options.people,
          seed,
          periodKind,
          log,
        });
      } finally {
        await db.close();
      }
    } else {
      log(`Reusing the PGlite province in ${dataDir}`);
    }
    return {
      engine: 'pglite',
      location: dataDir,
      serverEnv: { DATA_DIR: dataDir },
      province,
      load,
      open: () => openPglite(dataDir),
      async dispose() {
        if (!options.reuse) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  // PostgreSQL
  const given = process.env.BENCH_DATABASE_URL?.trim() || undefined;
  let url: string;
  let created = false;
  if (given) {
    url = given;
  } else {
    const name = options.reuse
      ? `cadre_bench_${key.replaceAll('-', '_')}`
      : `cadre_bench_${options.people}_${Date.now().toString(36)}`;
    url = withDatabase(localServerUrl, name);
    if (!options.reuse || !(await postgresAnswers(url))) {
      await onServer(localServerUrl, `CREATE DATABASE "${name}"`);
    }
    // a database made for --reuse is kept for the next run; any other is dropped afterwards
    created = !options.reuse;
  }
  const dropIfCreated = async () => {
    if (!created) return;
    const name = new URL(url).pathname.slice(1);
    await onServer(localServerUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  let load: LoadSummary | null = null;
  const db = await openPostgres(url, 4);
  try {
    await migrate(db);
    if (await holdsProvince(db, province)) {
      log(`Reusing the PostgreSQL province in ${redactUrl(url)}`);
    } else if (await isEmpty(db)) {
      log(`Loading ${options.people} people into PostgreSQL (${redactUrl(url)})`);
      load = await migrateAndLoad({
        db,
        copier: () => postgresCopier(url),
        people: options.people,
        seed,
        periodKind,
        log,
      });
    } else {
      throw new Error(
        `${redactUrl(url)} holds other data: give BENCH_DATABASE_URL an empty database (or one loaded by the bench with this size and seed)`,
      );
    }
  } catch (error) {
    await db.close();
    await dropIfCreated();
    throw error;
  }
  await db.close();
  return {
    engine: 'postgres',
    location: redactUrl(url),
    serverEnv: { DATABASE_URL: url },
    province,
    load,
    open: () => openPostgres(url, 10),
    dispose: dropIfCreated,
  };
}
