// Dossier statistics of the one-stop system for the people who handle dossiers, per quarter.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Draw, Staff, Tier } from './shared.ts';

export function buildDossierStats(
  { random, newId }: Draw,
  { drafts }: Staff,
  cycleId: string,
): Prisma.DossierStatCreateManyInput[] {
  const dossierStats: Prisma.DossierStatCreateManyInput[] = [];
  const lateShare: Record<Tier, [number, number]> = {
    strong: [0, 0.005],
    normal: [0.005, 0.03],
    weak: [0.03, 0.08],
    poor: [0.08, 0.15],
  };
  for (const person of drafts.filter((d) => d.row.dossierHandler)) {
    const oneStop = person.unit.spec.profile === 'one-stop' || person.unit.spec.profile === 'land-registry';
    const received = oneStop ? random.int(400, 1500) : random.int(120, 700);
    const processed = Math.round(received * (0.93 + random.next() * 0.06));
    const [lo, hi] = lateShare[person.tier];
    const late = Math.round(processed * (lo + random.next() * (hi - lo)));
    const early = Math.round(processed * (0.15 + random.next() * 0.25));
    const apologies = Math.round(late * (0.4 + random.next() * 0.5));
    // the one-stop system reports per quarter: the year's counts split over the four quarters
    const shares = [0.24, 0.25, 0.26, 0.25];
    const split = (total: number) => {
      const parts = shares.map((share) => Math.floor(total * share));
      parts[3] = total - (parts[0] ?? 0) - (parts[1] ?? 0) - (parts[2] ?? 0);
      return parts;
    };
    const [r, e, l, a] = [split(received), split(early), split(late), split(apologies)];
    const onTime = split(processed - early - late);
    for (let q = 0; q < 4; q++) {
      dossierStats.push({
        id: newId(),
        cycleId,
        personId: person.row.id,
        period: q + 1,
        received: r[q] ?? 0,
        early: e[q] ?? 0,
        onTime: onTime[q] ?? 0,
        late: l[q] ?? 0,
        apologies: a[q] ?? 0,
      });
    }
  }
  return dossierStats;
}
