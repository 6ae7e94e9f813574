import { GraphQLScalarType, Kind } from 'graphql';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: unknown): string {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(`DateTime must be an ISO-8601 instant such as "2026-12-01T21:26:07.000Z"; got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The contract's `DateTime`: an instant as stored, ISO-8601 in UTC with milliseconds. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant, e.g. "2026-12-01T21:26:07.000Z".',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: instant,
  parseValue: instant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return instant(ast.value);
  },
});
