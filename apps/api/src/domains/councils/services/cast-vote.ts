import { randomUUID } from 'node:crypto';
import type { PrismaClient, VoteChoice } from '@cadre/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { sealChoice } from '../../../security/ballot-seal.ts';

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || /unique constraint/i.test(error.message);
}

/**
 * A council member casts their secret vote, once. Who voted (BallotParticipation, unique per
 * member) is public to the council; how is sealed (BallotSealedVote: random id, the choice under a
 * key that is not in the database) until the close step writes the counted votes shuffled. No
 * audit entry per vote: the close entry lists who took part, without times.
 */
export async function castVote(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  /** the server secret (config.secretKey) */
  secretKey: Buffer;
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
      await tx.ballotSealedVote.create({
        data: {
          id: randomUUID(),
          ballotId: ballot.id,
          sealed: sealChoice(options.secretKey, ballot.id, options.choice),
        },
      });
      return { ballotId: ballot.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('Bạn đã bỏ phiếu / you have already voted');
    throw error;
  }
}
