// The root README's "Configuration" table is the operator's list of environment variables: every
// variable in it must be read by the code, and every variable the code reads must be in it, unless
// it is listed below as a test or tool variable (with why).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';

/** Read by tests, benchmarks and build tools only: not configuration of the product. */
const notConfiguration: Record<string, string> = {
  CI: 'set by CI systems: missing test tools fail instead of skipping (scripts/test.mjs)',
  CADRE_TEST_SUMMARY: 'scripts/test.mjs tells its Vitest reporter where to write the counts',
  CADRE_KEEP_PDF: 'a developer keeps the PDF a test printed, to look at it',
  UPDATE_GOLDEN: 'rewrites the golden files of the document tests',
  FUZZ_RUNS: 'cases per property in the fuzz tests (`npm run soak` raises it)',
  CONCURRENCY_ROUNDS: 'rounds of the concurrency tests (`npm run soak` raises it)',
  CRASH_CYCLE_ID: 'the crash tests pass it to the child process they kill',
  CRASH_DATABASE_URL: 'the crash tests pass it to the child process they kill',
  CRASH_DATA_DIR: 'the crash tests pass it to the child process they kill',
  CRASH_IMPORT_FILE: 'the crash tests pass it to the child process they kill',
  CRASH_MIGRATIONS_DIR: 'the crash tests pass it to the child process they kill',
  CRASH_ON: 'the crash tests pass it to the child process they kill',
  CRASH_PASSWORD: 'the crash tests pass it to the child process they kill',
  HOME: 'main.test.ts starts the server with a minimal environment',
  PATH: 'main.test.ts starts the server with a minimal environment',
  BENCH_DATABASE_URL: 'npm run bench: a PostgreSQL database to use instead of a fresh one',
  BENCH_API_PROFILE: 'npm run bench: profiles the API under load',
  RULES_BENCH_PEOPLE: 'npm run bench -- rules: people to evaluate',
  RULES_BENCH_DIGEST: 'npm run bench -- rules: `full` also prints a checksum of the whole evaluation',
  API_URL: 'the Vite dev server (npm run dev -w @cadre/web) proxies GraphQL to it',
  INIT_CWD: 'set by npm: the folder `npm start` / `npm run backup` was called from',
  PRISMA_SCHEMA_ENGINE_BINARY: 'prisma generate runs offline (packages/db/scripts/generate.mjs)',
};

const sourceDirs = ['apps', 'packages', 'bench', 'scripts'];
const skipDirs = new Set(['node_modules', 'dist', 'generated', '.data', '.out', 'test-artifacts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return skipDirs.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every variable the code reads, with the files that read it. */
function variablesRead(): Map<string, string[]> {
  const patterns = [
    // process.env.NAME, process.env['NAME'], env.NAME (an env object passed in, not import.meta.env)
    /(?:process\.env|(?<![.\w])env)(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g,
    // readWholeNumber(env, 'NAME', …), readFlag(env, 'NAME') and the like
    /\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]+)['"]/g,
  ];
  const found = new Map<string, string[]>();
  const self = path.join(repoRoot, 'apps/api/src/readme-config.test.ts');
  for (const file of sourceDirs.flatMap((dir) => sourceFiles(path.join(repoRoot, dir)))) {
    if (file === self) continue; // its comments name the patterns
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const name = match[1] ?? match[2];
        if (!name) continue;
        const files = found.get(name) ?? [];
        const relative = path.relative(repoRoot, file);
        if (!files.includes(relative)) files.push(relative);
        found.set(name, files);
      }
    }
  }
  return found;
}

/** The variables of the README's Configuration table (first column, in backticks). */
function variablesDocumented(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1] as string);
}

describe("README's table of environment variables", () => {
  const read = variablesRead();
  const documented = variablesDocumented();

  it('is there, and lists the variables the server is configured by', () => {
    expect(documented).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'DATA_DIR']));
  });

  it('names only variables the code reads', () => {
    const unread = documented.filter((name) => !read.has(name));
    expect(
      unread,
      `in README.md's Configuration table but read nowhere in the code: ${unread.join(', ')}`,
    ).toEqual([]);
  });

  it('names every variable the code reads, apart from test and tool variables', () => {
    const missing = [...read.keys()]
      .filter((name) => !documented.includes(name) && !(name in notConfiguration))
      .sort()
      .map((name) => `${name} (${read.get(name)?.join(', ')})`);
    expect(
      missing,
      `read by the code but not in README.md's Configuration table — add a row, or add it to notConfiguration in apps/api/src/readme-config.test.ts with why: ${missing.join('; ')}`,
    ).toEqual([]);
  });

  it('lists no test or tool variable the code has stopped reading', () => {
    const stale = Object.keys(notConfiguration).filter((name) => !read.has(name));
    expect(stale, `notConfiguration names variables nothing reads: ${stale.join(', ')}`).toEqual([]);
  });
});
