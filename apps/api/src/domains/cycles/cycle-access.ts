import type { Cycle, CycleStatus, Prisma } from '@cadre/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { unitInScope, type Viewer } from '../../scope/viewer.ts';
import { buildCyclesWhere } from './build-cycles-where.ts';

// Shared by the cycle services: the workflow order and who may manage a cycle.

export const cycleOrder: CycleStatus[] = [
  'DRAFT',
  'OPEN',
  'ASSESSMENT',
  'REVIEW',
  'APPROVED',
  'PUBLISHED',
  'ARCHIVED',
];

export function stageIndex(status: CycleStatus): number {
  return cycleOrder.indexOf(status);
}

/** Published and archived cycles are read-only: only corrections (new decisions) and appeals. */
export function isReadOnly(status: CycleStatus): boolean {
  return status === 'PUBLISHED' || status === 'ARCHIVED';
}

/** A cycle the viewer can see (else NOT_FOUND, the same as a missing one). */
export async function findVisibleCycle(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  cycleId: string,
): Promise<Cycle> {
  const cycle = await tx.cycle.findFirst({ where: { id: cycleId, AND: [buildCyclesWhere({ viewer })] } });
  if (!cycle) throw new NotFoundError('kỳ đánh giá / cycle');
  return cycle;
}

/** Personnel officers and admins whose scope covers the cycle's agency manage it. */
export function assertManages(viewer: Viewer, cycle: Cycle): void {
  if ((viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') || !unitInScope(viewer, cycle.scopeUnitId)) {
    throw new ForbiddenError();
  }
}

export function assertWritable(cycle: Cycle): void {
  if (isReadOnly(cycle.status)) {
    throw new ConflictError(
      `Kỳ đánh giá đã ${cycle.status === 'ARCHIVED' ? 'lưu trữ' : 'công bố'}: chỉ đọc / the cycle is ${cycle.status.toLowerCase()}: read-only`,
    );
  }
}
