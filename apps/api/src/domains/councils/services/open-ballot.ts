import type { Ballot, PrismaClient } from '@cadre/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import { ballotThresholdOf } from '../../../rules/engine.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildProposalsWhere, buildSessionsWhere } from '../../emulation/build-proposals-where.ts';

/** The cycle's ballot threshold (percent of all members voting for): the rules engine's parameter. */
export function ballotThreshold(cycle: { packId: string; overrides: unknown }): number {
  return ballotThresholdOf(cycle.packId, cycle.overrides);
}

/**
 * Opens a secret ballot on a proposal in a session. The council's active members are counted
 * when it opens; a member who is the nominee, or heads the nominee's unit, is recused with a reason.
 */
export async function openBallot(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  sessionId: string;
  proposalId: string;
}): Promise<Ballot> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') throw new ForbiddenError();
  try {
    return await openInTransaction(prisma, viewer, options);
  } catch (error) {
    // one ballot per proposal and session (@@unique): a second one, or two opened at once
    const code = (error as { code?: unknown }).code;
    if (code === 'P2002' || (error instanceof Error && /unique constraint/i.test(error.message))) {
      throw new ConflictError(
        'Đề nghị này đã có cuộc bỏ phiếu trong phiên họp / this proposal already has a ballot in this session',
      );
    }
    throw error;
  }
}

function openInTransaction(
  prisma: PrismaClient,
  viewer: Viewer,
  options: { sessionId: string; proposalId: string },
): Promise<Ballot> {
  return prisma.$transaction(async (tx) => {
    const session = await tx.councilSession.findFirst({
      where: { id: options.sessionId, AND: [buildSessionsWhere({ viewer })] },
      include: { cycle: true },
    });
    if (!session) throw new NotFoundError('phiên họp / session');
    if (session.status === 'CLOSED') throw new ConflictError('Phiên họp đã kết thúc / the session is closed');
    const proposal = await tx.titleProposal.findFirst({
      where: { id: options.proposalId, cycleId: session.cycleId, AND: [buildProposalsWhere({ viewer })] },
      include: { person: { select: { unitId: true } } },
    });
    if (!proposal) throw new NotFoundError('đề nghị / proposal');
    if (proposal.status !== 'PROPOSED') {
      throw new ConflictError(
        `Đề nghị đang ở trạng thái ${proposal.status} / the proposal is ${proposal.status}`,
      );
    }
    const members = await tx.councilMember.findMany({
      where: { councilId: session.councilId, active: true },
      include: { user: { select: { personId: true, person: { select: { leadsUnitId: true } } } } },
    });
    const nomineeUnitId = proposal.person?.unitId ?? proposal.unitId;
    const ballot = await tx.ballot.create({
      data: {
        sessionId: session.id,
        proposalId: proposal.id,
        thresholdPercent: ballotThreshold(session.cycle),
        members: members.length,
      },
    });
    const recusals = members.flatMap((member) => {
      if (proposal.personId && member.user.personId === proposal.personId) {
        return [
          { ballotId: ballot.id, memberId: member.id, reason: 'Là người được đề nghị / is the nominee' },
        ];
      }
      if (nomineeUnitId && member.user.person?.leadsUnitId === nomineeUnitId) {
        return [
          {
            ballotId: ballot.id,
            memberId: member.id,
            reason: 'Là thủ trưởng đơn vị của người được đề nghị / heads the nominee’s unit',
          },
        ];
      }
      return [];
    });
    if (recusals.length > 0) await tx.ballotRecusal.createMany({ data: recusals });
    await tx.titleProposal.update({
      where: { id: proposal.id },
      data: { status: 'IN_BALLOT', version: { increment: 1 } },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'openBallot',
      entity: 'Ballot',
      entityId: ballot.id,
      after: { ...ballot, recused: recusals.map((recusal) => recusal.memberId) },
    });
    return ballot;
  });
}
