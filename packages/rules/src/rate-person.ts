// The proposal for one person (score and band, or criteria) and the hard rules 3.1–3.3 and 3.5.
// Pack vn-nd335-2025 scores every period (month, quarter or the whole year) and takes the year's
// score as the mean of the periods the person was scored in (Nghị định 335/2025/NĐ-CP Điều 14, 20, 21).
import { CITE, RULES, vn } from './citations.ts';
import { formatDay } from './dates.ts';
import { atMost, RATING_RANK } from './packs.ts';
import { periodList } from './periods.ts';
import type { DossierCounts, PersonFacts, Prepared, VoteCounts } from './prepare.ts';
import type { TaskTotals } from './task-score.ts';
import { TraceStep } from './trace.ts';
import { citeKey, disciplineLabel } from './trace-texts.ts';
import type { Components, PeriodKind, PeriodResult, Rating, TraceLine, TraceParam } from './types.ts';

/** The best rating the hard rules allow, with the rule and its Vietnamese reason. */
export type Ceiling = { rating: Rating; rule: string | null; citation: string | null; reason: string };

export type PersonWork = {
  facts: PersonFacts;
  score: number | null;
  components: Components | null;
  periods: PeriodResult[] | null;
  proposed: Rating;
  /** after the hard rules (and, once applied, the quota and people's decisions) */
  rating: Rating;
  /** after the hard rules, before the quota: what rule 3.4 counts from */
  ruled: Rating;
  ceiling: Ceiling;
  /** final task score T per period (index period − 1), NaN where the person was not scored */
  periodT: number[] | null;
  /** the year task score: the mean of the period scores T (rule 3.5), null when not scored */
  yearTaskScore: number | null;
  unexcusedDelays: number;
  /** citizens' satisfied share 0–1 for the year, or null without votes */
  citizenShare: number | null;
  trace: TraceLine[];
  error: string | null;
  /** periods still awaiting the head's assessment (the person is not scored until assessed) */
  awaitingAssessment: number[] | null;
  /** for leaders: the mean year task score of the unit's rated members (leader excluded), 0–1 */
  unitCompletion: number | null;
};

export function round1(value: number): number {
  return Math.round(value * 10 + 1e-9 * Math.sign(value)) / 10;
}

/** Bands of Nghị định 335/2025/NĐ-CP Điều 20, applied to the score rounded to one decimal. */
export function bandOf(score: number): Rating {
  if (score >= 90) return 'EXCELLENT';
  if (score >= 70) return 'GOOD';
  if (score >= 50) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

// "1"…"12": the keys of conductByPeriod, made once
const PERIOD_KEYS = Array.from({ length: 13 }, (_, n) => String(n));

const NO_CEILING: Ceiling = { rating: 'EXCELLENT', rule: null, citation: null, reason: '' };

/**
 * Rates every person, leaders after the people of the unit they lead (their rating depends on
 * their subordinates'). Returns work items in input order.
 *
 * Leaders who lead one another's units (A sits in the unit B leads and B in the unit A leads, or
 * two co-heads of one unit) form a loop with no first member. Inside such a loop each leader sees
 * the others as plain members: rated on their own tasks, without their own unit half or rule 3.5.
 * Everyone outside a loop sees final ratings. So the result never depends on the input order.
 */
export function ratePeople(prepared: Prepared): PersonWork[] {
  const loops = leaderLoops(prepared);
  const done = new Map<PersonFacts, PersonWork>();
  const asMembers = new Map<PersonFacts, PersonWork>();
  const visiting = new Set<PersonFacts>();
  const resolve = (facts: PersonFacts, leader: PersonFacts | null): PersonWork | null => {
    const loop = loops.get(facts);
    if (leader !== null && loop !== undefined && loop === loops.get(leader)) {
      let plain = asMembers.get(facts);
      if (!plain) {
        plain = ratePerson(prepared, facts, resolve, true);
        asMembers.set(facts, plain);
      }
      return plain;
    }
    const known = done.get(facts);
    if (known) return known;
    if (visiting.has(facts)) return null; // unreachable: loops are handled above
    visiting.add(facts);
    const work = ratePerson(prepared, facts, resolve, false);
    visiting.delete(facts);
    done.set(facts, work);
    return work;
  };
  return prepared.facts.map((facts) => resolve(facts, null) as PersonWork);
}

/**
 * Leaders on a loop of "leads the unit of": an edge goes from a leader to every other leader whose
 * unit is the unit they lead. Returns, for each leader on a loop, the loop's number (Tarjan's
 * strongly connected components, iterative so a long chain of units cannot overflow the stack).
 */
function leaderLoops(prepared: Prepared): Map<PersonFacts, number> {
  const next = (facts: PersonFacts): PersonFacts[] => {
    const unitId = facts.person.leads;
    if (unitId === null) return [];
    return (prepared.members.get(unitId) ?? []).filter(
      (member) => member !== facts && member.person.leads !== null,
    );
  };
  const order = new Map<PersonFacts, number>();
  const low = new Map<PersonFacts, number>();
  const onStack = new Set<PersonFacts>();
  const stack: PersonFacts[] = [];
  const loops = new Map<PersonFacts, number>();
  let counter = 0;
  let loopCount = 0;
  for (const root of prepared.facts) {
    if (root.person.leads === null || order.has(root)) continue;
    const frames: { facts: PersonFacts; edges: PersonFacts[]; at: number }[] = [];
    const enter = (facts: PersonFacts) => {
      order.set(facts, counter);
      low.set(facts, counter);
      counter += 1;
      stack.push(facts);
      onStack.add(facts);
      frames.push({ facts, edges: next(facts), at: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      const edge = frame.edges[frame.at];
      if (edge !== undefined) {
        frame.at += 1;
        if (!order.has(edge)) enter(edge);
        else if (onStack.has(edge))
          low.set(frame.facts, Math.min(low.get(frame.facts) ?? 0, order.get(edge) ?? 0));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.facts, Math.min(low.get(parent.facts) ?? 0, low.get(frame.facts) ?? 0));
      if (low.get(frame.facts) !== order.get(frame.facts)) continue;
      const component: PersonFacts[] = [];
      let member: PersonFacts | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.facts);
      if (component.length > 1) {
        for (const item of component) loops.set(item, loopCount);
        loopCount += 1;
      }
    }
  }
  return loops;
}

function ratePerson(
  prepared: Prepared,
  facts: PersonFacts,
  resolve: (facts: PersonFacts, leader: PersonFacts) => PersonWork | null,
  asMember: boolean,
): PersonWork {
  const { person } = facts;
  const trace: TraceLine[] = [];
  const totals = facts.tasks;
  const work: PersonWork = {
    facts,
    score: null,
    components: null,
    periods: null,
    proposed: 'NOT_RATED',
    rating: 'NOT_RATED',
    ruled: 'NOT_RATED',
    ceiling: NO_CEILING,
    periodT: null,
    yearTaskScore: null,
    unexcusedDelays: totals.unexcusedDelays,
    citizenShare: citizenShareOf(facts),
    trace,
    error: null,
    awaitingAssessment: null,
    unitCompletion: null,
  };
  const notRated = (
    rule: string,
    citation: string,
    reason: string,
    error: string | null,
    params: readonly TraceParam[],
  ) => {
    work.ceiling = { rating: 'NOT_RATED', rule, citation, reason };
    work.error = error;
    prepared.sharedTrace.add(trace, rule, 'NOT_RATED', params);
    return work;
  };

  // Rule 3.1 — Nghị định 90/2020 Đ2 k3: under 6 months worked in the year is not rated.
  // Months worked = whole months employed in the year less months absent (maternity leave is
  // not counted as absence, per the contract's monthsAbsent).
  const worked = facts.monthsEmployed - person.monthsAbsent;
  if (worked < 6) {
    return notRated(
      RULES.timeWorked,
      CITE.timeWorked,
      `Thời gian công tác trong năm ${vn(round1(worked))} tháng, dưới 6 tháng: không đánh giá, xếp loại`,
      null,
      [round1(worked)],
    );
  }
  const points = prepared.pack.method === 'points';
  const own = points ? ownPeriodScores(prepared, facts) : null;
  if (totals.count === 0 || (own !== null && own.scored === 0)) {
    return notRated(
      RULES.noTasks,
      prepared.pack.citation,
      totals.count === 0
        ? 'Không có nhiệm vụ nào được ghi nhận trong năm: chưa thể chấm điểm'
        : 'Các nhiệm vụ được ghi nhận đều có trọng số 0: chưa thể chấm điểm',
      // the contract's own message (SCENARIO.md); the Vietnamese is in the trace
      'no tasks recorded: not scored',
      [citeKey(prepared.pack.citation), totals.count === 0 ? 0 : 1],
    );
  }

  // DOMAIN §2: A is the head's assessment for the period when given, else for the year. A period
  // with work but no assessment is awaiting it; the person is not scored until every such period
  // is assessed (a missing assessment is never read as 10, nor as 0).
  if (own !== null) {
    const awaiting: number[] = [];
    for (let p = 1; p <= prepared.periodCount; p++) {
      if (!Number.isNaN(own.T[p - 1] as number) && assessmentFor(facts, p) === null) awaiting.push(p);
    }
    if (awaiting.length > 0) {
      work.awaitingAssessment = awaiting;
      const kind = prepared.scenario.periodKind;
      const names = periodList(kind, awaiting, prepared.scenario.year);
      return notRated(
        RULES.awaitingAssessment,
        CITE.nd335Score,
        `Chờ thủ trưởng đánh giá ý thức, đạo đức (${names}): chưa chấm điểm cho đến khi có đánh giá`,
        `Chờ thủ trưởng đánh giá (${names}): chưa chấm điểm / awaiting the head's assessment: not scored`,
        [kind, prepared.scenario.year, awaiting],
      );
    }
  }

  // Leaders: the unit they lead (its direct members, the leader excluded) — DOMAIN §2.
  const leadsUnit = person.leads !== null && !asMember ? prepared.units.get(person.leads) : undefined;
  const subordinates: PersonWork[] = [];
  if (leadsUnit) {
    for (const member of prepared.members.get(leadsUnit.id) ?? []) {
      if (member === facts) continue;
      const result = resolve(member, facts);
      if (result && result.rating !== 'NOT_RATED') subordinates.push(result);
    }
    // rule 3.5: the mean, over the unit's rated members, of their year task score
    const scored = subordinates.filter((item) => item.yearTaskScore !== null);
    work.unitCompletion =
      scored.length > 0
        ? scored.reduce((sum, item) => sum + (item.yearTaskScore ?? 0), 0) / scored.length
        : null;
  }
  const notCompleted = subordinates.filter((item) => item.ruled === 'NOT_COMPLETED');

  if (own !== null) {
    scoreByPoints(prepared, work, own, leadsUnit ? subordinates : null, notCompleted);
  } else {
    rateByCriteria(prepared, work, totals, leadsUnit ? subordinates : null);
  }
  work.rating = work.proposed;
  applyHardRules(prepared, work, notCompleted);
  work.ruled = work.rating;
  return work;
}

type OwnScores = { T: number[]; scored: number };

/** The person's own task score T per period, NaN where no weighted task falls in the period. */
function ownPeriodScores(prepared: Prepared, facts: PersonFacts): OwnScores {
  const count = prepared.periodCount;
  const T: number[] = [];
  let scored = 0;
  const base = facts.index * count;
  for (let p = 0; p < count; p++) {
    const weights = prepared.periodWeights[base + p] ?? 0;
    // a period whose tasks all weigh 0 has nothing to weigh: not scored (DOMAIN.md is silent)
    if (weights > 0) {
      T.push((prepared.periodWeighted[base + p] ?? 0) / weights);
      scored += 1;
    } else T.push(Number.NaN);
  }
  return { T, scored };
}

function assessmentFor(facts: PersonFacts, period: number): number | null {
  const byPeriod = facts.person.conductByPeriod[PERIOD_KEYS[period] as string];
  return byPeriod !== undefined ? byPeriod : facts.person.conductAssessment;
}

/** The year's votes: the row for the year when given, else the period rows added up. */
export function yearVotes(facts: PersonFacts): VoteCounts | null {
  if (facts.votesYear) return facts.votesYear;
  if (!facts.votesByPeriod) return null;
  const sum = { positive: 0, total: 0 };
  for (const votes of facts.votesByPeriod.values()) {
    sum.positive += votes.positive;
    sum.total += votes.total;
  }
  return sum;
}

function citizenShareOf(facts: PersonFacts): number | null {
  const votes = yearVotes(facts);
  return votes && votes.total > 0 ? votes.positive / votes.total : null;
}

/**
 * Periods grouped by a small numeric key of what explains their value, in order of first
 * appearance; the sentence is written once per group at the end (a province has 1.2 M periods).
 */
class Sources {
  readonly keys: number[] = [];
  readonly periods: number[][] = [];
  add(key: number, period: number): void {
    const index = this.keys.indexOf(key);
    if (index < 0) {
      this.keys.push(key);
      this.periods.push([period]);
    } else (this.periods[index] as number[]).push(period);
  }
}

// keys of the reform and citizens sources (a period's own row: ROW_OF_PERIOD + period)
const FROM_YEAR_ROW = 1;
const FROM_PAR = 2;
const FROM_ASSESSMENT = 3;
const NOT_FACING = 4;
const ROW_OF_PERIOD = 1000;

function scoreByPoints(
  prepared: Prepared,
  work: PersonWork,
  own: OwnScores,
  subordinates: PersonWork[] | null,
  notCompleted: PersonWork[],
): void {
  const { facts } = work;
  const { person } = facts;
  const { params } = prepared;
  const kind = prepared.scenario.periodKind;
  const year = prepared.scenario.year;
  const count = prepared.periodCount;
  const factor = notCompleted.length > 0 ? 0.5 : 1;
  const parIndex = prepared.units.get(person.unitId)?.parIndex ?? null;
  const finalT: number[] = [];
  const periods: PeriodResult[] = [];
  const conductSources = new Sources();
  const reformSources = new Sources();
  const citizenSources = new Sources();
  const sums = { score: 0, tasks: 0, conduct: 0, reform: 0, citizens: 0, T: 0, unit: 0, unitPeriods: 0 };

  for (let p = 1; p <= count; p++) {
    const ownT = own.T[p - 1] as number;
    if (Number.isNaN(ownT)) {
      finalT.push(Number.NaN);
      continue;
    }
    // Leaders: T = ½ × own T + ½ × U × factor, U the mean T of the unit's rated members scored in
    // this period (no such member: T = own T). A member's T is their final period task score (for
    // a member who heads a sub-unit, that includes their own unit half): DOMAIN.md's "period task
    // score" of the member.
    let T = ownT;
    if (subordinates !== null) {
      let sum = 0;
      let n = 0;
      for (const member of subordinates) {
        const memberT = member.periodT?.[p - 1];
        if (memberT !== undefined && !Number.isNaN(memberT)) {
          sum += memberT;
          n += 1;
        }
      }
      if (n > 0) {
        const U = sum / n;
        T = 0.5 * ownT + 0.5 * U * factor;
        sums.unit += U;
        sums.unitPeriods += 1;
      }
    }
    finalT.push(T);
    const A = assessmentFor(facts, p) ?? 0; // every scored period is assessed (checked before)
    const fromPeriod = person.conductByPeriod[PERIOD_KEYS[p] as string] !== undefined;

    // conduct = A − 2 per infraction dated in the period, not below 0 (our default deduction)
    const infractions = facts.infractionsByPeriod?.[p - 1] ?? 0;
    const conduct = Math.max(0, A - 2 * infractions);
    conductSources.add(
      Math.round(A * 100) * 2048 + Math.min(infractions, 1000) * 2 + (fromPeriod ? 1 : 0),
      p,
    );

    // reform: the period's dossier counts, else the year's; else the unit's PAR index ÷ 10; else A
    const dossier: DossierCounts | null = facts.dossierByPeriod?.get(p) ?? facts.dossierYear;
    const processed = dossier ? dossier.early + dossier.onTime + dossier.late : 0;
    let reform: number;
    if (person.dossierHandler && dossier && processed > 0) {
      reform = clamp((10 * (dossier.early + dossier.onTime)) / processed - dossier.apologies, 0, 10);
      reformSources.add(facts.dossierByPeriod?.has(p) ? ROW_OF_PERIOD + p : FROM_YEAR_ROW, p);
    } else if (parIndex !== null) {
      reform = parIndex / 10;
      reformSources.add(FROM_PAR, p);
    } else {
      reform = A;
      reformSources.add(FROM_ASSESSMENT, p);
    }

    // citizens: citizen-facing staff with at least minCitizenVotes votes (the period's, else the
    // year's): 10 × satisfied share; otherwise A
    const votes: VoteCounts | null = facts.votesByPeriod?.get(p) ?? facts.votesYear;
    let citizens: number;
    if (person.citizenFacing && votes && votes.total >= params.minCitizenVotes && votes.total > 0) {
      citizens = (10 * votes.positive) / votes.total;
      citizenSources.add(facts.votesByPeriod?.has(p) ? ROW_OF_PERIOD + p : FROM_YEAR_ROW, p);
    } else {
      citizens = A;
      citizenSources.add(person.citizenFacing ? FROM_ASSESSMENT : NOT_FACING, p);
    }

    const tasks = 70 * T;
    const score = tasks + conduct + reform + citizens;
    sums.score += score;
    sums.tasks += tasks;
    sums.conduct += conduct;
    sums.reform += reform;
    sums.citizens += citizens;
    sums.T += T;
    const line = prepared.periodResults.line(
      p,
      round1(score),
      round1(tasks),
      round1(conduct),
      round1(reform),
      round1(citizens),
    );
    periods.push(line.result);
    if (kind !== 'YEAR') work.trace.push(line);
  }

  const n = periods.length;
  const score = round1(sums.score / n);
  work.periods = periods;
  work.periodT = finalT;
  work.yearTaskScore = sums.T / n;
  work.score = score;
  work.components = {
    tasks: round1(sums.tasks / n),
    conduct: round1(sums.conduct / n),
    reform: round1(sums.reform / n),
    citizens: round1(sums.citizens / n),
  };
  const trace = work.trace;
  const shared = prepared.sharedTrace;

  if (subordinates !== null && sums.unitPeriods > 0) {
    const unitMean = sums.unit / sums.unitPeriods;
    shared.add(trace, RULES.leader, String(round1(70 * work.yearTaskScore)), [
      round1(unitMean * 100),
      notCompleted.map((item) => item.facts.person.name || item.facts.person.id),
    ]);
  }
  // these two lines depend only on the figures in their keys (the kind of period is the evaluation's)
  const tasksPoints = work.components.tasks;
  trace.push(
    shared.keyed(
      `${RULES.tasks}|${tasksPoints}|${n}|${facts.tasks.count}`,
      () => new TraceStep(RULES.tasks, String(tasksPoints), [tasksPoints, kind, n, facts.tasks.count]),
    ),
  );
  // the periods a sentence is about: null when it is about all of them (or the year)
  const scope = (list: number[]): TraceParam =>
    n === list.length || kind === 'YEAR' ? null : scopeOf(kind, year, list);
  conductSources.periods.forEach((list) => {
    const p = list[0] as number;
    const A = assessmentFor(facts, p) ?? 0;
    const infractions = facts.infractionsByPeriod?.[p - 1] ?? 0;
    const own = person.conductByPeriod[PERIOD_KEYS[p] as string] !== undefined && kind !== 'YEAR';
    shared.add(trace, RULES.conduct, String(work.components?.conduct ?? 0), [
      scope(list),
      own ? 1 : 0,
      A,
      infractions,
    ]);
  });
  reformSources.keys.forEach((key, index) => {
    const list = reformSources.periods[index] as number[];
    const p = list[0] as number;
    const effect = String(work.components?.reform ?? 0);
    if (key === FROM_PAR) {
      shared.add(trace, RULES.reformPar, effect, [scope(list), parIndex ?? 0]);
    } else if (key === FROM_ASSESSMENT) {
      shared.add(trace, RULES.reformAssessment, effect, [scope(list), person.dossierHandler ? 1 : 0]);
    } else {
      const dossier = (
        key === FROM_YEAR_ROW ? facts.dossierYear : facts.dossierByPeriod?.get(p)
      ) as DossierCounts;
      const processed = dossier.early + dossier.onTime + dossier.late;
      shared.add(trace, RULES.reformDossiers, effect, [
        scope(list),
        dossier.early + dossier.onTime,
        processed,
        dossier.apologies,
        key === FROM_YEAR_ROW ? 1 : 0,
      ]);
    }
  });
  citizenSources.keys.forEach((key, index) => {
    const list = citizenSources.periods[index] as number[];
    const p = list[0] as number;
    const fromVotes = key === FROM_YEAR_ROW || key > ROW_OF_PERIOD;
    const effect = String(work.components?.citizens ?? 0);
    if (fromVotes) {
      const votes = (key === FROM_YEAR_ROW ? facts.votesYear : facts.votesByPeriod?.get(p)) as VoteCounts;
      shared.add(trace, RULES.citizensVotes, effect, [
        scope(list),
        votes.positive,
        votes.total,
        key === FROM_YEAR_ROW ? 1 : 0,
      ]);
    } else {
      shared.add(trace, RULES.citizensAssessment, effect, [
        scope(list),
        key === FROM_ASSESSMENT ? params.minCitizenVotes : null,
        params.overridden.has('minCitizenVotes') ? 1 : 0,
      ]);
    }
  });
  const proposed = bandOf(score);
  work.proposed = proposed;
  trace.push(
    shared.keyed(`${RULES.band}|${score}|${n}`, () => new TraceStep(RULES.band, proposed, [score, kind, n])),
  );
}

// [kind, year, periods] of the sentences about some periods, kept once per distinct list
const scopes = new Map<string, TraceParam>();
function scopeOf(kind: PeriodKind, year: number, list: number[]): TraceParam {
  const key = `${kind}|${year}|${list.join(',')}`;
  let known = scopes.get(key);
  if (known === undefined) {
    known = Object.freeze([kind, year, Object.freeze(list.slice())]);
    if (scopes.size > 10_000) scopes.clear();
    scopes.set(key, known);
  }
  return known;
}

/**
 * Nghị định 90/2020: excellent = 100% of tasks on time and to quality with at least 50% exceeded;
 * good = 100% on time and to quality; completed = at most 20% behind or below quality; not completed
 * = more than 50%. The law leaves 20–50% unnamed; since it is not "more than 50%", it is read as
 * completed. Leaders need, for excellent, every subordinate completed or better and ≥ 70% good or
 * better; otherwise they are at most good. The criteria are judged over the year (no periods).
 */
function rateByCriteria(
  prepared: Prepared,
  work: PersonWork,
  totals: TaskTotals,
  subordinates: PersonWork[] | null,
): void {
  const exceededShare = totals.exceeded / totals.count;
  const missed = 1 - totals.met / totals.count;
  let rating: Rating;
  if (missed <= 1e-9) rating = exceededShare >= 0.5 - 1e-9 ? 'EXCELLENT' : 'GOOD';
  else if (missed > 0.5 + 1e-9) rating = 'NOT_COMPLETED';
  else rating = 'COMPLETED';
  const percentMissed = Math.round(missed * 1000) / 10;
  work.yearTaskScore = totals.met / totals.count;
  prepared.sharedTrace.add(work.trace, RULES.criteria, rating, [
    percentMissed,
    Math.round(exceededShare * 1000) / 10,
  ]);
  if (rating === 'EXCELLENT' && subordinates && subordinates.length > 0) {
    const completed = subordinates.filter((item) => item.ruled !== 'NOT_COMPLETED').length;
    const good = subordinates.filter((item) => item.ruled === 'GOOD' || item.ruled === 'EXCELLENT').length;
    if (completed < subordinates.length || good < 0.7 * subordinates.length - 1e-9) {
      rating = 'GOOD';
      prepared.sharedTrace.add(work.trace, RULES.criteriaLeader, 'GOOD', [
        good,
        subordinates.length,
        subordinates.length - completed,
      ]);
    }
  }
  work.proposed = rating;
}

/** Lowers the rating to the ceiling a hard rule sets, with its trace; keeps the lowest ceiling. */
function cap(
  prepared: Prepared,
  work: PersonWork,
  ceiling: Rating,
  rule: string,
  citation: string,
  reason: string,
  params: readonly TraceParam[],
): void {
  if (work.ceiling.rule === null || RATING_RANK[ceiling] < RATING_RANK[work.ceiling.rating])
    work.ceiling = { rating: ceiling, rule, citation, reason };
  if (work.rating !== atMost(work.rating, ceiling)) {
    work.rating = ceiling;
    prepared.sharedTrace.add(work.trace, rule, ceiling, params);
  }
}

/**
 * Rules 3.2, 3.3 and 3.5 on the proposal. Each sets a ceiling (kept for final decisions) and, when
 * the proposal is above it, lowers the rating with a trace entry.
 */
function applyHardRules(prepared: Prepared, work: PersonWork, notCompleted: PersonWork[]): void {
  const { facts } = work;
  const { person } = facts;
  const points = prepared.pack.method === 'points';
  // Rule 3.2 — absent 3 to under 6 months: at most completed.
  if (person.monthsAbsent >= 3 && person.monthsAbsent < 6) {
    cap(
      prepared,
      work,
      'COMPLETED',
      RULES.timeAbsence,
      CITE.timeWorked,
      `Nghỉ ${vn(person.monthsAbsent)} tháng trong năm (từ 3 đến dưới 6 tháng): cao nhất là Hoàn thành nhiệm vụ`,
      [person.monthsAbsent],
    );
  }
  // Rule 3.3 — discipline at reprimand or above decided in the year: not completed, once per act.
  // Pack vn-nd335-2025 (Điều 20 k4 c): only a violation concerning the person's duties.
  const decision = facts.countingDiscipline;
  if (decision) {
    cap(
      prepared,
      work,
      'NOT_COMPLETED',
      RULES.discipline,
      points ? CITE.disciplineNd335 : CITE.disciplineNd90,
      `Bị kỷ luật ${disciplineLabel(decision.form)} ngày ${formatDay(decision.decidedOn)}${points ? ' về hành vi liên quan đến thực thi nhiệm vụ, công vụ' : ''}: xếp loại Không hoàn thành nhiệm vụ`,
      [decision.form, decision.decidedOn, points ? 1 : 0],
    );
  } else if (facts.outsideDutiesDiscipline) {
    const outside = facts.outsideDutiesDiscipline;
    prepared.sharedTrace.add(work.trace, RULES.disciplineOutsideDuties, work.rating, [
      outside.form,
      outside.decidedOn,
    ]);
  }
  // Rule 3.3 — Nghị định 335/2025 Điều 20 k4 b: a competent body's conclusion of degeneration. The
  // vn-nd90-2020 pack names no such rule (DOMAIN §3.3 puts it under 335/2025 only).
  if (points && person.degenerationConcluded) {
    cap(
      prepared,
      work,
      'NOT_COMPLETED',
      RULES.degeneration,
      CITE.degeneration,
      'Có kết luận của cấp có thẩm quyền trong năm về suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" hoặc vi phạm trách nhiệm nêu gương: xếp loại Không hoàn thành nhiệm vụ',
      [],
    );
  }
  // Rule 3.5 — seen as a plain member inside a loop of leaders, the corruption rule still applies
  // (it does not depend on the subordinates).
  const ledUnitId = person.leads !== null && prepared.units.has(person.leads) ? person.leads : null;
  if (ledUnitId === null) return;
  const unit = prepared.units.get(ledUnitId);
  if (unit?.corruptionCase) {
    cap(
      prepared,
      work,
      'NOT_COMPLETED',
      RULES.leaderCorruption,
      CITE.leaders,
      `Đơn vị do mình đứng đầu (${unit.name || unit.id}) liên quan trực tiếp đến vụ việc tham nhũng, lãng phí: xếp loại Không hoàn thành nhiệm vụ`,
      [unit.name || unit.id],
    );
  }
  // A leader cannot be above completed when anyone they directly lead is not completed and the
  // unit completes under 50% of its targets: the mean, over the unit's rated members, of their
  // year task score (the mean of their period task scores T) under 0.5.
  const completion = work.unitCompletion;
  if (notCompleted.length > 0 && completion !== null && completion < 0.5) {
    cap(
      prepared,
      work,
      'COMPLETED',
      RULES.leaderUnitResults,
      CITE.leaders,
      `Đơn vị chỉ hoàn thành ${vn(round1(completion * 100))}% chỉ tiêu và có người không hoàn thành nhiệm vụ: người đứng đầu cao nhất là Hoàn thành nhiệm vụ`,
      [round1(completion * 100)],
    );
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
