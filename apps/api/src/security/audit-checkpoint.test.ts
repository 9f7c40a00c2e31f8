// The audit chain checked against a signed checkpoint kept outside the database: deleting the last
// rows, or editing a row and recomputing every later hash, verifies as a chain but not against it.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openPglite } from '@cadre/db';
import { createTestDatabase, type TestDatabase, testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecretKey, readConfig, repoRoot } from '../config.ts';
import { verifyAudit } from '../domains/audit/services/verify-audit.ts';
import { auditHash, writeAudit } from '../domains/audit/services/write-audit.ts';
import {
  CheckpointError,
  readAuditCheckpoint,
  readAuditHead,
  writeAuditCheckpoint,
} from './audit-checkpoint.ts';

const secret = randomBytes(32);

describe.each(testEngines())('audit checkpoint (%s)', (engine) => {
  let db: TestDatabase;
  let folder = '';
  const file = () => path.join(folder, 'audit-checkpoint.json');
  beforeAll(async () => {
    db = await createTestDatabase({ engine });
    folder = mkdtempSync(path.join(tmpdir(), 'cadre-audit-'));
    for (let i = 0; i < 8; i += 1) {
      await db.prisma.$transaction((tx) =>
        writeAudit({
          tx,
          actor: { userId: 'u', username: 'officer' },
          action: 'x',
          entity: 'Person',
          entityId: `p${i}`,
          after: { i },
        }),
      );
    }
    await writeAuditCheckpoint({ file: file(), secret, head: await readAuditHead(db.prisma) });
  });
  afterAll(async () => {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** what someone with the table owner's rights can do: the trigger out of the way */
  async function asOwner(statements: (tx: { exec(sql: string): Promise<void> }) => Promise<void>) {
    await db.sql.transaction(async (tx) => {
      await tx.exec('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update_delete"');
      await statements(tx);
      await tx.exec('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update_delete"');
    });
  }

  it('an intact log matches its checkpoint; a forged checkpoint file is refused', async () => {
    const checkpoint = await readAuditCheckpoint(file(), secret);
    expect(checkpoint?.count).toBe(8);
    expect(await verifyAudit({ prisma: db.prisma, checkpoint })).toEqual({ intact: true, checked: 8 });
    const forged = path.join(folder, 'forged.json');
    const content = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    writeFileSync(forged, JSON.stringify({ ...content, count: 6 }));
    await expect(readAuditCheckpoint(forged, secret)).rejects.toThrow(CheckpointError);
    await expect(readAuditCheckpoint(file(), randomBytes(32))).rejects.toThrow(/signature/);
  });

  it('editing a row and recomputing every later hash passes the chain but not the checkpoint', async () => {
    const rows = await db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
    await asOwner(async (tx) => {
      let prevHash = rows[2]?.prevHash ?? '';
      for (const [index, row] of rows.entries()) {
        if (index < 2) continue;
        const after = index === 2 ? { i: 99 } : row.after;
        const hash = auditHash(prevHash, { ...row, after });
        await tx.exec(
          `UPDATE "AuditLog" SET "after" = '${JSON.stringify(after)}'::jsonb, "prevHash" = '${prevHash}', "hash" = '${hash}' WHERE id = ${row.id}`,
        );
        prevHash = hash;
      }
    });
    expect(await verifyAudit({ prisma: db.prisma })).toEqual({ intact: true, checked: 8 });
    const result = await verifyAudit({
      prisma: db.prisma,
      checkpoint: await readAuditCheckpoint(file(), secret),
    });
    expect(result.intact).toBe(false);
    expect(!result.intact && result.broken.kind).toBe('RECHAINED');
  });

  it('deleting the last rows passes the chain but not the checkpoint', async () => {
    const last = await db.prisma.auditLog.findMany({ orderBy: { id: 'desc' }, take: 2 });
    await asOwner(async (tx) => {
      await tx.exec(`DELETE FROM "AuditLog" WHERE id IN (${last.map((row) => row.id).join(',')})`);
    });
    expect(await verifyAudit({ prisma: db.prisma })).toEqual({ intact: true, checked: 6 });
    const result = await verifyAudit({
      prisma: db.prisma,
      checkpoint: await readAuditCheckpoint(file(), secret),
    });
    expect(!result.intact && result.broken.kind).toBe('TAIL_DELETED');
    expect(!result.intact && result.broken.message).toMatch(/last entries were deleted/);
  });
});

// The same through `npm run audit:verify`, as an operator runs it: the checkpoint the API wrote in
// DATA_DIR, signed with DATA_DIR/secret.key; the last rows deleted by someone who owns the table.
describe.each(testEngines())('npm run audit:verify with the checkpoint (%s)', (engine) => {
  let dir = '';
  let server: TestDatabase | null = null;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cadre-audit-cli-'));
    server = engine === 'postgres' ? await createTestDatabase({ engine: 'postgres' }) : null;
    const db = server ?? (await openPglite(dir));
    if (!server) await migrate(db);
    for (let i = 0; i < 6; i += 1) {
      await db.prisma.$transaction((tx) =>
        writeAudit({
          tx,
          actor: { userId: 'u', username: 'officer' },
          action: 'x',
          entity: 'Person',
          entityId: `p${i}`,
          after: { i },
        }),
      );
    }
    const config = loadSecretKey(readConfig({ NODE_ENV: 'test', DATA_DIR: dir }));
    await writeAuditCheckpoint({
      file: config.auditCheckpointFile,
      secret: config.secretKey,
      head: await readAuditHead(db.prisma),
    });
    if (!server) await db.close();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = () =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/audit-verify-cli.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'test',
          DATA_DIR: dir,
          DATABASE_URL: server?.url ?? '',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('passes the intact log against its checkpoint, and fails once the last two rows are deleted', async () => {
    const intact = run();
    expect(intact.stdout, intact.stderr).toMatch(/intact, 6 entries, matches the checkpoint/);
    expect(intact.status).toBe(0);
    const db = server ?? (await openPglite(dir));
    await db.sql.exec(
      `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update_delete"; DELETE FROM "AuditLog" WHERE id IN (SELECT id FROM "AuditLog" ORDER BY id DESC LIMIT 2); ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update_delete";`,
    );
    if (!server) await db.close();
    const cut = run();
    expect(cut.stdout).toMatch(/BROKEN after 4 valid entries: .*last entries were deleted/);
    expect(cut.status).toBe(1);
  });
});
