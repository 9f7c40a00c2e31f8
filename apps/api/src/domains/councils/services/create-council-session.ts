import type { CouncilSession, PrismaClient } from '@cadre/db';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildCouncilsWhere } from '../../emulation/build-proposals-where.ts';

/** The personnel office schedules a council session for a cycle: number, date, quorum. */
export async function createCouncilSession(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  councilId: string;
  cycleId: string;
  number: string;
  heldOn: Date;
  quorum: number;
}): Promise<CouncilSession> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') throw new ForbiddenError();
  const number = options.number.trim();
  return prisma.$transaction(async (tx) => {
    const council = await tx.council.findFirst({
      where: { id: options.councilId, AND: [buildCouncilsWhere({ viewer })] },
      include: { _count: { select: { members: { where: { active: true } } } } },
    });
    if (!council) throw new NotFoundError('hội đồng / council');
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertWritable(cycle);
    const members = council._count.members;
    const issues = [];
    if (!number)
      issues.push({ field: 'number', message: 'Cần số phiên họp / the session number is required' });
    if (!Number.isInteger(options.quorum) || options.quorum < 1 || options.quorum > members) {
      issues.push({
        field: 'quorum',
        message: `Số thành viên tối thiểu phải từ 1 đến ${members} / quorum must be between 1 and ${members}`,
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    const session = await tx.councilSession.create({
      data: {
        councilId: council.id,
        cycleId: cycle.id,
        number,
        heldOn: options.heldOn,
        quorum: options.quorum,
        status: 'OPEN',
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'createCouncilSession',
      entity: 'CouncilSession',
      entityId: session.id,
      after: session,
    });
    return session;
  });
}
