import type { Cycle } from '@cadre/db';
import { PERIOD_COUNTS } from '@cadre/rules';
import { buildPeopleWhere } from '../domains/people/build-people-where.ts';
import type { CellValue, RowError, TypedRow } from './convert-rows.ts';
import type { PrepareOptions } from './import-kind.ts';
import { num } from './prepare-import.ts';

// What the catalogue, task-assignment and one-stop imports (kinds/products.ts,
// task-assignments.ts, one-stop-stats.ts) share: their cycle, their assignees inside the
// uploader's scope, the period a row names, and the duplicates in the file. As with every import,
// nothing is written unless every row is valid (import-evidence.ts).

/** A cell's text, trimmed; a blank cell is none. */
export const trimmedText = (value: CellValue | undefined): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null;

export function cycleOf(options: PrepareOptions): Cycle {
  if (!options.cycle) throw new Error('period imports need a cycle');
  return options.cycle;
}

/** People named by staff number or personal identification number, inside the uploader's scope. */
export async function resolveAssignees(
  options: PrepareOptions,
  errors: RowError[],
): Promise<Map<number, { id: string; jobPositionId: string | null }>> {
  const codes = [
    ...new Set(options.rows.map((row) => trimmedText(row.values.personCode)).filter((v): v is string => !!v)),
  ];
  const personalIds = [
    ...new Set(options.rows.map((row) => trimmedText(row.values.personalId)).filter((v): v is string => !!v)),
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
    const code = trimmedText(row.values.personCode);
    const personalId = trimmedText(row.values.personalId);
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

export function checkPeriod(cycle: Cycle, row: TypedRow, errors: RowError[]): number | null {
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

export function duplicateInFile(
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
