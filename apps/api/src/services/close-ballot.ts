import type { Ballot, BallotResult, PrismaClient } from '@cadre/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { buildSessionsWhere } from '../scope/build-proposals-where.ts';
import type { Viewer } from '../scope/viewer.ts';
import { writeAudit } from './write-audit.ts';

/**
 * The outcome of a secret ballot: no quorum when fewer members took part than the session's
 * quorum; otherwise passed when the votes for reach the threshold percentage of ALL members
 * counted at opening (recused members included), failed otherwise.
 */
export function ballotOutcome(options: {
  forCount: number;
  participants: number;
  members: number;
  quorum: number;
  thresholdPercent: number;
}): BallotResult {
  if (options.participants < options.quorum) return 'NO_QUORUM';
  // integers compared exactly: for × 100 ≥ threshold × members
  return options.forCount * 100 >= options.thresholdPercent * options.members ? 'PASSED' : 'FAILED';
}

export async function closeBallot(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  ballotId: string;
  version: number;
}): Promise<Ballot> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    const ballot = await tx.ballot.findFirst({
      where: { id: options.ballotId, session: buildSessionsWhere({ viewer }) },
      include: { session: { select: { quorum: true } } },
    });
    if (!ballot) throw new NotFoundError('phiếu bầu / ballot');
    if (ballot.status !== 'OPEN')
      throw new ConflictError('Cuộc bỏ phiếu đã kết thúc / the ballot is already closed');
    if (ballot.version !== options.version) {
      throw new ConflictError('Cuộc bỏ phiếu vừa thay đổi / the ballot changed meanwhile', ballot.version);
    }
    const [groups, participants] = await Promise.all([
      tx.ballotVote.groupBy({ by: ['choice'], where: { ballotId: ballot.id }, _count: { _all: true } }),
      tx.ballotParticipation.count({ where: { ballotId: ballot.id } }),
    ]);
    const count = (choice: string) => groups.find((group) => group.choice === choice)?._count._all ?? 0;
    const forCount = count('FOR');
    const result = ballotOutcome({
      forCount,
      participants,
      members: ballot.members,
      quorum: ballot.session.quorum,
      thresholdPercent: ballot.thresholdPercent,
    });
    const closed = await tx.ballot.update({
      where: { id: ballot.id },
      data: {
        status: 'CLOSED',
        forCount,
        againstCount: count('AGAINST'),
        abstainCount: count('ABSTAIN'),
        result,
        closedAt: new Date(),
        version: { increment: 1 },
      },
    });
    // passed → approved; failed → rejected; no quorum → back to proposed for another session
    const status = result === 'PASSED' ? 'APPROVED' : result === 'FAILED' ? 'REJECTED' : 'PROPOSED';
    await tx.titleProposal.update({
      where: { id: ballot.proposalId },
      data: { status, version: { increment: 1 } },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'closeBallot',
      entity: 'Ballot',
      entityId: ballot.id,
      after: {
        forCount,
        againstCount: closed.againstCount,
        abstainCount: closed.abstainCount,
        result,
        participants,
      },
    });
    return closed;
  });
}
