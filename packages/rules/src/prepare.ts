// Indexes a validated scenario once: every table is read in one pass into per-person facts,
// so each rule afterwards is a lookup (no scans per person).
import { dayFromParts, dayOf } from './dates.ts';
import { type Pack, type PackParameters, packs, resolveParameters } from './packs.ts';
import { addTask, emptyTotals, scoreTask, type TaskTotals } from './task-score.ts';
import type {
  BallotRecord,
  DisciplineRecord,
  HistoryEntry,
  InitiativeRecord,
  Scenario,
  ScenarioPerson,
  ScenarioUnit,
  Title,
} from './types.ts';

export type PersonFacts = {
  person: ScenarioPerson;
  index: number;
  tasks: TaskTotals;
  /** whole months employed in the year (hired on the 1st counts that month) */
  monthsEmployed: number;
  dossier: { early: number; onTime: number; late: number; apologies: number } | null;
  votes: { positive: number; total: number } | null;
  /** discipline decided in the year (any form: all are reprimand or above) */
  disciplinedInYear: DisciplineRecord[];
  /** the decision that makes rule 3.3 apply, if any (decided in the year, act not already counted) */
  countingDiscipline: DisciplineRecord | null;
  infractionsInYear: number;
  initiatives: InitiativeRecord[];
  history: Map<number, HistoryEntry>;
  ballots: Map<Title, BallotRecord>;
};

export type Prepared = {
  scenario: Scenario;
  pack: Pack;
  params: PackParameters & { overridden: Set<string> };
  yearStart: number;
  yearEnd: number;
  units: Map<string, ScenarioUnit>;
  facts: PersonFacts[];
  byId: Map<string, PersonFacts>;
  /** people whose unitId is the unit, in input order */
  members: Map<string, PersonFacts[]>;
};

export function prepare(scenario: Scenario): Prepared {
  const pack = packs[scenario.pack];
  const params = resolveParameters(pack, scenario.overrides);
  const year = scenario.year;
  const yearStart = dayFromParts(year, 1, 1);
  const yearEnd = dayFromParts(year, 12, 31);
  const units = new Map(scenario.units.map((unit) => [unit.id, unit]));

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
      dossier: null,
      votes: null,
      disciplinedInYear: [],
      countingDiscipline: null,
      infractionsInYear: 0,
      initiatives: [],
      history: new Map(person.history.map((item) => [item.year, item])),
      ballots: new Map(),
    };
    facts.push(entry);
    byId.set(person.id, entry);
    members.get(person.unitId)?.push(entry);
  });

  for (const task of scenario.tasks) {
    const owner = byId.get(task.personId);
    if (!owner) continue;
    const outcome = scoreTask(
      task,
      dayOf(task.due),
      task.completed === null ? null : dayOf(task.completed),
      yearEnd,
    );
    addTask(owner.tasks, outcome, task.weight);
  }
  for (const dossier of scenario.dossiers) {
    const owner = byId.get(dossier.personId);
    if (!owner) continue;
    const sum = owner.dossier ?? { early: 0, onTime: 0, late: 0, apologies: 0 };
    sum.early += dossier.early;
    sum.onTime += dossier.onTime;
    sum.late += dossier.late;
    sum.apologies += dossier.apologies;
    owner.dossier = sum;
  }
  for (const vote of scenario.citizenVotes) {
    const owner = byId.get(vote.personId);
    if (!owner) continue;
    const sum = owner.votes ?? { positive: 0, total: 0 };
    sum.positive += vote.verySatisfied + vote.satisfied;
    sum.total += vote.verySatisfied + vote.satisfied + vote.dissatisfied;
    owner.votes = sum;
  }
  for (const decision of scenario.discipline) {
    const owner = byId.get(decision.personId);
    if (!owner) continue;
    const day = dayOf(decision.decidedOn);
    if (day < yearStart || day > yearEnd) continue;
    owner.disciplinedInYear.push(decision);
    // the same act counts in one year only (Nghị định 48/2023): a decision whose act already
    // made an earlier year "not completed" does not count again
    const alreadyCounted = decision.alreadyCountedInYear !== null && decision.alreadyCountedInYear !== year;
    if (!alreadyCounted && owner.countingDiscipline === null) owner.countingDiscipline = decision;
  }
  for (const infraction of scenario.infractions) {
    const owner = byId.get(infraction.personId);
    if (!owner) continue;
    const day = dayOf(infraction.on);
    if (day >= yearStart && day <= yearEnd) owner.infractionsInYear += 1;
  }
  for (const initiative of scenario.initiatives) byId.get(initiative.personId)?.initiatives.push(initiative);
  for (const ballot of scenario.ballots) byId.get(ballot.personId)?.ballots.set(ballot.title, ballot);

  return { scenario, pack, params, yearStart, yearEnd, units, facts, byId, members };
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
