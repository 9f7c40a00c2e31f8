// (c) and (d): the real API server (apps/api/src/main.ts) on the bench database, on a free
// loopback port. An evaluation run is started through GraphQL while the server's resident memory
// is sampled; then 50 concurrent clients (autocannon) ask for the ranking (first 50 results of a
// unit subtree by score) and search people by name, for a bounded time each.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchOutcome } from './eval-bench.ts';
import { benchAdmin } from './generate/province.ts';
import { apiSrc, repoRoot } from './lib/api-modules.ts';
import { type BenchDatabase, outDir } from './lib/bench-database.ts';
import type { BenchOptions } from './lib/options.ts';
import { megabytes, seconds } from './lib/report.ts';
import { readRss, startRssSampler } from './lib/rss.ts';

type GraphQLReply<T> = { data?: T | null; errors?: { message: string }[] };

export const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

type RunningServer = { child: ChildProcess; url: string; logFile: string; stop(): Promise<void> };

export async function startServer(
  bench: BenchDatabase,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  mkdirSync(outDir, { recursive: true });
  const logFile = path.join(outDir, `api-${bench.engine}.log`);
  const output = createWriteStream(logFile);
  // node --import tsx: the server is this child itself, so its /proc entry is the API's memory
  // BENCH_API_PROFILE=1: a V8 CPU profile of the server, written to bench/.out/profiles when it stops
  const profile = process.env.BENCH_API_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', path.join(outDir, 'profiles')]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(apiSrc, 'main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      // the API runs with Node's default heap, as in production (the bench process has a larger one)
      NODE_OPTIONS: '',
      ...bench.serverEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      ALLOW_ARBITRARY_OPERATIONS: '1',
      // the 50 clients share one session and one address: the per-client limit (1,200 a minute)
      // would answer most of them 429, which measures the limiter, not the API
      GRAPHQL_RATE_LIMIT: '0',
      ...(bench.engine === 'pglite' ? { DATABASE_URL: '' } : { DATA_DIR: '' }),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(output);
  child.stderr?.pipe(output);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    output.end();
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API exited with ${child.exitCode} at start-up: see ${logFile}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not become healthy within 180 s: see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, url, logFile, stop };
}

export async function graphql<T>(
  url: string,
  token: string | null,
  query: string,
  variables: object = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const reply = (await response.json()) as GraphQLReply<T>;
  if (reply.errors?.length || !reply.data) {
    throw new Error(
      `GraphQL ${response.status}: ${reply.errors?.map((error) => error.message).join('; ') ?? 'no data'}`,
    );
  }
  return reply.data;
}

export async function logIn(url: string): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(
    url,
    null,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: benchAdmin.username, p: benchAdmin.password },
  );
  return data.login.token;
}

type LoadFigures = {
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  total: number;
  failures: number;
  timeouts: number;
};

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

/** autocannon against one GraphQL operation; every response time is kept to compute p95 exactly. */
async function loadTest(options: {
  url: string;
  token: string;
  bodies: readonly string[];
  connections: number;
  duration: number;
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}/graphql`,
        connections: options.connections,
        duration: options.duration,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
            setupRequest: (request) => {
              const body = options.bodies[next++ % options.bodies.length] as string;
              return { ...request, body };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    p99: round(percentile(latencies, 0.99)),
    requestsPerSecond: result.requests.total / (result.duration || options.duration),
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    timeouts: result.timeouts,
  };
}

export const rankingQuery = `query Ranking($cycleId: ID!, $unitId: ID!) {
  results(cycleId: $cycleId, first: 50, filter: { unitId: $unitId }, orderBy: SCORE_DESC) {
    totalCount
    edges { node { id score finalRating engineRating titles person { code fullName } } }
  }
}`;

export const searchQuery = `query Search($search: String!) {
  people(first: 50, filter: { search: $search }) {
    totalCount
    edges { node { id code fullName category unit { name } } }
  }
}`;

const searchTerms = [
  'nguyen van',
  'tran thi',
  'le minh',
  'pham',
  'hoang',
  'thu trang',
  'vu duc',
  'huong',
  'CB0001',
  'dang',
];

/** Results the ranking can read when the evaluation run cannot produce them (engine missing). */
async function writePlaceholderResults(bench: BenchDatabase): Promise<number> {
  const db = await bench.open();
  try {
    await db.sql.query('SELECT setseed(0.5)');
    const [row] = await db.sql.query<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO "EvaluationResult" ("id","cycleId","personId","unitId","score","proposedRating","engineRating","finalRating","trace","updatedAt")
         SELECT 'bench-' || p.id, $1, p.id, p."unitId", s.score,
           r.rating::"Rating", r.rating::"Rating", r.rating::"Rating", '[]'::jsonb, now()
         FROM "Person" p
         CROSS JOIN LATERAL (SELECT round((40 + random() * 60)::numeric, 1)::float8 AS score) s
         CROSS JOIN LATERAL (SELECT CASE WHEN s.score >= 90 THEN 'EXCELLENT' WHEN s.score >= 70 THEN 'GOOD'
           WHEN s.score >= 50 THEN 'COMPLETED' ELSE 'NOT_COMPLETED' END AS rating) r
         WHERE p.code LIKE 'CB%'
         ON CONFLICT ("cycleId","personId") DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [bench.province.cycleId],
    );
    await db.sql.exec('ANALYZE "EvaluationResult"');
    return row?.n ?? 0;
  } finally {
    await db.close();
  }
}

async function measureRun(
  server: RunningServer,
  token: string,
  cycleId: string,
): Promise<{
  status: string;
  ms: number;
  message: string | null;
  peakRss: number;
  hwm: number;
  before: number;
  me: { p50: number; p95: number; count: number; failures: number };
}> {
  const before = readRss(server.child.pid ?? 0)?.rss ?? 0;
  const sampler = startRssSampler(server.child.pid ?? 0, 100);
  const started = performance.now();
  const probe = probeWhileRunning(server.url, token, 10);
  const data = await graphql<{ runEvaluation: { __typename: string; data?: { id: string } } }>(
    server.url,
    token,
    'mutation ($id: ID!) { runEvaluation(cycleId: $id) { __typename ... on RunEvaluationSuccess { data { id } } } }',
    { id: globalId('Cycle', cycleId) },
  );
  const runId = data.runEvaluation.data?.id;
  if (!runId) throw new Error(`runEvaluation answered ${data.runEvaluation.__typename}`);
  let status = 'RUNNING';
  let message: string | null = null;
  while (status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      // e.g. out of heap: the figure to report is that the process died, and at what size
      status = `CRASHED (${server.child.signalCode ?? `exit ${server.child.exitCode}`})`;
      message = `the API process died during the run: see ${server.logFile}`;
      break;
    }
    try {
      const polled = await graphql<{ evaluationRun: { status: string; message: string | null } | null }>(
        server.url,
        token,
        'query ($id: ID!) { evaluationRun(id: $id) { status message } }',
        { id: runId },
      );
      status = polled.evaluationRun?.status ?? 'MISSING';
      message = polled.evaluationRun?.message ?? null;
    } catch {
      // a busy or dying server: look again
    }
  }
  const ms = performance.now() - started;
  const memory = sampler.stop();
  const me = await probe.stop();
  return { status, ms, message, peakRss: memory.peakRss, hwm: memory.hwm, before, me };
}

/**
 * What other users feel while a run executes: `clients` callers asking `me` one after another, as
 * fast as it answers, until stop(); the latencies of the answers (a failure counts apart).
 */
function probeWhileRunning(url: string, token: string, clients: number) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const body = JSON.stringify({ query: '{ me { id username role } }' });
  const client = async () => {
    while (running) {
      const sent = performance.now();
      try {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        await response.arrayBuffer();
        if (response.ok) latencies.push(performance.now() - sent);
        else failures += 1;
      } catch {
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, client));
  return {
    async stop() {
      running = false;
      await done;
      latencies.sort((a, b) => a - b);
      const round = (value: number) => Math.round(value * 10) / 10;
      return {
        p50: round(percentile(latencies, 0.5)),
        p95: round(percentile(latencies, 0.95)),
        count: latencies.length,
        failures,
      };
    },
  };
}

/**
 * The ranking's floor: the same page (first 50 of a subtree by score, with the total) as one plain
 * SQL statement, as many at once as the pool allows, for a few seconds — what the database alone
 * can serve, without HTTP, GraphQL, sessions or Prisma.
 */
async function rankingSqlFloor(options: {
  bench: BenchDatabase;
  unitIds: string[][];
  seconds: number;
  concurrency: number;
}): Promise<{ p50: number; p95: number; requestsPerSecond: number }> {
  const db = await options.bench.open();
  try {
    const sql = `SELECT r.id, r.score, r."finalRating", r."engineRating", r.titles, p.code, p."fullName",
        count(*) OVER () AS total
      FROM "EvaluationResult" r JOIN "Person" p ON p.id = r."personId"
      WHERE r."cycleId" = $1 AND r."unitId" = ANY($2::text[])
      ORDER BY r.score DESC NULLS LAST, r.id LIMIT 50`;
    const latencies: number[] = [];
    const until = performance.now() + options.seconds * 1000;
    let next = 0;
    const worker = async () => {
      while (performance.now() < until) {
        const units = options.unitIds[next++ % options.unitIds.length] as string[];
        const started = performance.now();
        await db.sql.query(sql, [options.bench.province.cycleId, units]);
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      p50: Math.round(percentile(latencies, 0.5) * 10) / 10,
      p95: Math.round(percentile(latencies, 0.95) * 10) / 10,
      requestsPerSecond: latencies.length / elapsed,
    };
  } finally {
    await db.close();
  }
}

export async function benchApi(options: {
  bench: BenchDatabase;
  options: BenchOptions;
  log: (line: string) => void;
}): Promise<BenchOutcome> {
  const { bench, log } = options;
  const { connections, duration } = options.options;
  const engine = bench.engine;
  const figures: BenchOutcome['figures'] = [];
  const notes: string[] = [];
  const atScale = bench.province.people.length >= 100_000;
  const figure = (measure: string, value: string, target?: string, met?: boolean) =>
    figures.push({ bench: 'api', engine, measure, value, ...(target ? { target, met } : {}) });

  let server = await startServer(bench);
  try {
    log(
      `  server up at ${server.url} (pid ${server.child.pid}, log ${path.relative(process.cwd(), server.logFile)})`,
    );
    let token = await logIn(server.url);
    const idle = readRss(server.child.pid ?? 0);

    // (d) memory of the API process while it evaluates the province
    const run = await measureRun(server, token, bench.province.cycleId);
    log(
      `  evaluation through the API: ${run.status} in ${seconds(run.ms)}; RSS ${megabytes(run.before)} before, peak ${megabytes(run.peakRss)} sampled, VmHWM ${megabytes(run.hwm)}`,
    );
    figure(
      `API process RSS during an evaluation run (peak sampled / VmHWM)`,
      `${megabytes(run.peakRss)} / ${megabytes(run.hwm)} (idle ${megabytes(idle?.rss ?? 0)})`,
      run.status === 'SUCCEEDED' ? '≤ 600 MB' : undefined,
      run.status === 'SUCCEEDED' ? run.hwm <= 600 * 1024 ** 2 : undefined,
    );
    figure(`evaluation run through GraphQL (start, poll to the end)`, `${run.status} in ${seconds(run.ms)}`);
    log(
      `  me during the run: p50 ${run.me.p50} ms, p95 ${run.me.p95} ms (${run.me.count} answers, ${run.me.failures} failed)`,
    );
    figure(
      `\`me\` latency p50 / p95 while the run executes, 10 clients`,
      `${run.me.p50} / ${run.me.p95} ms (${run.me.count} answers, ${run.me.failures} failed)`,
      atScale && run.status === 'SUCCEEDED' ? 'p95 ≤ 100 ms' : undefined,
      atScale && run.status === 'SUCCEEDED' ? run.me.failures === 0 && run.me.p95 <= 100 : undefined,
    );
    if (run.status !== 'SUCCEEDED') {
      await server.stop();
      const written = await writePlaceholderResults(bench);
      log(`  wrote ${written} placeholder results for the ranking`);
      notes.push(
        `api (${engine}): the evaluation run through the API ${run.status} (${(run.message ?? '').split('\n')[0]}); the ranking read the results of earlier runs${written > 0 ? ` plus ${written} placeholder results written by the bench` : ''}`,
      );
      server = await startServer(bench);
      token = await logIn(server.url);
    }

    // (c) the ranking of a department's subtree, and people search
    const topUnits = bench.province.units.filter((unit) => unit.parentIndex === 0);
    const subtreeSize = (unitIndex: number) =>
      bench.province.people.filter(
        (person) =>
          person.unitIndex === unitIndex || bench.province.units[person.unitIndex]?.parentIndex === unitIndex,
      ).length;
    const rankingBodies = topUnits.slice(0, 8).map((unit) =>
      JSON.stringify({
        query: rankingQuery,
        variables: { cycleId: globalId('Cycle', bench.province.cycleId), unitId: globalId('Unit', unit.id) },
      }),
    );
    const firstTop = bench.province.units.indexOf(topUnits[0] as (typeof topUnits)[number]);
    const sample = await graphql<{ results: { totalCount: number; edges: unknown[] } }>(
      server.url,
      token,
      rankingQuery,
      JSON.parse(rankingBodies[0] as string).variables,
    );
    log(
      `  ranking sample: ${sample.results.edges.length} of ${sample.results.totalCount} results in a subtree of ${subtreeSize(firstTop)} people`,
    );
    const searchBodies = searchTerms.map((search) =>
      JSON.stringify({ query: searchQuery, variables: { search } }),
    );
    const searchSample = await graphql<{ people: { totalCount: number } }>(server.url, token, searchQuery, {
      search: searchTerms[0],
    });
    log(`  search sample: "${searchTerms[0]}" finds ${searchSample.people.totalCount} people`);

    const measureLoad = async (name: string, bodies: string[], withTargets: boolean) => {
      await loadTest({ url: server.url, token, bodies, connections, duration: Math.min(3, duration) }); // warm-up
      const figuresOf = await loadTest({ url: server.url, token, bodies, connections, duration });
      log(
        `  ${name}: p50 ${figuresOf.p50} ms, p95 ${figuresOf.p95} ms, p99 ${figuresOf.p99} ms, ${figuresOf.requestsPerSecond.toFixed(0)} req/s, ${figuresOf.failures} failures`,
      );
      const targets = withTargets && atScale;
      figure(
        `${name}: latency p50 / p95 / p99, ${connections} clients`,
        figuresOf.total === 0
          ? `no answer within autocannon's 10 s (${figuresOf.timeouts} timeouts)`
          : `${figuresOf.p50} / ${figuresOf.p95} / ${figuresOf.p99} ms${figuresOf.timeouts > 0 ? ` of the answered; ${figuresOf.timeouts} timed out after 10 s` : ''}`,
        targets ? 'p95 ≤ 50 ms at 100,000' : undefined,
        targets ? figuresOf.total > 0 && figuresOf.timeouts === 0 && figuresOf.p95 <= 50 : undefined,
      );
      figure(
        `${name}: throughput`,
        `${figuresOf.requestsPerSecond.toFixed(0)} req/s (${figuresOf.total} in ${duration} s, ${figuresOf.failures} failed)`,
        targets ? '≥ 500 req/s at 100,000' : undefined,
        targets ? figuresOf.requestsPerSecond >= 500 : undefined,
      );
    };
    await measureLoad('ranking (results, first 50 of a unit subtree, by score)', rankingBodies, true);
    await measureLoad('people search (name or code, diacritics ignored)', searchBodies, true);

    // what the ranking costs when every request is executed (the read cache's misses, all of them)
    await server.stop();
    server = await startServer(bench, { READ_CACHE: 'off' });
    token = await logIn(server.url);
    await measureLoad(
      'ranking without the read cache (READ_CACHE=off, every request executed)',
      rankingBodies,
      false,
    );
    // real searches are mostly distinct strings: what each costs when it is executed
    await measureLoad(
      'people search without the read cache (READ_CACHE=off, every request executed)',
      searchBodies,
      false,
    );
  } finally {
    await server.stop();
  }

  // the same ranking as one SQL statement, without the server (PGlite allows one process at a time)
  const subtrees = bench.province.units
    .map((unit, index) => ({ unit, index }))
    .filter(({ unit }) => unit.parentIndex === 0)
    .slice(0, 8)
    .map(({ unit, index }) => [
      unit.id,
      ...bench.province.units.filter((child) => child.parentIndex === index).map((child) => child.id),
    ]);
  const floor = await rankingSqlFloor({
    bench,
    unitIds: subtrees,
    seconds: Math.min(5, duration),
    concurrency: connections,
  });
  log(
    `  ranking as one SQL statement: p50 ${floor.p50} ms, p95 ${floor.p95} ms, ${floor.requestsPerSecond.toFixed(0)} statements/s`,
  );
  figure(
    `ranking floor: the same page as one SQL statement, ${connections} at once (pool of ${bench.engine === 'postgres' ? 10 : 1})`,
    `p50 ${floor.p50} / p95 ${floor.p95} ms, ${floor.requestsPerSecond.toFixed(0)} statements/s`,
  );
  return { figures, notes };
}
