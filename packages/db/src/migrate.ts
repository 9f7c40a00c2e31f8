// Applies prisma/migrations/*/migration.sql in name order and records them in
// `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate
// status` and `prisma migrate deploy` agree with this runner wherever Prisma's
// native schema engine is available (it is not needed here).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database, SqlRunner } from './client.ts';
import { findRepoRoot } from './client.ts';

/** Prisma Migrate's advisory lock key: holding it also keeps `prisma migrate deploy` out. */
export const migrationLockKey = 72707369;

/** Prisma Migrate's bookkeeping table, column for column. */
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = {
  /** folder name, e.g. 20261122230000_init */
  name: string;
  file: string;
  sql: string;
  /** sha-256 of the file's bytes, hex: the checksum Prisma Migrate records */
  checksum: string;
};

export type MigrateOptions = {
  /** default: prisma/migrations at the repository root */
  migrationsDir?: string;
  log?: (message: string) => void;
};

export type MigrateResult = {
  /** names of the migrations applied by this call, in order */
  applied: string[];
  /** migrations that were already applied before this call */
  alreadyApplied: number;
};

export type MigrationProblemCode =
  | 'CHECKSUM_MISMATCH'
  | 'MISSING_FILE'
  | 'UNFINISHED'
  | 'NOT_EMPTY'
  | 'FAILED';

/** The runner refused to start, or a migration failed (and was rolled back). */
export class MigrationError extends Error {
  readonly code: MigrationProblemCode;
  readonly migration: string | undefined;
  constructor(code: MigrationProblemCode, message: string, migration?: string) {
    super(message);
    this.name = 'MigrationError';
    this.code = code;
    this.migration = migration;
  }
}

type AppliedRow = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | string | null;
  started_at: Date | string;
};

export function defaultMigrationsDir(): string {
  return path.join(findRepoRoot(), 'prisma', 'migrations');
}

export function checksumOf(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** The migrations on disk, in the order they apply. */
export function readMigrationFiles(migrationsDir = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  if (existsSync(lock)) {
    const provider = /provider\s*=\s*"([^"]+)"/.exec(readFileSync(lock, 'utf8'))?.[1];
    if (provider && provider !== 'postgresql') {
      throw new MigrationError('FAILED', `${lock} is for provider "${provider}", not "postgresql"`);
    }
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      const bytes = readFileSync(file);
      return { name, file, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) };
    });
}

/** Prisma accepts a file whose line endings were changed by git (CRLF ↔ LF); so do we. */
function sameChecksum(file: MigrationFile, recorded: string): boolean {
  if (file.checksum === recorded) return true;
  return (
    checksumOf(file.sql.replaceAll('\r\n', '\n')) === recorded ||
    checksumOf(file.sql.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')) === recorded
  );
}

/** Problems that make it unsafe to apply anything; one line each. */
function findProblems(files: MigrationFile[], rows: AppliedRow[], migrationsDir: string): MigrationError[] {
  const problems: MigrationError[] = [];
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of rows) {
    const file = byName.get(row.migration_name);
    if (row.finished_at === null) {
      problems.push(
        new MigrationError(
          'UNFINISHED',
          `migration ${row.migration_name} was started on ${String(row.started_at)} and never finished ` +
            '(recorded by another tool). Repair the database by hand, then mark the row rolled back ' +
            `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${row.id}').`,
          row.migration_name,
        ),
      );
    } else if (!file) {
      problems.push(
        new MigrationError(
          'MISSING_FILE',
          `migration ${row.migration_name} is applied to this database but ${path.join(migrationsDir, row.migration_name, 'migration.sql')} ` +
            'does not exist. Restore it from version control (applied migrations are never deleted), ' +
            'or point the runner at the right database.',
          row.migration_name,
        ),
      );
    } else if (!sameChecksum(file, row.checksum)) {
      problems.push(
        new MigrationError(
          'CHECKSUM_MISMATCH',
          `migration ${row.migration_name} was edited after it was applied (recorded checksum ${row.checksum.slice(0, 12)}…, ` +
            `file ${file.checksum.slice(0, 12)}…). Applied migrations must not change: restore ${file.file} ` +
            'and put the change in a new migration.',
          row.migration_name,
        ),
      );
    }
  }
  return problems;
}

function refuse(problems: MigrationError[]): never {
  const [first] = problems;
  if (problems.length === 1 && first) throw first;
  throw new MigrationError(
    first?.code ?? 'FAILED',
    `the database cannot be migrated:\n${problems.map((p) => `- ${p.message}`).join('\n')}`,
    first?.migration,
  );
}

async function lockAndRead(tx: SqlRunner): Promise<AppliedRow[]> {
  // Transaction-scoped: released by COMMIT/ROLLBACK, so a crashed process never leaves it behind.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
  await tx.exec(createMigrationsTable);
  return tx.query<AppliedRow>(
    `SELECT id, checksum, migration_name, finished_at, started_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
}

async function userTables(tx: SqlRunner): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     ORDER BY 1 LIMIT 5`,
  );
  return rows.map((r) => r.name);
}

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  problems: string[];
};

/** What `migrate` would do, without doing it. */
export async function migrationStatus(db: Database, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const files = readMigrationFiles(migrationsDir);
  return db.sql.transaction(async (tx) => {
    const rows = await lockAndRead(tx);
    const applied = new Set(rows.map((r) => r.migration_name));
    return {
      applied: rows.map((r) => r.migration_name),
      pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name),
      problems: findProblems(files, rows, migrationsDir).map((p) => p.message),
    };
  });
}

/**
 * Applies the pending migrations in name order, each in its own transaction together with its
 * `_prisma_migrations` row. Refuses to apply anything when an applied migration was edited or
 * deleted. Safe to call from several processes at once: every step holds Prisma's advisory lock
 * and re-reads what is applied, so each migration runs exactly once.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const log = options.log ?? (() => undefined);
  const files = readMigrationFiles(migrationsDir);
  const applied: string[] = [];
  let alreadyApplied = 0;
  let first = true;

  for (;;) {
    const outcome = await db.sql
      .transaction(async (tx) => {
        const rows = await lockAndRead(tx);
        const problems = findProblems(files, rows, migrationsDir);
        if (problems.length > 0) refuse(problems);
        const done = new Set(rows.map((r) => r.migration_name));
        if (first) {
          alreadyApplied = done.size;
          first = false;
          if (done.size === 0 && files.length > 0) {
            const tables = await userTables(tx);
            if (tables.length > 0) {
              throw new MigrationError(
                'NOT_EMPTY',
                `the database already has tables (${tables.join(', ')}…) but no migration history; ` +
                  'migrate an empty database, or record the existing state as applied (baseline) first.',
              );
            }
          }
        }
        const next = files.find((f) => !done.has(f.name));
        if (!next) return null;
        log(`applying migration ${next.name}`);
        const id = randomUUID();
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, clock_timestamp(), 0)`,
          [id, next.checksum, next.name],
        );
        try {
          await tx.exec(next.sql);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(
            'FAILED',
            `migration ${next.name} failed and was rolled back: ${reason}`,
            next.name,
          );
        }
        await tx.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        return next.name;
      })
      .catch((error: unknown) => {
        if (error instanceof MigrationError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError('FAILED', `migration failed: ${reason}`);
      });
    if (outcome === null) break;
    applied.push(outcome);
  }
  log(
    applied.length === 0
      ? `database is up to date (${alreadyApplied} migration${alreadyApplied === 1 ? '' : 's'} applied)`
      : `applied ${applied.length} migration${applied.length === 1 ? '' : 's'}`,
  );
  return { applied, alreadyApplied };
}
