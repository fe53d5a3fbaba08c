import { GraphQLError, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { builder } from '../builder.js';

builder.addScalarType('DateTime', DateTimeResolver);
builder.scalarType('Date', {
  description: 'A calendar date, `YYYY-MM-DD` (China Standard Time calendar days).',
  serialize: (d) => (d as Date).toISOString().slice(0, 10),
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});
builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request specification.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
});

function parseDate(v: unknown): Date {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new GraphQLError('Date must be YYYY-MM-DD');
  const d = new Date(`${v}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new GraphQLError(`Not a calendar date: ${v}`);
  return d;
}
