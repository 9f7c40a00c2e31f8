// The units' figures of 2026: PAR and satisfaction indexes, targets met, the corruption case.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Draw, Staff, UnitTree } from './shared.ts';
import { corruptionUnitCode } from './shared.ts';

export function buildUnitStats(
  { random, newId }: Draw,
  { nodes, unitNamed }: UnitTree,
  { drafts }: Staff,
  cycleId: string,
): Prisma.UnitYearStatCreateManyInput[] {
  const corruptionUnit = unitNamed(corruptionUnitCode);
  return nodes
    .filter((node) => node.spec.validTo === undefined)
    .map((node) => {
      const measured = node.spec.kind !== 'DIVISION';
      const serves = drafts.some((d) => d.unit === node && d.row.citizenFacing);
      return {
        id: newId(),
        cycleId,
        unitId: node.id,
        parIndex: measured ? Math.round((76 + random.next() * 18) * 100) / 100 : null,
        satisfactionIndex: measured || serves ? Math.round((80 + random.next() * 15) * 10) / 10 : null,
        targetsCompletedPercent: node === corruptionUnit ? 46 : Math.round(88 + random.next() * 12),
        corruptionCase: node === corruptionUnit,
      };
    });
}
