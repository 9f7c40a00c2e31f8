import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { person, scenario, task } from './test-scenario.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const example = path.resolve(here, '../fixtures/02-ward-office-monthly.json');

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
    expect(output.people).toHaveLength(9);
    expect(output.people[1]).toMatchObject({ id: 'A1', rating: 'EXCELLENT', titles: ['LDTT', 'CSTDCS'] });
    expect(output.people[1].periods).toHaveLength(12);
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
  it('exits 2 naming the field on malformed period fields, decisions and ballots', () => {
    const file = tempFile(
      JSON.stringify(
        scenario({
          periodKind: 'QUARTER',
          people: [
            person('P1', { conductByPeriod: { '2': 11, '5': 8 }, degenerationConcluded: 'yes' }),
            person('P2', { conductAssessment: null }),
          ],
          tasks: [task('P1', 1, { period: 5 }), task('P2', 1, { period: 0 })],
          dossiers: [
            { personId: 'P1', received: 1, early: 1, onTime: 0, late: 0, apologies: 0 },
            { personId: 'P1', received: 2, early: 1, onTime: 1, late: 0, apologies: 0 },
            { personId: 'P2', period: 4, received: 2, early: 1, onTime: 1, late: 0, apologies: 0 },
          ],
          citizenVotes: [
            { personId: 'P2', verySatisfied: 1, satisfied: 1, dissatisfied: 0 },
            { personId: 'P2', verySatisfied: 1, satisfied: 1, dissatisfied: 0 },
          ],
          ballots: [{ personId: 'P1', title: 'CSTD_TINH', for: 3, members: 7, participants: 2, quorum: 5 }],
          finalRatings: [{ personId: 'P1', rating: 'SUPERB', reason: 'x' }],
        }),
      ),
    );
    const result = evalFile(file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'people[0].conductByPeriod.2: above 10: 11',
      'people[0].conductByPeriod.5: not a period of the year (1 to 4): "5"',
      'people[0].degenerationConcluded: not true or false: "yes"',
      'tasks[0].period: above 4: 5',
      'tasks[1].period: below 1: 0',
      'ballots[0].for: more votes (3) than members who took part (2)',
      'finalRatings[0].rating: not one of EXCELLENT | GOOD | COMPLETED | NOT_COMPLETED | NOT_RATED: "SUPERB"',
      'dossiers[1].period: a second row of the year\'s counts for person "P1" (first at dossiers[0]); give each row its period',
      'citizenVotes[1].period: a second row of the year\'s counts for person "P2" (first at citizenVotes[0]); give each row its period',
    ]);
    const kind = evalFile(tempFile(JSON.stringify(scenario({ periodKind: 'WEEK' }))));
    expect(kind.status).toBe(2);
    expect(kind.stderr.trim()).toBe('scenario.periodKind: not one of YEAR | QUARTER | MONTH: "WEEK"');
  });
});
