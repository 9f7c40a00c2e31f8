// `npm test`: every workspace's tests, then the browser tests, then one summary line.
// Runs on embedded PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = mkdtempSync(path.join(tmpdir(), 'cadre-test-'));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const suites = [
  { name: 'rules', dir: 'packages/rules', args: [] },
  { name: 'db', dir: 'packages/db', args: [] },
  { name: 'api', dir: 'apps/api', args: [] },
  { name: 'web', dir: 'apps/web', args: [] },
  { name: 'bench', dir: 'bench', args: [] },
  { name: 'browser', dir: 'apps/web', args: ['-c', 'vitest.e2e.config.ts'], browser: true },
];

console.log(
  process.env.TEST_DATABASE_URL
    ? 'Database engines under test: PGlite (embedded) and PostgreSQL (TEST_DATABASE_URL)'
    : 'Database engines under test: PGlite (embedded) only — set TEST_DATABASE_URL to include PostgreSQL',
);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSuites = [];
for (const suite of suites) {
  const cwd = path.join(root, suite.dir);
  if (!existsSync(path.join(cwd, 'package.json'))) continue;
  if (suite.browser) {
    if (!existsSync(path.join(cwd, 'vitest.e2e.config.ts'))) continue;
    if (!existsSync(chromium)) {
      console.log(`\nBrowser tests skipped: Chromium not found at ${chromium} (apt-get install chromium)`);
      continue;
    }
  } else if (!hasTests(cwd)) {
    continue;
  }
  const report = path.join(reports, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} (${suite.dir}) ===`);
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      ...suite.args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd, stdio: 'inherit', env: process.env.CI ? { ...process.env, NO_COLOR: '1' } : process.env },
  );
  const counts = readCounts(report);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (result.status !== 0) {
    failedSuites.push(suite.name);
    if (counts.failed === 0) totals.failed += 1; // the suite itself failed (e.g. a file did not load)
  }
}

console.log(`\nSuites failed: ${failedSuites.length ? failedSuites.join(', ') : 'none'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSuites.length ? 1 : 0);

function hasTests(dir) {
  const result = spawnSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.test.ts', '*.test.tsx'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  return result.stdout.trim().length > 0;
}

function readCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}
