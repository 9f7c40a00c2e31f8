import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';
import { buildUnitsWhere } from '../units/build-units-where.ts';

/**
 * Whose place in a block ranking the viewer reads: the units they may read, and the other units
 * of each emulation block (khối thi đua) a unit of their administrative scope belongs to — a head
 * sees where his unit stands among its peers. Only the unit's own figures are read that way
 * (name, rank, unit score); the peers' people stay behind their own where-builders.
 */
export function buildBlockRankingUnitsWhere(options: { viewer: Viewer }): Prisma.UnitWhereInput {
  const { viewer } = options;
  const units = buildUnitsWhere({ viewer });
  if (viewer.unitIds === null || viewer.unitIds.length === 0) return units;
  return { OR: [units, { block: { units: { some: { id: { in: viewer.unitIds } } } } }] };
}
