import type { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from '../builder.ts';
import { ValidationError } from '../errors.ts';

// The scalars of graphql-scalars (RFC 3339 dates and instants, JSON), as Pothos' own examples use
// them; a value they refuse is answered in our words, naming the scalar. The descriptions stay ours
// (the contract in schema.graphql).

/** The library's parsing of a variable, with a Vietnamese-first error naming the field. */
function parseOrRefuse(scalar: GraphQLScalarType, message: (value: unknown) => string) {
  return (value: unknown) => {
    try {
      return scalar.parseValue(value) as Date;
    } catch {
      throw new ValidationError([{ field: scalar.name, message: message(value) }]);
    }
  };
}

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'An instant, ISO 8601 with time zone',
  specifiedByURL: null,
  parseValue: parseOrRefuse(DateTimeResolver, () => 'Không phải thời điểm ISO / not an ISO date-time'),
});

builder.addScalarType('Date', DateResolver, {
  description: 'A calendar date, YYYY-MM-DD',
  specifiedByURL: null,
  parseValue: parseOrRefuse(
    DateResolver,
    (value) => `Ngày không hợp lệ / not a date: ${JSON.stringify(value)}`,
  ),
});

builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value', specifiedByURL: null });
