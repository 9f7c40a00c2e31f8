import { describe, expect, it } from 'vitest';
import { checkQuota } from './check-quota.ts';
import { parseScenario } from './parse-scenario.ts';
import type { Rating, Scenario } from './types.ts';

function scenarioOf(people: number, overrides: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario({
    year: 2026,
    pack: 'vn-nd335-2025',
    overrides,
    units: [{ id: 'U1', name: 'Phòng A', parentId: null }],
    people: Array.from({ length: people }, (_, index) => ({
      id: `P${index + 1}`,
      name: `Người ${index + 1}`,
      unitId: 'U1',
      category: 'CONG_CHUC',
      leads: null,
      hiredOn: '2015-03-01',
      monthsAbsent: 0,
      maternityLeave: false,
      pregnantOrChildUnder36Months: false,
      retirementOn: null,
      pendingProceedings: false,
      sensitivePosition: null,
      citizenFacing: false,
      dossierHandler: false,
      conductAssessment: 10,
      history: [],
    })),
    tasks: [],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const ratings = (...values: Rating[]) =>
  Object.fromEntries(values.map((value, index) => [`P${index + 1}`, value]));

describe('checkQuota (rule 3.4 on final decisions)', () => {
  it('allows floor(20% × good or better) and reports a second excellent as exceeding it', () => {
    const scenario = scenarioOf(6);
    const [ok] = checkQuota({
      scenario,
      ratings: ratings('EXCELLENT', 'GOOD', 'GOOD', 'GOOD', 'GOOD', 'COMPLETED'),
    });
    expect(ok).toMatchObject({ unitId: 'U1', eligible: 5, allowed: 1, granted: 1, exceeded: false });
    const [over] = checkQuota({
      scenario,
      ratings: ratings('EXCELLENT', 'EXCELLENT', 'GOOD', 'GOOD', 'GOOD', 'COMPLETED'),
    });
    expect(over).toMatchObject({ allowed: 1, granted: 2, exceeded: true });
  });

  it('recounts the base when a head lowers people: 4 good or better allow no excellent', () => {
    const [result] = checkQuota({
      scenario: scenarioOf(4),
      ratings: ratings('EXCELLENT', 'GOOD', 'GOOD', 'GOOD'),
    });
    expect(result).toMatchObject({ eligible: 4, allowed: 0, exceeded: true });
  });

  it('honours the local minimum per group and cites it as local', () => {
    const scenario = scenarioOf(4, { excellentMinimumPerGroup: 1 });
    const [result] = checkQuota({ scenario, ratings: new Map(Object.entries(ratings('EXCELLENT', 'GOOD'))) });
    expect(result).toMatchObject({ eligible: 2, allowed: 1, granted: 1, exceeded: false, citation: 'local' });
  });
});
