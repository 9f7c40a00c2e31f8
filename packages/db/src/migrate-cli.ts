// `npm run db:migrate`: migrates DATABASE_URL (PostgreSQL) or the PGlite folder DATA_DIR
// (default: .data at the repository root).
import { openDatabase, resolveDataDir } from './client.ts';
import { MigrationError, migrate } from './migrate.ts';

const databaseUrl = process.env.DATABASE_URL || undefined;
const db = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: resolveDataDir() });
const log = (message: string) => process.stdout.write(`[migrate] ${message}\n`);
try {
  log(`${db.engine} ${db.location}`);
  await migrate(db, { log });
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(
    `[migrate] ${error instanceof MigrationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
} finally {
  const code = process.exitCode;
  await db.close();
  // PGlite's shutdown resets process.exitCode: keep the failure visible to scripts and CI
  process.exitCode = code;
}
