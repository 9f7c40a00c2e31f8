import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario.ts';
import { person, scenario, task } from './test-scenario.ts';

function errorsOf(parts: Record<string, unknown>): string[] {
  const result = parseScenario(scenario(parts));
  return result.ok ? [] : result.errors;
}

describe('scenario validation names the record and the field', () => {
  it('accepts a well-formed scenario', () => {
    expect(parseScenario(scenario({ people: [person('P1')], tasks: [task('P1', 1)] })).ok).toBe(true);
  });
  it('refuses an impossible date', () => {
    expect(
      errorsOf({
        people: [person('P1'), person('P2'), person('P3'), person('P4', { hiredOn: '2026-13-01' })],
      }),
    ).toEqual(['people[3].hiredOn: not a date: "2026-13-01"']);
    expect(errorsOf({ people: [person('P1', { hiredOn: '2026-02-30' })] })[0]).toContain('people[0].hiredOn');
  });
  it('refuses a missing or mistyped field', () => {
    const { unitId: _, ...withoutUnit } = person('P1');
    expect(errorsOf({ people: [withoutUnit] })).toEqual(['people[0].unitId: missing']);
    expect(errorsOf({ people: [person('P1', { monthsAbsent: 'two' })] })).toEqual([
      'people[0].monthsAbsent: not a number: "two"',
    ]);
    expect(errorsOf({ people: [person('P1', { citizenFacing: 'yes' })] })).toEqual([
      'people[0].citizenFacing: not true or false: "yes"',
    ]);
  });
  it('refuses unknown ids, negative counts, duplicate ids and unknown packs', () => {
    expect(errorsOf({ people: [person('P1', { unitId: 'U9' })] })).toEqual([
      'people[0].unitId: unknown unit: "U9"',
    ]);
    expect(errorsOf({ people: [person('P1')], tasks: [task('P2', 1)] })).toEqual([
      'tasks[0].personId: unknown person: "P2"',
    ]);
    expect(errorsOf({ people: [person('P1')], tasks: [task('P1', 1, { delays: -1 })] })).toEqual([
      'tasks[0].delays: negative: -1',
    ]);
    expect(errorsOf({ people: [person('P1'), person('P1')] })).toEqual([
      'people[1].id: duplicate id "P1" (first at people[0])',
    ]);
    expect(errorsOf({ pack: 'vn-xyz' })[0]).toMatch(/^scenario\.pack: not one of/);
    expect(errorsOf({ overrides: { excellentPercnt: 30 } })).toEqual([
      'scenario.overrides.excellentPercnt: unknown override',
    ]);
    // the one overrides schema (also the API's): ranges named by their field
    expect(
      errorsOf({ overrides: { excellentPercent: 120, quotaExceptions: [{ unitId: 'U1', percent: 'x' }] } }),
    ).toEqual([
      'scenario.overrides.excellentPercent: tối đa 100 / above 100',
      'scenario.overrides.quotaExceptions.0.percent: cần một số / not a number',
      'scenario.overrides.quotaExceptions.0.decision: thiếu hoặc không phải chữ / missing or not text',
    ]);
  });
  it('reports every problem, not only the first', () => {
    const errors = errorsOf({
      people: [person('P1', { category: 'BOSS', conductAssessment: 11 })],
      citizenVotes: [{ personId: 'P1', verySatisfied: 1.5, satisfied: 0, dissatisfied: 0 }],
    });
    expect(errors).toEqual([
      'people[0].category: not one of CAN_BO | CONG_CHUC | VIEN_CHUC | NGUOI_LAO_DONG: "BOSS"',
      'people[0].conductAssessment: above 10: 11',
      'citizenVotes[0].verySatisfied: not a whole number: 1.5',
    ]);
  });
  it('refuses input that is not an object', () => {
    expect(parseScenario([1, 2])).toEqual({ ok: false, errors: ['scenario: not a JSON object: [1,2]'] });
  });
});
