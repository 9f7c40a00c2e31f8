// What the demo province's section builders share: the year, the unit and person drafts they pass
// along, the two generators, and small date helpers.
import { addDays, day, type Random } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Gender } from '../../generated/prisma/enums.ts';
import type { UnitSpec } from '../demo-province.ts';

export const demoCycleYear = 2026;
export const year = demoCycleYear;
export const yearStart = day(year, 1, 1);
export const yearEnd = day(year, 12, 31);

/** The unit whose head gave all twelve of their people the same A = 10 (calibration, DOMAIN.md §10). */
export const uniformAssessmentUnit = 'HA.STP.HCTP';
/** The person transferred on 1 July 2026, and the agencies they left and joined. */
export const transfer = { from: 'HA.SXD.QLXD', to: 'HA.STNMT.DD', on: '2026-07-01' } as const;
/** The commune with a corruption case in 2026: its head answers for it (rule 3.5). */
export const corruptionUnitCode = 'HA.XPT';

/**
 * The demo's two generators: `random` for every choice, `newId` for every row id. Each section
 * draws from them in a fixed order; moving a section, or a draw inside one, changes the province.
 */
export type Draw = { random: Random; newId: () => string };

export type Tier = 'strong' | 'normal' | 'weak' | 'poor';
export type Role3 = 'head' | 'deputy' | 'staff';

export type UnitNode = {
  id: string;
  spec: UnitSpec;
  parent: UnitNode | null;
  /** the department/district (or province) the unit belongs to: its agency for decision numbers */
  agencyCode: string;
};

export type PersonDraft = {
  row: Prisma.PersonCreateManyInput & { id: string; hiredOn: Date; birthDate: Date };
  unit: UnitNode;
  role: Role3;
  tier: Tier;
  gender: Gender;
  given: string;
};

/** the unit tree, with lookups by code */
export type UnitTree = {
  nodes: UnitNode[];
  root: UnitNode;
  unitNamed(code: string): UnitNode;
};

/** the province's people, with lookups of a unit's leaders */
export type Staff = {
  drafts: PersonDraft[];
  headOf(code: string): PersonDraft;
  deputiesOf(code: string): PersonDraft[];
};

/** the units whose kinds hold staff of their own (as opposed to departments, districts) */
export const leafKinds = ['DIVISION', 'CENTER', 'COMMUNE', 'WARD', 'SPECIAL_ZONE'];

export function dateInYear(random: Random, y: number, fromMonth = 1, toMonth = 12): Date {
  return random.dateBetween(
    day(y, fromMonth, 1),
    addDays(day(toMonth === 12 ? y + 1 : y, toMonth === 12 ? 1 : toMonth + 1, 1), -1),
  );
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export const quarterStart = (q: number) => day(year, (q - 1) * 3 + 1, 1);
export const quarterEnd = (q: number) =>
  addDays(day(q === 4 ? year + 1 : year, q === 4 ? 1 : q * 3 + 1, 1), -1);
