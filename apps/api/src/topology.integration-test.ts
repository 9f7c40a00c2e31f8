// The distributed parts together, as real processes: two API replicas (A and B), worker processes
// (`npm run worker`'s entry), Redis, and a PostgreSQL primary with a streaming replica.
//
// The test starts its own PostgreSQL cluster (initdb, as the postgres user when run as root) and a
// streaming replica of it (pg_basebackup -R) on spare ports when the binaries are there (PG_BIN,
// default /usr/lib/postgresql/15/bin), and its own redis-server; without them it uses a fresh
// database on the server of TEST_DATABASE_URL (default 127.0.0.1:5432) and skips what needs them.
//
// 1. A session made through A works through B (sessions live in the database).
// 2. A ranking read through B (kept in B's read cache) shows a write made through A.
// 3. A reference evaluation of the demo province through A, carried out in A's evaluation thread,
//    while `me` is asked of A again and again: the figures of its latency are printed.
// 4. A restarted with RUN_JOBS=off; a worker takes the next run and is killed with SIGKILL half-way;
//    a second worker takes the job back and finishes the same run, with the reference results.
// 5. A and B read rankings from the replica (DATABASE_REPLICA_URL): /healthz reports its lag; a
//    write on the primary shows through B once replicated; with replay paused B still shows the
//    older row the primary no longer has; a session that wrote through A reads its write through B
//    at once (the mark is in Redis).
// 6. 50 wrong passwords spread over A and B (behind a trusted proxy, X-Forwarded-For) are throttled
//    as one: Redis holds the count.
//
// Run: cd apps/api && npx vitest run --config vitest.integration.config.ts src/topology.integration-test.ts
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';

const portA = 41_000 + Math.floor(Math.random() * 2000);
const portB = portA + 1;
const primaryPort = portA + 3000;
const replicaPort = primaryPort + 1;
const redisPort = primaryPort + 2;

const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const ownClusters = existsSync(path.join(pgBin, 'initdb')) && existsSync(path.join(pgBin, 'pg_basebackup'));
const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file));
const serverUrl = ownClusters
  ? `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`
  : (process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const database = `cadre_topology_${Date.now()}_${process.pid}`;
const inDatabase = (server: string) => {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
};
const databaseUrl = inDatabase(serverUrl);
const replicaUrl = ownClusters
  ? inDatabase(`postgresql://postgres@127.0.0.1:${replicaPort}/postgres`)
  : undefined;
const redisUrl = redisServer ? `redis://127.0.0.1:${redisPort}` : undefined;
let clusterDir: string | undefined;

/** pg binaries refuse to run as root: as the postgres user then */
function runPg(binary: string, args: string[]): void {
  const file = path.join(pgBin, binary);
  const [command, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  execFileSync(command, argv, { stdio: 'ignore', timeout: 60_000 });
}

function startCluster(dir: string, port: number): void {
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${clusterDir} -c fsync=off`;
  try {
    runPg('pg_ctl', ['-D', dir, '-w', '-l', `${dir}.log`, '-o', options, 'start']);
  } catch (error) {
    const log = existsSync(`${dir}.log`) ? readFileSync(`${dir}.log`, 'utf8').slice(-2000) : '';
    throw new Error(`PostgreSQL at ${dir} did not start: ${String(error)}\n${log}`);
  }
}

/** A primary and a streaming replica of it, in a temporary folder owned by the postgres user. */
function startPrimaryAndReplica(): void {
  clusterDir = mkdtempSync(path.join(tmpdir(), 'cadre-topology-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(clusterDir, uid, gid);
  }
  const primary = path.join(clusterDir, 'primary');
  const replica = path.join(clusterDir, 'replica');
  runPg('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  startCluster(primary, primaryPort);
  runPg('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replica,
    '-R',
    '-X',
    'stream',
  ]);
  startCluster(replica, replicaPort);
}

function stopClusters(): void {
  if (!clusterDir) return;
  for (const name of ['replica', 'primary']) {
    const dir = path.join(clusterDir, name);
    if (existsSync(path.join(dir, 'postmaster.pid'))) {
      try {
        runPg('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']);
      } catch {
        // already gone
      }
    }
  }
  rmSync(clusterDir, { recursive: true, force: true });
}
const demoPassword = 'topology-demo-password';
const secretKey = randomBytes(32).toString('hex');

type Proc = { name: string; child: ChildProcess; output: string; exited: Promise<number | null> };
const processes: Proc[] = [];

function startProcess(name: string, entry: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      // the `me` loop during the reference run is one client: this test is not about that limit
      GRAPHQL_RATE_LIMIT: '100000',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      TRUST_PROXY: 'loopback',
      DATABASE_URL: databaseUrl,
      CADRE_SECRET_KEY: secretKey,
      DEMO_PASSWORD: demoPassword,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = {
    name,
    child,
    output: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    proc.output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    proc.output += chunk.toString();
  });
  processes.push(proc);
  return proc;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 90_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startApi(name: string, port: number, env: Record<string, string>): Promise<Proc> {
  const proc = startProcess(name, 'apps/api/src/main.ts', { PORT: String(port), ...env });
  return waitFor(`${name} to answer /healthz`, async () => {
    if (proc.child.exitCode !== null) throw new Error(`${name} exited: ${proc.output.slice(-2000)}`);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok ? proc : null;
  });
}

async function stopProcess(proc: Proc, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
  await proc.exited;
}

async function graphql<T = Record<string, unknown>>(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function resultsDigest(client: pg.Client, cycleId: string) {
  const { rows } = await client.query<{ n: number; digest: string | null }>(
    `SELECT count(*)::int AS n, md5(string_agg("personId" || ':' || "score" || ':' || "engineRating" || ':' || "finalRating", ',' ORDER BY "personId")) AS digest
     FROM "EvaluationResult" WHERE "cycleId" = $1`,
    [cycleId],
  );
  return { count: rows[0]?.n ?? 0, digest: rows[0]?.digest ?? null };
}

let admin: pg.Client;
let db: pg.Client;
let replicaDb: pg.Client | undefined;
let redisProcess: ChildProcess | undefined;
let reachable = true;

beforeAll(async () => {
  if (ownClusters) startPrimaryAndReplica();
  if (redisServer) {
    redisProcess = spawn(
      redisServer,
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(
      'redis-server',
      async () => {
        const probe = new Redis(redisUrl ?? '', {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } finally {
          probe.disconnect();
        }
      },
      10_000,
    );
  }
  admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    reachable = false;
    return;
  }
  await admin.query(`CREATE DATABASE "${database}"`);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  if (replicaUrl) {
    // the replica has the new database once it replayed its creation
    replicaDb = await waitFor(
      'the database on the replica',
      async () => {
        const client = new pg.Client({ connectionString: replicaUrl });
        try {
          await client.connect();
          return client;
        } catch (error) {
          await client.end().catch(() => undefined);
          throw error;
        }
      },
      20_000,
    );
  }
}, 60_000);

afterAll(async () => {
  for (const proc of processes) await stopProcess(proc, 'SIGKILL');
  await db?.end().catch(() => undefined);
  await replicaDb?.end().catch(() => undefined);
  if (reachable) {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  stopClusters();
  redisProcess?.kill('SIGTERM');
}, 30_000);

describe('two API replicas, workers, Redis, a PostgreSQL primary and its streaming replica', () => {
  it('shares sessions and reads, carries runs out in a thread, and finishes a run whose worker was killed', async (test) => {
    if (!reachable) test.skip(`no PostgreSQL at ${serverUrl}`);
    const figures: Record<string, unknown> = {};
    // A migrates and seeds the demo province first; B then starts on the same database
    // both read rankings from the replica, as every replica of a deployment would be configured
    const withReplica: Record<string, string> = replicaUrl
      ? { DATABASE_REPLICA_URL: replicaUrl, REPLICA_READ_AFTER_WRITE_SECONDS: '2' }
      : {};
    let apiA = await startApi('A', portA, { SEED_DEMO: '1', RUN_JOBS: 'on', ...withReplica });
    await startApi('B', portB, { RUN_JOBS: 'off', ...withReplica });

    // 1. a session made through A works through B
    const login = await graphql<{ login: { token: string } }>(
      portA,
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'officer', p: demoPassword },
    );
    const token = login.login.token;
    const me = await graphql<{ me: { displayName: string } }>(portB, '{ me { displayName } }', {}, token);
    expect(me.me.displayName.length).toBeGreaterThan(0);

    // 6. wrong passwords spread over both replicas, from one client behind the proxy, count once
    if (redisUrl) {
      const codes = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const response = await fetch(`http://127.0.0.1:${i % 2 ? portA : portB}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
            body: JSON.stringify({
              query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
              variables: { u: 'head', p: `wrong-password-${i}` },
            }),
          });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          return body.errors?.[0]?.extensions?.code ?? 'OK';
        }),
      );
      const checked = codes.filter((code) => code === 'UNAUTHENTICATED').length;
      const refused = codes.filter((code) => code === 'RATE_LIMITED').length;
      figures.loginsOverTwoReplicas = { attempts: 50, checked, refused };
      // one name from one address: 5 checked in all, not 5 per replica
      expect({ checked, refused }).toEqual({ checked: 5, refused: 45 });
    }

    const cycle = (
      await db.query<{ id: string }>(`SELECT id FROM "Cycle" WHERE year = 2026 ORDER BY id LIMIT 1`)
    ).rows[0];
    expect(cycle).toBeDefined();
    const cycleGid = Buffer.from(`Cycle:${cycle?.id}`).toString('base64');
    const runQuery = `mutation ($c: ID!) { runEvaluation(cycleId: $c) { __typename ... on RunEvaluationSuccess { data { id status } } ... on Error { message } } }`;
    const runRow = (id: string) =>
      db
        .query<{ status: string; processed: number; total: number; message: string | null }>(
          `SELECT status, processed, total, message FROM "EvaluationRun" WHERE id = $1`,
          [id],
        )
        .then((result) => result.rows[0]);
    const startRun = async (port: number) => {
      const answer = await graphql<{
        runEvaluation: { __typename: string; data?: { id: string }; message?: string };
      }>(port, runQuery, { c: cycleGid }, token);
      expect(answer.runEvaluation.__typename, answer.runEvaluation.message).toBe('RunEvaluationSuccess');
      return Buffer.from(answer.runEvaluation.data?.id ?? '', 'base64')
        .toString()
        .replace(/^EvaluationRun:/, '');
    };
    const waitForEnd = (id: string) =>
      waitFor(`run ${id} to finish`, async () => {
        const row = await runRow(id);
        return row && row.status !== 'RUNNING' ? row : null;
      });

    // 3. the reference run, carried out by A in its evaluation thread, while A answers `me`
    const idle: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const started = performance.now();
      await graphql(portA, '{ me { id } }', {}, token);
      idle.push(performance.now() - started);
    }
    const referenceStarted = performance.now();
    const referenceId = await startRun(portA);
    const during: number[] = [];
    for (;;) {
      const started = performance.now();
      await graphql(portA, '{ me { id } }', {}, token);
      during.push(performance.now() - started);
      const row = await runRow(referenceId);
      if (row?.status !== 'RUNNING') break;
    }
    const reference = await waitForEnd(referenceId);
    figures.referenceRunMs = Math.round(performance.now() - referenceStarted);
    expect(reference.status, reference.message ?? '').toBe('SUCCEEDED');
    figures.meIdle = { p50: percentile(idle, 50), p95: percentile(idle, 95) };
    figures.meDuringRun = { n: during.length, p50: percentile(during, 50), p95: percentile(during, 95) };
    await waitFor('the reference run’s job to be completed', async () => {
      const { rows } = await db.query(`SELECT 1 FROM graphile_worker.jobs WHERE key = $1`, [
        `evaluation-run:${referenceId}`,
      ]);
      return rows.length === 0;
    });
    const expected = await resultsDigest(db, cycle?.id ?? '');
    expect(expected.count).toBeGreaterThan(500);

    // 2. a ranking read through B, kept in B's read cache, shows a write made through A
    const rankingQuery = `query ($c: ID!) { results(cycleId: $c, first: 3) { edges { node { id person { id fullName version } } } } }`;
    type Ranking = {
      results: { edges: { node: { person: { id: string; fullName: string; version: number } } }[] };
    };
    const first = await graphql<Ranking>(portB, rankingQuery, { c: cycleGid }, token);
    await graphql<Ranking>(portB, rankingQuery, { c: cycleGid }, token); // answered from B's cache
    const person = first.results.edges[0]?.node.person;
    expect(person).toBeDefined();
    const renamed = `${person?.fullName} (đổi tên)`;
    const update = await graphql<{ updatePerson: { __typename: string } }>(
      portA,
      `mutation ($id: ID!, $v: Int!, $n: String!) { updatePerson(id: $id, version: $v, input: { fullName: $n }) { __typename } }`,
      { id: person?.id, v: person?.version, n: renamed },
      token,
    );
    expect(update.updatePerson.__typename).toBe('UpdatePersonSuccess');
    const writtenAt = performance.now();
    await waitFor(
      'B to read the new name',
      async () => {
        const again = await graphql<Ranking>(portB, rankingQuery, { c: cycleGid }, token);
        return again.results.edges.some((edge) => edge.node.person.fullName === renamed);
      },
      10_000,
    );
    figures.crossReplicaReadMs = Math.round(performance.now() - writtenAt);

    // 5. B reads rankings from the streaming replica
    if (replicaUrl && replicaDb) {
      const standby = replicaDb;
      type Health = { replica?: { standby: boolean; lagSeconds: number | null; error?: string } };
      const healthOfB = async () =>
        ((await (await fetch(`http://127.0.0.1:${portB}/healthz`)).json()) as Health).replica;
      const health = await healthOfB();
      expect(health, JSON.stringify(health)).toMatchObject({ standby: true });
      expect(typeof health?.lagSeconds).toBe('number');
      figures.replicaLagSeconds = health?.lagSeconds;
      // a session that has not written: its rankings come from the replica
      const reader = (
        await graphql<{ login: { token: string } }>(
          portB,
          'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          { u: 'officer', p: demoPassword },
        )
      ).login.token;
      const personId = Buffer.from(person?.id ?? '', 'base64')
        .toString()
        .replace(/^Person:/, '');
      const nameThrough = async (port: number) =>
        (await graphql<Ranking>(port, rankingQuery, { c: cycleGid }, reader)).results.edges.find(
          (edge) => edge.node.person.id === person?.id,
        )?.node.person.fullName;
      const rename = (name: string) =>
        db.query(`UPDATE "Person" SET "fullName" = $1 WHERE id = $2`, [name, personId]);

      const replicated = `${person?.fullName} (bản sao)`;
      const replicatedAt = performance.now();
      await rename(replicated);
      await waitFor(
        'B to read the write once replicated',
        async () => (await nameThrough(portB)) === replicated,
        10_000,
      );
      figures.primaryWriteVisibleThroughReplicaMs = Math.round(performance.now() - replicatedAt);

      // replay paused: B answers from the replica, which has not seen the next write; the primary has
      await standby.query('SELECT pg_wal_replay_pause()');
      await waitFor('replay to pause', async () => {
        const { rows } = await standby.query<{ state: string }>(
          'SELECT pg_get_wal_replay_pause_state() AS state',
        );
        return rows[0]?.state === 'paused';
      });
      const unreplayed = `${person?.fullName} (chưa sao)`;
      await rename(unreplayed);
      const onPrimary = await db.query<{ name: string }>(
        `SELECT "fullName" AS name FROM "Person" WHERE id = $1`,
        [personId],
      );
      expect(onPrimary.rows[0]?.name).toBe(unreplayed);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await nameThrough(portB), 'B reads the replica, which has not replayed the write').toBe(
        replicated,
      );

      // read-your-writes: the reader writes through A, then reads its write through B at once
      const { rows } = await db.query<{ version: number }>(`SELECT version FROM "Person" WHERE id = $1`, [
        personId,
      ]);
      const own = `${person?.fullName} (tự sửa)`;
      const write = await graphql<{ updatePerson: { __typename: string } }>(
        portA,
        `mutation ($id: ID!, $v: Int!, $n: String!) { updatePerson(id: $id, version: $v, input: { fullName: $n }) { __typename } }`,
        { id: person?.id, v: rows[0]?.version, n: own },
        reader,
      );
      expect(write.updatePerson.__typename).toBe('UpdatePersonSuccess');
      expect(await nameThrough(portB), 'a session that wrote reads from the primary').toBe(own);
      const whilePaused = await healthOfB();
      expect(whilePaused?.lagSeconds ?? 0, 'the lag grows while replay is paused').toBeGreaterThan(0);
      figures.replicaLagWhilePausedSeconds = whilePaused?.lagSeconds;

      await standby.query('SELECT pg_wal_replay_resume()');
      const resumedAt = performance.now();
      await waitFor(
        'the replica to catch up',
        async () => {
          const { rows: found } = await standby.query<{ name: string }>(
            `SELECT "fullName" AS name FROM "Person" WHERE id = $1`,
            [personId],
          );
          return found[0]?.name === own;
        },
        10_000,
      );
      figures.replicaCatchUpMs = Math.round(performance.now() - resumedAt);
      expect(await nameThrough(portB)).toBe(own);
    }

    // 4. runs go to the workers only; the worker carrying the run out is killed half-way
    await stopProcess(apiA);
    apiA = await startApi('A2', portA, { RUN_JOBS: 'off' });
    const worker1 = startProcess('worker 1', 'apps/api/src/jobs/worker.ts', {});
    await waitFor('worker 1', async () => worker1.output.includes('worker ready'));
    const killedStarted = performance.now();
    const killedId = await startRun(portA);
    await waitFor('worker 1 to take the run', async () => worker1.output.includes('evaluation run started'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(300, Number(figures.referenceRunMs) / 3)));
    worker1.child.kill('SIGKILL');
    await worker1.exited;
    expect((await runRow(killedId))?.status, 'killed before the run ended').toBe('RUNNING');
    const worker2 = startProcess('worker 2', 'apps/api/src/jobs/worker.ts', {});
    const killed = await waitForEnd(killedId);
    figures.runWithKilledWorkerMs = Math.round(performance.now() - killedStarted);
    expect(killed.status, killed.message ?? worker2.output.slice(-2000)).toBe('SUCCEEDED');
    expect(worker2.output).toContain('evaluation job of a dead worker handed back to the queue');
    expect(await resultsDigest(db, cycle?.id ?? ''), 'the same results as the reference run').toEqual(
      expected,
    );
    const requestIds = worker2.output.match(/"requestId":"[^"]+"/g) ?? [];
    expect(requestIds.length, 'the request id is in the job’s logs').toBeGreaterThan(0);
    console.info(`[topology] ${JSON.stringify(figures)}`);
  }, 240_000);
});
