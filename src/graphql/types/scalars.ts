import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(`"${String(value)}" is not a DateTime: use RFC 3339 with a time zone, e.g. 2026-01-31T08:00:00Z`);
  }
  return new Date(value).toISOString();
}

/** An instant, RFC 3339 with a time zone; output always in UTC (…Z). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in RFC 3339 form with a time zone, e.g. 2026-01-31T08:00:00Z (时间点，RFC 3339 格式，含时区)',
  serialize: (v) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? new Date(v).toISOString() : v),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z')) || new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) {
    throw badInput(`"${String(value)}" is not a Date: use YYYY-MM-DD, e.g. 2026-03-01`);
  }
  return value;
}

/** A calendar date, YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (日期)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDecimal(value: unknown): string {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s !== 'string' || !/^-?\d{1,16}(\.\d{1,6})?$/.test(s)) {
    throw badInput(`"${String(value)}" is not a Decimal: use a decimal string such as "1250.50"`);
  }
  return s;
}

/** An exact decimal number as a string; never a float, so money keeps its cents. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1250.50" (精确十进制数，字符串)',
  serialize: (v) => (typeof v === 'number' ? String(v) : v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});
