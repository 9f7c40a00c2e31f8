import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openPglite } from '@cadre/db';
import { createTestDatabase, type TestDatabase, testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { verifyAudit } from './verify-audit.ts';
import { writeAudit } from './write-audit.ts';

const actor = { userId: 'u-1', username: 'officer' };

async function appendEntries(
  db: TestDatabase | Awaited<ReturnType<typeof openPglite>>,
  count: number,
  from = 0,
) {
  for (let i = from; i < from + count; i += 1) {
    await db.prisma.$transaction((tx) =>
      writeAudit({
        tx,
        actor,
        action: 'person.update',
        entity: 'Person',
        entityId: `p-${i}`,
        before: { fullName: `Nguyễn Văn ${i}`, version: i },
        after: { fullName: `Nguyễn Văn ${i}!`, version: i + 1, tags: ['a', 'b'], nested: { z: 1, a: null } },
      }),
    );
  }
}

/** Tampering needs the append-only trigger out of the way: only a superuser can do this. */
async function tamper(db: TestDatabase, statement: string): Promise<void> {
  await db.sql.transaction(async (tx) => {
    await tx.exec('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update_delete"');
    await tx.exec(statement);
    await tx.exec('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update_delete"');
  });
}

describe.each(testEngines())('audit chain verification on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ engine });
    await appendEntries(db, 25);
  });
  afterAll(() => db.close());

  it('the log refuses UPDATE, DELETE and TRUNCATE from any client', async () => {
    await expect(db.sql.exec(`UPDATE "AuditLog" SET "action" = 'x' WHERE id = 3`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.sql.exec('DELETE FROM "AuditLog" WHERE id = 3')).rejects.toThrow(/append-only/);
    await expect(db.sql.exec('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
  });

  it('an untouched log verifies, in small batches too, with its count', async () => {
    expect(await verifyAudit({ prisma: db.prisma })).toEqual({ intact: true, checked: 25 });
    expect(await verifyAudit({ prisma: db.prisma, batchSize: 4 })).toEqual({ intact: true, checked: 25 });
  });

  it('an edited entry is named, even when the edit is in the JSON', async () => {
    await tamper(
      db,
      `UPDATE "AuditLog" SET "after" = jsonb_set("after", '{fullName}', '"Kẻ gian"') WHERE id = 7`,
    );
    const result = await verifyAudit({ prisma: db.prisma, batchSize: 5 });
    expect(result).toMatchObject({ intact: false, checked: 6, broken: { kind: 'EDITED', id: '7' } });
    if (!result.intact) expect(result.broken.message).toMatch(/#7 .*edited/);
  });

  it('an entry edited with a recomputed hash breaks the next link', async () => {
    const fresh = await createTestDatabase({ engine });
    try {
      await appendEntries(fresh, 6);
      // a forger who knows the recipe: edit row 3 and give it a hash of its own
      await tamper(
        fresh,
        `UPDATE "AuditLog" SET "actorName" = 'admin', "hash" = md5('x') || md5('y') WHERE id = 3`,
      );
      const result = await verifyAudit({ prisma: fresh.prisma });
      expect(result).toMatchObject({ intact: false, broken: { id: '3' } });
    } finally {
      await fresh.close();
    }
  });

  it('a deleted entry is found where the chain skips it, with how many are missing', async () => {
    const fresh = await createTestDatabase({ engine });
    try {
      await appendEntries(fresh, 10);
      await tamper(fresh, 'DELETE FROM "AuditLog" WHERE id IN (4, 5)');
      const result = await verifyAudit({ prisma: fresh.prisma, batchSize: 3 });
      expect(result).toMatchObject({
        intact: false,
        checked: 3,
        broken: { kind: 'DELETED_BEFORE', id: '6', previousId: '3', missingIds: 2 },
      });
      if (!result.intact) expect(result.broken.message).toContain('2 entries between them are missing');
    } finally {
      await fresh.close();
    }
  });

  it('deleting the first entry is found too', async () => {
    const fresh = await createTestDatabase({ engine });
    try {
      await appendEntries(fresh, 3);
      await tamper(fresh, 'DELETE FROM "AuditLog" WHERE id = 1');
      expect(await verifyAudit({ prisma: fresh.prisma })).toMatchObject({
        intact: false,
        checked: 0,
        broken: { kind: 'DELETED_BEFORE', id: '2', previousId: null },
      });
    } finally {
      await fresh.close();
    }
  });
});

describe('npm run audit:verify', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cadre-audit-verify-'));
    const db = await openPglite(dir);
    await migrate(db);
    await appendEntries(db, 5);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/audit-verify-cli.ts')],
      {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('says the chain is intact with the count, exit code 0', () => {
    const result = run();
    expect(result.stdout).toMatch(/intact, 5 entries/);
    expect(result.status).toBe(0);
  });

  it('names the tampered entry in one line, exit code 1', async () => {
    const db = await openPglite(dir);
    await db.sql.exec(
      `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update_delete"; UPDATE "AuditLog" SET "actorName" = 'admin' WHERE id = 4; ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update_delete";`,
    );
    await db.close();
    const result = run();
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/BROKEN .*#4 .*edited/);
    expect(result.status).toBe(1);
  });
});
