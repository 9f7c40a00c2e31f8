// The engine's input and output: shared/contract/SCENARIO.md, field for field.

export const RATING_VALUES = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'] as const;
export type Rating = (typeof RATING_VALUES)[number];

export const CATEGORIES = ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'NGUOI_LAO_DONG'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SECTORS = [
  'PERSONNEL',
  'FINANCE',
  'PUBLIC_ASSETS',
  'INVESTMENT',
  'CITIZEN_SERVICE',
  'LAND',
  'INSPECTION',
] as const;
export type Sector = (typeof SECTORS)[number];

export const DISCIPLINE_FORMS = [
  'KHIEN_TRACH',
  'CANH_CAO',
  'HA_BAC_LUONG',
  'GIANG_CHUC',
  'CACH_CHUC',
  'BAI_NHIEM',
  'BUOC_THOI_VIEC',
] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export const INFRACTION_KINDS = ['LATE', 'ABSENT', 'CONDUCT', 'COMPLAINT_UPHELD'] as const;
export type InfractionKind = (typeof INFRACTION_KINDS)[number];

export const INITIATIVE_SCOPES = ['GRASSROOTS', 'PROVINCE', 'NATIONAL'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];

export const INITIATIVE_KINDS = ['INITIATIVE', 'RESEARCH'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const TITLE_VALUES = ['LDTT', 'CSTDCS', 'CSTD_TINH', 'CSTD_TOAN_QUOC', 'BANG_KHEN'] as const;
export type Title = (typeof TITLE_VALUES)[number];

export const COLLECTIVE_TITLES = ['TAP_THE_LDTT', 'TAP_THE_LDXS'] as const;
export type CollectiveTitle = (typeof COLLECTIVE_TITLES)[number];

export const FLAG_KINDS = ['ROTATION', 'STREAMLINING', 'DISMISSAL_REVIEW', 'WEAK_PERFORMANCE'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type FlagStatus = 'ACTIVE' | 'POSTPONED' | 'EXEMPT';

export const PACK_IDS = ['vn-nd335-2025', 'vn-nd90-2020'] as const;
export type PackId = (typeof PACK_IDS)[number];

/** How often công chức are scored (Nghị định 335/2025 Điều 21); YEAR is one period, the whole year. */
export const PERIOD_KINDS = ['YEAR', 'QUARTER', 'MONTH'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Number of periods in a year of each kind: periods are numbered 1..count. */
export const PERIOD_COUNTS: Record<PeriodKind, number> = { YEAR: 1, QUARTER: 4, MONTH: 12 };

/** Local overrides of a pack's defaults (every key optional). */
export type Overrides = {
  excellentPercent?: number;
  excellentMinimumPerGroup?: number;
  cstdcsCapPercent?: number | null;
  rotationYears?: number;
  ballotThresholdPercent?: number;
  minCitizenVotes?: number;
  /** rotation period per sector, where the sector's own rules set one (2–5 years) */
  rotationYearsBySector?: Partial<Record<Sector, number>>;
  /** outstanding units allowed a higher excellent percentage by a recorded decision */
  quotaExceptions?: { unitId: string; percent: number; decision: string }[];
  /** the local weak-performance rotation rule (on by default) */
  weakPerformanceRotation?: boolean;
  /** lương cơ sở in đồng, the base of reward money (Nghị định 152/2025); default 2,340,000 */
  baseSalary?: number;
};

export type ScenarioUnit = {
  id: string;
  name: string;
  parentId: string | null;
  block: string | null;
  parIndex: number | null;
  satisfactionIndex: number | null;
  /** the unit is directly involved in a corruption or waste case (rule 3.5) */
  corruptionCase: boolean;
};

export type HistoryEntry = { year: number; rating: Rating; titles: string[] };

export type ScenarioPerson = {
  id: string;
  name: string;
  unitId: string;
  category: Category;
  leads: string | null;
  hiredOn: string;
  monthsAbsent: number;
  maternityLeave: boolean;
  pregnantOrChildUnder36Months: boolean;
  retirementOn: string | null;
  pendingProceedings: boolean;
  sensitivePosition: { sector: Sector; since: string } | null;
  citizenFacing: boolean;
  dossierHandler: boolean;
  /** the head's assessment 0–10 for every period; null = not assessed yet (reported as awaiting it) */
  conductAssessment: number | null;
  /** the head's assessment for some periods, keyed by period number ("1".."12"); optional in input */
  conductByPeriod: Record<string, number>;
  /** group of similar tasks for the excellent quota (rule 3.4); null = the person's unit */
  quotaGroup: string | null;
  /** a competent body's conclusion in the year of degeneration etc. (rule 3.3, 335/2025 Điều 20 k4 b) */
  degenerationConcluded: boolean;
  history: HistoryEntry[];
  /** postponements of rotation (Nghị định 59/2019 Đ37) beyond those above; optional in input */
  seriouslyIll: boolean;
  studyLeave: boolean;
  seconded: boolean;
};

export type ScenarioTask = {
  id: string;
  personId: string;
  weight: number;
  due: string;
  /** the period the work belongs to (1..count of the kind); absent/undefined = the period of `due` */
  period?: number | null;
  completed: string | null;
  planned: number;
  actual: number;
  majorErrors: number;
  delays: number;
  excused: boolean;
};

export type DossierRecord = {
  personId: string;
  /** that period's counts; null = the year's counts (at most one such row a person) */
  period: number | null;
  received: number;
  early: number;
  onTime: number;
  late: number;
  apologies: number;
};

export type CitizenVoteRecord = {
  personId: string;
  /** that period's counts; null = the year's counts (at most one such row a person) */
  period: number | null;
  verySatisfied: number;
  satisfied: number;
  dissatisfied: number;
};

export type DisciplineRecord = {
  personId: string;
  form: DisciplineForm;
  decidedOn: string;
  actYear: number;
  concernsDuties: boolean;
  alreadyCountedInYear: number | null;
};

export type InfractionRecord = { personId: string; kind: InfractionKind; on: string };

export type InitiativeRecord = {
  personId: string;
  scope: InitiativeScope;
  recognizedOn: string;
  kind: InitiativeKind;
};

/**
 * A closed secret ballot of the council on a person's title: votes for, all members counted when it
 * opened, and, when known, how many took part and the session's quorum (fewer took part than the
 * quorum: the ballot is void and the title cannot be granted).
 */
export type BallotRecord = {
  personId: string;
  title: Title;
  for: number;
  members: number;
  participants: number | null;
  quorum: number | null;
};

/** A final rating decided by people (a head's adjustment, an appeal, a correction), in the order taken. */
export type FinalRatingDecision = { personId: string; rating: Rating; reason: string | null };

/** What became of a decision: applied, or refused with the rule that refused it. */
export type DecisionOutcome = {
  rating: Rating;
  reason: string | null;
  applied: boolean;
  rule: string;
  citation: string;
  /** why it was refused (Vietnamese / English); empty when applied */
  message: string;
};

export type Scenario = {
  year: number;
  pack: PackId;
  /** absent in input = YEAR */
  periodKind: PeriodKind;
  overrides: Overrides;
  units: ScenarioUnit[];
  people: ScenarioPerson[];
  tasks: ScenarioTask[];
  dossiers: DossierRecord[];
  citizenVotes: CitizenVoteRecord[];
  discipline: DisciplineRecord[];
  infractions: InfractionRecord[];
  initiatives: InitiativeRecord[];
  ballots: BallotRecord[];
  /** people's decisions on final ratings, in the order taken (optional in input) */
  finalRatings: FinalRatingDecision[];
};

/** A value a trace sentence is made of: numbers, counts, codes, dates, names, or lists of them. */
export type TraceParam = string | number | boolean | null | readonly TraceParam[];

/**
 * A trace entry as the engine makes it: which rule, what it changed, and the values its sentence is
 * made of. The rule's citation and sentence are in trace-texts.ts (renderTraceEntry).
 */
export type CompactTraceEntry = {
  readonly rule: string;
  readonly effect: string;
  readonly params: readonly TraceParam[];
};

/** A trace entry as stored (EvaluationResult.trace): the compact entry as one list [rule, effect, ...params]. */
export type StoredTraceEntry = readonly [string, string, ...TraceParam[]];

/** A trace entry as people read it (SCENARIO.md output): the rule's citation and sentence written out. */
export type TraceEntry = { rule: string; citation: string; effect: string; detail: string };

/**
 * An entry of an evaluation's trace: compact, with its citation and sentence written when read
 * (JSON.stringify writes the text too, as SCENARIO.md's output has it).
 */
export type TraceLine = CompactTraceEntry & Readonly<TraceEntry>;

export type Flag = { kind: FlagKind; status: FlagStatus; rule: string; reason: string };

export type Components = { tasks: number; conduct: number; reform: number; citizens: number };

/** One period a person was scored in (SCENARIO.md output `periods`). */
export type PeriodResult = { period: number; score: number; components: Components };

/** The best rating the hard rules allow a person (a decision above it is refused). */
export type RatingCeiling = {
  rating: Rating;
  /** the rule that sets it; null when no hard rule limits the person */
  rule: string | null;
  citation: string | null;
  /** Vietnamese, for the form that offers the choices */
  reason: string;
};

/**
 * A person's standing for one individual title. GRANTED: the engine grants it. ELIGIBLE: every
 * condition is met but the council's secret ballot (none yet): it may be proposed and balloted.
 * NOT_ELIGIBLE: a condition fails (reasons say which).
 */
export type TitleEligibility = {
  title: Title;
  status: 'GRANTED' | 'ELIGIBLE' | 'NOT_ELIGIBLE';
  needsBallot: boolean;
  rule: string;
  citation: string;
  reasons: string[];
};

/** Reward money of a title (Nghị định 152/2025): multiple × base salary, in đồng. */
export type Reward = { title: Title | CollectiveTitle; multiple: number; amount: number };

export type PersonResult = {
  id: string;
  score: number | null;
  components: Components | null;
  /** the periods the person was scored in, in order; absent when not scored */
  periods?: PeriodResult[];
  proposedRating: Rating;
  /** after hard rules, quotas and people's decisions (the final rating) */
  rating: Rating;
  /** the engine's own rating, after hard rules and quotas, before people's decisions */
  engineRating: Rating;
  /** the person's decision, when one was given, and whether it was applied */
  decision?: DecisionOutcome;
  ratingCeiling: RatingCeiling;
  titleEligibility: TitleEligibility[];
  /** periods awaiting the head's assessment (the person is not scored until assessed) */
  awaitingAssessment?: number[];
  titles: Title[];
  rewards: Reward[];
  flags: Flag[];
  trace: TraceLine[];
};

export type UnitResult = {
  id: string;
  excellentQuota: QuotaCount;
  collectiveTitles: CollectiveTitle[];
  rewards: Reward[];
  blockRank: number | null;
};

export type QuotaCount = { eligible: number; allowed: number; granted: number };

/** A quota group that is not a unit (SCENARIO.md: present when some person's quotaGroup is not a unit id). */
export type QuotaGroupResult = { id: string; excellentQuota: QuotaCount };

export type Evaluation = {
  year: number;
  pack: PackId;
  people: PersonResult[];
  units: UnitResult[];
  /** present when some person has a quotaGroup that is not a unit id */
  quotaGroups?: QuotaGroupResult[];
  /** the money the agency must budget for the titles granted (Nghị định 152/2025) */
  rewardBudget: { baseSalary: number; total: number };
  errors: { personId: string; message: string }[];
};

/**
 * A scenario as the JSON contract accepts it (SCENARIO.md "Input"): what parseScenario reads.
 * Fields the contract makes optional are optional here; parseScenario fills them in (`Scenario`).
 */
export type ScenarioPersonInput = Omit<
  ScenarioPerson,
  | 'conductAssessment'
  | 'conductByPeriod'
  | 'quotaGroup'
  | 'degenerationConcluded'
  | 'seriouslyIll'
  | 'studyLeave'
  | 'seconded'
> & {
  /** null or absent: the head has not assessed the person yet (awaiting, never a silent 10) */
  conductAssessment?: number | null;
  conductByPeriod?: Record<string, number> | null;
  quotaGroup?: string | null;
  degenerationConcluded?: boolean;
  seriouslyIll?: boolean;
  studyLeave?: boolean;
  seconded?: boolean;
};

export type ScenarioInput = Omit<
  Scenario,
  | 'periodKind'
  | 'people'
  | 'dossiers'
  | 'citizenVotes'
  | 'units'
  | 'discipline'
  | 'initiatives'
  | 'ballots'
  | 'finalRatings'
> & {
  periodKind?: PeriodKind;
  ballots: (Omit<BallotRecord, 'participants' | 'quorum'> & {
    participants?: number | null;
    quorum?: number | null;
  })[];
  finalRatings?: FinalRatingDecision[];
  units: (Omit<ScenarioUnit, 'corruptionCase'> & { corruptionCase?: boolean })[];
  people: ScenarioPersonInput[];
  dossiers: (Omit<DossierRecord, 'period'> & { period?: number | null })[];
  citizenVotes: (Omit<CitizenVoteRecord, 'period'> & { period?: number | null })[];
  discipline: (Omit<DisciplineRecord, 'actYear' | 'concernsDuties' | 'alreadyCountedInYear'> & {
    actYear?: number;
    concernsDuties?: boolean;
    alreadyCountedInYear?: number | null;
  })[];
  initiatives: (Omit<InitiativeRecord, 'kind'> & { kind?: InitiativeKind })[];
};
