import { GraphQLScalarType, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { schema } from './index.ts';

const scalar = (name: string) => {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLScalarType)) throw new Error(`${name} is not a scalar`);
  return type;
};

describe('the Date, DateTime and JSON scalars', () => {
  it('write a calendar date as YYYY-MM-DD and read it back at midnight UTC, from a variable or inline', () => {
    const date = scalar('Date');
    expect(date.serialize(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(date.parseValue('2026-01-05')).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(date.parseLiteral({ kind: Kind.STRING, value: '2026-12-31' })).toEqual(
      new Date(Date.UTC(2026, 11, 31)),
    );
  });

  it('refuse a date that does not exist, in Vietnamese first, naming the scalar', () => {
    const date = scalar('Date');
    expect(() => date.parseValue('2026-02-30')).toThrow(ValidationError);
    expect(() => date.parseValue('05/01/2026')).toThrow(/Ngày không hợp lệ \/ not a date: "05\/01\/2026"/);
  });

  it('read an instant with its time zone and write it in UTC', () => {
    const dateTime = scalar('DateTime');
    expect(dateTime.parseValue('2026-01-05T10:00:00+07:00')).toEqual(new Date('2026-01-05T03:00:00Z'));
    // on the wire (graphql-scalars 2 hands the Date to the JSON writer)
    expect(JSON.stringify(dateTime.serialize(new Date('2026-01-05T03:00:00Z')))).toBe(
      '"2026-01-05T03:00:00.000Z"',
    );
    expect(() => dateTime.parseValue('hôm qua')).toThrow(/Không phải thời điểm ISO/);
  });

  it('pass JSON through as it is', () => {
    const json = scalar('JSON');
    expect(json.parseValue({ a: [1, 'hai', null] })).toEqual({ a: [1, 'hai', null] });
    expect(json.serialize({ weight: 0.3 })).toEqual({ weight: 0.3 });
  });
});
