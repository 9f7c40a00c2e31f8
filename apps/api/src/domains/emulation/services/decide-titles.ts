import type { PrismaClient, TitleDecision } from '@cadre/db';
import { awardAllowed } from '@cadre/rules';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../../errors.ts';
import { titleLabels } from '../../../exports/labels.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildProposalsWhere } from '../build-proposals-where.ts';

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || /unique constraint/i.test(error.message);
}

/**
 * A signed decision awarding titles: one award per proposal. A title that needs the council's
 * secret ballot (CSTĐ cấp tỉnh, toàn quốc) is awarded only on a passed ballot; any other only
 * when the proposal was approved.
 */
export async function decideTitles(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  number: string;
  decidedOn: Date;
  signedBy: string;
  proposalIds: string[];
}): Promise<TitleDecision> {
  const { prisma, viewer } = options;
  const number = options.number.trim();
  const signedBy = options.signedBy.trim();
  const issues = [];
  if (!number)
    issues.push({ field: 'number', message: 'Cần số quyết định / the decision number is required' });
  if (!signedBy) issues.push({ field: 'signedBy', message: 'Cần người ký / the signer is required' });
  if (options.proposalIds.length === 0) {
    issues.push({ field: 'proposalIds', message: 'Chọn ít nhất một đề nghị / choose at least one proposal' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  try {
    return await prisma.$transaction(async (tx) => {
      const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
      assertManages(viewer, cycle);
      const ids = [...new Set(options.proposalIds)];
      const proposals = await tx.titleProposal.findMany({
        where: { id: { in: ids }, cycleId: cycle.id, AND: [buildProposalsWhere({ viewer })] },
        include: {
          ballots: { where: { status: 'CLOSED' }, select: { result: true }, orderBy: { closedAt: 'asc' } },
        },
      });
      if (proposals.length !== ids.length) throw new NotFoundError('đề nghị / proposal');
      for (const proposal of proposals) {
        // the engine says whether a passed ballot is needed and whether the closed ones give it
        const check = awardAllowed(
          proposal.title,
          proposal.ballots.map((ballot) => ballot.result),
        );
        if (!check.allowed) {
          throw new RuleViolationError({
            rule: check.rule,
            citation: check.citation,
            message: `${titleLabels[proposal.title]}: ${check.message} (đề nghị ${proposal.id}) / needs a passed secret ballot`,
          });
        }
        if (proposal.status !== 'APPROVED') {
          throw new RuleViolationError({
            rule: 'title.approved-proposal',
            citation: 'Luật Thi đua, khen thưởng 2022',
            message: `Đề nghị ${titleLabels[proposal.title]} chưa được duyệt (${proposal.status}) / the proposal is not approved`,
          });
        }
      }
      const decision = await tx.titleDecision.create({
        data: { cycleId: cycle.id, kind: 'AWARD', number, decidedOn: options.decidedOn, signedBy },
      });
      await tx.titleAward.createMany({
        data: proposals.map((proposal) => ({
          decisionId: decision.id,
          proposalId: proposal.id,
          title: proposal.title,
          personId: proposal.personId,
          unitId: proposal.unitId,
        })),
      });
      await tx.titleProposal.updateMany({
        where: { id: { in: ids } },
        data: { status: 'DECIDED', version: { increment: 1 } },
      });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'decideTitles',
        entity: 'TitleDecision',
        entityId: decision.id,
        after: { ...decision, proposalIds: ids },
      });
      return decision;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`Số quyết định ${number} đã dùng trong kỳ này / decision number already used`);
    }
    throw error;
  }
}
