import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { person, scenario } from './test-scenario.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const example = path.resolve(root, '../shared/contract/examples/01-one-stop-shop.json');

function evalFile(file: string) {
  return spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(here, 'cli.ts'), file],
    {
      encoding: 'utf8',
    },
  );
}

function tempFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cadre-eval-')), 'scenario.json');
  writeFileSync(file, text);
  return file;
}

describe('the eval command', () => {
  it('prints the evaluation of the contract example as JSON and exits 0', () => {
    const result = evalFile(example);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.people).toHaveLength(10);
    expect(output.people[0]).toMatchObject({ id: 'P01', rating: 'EXCELLENT', titles: ['LDTT', 'CSTDCS'] });
  });
  it('exits 2 with one line per problem, naming record and field, and prints nothing on stdout', () => {
    const file = tempFile(
      JSON.stringify(
        scenario({ people: [person('P1', { hiredOn: '2026-13-01' }), person('P1', { unitId: 'X' })] }),
      ),
    );
    const result = evalFile(file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'people[0].hiredOn: not a date: "2026-13-01"',
      'people[1].id: duplicate id "P1" (first at people[0])',
      'people[1].unitId: unknown unit: "X"',
    ]);
  });
  it('exits 2 on a file that is not JSON or does not exist', () => {
    const notJson = evalFile(tempFile('{ "year": 2026,'));
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^scenario: not JSON/);
    expect(notJson.stdout).toBe('');
    const missing = evalFile('/nonexistent/scenario.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot be read');
  });
});
