// `npm run audit:verify`: recomputes the audit log's hash chain on DATABASE_URL (PostgreSQL) or the
// PGlite folder DATA_DIR (default .data at the repository root), like the API, and checks it
// against the signed checkpoint (AUDIT_CHECKPOINT_FILE, default DATA_DIR/audit-checkpoint.json,
// signed with the server secret): a deleted tail or a re-computed chain fails too.
// Exit code 0 with the count when intact; 1 with one line naming the first broken entry.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, resolveDataDir } from '@cadre/db';
import { loadSecretKey, readConfig } from './config.ts';
import { verifyAudit } from './domains/audit/services/verify-audit.ts';
import { readAuditCheckpoint } from './security/audit-checkpoint.ts';

const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
let exitCode = 0;
const db = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: resolveDataDir() });
try {
  const settings = readConfig();
  // without a secret there is no checkpoint to read (and none is made here)
  const keyed =
    settings.secretKey.length > 0 || existsSync(path.join(settings.dataDir, 'secret.key'))
      ? loadSecretKey(settings)
      : null;
  const checkpoint = keyed ? await readAuditCheckpoint(keyed.auditCheckpointFile, keyed.secretKey) : null;
  if (!checkpoint) {
    process.stderr.write(
      `[audit:verify] chưa có điểm kiểm / no checkpoint at ${settings.auditCheckpointFile}: only the chain itself is checked\n`,
    );
  }
  const result = await verifyAudit({ prisma: db.prisma, checkpoint });
  if (result.intact) {
    process.stdout.write(
      `[audit:verify] ${db.engine} ${db.location}: chuỗi nhật ký nguyên vẹn / audit chain intact, ${result.checked} entries${checkpoint ? `, matches the checkpoint of ${checkpoint.at}` : ''}\n`,
    );
  } else {
    exitCode = 1;
    process.stdout.write(
      `[audit:verify] ${db.engine} ${db.location}: BROKEN after ${result.checked} valid entries: ${result.broken.message}\n`,
    );
  }
} catch (error) {
  exitCode = error instanceof Error && error.name === 'CheckpointError' ? 1 : 2;
  process.stderr.write(`[audit:verify] ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await db.close();
}
// set after close: the embedded engine resets process.exitCode when it shuts down
process.exit(exitCode);
