// Ratings and titles of 2023–2025, imported from the years before the system; each in the unit of
// its time (before 1 July 2025, an old district's division or commune).
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Rating } from '../../generated/prisma/enums.ts';
import type { PeoplePicker } from './pick-people.ts';
import type { Draw, PersonDraft, Staff, Tier, UnitNode, UnitTree } from './shared.ts';

export type DemoHistory = {
  history: Prisma.RatingHistoryCreateManyInput[];
  /** excellent three years running, with a provincial initiative: candidates for CSTĐ tỉnh */
  provincialCandidates: PersonDraft[];
  /** the one with a national initiative and CSTĐ tỉnh in 2023 */
  nationalCandidate: PersonDraft | undefined;
};

export function buildHistory(
  { random, newId }: Draw,
  { unitNamed }: UnitTree,
  { drafts }: Staff,
  { pickPeople }: PeoplePicker,
  disciplinedYears: Map<PersonDraft, Set<number>>,
): DemoHistory {
  const history: Prisma.RatingHistoryCreateManyInput[] = [];
  // 2023–2025 were rated in the units of their time: an old district's division or commune
  const formerUnit = new Map<PersonDraft, UnitNode>();
  const formerUnitOf = (person: PersonDraft): UnitNode => {
    let found = formerUnit.get(person);
    if (!found) {
      const former = (person.unit.spec.predecessors ?? [])
        .map(unitNamed)
        .filter((u) => u.spec.kind !== 'DISTRICT' || person.role !== 'staff');
      found = former.length > 0 ? random.pick(former) : person.unit;
      formerUnit.set(person, found);
    }
    return found;
  };
  const ratingWeights: Record<Tier, readonly (readonly [Rating, number])[]> = {
    strong: [
      ['EXCELLENT', 55],
      ['GOOD', 45],
    ],
    normal: [
      ['EXCELLENT', 10],
      ['GOOD', 74],
      ['COMPLETED', 16],
    ],
    weak: [
      ['GOOD', 35],
      ['COMPLETED', 58],
      ['NOT_COMPLETED', 7],
    ],
    poor: [
      ['GOOD', 10],
      ['COMPLETED', 55],
      ['NOT_COMPLETED', 35],
    ],
  };
  const provincialCandidates = pickPeople(
    6,
    (d) => d.tier === 'strong' && d.role !== 'head' && d.row.hiredOn < day(2019, 1, 1),
  );
  const nationalCandidate = provincialCandidates[0];
  for (const person of drafts) {
    for (const y of [2023, 2024, 2025]) {
      if (person.row.hiredOn > day(y, 6, 30)) continue;
      let rating: Rating = random.weighted(ratingWeights[person.tier]);
      const titles: string[] = [];
      if (disciplinedYears.get(person)?.has(y)) rating = 'NOT_COMPLETED';
      if (provincialCandidates.includes(person)) rating = 'EXCELLENT';
      if (rating === 'EXCELLENT' || rating === 'GOOD') titles.push('LDTT');
      if (rating === 'EXCELLENT' && (provincialCandidates.includes(person) || random.chance(0.45))) {
        titles.push('CSTDCS');
      }
      if (person === nationalCandidate && y === 2023) titles.push('CSTD_TINH');
      history.push({
        id: newId(),
        personId: person.row.id,
        year: y,
        rating,
        titles,
        source: 'import',
        unitId: formerUnitOf(person).id,
      });
    }
  }
  return { history, provincialCandidates, nationalCandidate };
}
