// The contract's examples (shared/contract/examples), reproduced field by field through the
// `npm run --silent eval` command. The files are copied into packages/rules/fixtures so a clone
// without ../shared still runs them; when ../shared is there, the copies must equal it (as JSON).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const fixtures = path.resolve(here, '../fixtures');
const shared = path.resolve(root, '../shared/contract/examples');
const names = ['02-ward-office-monthly', '03-one-stop-shop-quarterly'];

function evalFile(file: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(here, 'cli.ts'), file],
    {
      encoding: 'utf8',
    },
  );
}

type Json = Record<string, unknown>;

/** Every field the expected document names must match; numbers within 0.1 (SCENARIO.md). */
function expectMatches(got: unknown, want: unknown, where: string): void {
  if (typeof want === 'number') {
    expect(typeof got, `${where}: a number`).toBe('number');
    expect(Math.abs((got as number) - want), `${where}: ${got} vs ${want}`).toBeLessThanOrEqual(0.1 + 1e-9);
    return;
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(got), `${where}: a list`).toBe(true);
    expect((got as unknown[]).length, `${where}: length`).toBe(want.length);
    want.forEach((item, index) => {
      expectMatches((got as unknown[])[index], item, `${where}[${index}]`);
    });
    return;
  }
  if (want !== null && typeof want === 'object') {
    expect(got !== null && typeof got === 'object', `${where}: an object`).toBe(true);
    for (const [key, value] of Object.entries(want as Json))
      expectMatches((got as Json)[key], value, `${where}.${key}`);
    return;
  }
  expect(got, where).toEqual(want);
}

describe.each(names)('the contract example %s', (name) => {
  const result = evalFile(path.join(fixtures, `${name}.json`));
  const expected = JSON.parse(readFileSync(path.join(fixtures, `${name}.expected.json`), 'utf8')) as Json;

  it('is evaluated by the eval command, exit 0, JSON on stdout', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  const output = result.status === 0 ? (JSON.parse(result.stdout) as Json) : {};
  const people = expected.people as Json[];
  it.each(people.map((person) => ({ id: person.id as string, person })))(
    'reproduces person $id field by field, periods included',
    ({ id, person }) => {
      const got = (output.people as Json[] | undefined)?.find((item) => item.id === id);
      expectMatches(got, person, id);
    },
  );

  it('reproduces the units, the quota groups and the errors', () => {
    for (const key of Object.keys(expected)) {
      if (key === 'people') continue;
      expectMatches(output[key], expected[key], key);
    }
    expect((output.people as Json[]).map((item) => item.id)).toEqual(people.map((item) => item.id));
  });

  const sharedCopy = path.join(shared, `${name}.json`);
  // the same JSON documents (the copies are laid out by the repository's formatter)
  it.skipIf(!existsSync(sharedCopy))('the fixtures equal the contract files in ../shared', () => {
    for (const suffix of ['.json', '.expected.json']) {
      expect(JSON.parse(readFileSync(path.join(fixtures, `${name}${suffix}`), 'utf8'))).toEqual(
        JSON.parse(readFileSync(path.join(shared, `${name}${suffix}`), 'utf8')),
      );
    }
  });
});
