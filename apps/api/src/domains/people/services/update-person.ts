import { type Person, type Prisma, type PrismaClient, type StaffCategory, toSearchText } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildPeopleWhere } from '../build-people-where.ts';
import { assertPersonalIdFree, normalizePersonalId } from '../personal-id.ts';

/** Edits a staff record. A stale `version` is refused (CONFLICT), never silently overwritten. */
export async function updatePerson(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  id: string;
  version: number;
  input: {
    fullName?: string | null;
    unitId?: string | null;
    category?: StaffCategory | null;
    positionTitle?: string | null;
    email?: string | null;
    hiredOn?: Date | null;
    retirementOn?: Date | null;
    citizenFacing?: boolean | null;
    dossierHandler?: boolean | null;
    active?: boolean | null;
    personalId?: string | null;
    quotaGroup?: string | null;
  };
}): Promise<Person> {
  const { prisma, viewer, input } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    const before = await tx.person.findFirst({
      where: { id: options.id, AND: [buildPeopleWhere({ viewer })] },
    });
    if (!before) throw new NotFoundError('cán bộ / person');
    assertVersion('Hồ sơ cán bộ / Person', before.version, options.version);
    const data: Prisma.PersonUncheckedUpdateInput = { version: { increment: 1 } };
    if (input.fullName) {
      data.fullName = input.fullName.trim();
      data.searchName = toSearchText(input.fullName);
    }
    if (input.unitId) {
      if (!unitInScope(viewer, input.unitId)) {
        throw new ValidationError([
          { field: 'input.unitId', message: 'Đơn vị ngoài phạm vi / unit outside your scope' },
        ]);
      }
      data.unitId = input.unitId;
    }
    if (input.category) data.category = input.category;
    if (input.positionTitle !== undefined) data.positionTitle = input.positionTitle;
    if (input.email !== undefined) data.email = input.email;
    if (input.hiredOn) data.hiredOn = input.hiredOn;
    if (input.retirementOn !== undefined) data.retirementOn = input.retirementOn;
    if (typeof input.citizenFacing === 'boolean') data.citizenFacing = input.citizenFacing;
    if (typeof input.dossierHandler === 'boolean') data.dossierHandler = input.dossierHandler;
    if (typeof input.active === 'boolean') data.active = input.active;
    if (input.personalId !== undefined) {
      const personalId = normalizePersonalId(input.personalId, 'input.personalId');
      await assertPersonalIdFree(tx, personalId, before.id);
      data.personalId = personalId;
    }
    if (input.quotaGroup !== undefined) data.quotaGroup = input.quotaGroup?.trim() || null;
    // the version in the WHERE makes the check and the write one atomic step
    const updated = await tx.person.updateMany({ where: { id: before.id, version: before.version }, data });
    if (updated.count !== 1) throw new ConflictError('Hồ sơ vừa bị sửa / person changed meanwhile');
    const after = await tx.person.findUniqueOrThrow({ where: { id: before.id } });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'updatePerson',
      entity: 'Person',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
