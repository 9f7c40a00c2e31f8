// `npm start`: read the configuration, bind the port, open + migrate (+ seed) the database, serve.
// Any configuration problem stops here with one line saying what is wrong and what to do (exit 1).

import type { Database } from '@cadre/db';
import { demoAccounts, ensureDemoData, migrate, openDatabase, openPostgres, redactUrl } from '@cadre/db';
import { createMemoryLoginThrottle, createRedisLoginThrottle } from './auth/login-throttle.ts';
import { ConfigError, loadSecretKey, readConfig } from './config.ts';
import type { AppServices } from './context.ts';
import { type JobQueue, readRunJobs, startJobQueue } from './jobs/queue.ts';
import { logger } from './logger.ts';
import { createReadCache, type ReadCache } from './read-cache.ts';
import { createReadRouting, measureReplicaLag, type ReadRouting } from './read-replica.ts';
import { followUnitChanges } from './scope/follow-unit-changes.ts';
import { createUnitTreeCache } from './scope/unit-tree.ts';
import { createServer, createStartingHandler, type DemoInfo, type RequestHandler } from './server.ts';
import {
  checkDataDir,
  checkProductionData,
  createHttpServer,
  ensureFirstAdmin,
  listen,
  writeFirstAdminPassword,
} from './startup-checks.ts';

async function openAndCheck(databaseUrl: string | undefined, dataDir: string): Promise<Database> {
  let db: Database | undefined;
  try {
    db = await openDatabase({ databaseUrl, dataDir });
    await db.sql.query('SELECT 1');
    return db;
  } catch (error) {
    await db?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (databaseUrl) {
      throw new ConfigError(
        `Không kết nối được cơ sở dữ liệu / cannot reach DATABASE_URL=${redactUrl(databaseUrl)} (${reason}): start PostgreSQL or fix DATABASE_URL`,
      );
    }
    throw new ConfigError(
      `Không mở được dữ liệu nhúng / cannot open the embedded database in ${dataDir} (${reason}): check DATA_DIR`,
    );
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl) checkDataDir(config.dataDir);

  let handler: RequestHandler = createStartingHandler(config.trustProxy);
  const server = createHttpServer((request, response) => handler(request, response));
  await listen(server, config.port, config.host);
  // after the port: a port in use stops start-up before anything is written to DATA_DIR
  config.secretKey = loadSecretKey(config).secretKey;

  let db: Database | undefined;
  let readCache: ReadCache | undefined;
  let jobs: JobQueue | undefined;
  let replica: Database | undefined;
  let reads: ReadRouting | undefined;
  let closeServer: (() => Promise<void>) | undefined;
  const throttle = config.redisUrl ? createRedisLoginThrottle(config.redisUrl) : createMemoryLoginThrottle();
  const shutdown = async (signal: string) => {
    logger.info({ signal }, `Nhận ${signal}, đang dừng… / ${signal} received, shutting down…`);
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // a run in progress is finished first; if this takes too long the forced exit leaves its job
    // to another process (it is taken back once this process is gone)
    await jobs?.close().catch(() => undefined);
    await throttle.close().catch(() => undefined);
    await readCache?.close().catch(() => undefined);
    await closeServer?.().catch(() => undefined);
    await reads?.close().catch(() => undefined);
    await replica?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    db = await openAndCheck(config.databaseUrl, config.dataDir);
    await migrate(db);
    let demo: DemoInfo | null = null;
    const embedded = db.engine === 'pglite';
    if (config.production) {
      // never demo data or demo passwords in production (startup-checks.ts)
      await checkProductionData({
        prisma: db.prisma,
        demoPassword: config.demoPassword,
        seedDemo: config.seedDemo,
      });
      const first = await ensureFirstAdmin(db.prisma);
      if (first) {
        const file = writeFirstAdminPassword(config.dataDir, first);
        logger.warn(
          { username: first.username, file },
          `Tài khoản quản trị đầu tiên / first administrator "${first.username}": mật khẩu trong tệp / password in ${file} (chỉ chủ sở hữu đọc được; đổi khi đăng nhập rồi xoá tệp / owner-only; change it at first login, then delete the file)`,
        );
      }
    } else if (embedded || config.seedDemo) {
      // first start (no units yet): seed the demo province; later starts keep what is there
      const seeded = await ensureDemoData(db, { password: config.demoPassword });
      if (seeded)
        logger.info(
          { people: seeded.people, units: seeded.units },
          `Đã tạo dữ liệu mẫu / demo province seeded: ${seeded.people} people, ${seeded.units} units`,
        );
      const hasDemoAccounts =
        (await db.prisma.user.count({ where: { username: { in: [...demoAccounts] } } })) > 0;
      if (hasDemoAccounts) demo = { password: config.demoPassword, accounts: [...demoAccounts] };
    }
    readCache = createReadCache({ db, enabled: config.readCache });
    const unitTrees = createUnitTreeCache({ prisma: db.prisma });
    await followUnitChanges(db, unitTrees);
    // evaluation runs and imports are jobs: this process carries them out too unless RUN_JOBS=off (replicas
    // beside `npm run worker` processes); the embedded engine always carries them out itself
    jobs = await startJobQueue({
      db,
      unitTrees,
      logger,
      databaseUrl: config.databaseUrl,
      execute: readRunJobs(),
    });
    if (config.databaseReplicaUrl) {
      replica = await openPostgres(config.databaseReplicaUrl, 10);
      try {
        const lag = await measureReplicaLag(replica.sql);
        if (!lag.standby) {
          logger.warn(
            { replica: redactUrl(config.databaseReplicaUrl) },
            'DATABASE_REPLICA_URL không phải bản sao / is not a standby (pg_is_in_recovery() is false): reads go there anyway',
          );
        }
        logger.info({ replica: redactUrl(config.databaseReplicaUrl), ...lag }, 'read replica connected');
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new ConfigError(
          `Không kết nối được bản sao / cannot reach DATABASE_REPLICA_URL=${redactUrl(config.databaseReplicaUrl)} (${reason}): start the replica or unset DATABASE_REPLICA_URL`,
        );
      }
      reads = createReadRouting({
        primary: db.prisma,
        replica: replica.prisma,
        replicaSql: replica.sql,
        readAfterWriteSeconds: config.replicaReadAfterWriteSeconds,
        redisUrl: config.redisUrl,
      });
    }
    const services: AppServices = {
      db,
      prisma: db.prisma,
      config,
      throttle,
      unitTrees,
      readCache,
      jobs,
      reads,
    };
    const created = createServer({ services, demo });
    closeServer = created.close;
    handler = created.handler;
  } catch (error) {
    server.close();
    await reads?.close().catch(() => undefined);
    await replica?.close().catch(() => undefined);
    await jobs?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    throw error;
  }

  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
  logger.info({ engine: db.engine, where }, `Cơ sở dữ liệu / database: ${db.engine} (${where})`);
  logger.info(
    { port: config.port },
    `Mở http://localhost:${config.port} / Open http://localhost:${config.port} (GraphQL: /graphql)`,
  );
}

main().catch((error: unknown) => {
  // one plain line on stderr for the person who typed `npm start` (no stack: a configuration
  // problem is not a bug); the logs proper are JSON on stdout
  const line =
    error instanceof ConfigError
      ? error.message
      : `Không khởi động được / failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${line.split('\n')[0]}\n`);
  process.exit(1);
});
