import { type Prisma, type PrismaClient, toSearchText, type Unit, type UnitKind } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import { descendantIds, type UnitTreeCache } from '../../../scope/unit-tree.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildUnitsWhere } from '../build-units-where.ts';

/** Renames, moves, re-blocks or deactivates a unit; refuses a stale version and a move under itself. */
export async function updateUnit(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  id: string;
  version: number;
  input: {
    name?: string | null;
    kind?: UnitKind | null;
    parentId?: string | null;
    blockId?: string | null;
    active?: boolean | null;
  };
}): Promise<Unit> {
  const { prisma, viewer, input } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') throw new ForbiddenError();
  const tree = await options.unitTrees.get();
  const unit = await prisma.$transaction(async (tx) => {
    const before = await tx.unit.findFirst({ where: { id: options.id, AND: [buildUnitsWhere({ viewer })] } });
    if (!before || !unitInScope(viewer, before.id)) throw new NotFoundError('đơn vị / unit');
    assertVersion('Đơn vị / Unit', before.version, options.version);
    const data: Prisma.UnitUncheckedUpdateInput = { version: { increment: 1 } };
    if (input.name) {
      data.name = input.name.trim();
      data.searchName = toSearchText(input.name);
    }
    if (input.kind) data.kind = input.kind;
    if (typeof input.active === 'boolean') data.active = input.active;
    if (input.blockId !== undefined) data.blockId = input.blockId;
    if (input.parentId !== undefined) {
      if (input.parentId === null || !unitInScope(viewer, input.parentId)) {
        throw new ValidationError([
          {
            field: 'input.parentId',
            message: 'Đơn vị cấp trên ngoài phạm vi / parent unit outside your scope',
          },
        ]);
      }
      if (descendantIds(tree, before.id).includes(input.parentId)) {
        throw new ValidationError([
          {
            field: 'input.parentId',
            message: 'Không thể chuyển vào đơn vị con của chính nó / cannot move a unit under itself',
          },
        ]);
      }
      data.parentId = input.parentId;
    }
    const updated = await tx.unit.updateMany({ where: { id: before.id, version: before.version }, data });
    if (updated.count !== 1) throw new ConflictError('Đơn vị vừa bị sửa / unit changed meanwhile');
    const after = await tx.unit.findUniqueOrThrow({ where: { id: before.id } });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'updateUnit',
      entity: 'Unit',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
  options.unitTrees.invalidate();
  return unit;
}
