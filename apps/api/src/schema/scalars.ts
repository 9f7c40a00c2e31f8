import { Kind } from 'graphql';
import { builder, type JsonValue } from '../builder.ts';
import { ValidationError } from '../errors.ts';

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with time zone',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw new ValidationError([
        { field: 'DateTime', message: 'Không phải thời điểm ISO / not an ISO date-time' },
      ]);
    }
    return date;
  },
});

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD), stored at midnight UTC. */
export function parseCalendarDate(value: string): Date | null {
  const match = datePattern.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value) ? date : null;
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => {
    const date = typeof value === 'string' ? parseCalendarDate(value) : null;
    if (!date) {
      throw new ValidationError([
        { field: 'Date', message: `Ngày không hợp lệ / not a date: ${JSON.stringify(value)}` },
      ]);
    }
    return date;
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value as JsonValue,
  parseLiteral: function parseLiteral(ast): JsonValue {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.NULL:
        return null;
      case Kind.LIST:
        return ast.values.map((item) => parseLiteral(item));
      case Kind.OBJECT:
        return Object.fromEntries(ast.fields.map((field) => [field.name.value, parseLiteral(field.value)]));
      default:
        throw new ValidationError([
          { field: 'JSON', message: 'Giá trị JSON không hợp lệ / invalid JSON value' },
        ]);
    }
  },
});
