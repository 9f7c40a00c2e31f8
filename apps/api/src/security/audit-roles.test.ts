// On PostgreSQL the API's role appends to the audit log and nothing more: it can neither change nor
// delete entries, nor disable the append-only trigger, since another role owns the table.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '@cadre/db';
import { createTestDatabase, type TestDatabase } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../domains/audit/services/write-audit.ts';
import { auditRoleStatements } from './audit-roles.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('audit roles on PostgreSQL', () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof openDatabase>>;
  const suffix = randomUUID().slice(0, 8);
  const roles = { owner: `cadre_owner_${suffix}`, app: `cadre_app_${suffix}` };
  beforeAll(async () => {
    db = await createTestDatabase({ engine: 'postgres' });
    const url = new URL(db.url ?? '');
    const database = url.pathname.slice(1);
    await db.sql.exec(`CREATE ROLE "${roles.owner}" NOLOGIN; CREATE ROLE "${roles.app}" LOGIN`);
    for (const statement of auditRoleStatements({ ...roles, database })) await db.sql.exec(statement);
    url.username = roles.app;
    url.password = '';
    app = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('the application role appends and reads entries', async () => {
    await app.prisma.$transaction((tx) =>
      writeAudit({
        tx,
        actor: { userId: 'u', username: 'officer' },
        action: 'x',
        entity: 'Person',
        entityId: 'p',
        after: {},
      }),
    );
    expect(await app.prisma.auditLog.count()).toBe(1);
  });

  it('and cannot update, delete, truncate, disable the trigger or drop it', async () => {
    for (const statement of [
      `UPDATE "AuditLog" SET action = 'y'`,
      'DELETE FROM "AuditLog"',
      'TRUNCATE "AuditLog"',
      'ALTER TABLE "AuditLog" DISABLE TRIGGER ALL',
      'DROP TRIGGER "AuditLog_no_update_delete" ON "AuditLog"',
    ]) {
      await expect(app.sql.exec(statement), statement).rejects.toThrow(/permission denied|must be owner/);
    }
    expect(await app.prisma.auditLog.count()).toBe(1);
  });
});
