// Circumstances of 2026: absences, maternity, illness, proceedings, study leave, secondment, and the
// head of the commune with a corruption case.
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { PeoplePicker } from './pick-people.ts';
import { badLuck } from './pick-people.ts';
import type { Draw, PersonDraft, Staff } from './shared.ts';
import { corruptionUnitCode, year } from './shared.ts';

export function buildCircumstances(
  { random, newId }: Draw,
  { headOf }: Staff,
  { pickPeople }: PeoplePicker,
  cycleId: string,
): Prisma.PersonCircumstanceCreateManyInput[] {
  const circumstances = new Map<PersonDraft, Prisma.PersonCircumstanceCreateManyInput>();
  const circumstance = (person: PersonDraft) => {
    let found = circumstances.get(person);
    if (!found) {
      found = { id: newId(), cycleId, personId: person.row.id };
      circumstances.set(person, found);
    }
    return found;
  };
  for (const p of pickPeople(18, (d) => d.role === 'staff'))
    circumstance(p).monthsAbsent = random.pick([0.5, 1, 1, 1.5, 2]);
  for (const p of pickPeople(6, (d) => d.role === 'staff'))
    circumstance(p).monthsAbsent = random.pick([3, 3.5, 4, 5]);
  for (const p of pickPeople(1, (d) => d.role === 'staff'))
    Object.assign(circumstance(p), { monthsAbsent: 7, seriouslyIll: true });
  const young = (d: PersonDraft) =>
    d.gender === 'FEMALE' && d.row.birthDate > day(year - 40, 1, 1) && d.role === 'staff';
  for (const p of pickPeople(8, young)) {
    Object.assign(circumstance(p), { maternityLeave: true, pregnantOrChildUnder36Months: true });
  }
  for (const p of pickPeople(9, young)) circumstance(p).pregnantOrChildUnder36Months = true;
  for (const p of pickPeople(5, (d) => d.role !== 'head', badLuck)) circumstance(p).pendingProceedings = true;
  for (const p of pickPeople(1, (d) => d.role === 'staff')) circumstance(p).seriouslyIll = true;
  for (const p of pickPeople(1, (d) => d.role === 'staff' && d.row.sensitiveSector !== null)) {
    circumstance(p).studyLeave12Months = true;
  }
  for (const p of pickPeople(1, (d) => d.role === 'staff')) circumstance(p).seconded = true;
  circumstance(headOf(corruptionUnitCode)).unitCorruptionCase = true;
  return [...circumstances.values()];
}
