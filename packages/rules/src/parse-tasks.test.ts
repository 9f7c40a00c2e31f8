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
