import type { PrismaClient, TitleDecision } from '@cadre/db';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../../cycles/cycle-access.ts';

/**
 * Revocation of an awarded title (Luật Thi đua, khen thưởng 2022, chương VII): a new numbered
 * decision of kind REVOCATION; the award keeps its original decision and points to the revoking one.
 */
export async function revokeTitle(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  awardId: string;
  reason: string;
  number: string;
  decidedOn: Date;
  signedBy?: string | null;
}): Promise<TitleDecision> {
  const { prisma, viewer } = options;
  const reason = options.reason.trim();
  const number = options.number.trim();
  const issues = [];
  if (reason.length < 10)
    issues.push({
      field: 'reason',
      message: 'Cần lý do thu hồi (≥ 10 ký tự) / a reason of at least 10 characters is required',
    });
  if (!number)
    issues.push({ field: 'number', message: 'Cần số quyết định / the decision number is required' });
  if (issues.length > 0) throw new ValidationError(issues);
  return prisma.$transaction(async (tx) => {
    const award = await tx.titleAward.findUnique({
      where: { id: options.awardId },
      include: { decision: true },
    });
    if (!award) throw new NotFoundError('danh hiệu / award');
    const cycle = await findVisibleCycle(tx, viewer, award.decision.cycleId).catch(() => {
      throw new NotFoundError('danh hiệu / award');
    });
    assertManages(viewer, cycle);
    if (award.revokedByDecisionId)
      throw new ConflictError('Danh hiệu đã bị thu hồi / the title is already revoked');
    const taken = await tx.titleDecision.count({ where: { cycleId: cycle.id, number } });
    if (taken)
      throw new ConflictError(`Số quyết định ${number} đã dùng trong kỳ này / decision number already used`);
    const decision = await tx.titleDecision.create({
      data: {
        cycleId: cycle.id,
        kind: 'REVOCATION',
        number,
        decidedOn: options.decidedOn,
        signedBy: options.signedBy?.trim() || viewer.displayName,
        reason,
      },
    });
    await tx.titleAward.update({
      where: { id: award.id },
      data: { revokedByDecisionId: decision.id, revocationReason: reason },
    });
    if (award.proposalId) {
      await tx.titleProposal.update({
        where: { id: award.proposalId },
        data: { status: 'REVOKED', version: { increment: 1 } },
      });
    }
    await writeAudit({
      tx,
      actor: viewer,
      action: 'revokeTitle',
      entity: 'TitleAward',
      entityId: award.id,
      before: { revokedByDecisionId: null },
      after: { revokedByDecisionId: decision.id, reason, number },
    });
    return decision;
  });
}
