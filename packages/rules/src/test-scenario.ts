// Builders of small scenarios for the engine's tests: a person or task with every field at a
// neutral default, overridden where a test cares.
import { evaluateScenario } from './evaluate.ts';
import { parseScenario } from './parse-scenario.ts';
import type { Evaluation, PersonResult } from './types.ts';

type Loose = Record<string, unknown>;

export function person(id: string, fields: Loose = {}): Loose {
  return {
    id,
    name: `Người ${id}`,
    unitId: 'U1',
    category: 'CONG_CHUC',
    leads: null,
    hiredOn: '2015-03-01',
    monthsAbsent: 0,
    maternityLeave: false,
    pregnantOrChildUnder36Months: false,
    retirementOn: '2045-06-30',
    pendingProceedings: false,
    sensitivePosition: null,
    citizenFacing: false,
    dossierHandler: false,
    conductAssessment: 10,
    history: [],
    ...fields,
  };
}

export function task(personId: string, n: number, fields: Loose = {}): Loose {
  return {
    id: `${personId}-T${n}`,
    personId,
    weight: 1,
    due: '2026-03-31',
    completed: '2026-03-30',
    planned: 1,
    actual: 1,
    majorErrors: 0,
    delays: 0,
    excused: false,
    ...fields,
  };
}

/** `count` tasks all done on time and in full. */
export function tasks(personId: string, count = 4, fields: Loose = {}): Loose[] {
  return Array.from({ length: count }, (_, n) => task(personId, n + 1, fields));
}

export function scenario(parts: Loose = {}): Loose {
  return {
    year: 2026,
    pack: 'vn-nd335-2025',
    overrides: {},
    units: [
      {
        id: 'U1',
        name: 'Phòng Một cửa',
        parentId: null,
        block: null,
        parIndex: null,
        satisfactionIndex: null,
      },
    ],
    people: [],
    tasks: [],
    dossiers: [],
    citizenVotes: [],
    discipline: [],
    infractions: [],
    initiatives: [],
    ballots: [],
    ...parts,
  };
}

export function run(parts: Loose = {}): Evaluation {
  const parsed = parseScenario(scenario(parts));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return evaluateScenario(parsed.scenario);
}

export function resultOf(evaluation: Evaluation, id: string): PersonResult {
  const found = evaluation.people.find((item) => item.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}
