import type { PrismaClient, TitleProposal } from '@cadre/db';
import { assertVersion, ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildProposalsWhere } from '../build-proposals-where.ts';

/** The proposer (or an officer) withdraws a proposal that is not yet in a ballot or decided. */
export async function withdrawTitleProposal(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  proposalId: string;
  version: number;
}): Promise<TitleProposal> {
  const { prisma, viewer } = options;
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.titleProposal.findFirst({
      where: { id: options.proposalId, AND: [buildProposalsWhere({ viewer })] },
    });
    if (!proposal) throw new NotFoundError('đề nghị / proposal');
    const officer = viewer.role === 'OFFICER' || viewer.role === 'ADMIN';
    if (!officer && proposal.proposedById !== viewer.userId) throw new ForbiddenError();
    assertVersion('Đề nghị / Proposal', proposal.version, options.version);
    if (proposal.status !== 'PROPOSED' && proposal.status !== 'APPROVED') {
      throw new ConflictError(
        `Không rút được đề nghị ở trạng thái ${proposal.status} / cannot withdraw a ${proposal.status} proposal`,
      );
    }
    const updated = await tx.titleProposal.update({
      where: { id: proposal.id },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'withdrawTitleProposal',
      entity: 'TitleProposal',
      entityId: proposal.id,
      before: { status: proposal.status },
      after: { status: 'WITHDRAWN' },
    });
    return updated;
  });
}
