// Rule 3.4 — the excellent quota per quota group (Nghị định 335/2025/NĐ-CP Điều 20 khoản 5): a
// group is a person's quotaGroup (công chức with similar tasks) when the agency set one, else their
// unit. The same counting serves the engine's proposals and people's final decisions.
import { CITE, RULES } from './citations.ts';
import type { PackParameters } from './packs.ts';
import type { Prepared } from './prepare.ts';
import type { PersonWork } from './rate-person.ts';
import { addTrace } from './trace.ts';
import { citeKey, quotaGroupName, quotaSentence } from './trace-texts.ts';
import type { Rating, TraceParam } from './types.ts';

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
  return quotaGroupName(groupParams(prepared, groupId));
}

function groupParams(prepared: Prepared, groupId: string): [number, string] {
  const unit = prepared.units.get(groupId);
  return unit ? [1, unit.name || unit.id] : [0, groupId];
}

/** The tie-break that decided between two candidates, as quotaTieBreak reads it. */
function tieBreakParams(by: TieBreak, kept: PersonWork, other: PersonWork): TraceParam[] {
  const name = (work: PersonWork) => work.facts.person.name || work.facts.person.id;
  const share = (work: PersonWork) =>
    work.citizenShare === null ? null : Math.round(work.citizenShare * 1000) / 10;
  switch (by) {
    case 'score':
      return ['score', name(kept), kept.score ?? 0, name(other), other.score ?? 0];
    case 'delays':
      return [
        'delays',
        name(kept),
        kept.unexcusedDelays,
        name(other),
        other.unexcusedDelays,
        other.score ?? 0,
      ];
    case 'share':
      return ['share', name(kept), share(kept), name(other), share(other)];
    default:
      return ['id', kept.facts.person.id, other.facts.person.id];
  }
}

/** The quota of a group, as quotaSentence reads it: [is a unit, name, percent, eligible, allowed, minimum shown, exception]. */
function quotaParams(
  prepared: Prepared,
  groupId: string,
  rule: QuotaRule,
  eligible: number,
  allowed: number,
): TraceParam[] {
  const minimum = allowed > Math.floor((rule.percent * eligible) / 100 + 1e-9) ? rule.minimum : null;
  return [
    ...groupParams(prepared, groupId),
    rule.percent,
    eligible,
    allowed,
    minimum,
    rule.exception ? rule.exception.decision : null,
  ];
}

export function quotaText(
  prepared: Prepared,
  groupId: string,
  rule: QuotaRule,
  eligible: number,
  allowed: number,
): string {
  return quotaSentence(quotaParams(prepared, groupId, rule, eligible, allowed));
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
  const quota = quotaParams(prepared, groupId, rule, counts.eligible, counts.allowed);
  const cite = citeKey(rule.citation);
  const lastKept = slots > 0 ? candidates[slots - 1] : undefined;
  candidates.forEach((work, index) => {
    if (index < slots) {
      work.rating = 'EXCELLENT';
      const next = candidates[slots] as PersonWork;
      addTrace(work.trace, RULES.quotaKept, 'EXCELLENT', [
        cite,
        ...quota,
        tieBreakParams(compareDetailed(work, next).by, work, next),
      ]);
      return;
    }
    work.rating = 'GOOD';
    const why = lastKept ? tieBreakParams(compareDetailed(lastKept, work).by, lastKept, work) : null;
    addTrace(work.trace, RULES.quota, 'GOOD', [cite, ...quota, why]);
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
