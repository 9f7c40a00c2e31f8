import { randomUUID } from 'node:crypto';
import type { Ballot, BallotResult, PrismaClient } from '@cadre/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import { outcomeOfBallot } from '../../../rules/engine.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { openChoice, shuffled } from '../../../security/ballot-seal.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildSessionsWhere } from '../../emulation/build-proposals-where.ts';

/** The outcome of a secret ballot: the rules engine's (no quorum, passed at the threshold of all members, failed). */
export function ballotOutcome(options: {
  forCount: number;
  participants: number;
  members: number;
  quorum: number;
  thresholdPercent: number;
}): BallotResult {
  return outcomeOfBallot(options);
}

/**
 * Fewer votes than this and the counts are neither stored nor shown (only the outcome): the counts
 * of a single vote are that member's choice.
 */
export const minimumVotesForCounts = 2;

export async function closeBallot(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  /** the server secret (config.secretKey) that sealed the votes */
  secretKey: Buffer;
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
    const [sealedVotes, participations] = await Promise.all([
      tx.ballotSealedVote.findMany({ where: { ballotId: ballot.id }, select: { sealed: true } }),
      tx.ballotParticipation.findMany({ where: { ballotId: ballot.id }, select: { memberId: true } }),
    ]);
    const participants = participations.length;
    const choices = sealedVotes.map((vote) => openChoice(options.secretKey, ballot.id, vote.sealed));
    const count = (choice: string) => choices.filter((value) => value === choice).length;
    const forCount = count('FOR');
    const result = ballotOutcome({
      forCount,
      participants,
      members: ballot.members,
      quorum: ballot.session.quorum,
      thresholdPercent: ballot.thresholdPercent,
    });
    // the counted votes: written now, in one statement, shuffled, with fresh random ids — nothing in
    // them (order, id, transaction) lines up with a participation. An inquorate ballot or one with
    // too few votes keeps no counts at all.
    const counted = result !== 'NO_QUORUM' && participants >= minimumVotesForCounts;
    if (counted) {
      await tx.ballotVote.createMany({
        data: shuffled(choices).map((choice) => ({ id: randomUUID(), ballotId: ballot.id, choice })),
      });
    }
    await tx.ballotSealedVote.deleteMany({ where: { ballotId: ballot.id } });
    const closed = await tx.ballot.update({
      where: { id: ballot.id },
      data: {
        status: 'CLOSED',
        forCount: counted ? forCount : null,
        againstCount: counted ? count('AGAINST') : null,
        abstainCount: counted ? count('ABSTAIN') : null,
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
        forCount: closed.forCount,
        againstCount: closed.againstCount,
        abstainCount: closed.abstainCount,
        result,
        participants,
        // who took part, without when (members in a fixed order, not the order they voted)
        memberIds: participations.map((row) => row.memberId).sort(),
      },
    });
    return closed;
  });
}
