// Indexes a validated scenario once: every table is read in one pass into per-person facts,
// so each rule afterwards is a lookup (no scans per person). Task results are summed per person
// and per period (Nghị định 335/2025/NĐ-CP Điều 14: công chức are scored each month or quarter).
import { dayFromParts, dayOf } from './dates.ts';
import { type Pack, type PackParameters, packs, resolveParameters } from './packs.ts';
import { PeriodResults } from './period-results.ts';
import { periodTable } from './periods.ts';
import { addTask, emptyTotals, scoreTask, type TaskTotals } from './task-score.ts';
import { SharedTrace } from './trace.ts';
import {
  type BallotRecord,
  type DisciplineRecord,
  type HistoryEntry,
  type InitiativeRecord,
  PERIOD_COUNTS,
  type Scenario,
  type ScenarioPerson,
  type ScenarioTask,
  type ScenarioUnit,
  type Title,
} from './types.ts';

export type DossierCounts = { early: number; onTime: number; late: number; apologies: number };
export type VoteCounts = { positive: number; total: number };

export type PersonFacts = {
  person: ScenarioPerson;
  index: number;
  /** the year's totals (counts, delays, the criteria of Nghị định 90/2020) */
  tasks: TaskTotals;
  /** whole months employed in the year (hired on the 1st counts that month) */
  monthsEmployed: number;
  /** the year's row (a row without `period`), if any */
  dossierYear: DossierCounts | null;
  /** rows for a period, added up per period */
  dossierByPeriod: Map<number, DossierCounts> | null;
  votesYear: VoteCounts | null;
  votesByPeriod: Map<number, VoteCounts> | null;
  /** discipline decided in the year (any form: all are reprimand or above) */
  disciplinedInYear: DisciplineRecord[];
  /** the decision that makes rule 3.3 apply, if any (decided in the year, act not already counted) */
  countingDiscipline: DisciplineRecord | null;
  /** a decision in the year that does not set the rating (335/2025: outside the person's duties) */
  outsideDutiesDiscipline: DisciplineRecord | null;
  infractionsInYear: number;
  /** infractions per period (index period − 1); null when none */
  infractionsByPeriod: Uint16Array | null;
  initiatives: InitiativeRecord[];
  /** the person's past years, one entry a year (read with historyIn) */
  history: readonly HistoryEntry[];
  ballots: Map<Title, BallotRecord>;
  /** the quota group: the person's quotaGroup, else their unit (rule 3.4) */
  group: string;
};

export type Prepared = {
  scenario: Scenario;
  pack: Pack;
  params: PackParameters & { overridden: Set<string> };
  yearStart: number;
  yearEnd: number;
  /** periods in the year (1 YEAR, 4 QUARTER, 12 MONTH) */
  periodCount: number;
  /** per person and period (index person.index × periodCount + period − 1): Σ w and Σ w·score */
  periodWeights: Float64Array;
  periodWeighted: Float64Array;
  units: Map<string, ScenarioUnit>;
  facts: PersonFacts[];
  byId: Map<string, PersonFacts>;
  /** people whose unitId is the unit, in input order */
  members: Map<string, PersonFacts[]>;
  /** the evaluation's trace lines, each distinct line kept once */
  sharedTrace: SharedTrace;
  /** the evaluation's period results, each distinct result kept once */
  periodResults: PeriodResults;
};

// shared by the people without ballots (most of a province): never written to
const NO_BALLOTS: Map<Title, BallotRecord> = new Map();

export function prepare(scenario: Scenario): Prepared {
  const pack = packs[scenario.pack];
  const params = resolveParameters(pack, scenario.overrides);
  const year = scenario.year;
  const yearStart = dayFromParts(year, 1, 1);
  const yearEnd = dayFromParts(year, 12, 31);
  const units = new Map(scenario.units.map((unit) => [unit.id, unit]));
  const kind = scenario.periodKind ?? 'YEAR';
  const periodCount = PERIOD_COUNTS[kind];

  const facts: PersonFacts[] = [];
  const byId = new Map<string, PersonFacts>();
  const members = new Map<string, PersonFacts[]>();
  for (const unit of scenario.units) members.set(unit.id, []);
  scenario.people.forEach((person, index) => {
    const entry: PersonFacts = {
      person,
      index,
      tasks: emptyTotals(),
      monthsEmployed: monthsEmployed(person.hiredOn, year),
      dossierYear: null,
      dossierByPeriod: null,
      votesYear: null,
      votesByPeriod: null,
      disciplinedInYear: [],
      countingDiscipline: null,
      outsideDutiesDiscipline: null,
      infractionsInYear: 0,
      infractionsByPeriod: null,
      initiatives: [],
      history: person.history,
      ballots: NO_BALLOTS,
      group: person.quotaGroup ?? person.unitId,
    };
    facts.push(entry);
    byId.set(person.id, entry);
    members.get(person.unitId)?.push(entry);
  });

  // A person's rows usually come one after another (a province's 4.8 M tasks in runs of 48): the
  // owner of the previous row is kept, so a run costs one lookup by id instead of one a row.
  let lastId: string | undefined;
  let lastOwner: PersonFacts | undefined;
  const ownerOf = (personId: string): PersonFacts | undefined => {
    if (personId !== lastId) {
      lastId = personId;
      lastOwner = byId.get(personId);
    }
    return lastOwner;
  };

  const periodOf = periodTable(year, kind);
  const periodWeights = new Float64Array(facts.length * periodCount);
  const periodWeighted = new Float64Array(facts.length * periodCount);
  // indexed loops over the bulk tables (millions of rows): no iterator per row
  const tasks = scenario.tasks;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i] as ScenarioTask;
    const owner = ownerOf(task.personId);
    if (!owner) continue;
    const dueDay = dayOf(task.due);
    const outcome = scoreTask(task, dueDay, task.completed === null ? null : dayOf(task.completed), yearEnd);
    addTask(owner.tasks, outcome, task.weight);
    const period = task.period !== undefined && task.period !== null ? task.period : periodOf(dueDay);
    const slot = owner.index * periodCount + period - 1;
    periodWeights[slot] = (periodWeights[slot] ?? 0) + task.weight;
    periodWeighted[slot] = (periodWeighted[slot] ?? 0) + task.weight * outcome.score;
  }
  for (const row of scenario.dossiers) {
    const owner = ownerOf(row.personId);
    if (!owner) continue;
    let sum: DossierCounts;
    if (row.period === null) {
      sum = owner.dossierYear ?? { early: 0, onTime: 0, late: 0, apologies: 0 };
      owner.dossierYear = sum;
    } else {
      owner.dossierByPeriod ??= new Map();
      sum = owner.dossierByPeriod.get(row.period) ?? { early: 0, onTime: 0, late: 0, apologies: 0 };
      owner.dossierByPeriod.set(row.period, sum);
    }
    sum.early += row.early;
    sum.onTime += row.onTime;
    sum.late += row.late;
    sum.apologies += row.apologies;
  }
  for (const row of scenario.citizenVotes) {
    const owner = ownerOf(row.personId);
    if (!owner) continue;
    let sum: VoteCounts;
    if (row.period === null) {
      sum = owner.votesYear ?? { positive: 0, total: 0 };
      owner.votesYear = sum;
    } else {
      owner.votesByPeriod ??= new Map();
      sum = owner.votesByPeriod.get(row.period) ?? { positive: 0, total: 0 };
      owner.votesByPeriod.set(row.period, sum);
    }
    sum.positive += row.verySatisfied + row.satisfied;
    sum.total += row.verySatisfied + row.satisfied + row.dissatisfied;
  }
  const pointsPack = pack.method === 'points';
  for (const decision of scenario.discipline) {
    const owner = ownerOf(decision.personId);
    if (!owner) continue;
    const day = dayOf(decision.decidedOn);
    if (day < yearStart || day > yearEnd) continue;
    owner.disciplinedInYear.push(decision);
    // the same act counts in one year only: a decision whose act already made an earlier year
    // "not completed" does not count again
    const alreadyCounted = decision.alreadyCountedInYear !== null && decision.alreadyCountedInYear !== year;
    if (alreadyCounted) continue;
    // Nghị định 335/2025 Điều 20 k4 c: only a violation concerning the person's public duties sets
    // the rating; Nghị định 48/2023 (pack vn-nd90-2020): any decision does
    if (pointsPack && !decision.concernsDuties) {
      owner.outsideDutiesDiscipline ??= decision;
      continue;
    }
    if (owner.countingDiscipline === null) owner.countingDiscipline = decision;
  }
  for (const infraction of scenario.infractions) {
    const owner = ownerOf(infraction.personId);
    if (!owner) continue;
    const day = dayOf(infraction.on);
    if (day < yearStart || day > yearEnd) continue;
    owner.infractionsInYear += 1;
    owner.infractionsByPeriod ??= new Uint16Array(periodCount);
    const period = periodOf(day);
    owner.infractionsByPeriod[period - 1] = (owner.infractionsByPeriod[period - 1] ?? 0) + 1;
  }
  for (const initiative of scenario.initiatives) ownerOf(initiative.personId)?.initiatives.push(initiative);
  for (const ballot of scenario.ballots) {
    const owner = ownerOf(ballot.personId);
    if (!owner) continue;
    if (owner.ballots === NO_BALLOTS) owner.ballots = new Map();
    owner.ballots.set(ballot.title, ballot);
  }

  return {
    scenario,
    pack,
    params,
    yearStart,
    yearEnd,
    periodCount,
    periodWeights,
    periodWeighted,
    units,
    facts,
    byId,
    members,
    sharedTrace: new SharedTrace(),
    periodResults: new PeriodResults(kind, year),
  };
}

/**
 * The person's entry for a past year, if any. A history holds a few years, each once (validation
 * refuses a repeated year; were one given anyway, the last entry counts, as a map by year would
 * keep): a scan, instead of a map for each of a province's 100,000 people.
 */
export function historyIn(facts: PersonFacts, year: number): HistoryEntry | undefined {
  const history = facts.history;
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i] as HistoryEntry;
    if (entry.year === year) return entry;
  }
  return undefined;
}

/**
 * Whole months employed in the year, judged at 31 December: hired before the year → 12; hired on the
 * first day of a month → that month counts; hired later in a month → from the next month.
 * (SCENARIO.md: "employed for under 6 whole months of the year (hired after 1 July)".)
 */
export function monthsEmployed(hiredOn: string, year: number): number {
  const hiredYear = Number(hiredOn.slice(0, 4));
  if (hiredYear < year) return 12;
  if (hiredYear > year) return 0;
  const month = Number(hiredOn.slice(5, 7));
  const day = Number(hiredOn.slice(8, 10));
  return day === 1 ? 13 - month : 12 - month;
}
