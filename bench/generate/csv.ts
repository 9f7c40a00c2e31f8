// PostgreSQL CSV for COPY: NULL is an unquoted empty field, an empty string is "", booleans are
// t/f, arrays are array literals. The same text loads through COPY FROM STDIN (PostgreSQL) and
// COPY FROM '/dev/blob' (PGlite).
import type { ColumnValue, Row } from './province.ts';

const needsQuotes = /[",\n\r\\]|^$|^\s|\s$/;

function quote(text: string): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

export function csvField(value: ColumnValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return quote(value);
  return quote(arrayLiteral(value));
}

export function csvLine(row: Row): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += ',';
    line += csvField(row[i] as ColumnValue);
  }
  return `${line}\n`;
}
