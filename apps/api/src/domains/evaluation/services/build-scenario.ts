import type { Cycle, Prisma } from '@cadre/db';
import type { ScenarioInput } from '../../../rules/scenario.ts';
import { descendantIds, type UnitTree } from '../../../scope/unit-tree.ts';

const personalTitles = new Set<string>(['LDTT', 'CSTDCS', 'CSTD_TINH', 'CSTD_TOAN_QUOC', 'BANG_KHEN']);
function isPersonalTitle(title: string): title is ScenarioInput['ballots'][number]['title'] {
  return personalTitles.has(title);
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

type ScenarioTask = ScenarioInput['tasks'][number];

/**
 * The cycle's tasks of the people in scope, already in the scenario's shape. Tasks are most of the
 * evidence (12 a person, over a million rows in a province), so they are read with one narrow
 * statement — only the columns the engine uses, dates as text, no sort — instead of whole Prisma
 * rows mapped twice: at 100,000 people that is 3.2 s instead of 5.8 s, and a third less memory.
 */
function readTasks(
  tx: Prisma.TransactionClient,
  cycleId: string,
  unitIds: readonly string[],
  personIds: readonly string[] | undefined,
): Promise<ScenarioTask[]> {
  const onlyPeople = personIds ? `AND p.id IN (SELECT jsonb_array_elements_text($3::jsonb))` : '';
  return tx.$queryRawUnsafe<ScenarioTask[]>(
    `SELECT t.id, t."personId", t.weight,
       to_char(t."dueOn", 'YYYY-MM-DD') AS due, t.period, to_char(t."completedOn", 'YYYY-MM-DD') AS completed,
       t.planned, t.actual, t."majorErrors", t.delays, t.excused
     FROM "Task" t JOIN "Person" p ON p.id = t."personId"
     WHERE t."cycleId" = $1 AND p.active
       AND p."unitId" IN (SELECT jsonb_array_elements_text($2::jsonb)) ${onlyPeople}`,
    cycleId,
    JSON.stringify(unitIds),
    ...(personIds ? [JSON.stringify(personIds)] : []),
  );
}

/** The scope's units as the scenario lists them, and the cycle's overrides: the same for every chunk of a run. */
export type ScopeUnits = {
  unitIds: string[];
  /** corruptionCase here is the units' year statistics only; buildScenario adds the leaders' circumstances */
  units: ScenarioInput['units'];
  overrides: ScenarioInput['overrides'];
};

/** Reads the units of the cycle's scope, their year statistics and the recorded quota exceptions. */
export async function readScopeUnits(options: {
  tx: Prisma.TransactionClient;
  cycle: Cycle;
  tree: UnitTree;
}): Promise<ScopeUnits> {
  const { tx, cycle } = options;
  // the units in force in the cycle's year (DOMAIN.md §8): a unit closed by a merger before the
  // year began, or opened after it ended, has no quota, rank or collective title that year
  const inForce = {
    AND: [
      { OR: [{ validTo: null }, { validTo: { gte: new Date(Date.UTC(cycle.year, 0, 1)) } }] },
      { OR: [{ validFrom: null }, { validFrom: { lte: new Date(Date.UTC(cycle.year, 11, 31)) } }] },
    ],
  } satisfies Prisma.UnitWhereInput;
  const treeIds = descendantIds(options.tree, cycle.scopeUnitId);
  const [units, unitStats, quotaExceptions] = await Promise.all([
    tx.unit.findMany({
      where: { id: { in: treeIds }, ...inForce },
      select: { id: true, name: true, parentId: true, code: true, block: { select: { code: true } } },
      orderBy: { code: 'asc' },
    }),
    tx.unitYearStat.findMany({ where: { cycleId: cycle.id, unitId: { in: treeIds } } }),
    tx.quotaException.findMany({ where: { cycleId: cycle.id, unitId: { in: treeIds } } }),
  ]);
  const unitSet = new Set(units.map((unit) => unit.id));
  const unitIds = treeIds.filter((id) => unitSet.has(id));
  const statsByUnit = new Map(unitStats.map((stat) => [stat.unitId, stat]));
  return {
    unitIds,
    units: units.map((unit) => {
      const stat = statsByUnit.get(unit.id);
      return {
        id: unit.id,
        name: unit.name,
        parentId: unit.parentId && unitSet.has(unit.parentId) ? unit.parentId : null,
        block: unit.block?.code ?? null,
        parIndex: stat?.parIndex ?? null,
        satisfactionIndex: stat?.satisfactionIndex ?? null,
        corruptionCase: stat?.corruptionCase ?? false,
      };
    }),
    overrides: {
      ...((cycle.overrides ?? {}) as ScenarioInput['overrides']),
      ...(quotaExceptions.length > 0
        ? {
            quotaExceptions: quotaExceptions.map((row) => ({
              unitId: row.unitId,
              percent: row.percent,
              decision: row.decisionNumber,
            })),
          }
        : {}),
    },
  };
}

/**
 * Reads everything the engine needs for a cycle in a fixed number of set-based queries (one per
 * table, filtered by the cycle or by the units in its scope: never per person) and maps the rows to
 * the scenario contract. `personIds` narrows the people (for checking one decision); `unitIds`
 * narrows them to the people of those units (a chunk of a run), while the scenario still lists
 * every unit of the scope, so that references to units (parents, leaders' units, quota
 * exceptions) stay valid. `scope` is the scope's units when already read.
 */
export async function buildScenario(options: {
  tx: Prisma.TransactionClient;
  cycle: Cycle;
  tree: UnitTree;
  personIds?: readonly string[];
  unitIds?: readonly string[];
  scope?: ScopeUnits;
}): Promise<{ scenario: ScenarioInput; personUnit: Map<string, string> }> {
  const { tx, cycle } = options;
  const peopleUnitIds =
    options.unitIds ?? options.scope?.unitIds ?? descendantIds(options.tree, cycle.scopeUnitId);
  const inScope = { unitId: { in: [...peopleUnitIds] }, active: true } satisfies Prisma.PersonWhereInput;
  const personWhere: Prisma.PersonWhereInput = options.personIds
    ? { ...inScope, id: { in: [...options.personIds] } }
    : inScope;
  const byPerson = { person: personWhere };
  const yearEnd = new Date(Date.UTC(cycle.year, 11, 31));

  const [
    scope,
    people,
    circumstances,
    history,
    tasks,
    dossiers,
    votes,
    discipline,
    infractions,
    initiatives,
    assessments,
    ballots,
    periodAssessments,
    degenerations,
  ] = await Promise.all([
    options.scope ?? readScopeUnits({ tx, cycle, tree: options.tree }),
    tx.person.findMany({
      where: personWhere,
      select: {
        id: true,
        fullName: true,
        unitId: true,
        category: true,
        leadsUnitId: true,
        hiredOn: true,
        retirementOn: true,
        sensitiveSector: true,
        sensitiveSince: true,
        citizenFacing: true,
        dossierHandler: true,
        quotaGroup: true,
      },
      orderBy: { code: 'asc' },
    }),
    tx.personCircumstance.findMany({ where: { cycleId: cycle.id, ...byPerson } }),
    tx.ratingHistory.findMany({
      where: { year: { lt: cycle.year }, ...byPerson },
      select: { personId: true, year: true, rating: true, titles: true },
      orderBy: { year: 'asc' },
    }),
    readTasks(tx, cycle.id, peopleUnitIds, options.personIds),
    tx.dossierStat.findMany({ where: { cycleId: cycle.id, ...byPerson } }),
    tx.citizenVote.findMany({ where: { cycleId: cycle.id, ...byPerson } }),
    // ties broken by id so that the same evidence is listed in the same order however the people
    // are grouped into reads
    tx.disciplineDecision.findMany({
      where: { decidedOn: { lte: yearEnd }, ...byPerson },
      orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }],
    }),
    tx.infraction.findMany({
      where: { cycleId: cycle.id, ...byPerson },
      orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
    }),
    tx.initiative.findMany({
      where: { recognizedOn: { lte: yearEnd }, ...byPerson },
      orderBy: [{ recognizedOn: 'asc' }, { id: 'asc' }],
    }),
    tx.headAssessment.findMany({ where: { cycleId: cycle.id, ...byPerson } }),
    tx.ballot.findMany({
      where: { status: 'CLOSED', proposal: { cycleId: cycle.id, person: personWhere } },
      select: { forCount: true, members: true, proposal: { select: { personId: true, title: true } } },
    }),
    tx.periodAssessment.findMany({
      where: { cycleId: cycle.id, ...byPerson },
      select: { personId: true, period: true, conductAssessment: true },
    }),
    tx.degenerationConclusion.findMany({
      where: { decidedOn: { gte: new Date(Date.UTC(cycle.year, 0, 1)), lte: yearEnd }, ...byPerson },
      select: { personId: true },
    }),
  ]);

  const unitSet = new Set(scope.unitIds);
  // a unit is in a corruption case when its year stats say so or its leader's circumstances do
  // (a leader is always read with the unit they lead: a chunk of a run holds both)
  const leaderOf = new Map(
    people.filter((person) => person.leadsUnitId).map((person) => [person.id, person.leadsUnitId]),
  );
  const corruptByLeader = new Set<string>();
  for (const row of circumstances) {
    const led = leaderOf.get(row.personId);
    if (row.unitCorruptionCase && led) corruptByLeader.add(led);
  }
  const circumstanceBy = new Map(circumstances.map((row) => [row.personId, row]));
  const assessmentBy = new Map(assessments.map((row) => [row.personId, row.conductAssessment]));
  const historyBy = new Map<string, ScenarioInput['people'][number]['history']>();
  for (const row of history) {
    const list = historyBy.get(row.personId) ?? [];
    list.push({ year: row.year, rating: row.rating, titles: row.titles });
    historyBy.set(row.personId, list);
  }
  // the head's assessment of each period (period 1..n), keyed as the scenario keys them
  const conductByPeriodOf = new Map<string, Record<string, number>>();
  for (const row of periodAssessments) {
    const byPeriod = conductByPeriodOf.get(row.personId) ?? {};
    byPeriod[String(row.period)] = row.conductAssessment;
    conductByPeriodOf.set(row.personId, byPeriod);
  }
  const degenerated = new Set(degenerations.map((row) => row.personId));
  // votes of a person in a period summed over their sources; period 0 holds the year's counts
  const votesBy = new Map<string, ScenarioInput['citizenVotes'][number]>();
  for (const row of votes) {
    const key = `${row.personId}|${row.period}`;
    const sum = votesBy.get(key) ?? {
      personId: row.personId,
      ...(row.period > 0 ? { period: row.period } : {}),
      verySatisfied: 0,
      satisfied: 0,
      dissatisfied: 0,
    };
    sum.verySatisfied += row.verySatisfied;
    sum.satisfied += row.satisfied;
    sum.dissatisfied += row.dissatisfied;
    votesBy.set(key, sum);
  }

  const scenario: ScenarioInput = {
    year: cycle.year,
    pack: cycle.packId as ScenarioInput['pack'], // parseScenario refuses an unknown pack
    periodKind: cycle.periodKind,
    overrides: scope.overrides,
    units: scope.units.map((unit) =>
      corruptByLeader.has(unit.id) && !unit.corruptionCase ? { ...unit, corruptionCase: true } : unit,
    ),
    people: people.map((person) => {
      const circumstance = circumstanceBy.get(person.id);
      return {
        id: person.id,
        name: person.fullName,
        unitId: person.unitId,
        category: person.category,
        leads: person.leadsUnitId && unitSet.has(person.leadsUnitId) ? person.leadsUnitId : null,
        hiredOn: day(person.hiredOn),
        monthsAbsent: circumstance?.monthsAbsent ?? 0,
        maternityLeave: circumstance?.maternityLeave ?? false,
        pregnantOrChildUnder36Months: circumstance?.pregnantOrChildUnder36Months ?? false,
        retirementOn: person.retirementOn ? day(person.retirementOn) : null,
        pendingProceedings: circumstance?.pendingProceedings ?? false,
        sensitivePosition:
          person.sensitiveSector && person.sensitiveSince
            ? { sector: person.sensitiveSector, since: day(person.sensitiveSince) }
            : null,
        citizenFacing: person.citizenFacing,
        dossierHandler: person.dossierHandler,
        // none recorded stays absent: the engine reports the person awaiting it (never read as 10)
        conductAssessment: assessmentBy.get(person.id) ?? null,
        ...(conductByPeriodOf.has(person.id) ? { conductByPeriod: conductByPeriodOf.get(person.id) } : {}),
        ...(person.quotaGroup ? { quotaGroup: person.quotaGroup } : {}),
        ...(degenerated.has(person.id) ? { degenerationConcluded: true } : {}),
        history: historyBy.get(person.id) ?? [],
        seriouslyIll: circumstance?.seriouslyIll ?? false,
        studyLeave: circumstance?.studyLeave12Months ?? false,
        seconded: circumstance?.seconded ?? false,
      };
    }),
    tasks,
    dossiers: dossiers.map((row) => ({
      personId: row.personId,
      ...(row.period > 0 ? { period: row.period } : {}),
      received: row.received,
      early: row.early,
      onTime: row.onTime,
      late: row.late,
      apologies: row.apologies,
    })),
    citizenVotes: [...votesBy.values()],
    discipline: discipline.map((row) => ({
      personId: row.personId,
      form: row.form,
      decidedOn: day(row.decidedOn),
      actYear: row.actYear,
      concernsDuties: row.concernsDuties,
      alreadyCountedInYear: row.alreadyCountedInYear,
    })),
    infractions: infractions.map((row) => ({
      personId: row.personId,
      kind: row.kind,
      on: day(row.occurredOn),
    })),
    initiatives: initiatives.map((row) => ({
      personId: row.personId,
      scope: row.scope,
      recognizedOn: day(row.recognizedOn),
      kind: row.kind,
    })),
    ballots: ballots.flatMap((ballot) =>
      ballot.proposal.personId && ballot.forCount !== null && isPersonalTitle(ballot.proposal.title)
        ? [
            {
              personId: ballot.proposal.personId,
              title: ballot.proposal.title,
              for: ballot.forCount,
              members: ballot.members,
            },
          ]
        : [],
    ),
  };
  return { scenario, personUnit: new Map(people.map((person) => [person.id, person.unitId])) };
}
