import { describe, expect, it } from 'vitest';
import { evaluateScenario } from './evaluate.ts';
import { parseScenario } from './parse-scenario.ts';
import { person, scenario, task, tasks } from './test-scenario.ts';
import type { Scenario } from './types.ts';
import { rankBlocks, unitStandings } from './units.ts';

const units = [
  { id: 'U1', name: 'A', parentId: null, block: 'K', parIndex: 80, satisfactionIndex: 80 },
  { id: 'U2', name: 'B', parentId: null, block: 'K', parIndex: 95 },
  { id: 'U3', name: 'C', parentId: null, block: 'K', parIndex: 80, satisfactionIndex: 80 },
  { id: 'U4', name: 'D', parentId: null, block: null },
  { id: 'U5', name: 'E', parentId: null, block: 'M' },
  { id: 'U6', name: 'F', parentId: null, block: 'M', parIndex: 60 },
];
const people = [
  person('P1'),
  person('P2', { unitId: 'U2' }),
  person('P3', { unitId: 'U3' }),
  person('P4', { unitId: 'U3' }),
  person('P5', { unitId: 'U4' }),
];
const allTasks = [
  ...tasks('P1'),
  task('P2', 1, { actual: 0.5 }),
  ...tasks('P3'),
  task('P4', 1, { actual: 0.9 }),
  ...tasks('P5'),
];

function parsed(parts: Record<string, unknown>): Scenario {
  const result = parseScenario(scenario(parts));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('block ranks from unit standings', () => {
  it('gives the ranks evaluateScenario gives', () => {
    const whole = parsed({ units, people, tasks: allTasks });
    const evaluation = evaluateScenario(whole);
    const ranks = rankBlocks(unitStandings(whole, evaluation));
    expect(evaluation.units.map((unit) => ranks.get(unit.id) ?? null)).toEqual(
      evaluation.units.map((unit) => unit.blockRank),
    );
    // U1 = 92, U3 < 92 (P4 short), U2 = 72.5; in block M, U5 has nothing to score and ranks last
    expect(Object.fromEntries(ranks)).toEqual({ U1: 1, U3: 2, U2: 3, U6: 1, U5: 2 });
  });

  it('ranks across parts evaluated apart, each unit taken from the part holding its members', () => {
    const whole = parsed({ units, people, tasks: allTasks });
    const expected = evaluateScenario(whole).units.map((unit) => [unit.id, unit.blockRank]);
    // two parts of whole units, each with every unit of the scope (so references stay valid)
    const parts = [
      { unitIds: ['U1', 'U4', 'U5'], personIds: ['P1', 'P5'] },
      { unitIds: ['U2', 'U3', 'U6'], personIds: ['P2', 'P3', 'P4'] },
    ];
    const standings = parts.flatMap((part) => {
      const scenarioPart = parsed({
        units,
        people: people.filter((item) => part.personIds.includes(item.id as string)),
        tasks: allTasks.filter((item) => part.personIds.includes(item.personId as string)),
      });
      return unitStandings(scenarioPart, evaluateScenario(scenarioPart)).filter((standing) =>
        part.unitIds.includes(standing.id),
      );
    });
    const ranks = rankBlocks([...standings].reverse());
    expect(expected.map(([id]) => [id, ranks.get(id as string) ?? null])).toEqual(expected);
  });

  it('breaks equal scores by the lower unit id whatever the input order', () => {
    const standings = [
      { id: 'B', block: 'K', score: 80 },
      { id: 'A', block: 'K', score: 80 },
      { id: 'C', block: 'K', score: null },
      { id: 'D', block: null, score: 99 },
    ];
    expect(Object.fromEntries(rankBlocks(standings))).toEqual({ A: 1, B: 2, C: 3 });
    expect(Object.fromEntries(rankBlocks([...standings].reverse()))).toEqual({ A: 1, B: 2, C: 3 });
  });
});
