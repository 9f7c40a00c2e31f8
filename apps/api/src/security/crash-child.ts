// A process the crash-safety test kills: it opens the database like the API (CRASH_DATABASE_URL or
// the PGlite folder CRASH_DATA_DIR) and runs one operation. With CRASH_ON=<table> it kills itself
// (SIGKILL, no clean-up of any kind) right after the first write to that table inside the
// operation's transaction, i.e. half-way through. Evaluation runs and imports go through the job
// queue, as in the API; mode `resume` only starts the queue and waits for the runs and import
// batches a killed process left.

import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrate, openDatabase, type PrismaClient } from '@cadre/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createMemoryLoginThrottle } from '../auth/login-throttle.ts';
import { testConfig } from '../config.ts';
import type { AppServices } from '../context.ts';
import { startJobQueue } from '../jobs/queue.ts';
import { logger } from '../logger.ts';
import { createReadCache } from '../read-cache.ts';
import { createUnitTreeCache } from '../scope/unit-tree.ts';
import { createServer } from '../server.ts';
import { createYoga } from '../yoga.ts';

const mode = process.argv[2];
const crashOn = process.env.CRASH_ON;
const databaseUrl = process.env.CRASH_DATABASE_URL || undefined;
const db = await openDatabase(
  databaseUrl ? { databaseUrl, poolSize: 4 } : { dataDir: process.env.CRASH_DATA_DIR },
);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'migration') {
  await migrate(db, { migrationsDir: process.env.CRASH_MIGRATIONS_DIR, log: say });
  say('DONE');
  await db.close();
  process.exit(0);
}

const prisma = db.prisma.$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      const result = await query(args);
      const sql = Array.isArray(args)
        ? String(args[0])
        : typeof args === 'object' && args && 'query' in args
          ? String(args.query)
          : '';
      const raw = operation.startsWith('$executeRaw') || operation.startsWith('$queryRaw');
      if (crashOn && (model === crashOn || (raw && sql.includes(`INSERT INTO "${crashOn}"`)))) {
        say(`KILLING mid-way after ${operation} on ${crashOn}`);
        process.kill(process.pid, 'SIGKILL');
      }
      return result;
    },
  },
}) as unknown as PrismaClient;

const unitTrees = createUnitTreeCache({ prisma: db.prisma });
const jobs = await startJobQueue({
  db,
  prisma,
  unitTrees,
  logger,
  databaseUrl,
  rescueEveryMs: 1000,
  rescueGraceSeconds: 2,
});
const services: AppServices = {
  db,
  prisma,
  config: testConfig(),
  throttle: createMemoryLoginThrottle(),
  unitTrees,
  readCache: createReadCache({ db }),
  jobs,
};
const yoga = createYoga(services);
const graphql = async (query: string, variables: Record<string, unknown>, token?: string) => {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { token?: string; __typename?: string }> };
};
const login = await graphql(
  'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
  {
    u: 'officer',
    p: process.env.CRASH_PASSWORD,
  },
);
const token = login.data?.login?.token;
if (!token) throw new Error('login failed');
const cycleId = encodeGlobalID('Cycle', process.env.CRASH_CYCLE_ID ?? '');

if (mode === 'resume') {
  // the queue of this process takes over the runs of the killed one
  const cycle = process.env.CRASH_CYCLE_ID ?? '';
  const left = await db.prisma.evaluationRun.findMany({ where: { cycleId: cycle, status: 'RUNNING' } });
  const unfinished = { status: { in: ['QUEUED' as const, 'VALIDATING' as const] } };
  const leftImports = await db.prisma.importBatch.findMany({ where: unfinished, select: { id: true } });
  for (;;) {
    const running = await db.prisma.evaluationRun.count({ where: { cycleId: cycle, status: 'RUNNING' } });
    const importing = await db.prisma.importBatch.count({ where: unfinished });
    if (running === 0 && importing === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const imported = await db.prisma.importBatch.findMany({
    where: { id: { in: leftImports.map((batch) => batch.id) } },
    select: { id: true, status: true },
  });
  say(`IMPORTS ${JSON.stringify(imported)}`);
  const finished = await db.prisma.evaluationRun.findMany({
    where: { id: { in: left.map((run) => run.id) } },
    select: { id: true, status: true },
  });
  say(`RESULT ${JSON.stringify(finished)}`);
} else if (mode === 'evaluation') {
  const result = await graphql(
    'mutation ($c: ID!) { runEvaluation(cycleId: $c, wait: true) { __typename ... on Error { code message } } }',
    { c: cycleId },
    token,
  );
  say(`RESULT ${JSON.stringify(result.data)}`);
} else if (mode === 'import') {
  const server = createHttpServer(createServer({ services, demo: null, yoga }).handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const form = new FormData();
  form.append('file', new Blob([readFileSync(process.env.CRASH_IMPORT_FILE ?? '')]), 'tasks.csv');
  const response = await fetch(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/import?kind=TASKS&cycleId=${encodeURIComponent(cycleId)}&wait=1`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form },
  );
  say(`RESULT ${response.status} ${(await response.text()).slice(0, 300)}`);
  server.close();
}
say('DONE');
await jobs.close();
await services.throttle.close();
await services.readCache.close();
await db.close();
process.exit(0);
