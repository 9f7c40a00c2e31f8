// `npm run worker`: a process that only carries out jobs (evaluation runs, imports), beside any number of
// API replicas on the same PostgreSQL (DATABASE_URL). Stop it with SIGTERM/SIGINT: the job in
// progress is finished first; killed outright, its job is taken back by another process.
import { migrate, openDatabase, redactUrl } from '@cadre/db';
import { ConfigError, readConfig } from '../config.ts';
import { errorFields, logger } from '../logger.ts';
import { followUnitChanges } from '../scope/follow-unit-changes.ts';
import { createUnitTreeCache } from '../scope/unit-tree.ts';
import { startJobQueue } from './queue.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(
      'npm run worker cần DATABASE_URL / needs DATABASE_URL: the embedded database belongs to the one `npm start` process, which carries out its jobs itself',
    );
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 4 });
  // the same migrations the API applies, under the same lock: whichever process starts first
  await migrate(db);
  const unitTrees = createUnitTreeCache({ prisma: db.prisma });
  await followUnitChanges(db, unitTrees);
  const jobs = await startJobQueue({
    db,
    unitTrees,
    logger,
    databaseUrl: config.databaseUrl,
  });
  logger.info({ database: redactUrl(config.databaseUrl), pid: process.pid }, 'worker ready');
  const stop = async (signal: string) => {
    logger.info({ signal }, 'worker stopping');
    const forced = setTimeout(() => process.exit(1), 60_000);
    forced.unref();
    await jobs
      .close()
      .catch((error: unknown) => logger.error(errorFields(error), 'job queue did not stop cleanly'));
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const line =
    error instanceof ConfigError
      ? error.message
      : `Không khởi động được worker / the worker failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${line.split('\n')[0]}\n`);
  process.exit(1);
});
