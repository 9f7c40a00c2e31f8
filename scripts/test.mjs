// `npm test`: every workspace's test suites, then one summary line `N passed, N failed, N skipped`.
// Runs on embedded PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
//
// The suites come from the workspaces themselves (package.json `workspaces`): every workspace
// with a `test` script is a suite per Vitest config file in it (`vitest.config.ts` = unit and
// component tests, `vitest.<kind>.config.ts` = e.g. the e2e browser tests), and Vitest finds the
// files by that config's `include` globs. No git needed. A run cannot pass by accident:
// - a suite that cannot start, finds no test file or has a file that does not load fails;
// - a run that executes no test at all fails;
// - every suite or test that did not run is counted as skipped and named with its reason;
// - in CI (CI=true) the tools the tests need (Chromium, poppler's pdftotext) are required.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, hasChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = mkdtempSync(path.join(tmpdir(), 'cadre-test-'));
const reporter = path.join(root, 'scripts/vitest-summary-reporter.mjs');
const inCi = ['1', 'true'].includes(String(process.env.CI).toLowerCase());

const tools = {
  chromium: { present: hasChromium, missing: chromiumMissing },
  pdftotext: {
    present: spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0,
    missing: 'pdftotext not found (apt-get install poppler-utils): the PDF text checks are skipped',
  },
};
/** What a suite of a given kind needs to run at all. */
const needsByKind = { e2e: ['chromium'] };

const failures = [];
// `npm test -- api web:e2e` runs only the suites named; by default every suite.
const only = process.argv.slice(2);
const suites = findSuites().filter((suite) => only.length === 0 || only.includes(suite.name));
if (suites.length === 0) {
  console.error(
    `No test suite found${only.length ? ` named ${only.join(', ')}` : ''} in the workspaces of ${path.join(root, 'package.json')}`,
  );
  process.exit(1);
}

console.log(
  process.env.TEST_DATABASE_URL
    ? 'Database engines under test: PGlite (embedded) and PostgreSQL (TEST_DATABASE_URL)'
    : 'Database engines under test: PGlite (embedded) only — set TEST_DATABASE_URL to include PostgreSQL',
);
console.log(`Suites: ${suites.map((suite) => `${suite.name} (${suite.dir}, ${suite.kind})`).join(', ')}`);

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const skippedTests = [];

for (const [name, tool] of Object.entries(tools)) {
  if (tool.present) continue;
  if (inCi) {
    failures.push(`${name} is required in CI: ${tool.missing}`);
    totals.failed += 1;
  } else {
    console.log(`\n${tool.missing}`);
  }
}

// Two lanes pulling from one queue, the longest suites first (the API suite, itself two files at a
// time, then the browser tests), so a 2-core machine is kept busy while tests wait on PostgreSQL,
// Chromium and their child processes. TEST_LANES=1 runs every suite one after another. A suite's
// output is printed whole when it ends, so two suites never interleave their lines.
const laneCount = Number(process.env.TEST_LANES ?? 2) > 1 && suites.length > 1 ? 2 : 1;
const longestFirst = ['api', 'web:e2e', 'web', 'db', 'api:integration'];
const rank = (suite) => {
  const index = longestFirst.indexOf(suite.name);
  return index === -1 ? longestFirst.length : index;
};
const queue = [...suites].sort((a, b) => rank(a) - rank(b));
const started = Date.now();
const outcomes = new Map();
await Promise.all(
  Array.from({ length: laneCount }, async () => {
    for (let suite = queue.shift(); suite; suite = queue.shift()) {
      outcomes.set(suite, await runSuite(suite, laneCount > 1));
    }
  }),
);

for (const suite of suites) {
  const { result, summary, reason, seconds } = outcomes.get(suite);
  console.log(`${suite.name}: ${seconds.toFixed(0)} s`);
  if (!summary) {
    fail(suite, `did not start (exit code ${result.status ?? result.signal})`);
    continue;
  }
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  totals.skipped += summary.skipped;
  for (const test of summary.skippedTests) skippedTests.push({ suite: suite.name, ...test });
  if (summary.files === 0)
    fail(suite, `no test file matches the include globs of ${suite.config ?? 'its config'}`);
  else if (summary.brokenFiles.length > 0) {
    fail(
      suite,
      `${summary.brokenFiles.map((file) => `${file.file} did not load: ${file.message}`).join('; ')}`,
    );
  } else if (result.status !== 0) {
    // failed tests are counted already; a suite failing without one is counted as one failure
    fail(suite, `vitest exited with code ${result.status ?? result.signal}`, summary.failed === 0);
  } else if (summary.passed + summary.failed === 0) {
    if (reason) skippedSuites.push(`${suite.name}: ${summary.skipped} tests skipped — ${reason}`);
    else fail(suite, `all ${summary.skipped} tests were skipped`);
  } else if (reason) {
    skippedSuites.push(`${suite.name}: ${summary.skipped} tests skipped — ${reason}`);
  }
}
console.log(`all suites: ${((Date.now() - started) / 1000).toFixed(0)} s in ${laneCount} lane(s)`);

if (totals.passed + totals.failed === 0) failures.push('no test was executed');
if (!process.env.TEST_DATABASE_URL) {
  // describe.each(testEngines()) makes no PostgreSQL variant at all then, so there is none to count
  skippedSuites.push('PostgreSQL variants of every suite: not made — TEST_DATABASE_URL is unset');
}

if (skippedSuites.length > 0) {
  console.log('\nSuites skipped:');
  for (const line of skippedSuites) console.log(`  ${line}`);
}
if (skippedTests.length > 0) {
  console.log(`\nTests skipped (${skippedTests.length}):`);
  for (const [group, tests] of groupSkipped(skippedTests)) {
    const where = group.split('\u0000')[0];
    console.log(`  ${where}: ${tests.length} — ${tests[0].note ?? 'skipped by its condition'}`);
  }
}
console.log(`\nSuites failed: ${failures.length ? '' : 'none'}`);
for (const line of failures) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);

/** Runs one suite's Vitest; with `buffered` its output goes to a file, printed when it ends. */
async function runSuite(suite, buffered) {
  const missing = (needsByKind[suite.kind] ?? []).filter((tool) => !tools[tool].present);
  // A suite whose tool is missing still runs: its tests skip themselves, so they are counted.
  const reason = missing.map((tool) => tools[tool].missing).join('; ');
  const name = suite.name.replace(/\W/g, '-');
  const summaryFile = path.join(reports, `${name}.json`);
  const header = `\n=== ${suite.name} (${suite.dir}, ${suite.config ?? 'default config'}) ===`;
  const output = buffered ? openSync(path.join(reports, `${name}.log`), 'w') : 'inherit';
  if (!buffered) console.log(header);
  const begun = Date.now();
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      ...(suite.config ? ['-c', suite.config] : []),
      '--reporter=default',
      `--reporter=${reporter}`,
    ],
    {
      cwd: path.join(root, suite.dir),
      stdio: ['ignore', output, output],
      env: {
        ...process.env,
        CADRE_TEST_SUMMARY: summaryFile,
        ...(inCi || buffered ? { NO_COLOR: '1' } : {}),
      },
    },
  );
  const result = await new Promise((resolve) => {
    child.on('error', () => resolve({ status: null, signal: 'spawn failed' }));
    child.on('close', (status, signal) => resolve({ status, signal }));
  });
  if (buffered) {
    closeSync(output);
    console.log(header);
    process.stdout.write(readFileSync(path.join(reports, `${name}.log`), 'utf8'));
  }
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : null;
  return { result, summary, reason, seconds: (Date.now() - begun) / 1000 };
}

function fail(suite, message, count = true) {
  failures.push(`${suite.name}: ${message}`);
  if (count) totals.failed += 1; // the suite itself could not run its tests
}

/** Workspaces from the root package.json (`apps/*` or a plain folder), then their Vitest configs. */
function findSuites() {
  const { workspaces = [] } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of workspaces) {
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2);
      const entries = existsSync(path.join(root, parent))
        ? readdirSync(path.join(root, parent), { withFileTypes: true })
        : [];
      const found = entries
        .filter(
          (entry) => entry.isDirectory() && existsSync(path.join(root, parent, entry.name, 'package.json')),
        )
        .map((entry) => `${parent}/${entry.name}`);
      if (found.length === 0) failures.push(`workspace pattern ${pattern}: no package in it`);
      dirs.push(...found.sort());
    } else if (existsSync(path.join(root, pattern, 'package.json'))) {
      dirs.push(pattern);
    } else {
      failures.push(`workspace ${pattern}: no package.json`);
    }
  }
  const found = [];
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const short = path.basename(dir);
    if (!pkg.scripts?.test) {
      console.log(`${pkg.name} (${dir}) has no test script`);
      continue;
    }
    const configs = readdirSync(path.join(root, dir))
      .map((file) => /^vitest(?:\.([\w-]+))?\.config\.[cm]?[jt]s$/.exec(file))
      .filter(Boolean)
      .sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''));
    if (configs.length === 0) found.push({ name: short, dir, kind: 'unit', config: null });
    for (const [file, kind] of configs) {
      found.push({ name: kind ? `${short}:${kind}` : short, dir, kind: kind ?? 'unit', config: file });
    }
  }
  return found;
}

/** Skipped tests grouped by suite, file and top-level describe, so a skipped block is one line. */
function groupSkipped(tests) {
  const groups = new Map();
  for (const test of tests) {
    const top = test.name.split(' > ')[0];
    const key = `${test.suite} ${test.file} › ${top}\u0000${test.note ?? ''}`;
    const group = groups.get(key) ?? [];
    group.push(test);
    groups.set(key, group);
  }
  return groups;
}
