// What may be approved and awarded after the council has met: a title that needs the council's
// secret ballot (CSTĐ cấp tỉnh, toàn quốc) only on a closed ballot that passed (for ≥ the threshold
// of all members and, when a quorum was set, enough participants: `ballotOutcome`). The API asks
// this before approving a proposal and before issuing the award decision.
import { CITE } from './citations.ts';
import { BALLOT_TITLES, type BallotResult } from './titles.ts';

export const BALLOT_RULE = 'council.secret-ballot';

export type AwardCheck =
  | { allowed: true }
  | { allowed: false; rule: string; citation: string; message: string };

export function needsBallot(title: string): boolean {
  return (BALLOT_TITLES as readonly string[]).includes(title);
}

/**
 * Whether a title may be approved or awarded given the results of its closed ballots (any order).
 * `approving` is the office's approval of a proposal (no passed ballot yet means the council must
 * vote); otherwise it is the award decision itself.
 */
export function awardAllowed(title: string, closedBallots: readonly (BallotResult | null)[]): AwardCheck {
  if (!needsBallot(title)) return { allowed: true };
  if (closedBallots.some((result) => result === 'PASSED')) return { allowed: true };
  const last = closedBallots.at(-1);
  const why =
    last === 'NO_QUORUM'
      ? 'phiên bỏ phiếu không đủ số thành viên tham dự'
      : last === 'FAILED'
        ? 'phiếu kín không đạt tỷ lệ tán thành'
        : 'chưa có phiếu kín của Hội đồng';
  return {
    allowed: false,
    rule: BALLOT_RULE,
    citation: CITE.ballot,
    message: `Danh hiệu cần phiếu kín của Hội đồng thi đua – khen thưởng đạt tỷ lệ: ${why}`,
  };
}
