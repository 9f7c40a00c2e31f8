// `npm run --silent eval -- <scenario.json>`: prints the evaluation as JSON; on bad input prints one
// line per problem on stderr, nothing on stdout, and exits with code 2.
import { readFileSync } from 'node:fs';
import { evaluateScenario } from './evaluate.ts';
import { parseScenario } from './parse-scenario.ts';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file) fail(['usage: npm run --silent eval -- <scenario.json>']);

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail([`${file}: cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
}

let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail([`scenario: not JSON: ${(error as Error).message}`]);
}

const parsed = parseScenario(json);
if (!parsed.ok) fail(parsed.errors);
process.stdout.write(`${JSON.stringify(evaluateScenario(parsed.scenario), null, 1)}\n`);
