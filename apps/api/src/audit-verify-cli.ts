// `npm run audit:verify`: recomputes the audit log's hash chain on DATABASE_URL (PostgreSQL) or the
// PGlite folder DATA_DIR (default .data at the repository root), like the API.
// Exit code 0 with the count when intact; 1 with one line naming the first broken entry.
import { openDatabase, resolveDataDir } from '@cadre/db';
import { verifyAudit } from './services/verify-audit.ts';

const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
let exitCode = 0;
const db = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: resolveDataDir() });
try {
  const result = await verifyAudit({ prisma: db.prisma });
  if (result.intact) {
    process.stdout.write(
      `[audit:verify] ${db.engine} ${db.location}: chuỗi nhật ký nguyên vẹn / audit chain intact, ${result.checked} entries\n`,
    );
  } else {
    exitCode = 1;
    process.stdout.write(
      `[audit:verify] ${db.engine} ${db.location}: BROKEN after ${result.checked} valid entries: ${result.broken.message}\n`,
    );
  }
} catch (error) {
  exitCode = 2;
  process.stderr.write(`[audit:verify] ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await db.close();
}
// set after close: the embedded engine resets process.exitCode when it shuts down
process.exit(exitCode);
