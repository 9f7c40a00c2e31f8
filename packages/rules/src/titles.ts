// Individual emulation titles (Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP, which
// replaced 98/2023; Thông tư 15/2025/TT-BNV, which replaced 01/2024), granted from the FINAL rating
// (the decided one when people decided), with each title's eligibility and reward money.
import { CITE, RULES } from './citations.ts';
import { dayOf } from './dates.ts';
import type { PackParameters } from './packs.ts';
import { historyIn, type Prepared } from './prepare.ts';
import type { PersonWork } from './rate-person.ts';
import {
  bangKhenReasons,
  CSTDCS_REASON,
  cstdcsCapReason,
  higherTitleReasons,
  ldttReasons,
} from './trace-texts.ts';
import {
  type BallotRecord,
  type CollectiveTitle,
  type Reward,
  TITLE_VALUES,
  type Title,
  type TitleEligibility,
  type TraceParam,
} from './types.ts';

export type TitleWork = PersonWork & { titles: Title[]; eligibility: TitleEligibility[] };

// effects and sentences shared by every person they apply to (one string, not one per person)
const effects = (sign: string) =>
  Object.fromEntries(TITLE_VALUES.map((title) => [title, `${sign}${title}`])) as Record<Title, string>;
const GRANTED = effects('+');
const REFUSED = effects('-');
const PENDING = effects('?');

export type BallotResult = 'PASSED' | 'FAILED' | 'NO_QUORUM';

/** Titles that need the council's secret ballot (Luật Thi đua, khen thưởng 2022). */
export const BALLOT_TITLES = ['CSTD_TINH', 'CSTD_TOAN_QUOC'] as const satisfies readonly Title[];

/**
 * The outcome of a council's secret ballot (DOMAIN §4): void (no quorum) when fewer members took
 * part than the session's quorum; otherwise passed when the votes for reach the threshold
 * percentage of ALL members counted at opening (recused members included), failed otherwise.
 * Integers are compared exactly: for × 100 ≥ threshold × members.
 */
export function ballotOutcome(ballot: {
  for: number;
  members: number;
  participants?: number | null;
  quorum?: number | null;
  thresholdPercent: number;
}): BallotResult {
  if (
    ballot.participants !== undefined &&
    ballot.participants !== null &&
    ballot.quorum !== undefined &&
    ballot.quorum !== null &&
    ballot.participants < ballot.quorum
  )
    return 'NO_QUORUM';
  return ballot.for * 100 >= ballot.thresholdPercent * ballot.members - 1e-9 ? 'PASSED' : 'FAILED';
}

/** The CSTĐCS cap of a unit (local, off by default): floor(cap% × LĐTT holders); null = no cap. */
export function cstdcsCapAllowed(
  params: Pick<PackParameters, 'cstdcsCapPercent'>,
  ldttHolders: number,
): number | null {
  const cap = params.cstdcsCapPercent;
  if (cap === null || cap === undefined) return null;
  return Math.floor((cap * ldttHolders) / 100 + 1e-9);
}

/** Reward money of a title: the pack's multiple × the cycle's base salary (none without a multiple). */
export function rewardOf(
  params: Pick<PackParameters, 'baseSalary' | 'rewardMultiples'>,
  title: Title | CollectiveTitle,
): Reward | null {
  const multiple = params.rewardMultiples[title];
  if (multiple === undefined) return null;
  return { title, multiple, amount: Math.round(multiple * params.baseSalary) };
}

// Most people share a handful of eligibility entries (a province has 500,000 of them): equal
// entries are one frozen object per evaluation. They are found by title, then compared field by
// field (the reasons are mostly the same constant sentences, compared at once), so no key text is
// built for each entry.
const interned = new WeakMap<Prepared, Map<Title, TitleEligibility[]>>();

function internEligibility(prepared: Prepared, entry: TitleEligibility): TitleEligibility {
  let cache = interned.get(prepared);
  if (!cache) {
    cache = new Map();
    interned.set(prepared, cache);
  }
  let same = cache.get(entry.title);
  if (!same) {
    same = [];
    cache.set(entry.title, same);
  }
  for (const known of same) if (sameEligibility(known, entry)) return known;
  Object.freeze(entry.reasons);
  const frozen = Object.freeze(entry);
  same.push(frozen);
  return frozen;
}

function sameEligibility(a: TitleEligibility, b: TitleEligibility): boolean {
  if (
    a.status !== b.status ||
    a.rule !== b.rule ||
    a.needsBallot !== b.needsBallot ||
    a.citation !== b.citation ||
    a.reasons.length !== b.reasons.length
  )
    return false;
  for (let i = 0; i < a.reasons.length; i++) if (a.reasons[i] !== b.reasons[i]) return false;
  return true;
}

function setEligibility(
  prepared: Prepared,
  work: TitleWork,
  title: Title,
  status: TitleEligibility['status'],
  rule: string,
  citation: string,
  reasons: string[],
  needsBallot = false,
): void {
  const entry = internEligibility(prepared, { title, status, needsBallot, rule, citation, reasons });
  const index = work.eligibility.findIndex((item) => item.title === title);
  if (index >= 0) work.eligibility[index] = entry;
  else work.eligibility.push(entry);
}

function grant(
  prepared: Prepared,
  work: TitleWork,
  title: Title,
  rule: string,
  citation: string,
  params: readonly TraceParam[],
): void {
  work.titles.push(title);
  prepared.sharedTrace.add(work.trace, rule, GRANTED[title], params);
  setEligibility(prepared, work, title, 'GRANTED', rule, citation, []);
}

function refuse(
  prepared: Prepared,
  work: TitleWork,
  title: Title,
  rule: string,
  citation: string,
  params: readonly TraceParam[],
  reasons: string[],
  traced = true,
): void {
  if (traced) prepared.sharedTrace.add(work.trace, rule, REFUSED[title], params);
  setEligibility(prepared, work, title, 'NOT_ELIGIBLE', rule, citation, reasons);
}

/** Grants LĐTT, CSTĐCS (with the optional cap), CSTĐ cấp tỉnh, toàn quốc and Bằng khen. */
export function grantTitles(prepared: Prepared, people: TitleWork[]): void {
  for (const work of people) grantBaseTitles(prepared, work);
  applyCstdcsCap(prepared, people);
  for (const work of people) grantHigherTitles(prepared, work);
}

const rewardCache = new WeakMap<Prepared, Map<string, Reward | null>>();

/** Reward money of the person's titles (one frozen object per title and evaluation). */
export function personRewards(prepared: Prepared, work: TitleWork): Reward[] {
  if (work.titles.length === 0) return NO_REWARDS;
  let cache = rewardCache.get(prepared);
  if (!cache) {
    cache = new Map();
    rewardCache.set(prepared, cache);
  }
  const rewards: Reward[] = [];
  for (const title of work.titles) {
    let reward = cache.get(title);
    if (reward === undefined) {
      const made = rewardOf(prepared.params, title);
      reward = made ? Object.freeze(made) : null;
      cache.set(title, reward);
    }
    if (reward) rewards.push(reward);
  }
  return rewards;
}

const NO_REWARDS: Reward[] = Object.freeze([]) as unknown as Reward[];

/**
 * LĐTT: rated good or better; not disciplined (reprimand or above) in the year — any decision,
 * even one outside the person's duties (DOMAIN §3.3: it still bars titles); recruited at least
 * 6 months before the year's end (Thông tư 15/2025/TT-BNV, read as 6 whole months employed);
 * absent under 3 months. CSTĐCS: LĐTT plus excellent, or an initiative or applied research
 * recognised in the year.
 */
function grantBaseTitles(prepared: Prepared, work: TitleWork): void {
  const { facts } = work;
  // LĐTT's conditions, as ldttReasons reads them
  const unmet: TraceParam[] = [
    work.rating === 'NOT_RATED' ? 1 : work.rating !== 'GOOD' && work.rating !== 'EXCELLENT' ? 2 : 0,
    facts.disciplinedInYear.length > 0 ? 1 : 0,
    facts.monthsEmployed < 6 ? 1 : 0,
    facts.person.monthsAbsent >= 3 ? facts.person.monthsAbsent : null,
  ];
  const reasons = ldttReasons(unmet);
  if (reasons.length > 0) {
    const traced = work.rating !== 'NOT_RATED';
    refuse(prepared, work, 'LDTT', RULES.ldtt, CITE.ldtt, unmet, reasons, traced);
    const cstdcsReasons = ['chưa đạt Lao động tiên tiến'];
    refuse(prepared, work, 'CSTDCS', RULES.cstdcs, CITE.cstd, [], cstdcsReasons, false);
    return;
  }
  grant(prepared, work, 'LDTT', RULES.ldtt, CITE.ldtt, [work.rating === 'EXCELLENT' ? 1 : 0]);

  const initiative = facts.initiatives.find((item) => dayInYear(prepared, item.recognizedOn));
  if (work.rating === 'EXCELLENT') {
    grant(prepared, work, 'CSTDCS', RULES.cstdcs, CITE.cstd, []);
  } else if (initiative) {
    grant(prepared, work, 'CSTDCS', RULES.cstdcs, CITE.cstd, [initiative.kind, initiative.recognizedOn]);
  } else {
    refuse(prepared, work, 'CSTDCS', RULES.cstdcs, CITE.cstd, [], [CSTDCS_REASON]);
  }
}

/**
 * Local cap (off by default): CSTĐCS ≤ floor(cap% × LĐTT holders) per unit, ranked by score, ties
 * to the lower id (DOMAIN.md: "the council chooses within it, ranked by score").
 */
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
    const allowed = cstdcsCapAllowed(prepared.params, holders) ?? holders;
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
      const params = [cap, holders, allowed];
      refuse(prepared, work, 'CSTDCS', RULES.cstdcsCap, CITE.local, params, [cstdcsCapReason(params)]);
    }
  }
}

/**
 * CSTĐ cấp tỉnh: CSTĐCS three years running (this year included) and an initiative of provincial or
 * national scope recognised within those three years, plus the council's secret ballot at or above
 * the threshold of all members, with a quorum. CSTĐ toàn quốc: CSTĐ cấp tỉnh this year and three
 * years before, an initiative of national scope within the last six years, and the same ballot
 * rule. Without a ballot yet, a person meeting every other condition is ELIGIBLE (to be balloted).
 * Bằng khen (default): excellent this year and last year, no discipline in the year.
 */
function grantHigherTitles(prepared: Prepared, work: TitleWork): void {
  const { facts } = work;
  const year = prepared.scenario.year;
  const threshold = prepared.params.ballotThresholdPercent;
  const rated = work.rating !== 'NOT_RATED';

  const provincialBallot = facts.ballots.get('CSTD_TINH');
  const cstdcsRun =
    work.titles.includes('CSTDCS') &&
    hadTitleIn(facts, year - 1, 'CSTDCS') &&
    hadTitleIn(facts, year - 2, 'CSTDCS');
  higherTitle(prepared, work, {
    title: 'CSTD_TINH',
    rule: RULES.cstdTinh,
    unmet: [!cstdcsRun, !hasInitiativeWithin(prepared, facts, year - 2, ['PROVINCE', 'NATIONAL'])],
    ballot: provincialBallot,
    threshold,
    traced: rated && (cstdcsRun || provincialBallot !== undefined),
  });

  const nationalBallot = facts.ballots.get('CSTD_TOAN_QUOC');
  const provincialRun = work.titles.includes('CSTD_TINH') && hadTitleIn(facts, year - 3, 'CSTD_TINH');
  higherTitle(prepared, work, {
    title: 'CSTD_TOAN_QUOC',
    rule: RULES.cstdToanQuoc,
    unmet: [!provincialRun, !hasInitiativeWithin(prepared, facts, year - 5, ['NATIONAL'])],
    ballot: nationalBallot,
    threshold,
    traced: rated && (provincialRun || nationalBallot !== undefined),
  });

  // Bằng khen's conditions, as bangKhenReasons reads them
  const unmet: TraceParam[] = [
    work.rating !== 'EXCELLENT' ? 1 : 0,
    historyIn(facts, year - 1)?.rating !== 'EXCELLENT' ? 1 : 0,
    facts.disciplinedInYear.length > 0 ? 1 : 0,
  ];
  const reasons = bangKhenReasons(unmet);
  if (reasons.length === 0) {
    grant(prepared, work, 'BANG_KHEN', RULES.bangKhen, CITE.bangKhen, []);
  } else {
    refuse(
      prepared,
      work,
      'BANG_KHEN',
      RULES.bangKhen,
      CITE.bangKhen,
      unmet,
      reasons,
      work.rating === 'EXCELLENT',
    );
  }
}

const AWAITING_BALLOT = 'chưa có kết quả bỏ phiếu kín của Hội đồng Thi đua – Khen thưởng';

function higherTitle(
  prepared: Prepared,
  work: TitleWork,
  spec: {
    title: Title;
    rule: string;
    /** the two conditions of HIGHER_TITLES[rule], true where unmet */
    unmet: [boolean, boolean];
    ballot: BallotRecord | undefined;
    threshold: number;
    traced: boolean;
  },
): void {
  const notRated = work.rating === 'NOT_RATED';
  const ballot = spec.ballot;
  let ballotParam: TraceParam = null;
  if (ballot) {
    const outcome = ballotOutcome({ ...ballot, thresholdPercent: spec.threshold });
    if (outcome === 'NO_QUORUM') ballotParam = ['Q', ballot.participants, ballot.members, ballot.quorum];
    else if (outcome === 'FAILED') ballotParam = ['F', ballot.for, ballot.members, spec.threshold];
  }
  // the unmet conditions, as higherTitleReasons reads them
  const unmet: TraceParam[] = [notRated ? 1 : 0, spec.unmet[0] ? 1 : 0, spec.unmet[1] ? 1 : 0, ballotParam];
  const reasons = higherTitleReasons(spec.rule, unmet);
  if (!notRated && !spec.unmet[0] && !spec.unmet[1] && !ballot) {
    // every condition but the ballot: may be proposed and balloted
    setEligibility(prepared, work, spec.title, 'ELIGIBLE', spec.rule, CITE.ballot, [AWAITING_BALLOT], true);
    if (spec.traced) prepared.sharedTrace.add(work.trace, spec.rule, PENDING[spec.title], []);
    return;
  }
  if (reasons.length === 0 && ballot) {
    work.titles.push(spec.title);
    prepared.sharedTrace.add(work.trace, spec.rule, GRANTED[spec.title], [ballot.for, ballot.members]);
    setEligibility(prepared, work, spec.title, 'GRANTED', spec.rule, CITE.ballot, [], true);
    return;
  }
  if (spec.traced) prepared.sharedTrace.add(work.trace, spec.rule, REFUSED[spec.title], unmet);
  setEligibility(prepared, work, spec.title, 'NOT_ELIGIBLE', spec.rule, CITE.ballot, reasons, true);
}

// Module-level helpers rather than closures made for every person (a province has 100,000).
function hadTitleIn(facts: TitleWork['facts'], year: number, title: string): boolean {
  return historyIn(facts, year)?.titles.includes(title) ?? false;
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

function dayInYear(prepared: Prepared, iso: string): boolean {
  const day = dayOf(iso);
  return day >= prepared.yearStart && day <= prepared.yearEnd;
}
