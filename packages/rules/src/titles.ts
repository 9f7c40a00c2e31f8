// Individual emulation titles (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023, 152/2025).
import { CITE, vn } from './citations.ts';
import { dayOf, formatDay } from './dates.ts';
import type { Prepared } from './prepare.ts';
import type { PersonWork } from './rate-person.ts';
import type { Title, TraceEntry } from './types.ts';

export type TitleWork = PersonWork & { titles: Title[] };

function grant(work: TitleWork, title: Title, rule: string, citation: string, detail: string): void {
  work.titles.push(title);
  work.trace.push({ rule, citation, effect: `+${title}`, detail });
}

function refuse(trace: TraceEntry[], title: Title, rule: string, citation: string, detail: string): void {
  trace.push({ rule, citation, effect: `-${title}`, detail });
}

/** Grants LĐTT, CSTĐCS (with the optional cap), CSTĐ cấp tỉnh, toàn quốc and Bằng khen. */
export function grantTitles(prepared: Prepared, people: TitleWork[]): void {
  for (const work of people) grantBaseTitles(prepared, work);
  applyCstdcsCap(prepared, people);
  for (const work of people) grantHigherTitles(prepared, work);
}

/**
 * LĐTT: rated good or better; not disciplined (reprimand or above) in the year; recruited at least
 * 6 months before the year's end (Thông tư 01/2024/TT-BNV, read as 6 whole months employed); absent
 * under 3 months. CSTĐCS: LĐTT plus excellent, or an initiative or applied research recognised in
 * the year.
 */
function grantBaseTitles(prepared: Prepared, work: TitleWork): void {
  if (work.rating === 'NOT_RATED') return;
  const { facts } = work;
  const reasons: string[] = [];
  if (work.rating !== 'GOOD' && work.rating !== 'EXCELLENT') reasons.push('chưa đạt Hoàn thành tốt nhiệm vụ');
  if (facts.disciplinedInYear.length > 0) reasons.push('bị kỷ luật trong năm');
  if (facts.monthsEmployed < 6) reasons.push('tuyển dụng chưa đủ 6 tháng');
  if (facts.person.monthsAbsent >= 3)
    reasons.push(`nghỉ ${vn(facts.person.monthsAbsent)} tháng (từ 3 tháng trở lên)`);
  if (reasons.length > 0) {
    refuse(
      work.trace,
      'LDTT',
      'title.ldtt',
      CITE.ldtt,
      `Không đủ điều kiện Lao động tiên tiến: ${reasons.join('; ')}`,
    );
    return;
  }
  grant(
    work,
    'LDTT',
    'title.ldtt',
    CITE.ldtt,
    'Đạt danh hiệu Lao động tiên tiến: hoàn thành tốt nhiệm vụ trở lên, không bị kỷ luật',
  );

  const initiative = facts.initiatives.find((item) => dayInYear(prepared, item.recognizedOn));
  if (work.rating === 'EXCELLENT') {
    grant(
      work,
      'CSTDCS',
      'title.cstdcs',
      CITE.cstd,
      'Đạt Chiến sĩ thi đua cơ sở: Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ',
    );
  } else if (initiative) {
    grant(
      work,
      'CSTDCS',
      'title.cstdcs',
      CITE.cstd,
      `Đạt Chiến sĩ thi đua cơ sở: Lao động tiên tiến và có ${initiative.kind === 'RESEARCH' ? 'đề tài nghiên cứu được ứng dụng' : 'sáng kiến được công nhận'} ngày ${formatDay(initiative.recognizedOn)}`,
    );
  } else {
    refuse(
      work.trace,
      'CSTDCS',
      'title.cstdcs',
      CITE.cstd,
      'Chưa đạt Chiến sĩ thi đua cơ sở: không xuất sắc và không có sáng kiến được công nhận trong năm',
    );
  }
}

/** Local cap (off by default): CSTĐCS ≤ floor(cap% × LĐTT holders) per unit, ranked by score. */
function applyCstdcsCap(prepared: Prepared, people: TitleWork[]): void {
  const cap = prepared.params.cstdcsCapPercent;
  if (cap === null || cap === undefined) return;
  const byUnit = new Map<string, TitleWork[]>();
  for (const work of people) {
    const list = byUnit.get(work.facts.person.unitId) ?? [];
    list.push(work);
    byUnit.set(work.facts.person.unitId, list);
  }
  for (const group of byUnit.values()) {
    const holders = group.filter((work) => work.titles.includes('LDTT')).length;
    const allowed = Math.floor((cap * holders) / 100 + 1e-9);
    const ranked = group
      .filter((work) => work.titles.includes('CSTDCS'))
      .sort((a, b) => {
        const scoreA = a.score ?? Number.NEGATIVE_INFINITY;
        const scoreB = b.score ?? Number.NEGATIVE_INFINITY;
        if (scoreA !== scoreB) return scoreB - scoreA;
        return a.facts.person.id < b.facts.person.id ? -1 : a.facts.person.id > b.facts.person.id ? 1 : 0;
      });
    for (const work of ranked.slice(allowed)) {
      work.titles = work.titles.filter((title) => title !== 'CSTDCS');
      refuse(
        work.trace,
        'CSTDCS',
        'title.cstdcs-cap',
        CITE.local,
        `Vượt tỷ lệ Chiến sĩ thi đua cơ sở của đơn vị (${cap}% của ${holders} Lao động tiên tiến = ${allowed} người), xét theo điểm từ cao xuống thấp`,
      );
    }
  }
}

/**
 * CSTĐ cấp tỉnh: CSTĐCS three years running (this year included) and an initiative of provincial or
 * national scope recognised within those three years, plus the council's secret ballot at or above
 * the threshold of all members. CSTĐ toàn quốc: CSTĐ cấp tỉnh this year and three years before, an
 * initiative of national scope within the last six years, and the same ballot rule.
 * Bằng khen (default): excellent this year and last year, no discipline in the year.
 */
function grantHigherTitles(prepared: Prepared, work: TitleWork): void {
  if (work.rating === 'NOT_RATED') return;
  const { facts } = work;
  const year = prepared.scenario.year;
  const threshold = prepared.params.ballotThresholdPercent;
  const provincialBallot = facts.ballots.get('CSTD_TINH');
  const cstdcsRun =
    work.titles.includes('CSTDCS') &&
    hadTitleIn(facts, year - 1, 'CSTDCS') &&
    hadTitleIn(facts, year - 2, 'CSTDCS');
  if (cstdcsRun || provincialBallot) {
    const reasons: string[] = [];
    if (!cstdcsRun) reasons.push('chưa đủ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở');
    if (!hasInitiativeWithin(prepared, facts, year - 2, ['PROVINCE', 'NATIONAL']))
      reasons.push('không có sáng kiến cấp tỉnh trở lên trong 3 năm');
    const ballotNote = ballotProblem(provincialBallot, threshold);
    if (ballotNote) reasons.push(ballotNote);
    if (reasons.length === 0) {
      grant(
        work,
        'CSTD_TINH',
        'title.cstd-tinh',
        CITE.cstd,
        `Đạt Chiến sĩ thi đua cấp tỉnh: 3 năm liên tục Chiến sĩ thi đua cơ sở, có sáng kiến cấp tỉnh, ${ballotText(provincialBallot)}`,
      );
    } else {
      refuse(
        work.trace,
        'CSTD_TINH',
        'title.cstd-tinh',
        CITE.cstd,
        `Chưa đạt Chiến sĩ thi đua cấp tỉnh: ${reasons.join('; ')}`,
      );
    }
  }

  const nationalBallot = facts.ballots.get('CSTD_TOAN_QUOC');
  const provincialRun = work.titles.includes('CSTD_TINH') && hadTitleIn(facts, year - 3, 'CSTD_TINH');
  if (provincialRun || nationalBallot) {
    const reasons: string[] = [];
    if (!provincialRun) reasons.push('chưa đạt 2 lần liên tục Chiến sĩ thi đua cấp tỉnh');
    if (!hasInitiativeWithin(prepared, facts, year - 5, ['NATIONAL']))
      reasons.push('không có sáng kiến cấp toàn quốc trong 6 năm');
    const ballotNote = ballotProblem(nationalBallot, threshold);
    if (ballotNote) reasons.push(ballotNote);
    if (reasons.length === 0) {
      grant(
        work,
        'CSTD_TOAN_QUOC',
        'title.cstd-toan-quoc',
        CITE.cstd,
        `Đạt Chiến sĩ thi đua toàn quốc: 2 lần liên tục Chiến sĩ thi đua cấp tỉnh, có sáng kiến cấp toàn quốc, ${ballotText(nationalBallot)}`,
      );
    } else {
      refuse(
        work.trace,
        'CSTD_TOAN_QUOC',
        'title.cstd-toan-quoc',
        CITE.cstd,
        `Chưa đạt Chiến sĩ thi đua toàn quốc: ${reasons.join('; ')}`,
      );
    }
  }

  if (work.rating === 'EXCELLENT') {
    const lastYear = facts.history.get(year - 1)?.rating === 'EXCELLENT';
    if (lastYear && facts.disciplinedInYear.length === 0) {
      grant(
        work,
        'BANG_KHEN',
        'title.bang-khen',
        CITE.bangKhen,
        'Đủ điều kiện đề nghị Bằng khen: 2 năm liên tục hoàn thành xuất sắc nhiệm vụ',
      );
    } else {
      refuse(
        work.trace,
        'BANG_KHEN',
        'title.bang-khen',
        CITE.bangKhen,
        'Chưa đủ điều kiện Bằng khen: cần 2 năm liên tục hoàn thành xuất sắc nhiệm vụ',
      );
    }
  }
}

// Module-level helpers rather than closures made for every person (a province has 100,000).
function hadTitleIn(facts: TitleWork['facts'], year: number, title: string): boolean {
  return facts.history.get(year)?.titles.includes(title) ?? false;
}

function hasInitiativeWithin(
  prepared: Prepared,
  facts: TitleWork['facts'],
  from: number,
  scopes: readonly string[],
): boolean {
  const year = prepared.scenario.year;
  for (const item of facts.initiatives) {
    const y = Number(item.recognizedOn.slice(0, 4));
    if (y >= from && y <= year && scopes.includes(item.scope) && dayOf(item.recognizedOn) <= prepared.yearEnd)
      return true;
  }
  return false;
}

function ballotProblem(
  ballot: { for: number; members: number } | undefined,
  threshold: number,
): string | null {
  if (!ballot) return 'chưa có kết quả bỏ phiếu kín của Hội đồng';
  if (ballot.for * 100 < threshold * ballot.members - 1e-9) {
    return `số phiếu đồng ý ${ballot.for}/${ballot.members} dưới ${threshold}% tổng số thành viên Hội đồng`;
  }
  return null;
}

function ballotText(ballot: { for: number; members: number } | undefined): string {
  return ballot ? `được ${ballot.for}/${ballot.members} thành viên Hội đồng bỏ phiếu đồng ý` : '';
}

function dayInYear(prepared: Prepared, iso: string): boolean {
  const day = dayOf(iso);
  return day >= prepared.yearStart && day <= prepared.yearEnd;
}
