// Proposals for the personnel office (DOMAIN §5); dates are judged at 31 December of the year.
import { vn } from './citations.ts';
import { addMonths, dayOf, formatDay } from './dates.ts';
import { historyIn, type Prepared } from './prepare.ts';
import { type PersonWork, yearVotes } from './rate-person.ts';
import type { Flag, FlagStatus, Rating, Sector } from './types.ts';

export const SECTOR_LABELS: Record<Sector, string> = {
  PERSONNEL: 'tổ chức cán bộ',
  FINANCE: 'tài chính',
  PUBLIC_ASSETS: 'quản lý tài sản công',
  INVESTMENT: 'đầu tư',
  CITIZEN_SERVICE: 'trực tiếp giải quyết công việc của người dân, doanh nghiệp',
  LAND: 'đất đai',
  INSPECTION: 'thanh tra',
};

export function raiseFlags(prepared: Prepared, work: PersonWork): Flag[] {
  const flags: Flag[] = [];
  addFlag(prepared, flags, work, rotationFlag(prepared, work));
  addFlag(prepared, flags, work, streamliningFlag(prepared, work));
  addFlag(prepared, flags, work, dismissalFlag(prepared, work));
  addFlag(prepared, flags, work, weakPerformanceFlag(prepared, work));
  return flags;
}

/** Every flag raised is also a trace entry, with the citation of its rule. */
function addFlag(prepared: Prepared, flags: Flag[], work: PersonWork, flag: Flag | null): void {
  if (!flag) return;
  flags.push(flag);
  // the flag's reason, as written for the flag, is the entry's sentence (its citation is the rule's)
  prepared.sharedTrace.add(work.trace, flag.rule, flagEffect(flag), [flag.reason]);
}

const flagEffects = new Map<string, string>();
function flagEffect(flag: Flag): string {
  const key = `${flag.kind}:${flag.status}`;
  let known = flagEffects.get(key);
  if (known === undefined) {
    known = key;
    flagEffects.set(key, key);
  }
  return known;
}

/**
 * Rotation (Luật PCTN 2018 Đ25, Nghị định 59/2019): a sensitive position held for the full period of
 * its sector (default 3 years). Exempt with under 18 months to retirement; postponed while under
 * discipline review or proceedings, seriously ill, in long study, seconded, pregnant, on maternity
 * leave or raising a child under 36 months.
 */
function rotationFlag(prepared: Prepared, work: PersonWork): Flag | null {
  const person = work.facts.person;
  const position = person.sensitivePosition;
  if (!position) return null;
  const params = prepared.params;
  const years = params.rotationYearsBySector[position.sector] ?? params.rotationYears;
  const since = dayOf(position.since);
  if (addMonths(since, Math.round(years * 12)) > prepared.yearEnd) return null;
  const base = `Vị trí nhạy cảm (lĩnh vực ${SECTOR_LABELS[position.sector]}) từ ${formatDay(position.since)}: đủ ${vn(years)} năm`;
  if (person.retirementOn !== null && dayOf(person.retirementOn) < addMonths(prepared.yearEnd, 18)) {
    return {
      kind: 'ROTATION',
      status: 'EXEMPT',
      rule: 'rotation.retirement',
      reason: `${base}; còn dưới 18 tháng đến tuổi nghỉ hưu (${formatDay(person.retirementOn)}): không chuyển đổi`,
    };
  }
  const postponed = [
    person.pendingProceedings && 'đang bị xem xét kỷ luật, thanh tra hoặc tố tụng',
    person.seriouslyIll && 'đang điều trị bệnh hiểm nghèo',
    person.studyLeave && 'đang đi học tập trung từ 12 tháng trở lên',
    person.seconded && 'đang biệt phái',
    (person.pregnantOrChildUnder36Months || person.maternityLeave) &&
      'đang mang thai, nghỉ thai sản hoặc nuôi con dưới 36 tháng',
  ].filter((item): item is string => typeof item === 'string');
  if (postponed.length > 0) {
    return {
      kind: 'ROTATION',
      status: 'POSTPONED',
      rule: 'rotation.postponed',
      reason: `${base}; tạm hoãn vì ${postponed.join(', ')}`,
    };
  }
  return { kind: 'ROTATION', status: 'ACTIVE', rule: 'rotation.period', reason: base };
}

/**
 * Streamlining (Nghị định 154/2025): not completed in the evaluated year or the year before;
 * postponed while pregnant, on maternity leave or raising a child under 36 months, or while under
 * disciplinary review, inspection or proceedings.
 */
function streamliningFlag(prepared: Prepared, work: PersonWork): Flag | null {
  const year = prepared.scenario.year;
  const previous = historyIn(work.facts, year - 1)?.rating;
  const now = work.rating === 'NOT_COMPLETED';
  if (!now && previous !== 'NOT_COMPLETED') return null;
  const base = now
    ? `Xếp loại Không hoàn thành nhiệm vụ năm ${year}`
    : `Xếp loại Không hoàn thành nhiệm vụ năm ${year - 1}`;
  const status = protectedStatus(work);
  return {
    kind: 'STREAMLINING',
    status,
    rule: status === 'POSTPONED' ? 'streamlining.postponed' : 'streamlining.not-completed',
    reason: status === 'POSTPONED' ? `${base}; tạm hoãn vì ${protectionReason(work)}` : base,
  };
}

function protectedStatus(work: PersonWork): FlagStatus {
  const person = work.facts.person;
  return person.pregnantOrChildUnder36Months || person.maternityLeave || person.pendingProceedings
    ? 'POSTPONED'
    : 'ACTIVE';
}

function protectionReason(work: PersonWork): string {
  const person = work.facts.person;
  return person.pendingProceedings
    ? 'đang bị xem xét kỷ luật, thanh tra hoặc tố tụng'
    : 'đang mang thai, nghỉ thai sản hoặc nuôi con dưới 36 tháng';
}

/** Dismissal review (thôi việc): not completed two years running (this year and the last). */
function dismissalFlag(prepared: Prepared, work: PersonWork): Flag | null {
  const year = prepared.scenario.year;
  if (work.rating !== 'NOT_COMPLETED' || historyIn(work.facts, year - 1)?.rating !== 'NOT_COMPLETED')
    return null;
  return {
    kind: 'DISMISSAL_REVIEW',
    status: 'ACTIVE',
    rule: 'dismissal.two-years',
    reason: `Hai năm liên tiếp (${year - 1}, ${year}) không hoàn thành nhiệm vụ: xem xét cho thôi việc`,
  };
}

const completedOrLower = new Set<Rating>(['COMPLETED', 'NOT_COMPLETED']);

/**
 * Weak-performance rotation (local default, on): completed or lower two years running in a
 * citizen-facing position, or a citizen share under 70% with at least the minimum number of votes.
 */
function weakPerformanceFlag(prepared: Prepared, work: PersonWork): Flag | null {
  if (!prepared.params.weakPerformanceRotation) return null;
  const person = work.facts.person;
  const year = prepared.scenario.year;
  const reasons: string[] = [];
  const previous = historyIn(work.facts, year - 1)?.rating;
  if (
    person.citizenFacing &&
    completedOrLower.has(work.rating) &&
    previous &&
    completedOrLower.has(previous)
  ) {
    reasons.push(`vị trí tiếp xúc người dân, hai năm liên tiếp chỉ hoàn thành nhiệm vụ trở xuống`);
  }
  const votes = yearVotes(work.facts);
  const minimum = prepared.params.minCitizenVotes;
  if (
    votes &&
    votes.total >= minimum &&
    votes.total > 0 &&
    votes.positive * 100 < prepared.params.weakCitizenSharePercent * votes.total
  ) {
    reasons.push(
      `tỷ lệ người dân hài lòng ${vn(Math.round((votes.positive * 1000) / votes.total) / 10)}% dưới ${prepared.params.weakCitizenSharePercent}% (${votes.total} phiếu)`,
    );
  }
  if (reasons.length === 0) return null;
  return {
    kind: 'WEAK_PERFORMANCE',
    status: 'ACTIVE',
    rule: 'weak-performance.rotation',
    reason: `Đề nghị chuyển đổi vị trí: ${reasons.join('; ')}`,
  };
}
