import { openDatabase } from '@cadre/db';
import { createTestDatabase, type TestDatabase, testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUnitChanges } from './follow-unit-changes.ts';
import { createUnitTreeCache, descendantIds } from './unit-tree.ts';

describe.each(testEngines())('unit tree kept in step with units changed elsewhere on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ engine });
  });
  afterAll(() => db?.close());

  it('sees a unit added by another connection at its next use, not 30 s later', async () => {
    const province = await db.prisma.unit.create({
      data: { code: 'T-PROV', name: 'Tỉnh', searchName: 'tinh', kind: 'PROVINCE' },
    });
    const unitTrees = createUnitTreeCache({ prisma: db.prisma });
    const stop = await followUnitChanges(db, unitTrees);
    expect(descendantIds(await unitTrees.get(), province.id)).toEqual([province.id]);
    // on PostgreSQL another process writes through another pool; PGlite has one process
    const other =
      engine === 'postgres' && db.url ? await openDatabase({ databaseUrl: db.url, poolSize: 1 }) : db;
    const department = await other.prisma.unit.create({
      data: { code: 'T-DEPT', name: 'Sở', searchName: 'so', kind: 'DEPARTMENT', parentId: province.id },
    });
    if (other !== db) await other.close();
    const until = Date.now() + 5000;
    let seen: string[] = [];
    while (Date.now() < until) {
      seen = descendantIds(await unitTrees.get(), province.id);
      if (seen.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen.sort()).toEqual([province.id, department.id].sort());
    await stop();
  });
});
