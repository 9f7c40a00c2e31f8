// The true floor of a phase: how long PostgreSQL itself takes to stream exactly those rows out
// (COPY … TO STDOUT, binary) or to take them in (COPY … FROM STDIN, binary, into the same table
// with its indexes and triggers), on a connection of its own through pg-copy-streams.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export type CopyFloor = { rows: number; bytes: number; readMs: number; writeMs: number };

/**
 * Reads `select` (rows of `table`, every column in table order) with COPY TO, deletes them with
 * `remove`, and writes them back with COPY FROM inside one transaction that is committed, so the
 * table ends as it was.
 */
export async function measureCopyFloor(options: {
  databaseUrl: string;
  table: string;
  select: string;
  remove: string;
}): Promise<CopyFloor> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const parts: Buffer[] = [];
    const readStarted = performance.now();
    await pipeline(
      client.query(copyTo(`COPY (${options.select}) TO STDOUT (FORMAT binary)`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          parts.push(chunk);
          done();
        },
      }),
    );
    const readMs = performance.now() - readStarted;
    const data = Buffer.concat(parts);
    const [count] = (await client.query(`SELECT count(*)::int AS n FROM (${options.select}) s`)).rows as {
      n: number;
    }[];
    await client.query('BEGIN');
    await client.query(options.remove);
    const writeStarted = performance.now();
    await pipeline(
      Readable.from([data]),
      client.query(copyFrom(`COPY "${options.table}" FROM STDIN (FORMAT binary)`)),
    );
    const writeMs = performance.now() - writeStarted;
    await client.query('COMMIT');
    return { rows: count?.n ?? 0, bytes: data.length, readMs, writeMs };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
