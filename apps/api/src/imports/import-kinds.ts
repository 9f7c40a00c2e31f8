import type { ImportKind } from '@cadre/db';
import type { ImportKindDefinition } from './import-kind.ts';
import { citizenVotesImport } from './kinds/citizen-votes.ts';
import { disciplineImport } from './kinds/discipline.ts';
import { dossiersImport } from './kinds/dossiers.ts';
import { infractionsImport } from './kinds/infractions.ts';
import { initiativesImport } from './kinds/initiatives.ts';
import { oneStopStatsImport } from './kinds/one-stop-stats.ts';
import { peopleImport } from './kinds/people.ts';
import { productsImport } from './kinds/products.ts';
import { taskAssignmentsImport } from './kinds/task-assignments.ts';
import { tasksImport } from './kinds/tasks.ts';
import { unitsImport } from './kinds/units.ts';

// Every import kind, one file each in kinds/: its columns, its checks and the rows it writes.
// The order is the GraphQL enum's (ImportKind) and the templates' list.

export const importKinds: Record<ImportKind, ImportKindDefinition> = {
  UNITS: unitsImport,
  PEOPLE: peopleImport,
  TASKS: tasksImport,
  DOSSIERS: dossiersImport,
  CITIZEN_VOTES: citizenVotesImport,
  DISCIPLINE: disciplineImport,
  INFRACTIONS: infractionsImport,
  INITIATIVES: initiativesImport,
  PRODUCTS: productsImport,
  TASK_ASSIGNMENTS: taskAssignmentsImport,
  ONE_STOP_STATS: oneStopStatsImport,
};

/** UNITS, units, citizen-votes, CITIZEN_VOTES… → the kind; undefined when unknown. */
export function findImportKind(name: string): ImportKindDefinition | undefined {
  const wanted = name.trim().toLowerCase().replace(/_/g, '-');
  return Object.values(importKinds).find(
    (spec) => spec.slug === wanted || spec.kind.toLowerCase().replace(/_/g, '-') === wanted,
  );
}
