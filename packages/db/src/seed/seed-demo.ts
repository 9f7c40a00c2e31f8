// The demo province: about 600 people in 79 units with three years of rating history and a
// full year (2026) of evidence, plus the demo accounts of shared/contract/API.md.
// Deterministic: the same seed gives the same units, people, ids and evidence on every run.
// Each section is built in demo/; buildDemoData calls them in the order they draw their numbers.
import { createSfc32, createTickIdFactory } from '@cadre/fixtures';
import type { Database } from '../client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { buildAccounts } from './demo/accounts.ts';
import { buildAssessments } from './demo/assessments.ts';
import { buildCatalogue } from './demo/catalogue.ts';
import { buildCircumstances } from './demo/circumstances.ts';
import { buildCitizenVotes } from './demo/citizen-votes.ts';
import { buildCycle } from './demo/cycle.ts';
import { buildDegenerations } from './demo/degenerations.ts';
import { buildDiscipline } from './demo/discipline.ts';
import { buildDossierStats } from './demo/dossiers.ts';
import { buildHistory } from './demo/history.ts';
import { buildInfractions } from './demo/infractions.ts';
import { buildInitiatives } from './demo/initiatives.ts';
import { buildPeople } from './demo/people.ts';
import { createPeoplePicker } from './demo/pick-people.ts';
import { buildSelfAssessments } from './demo/self-assessments.ts';
import type { Draw } from './demo/shared.ts';
import { buildTasks } from './demo/tasks.ts';
import { transferPerson } from './demo/transfer.ts';
import { sizeUnits } from './demo/unit-sizes.ts';
import { buildUnitStats } from './demo/unit-stats.ts';
import { buildUnits } from './demo/units.ts';
import { insertRows } from './insert-rows.ts';

export { demoCycleYear, transfer, uniformAssessmentUnit } from './demo/shared.ts';

export type SeedDemoOptions = {
  /** password of every demo account (DEMO_PASSWORD, default `demo`) */
  password: string;
  /** generator seed; the same seed gives the same province */
  seed?: number;
  /** number of people, default 600 */
  people?: number;
};

export type SeedSummary = {
  units: number;
  people: number;
  users: number;
  tasks: number;
  ratingHistory: number;
  dossierStats: number;
  citizenVotes: number;
  disciplineDecisions: number;
  infractions: number;
  initiatives: number;
  circumstances: number;
  headAssessments: number;
  selfAssessments: number;
  products: number;
  periodAssessments: number;
  periodClosures: number;
  cycleId: string;
  durationMs: number;
};

export const demoAccounts = ['admin', 'officer', 'head', 'council', 'staff'] as const;

const defaultSeed = 20_261_122;
const seedLockKey = 72_707_370;

export type DemoData = {
  blocks: Prisma.EmulationBlockCreateManyInput[];
  units: (Prisma.UnitCreateManyInput & { id: string })[];
  people: Prisma.PersonCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  council: Prisma.CouncilCreateManyInput;
  councilMembers: Prisma.CouncilMemberCreateManyInput[];
  history: Prisma.RatingHistoryCreateManyInput[];
  cycle: Prisma.CycleCreateManyInput & { id: string };
  deadlines: Prisma.CycleDeadlineCreateManyInput[];
  transitions: Prisma.CycleTransitionCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  unitStats: Prisma.UnitYearStatCreateManyInput[];
  dossierStats: Prisma.DossierStatCreateManyInput[];
  citizenVotes: Prisma.CitizenVoteCreateManyInput[];
  discipline: Prisma.DisciplineDecisionCreateManyInput[];
  infractions: Prisma.InfractionCreateManyInput[];
  initiatives: Prisma.InitiativeCreateManyInput[];
  circumstances: Prisma.PersonCircumstanceCreateManyInput[];
  headAssessments: Prisma.HeadAssessmentCreateManyInput[];
  selfAssessments: Prisma.SelfAssessmentCreateManyInput[];
  successions: Prisma.UnitSuccessionCreateManyInput[];
  jobPositions: Prisma.JobPositionCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  periodAssessments: Prisma.PeriodAssessmentCreateManyInput[];
  periodClosures: Prisma.PeriodClosureCreateManyInput[];
  degenerations: Prisma.DegenerationConclusionCreateManyInput[];
};

/** Builds the whole demo province in memory (no I/O apart from hashing passwords). */
export async function buildDemoData(options: SeedDemoOptions): Promise<DemoData> {
  const seed = options.seed ?? defaultSeed;
  const draw: Draw = { random: createSfc32(seed), newId: createTickIdFactory(createSfc32(seed ^ 0x5eed)) };
  const { tree, blocks, units, successions } = buildUnits(draw);
  const sizes = sizeUnits(draw, tree, options.people ?? 600);
  const staff = buildPeople(draw, tree, sizes);
  const accounts = await buildAccounts(draw, tree, staff, options.password);
  // people whose story the demo accounts tell: left out of the random misfortunes below
  const picker = createPeoplePicker(draw.random, staff.drafts, [
    accounts.staffPerson,
    accounts.headPerson,
    accounts.officerPerson,
    ...accounts.councilPeople,
  ]);
  const { discipline, disciplinedYears } = buildDiscipline(draw, picker);
  const history = buildHistory(draw, tree, staff, picker, disciplinedYears);
  const initiatives = buildInitiatives(draw, picker, history);
  const { cycle, deadlines, transitions } = buildCycle(draw, tree, accounts.userId('officer'));
  const circumstances = buildCircumstances(draw, staff, picker, cycle.id);
  const catalogue = buildCatalogue(draw, staff, cycle.id);
  const moved = transferPerson(tree, staff, picker);
  const tasks = buildTasks(draw, tree, staff, catalogue, moved, cycle.id);
  const dossierStats = buildDossierStats(draw, staff, cycle.id);
  const citizenVotes = buildCitizenVotes(draw, staff, cycle.id);
  const unitStats = buildUnitStats(draw, tree, staff, cycle.id);
  const infractions = buildInfractions(draw, picker, cycle.id);
  const assessments = buildAssessments(draw, tree, staff, accounts, moved, cycle.id);
  const degenerations = buildDegenerations(draw, picker);
  const selfAssessments = buildSelfAssessments(draw, staff, accounts.staffPerson, cycle.id);

  return {
    blocks,
    units,
    people: staff.drafts.map((d) => d.row),
    users: accounts.users,
    council: accounts.council,
    councilMembers: accounts.councilMembers,
    history: history.history,
    cycle,
    deadlines,
    transitions,
    tasks,
    unitStats,
    dossierStats,
    citizenVotes,
    discipline,
    infractions,
    initiatives,
    circumstances,
    headAssessments: assessments.headAssessments,
    selfAssessments,
    successions,
    jobPositions: catalogue.jobPositions,
    products: catalogue.products,
    periodAssessments: assessments.periodAssessments,
    periodClosures: assessments.periodClosures,
    degenerations,
  };
}

type RawClient = Pick<Database['prisma'], '$queryRawUnsafe' | '$executeRawUnsafe'>;

async function insertDemoData(tx: RawClient, data: DemoData): Promise<void> {
  // parents before children: the foreign keys are checked row by row
  const tables: [string, readonly object[]][] = [
    ['EmulationBlock', data.blocks],
    ['Unit', data.units],
    ['UnitSuccession', data.successions],
    ['JobPosition', data.jobPositions],
    ['Person', data.people],
    ['User', data.users],
    ['Council', [data.council]],
    ['CouncilMember', data.councilMembers],
    ['RatingHistory', data.history],
    ['Cycle', [data.cycle]],
    ['Product', data.products],
    ['CycleDeadline', data.deadlines],
    ['CycleTransition', data.transitions],
    ['Task', data.tasks],
    ['UnitYearStat', data.unitStats],
    ['DossierStat', data.dossierStats],
    ['CitizenVote', data.citizenVotes],
    ['DisciplineDecision', data.discipline],
    ['Infraction', data.infractions],
    ['Initiative', data.initiatives],
    ['PersonCircumstance', data.circumstances],
    ['HeadAssessment', data.headAssessments],
    ['SelfAssessment', data.selfAssessments],
    ['PeriodAssessment', data.periodAssessments],
    ['PeriodClosure', data.periodClosures],
    ['DegenerationConclusion', data.degenerations],
  ];
  for (const [table, rows] of tables) await insertRows(tx, table, rows);
}

function summarize(data: DemoData, durationMs: number): SeedSummary {
  return {
    units: data.units.length,
    people: data.people.length,
    users: data.users.length,
    tasks: data.tasks.length,
    ratingHistory: data.history.length,
    dossierStats: data.dossierStats.length,
    citizenVotes: data.citizenVotes.length,
    disciplineDecisions: data.discipline.length,
    infractions: data.infractions.length,
    initiatives: data.initiatives.length,
    circumstances: data.circumstances.length,
    headAssessments: data.headAssessments.length,
    selfAssessments: data.selfAssessments.length,
    products: data.products.length,
    periodAssessments: data.periodAssessments.length,
    periodClosures: data.periodClosures.length,
    cycleId: data.cycle.id,
    durationMs,
  };
}

async function seedInTransaction(
  db: Database,
  options: SeedDemoOptions,
  whenNotEmpty: 'throw' | 'skip',
): Promise<SeedSummary | null> {
  const started = performance.now();
  const data = await buildDemoData(options);
  const inserted = await db.prisma.$transaction(
    async (tx) => {
      // two processes starting on one empty PostgreSQL database must not both seed it
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${seedLockKey})`);
      if ((await tx.unit.count()) > 0) {
        if (whenNotEmpty === 'skip') return false;
        throw new Error('the demo province needs an empty database: units already exist');
      }
      await insertDemoData(tx, data);
      return true;
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
  return inserted ? summarize(data, Math.round(performance.now() - started)) : null;
}

/** Fills an empty database with the demo province and the demo accounts, in one transaction. */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<SeedSummary> {
  const summary = await seedInTransaction(db, options, 'throw');
  if (!summary) throw new Error('the demo province was not seeded');
  return summary;
}

/** Seeds the demo province only when the database has no units; returns null when it did nothing. */
export async function ensureDemoData(
  db: Database,
  options: Partial<SeedDemoOptions> = {},
): Promise<SeedSummary | null> {
  if ((await db.prisma.unit.count()) > 0) return null;
  return seedInTransaction(
    db,
    { ...options, password: options.password ?? process.env.DEMO_PASSWORD ?? 'demo' },
    'skip',
  );
}
