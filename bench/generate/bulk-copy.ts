// COPY … FROM in CSV on either engine: PostgreSQL through pg-copy-streams on a connection of its
// own, PGlite through its /dev/blob device. Both take whole chunks of CSV text.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type BulkCopier = {
  copy(table: string, columns: readonly string[], csv: string): Promise<void>;
  /** runs plain SQL on the same connection (ANALYZE, counts) */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

function copyStatement(table: string, columns: readonly string[], source: string): string {
  const list = columns.map((column) => `"${column}"`).join(', ');
  return `COPY "${table}" (${list}) FROM ${source} WITH (FORMAT csv)`;
}

// PGlite 0.4 has no checkpointer process. Once the WAL written since the last checkpoint reaches
// max_wal_size / (1 + checkpoint_completion_target) (1 GB / 1.9: 33 segments, 528 MB), the
// backend requests a checkpoint from inside its own WAL write and spins forever in LWLockAcquire
// at 100% CPU: the COPY that crosses the line never returns. A CHECKPOINT after every COPY keeps
// the WAL since the last checkpoint to one chunk's worth (about 32 MB for 50,000 tasks).
export function pgliteCopier(pglite: PGlite): BulkCopier {
  return {
    async copy(table, columns, csv) {
      await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
      await pglite.exec('CHECKPOINT');
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    async close() {},
  };
}

export async function postgresCopier(databaseUrl: string): Promise<BulkCopier> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async copy(table, columns, csv) {
      const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
      await pipeline(Readable.from([Buffer.from(csv, 'utf8')]), stream);
    },
    async exec(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
