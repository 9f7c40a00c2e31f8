import type { PrismaClient, TitleProposal } from '@cadre/db';
import { awardAllowed } from '@cadre/rules';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildProposalsWhere } from '../build-proposals-where.ts';

/**
 * The personnel office records the council's choice on a proposal that needs no ballot
 * (approved or rejected). Titles that need a ballot are approved only by closing a passed ballot.
 */
export async function reviewTitleProposal(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  proposalId: string;
  approved: boolean;
  /** why: required to approve (the council's grounds), optional to reject */
  reason?: string | null;
  version: number;
}): Promise<TitleProposal> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'OFFICER' && viewer.role !== 'ADMIN') throw new ForbiddenError();
  const reason = options.reason?.trim() || null;
  if (options.approved && (!reason || reason.length < 5)) {
    throw new ValidationError([
      {
        field: 'reason',
        message:
          'Phê duyệt đề nghị cần nêu căn cứ (≥ 5 ký tự) / approving a proposal needs its grounds (≥ 5 characters)',
      },
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.titleProposal.findFirst({
      where: { id: options.proposalId, AND: [buildProposalsWhere({ viewer })] },
      include: {
        ballots: { where: { status: 'CLOSED' }, select: { result: true }, orderBy: { closedAt: 'asc' } },
      },
    });
    if (!proposal) throw new NotFoundError('đề nghị / proposal');
    assertVersion('Đề nghị / Proposal', proposal.version, options.version);
    if (proposal.status !== 'PROPOSED') {
      throw new ConflictError(
        `Đề nghị đang ở trạng thái ${proposal.status} / the proposal is ${proposal.status}`,
      );
    }
    // the engine says whether the title needs a passed ballot (the closing of a passed ballot approves it)
    const check = awardAllowed(
      proposal.title,
      proposal.ballots.map((ballot) => ballot.result),
    );
    if (options.approved && !check.allowed) {
      throw new RuleViolationError({
        rule: check.rule,
        citation: check.citation,
        message: `${check.message} / this title needs a passed secret ballot of the council`,
      });
    }
    const status = options.approved ? 'APPROVED' : 'REJECTED';
    const updated = await tx.titleProposal.update({
      where: { id: proposal.id },
      data: { status, version: { increment: 1 } },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'reviewTitleProposal',
      entity: 'TitleProposal',
      entityId: proposal.id,
      before: { status: proposal.status },
      after: { status, reason },
    });
    return updated;
  });
}
