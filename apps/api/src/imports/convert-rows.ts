import { toSearchText } from '@cadre/db';
import { isServerMessageKey, type MessageParams, type ServerMessageKey } from '@cadre/messages';
import { type ServerText, text } from '../errors.ts';
import type { ImportColumn, ImportKindSpec } from './import-kind.ts';
import type { RawCell } from './read-table.ts';

export type CellValue = string | number | boolean | Date | null;
export type TypedRow = { row: number; values: Record<string, CellValue> };
/** What is wrong with one cell or row; `messageKey`/`messageParams` when made with `text()`. */
export type RowError = {
  row: number;
  field: string;
  value: string | null;
  message: string;
  messageKey?: ServerMessageKey;
  messageParams?: MessageParams;
};

/** A row error as stored (ImportRowError): its key kept only while packages/messages knows it. */
export function storedRowError(stored: {
  row: number;
  field: string;
  value: string | null;
  message: string;
  messageKey: string | null;
  messageParams: unknown;
}): RowError {
  const { row, field, value, message, messageKey, messageParams } = stored;
  if (!messageKey || !isServerMessageKey(messageKey)) return { row, field, value, message };
  const params = messageParams && typeof messageParams === 'object' ? (messageParams as MessageParams) : {};
  return { row, field, value, message, messageKey, messageParams: params };
}

/** Headers compare without diacritics, case, punctuation or a trailing "(*)". */
export function headerKey(text: string): string {
  return toSearchText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// ordinal columns people add to spreadsheets; ignored
const ignoredHeaders = new Set(['stt', 'tt', 'so tt', 'no']);

export type HeaderMap = { columns: (ImportColumn | null)[]; errors: RowError[] };

/** Maps each header cell to a column (Vietnamese header or English key); unknown and missing columns are errors. */
export function mapHeaders(spec: ImportKindSpec, header: RawCell[]): HeaderMap {
  const byName = new Map<string, ImportColumn>();
  for (const column of spec.columns) {
    byName.set(headerKey(column.header), column);
    byName.set(headerKey(column.key), column);
    byName.set(column.key.toLowerCase(), column);
  }
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const columns = header.map((cell, index) => {
    const name = cell === null ? '' : String(cell);
    const key = headerKey(name);
    if (key === '' || ignoredHeaders.has(key)) return null;
    const column = byName.get(key) ?? byName.get(name.trim().toLowerCase());
    if (!column) {
      errors.push({
        row: 1,
        field: name,
        value: name,
        ...text('import.unknownColumn', { position: index + 1, name, template: spec.title }),
      });
      return null;
    }
    if (seen.has(column.key)) {
      errors.push({
        row: 1,
        field: column.header,
        value: name,
        ...text('import.repeatedColumn', { header: column.header }),
      });
      return null;
    }
    seen.add(column.key);
    return column;
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.key)) {
      errors.push({
        row: 1,
        field: column.header,
        value: null,
        ...text('import.missingColumn', { header: column.header }),
      });
    }
  }
  return { columns, errors };
}

const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const decimalPattern = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

function utcDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : null;
}

/** dd/MM/yyyy or yyyy-MM-dd (or an Excel date cell) → midnight UTC; null when not a real date. */
export function parseImportDate(cell: RawCell): Date | null {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? null
      : utcDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) {
    // an Excel serial day number (a date cell without a date format)
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
    return utcDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const textValue = String(cell).trim();
  let match = dmy.exec(textValue);
  if (match) return utcDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = ymd.exec(textValue);
  if (match) return utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

const trueWords = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dung', 'c']);
const falseWords = new Set(['khong', 'no', 'n', 'false', '0', 'sai', 'k']);

// each enum's accepted spellings, keyed once (not for every cell of a 100,000-row file)
const enumKeys = new WeakMap<Record<string, string>, Map<string, string>>();

function enumValue(labels: Record<string, string>, cell: RawCell): string | null {
  let keys = enumKeys.get(labels);
  if (!keys) {
    keys = new Map();
    // in declaration order, the first spelling wins (as the loop over the labels did)
    for (const [value, label] of Object.entries(labels)) {
      for (const key of [headerKey(value), headerKey(label)]) if (!keys.has(key)) keys.set(key, value);
    }
    enumKeys.set(labels, keys);
  }
  return keys.get(headerKey(String(cell))) ?? null;
}

function display(cell: RawCell): string {
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

/** One cell read as its column's type: the value, or an error message. */
export function convertCell(
  column: ImportColumn,
  cell: RawCell,
): { value: CellValue } | { error: ServerText } {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) {
    return column.required
      ? { error: text('import.cell.required', { header: column.header }) }
      : { value: null };
  }
  const type = column.type;
  switch (type.kind) {
    case 'text': {
      const value = display(cell).trim();
      // U+FFFD: bytes that were not UTF-8, or a NUL (see read-table.ts)
      if (value.includes('\uFFFD')) return { error: text('import.cell.notText') };
      return value.length > type.max ? { error: text('import.cell.tooLong', { max: type.max }) } : { value };
    }
    case 'int':
    case 'number': {
      // decimal figures only, with a comma or a point: Number() would also take "0x10" or "0b1"
      const written = String(cell).trim();
      const value =
        typeof cell === 'number'
          ? cell
          : decimalPattern.test(written)
            ? Number(written.replace(',', '.'))
            : Number.NaN;
      if (!Number.isFinite(value) || typeof cell === 'boolean' || cell instanceof Date) {
        return { error: text('import.cell.notNumber', { value: display(cell) }) };
      }
      if (type.kind === 'int' && !Number.isInteger(value)) {
        return { error: text('import.cell.notWhole', { value: display(cell) }) };
      }
      if (value < type.min) return { error: text('import.cell.belowMin', { min: type.min }) };
      if (type.kind === 'number' && type.max !== undefined && value > type.max) {
        return { error: text('import.cell.aboveMax', { max: type.max }) };
      }
      return { value };
    }
    case 'date': {
      const value = parseImportDate(cell);
      return value ? { value } : { error: text('import.cell.notDate', { value: display(cell) }) };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { value: cell };
      const word = headerKey(display(cell));
      if (trueWords.has(word)) return { value: true };
      if (falseWords.has(word)) return { value: false };
      return { error: text('import.cell.notYesNo', { value: display(cell) }) };
    }
    case 'enum': {
      const value = enumValue(type.labels, cell);
      return value
        ? { value }
        : {
            error: text('import.cell.notOneOf', {
              value: display(cell),
              labels: Object.values(type.labels).join(', '),
            }),
          };
    }
  }
}

/** Every data row converted; fully empty rows are skipped; row numbers are the spreadsheet's. */
export function convertRows(
  header: HeaderMap,
  rows: RawCell[][],
  firstRowNumber: number,
): { rows: TypedRow[]; errors: RowError[] } {
  const typed: TypedRow[] = [];
  const errors: RowError[] = [];
  rows.forEach((cells, index) => {
    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) return;
    const row = firstRowNumber + index;
    const values: Record<string, CellValue> = {};
    let ok = true;
    header.columns.forEach((column, columnIndex) => {
      if (!column) return;
      const cell = cells[columnIndex] ?? null;
      const converted = convertCell(column, cell);
      if ('error' in converted) {
        ok = false;
        errors.push({
          row,
          field: column.header,
          value: cell === null ? null : display(cell),
          ...converted.error,
        });
      } else values[column.key] = converted.value;
    });
    if (ok) typed.push({ row, values });
  });
  return { rows: typed, errors };
}
