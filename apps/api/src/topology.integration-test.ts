// The distributed parts together, as real processes on one PostgreSQL (a fresh database on the
// server of TEST_DATABASE_URL, default 127.0.0.1:5432): two API replicas (A and B) and worker
// processes (`npm run worker`'s entry).
//
// 1. A session made through A works through B (sessions live in the database).
// 2. A ranking read through B (kept in B's read cache) shows a write made through A.
// 3. A reference evaluation of the demo province through A, carried out in A's evaluation thread,
//    while `me` is asked of A again and again: the figures of its latency are printed.
// 4. A restarted with RUN_JOBS=off; a worker takes the next run and is killed with SIGKILL half-way;
//    a second worker takes the job back and finishes the same run, with the reference results.
//
// Run: cd apps/api && npx vitest run --config vitest.integration.config.ts src/topology.integration-test.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const database = `cadre_topology_${Date.now()}_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();
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

const portA = 41_000 + Math.floor(Math.random() * 2000);
const portB = portA + 1;
let admin: pg.Client;
let db: pg.Client;
let reachable = true;

beforeAll(async () => {
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
}, 30_000);

afterAll(async () => {
  for (const proc of processes) await stopProcess(proc, 'SIGKILL');
  await db?.end().catch(() => undefined);
  if (reachable) {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}, 30_000);

describe('two API replicas and workers on one PostgreSQL', () => {
  it('shares sessions and reads, carries runs out in a thread, and finishes a run whose worker was killed', async (test) => {
    if (!reachable) test.skip(`no PostgreSQL at ${serverUrl}`);
    const figures: Record<string, unknown> = {};
    // A migrates and seeds the demo province first; B then starts on the same database
    let apiA = await startApi('A', portA, { SEED_DEMO: '1', RUN_JOBS: 'on' });
    await startApi('B', portB, { RUN_JOBS: 'off' });

    // 1. a session made through A works through B
    const login = await graphql<{ login: { token: string } }>(
      portA,
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'officer', p: demoPassword },
    );
    const token = login.login.token;
    const me = await graphql<{ me: { displayName: string } }>(portB, '{ me { displayName } }', {}, token);
    expect(me.me.displayName.length).toBeGreaterThan(0);

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
  }, 180_000);
});
