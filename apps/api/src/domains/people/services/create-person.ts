import { type Person, type PrismaClient, type StaffCategory, toSearchText } from '@cadre/db';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertPersonalIdFree, normalizePersonalId } from '../personal-id.ts';

export type PersonInput = {
  code: string;
  fullName: string;
  unitId: string;
  category: StaffCategory;
  positionTitle?: string | null;
  email?: string | null;
  birthDate?: Date | null;
  hiredOn: Date;
  retirementOn?: Date | null;
  citizenFacing?: boolean | null;
  dossierHandler?: boolean | null;
  personalId?: string | null;
  quotaGroup?: string | null;
};

/** Adds a staff record to a unit inside the viewer's scope. */
export async function createPerson(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  input: PersonInput;
}): Promise<Person> {
  const { prisma, viewer, input } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') throw new ForbiddenError();
  if (!unitInScope(viewer, input.unitId)) {
    throw new ValidationError([
      { field: 'input.unitId', message: 'Đơn vị ngoài phạm vi / unit outside your scope' },
    ]);
  }
  const personalId = normalizePersonalId(input.personalId, 'input.personalId');
  return prisma.$transaction(async (tx) => {
    await assertPersonalIdFree(tx, personalId);
    const code = input.code.trim();
    if (await tx.person.findUnique({ where: { code }, select: { id: true } })) {
      throw new ConflictError(`Mã cán bộ "${code}" đã tồn tại / staff code "${code}" already exists`);
    }
    if (!(await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true } }))) {
      throw new ValidationError([{ field: 'input.unitId', message: 'Không có đơn vị này / no such unit' }]);
    }
    const person = await tx.person.create({
      data: {
        code,
        fullName: input.fullName.trim(),
        searchName: toSearchText(input.fullName),
        unitId: input.unitId,
        category: input.category,
        positionTitle: input.positionTitle ?? null,
        email: input.email ?? null,
        birthDate: input.birthDate ?? null,
        hiredOn: input.hiredOn,
        retirementOn: input.retirementOn ?? null,
        citizenFacing: input.citizenFacing ?? false,
        dossierHandler: input.dossierHandler ?? false,
        personalId,
        quotaGroup: input.quotaGroup?.trim() || null,
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'createPerson',
      entity: 'Person',
      entityId: person.id,
      after: person,
    });
    return person;
  });
}
