// Input validation: every problem is reported as `<record>.<field>: <what is wrong>`, and a scenario
// with any problem is not evaluated at all (shared/contract/SCENARIO.md).
import { parseDay } from './dates.ts';
import { overridesProblems } from './overrides-schema.ts';
import {
  CATEGORIES,
  DISCIPLINE_FORMS,
  INFRACTION_KINDS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  PACK_IDS,
  PERIOD_COUNTS,
  PERIOD_KINDS,
  RATING_VALUES,
  type Scenario,
  type ScenarioTask,
  SECTORS,
  TITLE_VALUES,
} from './types.ts';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;

/** Reads one record's fields, collecting problems instead of throwing. */
class RecordReader {
  // One reader is reused for every record of a list (millions of tasks): the path text is only
  // built when a problem is found.
  constructor(
    private record: Json,
    private list: string,
    private readonly errors: string[],
    private index = -1,
  ) {}

  moveTo(record: Json, index: number): this {
    this.record = record;
    this.index = index;
    return this;
  }

  /** the record being read (returned as is where every field is required and checked) */
  get current(): Json {
    return this.record;
  }

  get path(): string {
    return this.index < 0 ? this.list : `${this.list}[${this.index}]`;
  }

  private fail(field: string, message: string): void {
    this.errors.push(`${this.path}.${field}: ${message}`);
  }

  private present(field: string, optional: boolean): boolean {
    if (this.record[field] === undefined) {
      if (!optional) this.fail(field, 'missing');
      return false;
    }
    return true;
  }

  string(field: string, options: { optional?: boolean; fallback?: string } = {}): string {
    if (!this.present(field, options.optional ?? false)) return options.fallback ?? '';
    const value = this.record[field];
    if (typeof value !== 'string') {
      this.fail(field, `not a string: ${show(value)}`);
      return '';
    }
    if (value.trim() === '' && !options.optional) this.fail(field, 'empty');
    return value;
  }

  nullableString(field: string, options: { optional?: boolean } = {}): string | null {
    if (!this.present(field, options.optional ?? false)) return null;
    const value = this.record[field];
    if (value === null) return null;
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(field, `not a string or null: ${show(value)}`);
      return null;
    }
    return value;
  }

  number(
    field: string,
    options: { optional?: boolean; fallback?: number; min?: number; max?: number; integer?: boolean } = {},
  ): number {
    if (!this.present(field, options.optional ?? false)) return options.fallback ?? 0;
    return this.checkNumber(field, this.record[field], options);
  }

  nullableNumber(
    field: string,
    options: { optional?: boolean; min?: number; max?: number; integer?: boolean } = {},
  ): number | null {
    if (!this.present(field, options.optional ?? false)) return null;
    const value = this.record[field];
    if (value === null) return null;
    return this.checkNumber(field, value, options);
  }

  private checkNumber(
    field: string,
    value: unknown,
    options: { min?: number; max?: number; integer?: boolean },
  ): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(field, `not a number: ${show(value)}`);
      return 0;
    }
    if (options.integer && !Number.isInteger(value)) this.fail(field, `not a whole number: ${value}`);
    if (options.min !== undefined && value < options.min) {
      this.fail(field, options.min === 0 ? `negative: ${value}` : `below ${options.min}: ${value}`);
    }
    if (options.max !== undefined && value > options.max) this.fail(field, `above ${options.max}: ${value}`);
    return value;
  }

  boolean(field: string, options: { optional?: boolean; fallback?: boolean } = {}): boolean {
    if (!this.present(field, options.optional ?? false)) return options.fallback ?? false;
    const value = this.record[field];
    if (typeof value !== 'boolean') {
      this.fail(field, `not true or false: ${show(value)}`);
      return false;
    }
    return value;
  }

  date(field: string): string {
    if (!this.present(field, false)) return '1970-01-01';
    return this.checkDate(field, this.record[field]) ?? '1970-01-01';
  }

  nullableDate(field: string, options: { optional?: boolean } = {}): string | null {
    if (!this.present(field, options.optional ?? false)) return null;
    const value = this.record[field];
    if (value === null) return null;
    return this.checkDate(field, value);
  }

  private checkDate(field: string, value: unknown): string | null {
    if (typeof value !== 'string' || parseDay(value) === null) {
      this.fail(field, `not a date: ${show(value)}`);
      return null;
    }
    return value;
  }

  oneOf<T extends string>(
    field: string,
    values: readonly T[],
    options: { optional?: boolean; fallback?: T } = {},
  ): T {
    const fallback = options.fallback ?? (values[0] as T);
    if (!this.present(field, options.optional ?? false)) return fallback;
    const value = this.record[field];
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.fail(field, `not one of ${values.join(' | ')}: ${show(value)}`);
      return fallback;
    }
    return value as T;
  }

  /** An optional nested object; returns null when absent or null. */
  object(field: string, options: { optional?: boolean } = {}): RecordReader | null {
    if (!this.present(field, options.optional ?? false)) return null;
    const value = this.record[field];
    if (value === null) return null;
    if (!isObject(value)) {
      this.fail(field, `not an object or null: ${show(value)}`);
      return null;
    }
    return new RecordReader(value, `${this.path}.${field}`, this.errors);
  }

  array(field: string, options: { optional?: boolean } = {}): unknown[] {
    if (!this.present(field, options.optional ?? false)) return [];
    const value = this.record[field];
    if (!Array.isArray(value)) {
      this.fail(field, `not a list: ${show(value)}`);
      return [];
    }
    return value;
  }
}

/**
 * The common case of the bulk table, checked with plain property reads (a million tasks for a
 * province): every field present and well formed. Anything else goes through the reader, which
 * names the record and field of each problem; both accept exactly the same tasks.
 */
function isWellFormedTask(task: Json, periods: number): boolean {
  const { id, personId, weight, due, completed, planned, actual, majorErrors, delays, excused, period } =
    task;
  return (
    (period === undefined ||
      period === null ||
      (typeof period === 'number' && Number.isInteger(period) && period >= 1 && period <= periods)) &&
    typeof id === 'string' &&
    id.trim() !== '' &&
    typeof personId === 'string' &&
    personId.trim() !== '' &&
    isAmount(weight) &&
    typeof due === 'string' &&
    parseDay(due) !== null &&
    (completed === null || (typeof completed === 'string' && parseDay(completed) !== null)) &&
    isAmount(planned) &&
    isAmount(actual) &&
    isAmount(majorErrors) &&
    Number.isInteger(majorErrors) &&
    isAmount(delays) &&
    Number.isInteger(delays) &&
    typeof excused === 'boolean'
  );
}

function everyTaskWellFormed(list: unknown[], periods: number): boolean {
  for (let index = 0; index < list.length; index++) {
    const task = list[index];
    if (!isObject(task) || !isWellFormedTask(task, periods)) return false;
  }
  return true;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Reads each element of a list as a record; non-objects are reported and skipped. */
function records<T>(list: unknown[], name: string, errors: string[], read: (reader: RecordReader) => T): T[] {
  const result: T[] = [];
  const reader = new RecordReader({}, name, errors);
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    if (!isObject(item)) {
      errors.push(`${name}[${index}]: not an object: ${show(item)}`);
      continue;
    }
    result.push(read(reader.moveTo(item, index)));
  }
  return result;
}

export function parseScenario(input: unknown): ParseResult {
  const errors: string[] = [];
  if (!isObject(input)) return { ok: false, errors: [`scenario: not a JSON object: ${show(input)}`] };
  const root = new RecordReader(input, 'scenario', errors);
  const year = root.number('year', { integer: true, min: 1990, max: 2100 });
  const pack = root.oneOf('pack', PACK_IDS);
  // absent = YEAR: one period, the whole year (files written before periods keep working)
  const periodKind = root.oneOf('periodKind', PERIOD_KINDS, { optional: true, fallback: 'YEAR' });
  const periods = PERIOD_COUNTS[periodKind];
  const periodField = { optional: true, integer: true, min: 1, max: periods };

  // the one overrides schema (overrides-schema.ts), shared with the API's cycle forms
  let overrides: Scenario['overrides'] = {};
  if (input.overrides !== undefined && input.overrides !== null) {
    const checked = overridesProblems(input.overrides);
    if (checked.ok) overrides = checked.overrides;
    else
      for (const problem of checked.problems)
        errors.push(`scenario.overrides${problem.path ? `.${problem.path}` : ''}: ${problem.message}`);
  }

  const units = records(root.array('units'), 'units', errors, (r) => ({
    id: r.string('id'),
    name: r.string('name', { optional: true, fallback: '' }),
    parentId: r.nullableString('parentId', { optional: true }),
    block: r.nullableString('block', { optional: true }),
    parIndex: r.nullableNumber('parIndex', { optional: true, min: 0, max: 100 }),
    satisfactionIndex: r.nullableNumber('satisfactionIndex', { optional: true, min: 0, max: 100 }),
    corruptionCase: r.boolean('corruptionCase', { optional: true }),
  }));

  const people = records(root.array('people'), 'people', errors, (r) => {
    const path = r.path;
    const position = r.object('sensitivePosition');
    const history = records(r.array('history', { optional: true }), `${path}.history`, errors, (h) => ({
      year: h.number('year', { integer: true, min: 1900, max: 2100 }),
      rating: h.oneOf('rating', RATING_VALUES),
      titles: readTitles(h, `${path}.history`, errors),
    }));
    return {
      id: r.string('id'),
      name: r.string('name', { optional: true, fallback: '' }),
      unitId: r.string('unitId'),
      category: r.oneOf('category', CATEGORIES),
      leads: r.nullableString('leads'),
      hiredOn: r.date('hiredOn'),
      monthsAbsent: r.number('monthsAbsent', { min: 0, max: 12 }),
      maternityLeave: r.boolean('maternityLeave'),
      pregnantOrChildUnder36Months: r.boolean('pregnantOrChildUnder36Months'),
      retirementOn: r.nullableDate('retirementOn'),
      pendingProceedings: r.boolean('pendingProceedings'),
      sensitivePosition: position
        ? { sector: position.oneOf('sector', SECTORS), since: position.date('since') }
        : null,
      citizenFacing: r.boolean('citizenFacing'),
      dossierHandler: r.boolean('dossierHandler'),
      // null or absent: not assessed yet; the person is reported as awaiting the head's assessment
      conductAssessment: r.nullableNumber('conductAssessment', { optional: true, min: 0, max: 10 }),
      conductByPeriod: readConductByPeriod(r, periods, errors),
      quotaGroup: r.nullableString('quotaGroup', { optional: true }),
      degenerationConcluded: r.boolean('degenerationConcluded', { optional: true }),
      history,
      seriouslyIll: r.boolean('seriouslyIll', { optional: true }),
      studyLeave: r.boolean('studyLeave', { optional: true }),
      seconded: r.boolean('seconded', { optional: true }),
    };
  });

  const count = { min: 0, integer: true };
  // Tasks are the bulk of a scenario (48 a person scored monthly): every field is required, so a
  // task that passes is used as given instead of being copied; when all pass (the usual case), the
  // list is taken in one piece.
  const taskList = root.array('tasks', { optional: true });
  const tasks = everyTaskWellFormed(taskList, periods)
    ? (taskList.slice() as ScenarioTask[])
    : records(taskList, 'tasks', errors, (r) => {
        if (isWellFormedTask(r.current, periods)) return r.current as ScenarioTask;
        r.nullableNumber('period', periodField);
        r.string('id');
        r.string('personId');
        r.number('weight', { min: 0 });
        r.date('due');
        r.nullableDate('completed');
        r.number('planned', { min: 0 });
        r.number('actual', { min: 0 });
        r.number('majorErrors', count);
        r.number('delays', count);
        r.boolean('excused');
        return r.current as ScenarioTask;
      });

  const dossiers = records(root.array('dossiers', { optional: true }), 'dossiers', errors, (r) => ({
    personId: r.string('personId'),
    period: r.nullableNumber('period', periodField),
    received: r.number('received', count),
    early: r.number('early', count),
    onTime: r.number('onTime', count),
    late: r.number('late', count),
    apologies: r.number('apologies', count),
  }));

  const citizenVotes = records(
    root.array('citizenVotes', { optional: true }),
    'citizenVotes',
    errors,
    (r) => ({
      personId: r.string('personId'),
      period: r.nullableNumber('period', periodField),
      verySatisfied: r.number('verySatisfied', count),
      satisfied: r.number('satisfied', count),
      dissatisfied: r.number('dissatisfied', count),
    }),
  );

  const discipline = records(root.array('discipline', { optional: true }), 'discipline', errors, (r) => {
    const decidedOn = r.date('decidedOn');
    return {
      personId: r.string('personId'),
      form: r.oneOf('form', DISCIPLINE_FORMS),
      decidedOn,
      actYear: r.number('actYear', {
        optional: true,
        fallback: Number(decidedOn.slice(0, 4)),
        integer: true,
        min: 1900,
        max: 2100,
      }),
      concernsDuties: r.boolean('concernsDuties', { optional: true, fallback: true }),
      alreadyCountedInYear: r.nullableNumber('alreadyCountedInYear', {
        optional: true,
        integer: true,
        min: 1900,
        max: 2100,
      }),
    };
  });

  const infractions = records(root.array('infractions', { optional: true }), 'infractions', errors, (r) => ({
    personId: r.string('personId'),
    kind: r.oneOf('kind', INFRACTION_KINDS),
    on: r.date('on'),
  }));

  const initiatives = records(root.array('initiatives', { optional: true }), 'initiatives', errors, (r) => ({
    personId: r.string('personId'),
    scope: r.oneOf('scope', INITIATIVE_SCOPES),
    recognizedOn: r.date('recognizedOn'),
    kind: r.oneOf('kind', INITIATIVE_KINDS, { optional: true, fallback: 'INITIATIVE' }),
  }));

  const ballots = records(root.array('ballots', { optional: true }), 'ballots', errors, (r) => {
    const ballot = {
      personId: r.string('personId'),
      title: r.oneOf('title', TITLE_VALUES),
      for: r.number('for', count),
      members: r.number('members', { min: 1, integer: true }),
      participants: r.nullableNumber('participants', { optional: true, min: 0, integer: true }),
      quorum: r.nullableNumber('quorum', { optional: true, min: 0, integer: true }),
    };
    if (ballot.for > ballot.members)
      errors.push(`${r.path}.for: more votes (${ballot.for}) than members (${ballot.members})`);
    if (ballot.participants !== null && ballot.participants > ballot.members)
      errors.push(
        `${r.path}.participants: more members took part (${ballot.participants}) than the council has (${ballot.members})`,
      );
    if (ballot.participants !== null && ballot.for > ballot.participants)
      errors.push(
        `${r.path}.for: more votes (${ballot.for}) than members who took part (${ballot.participants})`,
      );
    return ballot;
  });

  // people's decisions on final ratings, in the order they were taken
  const finalRatings = records(
    root.array('finalRatings', { optional: true }),
    'finalRatings',
    errors,
    (r) => ({
      personId: r.string('personId'),
      rating: r.oneOf('rating', RATING_VALUES),
      reason: r.nullableString('reason', { optional: true }),
    }),
  );

  checkReferences(
    {
      units,
      people,
      tasks,
      dossiers,
      citizenVotes,
      discipline,
      infractions,
      initiatives,
      ballots,
      finalRatings,
    },
    errors,
  );
  if (overrides.quotaExceptions) {
    // an exception is recorded for a quota group: a unit, or a group of similar tasks (quotaGroup)
    const groupIds = new Set(units.map((unit) => unit.id));
    for (const person of people) if (person.quotaGroup) groupIds.add(person.quotaGroup);
    overrides.quotaExceptions.forEach((exception, index) => {
      if (!groupIds.has(exception.unitId)) {
        errors.push(
          `scenario.overrides.quotaExceptions[${index}].unitId: unknown unit or quota group: ${show(exception.unitId)}`,
        );
      }
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    scenario: {
      year,
      pack,
      periodKind,
      overrides,
      units,
      people,
      tasks,
      dossiers,
      citizenVotes,
      discipline,
      infractions,
      initiatives,
      ballots,
      finalRatings,
    },
  };
}

function readTitles(reader: RecordReader, path: string, errors: string[]): string[] {
  const list = reader.array('titles', { optional: true });
  const titles: string[] = [];
  list.forEach((title, index) => {
    if (typeof title !== 'string') errors.push(`${path}.titles[${index}]: not a string: ${show(title)}`);
    else titles.push(title);
  });
  return titles;
}

function checkReferences(
  data: Pick<
    Scenario,
    | 'units'
    | 'people'
    | 'tasks'
    | 'dossiers'
    | 'citizenVotes'
    | 'discipline'
    | 'infractions'
    | 'initiatives'
    | 'ballots'
    | 'finalRatings'
  >,
  errors: string[],
): void {
  const unitIds = uniqueIds(data.units, 'units', errors);
  const personIds = uniqueIds(data.people, 'people', errors);
  checkUniqueIds(data.tasks, 'tasks', errors);

  data.units.forEach((unit, index) => {
    if (unit.parentId !== null && !unitIds.has(unit.parentId)) {
      errors.push(`units[${index}].parentId: unknown unit: ${show(unit.parentId)}`);
    }
  });
  checkUnitCycles(data.units, errors);
  data.people.forEach((person, index) => {
    if (person.unitId && !unitIds.has(person.unitId)) {
      errors.push(`people[${index}].unitId: unknown unit: ${show(person.unitId)}`);
    }
    // Two people may head one unit (co-heads, or a head and an acting head): both are valid input.
    if (person.leads !== null && !unitIds.has(person.leads))
      errors.push(`people[${index}].leads: unknown unit: ${show(person.leads)}`);
    const years = new Set<number>();
    person.history.forEach((entry, historyIndex) => {
      if (years.has(entry.year))
        errors.push(`people[${index}].history[${historyIndex}].year: duplicate year ${entry.year}`);
      years.add(entry.year);
    });
  });
  const lists = [
    ['tasks', data.tasks],
    ['dossiers', data.dossiers],
    ['citizenVotes', data.citizenVotes],
    ['discipline', data.discipline],
    ['infractions', data.infractions],
    ['initiatives', data.initiatives],
    ['ballots', data.ballots],
    ['finalRatings', data.finalRatings],
  ] as const;
  for (const [name, list] of lists) {
    // a person's rows usually come one after another: the last id found is not looked up again
    let found: string | undefined;
    for (let index = 0; index < list.length; index++) {
      const { personId } = list[index] as { personId: string };
      if (!personId || personId === found) continue;
      if (personIds.has(personId)) found = personId;
      else errors.push(`${name}[${index}].personId: unknown person: ${show(personId)}`);
    }
  }
  yearRowsOnce(data.dossiers, 'dossiers', errors);
  yearRowsOnce(data.citizenVotes, 'citizenVotes', errors);
  // More dossiers may be processed than received in the year (files carried over from the year
  // before), so `received` is not checked against early + on time + late.
  const decidedOnce = new Map<string, number>();
  data.finalRatings.forEach((decision, index) => {
    const first = decidedOnce.get(decision.personId);
    if (first !== undefined)
      errors.push(
        `finalRatings[${index}].personId: a second decision for ${show(decision.personId)} (first at finalRatings[${first}]); give the one in force`,
      );
    else decidedOnce.set(decision.personId, index);
  });
  const ballotKeys = new Set<string>();
  data.ballots.forEach((ballot, index) => {
    const key = `${ballot.personId}\u0000${ballot.title}`;
    if (ballotKeys.has(key))
      errors.push(`ballots[${index}].title: duplicate ballot for ${ballot.personId} ${ballot.title}`);
    ballotKeys.add(key);
  });
}

/**
 * A dossier or vote row without a period holds the person's counts for the year: one such row a
 * person (SCENARIO.md). Rows for the same period are added up (two imports of one month's counts
 * from two kiosks are both that month's).
 */
function yearRowsOnce(list: { personId: string; period: number | null }[], name: string, errors: string[]) {
  const first = new Map<string, number>();
  list.forEach((row, index) => {
    if (row.period !== null || !row.personId) return;
    const earlier = first.get(row.personId);
    if (earlier === undefined) first.set(row.personId, index);
    else
      errors.push(
        `${name}[${index}].period: a second row of the year's counts for person ${show(row.personId)} (first at ${name}[${earlier}]); give each row its period`,
      );
  });
}

// shared by everyone without period assessments (never written to)
const NO_PERIODS: Record<string, number> = Object.freeze({}) as Record<string, number>;

/** conductByPeriod: { "<period>": 0–10 }, periods within the cycle's kind. */
function readConductByPeriod(r: RecordReader, periods: number, errors: string[]): Record<string, number> {
  const reader = r.object('conductByPeriod', { optional: true });
  if (!reader) return NO_PERIODS;
  const raw = reader.current;
  const result: Record<string, number> = {};
  for (const key of Object.keys(raw)) {
    const period = Number(key);
    if (!/^[1-9][0-9]?$/.test(key) || period < 1 || period > periods) {
      errors.push(`${reader.path}.${key}: not a period of the year (1 to ${periods}): ${show(key)}`);
      continue;
    }
    result[String(period)] = reader.number(key, { min: 0, max: 10 });
  }
  return result;
}

function uniqueIds(list: { id: string }[], name: string, errors: string[]): Set<string> {
  const seen = new Set<string>();
  list.forEach((record, index) => {
    if (!record.id) return;
    if (seen.has(record.id)) {
      const first = list.findIndex((other) => other.id === record.id);
      errors.push(`${name}[${index}].id: duplicate id ${show(record.id)} (first at ${name}[${first}])`);
    } else seen.add(record.id);
  });
  return seen;
}

/**
 * Duplicate ids of a bulk list (millions of tasks), by an FNV-1a hash of each id. A Set of 4.8 M
 * fresh strings took seconds and hundreds of megabytes, and one open-addressing table of them
 * still waited on memory at every record (a random place in 130 MB). So the records are first
 * grouped by the top 8 bits of their hash (in record order within a group), then each group goes
 * through a table small enough to stay in the processor's cache. Ids are compared only when their
 * full hashes are equal. Problems are reported in record order, each naming the first record with
 * that id, exactly as one pass in record order would.
 */
function checkUniqueIds(list: readonly { id: string }[], name: string, errors: string[]): void {
  const GROUP_BITS = 8;
  const groups = 1 << GROUP_BITS;
  const hashes = new Int32Array(list.length);
  const starts = new Int32Array(groups + 1);
  let counted = 0;
  for (let index = 0; index < list.length; index++) {
    const id = (list[index] as { id: string }).id;
    if (!id) continue; // a missing or empty id is reported where the record is read
    let hash = -2128831035; // FNV-1a offset basis as a 32-bit integer
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
    // a hash of 0 is stored as 1, so that 0 marks a record without an id (equal ids still hash alike)
    hashes[index] = hash === 0 ? 1 : hash;
    const group = (hash >>> (32 - GROUP_BITS)) + 1;
    starts[group] = (starts[group] as number) + 1;
    counted += 1;
  }
  for (let group = 0; group < groups; group++)
    starts[group + 1] = (starts[group + 1] as number) + (starts[group] as number);
  const order = new Int32Array(counted * 2); // per record, grouped: its index and its hash
  const next = starts.slice(0, groups);
  let largest = 0;
  for (let group = 0; group < groups; group++)
    largest = Math.max(largest, (starts[group + 1] as number) - (starts[group] as number));
  for (let index = 0; index < list.length; index++) {
    const hash = hashes[index] as number;
    if (hash === 0) continue;
    const group = hash >>> (32 - GROUP_BITS);
    const at = next[group] as number;
    order[2 * at] = index;
    order[2 * at + 1] = hash;
    next[group] = at + 1;
  }

  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const table = new Int32Array(capacity * 2); // per slot: record index + 1 (0 = free), full hash
  const duplicates: [index: number, first: number][] = [];
  for (let group = 0; group < groups; group++) {
    const from = starts[group] as number;
    const to = starts[group + 1] as number;
    if (from === to) continue;
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    table.fill(0, 0, size * 2);
    for (let k = from; k < to; k++) {
      const index = order[2 * k] as number;
      const hash = order[2 * k + 1] as number;
      let slot = hash & mask;
      for (;;) {
        const at = (table[2 * slot] as number) - 1;
        if (at === -1) {
          table[2 * slot] = index + 1;
          table[2 * slot + 1] = hash;
          break;
        }
        if (
          table[2 * slot + 1] === hash &&
          (list[at] as { id: string }).id === (list[index] as { id: string }).id
        ) {
          duplicates.push([index, at]);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  duplicates.sort((a, b) => a[0] - b[0]);
  for (const [index, at] of duplicates) {
    const id = (list[index] as { id: string }).id;
    errors.push(`${name}[${index}].id: duplicate id ${show(id)} (first at ${name}[${at}])`);
  }
}

function checkUnitCycles(units: Scenario['units'], errors: string[]): void {
  const parent = new Map(units.map((unit) => [unit.id, unit.parentId]));
  units.forEach((unit, index) => {
    const seen = new Set<string>([unit.id]);
    let current = unit.parentId;
    while (current !== null && current !== undefined) {
      if (seen.has(current)) {
        errors.push(`units[${index}].parentId: the unit tree loops through ${show(current)}`);
        return;
      }
      seen.add(current);
      current = parent.get(current) ?? null;
    }
  });
}
