// Citizens' satisfaction votes for the citizen-facing staff: kiosk and portal, or a survey.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Draw, Staff, Tier } from './shared.ts';

export function buildCitizenVotes(
  { random, newId }: Draw,
  { drafts }: Staff,
  cycleId: string,
): Prisma.CitizenVoteCreateManyInput[] {
  const citizenVotes: Prisma.CitizenVoteCreateManyInput[] = [];
  const satisfaction: Record<Tier, [number, number]> = {
    strong: [0.95, 0.995],
    normal: [0.86, 0.97],
    weak: [0.7, 0.86],
    poor: [0.5, 0.72],
  };
  for (const person of drafts.filter((d) => d.row.citizenFacing)) {
    const totalVotes = random.chance(0.06) ? random.int(4, 18) : random.int(25, 320);
    const [lo, hi] = satisfaction[person.tier];
    const sources = random.chance(0.7) ? ['KIOSK', 'PORTAL'] : ['SURVEY'];
    let remaining = totalVotes;
    sources.forEach((source, i) => {
      const votes =
        i === sources.length - 1 ? remaining : Math.round(totalVotes * (0.5 + random.next() * 0.3));
      remaining -= votes;
      const happy = Math.round(votes * (lo + random.next() * (hi - lo)));
      const verySatisfied = Math.round(happy * (0.55 + random.next() * 0.2));
      citizenVotes.push({
        id: newId(),
        cycleId,
        personId: person.row.id,
        source,
        verySatisfied,
        satisfied: happy - verySatisfied,
        dissatisfied: votes - happy,
      });
    });
  }
  return citizenVotes;
}
