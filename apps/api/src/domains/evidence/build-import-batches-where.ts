import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';
import { buildCyclesWhere } from '../cycles/build-cycles-where.ts';

/**
 * Import batches the viewer may read: their own; admins and officers also every batch of a cycle
 * they see (an officer without a scope unit: every batch).
 */
export function buildImportBatchesWhere(options: { viewer: Viewer }): Prisma.ImportBatchWhereInput {
  const { viewer } = options;
  const own: Prisma.ImportBatchWhereInput = { createdById: viewer.userId };
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') return own;
  if (viewer.unitIds === null) return {};
  return { OR: [own, { cycle: buildCyclesWhere({ viewer }) }] };
}
