import type { Cycle, Prisma, PrismaClient } from '@cadre/db';
import { insertRows } from '@cadre/db';
import { PERIOD_COUNTS } from '@cadre/rules';
import { buildPeopleWhere } from '../domains/people/build-people-where.ts';
import { periodOfTask, periodRange } from '../domains/periods/period-calendar.ts';
import { uuidv7 } from '../ids.ts';
import type { Viewer } from '../scope/viewer.ts';
import type { CellValue, RowError, TypedRow } from './convert-rows.ts';

// Second stage of the catalogue, task-assignment and one-stop imports: references inside the
// uploader's scope, duplicates in the file and against the database, the rows to insert. As with
// every import, nothing is written unless every row is valid (import-evidence.ts).

export type PeriodImportOptions = {
  prisma: PrismaClient;
  viewer: Viewer;
  cycle: Cycle | null;
  rows: TypedRow[];
  chunkSize: number;
  /** the batch being imported: the tasks and statistics remember it */
  batchId: string;
};

export type PreparedPeriodImport = {
  errors: RowError[];
  write(tx: Prisma.TransactionClient): Promise<number>;
};

const str = (value: CellValue | undefined): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null;
const num = (value: CellValue | undefined): number | null => (typeof value === 'number' ? value : null);
const day = (value: CellValue | undefined): Date | null => (value instanceof Date ? value : null);

async function insertAll(tx: Prisma.TransactionClient, table: string, rows: object[], size: number) {
  let count = 0;
  for (let start = 0; start < rows.length; start += size) {
    count += await insertRows(
      tx,
      table,
      rows.slice(start, start + size).map((row) => ({ id: uuidv7(), ...row })),
    );
  }
  return count;
}

function cycleOf(options: PeriodImportOptions): Cycle {
  if (!options.cycle) throw new Error('period imports need a cycle');
  return options.cycle;
}

/** People named by staff number or personal identification number, inside the uploader's scope. */
async function resolveAssignees(
  options: PeriodImportOptions,
  errors: RowError[],
): Promise<Map<number, { id: string; jobPositionId: string | null }>> {
  const codes = [
    ...new Set(options.rows.map((row) => str(row.values.personCode)).filter((v): v is string => !!v)),
  ];
  const personalIds = [
    ...new Set(options.rows.map((row) => str(row.values.personalId)).filter((v): v is string => !!v)),
  ];
  const people = await options.prisma.person.findMany({
    where: {
      AND: [buildPeopleWhere({ viewer: options.viewer }), { active: true }],
      OR: [{ code: { in: codes } }, { personalId: { in: personalIds } }],
    },
    select: { id: true, code: true, personalId: true, jobPositionId: true },
  });
  const byCode = new Map(people.map((person) => [person.code, person]));
  const byPersonalId = new Map(
    people.flatMap((person) => (person.personalId ? [[person.personalId, person]] : [])),
  );
  const resolved = new Map<number, { id: string; jobPositionId: string | null }>();
  for (const row of options.rows) {
    const code = str(row.values.personCode);
    const personalId = str(row.values.personalId);
    if (!code && !personalId) {
      errors.push({
        row: row.row,
        field: 'Mã cán bộ',
        value: null,
        message:
          'Cần mã cán bộ hoặc số định danh cá nhân / a staff number or personal identification number is required',
      });
      continue;
    }
    if (personalId && !/^\d{12}$/.test(personalId)) {
      errors.push({
        row: row.row,
        field: 'Số định danh cá nhân',
        value: personalId,
        message: 'Số định danh cá nhân gồm 12 chữ số / 12 digits',
      });
      continue;
    }
    const person =
      (code ? byCode.get(code) : undefined) ?? (personalId ? byPersonalId.get(personalId) : undefined);
    if (!person) {
      errors.push({
        row: row.row,
        field: code ? 'Mã cán bộ' : 'Số định danh cá nhân',
        value: code ?? personalId,
        message: 'Không tìm thấy cán bộ trong phạm vi của bạn / no such person in your scope',
      });
      continue;
    }
    resolved.set(row.row, person);
  }
  return resolved;
}

function checkPeriod(cycle: Cycle, row: TypedRow, errors: RowError[]): number | null {
  const period = num(row.values.period);
  if (period === null) return null;
  const count = PERIOD_COUNTS[cycle.periodKind];
  if (!Number.isInteger(period) || period < 1 || period > count) {
    errors.push({
      row: row.row,
      field: 'Kỳ',
      value: String(period),
      message: `Kỳ từ 1 đến ${count} / a period from 1 to ${count}`,
    });
    return -1;
  }
  return period;
}

function duplicateInFile(
  keys: Map<string, number>,
  key: string,
  row: TypedRow,
  field: string,
  errors: RowError[],
) {
  const first = keys.get(key);
  if (first !== undefined) {
    errors.push({
      row: row.row,
      field,
      value: key.split('|').pop() ?? key,
      message: `Trùng với dòng ${first} / repeats row ${first}`,
    });
    return true;
  }
  keys.set(key, row.row);
  return false;
}

/** A job position's catalogue for the cycle: new positions are added, a product already there is refused. */
export async function prepareProducts(options: PeriodImportOptions): Promise<PreparedPeriodImport> {
  const cycle = cycleOf(options);
  const errors: RowError[] = [];
  const positions = await options.prisma.jobPosition.findMany();
  const positionBy = new Map(positions.map((row) => [row.code, row]));
  const existing = new Set(
    (
      await options.prisma.product.findMany({
        where: { cycleId: cycle.id },
        select: { jobPositionId: true, code: true },
      })
    ).map((row) => `${row.jobPositionId}|${row.code}`),
  );
  const newPositions = new Map<string, { id: string; code: string; name: string }>();
  const products: Prisma.ProductCreateManyInput[] = [];
  const seen = new Map<string, number>();
  for (const row of options.rows) {
    const positionCode = str(row.values.jobPositionCode) ?? '';
    const code = str(row.values.code) ?? '';
    const coefficient = num(row.values.coefficient) ?? 0;
    if (duplicateInFile(seen, `${positionCode}|${code}`, row, 'Mã sản phẩm', errors)) continue;
    if (!(coefficient > 0)) {
      errors.push({
        row: row.row,
        field: 'Hệ số quy đổi',
        value: String(coefficient),
        message: 'Hệ số quy đổi phải > 0 / must be above 0',
      });
      continue;
    }
    let position = positionBy.get(positionCode) ?? newPositions.get(positionCode);
    if (!position) {
      const name = str(row.values.jobPositionName);
      if (!name) {
        errors.push({
          row: row.row,
          field: 'Tên vị trí việc làm',
          value: positionCode,
          message: 'Vị trí việc làm mới cần tên / a new job position needs its name',
        });
        continue;
      }
      position = { id: uuidv7(), code: positionCode, name };
      newPositions.set(positionCode, position);
    }
    if (existing.has(`${position.id}|${code}`)) {
      errors.push({
        row: row.row,
        field: 'Mã sản phẩm',
        value: code,
        message: 'Đã có trong danh mục / already in the catalogue',
      });
      continue;
    }
    products.push({
      cycleId: cycle.id,
      jobPositionId: position.id,
      code,
      name: str(row.values.name) ?? code,
      unitOfCount: str(row.values.unitOfCount) ?? '',
      coefficient,
    });
  }
  return {
    errors,
    write: async (tx) => {
      // new positions keep the ids their products already name
      await insertAll(tx, 'JobPosition', [...newPositions.values()], options.chunkSize);
      return insertAll(tx, 'Product', products, options.chunkSize);
    },
  };
}

/**
 * Work from a task-assignment system: each task to its assignee, with its catalogue product
 * (converted weight = quantity × coefficient) or its own weight, in its period (given, or that of
 * its due date). A task code already recorded in the cycle, or in a closed period, is refused.
 */
export async function prepareTaskAssignments(options: PeriodImportOptions): Promise<PreparedPeriodImport> {
  const cycle = cycleOf(options);
  const errors: RowError[] = [];
  const people = await resolveAssignees(options, errors);
  const codes = options.rows.map((row) => str(row.values.code) ?? '');
  const existing = new Set(
    (
      await options.prisma.task.findMany({
        where: { cycleId: cycle.id, code: { in: codes } },
        select: { code: true },
      })
    ).map((row) => row.code),
  );
  const products = await options.prisma.product.findMany({ where: { cycleId: cycle.id, active: true } });
  const closures = await options.prisma.periodClosure.findMany({
    where: { cycleId: cycle.id, state: 'CLOSED' },
  });
  const closed = new Set(closures.map((row) => `${row.unitId}|${row.period}`));
  const personUnits = new Map(
    (
      await options.prisma.person.findMany({
        where: { id: { in: [...new Set([...people.values()].map((p) => p.id))] } },
        select: { id: true, unitId: true },
      })
    ).map((row) => [row.id, row.unitId]),
  );
  const tasks: Prisma.TaskCreateManyInput[] = [];
  const seen = new Map<string, number>();
  for (const row of options.rows) {
    const person = people.get(row.row);
    if (!person) continue;
    const code = str(row.values.code) ?? '';
    if (duplicateInFile(seen, code, row, 'Mã công việc', errors)) continue;
    if (existing.has(code)) {
      errors.push({
        row: row.row,
        field: 'Mã công việc',
        value: code,
        message: 'Đã có trong kỳ đánh giá / already recorded',
      });
      continue;
    }
    const dueOn = day(row.values.dueOn);
    if (!dueOn) continue; // required: reported by the type stage
    const named = checkPeriod(cycle, row, errors);
    if (named === -1) continue;
    const period = named ?? periodOfTask(cycle.periodKind, cycle.year, { period: null, dueOn });
    const range = periodRange(cycle.periodKind, cycle.year, period);
    if (named === null && (dueOn < range.from || dueOn > range.to)) {
      errors.push({
        row: row.row,
        field: 'Hạn xử lý',
        value: dueOn.toISOString().slice(0, 10),
        message: `Hạn phải thuộc năm ${cycle.year} hoặc ghi rõ kỳ / the due date must fall in ${cycle.year}, or name the period`,
      });
      continue;
    }
    if (closed.has(`${personUnits.get(person.id)}|${period}`)) {
      errors.push({
        row: row.row,
        field: 'Kỳ',
        value: String(period),
        message:
          'Kỳ đã khóa: điều chỉnh trên màn hình theo dõi, có lý do / the period is closed: correct it on the tracking screen, with a reason',
      });
      continue;
    }
    const productCode = str(row.values.productCode);
    const planned = num(row.values.planned) ?? 1;
    if (!(planned > 0)) {
      errors.push({
        row: row.row,
        field: 'Số lượng giao',
        value: String(planned),
        message: 'Số lượng giao phải > 0 / must be above 0',
      });
      continue;
    }
    let weight = num(row.values.weight) ?? 1;
    let productId: string | null = null;
    let title = str(row.values.title);
    if (productCode) {
      // the person's own position first, then any position's product of that code
      const product =
        products.find((p) => p.code === productCode && p.jobPositionId === person.jobPositionId) ??
        products.find((p) => p.code === productCode);
      if (!product) {
        errors.push({
          row: row.row,
          field: 'Mã sản phẩm',
          value: productCode,
          message: 'Không có trong danh mục của kỳ / not in the cycle’s catalogue',
        });
        continue;
      }
      productId = product.id;
      weight = Math.round(planned * product.coefficient * 1000) / 1000;
      title = title ?? product.name;
    }
    if (!title) {
      errors.push({
        row: row.row,
        field: 'Tên công việc',
        value: null,
        message: 'Cần tên công việc hoặc mã sản phẩm / a title or a product code is required',
      });
      continue;
    }
    const completedOn = day(row.values.completedOn);
    tasks.push({
      cycleId: cycle.id,
      personId: person.id,
      importBatchId: options.batchId,
      code,
      title,
      weight,
      dueOn,
      completedOn,
      planned,
      actual: num(row.values.actual) ?? (completedOn ? planned : 0),
      majorErrors: num(row.values.majorErrors) ?? 0,
      delays: num(row.values.delays) ?? 0,
      period,
      productId,
    });
  }
  return { errors, write: (tx) => insertAll(tx, 'Task', tasks, options.chunkSize) };
}

/** One-stop statistics per handler and period; a handler's period already recorded is refused. */
export async function prepareOneStopStats(options: PeriodImportOptions): Promise<PreparedPeriodImport> {
  const cycle = cycleOf(options);
  const errors: RowError[] = [];
  const people = await resolveAssignees(options, errors);
  const existing = new Set(
    (
      await options.prisma.dossierStat.findMany({
        where: { cycleId: cycle.id, personId: { in: [...new Set([...people.values()].map((p) => p.id))] } },
        select: { personId: true, period: true },
      })
    ).map((row) => `${row.personId}|${row.period}`),
  );
  const stats: Prisma.DossierStatCreateManyInput[] = [];
  const seen = new Map<string, number>();
  for (const row of options.rows) {
    const person = people.get(row.row);
    if (!person) continue;
    const period = checkPeriod(cycle, row, errors);
    if (period === null || period === -1) continue;
    const key = `${person.id}|${period}`;
    if (duplicateInFile(seen, key, row, 'Kỳ', errors)) continue;
    if (existing.has(key)) {
      errors.push({
        row: row.row,
        field: 'Kỳ',
        value: String(period),
        message: 'Đã có số liệu kỳ này / this period is already recorded',
      });
      continue;
    }
    const early = num(row.values.early) ?? 0;
    const onTime = num(row.values.onTime) ?? 0;
    const late = num(row.values.late) ?? 0;
    const received = num(row.values.received) ?? early + onTime + late;
    if (early + onTime + late > received) {
      errors.push({
        row: row.row,
        field: 'Số hồ sơ tiếp nhận',
        value: String(received),
        message: `Trước hạn + đúng hạn + quá hạn (${early + onTime + late}) vượt số tiếp nhận / early + on time + late exceeds received`,
      });
      continue;
    }
    stats.push({
      cycleId: cycle.id,
      personId: person.id,
      importBatchId: options.batchId,
      period,
      received,
      early,
      onTime,
      late,
      apologies: num(row.values.apologies) ?? 0,
    });
  }
  return { errors, write: (tx) => insertAll(tx, 'DossierStat', stats, options.chunkSize) };
}
