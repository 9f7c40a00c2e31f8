// Rule 3.4 — the excellent quota per quota group (Nghị định 335/2025/NĐ-CP Điều 20 khoản 5): a
// group is a person's quotaGroup (công chức with similar tasks) when the agency set one, else their
// unit. The same counting serves the engine's proposals and people's final decisions.
import { addTrace, CITE, RULES, vn } from './citations.ts';
import { type PackParameters, RATING_LABELS } from './packs.ts';
import type { Prepared } from './prepare.ts';
import type { PersonWork } from './rate-person.ts';
import type { Rating } from './types.ts';

export type QuotaRule = {
  percent: number;
  minimum: number;
  /** the recorded decision allowing a higher percentage (Điều 20 k5 b), if any */
  exception: { percent: number; decision: string } | null;
  citation: string;
};

export type QuotaOutcome = { eligible: number; allowed: number; granted: number };

/** The quota rule of a group: the cycle's percentage and minimum, or a recorded exception for it. */
export function quotaRuleOf(
  params: PackParameters & { overridden: Set<string> },
  groupId: string,
): QuotaRule {
  const exception = params.quotaExceptions.find((item) => item.unitId === groupId) ?? null;
  const local =
    params.overridden.has('excellentPercent') ||
    (params.overridden.has('excellentMinimumPerGroup') && params.excellentMinimumPerGroup > 0);
  return {
    percent: exception ? exception.percent : params.excellentPercent,
    minimum: params.excellentMinimumPerGroup,
    exception: exception ? { percent: exception.percent, decision: exception.decision } : null,
    citation: exception ? CITE.quotaException : local ? CITE.local : CITE.quota,
  };
}

/**
 * allowed = max(floor(percent × eligible), min(minimum per group, eligible)), eligible being the
 * number rated good or better after rules 3.1–3.3 and 3.5. The minimum is capped at the eligible
 * count (DOMAIN.md is silent; one excellent cannot be allowed in a group where nobody is good).
 */
export function allowedExcellent(rule: QuotaRule, eligible: number): number {
  return Math.max(Math.floor((rule.percent * eligible) / 100 + 1e-9), Math.min(rule.minimum, eligible));
}

export function isGoodOrBetter(rating: Rating): boolean {
  return rating === 'GOOD' || rating === 'EXCELLENT';
}

/** How the quota's tie-break separated two people (a before b). */
export type TieBreak = 'score' | 'delays' | 'share' | 'id';

export function compareForQuota(a: PersonWork, b: PersonWork): number {
  return compareDetailed(a, b).order;
}

function compareDetailed(a: PersonWork, b: PersonWork): { order: number; by: TieBreak } {
  const scoreA = a.score ?? Number.NEGATIVE_INFINITY;
  const scoreB = b.score ?? Number.NEGATIVE_INFINITY;
  if (scoreA !== scoreB) return { order: scoreB - scoreA, by: 'score' };
  if (a.unexcusedDelays !== b.unexcusedDelays)
    return { order: a.unexcusedDelays - b.unexcusedDelays, by: 'delays' };
  const shareA = a.citizenShare ?? -1;
  const shareB = b.citizenShare ?? -1;
  if (shareA !== shareB) return { order: shareB - shareA, by: 'share' };
  const idA = a.facts.person.id;
  const idB = b.facts.person.id;
  return { order: idA < idB ? -1 : idA > idB ? 1 : 0, by: 'id' };
}

/** "Đơn vị Phòng Một cửa" or "Nhóm NHOM-TP": how the trace names a quota group. */
export function groupName(prepared: Prepared, groupId: string): string {
  const unit = prepared.units.get(groupId);
  return unit ? `Đơn vị ${unit.name || unit.id}` : `Nhóm công chức có nhiệm vụ tương đồng ${groupId}`;
}

function tieBreakText(by: TieBreak, kept: PersonWork, other: PersonWork): string {
  const name = (work: PersonWork) => work.facts.person.name || work.facts.person.id;
  switch (by) {
    case 'score':
      return `người có điểm cao hơn được ưu tiên (${name(kept)} ${vn(kept.score ?? 0)} điểm, ${name(other)} ${vn(other.score ?? 0)} điểm)`;
    case 'delays':
      return `cùng ${vn(other.score ?? 0)} điểm, ưu tiên người ít lần chậm tiến độ không có lý do khách quan hơn (${name(kept)} ${kept.unexcusedDelays} lần, ${name(other)} ${other.unexcusedDelays} lần)`;
    case 'share':
      return `cùng điểm và cùng số lần chậm tiến độ, ưu tiên người có tỷ lệ người dân hài lòng cao hơn (${name(kept)} ${shareText(kept)}, ${name(other)} ${shareText(other)})`;
    default:
      return `cùng điểm, cùng số lần chậm tiến độ và cùng tỷ lệ người dân hài lòng, ưu tiên theo thứ tự mã số (${kept.facts.person.id} trước ${other.facts.person.id})`;
  }
}

function shareText(work: PersonWork): string {
  return work.citizenShare === null ? 'không có phiếu' : `${vn(Math.round(work.citizenShare * 1000) / 10)}%`;
}

export function quotaText(
  prepared: Prepared,
  groupId: string,
  rule: QuotaRule,
  eligible: number,
  allowed: number,
): string {
  const exception = rule.exception ? `, ngoại lệ theo quyết định ${rule.exception.decision}` : '';
  const minimum =
    allowed > Math.floor((rule.percent * eligible) / 100 + 1e-9)
      ? `, tối thiểu ${rule.minimum} người mỗi nhóm`
      : '';
  return `${groupName(prepared, groupId)} được tối đa ${allowed} người Hoàn thành xuất sắc nhiệm vụ (${vn(rule.percent)}% của ${eligible} người hoàn thành tốt trở lên, làm tròn xuống${minimum}${exception})`;
}

/**
 * Allocates the excellent ratings of a group among candidates (people whose rating after the hard
 * rules is excellent), the highest first; ties go to fewer unexcused delays, then a higher citizen
 * share (no votes lowest), then the lower identifier. The others become good, with a trace naming
 * the quota and the tie-break that decided. `slots` is how many of them may keep it.
 */
export function allocateExcellent(
  prepared: Prepared,
  groupId: string,
  rule: QuotaRule,
  candidates: PersonWork[],
  slots: number,
  counts: { eligible: number; allowed: number },
): void {
  if (candidates.length <= slots) {
    for (const work of candidates) work.rating = 'EXCELLENT';
    return;
  }
  candidates.sort(compareForQuota);
  const text = quotaText(prepared, groupId, rule, counts.eligible, counts.allowed);
  const lastKept = slots > 0 ? candidates[slots - 1] : undefined;
  candidates.forEach((work, index) => {
    if (index < slots) {
      work.rating = 'EXCELLENT';
      const next = candidates[slots] as PersonWork;
      addTrace(work.trace, {
        rule: RULES.quotaKept,
        citation: rule.citation,
        effect: 'EXCELLENT',
        detail: `${text}: được giữ xếp loại ${RATING_LABELS.EXCELLENT.vi}; ${tieBreakText(compareDetailed(work, next).by, work, next)}`,
      });
      return;
    }
    work.rating = 'GOOD';
    const why = lastKept
      ? tieBreakText(compareDetailed(lastKept, work).by, lastKept, work)
      : 'không còn suất nào trong tỷ lệ';
    addTrace(work.trace, {
      rule: RULES.quota,
      citation: rule.citation,
      effect: 'GOOD',
      detail: `${text}; ${why}: xếp loại ${RATING_LABELS.GOOD.vi}`,
    });
  });
}

/** The engine's own quota for one group, on the ratings after the hard rules. */
export function applyExcellentQuota(prepared: Prepared, group: PersonWork[], groupId: string): QuotaOutcome {
  const rule = quotaRuleOf(prepared.params, groupId);
  let eligible = 0;
  const candidates: PersonWork[] = [];
  for (const work of group) {
    if (isGoodOrBetter(work.ruled)) eligible += 1;
    if (work.ruled === 'EXCELLENT') candidates.push(work);
  }
  const allowed = allowedExcellent(rule, eligible);
  allocateExcellent(prepared, groupId, rule, candidates, allowed, { eligible, allowed });
  return { eligible, allowed, granted: Math.min(candidates.length, allowed) };
}
