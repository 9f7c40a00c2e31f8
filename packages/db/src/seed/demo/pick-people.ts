// Choosing the people a misfortune or an honour falls on: each person at most once, and never the
// people whose story the demo accounts tell.
import type { Random } from '@cadre/fixtures';
import type { PersonDraft } from './shared.ts';

export type PeoplePicker = {
  /** people already chosen for something (or kept out from the start) */
  reserved: Set<PersonDraft>;
  /** up to `count` people passing `filter`, each with a chance proportional to `weight` */
  pickPeople(
    count: number,
    filter: (d: PersonDraft) => boolean,
    weight?: (d: PersonDraft) => number,
  ): PersonDraft[];
};

export function createPeoplePicker(
  random: Random,
  drafts: readonly PersonDraft[],
  keptOut: Iterable<PersonDraft>,
): PeoplePicker {
  const reserved = new Set(keptOut);
  const pickPeople = (
    count: number,
    filter: (d: PersonDraft) => boolean,
    weight: (d: PersonDraft) => number = () => 1,
  ) => {
    const chosen: PersonDraft[] = [];
    const pool = drafts.filter((d) => !reserved.has(d) && filter(d));
    for (let i = 0; i < count && pool.length > 0; i++) {
      const pick = random.weighted(pool.map((d) => [d, weight(d)] as const));
      chosen.push(pick);
      reserved.add(pick);
      pool.splice(pool.indexOf(pick), 1);
    }
    return chosen;
  };
  return { reserved, pickPeople };
}

/** misfortunes fall on the weak more often than on the strong */
export const badLuck = (d: PersonDraft) => ({ strong: 0.2, normal: 1, weak: 5, poor: 8 })[d.tier];
