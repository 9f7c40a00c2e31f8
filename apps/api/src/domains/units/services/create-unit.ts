import { type PrismaClient, toSearchText, type Unit, type UnitKind } from '@cadre/db';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';

/** Adds a unit under a parent inside the viewer's scope. */
export async function createUnit(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  input: { code: string; name: string; kind: UnitKind; parentId: string | null; blockId: string | null };
}): Promise<Unit> {
  const { prisma, viewer, input } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') throw new ForbiddenError();
  if (input.parentId === null) {
    // a new root (a new province) is for province-wide administrators only
    if (viewer.unitIds !== null) {
      throw new ValidationError([
        { field: 'input.parentId', message: 'Cần chọn đơn vị cấp trên / parent unit required' },
      ]);
    }
  } else if (!unitInScope(viewer, input.parentId)) {
    throw new ValidationError([
      { field: 'input.parentId', message: 'Đơn vị cấp trên ngoài phạm vi / parent unit outside your scope' },
    ]);
  }
  const unit = await prisma.$transaction(async (tx) => {
    const code = input.code.trim();
    if (await tx.unit.findUnique({ where: { code }, select: { id: true } })) {
      throw new ConflictError(`Mã đơn vị "${code}" đã tồn tại / unit code "${code}" already exists`);
    }
    if (
      input.parentId &&
      !(await tx.unit.findUnique({ where: { id: input.parentId }, select: { id: true } }))
    ) {
      throw new ValidationError([{ field: 'input.parentId', message: 'Không có đơn vị này / no such unit' }]);
    }
    const created = await tx.unit.create({
      data: {
        code,
        name: input.name.trim(),
        searchName: toSearchText(input.name),
        kind: input.kind,
        parentId: input.parentId,
        blockId: input.blockId,
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'createUnit',
      entity: 'Unit',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  options.unitTrees.invalidate();
  return unit;
}
