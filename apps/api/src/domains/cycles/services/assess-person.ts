import type { HeadAssessment, PrismaClient } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import { findVisibleCycle } from '../cycle-access.ts';

/**
 * A unit head records the conduct assessment A (0–10) of a person in their scope while the cycle
 * is in ASSESSMENT. Heads do not assess themselves.
 */
export async function assessPerson(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  personId: string;
  conductAssessment: number;
  comment?: string | null;
  version?: number | null;
}): Promise<HeadAssessment> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'UNIT_HEAD') throw new ForbiddenError();
  if (options.conductAssessment < 0 || options.conductAssessment > 10) {
    throw new ValidationError([
      { field: 'conductAssessment', message: 'Điểm từ 0 đến 10 / a score from 0 to 10' },
    ]);
  }
  if (options.personId === viewer.personId) {
    throw new ForbiddenError('Không tự đánh giá chính mình / heads do not assess themselves');
  }
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    if (cycle.status !== 'ASSESSMENT') {
      throw new ConflictError(
        'Chỉ đánh giá khi kỳ ở bước ASSESSMENT / assessment only in the ASSESSMENT stage',
      );
    }
    const person = await tx.person.findFirst({
      where: { id: options.personId, AND: [buildPeopleWhere({ viewer })] },
      select: { id: true, unitId: true },
    });
    if (!person || !unitInScope(viewer, person.unitId)) throw new NotFoundError('cán bộ / person');
    const key = { cycleId_personId: { cycleId: cycle.id, personId: person.id } };
    const before = await tx.headAssessment.findUnique({ where: key });
    const data = {
      conductAssessment: options.conductAssessment,
      comment: options.comment?.trim() || null,
      assessedById: viewer.userId,
    };
    let saved: HeadAssessment;
    if (before) {
      assertVersion('Đánh giá / Assessment', before.version, options.version ?? -1);
      saved = await tx.headAssessment.update({
        where: { id: before.id },
        data: { ...data, version: { increment: 1 } },
      });
    } else {
      saved = await tx.headAssessment.create({ data: { ...data, cycleId: cycle.id, personId: person.id } });
    }
    await writeAudit({
      tx,
      actor: viewer,
      action: 'assessPerson',
      entity: 'HeadAssessment',
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}
