import {
  type Cycle,
  type DisciplineForm,
  type Gender,
  type InfractionKind,
  type InitiativeKind,
  type InitiativeScope,
  insertRows,
  type Prisma,
  type PrismaClient,
  type SensitiveSector,
  type StaffCategory,
  toSearchText,
  type UnitKind,
} from '@cadre/db';
import { uuidv7 } from '../ids.ts';
import { descendantIds, type UnitTree } from '../scope/unit-tree.ts';
import { unitInScope, type Viewer } from '../scope/viewer.ts';
import type { CellValue, RowError, TypedRow } from './convert-rows.ts';
import type { ImportKindSpec } from './import-columns.ts';
import { prepareOneStopStats, prepareProducts, prepareTaskAssignments } from './prepare-period-imports.ts';

// Second stage of an import, after every cell has its type: references (unit and person codes,
// inside the uploader's scope and the cycle's agency), duplicates within the file and against the
// database, and the rows to insert. Nothing is written here; `write` runs inside the transaction.

export type PreparedImport = {
  errors: RowError[];
  /** inserts every row (set-based, in chunks); returns the number written */
  write(tx: Prisma.TransactionClient): Promise<number>;
};

type PrepareOptions = {
  prisma: PrismaClient;
  viewer: Viewer;
  tree: UnitTree;
  cycle: Cycle | null;
  spec: ImportKindSpec;
  rows: TypedRow[];
  chunkSize: number;
  /** the batch being imported: evidence rows remember it (shown and corrected per person) */
  batchId: string;
};

const lookupChunk = 5000;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

async function findInChunks<T>(codes: string[], find: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (const chunk of chunks([...new Set(codes)], lookupChunk)) found.push(...(await find(chunk)));
  return found;
}

const str = (value: CellValue | undefined): string | null =>
  value === null || value === undefined ? null : String(value);
const num = (value: CellValue | undefined): number | null => (typeof value === 'number' ? value : null);
const day = (value: CellValue | undefined): Date | null => (value instanceof Date ? value : null);
const flag = (value: CellValue | undefined): boolean | null => (typeof value === 'boolean' ? value : null);
const dateKey = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : '');

/**
 * Inserts validated rows with one `INSERT … SELECT FROM jsonb_to_recordset` per chunk, inside the
 * import's transaction. createMany maps every row through Prisma's query compiler: 100,000 people
 * took ≈ 47 s that way against ≈ 2.5 s here. Ids are made here because `@default(uuid(7))` is
 * Prisma's default, not the database's.
 */
async function insertImported(
  tx: Prisma.TransactionClient,
  table: string,
  rows: readonly object[],
): Promise<{ count: number }> {
  const count = await insertRows(
    tx,
    table,
    rows.map((row) => ({ id: uuidv7(), ...row })),
  );
  return { count };
}

async function createInChunks<T>(
  items: T[],
  size: number,
  create: (chunk: T[]) => Promise<{ count: number }>,
): Promise<number> {
  let count = 0;
  for (const chunk of chunks(items, size)) count += (await create(chunk)).count;
  return count;
}

/** Finds duplicate keys inside the file: every repeat is an error naming the first row. */
function markFileDuplicates(
  rows: TypedRow[],
  keyOf: (row: TypedRow) => string,
  field: string,
  describe: (row: TypedRow) => string,
  errors: RowError[],
): Set<number> {
  const first = new Map<string, number>();
  const repeated = new Set<number>();
  for (const row of rows) {
    const key = keyOf(row);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row.row);
      continue;
    }
    repeated.add(row.row);
    errors.push({
      row: row.row,
      field,
      value: describe(row),
      message: `Trùng với dòng ${earlier} / duplicates row ${earlier}`,
    });
  }
  return repeated;
}

/** People by code, and which of them the uploader may load evidence for. */
async function resolvePeople(options: PrepareOptions, errors: RowError[]): Promise<Map<number, string>> {
  const { prisma, viewer, rows, cycle, tree } = options;
  const people = await findInChunks(
    rows.map((row) => str(row.values.personCode) ?? ''),
    (codes) =>
      prisma.person.findMany({
        where: { code: { in: codes } },
        select: { id: true, code: true, unitId: true },
      }),
  );
  const cycleUnits = cycle ? new Set(descendantIds(tree, cycle.scopeUnitId)) : null;
  const byCode = new Map(people.map((person) => [person.code, person]));
  const personOfRow = new Map<number, string>();
  for (const row of rows) {
    const code = str(row.values.personCode) ?? '';
    const person = byCode.get(code);
    if (!person || !unitInScope(viewer, person.unitId)) {
      errors.push({
        row: row.row,
        field: 'Mã cán bộ',
        value: code,
        message: `Không có cán bộ mã "${code}" trong phạm vi của bạn / unknown person code (or outside your scope)`,
      });
    } else if (cycleUnits && !cycleUnits.has(person.unitId)) {
      errors.push({
        row: row.row,
        field: 'Mã cán bộ',
        value: code,
        message: `Cán bộ "${code}" không thuộc đơn vị của kỳ đánh giá / the person is outside the cycle's agency`,
      });
    } else personOfRow.set(row.row, person.id);
  }
  return personOfRow;
}

async function resolveUnits(
  options: PrepareOptions,
  codes: string[],
): Promise<Map<string, { id: string; inScope: boolean }>> {
  const units = await findInChunks(codes, (chunk) =>
    options.prisma.unit.findMany({ where: { code: { in: chunk } }, select: { id: true, code: true } }),
  );
  return new Map(
    units.map((unit) => [unit.code, { id: unit.id, inScope: unitInScope(options.viewer, unit.id) }]),
  );
}

function unknownUnit(row: number, field: string, code: string): RowError {
  return {
    row,
    field,
    value: code,
    message: `Không có đơn vị mã "${code}" trong phạm vi của bạn / unknown unit code (or outside your scope)`,
  };
}

function inCycleYear(options: PrepareOptions, row: TypedRow, field: string, date: Date | null): RowError[] {
  const cycle = options.cycle;
  if (!cycle || !date || date.getUTCFullYear() === cycle.year) return [];
  return [
    {
      row: row.row,
      field,
      value: dateKey(date),
      message: `Ngày phải thuộc năm ${cycle.year} của kỳ đánh giá / the date must fall in the cycle's year ${cycle.year}`,
    },
  ];
}

async function prepareUnits(options: PrepareOptions): Promise<PreparedImport> {
  // the writer keeps only what it writes: not `options` (the file's rows)
  const { rows, prisma, chunkSize } = options;
  const errors: RowError[] = [];
  const repeated = markFileDuplicates(
    rows,
    (row) => str(row.values.code) ?? '',
    'Mã đơn vị',
    (row) => str(row.values.code) ?? '',
    errors,
  );
  const codes = rows.map((row) => str(row.values.code) ?? '');
  const parents = rows.map((row) => str(row.values.parentCode) ?? '');
  const known = await resolveUnits(options, [...codes, ...parents]);
  const blockCodes = [
    ...new Set(rows.map((row) => str(row.values.blockCode)).filter((code) => code !== null)),
  ];
  const blocks = new Map(
    (await prisma.emulationBlock.findMany({ where: { code: { in: blockCodes } } })).map((block) => [
      block.code,
      block.id,
    ]),
  );
  const newIds = new Map<string, string>();
  const data: Prisma.UnitCreateManyInput[] = [];
  for (const row of rows) {
    const code = str(row.values.code) ?? '';
    const parentCode = str(row.values.parentCode) ?? '';
    const blockCode = str(row.values.blockCode);
    let ok = true;
    if (known.has(code)) {
      ok = false;
      errors.push({
        row: row.row,
        field: 'Mã đơn vị',
        value: code,
        message: `Mã đơn vị "${code}" đã tồn tại / unit code already exists`,
      });
    }
    const existingParent = known.get(parentCode);
    const parentId = existingParent?.inScope ? existingParent.id : newIds.get(parentCode);
    if (!parentId) {
      ok = false;
      errors.push(unknownUnit(row.row, 'Mã đơn vị cấp trên', parentCode));
    }
    const blockId = blockCode === null ? null : blocks.get(blockCode);
    if (blockId === undefined) {
      ok = false;
      errors.push({
        row: row.row,
        field: 'Mã khối thi đua',
        value: blockCode,
        message: `Không có khối thi đua mã "${blockCode}" / unknown emulation block`,
      });
    }
    if (!ok || !parentId || repeated.has(row.row)) continue;
    const id = uuidv7();
    if (!newIds.has(code)) newIds.set(code, id);
    const name = str(row.values.name) ?? '';
    data.push({
      id,
      code,
      name,
      searchName: toSearchText(name),
      kind: row.values.kind as UnitKind,
      parentId,
      blockId: blockId ?? null,
    });
  }
  return {
    errors,
    write: (tx) => createInChunks(data, chunkSize, (chunk) => insertImported(tx, 'Unit', chunk)),
  };
}

async function preparePeople(options: PrepareOptions): Promise<PreparedImport> {
  const { rows, prisma, chunkSize } = options;
  const errors: RowError[] = [];
  const repeated = markFileDuplicates(
    rows,
    (row) => str(row.values.code) ?? '',
    'Mã cán bộ',
    (row) => str(row.values.code) ?? '',
    errors,
  );
  const existing = new Set(
    (
      await findInChunks(
        rows.map((row) => str(row.values.code) ?? ''),
        (codes) => prisma.person.findMany({ where: { code: { in: codes } }, select: { code: true } }),
      )
    ).map((person) => person.code),
  );
  const units = await resolveUnits(options, [
    ...rows.map((row) => str(row.values.unitCode) ?? ''),
    ...rows.map((row) => str(row.values.leadsUnitCode)).filter((code) => code !== null),
  ]);
  const data: Prisma.PersonCreateManyInput[] = [];
  for (const row of rows) {
    const values = row.values;
    const code = str(values.code) ?? '';
    let ok = true;
    if (existing.has(code)) {
      ok = false;
      errors.push({
        row: row.row,
        field: 'Mã cán bộ',
        value: code,
        message: `Mã cán bộ "${code}" đã tồn tại / person code already exists`,
      });
    }
    const unitCode = str(values.unitCode) ?? '';
    const unit = units.get(unitCode);
    if (!unit?.inScope) {
      ok = false;
      errors.push(unknownUnit(row.row, 'Mã đơn vị', unitCode));
    }
    const leadsCode = str(values.leadsUnitCode);
    const leads = leadsCode === null ? null : units.get(leadsCode);
    if (leadsCode !== null && !leads?.inScope) {
      ok = false;
      errors.push(unknownUnit(row.row, 'Mã đơn vị lãnh đạo', leadsCode));
    }
    const hiredOn = day(values.hiredOn);
    const retirementOn = day(values.retirementOn);
    if (hiredOn && retirementOn && retirementOn <= hiredOn) {
      ok = false;
      errors.push({
        row: row.row,
        field: 'Ngày nghỉ hưu',
        value: dateKey(retirementOn),
        message: 'Ngày nghỉ hưu phải sau ngày tuyển dụng / retirement must come after hiring',
      });
    }
    if (!ok || !unit || !hiredOn || repeated.has(row.row)) continue;
    const fullName = str(values.fullName) ?? '';
    data.push({
      code,
      fullName,
      searchName: toSearchText(fullName),
      unitId: unit.id,
      category: values.category as StaffCategory,
      gender: (str(values.gender) as Gender | null) ?? null,
      birthDate: day(values.birthDate),
      email: str(values.email),
      positionTitle: str(values.positionTitle),
      hiredOn,
      retirementOn,
      leadsUnitId: leads?.id ?? null,
      sensitiveSector: (str(values.sensitiveSector) as SensitiveSector | null) ?? null,
      sensitiveSince: day(values.sensitiveSince),
      citizenFacing: flag(values.citizenFacing) ?? false,
      dossierHandler: flag(values.dossierHandler) ?? false,
    });
  }
  return {
    errors,
    write: (tx) => createInChunks(data, chunkSize, (chunk) => insertImported(tx, 'Person', chunk)),
  };
}

/** The evidence kinds share person resolution, duplicate checks and a row builder. */
async function prepareEvidence<T>(
  options: PrepareOptions,
  config: {
    /** identity of a row for duplicate detection (within the file and against the database) */
    keyOf: (personId: string, row: TypedRow) => string;
    keyField: string;
    existingKeys: (personIds: string[]) => Promise<string[]>;
    check?: (row: TypedRow) => RowError[];
    build: (personId: string, row: TypedRow) => T;
    create: (tx: Prisma.TransactionClient, chunk: T[]) => Promise<{ count: number }>;
  },
): Promise<PreparedImport> {
  const { chunkSize } = options;
  const errors: RowError[] = [];
  const personOfRow = await resolvePeople(options, errors);
  const resolved = options.rows.filter((row) => personOfRow.has(row.row));
  const keyed = (row: TypedRow) => config.keyOf(personOfRow.get(row.row) ?? '', row);
  const repeated = markFileDuplicates(
    resolved,
    keyed,
    config.keyField,
    (row) => str(row.values.personCode) ?? '',
    errors,
  );
  const existing = new Set(await config.existingKeys([...new Set(personOfRow.values())]));
  const data: T[] = [];
  for (const row of resolved) {
    const personId = personOfRow.get(row.row) ?? '';
    const rowErrors = config.check?.(row) ?? [];
    if (existing.has(keyed(row))) {
      rowErrors.push({
        row: row.row,
        field: config.keyField,
        value: str(row.values.personCode),
        message: 'Đã có trong cơ sở dữ liệu / already recorded',
      });
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && !repeated.has(row.row)) data.push(config.build(personId, row));
  }
  return {
    errors,
    write: (tx) => createInChunks(data, chunkSize, (chunk) => config.create(tx, chunk)),
  };
}

async function personChunks<T>(personIds: string[], find: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return findInChunks(personIds, find);
}

export async function prepareImport(options: PrepareOptions): Promise<PreparedImport> {
  const { prisma } = options;
  const cycleId = options.cycle?.id ?? '';
  switch (options.spec.kind) {
    case 'UNITS':
      return prepareUnits(options);
    case 'PEOPLE':
      return preparePeople(options);
    case 'TASKS':
      return prepareEvidence<Prisma.TaskCreateManyInput>(options, {
        keyOf: (_personId, row) => `t|${str(row.values.code)}`,
        keyField: 'Mã nhiệm vụ',
        existingKeys: async () => {
          const codes = options.rows.map((row) => str(row.values.code) ?? '');
          const tasks = await findInChunks(codes, (chunk) =>
            prisma.task.findMany({ where: { cycleId, code: { in: chunk } }, select: { code: true } }),
          );
          return tasks.map((task) => `t|${task.code}`);
        },
        check: (row) => {
          const due = day(row.values.dueOn);
          const completed = day(row.values.completedOn);
          const issues = inCycleYear(options, row, 'Hạn hoàn thành', due);
          if ((num(row.values.planned) ?? 1) <= 0) {
            issues.push({
              row: row.row,
              field: 'Khối lượng kế hoạch',
              value: String(num(row.values.planned)),
              message: 'Khối lượng kế hoạch phải > 0 / planned must be above 0',
            });
          }
          if (completed && due && completed.getUTCFullYear() < due.getUTCFullYear() - 1) {
            issues.push({
              row: row.row,
              field: 'Ngày hoàn thành',
              value: dateKey(completed),
              message: 'Ngày hoàn thành không hợp lý / implausible completion date',
            });
          }
          return issues;
        },
        build: (personId, row) => {
          const planned = num(row.values.planned) ?? 1;
          const completedOn = day(row.values.completedOn);
          return {
            cycleId,
            personId,
            importBatchId: options.batchId,
            code: str(row.values.code) ?? '',
            title: str(row.values.title) ?? '',
            weight: num(row.values.weight) ?? 1,
            dueOn: day(row.values.dueOn) ?? new Date(0),
            completedOn,
            planned,
            // a completed task without a quantity delivered what was planned
            actual: num(row.values.actual) ?? (completedOn ? planned : 0),
            majorErrors: num(row.values.majorErrors) ?? 0,
            delays: num(row.values.delays) ?? 0,
            excused: flag(row.values.excused) ?? false,
            excuseNote: str(row.values.excuseNote),
          };
        },
        create: (tx, chunk) => insertImported(tx, 'Task', chunk),
      });
    case 'DOSSIERS':
      return prepareEvidence<Prisma.DossierStatCreateManyInput>(options, {
        keyOf: (personId) => `d|${personId}`,
        keyField: 'Mã cán bộ',
        existingKeys: async (personIds) =>
          (
            await personChunks(personIds, (ids) =>
              prisma.dossierStat.findMany({
                where: { cycleId, personId: { in: ids } },
                select: { personId: true },
              }),
            )
          ).map((row) => `d|${row.personId}`),
        check: (row) => {
          const handled =
            (num(row.values.early) ?? 0) + (num(row.values.onTime) ?? 0) + (num(row.values.late) ?? 0);
          const received = num(row.values.received);
          return received !== null && handled > received
            ? [
                {
                  row: row.row,
                  field: 'Số hồ sơ tiếp nhận',
                  value: String(received),
                  message: `Trước hạn + đúng hạn + trễ hạn (${handled}) vượt số tiếp nhận / early + on time + late exceeds received`,
                },
              ]
            : [];
        },
        build: (personId, row) => ({
          cycleId,
          personId,
          importBatchId: options.batchId,
          received:
            num(row.values.received) ??
            (num(row.values.early) ?? 0) + (num(row.values.onTime) ?? 0) + (num(row.values.late) ?? 0),
          early: num(row.values.early) ?? 0,
          onTime: num(row.values.onTime) ?? 0,
          late: num(row.values.late) ?? 0,
          apologies: num(row.values.apologies) ?? 0,
        }),
        create: (tx, chunk) => insertImported(tx, 'DossierStat', chunk),
      });
    case 'CITIZEN_VOTES': {
      const sourceOf = (row: TypedRow) => (str(row.values.source) ?? 'ALL').toUpperCase();
      return prepareEvidence<Prisma.CitizenVoteCreateManyInput>(options, {
        keyOf: (personId, row) => `v|${personId}|${sourceOf(row)}`,
        keyField: 'Nguồn',
        existingKeys: async (personIds) =>
          (
            await personChunks(personIds, (ids) =>
              prisma.citizenVote.findMany({
                where: { cycleId, personId: { in: ids } },
                select: { personId: true, source: true },
              }),
            )
          ).map((row) => `v|${row.personId}|${row.source}`),
        build: (personId, row) => ({
          cycleId,
          personId,
          importBatchId: options.batchId,
          source: sourceOf(row),
          verySatisfied: num(row.values.verySatisfied) ?? 0,
          satisfied: num(row.values.satisfied) ?? 0,
          dissatisfied: num(row.values.dissatisfied) ?? 0,
        }),
        create: (tx, chunk) => insertImported(tx, 'CitizenVote', chunk),
      });
    }
    case 'DISCIPLINE': {
      const keyOf = (personId: string, form: string, decidedOn: Date | null, number: string | null) =>
        `k|${personId}|${form}|${dateKey(decidedOn)}|${number ?? ''}`;
      return prepareEvidence<Prisma.DisciplineDecisionCreateManyInput>(options, {
        keyOf: (personId, row) =>
          keyOf(personId, str(row.values.form) ?? '', day(row.values.decidedOn), str(row.values.number)),
        keyField: 'Số quyết định',
        existingKeys: async (personIds) =>
          (
            await personChunks(personIds, (ids) =>
              prisma.disciplineDecision.findMany({
                where: { personId: { in: ids } },
                select: { personId: true, form: true, decidedOn: true, number: true },
              }),
            )
          ).map((row) => keyOf(row.personId, row.form, row.decidedOn, row.number)),
        check: (row) => {
          const decidedOn = day(row.values.decidedOn);
          const actYear = num(row.values.actYear);
          return decidedOn && actYear !== null && actYear > decidedOn.getUTCFullYear()
            ? [
                {
                  row: row.row,
                  field: 'Năm xảy ra vi phạm',
                  value: String(actYear),
                  message: 'Năm vi phạm sau ngày quyết định / the act cannot follow the decision',
                },
              ]
            : [];
        },
        build: (personId, row) => ({
          personId,
          importBatchId: options.batchId,
          form: row.values.form as DisciplineForm,
          number: str(row.values.number),
          decidedOn: day(row.values.decidedOn) ?? new Date(0),
          actYear: num(row.values.actYear) ?? 0,
          concernsDuties: flag(row.values.concernsDuties) ?? true,
          alreadyCountedInYear: num(row.values.alreadyCountedInYear),
          reason: str(row.values.reason),
        }),
        create: (tx, chunk) => insertImported(tx, 'DisciplineDecision', chunk),
      });
    }
    case 'INFRACTIONS': {
      const keyOf = (personId: string, kind: string, on: Date | null) =>
        `i|${personId}|${kind}|${dateKey(on)}`;
      return prepareEvidence<Prisma.InfractionCreateManyInput>(options, {
        keyOf: (personId, row) => keyOf(personId, str(row.values.kind) ?? '', day(row.values.occurredOn)),
        keyField: 'Ngày vi phạm',
        existingKeys: async (personIds) =>
          (
            await personChunks(personIds, (ids) =>
              prisma.infraction.findMany({
                where: { cycleId, personId: { in: ids } },
                select: { personId: true, kind: true, occurredOn: true },
              }),
            )
          ).map((row) => keyOf(row.personId, row.kind, row.occurredOn)),
        check: (row) => inCycleYear(options, row, 'Ngày vi phạm', day(row.values.occurredOn)),
        build: (personId, row) => ({
          cycleId,
          personId,
          importBatchId: options.batchId,
          kind: row.values.kind as InfractionKind,
          occurredOn: day(row.values.occurredOn) ?? new Date(0),
          note: str(row.values.note),
        }),
        create: (tx, chunk) => insertImported(tx, 'Infraction', chunk),
      });
    }
    case 'INITIATIVES': {
      const keyOf = (personId: string, title: string, on: Date | null) =>
        `s|${personId}|${toSearchText(title)}|${dateKey(on)}`;
      return prepareEvidence<Prisma.InitiativeCreateManyInput>(options, {
        keyOf: (personId, row) => keyOf(personId, str(row.values.title) ?? '', day(row.values.recognizedOn)),
        keyField: 'Tên sáng kiến, đề tài',
        existingKeys: async (personIds) =>
          (
            await personChunks(personIds, (ids) =>
              prisma.initiative.findMany({
                where: { personId: { in: ids } },
                select: { personId: true, title: true, recognizedOn: true },
              }),
            )
          ).map((row) => keyOf(row.personId, row.title, row.recognizedOn)),
        build: (personId, row) => ({
          personId,
          kind: (str(row.values.kind) as InitiativeKind | null) ?? 'INITIATIVE',
          title: str(row.values.title) ?? '',
          scope: row.values.scope as InitiativeScope,
          recognizedOn: day(row.values.recognizedOn) ?? new Date(0),
          decisionNumber: str(row.values.decisionNumber),
        }),
        create: (tx, chunk) => insertImported(tx, 'Initiative', chunk),
      });
    }
    case 'PRODUCTS':
      return prepareProducts(options);
    case 'TASK_ASSIGNMENTS':
      return prepareTaskAssignments(options);
    case 'ONE_STOP_STATS':
      return prepareOneStopStats(options);
  }
}
