// Initiatives and research: the provincial candidates' own, and thirty more, mostly by the strong.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InitiativeScope } from '../../generated/prisma/enums.ts';
import { initiativeTitles } from '../demo-province.ts';
import type { DemoHistory } from './history.ts';
import type { PeoplePicker } from './pick-people.ts';
import type { Draw, PersonDraft } from './shared.ts';
import { dateInYear } from './shared.ts';

export function buildInitiatives(
  { random, newId }: Draw,
  { pickPeople }: PeoplePicker,
  { provincialCandidates, nationalCandidate }: DemoHistory,
): Prisma.InitiativeCreateManyInput[] {
  const initiatives: Prisma.InitiativeCreateManyInput[] = [];
  const addInitiative = (
    person: PersonDraft,
    scope: InitiativeScope,
    recognizedOn: Date,
    research = false,
  ) => {
    initiatives.push({
      id: newId(),
      personId: person.row.id,
      kind: research ? 'RESEARCH' : 'INITIATIVE',
      title: random.pick(initiativeTitles),
      scope,
      recognizedOn,
      decisionNumber: `${random.int(100, 2999)}/QĐ-${scope === 'GRASSROOTS' ? person.unit.agencyCode : 'UBND'}`,
    });
  };
  for (const candidate of provincialCandidates) {
    addInitiative(candidate, 'PROVINCE', dateInYear(random, random.pick([2024, 2025]), 3, 11));
  }
  if (nationalCandidate) addInitiative(nationalCandidate, 'NATIONAL', dateInYear(random, 2022, 4, 10));
  for (const person of pickPeople(
    30,
    (d) => d.role !== 'head',
    (d) => ({ strong: 6, normal: 1, weak: 0.2, poor: 0.05 })[d.tier],
  )) {
    const scope: InitiativeScope = random.weighted([
      ['GRASSROOTS', 78],
      ['PROVINCE', 18],
      ['NATIONAL', 4],
    ] as const);
    addInitiative(
      person,
      scope,
      dateInYear(random, random.pick([2024, 2025, 2026, 2026]), 2, 11),
      random.chance(0.15),
    );
  }
  return initiatives;
}
