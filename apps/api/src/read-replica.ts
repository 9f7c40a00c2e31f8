// Heavy reads on a PostgreSQL streaming replica (DATABASE_REPLICA_URL): rankings and result
// counts, the dashboard's counts and the exports. Everything else — sign-in, sessions, every
// mutation and the reads that decide one — stays on the primary.
//
// Read-your-writes: a session that wrote (any mutation) reads from the primary for
// REPLICA_READ_AFTER_WRITE_SECONDS (default 5) afterwards, so a head who just adjusted a rating sees
// it in the ranking at once, whatever the replica's lag. With REDIS_URL the mark is kept in Redis
// and holds on every API replica (a write through one, the next read through another); without it,
// in this process only.
import type { PrismaClient, SqlRunner } from '@cadre/db';
import { Redis } from 'ioredis';
import { errorFields, logger } from './logger.ts';

export type ReplicaLag = {
  /** seconds the replica is behind: 0 when it has replayed everything it received */
  lagSeconds: number | null;
  /** when the last replayed transaction was committed on the primary */
  lastReplayAt: string | null;
  /** false when DATABASE_REPLICA_URL points at a server that is not a standby */
  standby: boolean;
};

export type ReadRouting = {
  /** the client a heavy read of this session goes to: the replica unless the session wrote lately */
  clientFor(
    sessionId: string | null | undefined,
  ): Promise<{ prisma: PrismaClient; from: 'replica' | 'primary' }>;
  /** the session is writing: its reads go to the primary for the next few seconds */
  wrote(sessionId: string | null | undefined): Promise<void>;
  lag(): Promise<ReplicaLag>;
  close(): Promise<void>;
};

export async function measureReplicaLag(sql: SqlRunner): Promise<ReplicaLag> {
  const [row] = await sql.query<{
    standby: boolean;
    lag: number | string | null;
    replayed: Date | string | null;
  }>(
    `SELECT pg_is_in_recovery() AS standby,
            CASE WHEN NOT pg_is_in_recovery() THEN NULL
                 WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                 ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END AS lag,
            pg_last_xact_replay_timestamp() AS replayed`,
  );
  const lag = row?.lag === null || row?.lag === undefined ? null : Math.max(0, Number(row.lag));
  return {
    standby: row?.standby === true,
    lagSeconds: lag === null ? null : Math.round(lag * 1000) / 1000,
    lastReplayAt: row?.replayed ? new Date(row.replayed).toISOString() : null,
  };
}

export function createReadRouting(options: {
  primary: PrismaClient;
  replica: PrismaClient;
  replicaSql: SqlRunner;
  readAfterWriteSeconds: number;
  redisUrl?: string;
}): ReadRouting {
  const holdMs = options.readAfterWriteSeconds * 1000;
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  const local = new Map<string, number>();
  const key = (sessionId: string) => `cadre:wrote:${sessionId}`;

  const wroteLately = async (sessionId: string): Promise<boolean> => {
    if ((local.get(sessionId) ?? 0) > Date.now()) return true;
    if (!redis) return false;
    try {
      return (await redis.exists(key(sessionId))) === 1;
    } catch (error) {
      // Redis gone: the primary is always right
      logger.warn(errorFields(error), 'read-after-write mark unavailable, reading from the primary');
      return true;
    }
  };

  return {
    async clientFor(sessionId) {
      if (sessionId && holdMs > 0 && (await wroteLately(sessionId))) {
        return { prisma: options.primary, from: 'primary' };
      }
      return { prisma: options.replica, from: 'replica' };
    },
    async wrote(sessionId) {
      if (!sessionId || holdMs === 0) return;
      const now = Date.now();
      if (local.size > 10_000) for (const [id, until] of local) if (until <= now) local.delete(id);
      local.set(sessionId, now + holdMs);
      await redis?.set(key(sessionId), '1', 'PX', holdMs).catch((error: unknown) => {
        logger.warn(errorFields(error), 'read-after-write mark not shared (Redis unavailable)');
      });
    },
    lag: () => measureReplicaLag(options.replicaSql),
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}
