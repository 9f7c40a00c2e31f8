// Rule 3.4 — the excellent quota per quota group (the unit).
import { CITE } from './citations.ts';
import type { PackParameters } from './packs.ts';
import type { PersonWork } from './rate-person.ts';

export type QuotaOutcome = {
  eligible: number;
  allowed: number;
  granted: number;
  percent: number;
  local: boolean;
};

/**
 * In each group, excellent ≤ floor(percent × number rated good or better after rules 3.1–3.3 and 3.5).
 * When more are proposed, the highest scores keep it; ties go to fewer unexcused delays, then a
 * higher citizen share (no votes lowest), then the lower identifier. The others become good.
 * Local overrides: the percentage, a minimum per group (capped at the eligible count), and
 * a recorded exception for an outstanding unit.
 */
export function applyExcellentQuota(
  group: PersonWork[],
  unitId: string,
  params: PackParameters & { overridden: Set<string> },
): QuotaOutcome {
  const exception = params.quotaExceptions.find((item) => item.unitId === unitId);
  const percent = exception ? exception.percent : params.excellentPercent;
  const local = exception !== undefined || params.overridden.has('excellentPercent');
  const eligible = group.filter((work) => work.rating === 'GOOD' || work.rating === 'EXCELLENT').length;
  const byPercent = Math.floor((percent * eligible) / 100 + 1e-9);
  const allowed = Math.max(byPercent, Math.min(params.excellentMinimumPerGroup, eligible));
  const candidates = group.filter((work) => work.rating === 'EXCELLENT');
  if (candidates.length > allowed) {
    candidates.sort(compareForQuota);
    for (const work of candidates.slice(allowed)) {
      work.rating = 'GOOD';
      work.trace.push({
        rule: 'quota.excellent',
        citation: local ? CITE.local : CITE.quota,
        effect: 'GOOD',
        detail: `Đơn vị chỉ được ${allowed} người xếp loại xuất sắc (${percent}% của ${eligible} người hoàn thành tốt trở lên${exception ? `, ngoại lệ theo ${exception.decision}` : ''}); người có điểm cao hơn được ưu tiên: xếp loại Hoàn thành tốt nhiệm vụ`,
      });
    }
  }
  const granted = group.filter((work) => work.rating === 'EXCELLENT').length;
  return { eligible, allowed, granted, percent, local };
}

export function compareForQuota(a: PersonWork, b: PersonWork): number {
  const scoreA = a.score ?? Number.NEGATIVE_INFINITY;
  const scoreB = b.score ?? Number.NEGATIVE_INFINITY;
  if (scoreA !== scoreB) return scoreB - scoreA;
  if (a.unexcusedDelays !== b.unexcusedDelays) return a.unexcusedDelays - b.unexcusedDelays;
  const shareA = a.citizenShare ?? -1;
  const shareB = b.citizenShare ?? -1;
  if (shareA !== shareB) return shareB - shareA;
  const idA = a.facts.person.id;
  const idB = b.facts.person.id;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}
