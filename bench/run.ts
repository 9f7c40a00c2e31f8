// `npm run bench -- [rules|eval|import|api|generate] [--size small|province] [--engine ...]`:
// generates and loads a province per engine, runs the chosen benches, prints the figures and
// appends them to bench/RESULTS.md. Figures, not pass/fail: the exit code is 0 unless a bench broke.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { benchApi } from './api-bench.ts';
import { benchEvaluation } from './eval-bench.ts';
import { benchImport } from './import-bench.ts';
import { repoRoot } from './lib/api-modules.ts';
import { benchDir, postgresAnswers, prepareBenchDatabase } from './lib/bench-database.ts';
import { type BenchOptions, parseOptions, UsageError } from './lib/options.ts';
import { type Figure, machineDescription, recordResults, renderTable, seconds } from './lib/report.ts';
import { benchScroll } from './scroll-bench.ts';
import { benchSeed } from './seed-bench.ts';

const log = (line: string) => console.log(line);

function runRulesBench(options: BenchOptions, notes: string[]): void {
  const script = path.join(benchDir, 'rules-bench.ts');
  if (!existsSync(script)) {
    notes.push('rules: bench/rules-bench.ts does not exist yet');
    log('\n=== rules engine: bench/rules-bench.ts does not exist yet');
    return;
  }
  log('\n=== rules engine (bench/rules-bench.ts)');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      BENCH_PEOPLE: String(options.people),
      BENCH_SIZE: options.sizeName,
      // --size or --people reaches the rules bench too; without them it runs its own default
      ...(options.sizeGiven ? { RULES_BENCH_PEOPLE: String(options.people) } : {}),
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const lines = (result.stdout ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('>'));
  if (lines.length > 0) notes.push(`rules (bench/rules-bench.ts, its own sizes): ${lines.join('; ')}`);
  if (result.status !== 0)
    notes.push(`rules: bench/rules-bench.ts exited with ${result.status ?? result.signal}`);
}

/** A bench that broke: reported as a note, and the other benches still run. */
function failed(bench: string, engine: string, error: unknown): { figures: Figure[]; notes: string[] } {
  const message = error instanceof Error ? error.message : String(error);
  log(`  ${bench} (${engine}) broke: ${message}`);
  return { figures: [], notes: [`${bench} (${engine}) broke: ${message.split('\n')[0]}`] };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const figures: Figure[] = [];
  const notes: string[] = [];
  log(
    `Bench: ${options.benches.join(', ')} — ${options.people.toLocaleString('en')} people (${options.sizeName})`,
  );
  log(`Machine: ${machineDescription('at start')}`);

  if (options.benches.includes('rules')) runRulesBench(options, notes);
  for (const [name, bench] of [
    ['seed', benchSeed],
    ['scroll', benchScroll],
  ] as const) {
    if (!options.benches.includes(name)) continue;
    log(`\n=== ${name}`);
    const outcome = await bench({ log }).catch((error: unknown) => failed(name, 'any', error));
    figures.push(...outcome.figures);
    notes.push(...outcome.notes);
  }

  const databaseBenches = options.benches.filter((bench) => !['rules', 'seed', 'scroll'].includes(bench));
  for (const engine of databaseBenches.length > 0 ? options.engines : []) {
    if (engine === 'postgres' && !process.env.BENCH_DATABASE_URL && !(await postgresAnswers())) {
      const message = 'postgres: no server at 127.0.0.1:5432 and no BENCH_DATABASE_URL: skipped';
      if (options.engineChoice === 'postgres') throw new Error(message);
      notes.push(message);
      log(`\n${message}`);
      continue;
    }
    log(`\n=== ${engine}: generate and load`);
    const bench = await prepareBenchDatabase({
      engine,
      people: options.people,
      seed: options.seed,
      periodKind: options.periodKind,
      reuse: options.reuse,
      log,
    });
    try {
      if (bench.load) {
        const copied = bench.load.tables.reduce((sum, table) => sum + table.loadMs, 0);
        const generated = bench.load.tables.reduce((sum, table) => sum + table.generateMs, 0);
        figures.push({
          bench: 'generate',
          engine,
          measure: `generate + COPY ${bench.load.rows.toLocaleString('en')} rows (incl. ANALYZE)`,
          value: `${seconds(bench.load.totalMs)} (generate ${seconds(generated)}, COPY ${seconds(copied)}, ANALYZE ${seconds(bench.load.analyzeMs)})`,
        });
        const tasks = bench.load.tables.find((table) => table.table === 'Task');
        if (tasks) {
          figures.push({
            bench: 'generate',
            engine,
            measure: `COPY Task (${tasks.rows.toLocaleString('en')} rows)`,
            value: `${seconds(tasks.loadMs)} (${Math.round(tasks.rows / (tasks.loadMs / 1000)).toLocaleString('en')} rows/s)`,
          });
        }
      }
      if (options.benches.includes('eval')) {
        log(`\n=== ${engine}: evaluation run`);
        const outcome = await benchEvaluation({ bench, log }).catch((error: unknown) =>
          failed('eval', engine, error),
        );
        figures.push(...outcome.figures);
        notes.push(...outcome.notes);
      }
      if (options.benches.includes('api')) {
        log(`\n=== ${engine}: API under load`);
        const outcome = await benchApi({ bench, options, log }).catch((error: unknown) =>
          failed('api', engine, error),
        );
        figures.push(...outcome.figures);
        notes.push(...outcome.notes);
      }
      if (options.benches.includes('import')) {
        log(`\n=== ${engine}: people workbook import`);
        const outcome = await benchImport({ bench, rows: options.importRows, log }).catch((error: unknown) =>
          failed('import', engine, error),
        );
        figures.push(...outcome.figures);
        notes.push(...outcome.notes);
      }
    } finally {
      await bench.dispose();
    }
  }

  log('');
  if (figures.length > 0) log(renderTable(figures));
  for (const note of notes) log(`note: ${note}`);
  if (options.record && (figures.length > 0 || notes.length > 0)) {
    const file = recordResults({
      title: `${options.benches.join(', ')} at ${options.people.toLocaleString('en')} people (${options.sizeName})`,
      figures,
      notes,
    });
    log(`\nAppended to ${path.relative(process.cwd(), file) || file}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
