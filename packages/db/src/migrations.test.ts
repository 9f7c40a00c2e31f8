// The drift test: the committed migrations, applied to an empty database, must
// produce exactly the structure schema.prisma describes — and the comparison
// must notice when either side changes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { defaultMigrationsDir, MigrationError, migrate, readMigrationFiles } from './migrate.ts';
import { actualStructure } from './schema-model/actual-structure.ts';
import { expectedStructure } from './schema-model/expected-structure.ts';
import { readDatamodel, schemaPath } from './schema-model/read-dmmf.ts';
import { renderMigrationSql } from './schema-model/render-sql.ts';
import { compareStructures, type DbStructure } from './schema-model/structure.ts';
import { createTestDatabase, testEngines } from './testing.ts';

const schemaText = readFileSync(schemaPath, 'utf8');

/** schema.prisma with `lines` added inside `model <name> { … }` */
function withLinesInModel(model: string, lines: string, text = schemaText): string {
  const start = text.indexOf(`model ${model} {`);
  if (start < 0) throw new Error(`model ${model} not found`);
  const end = text.indexOf('\n}', start);
  return `${text.slice(0, end)}\n${lines}${text.slice(end)}`;
}

/** schema.prisma with a value added to enum UnitKind */
function withUnitKind(value: string, text = schemaText): string {
  return text.replace(/(\n {2}CENTER[^\n]*)/, `$1\n  ${value}`);
}

function expectedFrom(text: string): DbStructure {
  return expectedStructure(readDatamodel(text));
}

describe.each(testEngines())('migrations on %s', (engine) => {
  let db: Database;
  let actual: DbStructure;
  const expected = expectedFrom(schemaText);

  beforeAll(async () => {
    db = await createTestDatabase({ engine, migrate: false });
    await migrate(db);
    actual = await actualStructure(db.sql);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applied to an empty database give exactly the structure of schema.prisma', () => {
    expect(compareStructures(expected, actual)).toEqual([]);
    // the comparison covers every model and enum, not a vacuous subset
    expect(Object.keys(actual.tables).length).toBe(readDatamodel().models.length);
    expect(Object.keys(actual.enums).sort()).toEqual(
      readDatamodel()
        .enums.map((e) => e.name)
        .sort(),
    );
  });

  it('leave nothing for the SQL drafting tool to add', () => {
    expect(renderMigrationSql(expected, actual)).toBe('');
  });

  it('create the index details the search and ranking rely on', () => {
    expect(actual.tables.Person?.indexes.Person_searchName_code_idx).toEqual({
      unique: false,
      method: 'gin',
      columns: [
        { name: 'searchName', descending: false, operatorClass: 'gin_trgm_ops' },
        { name: 'code', descending: false, operatorClass: 'gin_trgm_ops' },
      ],
      predicate: null,
    });
    expect(
      actual.tables.EvaluationResult?.indexes.EvaluationResult_cycleId_unitId_score_idx?.columns,
    ).toEqual([
      { name: 'cycleId', descending: false, operatorClass: null },
      { name: 'unitId', descending: false, operatorClass: null },
      { name: 'score', descending: true, operatorClass: null },
    ]);
    expect(actual.tables.AuditLog?.columns.id).toMatchObject({ type: 'bigint', nullable: false });
    expect(actual.tables.Person?.foreignKeys.Person_unitId_fkey).toEqual({
      columns: ['unitId'],
      referencedTable: 'Unit',
      referencedColumns: ['id'],
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    });
  });

  it('seed the two policy packs with their default parameters', async () => {
    const packs = await db.sql.query<{ id: string; parameters: Record<string, unknown> }>(
      'SELECT id, parameters FROM "PolicyPack" ORDER BY id',
    );
    expect(packs.map((p) => p.id)).toEqual(['vn-nd335-2025', 'vn-nd90-2020']);
    for (const pack of packs) {
      expect(pack.parameters).toMatchObject({
        excellentPercent: 20,
        excellentMinimumPerGroup: 0,
        cstdcsCapPercent: null,
        rotationYears: 3,
        ballotThresholdPercent: 90,
        minCitizenVotes: 20,
      });
    }
  });

  it('make AuditLog append-only: inserts work, updates, deletes and truncation fail', async () => {
    await db.sql.exec(
      `INSERT INTO "AuditLog" ("action", "entity", "prevHash", "hash") VALUES ('create', 'Unit', '', 'h-${engine}')`,
    );
    await expect(db.sql.exec(`UPDATE "AuditLog" SET "action" = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(db.sql.exec(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.sql.exec(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const rows = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "AuditLog"');
    expect(rows[0]?.n).toBe(1);
  });
});

describe.each(testEngines())('the drift comparison on %s', (engine) => {
  let db: Database;
  const expected = expectedFrom(schemaText);

  beforeAll(async () => {
    db = await createTestDatabase({ engine });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reports a column added to schema.prisma but not to the migrations', async () => {
    const edited = expectedFrom(withLinesInModel('Person', '  nickname String?'));
    expect(compareStructures(edited, await actualStructure(db.sql))).toEqual([
      'table "Person": column "nickname" is missing (expected text NULL)',
    ]);
  });

  it('reports a model, an index, an enum value and a relation added to schema.prisma', async () => {
    let text = withLinesInModel('Unit', '  @@index([kind, active])');
    text = withUnitKind('SCHOOL', text);
    text = withLinesInModel('Person', '  notes Note[]', text);
    text +=
      '\nmodel Note {\n  id       String @id\n  personId String\n  person   Person @relation(fields: [personId], references: [id])\n}\n';
    const differences = compareStructures(expectedFrom(text), await actualStructure(db.sql));
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^database: enum "UnitKind" is .*SCHOOL/),
        'database: table "Note" is missing',
        expect.stringMatching(/^table "Unit": index "Unit_kind_active_idx" is missing/),
      ]),
    );
    expect(differences).toHaveLength(3);
  });

  it('reports every kind of change made to the database behind the schema’s back', async () => {
    const edits = [
      'ALTER TABLE "Person" ADD COLUMN "shoeSize" INTEGER',
      'ALTER TABLE "Person" ALTER COLUMN "email" SET NOT NULL',
      'ALTER TABLE "Task" ALTER COLUMN "weight" SET DEFAULT 2',
      'ALTER TABLE "Cycle" ALTER COLUMN "appealDays" TYPE BIGINT',
      'DROP INDEX "EvaluationResult_cycleId_score_idx"',
      'CREATE INDEX "EvaluationResult_cycleId_score_idx" ON "EvaluationResult"("cycleId", "score")',
      'DROP INDEX "Unit_searchName_idx"',
      'CREATE INDEX "Unit_searchName_idx" ON "Unit"("searchName")',
      'ALTER TABLE "Task" DROP CONSTRAINT "Task_personId_fkey"',
      'ALTER TABLE "Task" ADD CONSTRAINT "Task_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
      `ALTER TYPE "Gender" ADD VALUE 'OTHER'`,
      'CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email")',
    ];
    const scratch = await createTestDatabase({ engine });
    try {
      for (const statement of edits) await scratch.sql.exec(statement);
      const differences = compareStructures(expected, await actualStructure(scratch.sql));
      expect(differences).toEqual([
        'database: enum "Gender" is FEMALE, MALE, OTHER, expected FEMALE, MALE',
        'table "Unit": index "Unit_searchName_idx" is btree (searchName), expected gin (searchName gin_trgm_ops)',
        'table "Person": column "email" is text NOT NULL, expected text NULL',
        'table "Person": unexpected column "shoeSize" (integer NULL)',
        'table "Person": unexpected index "Person_email_key" (UNIQUE btree (email))',
        'table "Cycle": column "appealDays" is bigint NOT NULL DEFAULT 15, expected integer NOT NULL DEFAULT 15',
        'table "Task": column "weight" is double precision NOT NULL DEFAULT 2, expected double precision NOT NULL DEFAULT 1',
        'table "Task": foreign key "Task_personId_fkey" is (personId) → Person(id) ON DELETE RESTRICT ON UPDATE CASCADE, expected (personId) → Person(id) ON DELETE CASCADE ON UPDATE CASCADE',
        'table "EvaluationResult": index "EvaluationResult_cycleId_score_idx" is btree (cycleId, score), expected btree (cycleId, score DESC)',
      ]);
    } finally {
      await scratch.close();
    }
  });

  it('cannot be dodged by editing an applied migration: migrate refuses to start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cadre-drift-'));
    const scratch = await createTestDatabase({ engine, migrate: false });
    try {
      cpSync(defaultMigrationsDir(), dir, { recursive: true });
      await migrate(scratch, { migrationsDir: dir });
      const [first] = readMigrationFiles(dir);
      if (!first) throw new Error('no migrations');
      writeFileSync(first.file, first.sql.concat('\nALTER TABLE "Person" ADD COLUMN "nickname" TEXT;\n'));
      const refusal = await migrate(scratch, { migrationsDir: dir }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(MigrationError);
      expect(refusal).toMatchObject({ code: 'CHECKSUM_MISMATCH' });
      expect((refusal as Error).message).toContain(`migration ${first.name} was edited after it was applied`);
    } finally {
      await scratch.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drafts SQL that brings the migrated database to an edited schema', async () => {
    let text = withLinesInModel(
      'Person',
      '  nickname String?\n  grade Int @default(1)\n  notes Note[]\n  @@index([category, hiredOn(sort: Desc)])',
    );
    text = withUnitKind('SCHOOL', text);
    text = `${text}\nmodel Note {\n  id        String   @id @default(uuid(7))\n  personId  String\n  person    Person   @relation(fields: [personId], references: [id], onDelete: Cascade)\n  tags      String[] @default(["a"])\n  createdAt DateTime @default(now()) @db.Timestamptz(3)\n\n  @@unique([personId, createdAt])\n}\n`;
    const target = expectedFrom(text);
    const scratch = await createTestDatabase({ engine });
    try {
      const sql = renderMigrationSql(target, await actualStructure(scratch.sql));
      expect(sql).toContain('ALTER TYPE "UnitKind" ADD VALUE \'SCHOOL\';');
      expect(sql).toContain('CREATE TABLE "Note" (');
      expect(sql).toContain('"tags" TEXT[] DEFAULT ARRAY[\'a\']::TEXT[]');
      expect(sql).toContain(
        'CREATE INDEX "Person_category_hiredOn_idx" ON "Person"("category", "hiredOn" DESC);',
      );
      expect(sql).toContain(
        'ALTER TABLE "Note" ADD CONSTRAINT "Note_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;',
      );
      await scratch.sql.exec(sql);
      expect(compareStructures(target, await actualStructure(scratch.sql))).toEqual([]);
    } finally {
      await scratch.close();
    }
  });
});

describe('the committed migrations', () => {
  it('are in Prisma’s layout with a postgresql lock file', () => {
    const dir = defaultMigrationsDir();
    expect(readFileSync(path.join(dir, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
    const files = readMigrationFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(files[0]?.sql).toMatch(
      /^-- [\s\S]*CREATE EXTENSION IF NOT EXISTS pg_trgm;\s+-- CreateExtension\s+CREATE EXTENSION IF NOT EXISTS unaccent;/,
    );
  });
});
