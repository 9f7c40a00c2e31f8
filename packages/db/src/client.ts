import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool, PoolClient } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { webAssembly } from './wasm-api.ts';

export type Engine = 'pglite' | 'postgres';

/** Runs raw SQL on whichever engine backs the client (migrations, COPY-free bulk loads, backups). */
export type SqlRunner = {
  /** one or more statements, no parameters, no result */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
};

export type SqlDatabase = SqlRunner & {
  /** runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
};

export type Database = {
  engine: Engine;
  prisma: PrismaClient;
  sql: SqlDatabase;
  /** where the data lives: a folder (pglite, or 'memory://') or the URL without password */
  location: string;
  /** the embedded engine itself when engine is 'pglite' (dumps, backups) */
  pglite?: PGlite;
  /**
   * Receives NOTIFY messages of a channel (sent on commit by the database's triggers). `onState`
   * says false when the listening connection is lost (messages may have been missed) and true
   * once it listens again; a PostgreSQL listener reconnects by itself every few seconds.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type ListenHandlers = {
  onMessage(payload: string): void;
  onState?(listening: boolean): void;
};

export type OpenDatabaseOptions = {
  /** PostgreSQL connection string; when absent the embedded PGlite engine is used */
  databaseUrl?: string;
  /** PGlite data folder, or 'memory://' for a throw-away database; default: `.data` at the repository root */
  dataDir?: string;
  /** pool size for PostgreSQL */
  poolSize?: number;
};

export type OpenPgliteOptions = {
  /** start from a data-folder dump (PGlite `dumpDataDir`) instead of an empty cluster */
  loadDataDir?: Blob | File;
  /** checkpoint once this much WAL was written since the last checkpoint (default 256 MB) */
  checkpointAfterBytes?: number;
  /** how often that is looked at (default every 30 s) */
  checkpointCheckMs?: number;
};

// PGlite runs PostgreSQL without its checkpointer process. When the WAL written since the last
// checkpoint reaches max_wal_size / (1 + checkpoint_completion_target) — 528 MB with the default
// 1 GB — the backend asks for a checkpoint from inside its own WAL write and spins there forever
// (100% CPU in LWLockAcquire): an evaluation or import of a large province would never return.
// So the limit is raised far out of reach, and the process checkpoints by itself between
// transactions once enough WAL has piled up, which also keeps the folder's size bounded.
const pgliteMaxWalSize = '64GB';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: the nearest folder above this package whose package.json declares workspaces. */
export function findRepoRoot(start = here): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(here, '../../..');
    dir = parent;
  }
}

/**
 * A short write waits its turn instead of failing: under a burst (fifty officers deciding at once,
 * a run holding the embedded engine's one connection) a transaction may wait 10 s for a
 * connection (Prisma's default is 2 s, then an error the user can only retry) and run 20 s.
 * Long transactions (runs, imports) set their own.
 */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

/**
 * The PGlite data folder for a DATA_DIR value. Relative values are taken from the folder the user
 * ran the command in (npm's INIT_CWD: `npm -w` changes the working directory to the workspace);
 * no value means `.data` at the repository root.
 */
export function resolveDataDir(value = process.env.DATA_DIR): string {
  if (value?.startsWith('memory://')) return value;
  if (!value) return path.join(findRepoRoot(), '.data');
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.dataDir);
}

function pgliteRunner(target: PGlite | Transaction): SqlRunner {
  return {
    async exec(text) {
      await target.exec(text);
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await target.query<T>(text, params);
      return result.rows;
    },
  };
}

// Compiling PGlite's WASM takes a while; every instance in a process can share the compiled module.
let pgliteModules:
  | Promise<Pick<PGliteOptions, 'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle'> | null>
  | undefined;

async function sharedPgliteModules() {
  pgliteModules ??= (async () => {
    try {
      const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
      const wasm = path.join(dist, 'pglite.wasm');
      const initdb = path.join(dist, 'initdb.wasm');
      const data = path.join(dist, 'pglite.data');
      if (!existsSync(wasm) || !existsSync(data) || !existsSync(initdb)) return null;
      return {
        pgliteWasmModule: (await webAssembly.compile(
          readFileSync(wasm),
        )) as PGliteOptions['pgliteWasmModule'],
        initdbWasmModule: (await webAssembly.compile(
          readFileSync(initdb),
        )) as PGliteOptions['initdbWasmModule'],
        fsBundle: new Blob([readFileSync(data)]),
      };
    } catch {
      return null; // fall back to PGlite's own loading
    }
  })();
  return pgliteModules;
}

export async function openPglite(
  dataDir = resolveDataDir(),
  options: OpenPgliteOptions = {},
): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(await sharedPgliteModules()),
    dataDir: inMemory ? undefined : dataDir,
    extensions: { pg_trgm, unaccent },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `max_wal_size=${pgliteMaxWalSize}`],
  });
  const stopCheckpoints = checkpointPeriodically(
    pglite,
    options.checkpointAfterBytes ?? 256 * 1024 ** 2,
    options.checkpointCheckMs ?? 30_000,
  );
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
  const sql: SqlDatabase = {
    ...pgliteRunner(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(pgliteRunner(tx))),
  };
  return {
    engine: 'pglite',
    prisma,
    sql,
    location: inMemory ? 'memory://' : dataDir,
    pglite,
    async listen(channel, handlers) {
      // one process, one engine: notifications are never missed, only delivered after the commit
      const stop = await pglite.listen(channel, (payload) => handlers.onMessage(payload));
      handlers.onState?.(true);
      return stop;
    },
    async close() {
      stopCheckpoints();
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** CHECKPOINT whenever `bytes` of WAL were written since the last one (looked at every `everyMs`). */
function checkpointPeriodically(pglite: PGlite, bytes: number, everyMs: number): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy || pglite.closed) return;
    busy = true;
    pglite
      .query<{ pending: string }>(
        `SELECT (pg_current_wal_lsn() - (SELECT redo_lsn FROM pg_control_checkpoint()))::text AS pending`,
      )
      .then(async (result) => {
        if (Number(result.rows[0]?.pending ?? 0) >= bytes && !pglite.closed) await pglite.exec('CHECKPOINT');
      })
      .catch(() => undefined) // closing, or a failure the next look retries
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function postgresRunner(target: Pool | PoolClient): SqlRunner {
  return {
    async exec(text) {
      await target.query(text);
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await target.query(text, params);
      return result.rows as T[];
    },
  };
}

export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<Database> {
  const pg = await import('pg');
  const pool = new pg.default.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection that the server closes (restart, failover, a dropped database) must not
  // bring the process down: the pool replaces it on the next query.
  pool.on('error', (error) => {
    console.error(`Mất kết nối cơ sở dữ liệu / database connection lost: ${error.message}`);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
  const sql: SqlDatabase = {
    ...postgresRunner(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(postgresRunner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    engine: 'postgres',
    prisma,
    sql,
    location: redactUrl(databaseUrl),
    listen: (channel, handlers) => listenOnPostgres(pg.default.Client, databaseUrl, channel, handlers),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const relistenMs = 3000;

/** A connection of its own that LISTENs, and listens again after losing the server. */
async function listenOnPostgres(
  Client: typeof import('pg').Client,
  databaseUrl: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: import('pg').Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const retryLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect().catch(retryLater);
    }, relistenMs);
    retry.unref();
  };
  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onMessage(message.payload ?? '');
    });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === next) client = null;
      next.end().catch(() => undefined);
      if (stopped) return;
      handlers.onState?.(false);
      retryLater();
    };
    next.on('error', onLost);
    next.on('end', onLost);
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      lost = true;
      next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    handlers.onState?.(true);
  };
  await connect().catch(() => {
    // the server is not there yet: say so and keep trying, as after a lost connection
    handlers.onState?.(false);
    retryLater();
  });
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
