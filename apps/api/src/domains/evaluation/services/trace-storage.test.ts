// A result's trace is stored compact ([rule, effect, ...params]: the values of its sentence) and
// written out as text when read. On the demo province: what the traces take in the database,
// compact and as the text stored before, and rows stored as text still read the same.
import { type Database, demoCycleYear, seedDemo } from '@cadre/db';
import { createTestDatabase, testEngines } from '@cadre/db/testing';
import { renderStoredTrace } from '@cadre/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitTreeCache } from '../../../scope/unit-tree.ts';
import { adminViewer } from '../../../test-support/admin-viewer.ts';
import { startEvaluationRun } from './run-evaluation.ts';

describe.each(testEngines())('stored traces on %s', (engine) => {
  let db: Database;
  let cycleId = '';

  beforeAll(async () => {
    db = await createTestDatabase({ engine });
    await seedDemo(db, { password: 'demo' });
    cycleId = (await db.prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } })).id;
  }, 240_000);
  afterAll(() => db?.close());

  async function traceBytes(): Promise<{ rows: number; bytes: number }> {
    const [size] = await db.sql.query<{ rows: number; bytes: number }>(
      `SELECT count(*)::int AS rows, sum(pg_column_size(trace))::int AS bytes FROM "EvaluationResult" WHERE "cycleId" = $1`,
      [cycleId],
    );
    return size ?? { rows: 0, bytes: 0 };
  }

  it('stores compact entries in under half the bytes of the text, and reads rows stored as text alike', async () => {
    const viewer = adminViewer((await db.prisma.user.findFirstOrThrow({ where: { username: 'admin' } })).id);
    const unitTrees = createUnitTreeCache({ prisma: db.prisma });
    const { done } = await startEvaluationRun({ prisma: db.prisma, viewer, unitTrees, cycleId });
    expect((await done).status).toBe('SUCCEEDED');

    const stored = await db.sql.query<{ id: string; trace: unknown[] }>(
      `SELECT id, trace FROM "EvaluationResult" WHERE "cycleId" = $1 ORDER BY id`,
      [cycleId],
    );
    expect(stored.length).toBeGreaterThan(500);
    for (const row of stored) {
      expect(row.trace.length).toBeGreaterThan(0);
      for (const entry of row.trace) expect(compactEntry(entry)).toBe(true);
    }
    const compact = await traceBytes();

    // the same traces as text, as rows were stored before traces were compact
    const text = stored.map((row) => ({ id: row.id, trace: renderStoredTrace(row.trace) }));
    for (const row of text) {
      for (const entry of row.trace) {
        expect(entry.citation).not.toBe('');
        expect(entry.detail).not.toBe('');
      }
    }
    await db.sql.query(
      `UPDATE "EvaluationResult" AS r SET trace = v.trace
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, trace jsonb) WHERE r.id = v.id`,
      [JSON.stringify(text)],
    );
    const asText = await traceBytes();
    const reread = await db.sql.query<{ id: string; trace: unknown[] }>(
      `SELECT id, trace FROM "EvaluationResult" WHERE "cycleId" = $1 ORDER BY id`,
      [cycleId],
    );
    expect(reread.map((row) => ({ id: row.id, trace: renderStoredTrace(row.trace) }))).toEqual(text);

    const perPerson = (size: { rows: number; bytes: number }) => Math.round(size.bytes / size.rows);
    const jsonBytes = (rows: { trace: unknown }[]) =>
      Math.round(
        rows.reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row.trace)), 0) / rows.length,
      );
    console.info(
      `trace column on the demo province (${compact.rows} people), bytes a person: stored ${perPerson(asText)} as text, ${perPerson(compact)} compact; written as JSON ${jsonBytes(text)} as text, ${jsonBytes(stored)} compact`,
    );
    expect(compact.bytes).toBeLessThan(asText.bytes / 2);
  }, 240_000);
});

/** [rule, effect, ...params], the rule and the effect strings */
function compactEntry(entry: unknown): boolean {
  return Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string';
}
