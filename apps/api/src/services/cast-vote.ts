import { randomUUID } from 'node:crypto';
import type { PrismaClient, VoteChoice } from '@cadre/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Viewer } from '../scope/viewer.ts';
import { writeAudit } from './write-audit.ts';

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || /unique constraint/i.test(error.message);
}

/**
 * A council member casts their secret vote, once. Who voted (BallotParticipation, unique per
 * member) and how (BallotVote) are separate rows with nothing linking them: the vote gets a random
 * id (not the time-ordered default, which would line it up with the participation), and the audit
 * log records that the member voted, never the choice.
 */
export async function castVote(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  ballotId: string;
  choice: VoteChoice;
}): Promise<{ ballotId: string }> {
  const { prisma, viewer } = options;
  try {
    return await prisma.$transaction(async (tx) => {
      const ballot = await tx.ballot.findFirst({
        where: { id: options.ballotId, session: { councilId: { in: viewer.councilIds } } },
        include: { session: { select: { councilId: true } } },
      });
      if (!ballot) throw new NotFoundError('phiếu bầu / ballot');
      const member = await tx.councilMember.findFirst({
        where: { councilId: ballot.session.councilId, userId: viewer.userId, active: true },
        include: { recusals: { where: { ballotId: ballot.id } } },
      });
      if (!member) throw new ForbiddenError('Không phải thành viên hội đồng / not a member of this council');
      const recusal = member.recusals[0];
      if (recusal) {
        throw new ForbiddenError(
          `Thành viên không tham gia bỏ phiếu: ${recusal.reason} / recused from this ballot`,
        );
      }
      if (ballot.status !== 'OPEN')
        throw new ConflictError('Cuộc bỏ phiếu đã kết thúc / the ballot is closed');
      await tx.ballotParticipation.create({ data: { ballotId: ballot.id, memberId: member.id } });
      await tx.ballotVote.create({ data: { id: randomUUID(), ballotId: ballot.id, choice: options.choice } });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'castVote',
        entity: 'Ballot',
        entityId: ballot.id,
        after: { voted: true },
      });
      return { ballotId: ballot.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('Bạn đã bỏ phiếu / you have already voted');
    throw error;
  }
}
