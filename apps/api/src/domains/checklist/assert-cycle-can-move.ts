import type { Cycle, CycleStatus, Prisma } from '@cadre/db';
import { stageIndex } from '../cycles/cycle-access.ts';
import { findBlockers } from './services/read-checklist.ts';
import { WorkflowBlockedError } from './workflow-blocked-error.ts';

/**
 * The workflow's guards on a forward move (DOMAIN.md §6): approval is refused while proposals wait
 * for the council, ballots are open or flags are unreviewed; archiving inside the appeal window or
 * while appeals are open. The error lists every blocking item with its count.
 */
export async function assertCycleCanMove(options: {
  tx: Prisma.TransactionClient;
  cycle: Cycle;
  to: CycleStatus;
  now?: Date;
}): Promise<void> {
  const { cycle, to } = options;
  if (stageIndex(to) <= stageIndex(cycle.status)) return;
  const blockers = await findBlockers(options);
  if (blockers.length === 0) return;
  throw to === 'ARCHIVED'
    ? new WorkflowBlockedError({
        vi: 'Chưa thể lưu trữ kỳ đánh giá',
        en: 'the cycle cannot be archived yet',
        items: blockers,
      })
    : new WorkflowBlockedError({
        vi: 'Chưa thể phê duyệt kết quả, còn việc chưa xong',
        en: 'approval is refused while items remain',
        items: blockers,
      });
}
