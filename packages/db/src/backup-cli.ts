// `npm run backup -- <file>` and `npm run restore -- <file> [--force]`, on DATABASE_URL (PostgreSQL)
// or the PGlite folder DATA_DIR (default .data at the repository root), like the API.
// Stop the API before restoring into a PGlite folder (the embedded engine is single-process).
import path from 'node:path';
import { BackupError, backupDatabase, restoreDatabase } from './backup.ts';
import { openDatabase, resolveDataDir } from './client.ts';
import { MigrationError } from './migrate.ts';

const [command, ...rest] = process.argv.slice(2);
const force = rest.includes('--force');
const fileArg = rest.find((arg) => !arg.startsWith('--'));
const say = (message: string) => process.stdout.write(`[${command}] ${message}\n`);

if ((command !== 'backup' && command !== 'restore') || !fileArg) {
  process.stderr.write('usage: npm run backup -- <file>   |   npm run restore -- <file> [--force]\n');
  process.exit(2);
}
// relative to the folder the command was typed in (npm run changes directory)
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const db = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: resolveDataDir() });
let exitCode = 0;
try {
  const started = Date.now();
  say(`${db.engine} ${db.location}`);
  const summary =
    command === 'backup'
      ? await backupDatabase(db, file)
      : await restoreDatabase(db, file, { force, log: say });
  const tables = Object.values(summary.tables).filter((t) => t.count > 0).length;
  say(
    `${command === 'backup' ? 'wrote' : 'restored and verified'} ${summary.rows} rows in ${tables} tables ` +
      `${command === 'backup' ? 'to' : 'from'} ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} catch (error) {
  exitCode = 1;
  const known = error instanceof BackupError || error instanceof MigrationError;
  process.stderr.write(
    `[${command}] ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  if (command === 'restore')
    process.stderr.write(`[${command}] nothing was changed in the target database\n`);
} finally {
  await db.close();
}
// set after close: the embedded engine resets process.exitCode when it shuts down
process.exit(exitCode);
