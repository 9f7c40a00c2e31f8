import type { PrismaClient, TitleKind, TitleProposal } from '@cadre/db';
import { AppError, ForbiddenError, RuleViolationError, ValidationError } from '../../../errors.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { maxListArgument } from '../../../security/document-limits.ts';
import { assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { type EngineRuns, proposeTitle } from './propose-title.ts';
import { collectiveTitles } from './read-title-eligibility.ts';

/**
 * The most people one bulk proposal may name (each is judged by the engine): the request limit on
 * any list argument (security/document-limits.ts); a longer list is sent in parts.
 */
export const maxBulkProposals = maxListArgument;

export type RefusedProposal = {
  personId: string;
  /** the error code (RULE_VIOLATION, NOT_FOUND, CONFLICT, FORBIDDEN, QUOTA_EXCEEDED) */
  code: string;
  /** the engine's rule that refused it (RULE_VIOLATION only) */
  rule: string | null;
  /** Vietnamese / English, as proposeTitle words it */
  message: string;
};

export type BulkProposalOutcome = { proposed: TitleProposal[]; refused: RefusedProposal[] };

/**
 * Proposes one individual title for several people with one reason, each through proposeTitle
 * (the same checks, the engine's eligibility, the CSTĐCS cap counted as they are added), one
 * transaction per person: not all-or-nothing. The outcome lists the proposals made and, for each
 * person refused, the error and its reason. A fault of the request itself (role, cycle, title,
 * reason, the list) refuses the whole action before anything is written.
 */
export async function proposeTitles(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  personIds: string[];
  title: TitleKind;
  reason: string;
}): Promise<BulkProposalOutcome> {
  const { prisma, viewer, title } = options;
  if (!['UNIT_HEAD', 'OFFICER', 'ADMIN'].includes(viewer.role)) throw new ForbiddenError();
  const personIds = [...new Set(options.personIds)];
  if (personIds.length === 0) {
    throw new ValidationError([
      { field: 'personIds', message: 'Chọn ít nhất một cán bộ / choose at least one person' },
    ]);
  }
  if (personIds.length > maxBulkProposals) {
    throw new ValidationError([
      {
        field: 'personIds',
        message: `Tối đa ${maxBulkProposals} cán bộ mỗi lần / at most ${maxBulkProposals} people at a time`,
      },
    ]);
  }
  if (collectiveTitles.includes(title)) {
    throw new ValidationError([
      {
        field: 'title',
        message: 'Đề nghị hàng loạt dành cho danh hiệu cá nhân / bulk proposals are for individual titles',
      },
    ]);
  }
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  assertWritable(cycle);

  const engineRuns: EngineRuns = new Map();
  const outcome: BulkProposalOutcome = { proposed: [], refused: [] };
  for (const personId of personIds) {
    try {
      outcome.proposed.push(
        await proposeTitle({
          prisma,
          viewer,
          unitTrees: options.unitTrees,
          cycleId: cycle.id,
          personId,
          unitId: null,
          title,
          reason: options.reason,
          engineRuns,
        }),
      );
    } catch (error) {
      // a fault of the request (the reason) is everyone's: refuse the action, nothing was written
      if (error instanceof ValidationError || !(error instanceof AppError)) throw error;
      outcome.refused.push({
        personId,
        code: error.code,
        rule: error instanceof RuleViolationError ? error.rule : null,
        message: error.message,
      });
    }
  }
  return outcome;
}
