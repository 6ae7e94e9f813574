import { GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../model/dates';

/** The contract's `Date`: an ISO-8601 calendar date such as "2025-06-06", carried as a string. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date, e.g. "2025-06-06"',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (typeof value !== 'string' || !isIsoDate(value)) throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isIsoDate(value)) throw new TypeError(`Date must be "YYYY-MM-DD", got ${JSON.stringify(value)}`);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) throw new TypeError('Date must be a string "YYYY-MM-DD"');
    return ast.value;
  },
});
