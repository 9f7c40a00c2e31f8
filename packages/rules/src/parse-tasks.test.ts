import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario.ts';
import { person, scenario, task } from './test-scenario.ts';

// What each task field accepts (SCENARIO.md): the fast path for well-formed tasks and the reader
// that names the field must agree on every value.
const valid: Record<string, (value: unknown) => boolean> = {
  id: (value) => typeof value === 'string' && value.trim() !== '',
  weight: (value) => typeof value === 'number' && value >= 0,
  due: (value) => value === '2026-03-31' || value === '2026-02-28',
  completed: (value) => value === null || value === '2026-03-31' || value === '2026-02-28',
  planned: (value) => typeof value === 'number' && value >= 0,
  actual: (value) => typeof value === 'number' && value >= 0,
  majorErrors: (value) => typeof value === 'number' && value >= 0 && Number.isInteger(value),
  delays: (value) => typeof value === 'number' && value >= 0 && Number.isInteger(value),
  excused: (value) => typeof value === 'boolean',
};

const values = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    '',
    ' ',
    'x',
    '2026-03-31',
    '2026-02-28',
    '2026-02-30',
    '2026-13-01',
  ),
  fc.constantFrom<unknown>(0, 1, 2, -1, 0.5, -0.5, 3.25, undefined, [], {}),
);

describe('task validation', () => {
  it('accepts a task exactly when every field holds a value the contract allows, and names the field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid)), values, (field, value) => {
        const broken = { ...task('P1', 1), [field]: value };
        const parsed = parseScenario(scenario({ people: [person('P1')], tasks: [broken] }));
        const accept = (valid[field] as (value: unknown) => boolean)(value);
        expect(parsed.ok).toBe(accept);
        if (!parsed.ok)
          expect(parsed.errors.some((line) => line.startsWith(`tasks[0].${field}: `))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('task ids and owners', () => {
  it('names every repeated id with its first place, ids of equal hash being told apart', () => {
    // "T323329" and "T1134096" have the same 32-bit FNV-1a hash: both are distinct ids
    const ids = ['T323329', 'T1134096', 'A', 'B', 'A', 'T1134096', 'C', 'A'];
    const tasks = ids.map((id, n) => ({ ...task('P1', n), id }));
    const parsed = parseScenario(scenario({ people: [person('P1')], tasks }));
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'tasks[4].id: duplicate id "A" (first at tasks[2])',
      'tasks[5].id: duplicate id "T1134096" (first at tasks[1])',
      'tasks[7].id: duplicate id "A" (first at tasks[2])',
    ]);
  });

  it('reports repeated ids as one pass in record order would, whatever the ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('', 'T323329', 'T1134096'), fc.string({ maxLength: 3 })), {
          maxLength: 60,
        }),
        (ids) => {
          const expected: string[] = [];
          const first = new Map<string, number>();
          ids.forEach((id, index) => {
            if (!id) return;
            const at = first.get(id);
            if (at === undefined) first.set(id, index);
            else
              expected.push(`tasks[${index}].id: duplicate id ${JSON.stringify(id)} (first at tasks[${at}])`);
          });
          const tasks = ids.map((id, n) => ({ ...task('P1', n), id }));
          const parsed = parseScenario(scenario({ people: [person('P1')], tasks }));
          const errors = parsed.ok ? [] : parsed.errors;
          expect(errors.filter((line) => line.includes(': duplicate id '))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names every row of an unknown person, in runs of one person or not', () => {
    const owners = ['P1', 'P1', 'P9', 'P9', 'P1', 'P9', 'P2'];
    const tasks = owners.map((personId, n) => task(personId, n));
    const parsed = parseScenario(scenario({ people: [person('P1'), person('P2')], tasks }));
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'tasks[2].personId: unknown person: "P9"',
      'tasks[3].personId: unknown person: "P9"',
      'tasks[5].personId: unknown person: "P9"',
    ]);
  });
});
