import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';

export type Engine = 'pglite' | 'postgres';

/** Runs raw SQL on whichever engine backs the client (migrations, COPY-free bulk loads, backups). */
export type SqlRunner = {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
};

export type Database = {
  engine: Engine;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** where the data lives: a folder (pglite, or 'memory://') or the URL without password */
  location: string;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** PostgreSQL connection string; when absent the embedded PGlite engine is used */
  databaseUrl?: string;
  /** PGlite data folder, or 'memory://' for a throw-away database */
  dataDir?: string;
  /** pool size for PostgreSQL */
  poolSize?: number;
};

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

export async function openPglite(dataDir = path.resolve('.data')): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: inMemory ? undefined : dataDir, extensions: { pg_trgm, unaccent } });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql: SqlRunner = {
    async exec(text) {
      await pglite.exec(text);
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pglite.query<T>(text, params);
      return result.rows;
    },
  };
  return {
    engine: 'pglite',
    prisma,
    sql,
    location: inMemory ? 'memory://' : dataDir,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<Database> {
  const pg = await import('pg');
  const pool = new pg.default.Pool({ connectionString: databaseUrl, max: poolSize });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = {
    async exec(text) {
      await pool.query(text);
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
  };
  return {
    engine: 'postgres',
    prisma,
    sql,
    location: redactUrl(databaseUrl),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
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
