import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario.ts';
import { person, resultOf, run, scenario, tasks } from './test-scenario.ts';

describe('validation accepts real-world data the contract allows', () => {
  it('accepts more dossiers processed than received (files carried over from the year before)', () => {
    const parsed = parseScenario(
      scenario({
        people: [person('P1', { dossierHandler: true })],
        tasks: tasks('P1'),
        dossiers: [{ personId: 'P1', received: 10, early: 5, onTime: 20, late: 0, apologies: 0 }],
      }),
    );
    expect(parsed.ok).toBe(true);
  });

  it('accepts two heads of one unit', () => {
    const evaluation = run({
      people: [person('H1', { leads: 'U1' }), person('H2', { leads: 'U1' })],
      tasks: [...tasks('H1'), ...tasks('H2')],
    });
    expect(resultOf(evaluation, 'H1').score).toBe(100);
  });
});
