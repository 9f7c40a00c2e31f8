import type { Database, PrismaClient } from '@cadre/db';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { ApiConfig } from './config.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { ReadCache } from './read-cache.ts';
import type { ReadRouting } from './read-replica.ts';
import type { UnitTreeCache } from './scope/unit-tree.ts';
import type { Viewer } from './scope/viewer.ts';

/** What lives as long as the server: shared by every request. */
export type AppServices = {
  db: Database;
  /** the client resolvers use (tests pass a query-counting one) */
  prisma: PrismaClient;
  config: ApiConfig;
  throttle: LoginThrottle;
  unitTrees: UnitTreeCache;
  /** ranking pages and counts, dropped on every committed change they read */
  readCache: ReadCache;
  /** the job queue evaluation runs go to; absent (tests, the bench), a run is carried out where it was started */
  jobs?: JobQueue;
  /** the streaming replica heavy reads go to (DATABASE_REPLICA_URL); absent, every read is on `prisma` */
  reads?: ReadRouting;
};

export type Context = AppServices & {
  request: Request;
  viewer: Viewer | null;
  authMethod: 'bearer' | 'cookie' | null;
  authFailure: string | null;
  clientIp: string;
  /** 'replica' when this operation's reads were sent to the replica (read-replica.ts) */
  readsFrom?: 'primary' | 'replica';
  /** adds a Set-Cookie header to this request's response */
  setCookie(cookie: string): void;
};

export type LoggedInContext = Context & { viewer: Viewer };
