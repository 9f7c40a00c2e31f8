import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openPglite } from './client.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'cadre-wal-'));
  folders.push(folder);
  return folder;
}

async function walSinceCheckpoint(db: Database): Promise<number> {
  const [row] = await db.sql.query<{ pending: string }>(
    `SELECT (pg_current_wal_lsn() - (SELECT redo_lsn FROM pg_control_checkpoint()))::text AS pending`,
  );
  return Number(row?.pending ?? 0);
}

describe('the embedded engine and its write-ahead log', () => {
  it('goes on writing past 600 MB of WAL without a checkpoint (PGlite used to hang at 528 MB)', async () => {
    // no checkpoint of our own during the test: only the raised max_wal_size keeps it going
    const db = await openPglite(freshFolder(), { checkpointCheckMs: 3_600_000 });
    try {
      await db.sql.exec('CREATE TABLE filler (id int, pad text); CREATE INDEX ON filler (id)');
      while ((await walSinceCheckpoint(db)) < 600 * 1024 ** 2) {
        await db.sql.query(`INSERT INTO filler SELECT g, repeat('x', 200) FROM generate_series(1, 100000) g`);
      }
      const [row] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM filler');
      expect(row?.n).toBeGreaterThan(1_500_000);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('checkpoints by itself once enough WAL has piled up', async () => {
    const db = await openPglite(freshFolder(), { checkpointAfterBytes: 1024 ** 2, checkpointCheckMs: 50 });
    try {
      await db.sql.exec('CREATE TABLE filler (id int, pad text)');
      await db.sql.query(`INSERT INTO filler SELECT g, repeat('x', 200) FROM generate_series(1, 50000) g`);
      expect(await walSinceCheckpoint(db)).toBeGreaterThan(5 * 1024 ** 2);
      const until = Date.now() + 5000;
      while ((await walSinceCheckpoint(db)) > 1024 ** 2 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await walSinceCheckpoint(db)).toBeLessThan(1024 ** 2);
    } finally {
      await db.close();
    }
  });
});
