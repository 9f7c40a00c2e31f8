// Command-line options of `npm run bench -- [rules|eval|import|api|generate ...] [--size ...]`.

export type EngineName = 'pglite' | 'postgres';
export type BenchName = 'rules' | 'eval' | 'import' | 'api' | 'generate' | 'seed' | 'scroll';

export type BenchOptions = {
  benches: BenchName[];
  people: number;
  sizeName: string;
  engines: EngineName[];
  /** the engine choice as given: 'both' skips PostgreSQL quietly when no server answers */
  engineChoice: 'pglite' | 'postgres' | 'both';
  seed: number | undefined;
  /** reuse a bench database already loaded with the same size and seed */
  reuse: boolean;
  /** seconds per autocannon run */
  duration: number;
  connections: number;
  /** rows of the import workbook (default: the province size) */
  importRows: number;
  /** append the figures to bench/RESULTS.md */
  record: boolean;
  /** how the generated province is tracked (default QUARTER) */
  periodKind: 'YEAR' | 'QUARTER' | 'MONTH';
  /** whether --size or --people was given (the rules bench has its own default otherwise) */
  sizeGiven: boolean;
};

export const sizes: Record<string, number> = {
  tiny: 200,
  small: 5_000,
  medium: 25_000,
  province: 100_000,
  // four provinces: how the cost grows
  'country-slice': 400_000,
};
const allBenches: BenchName[] = ['rules', 'eval', 'import', 'api'];

export const usage = `usage: npm run bench -- [rules] [eval] [import] [api] [generate] [seed] [scroll] [options]
  (no bench named: rules, eval, import and api; seed = the demo province's seed time,
  scroll = Chromium's frames while scrolling 10,000 people)
  --size tiny|small|medium|province|country-slice
                                      200 / 5,000 / 25,000 / 100,000 / 400,000 people (default small)
  --periods quarter|month|year        how the province is tracked (default quarter: 24 assignments
                                      a person a year, 48 monthly, 12 yearly; counts per period)
  --people N                          any other number of people
  --engine pglite|postgres|both       default both (PostgreSQL skipped when no server answers)
  --seed N                            generator seed
  --reuse                             keep a bench database already loaded with this size and seed
  --duration S                        seconds per load-test run (default 10)
  --connections N                     concurrent clients (default 50)
  --import-rows N                     rows of the people workbook (default: the number of people)
  --no-record                         do not append to bench/RESULTS.md
PostgreSQL: BENCH_DATABASE_URL names a database to use (kept), else a fresh database
cadre_bench_<n> is created on postgresql://postgres@127.0.0.1:5432 and dropped afterwards.`;

export class UsageError extends Error {}

function wholeNumber(name: string, raw: string | undefined, min: number): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`${name} needs a whole number ≥ ${min}, got ${raw ?? 'nothing'}`);
  }
  return Number(raw);
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const benches: BenchName[] = [];
  let sizeName = 'small';
  let sizeChosen = false;
  let people: number | undefined;
  let engineChoice: BenchOptions['engineChoice'] = 'both';
  let seed: number | undefined;
  let reuse = false;
  let duration = 10;
  let connections = 50;
  let importRows: number | undefined;
  let record = true;
  let periodKind: BenchOptions['periodKind'] = 'QUARTER';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case 'rules':
      case 'eval':
      case 'import':
      case 'api':
      case 'generate':
      case 'seed':
      case 'scroll':
        if (!benches.includes(flag)) benches.push(flag);
        break;
      case 'all':
        for (const bench of allBenches) if (!benches.includes(bench)) benches.push(bench);
        break;
      case '--size': {
        const name = value();
        if (!name || !(name in sizes))
          throw new UsageError(`--size must be one of ${Object.keys(sizes).join(', ')}`);
        sizeName = name;
        sizeChosen = true;
        break;
      }
      case '--people':
        people = wholeNumber('--people', value(), 1);
        break;
      case '--engine': {
        const name = value();
        if (name !== 'pglite' && name !== 'postgres' && name !== 'both') {
          throw new UsageError('--engine must be pglite, postgres or both');
        }
        engineChoice = name;
        break;
      }
      case '--seed':
        seed = wholeNumber('--seed', value(), 0);
        break;
      case '--reuse':
        reuse = true;
        break;
      case '--duration':
        duration = wholeNumber('--duration', value(), 1);
        break;
      case '--connections':
        connections = wholeNumber('--connections', value(), 1);
        break;
      case '--import-rows':
        importRows = wholeNumber('--import-rows', value(), 1);
        break;
      case '--periods': {
        const name = value();
        if (name !== 'quarter' && name !== 'month' && name !== 'year') {
          throw new UsageError('--periods must be quarter, month or year');
        }
        periodKind = name === 'quarter' ? 'QUARTER' : name === 'month' ? 'MONTH' : 'YEAR';
        break;
      }
      case '--no-record':
        record = false;
        break;
      case '--help':
      case '-h':
        throw new UsageError(usage);
      default:
        throw new UsageError(`unknown argument "${arg}"\n${usage}`);
    }
  }
  const sizeGiven = sizeChosen || people !== undefined;
  // the rules bench alone, without a size: its own default (100,000 people scored monthly), and the
  // heading says so rather than naming a province size it did not use
  const rulesOnly = benches.length === 1 && benches[0] === 'rules' && !sizeGiven;
  const count = rulesOnly ? 100_000 : (people ?? (sizes[sizeName] as number));
  return {
    benches: benches.length > 0 ? benches : allBenches,
    people: count,
    sizeName: rulesOnly
      ? 'the rules bench default, monthly'
      : `${people === undefined ? sizeName : `${count} people`}${periodKind === 'QUARTER' ? '' : `, ${periodKind.toLowerCase()}ly`}`,
    sizeGiven,
    engines: engineChoice === 'both' ? ['pglite', 'postgres'] : [engineChoice],
    engineChoice,
    seed,
    reuse,
    duration,
    connections,
    importRows: importRows ?? count,
    record,
    periodKind,
  };
}
