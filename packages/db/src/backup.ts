// Logical backups that restore on either engine (PGlite ↔ PostgreSQL): one gzipped JSON-lines file
// holding the migration history, every table's rows in foreign-key order (as PostgreSQL's own
// `to_jsonb` text, never re-serialised), and each table's row count and sha-256.
//
// Backup reads one REPEATABLE READ snapshot, so it is consistent while the API keeps writing.
// Restore runs in one transaction: the target ends up exactly like the backup, or unchanged.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, SqlRunner } from './client.ts';
import { defaultMigrationsDir, migrate, readMigrationFiles } from './migrate.ts';

export const backupFormat = 'cadre-backup';
export const backupFormatVersion = 1;

/** Rows fetched (and written as one line) at a time. */
const batchRows = 2000;

export type TableDigest = { count: number; sha256: string };

export type BackupHeader = {
  format: typeof backupFormat;
  version: typeof backupFormatVersion;
  createdAt: string;
  engine: Database['engine'];
  migrations: { name: string; checksum: string }[];
  tables: string[];
};

export type BackupSummary = { file: string; tables: Record<string, TableDigest>; rows: number };

export type RestoreOptions = {
  /** replace the target's data (otherwise a target holding data is refused) */
  force?: boolean;
  migrationsDir?: string;
  log?: (message: string) => void;
};

/** Refused before anything was changed: one line for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Tables that migrations fill themselves: their rows do not make a database "not empty". */
const migrationSeededTables = new Set(['PolicyPack']);
const historyTable = '_prisma_migrations';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type TableInfo = {
  name: string;
  /** insertable columns (generated ones left out) */
  columns: string[];
  primaryKey: string[];
  /** nullable columns referencing the same table: loaded null, then set once every row exists */
  selfReferences: string[];
  /** columns filled from a sequence, re-aligned after a restore */
  sequences: { column: string; sequence: string }[];
};

/** The application's tables in an order where every table comes after the ones it references. */
export async function listTables(sql: SqlRunner): Promise<TableInfo[]> {
  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [historyTable],
  );
  const columns = await sql.query<{ table: string; column: string; nullable: boolean; def: string | null }>(
    `SELECT c.relname AS table, a.attname AS column, NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS def
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  );
  const constraints = await sql.query<{
    table: string;
    kind: string;
    target: string | null;
    columns: string[];
  }>(
    `SELECT c.relname AS table, k.contype::text AS kind, t.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i) AS columns
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class t ON t.oid = k.confrelid
     WHERE n.nspname = current_schema() AND k.contype IN ('p', 'f')`,
  );
  const infos = new Map<string, TableInfo>();
  const dependsOn = new Map<string, Set<string>>();
  for (const { name } of tables) {
    infos.set(name, { name, columns: [], primaryKey: [], selfReferences: [], sequences: [] });
    dependsOn.set(name, new Set());
  }
  for (const column of columns) {
    const info = infos.get(column.table);
    if (!info) continue;
    info.columns.push(column.column);
    const sequence = column.def && /^nextval\('(.+)'::regclass\)$/.exec(column.def)?.[1];
    if (sequence) info.sequences.push({ column: column.column, sequence });
  }
  const nullable = new Set(columns.filter((c) => c.nullable).map((c) => `${c.table}.${c.column}`));
  for (const constraint of constraints) {
    const info = infos.get(constraint.table);
    if (!info) continue;
    if (constraint.kind === 'p') info.primaryKey = constraint.columns;
    else if (constraint.target === constraint.table) {
      if (!constraint.columns.every((column) => nullable.has(`${info.name}.${column}`))) {
        throw new BackupError(`table ${info.name} references itself through a required column`);
      }
      info.selfReferences.push(...constraint.columns);
    } else if (constraint.target) dependsOn.get(constraint.table)?.add(constraint.target);
  }
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new BackupError(`foreign keys form a cycle: ${[...trail, name].join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const target of [...(dependsOn.get(name) ?? [])].sort()) visit(target, [...trail, name]);
    state.set(name, 'done');
    const info = infos.get(name);
    if (info) ordered.push(info);
  };
  for (const name of infos.keys()) visit(name, []);
  return ordered;
}

function orderBy(table: TableInfo): string {
  return table.primaryKey.length > 0 ? table.primaryKey.map(quote).join(', ') : '1';
}

/** Every row of a table as PostgreSQL's jsonb text, in primary-key order, a batch at a time. */
async function* readRows(tx: SqlRunner, table: TableInfo): AsyncGenerator<string[]> {
  const cursor = `cadre_backup_${table.name.replace(/\W/g, '_')}`;
  const order = table.primaryKey.length > 0 ? orderBy(table) : 'to_jsonb(t)::text';
  await tx.exec(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quote(table.name)} t ORDER BY ${order}`,
  );
  try {
    for (;;) {
      const rows = await tx.query<{ row: string }>(`FETCH ${batchRows} FROM ${cursor}`);
      if (rows.length > 0) yield rows.map((r) => r.row);
      if (rows.length < batchRows) return;
    }
  } finally {
    await tx.exec(`CLOSE ${cursor}`);
  }
}

/** Row count and sha-256 of the rows' jsonb text in primary-key order: equal data, equal digest. */
export async function digestTable(tx: SqlRunner, table: TableInfo): Promise<TableDigest> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const rows of readRows(tx, table)) {
    for (const row of rows) hash.update(`${row}\n`);
    count += rows.length;
  }
  return { count, sha256: hash.digest('hex') };
}

/** Digests of every application table (UTC, one snapshot): what a restore must reproduce. */
export async function digestDatabase(db: Database): Promise<Record<string, TableDigest>> {
  return db.sql.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL TIME ZONE 'UTC'");
    const result: Record<string, TableDigest> = {};
    for (const table of await listTables(tx)) result[table.name] = await digestTable(tx, table);
    return result;
  });
}

async function appliedMigrations(tx: SqlRunner): Promise<{ name: string; checksum: string }[]> {
  const exists = await tx.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
    quote(historyTable),
  ]);
  if (!exists[0]?.found) return [];
  return tx.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${quote(historyTable)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

/** Writes a backup of the whole database to `file` (written beside it, then renamed: never half a file). */
export async function backupDatabase(db: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const output = createWriteStream(partial);
  const piped = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(output);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const summary = await db.sql.transaction(async (tx) => {
      await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL TIME ZONE 'UTC'");
      const migrations = await appliedMigrations(tx);
      if (migrations.length === 0)
        throw new BackupError('the database has no migration history: nothing to back up');
      const tables = await listTables(tx);
      const header: BackupHeader = {
        format: backupFormat,
        version: backupFormatVersion,
        createdAt: new Date().toISOString(),
        engine: db.engine,
        migrations,
        tables: tables.map((t) => t.name),
      };
      await write(JSON.stringify(header));
      const digests: Record<string, TableDigest> = {};
      let total = 0;
      for (const table of tables) {
        const hash = createHash('sha256');
        let count = 0;
        for await (const rows of readRows(tx, table)) {
          for (const row of rows) hash.update(`${row}\n`);
          count += rows.length;
          // a marker line, then the rows exactly as PostgreSQL printed them (no JSON re-encoding)
          await write(JSON.stringify({ table: table.name, rows: rows.length }));
          await write(`[${rows.join(',')}]`);
        }
        digests[table.name] = { count, sha256: hash.digest('hex') };
        total += count;
      }
      await write(JSON.stringify({ end: true, tables: digests }));
      return { file, tables: digests, rows: total };
    });
    gzip.end();
    await piped;
    renameSync(partial, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

type BackupLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'rows'; table: string; count: number; json: string }
  | { kind: 'end'; tables: Record<string, TableDigest> };

async function* readBackup(file: string): AsyncGenerator<BackupLine> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let pending: { table: string; rows: number } | null = null;
  let first = true;
  for await (const line of lines) {
    if (pending) {
      yield { kind: 'rows', table: pending.table, count: pending.rows, json: line };
      pending = null;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new BackupError(`${file} is damaged (a line is not JSON)`);
    }
    const record = (parsed ?? {}) as Record<string, unknown>;
    if (first) {
      first = false;
      if (record.format !== backupFormat || record.version !== backupFormatVersion) {
        throw new BackupError(
          `${file} is not a backup made by this program (format ${backupFormat} v${backupFormatVersion})`,
        );
      }
      yield { kind: 'header', header: record as BackupHeader };
    } else if (typeof record.table === 'string' && typeof record.rows === 'number') {
      pending = { table: record.table, rows: record.rows };
    } else if (record.end === true) {
      yield { kind: 'end', tables: record.tables as Record<string, TableDigest> };
    } else {
      throw new BackupError(`${file} is damaged (unexpected line)`);
    }
  }
  if (first) throw new BackupError(`${file} is empty`);
}

async function readHeader(file: string): Promise<BackupHeader> {
  try {
    for await (const line of readBackup(file)) {
      if (line.kind === 'header') return line.header;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  throw new BackupError(`${file} is empty`);
}

/** Tables holding data that a restore would replace (the history and migration-seeded tables aside). */
async function nonEmptyTables(tx: SqlRunner, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    if (migrationSeededTables.has(table.name)) continue;
    const rows = await tx.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS any`,
    );
    if (rows[0]?.any) found.push(table.name);
  }
  return found;
}

/**
 * Restores `file` into `db`: migrates an empty target, checks that the backup's migration history is
 * this build's, refuses a target holding data unless `force`, then loads everything in one
 * transaction and compares every table's count and digest with the backup's before committing.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const log = options.log ?? (() => undefined);
  const header = await readHeader(file);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const build = readMigrationFiles(migrationsDir).map((m) => `${m.name} ${m.checksum}`);
  const recorded = header.migrations.map((m) => `${m.name} ${m.checksum}`);
  if (build.join('\n') !== recorded.join('\n')) {
    const missing = build.filter((m) => !recorded.includes(m)).map((m) => m.split(' ')[0]);
    const extra = recorded.filter((m) => !build.includes(m)).map((m) => m.split(' ')[0]);
    throw new BackupError(
      `the backup's migration history does not match this build (${[
        missing.length ? `not in the backup: ${missing.join(', ')}` : '',
        extra.length ? `unknown to this build: ${extra.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}): restore it with the version of the program that made it`,
    );
  }
  // an empty target gets the schema; a target at another version makes migrate refuse here
  await migrate(db, { migrationsDir, log });
  const target = (await appliedMigrations(db.sql)).map((m) => `${m.name} ${m.checksum}`);
  if (target.join('\n') !== build.join('\n')) {
    throw new BackupError('the target database has a different migration history from this build');
  }

  return db.sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL TIME ZONE 'UTC'");
    const tables = await listTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const missing = header.tables.filter((name) => !byName.has(name));
    if (missing.length > 0)
      throw new BackupError(`tables in the backup but not in the target: ${missing.join(', ')}`);
    const occupied = await nonEmptyTables(tx, tables);
    if (occupied.length > 0 && !options.force) {
      throw new BackupError(
        `the target database already holds data (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''}); ` +
          'restore into an empty database, or pass --force to replace everything in it',
      );
    }
    // clear everything, children first (the audit log's append-only trigger stands aside for this transaction only)
    await tx.exec('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update_delete"');
    for (const table of [...tables].reverse()) await tx.exec(`DELETE FROM ${quote(table.name)}`);
    await tx.exec('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update_delete"');
    if (occupied.length > 0) log(`replaced the data in ${occupied.length} tables (--force)`);

    const selfLinks = new Map<string, string[]>();
    let expected: Record<string, TableDigest> | null = null;
    for await (const line of readBackup(file)) {
      if (line.kind === 'header') continue;
      if (line.kind === 'end') {
        expected = line.tables;
        continue;
      }
      const table = byName.get(line.table);
      if (!table) throw new BackupError(`${file} holds rows of an unknown table ${line.table}`);
      const columns = table.columns.map(quote).join(', ');
      const values = table.columns
        .map((column) => (table.selfReferences.includes(column) ? 'NULL' : `r.${quote(column)}`))
        .join(', ');
      await tx.query(
        `INSERT INTO ${quote(table.name)} (${columns}) SELECT ${values} FROM jsonb_populate_recordset(NULL::${quote(table.name)}, $1::jsonb) r`,
        [line.json],
      );
      if (table.selfReferences.length > 0)
        selfLinks.set(table.name, [...(selfLinks.get(table.name) ?? []), line.json]);
    }
    if (!expected)
      throw new BackupError(`${file} is incomplete (it ends before its summary): nothing was restored`);
    // rows that point at rows of their own table, now that all of them exist
    for (const [name, batches] of selfLinks) {
      const table = byName.get(name) as TableInfo;
      const set = table.selfReferences.map((c) => `${quote(c)} = r.${quote(c)}`).join(', ');
      const match = table.primaryKey.map((c) => `t.${quote(c)} = r.${quote(c)}`).join(' AND ');
      for (const json of batches) {
        await tx.query(
          `UPDATE ${quote(name)} t SET ${set} FROM jsonb_populate_recordset(NULL::${quote(name)}, $1::jsonb) r WHERE ${match}`,
          [json],
        );
      }
    }
    for (const table of tables) {
      for (const { column, sequence } of table.sequences) {
        await tx.query(
          `SELECT setval($1::regclass, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table.name)}), 1),
                  (SELECT max(${quote(column)}) FROM ${quote(table.name)}) IS NOT NULL)`,
          [sequence],
        );
      }
    }
    // the proof: every table reads back exactly as it was backed up, or nothing is committed
    const tablesRestored: Record<string, TableDigest> = {};
    let rows = 0;
    for (const table of tables) {
      const digest = await digestTable(tx, table);
      const wanted = expected[table.name] ?? { count: 0, sha256: createHash('sha256').digest('hex') };
      if (digest.count !== wanted.count || digest.sha256 !== wanted.sha256) {
        throw new BackupError(
          `table ${table.name} does not read back as backed up (${digest.count} rows, expected ${wanted.count}): nothing was restored`,
        );
      }
      tablesRestored[table.name] = digest;
      rows += digest.count;
    }
    return { file, tables: tablesRestored, rows };
  });
}
