import type { JobPosition, PrismaClient } from '@cadre/db';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';

/** A personnel officer adds a job position (vị trí việc làm) or renames one. */
export async function saveJobPosition(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  id?: string | null;
  code: string;
  name: string;
  active?: boolean | null;
}): Promise<JobPosition> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') throw new ForbiddenError();
  const code = options.code.trim();
  const name = options.name.trim();
  const issues = [
    ...(code ? [] : [{ field: 'code', message: 'Cần mã vị trí / a code is required' }]),
    ...(name ? [] : [{ field: 'name', message: 'Cần tên vị trí / a name is required' }]),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
  return prisma.$transaction(async (tx) => {
    const clash = await tx.jobPosition.findFirst({
      where: { code, ...(options.id ? { id: { not: options.id } } : {}) },
    });
    if (clash) throw new ConflictError(`Mã vị trí "${code}" đã có / code already used`);
    const before = options.id ? await tx.jobPosition.findUnique({ where: { id: options.id } }) : null;
    const data = { code, name, active: options.active ?? true };
    const saved = before
      ? await tx.jobPosition.update({ where: { id: before.id }, data })
      : await tx.jobPosition.create({ data });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'saveJobPosition',
      entity: 'JobPosition',
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}
