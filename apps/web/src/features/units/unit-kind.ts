import type { ResultOf } from '../../graphql/graphql.ts';
import type { UnitsPageQuery } from './units-api.ts';

export type UnitKind = ResultOf<typeof UnitsPageQuery>['units'][number]['kind'];

/** The kinds in the order of the administration: province, departments and their divisions, communes. */
export const unitKinds: readonly UnitKind[] = [
  'PROVINCE',
  'DEPARTMENT',
  'DIVISION',
  'CENTER',
  'DISTRICT',
  'COMMUNE',
  'WARD',
  'SPECIAL_ZONE',
];
