import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates and instants are refused outside these years: nothing in this API's data is older or later,
 * and both ends are far inside what PostgreSQL's date and timestamptz take (year 0 is not).
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;
const YEARS = `between ${YEAR_MIN} and ${YEAR_MAX}`;

function shown(value: unknown): string {
  return String(value).slice(0, 60);
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(`"${shown(value)}" is not a DateTime: use RFC 3339 with a time zone, e.g. 2026-01-31T08:00:00Z`);
  }
  const iso = new Date(value).toISOString();
  const year = Number(iso.slice(0, 4));
  if (!/^\d{4}-/.test(iso) || year < YEAR_MIN || year > YEAR_MAX) {
    throw badInput(`DateTime "${shown(value)}" is out of range: use an instant in the years ${YEARS}`);
  }
  return iso;
}

/** An instant, RFC 3339 with a time zone; output always in UTC (…Z). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in RFC 3339 form with a time zone, e.g. 2026-01-31T08:00:00Z, in the years 1900–2100 (时间点，RFC 3339 格式，含时区，1900–2100年)',
  serialize: (v) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? new Date(v).toISOString() : v),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !ISO_DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw badInput(`"${shown(value)}" is not a Date: use YYYY-MM-DD, e.g. 2026-03-01`);
  }
  const year = Number(value.slice(0, 4));
  if (year < YEAR_MIN || year > YEAR_MAX) throw badInput(`Date "${value}" is out of range: use a day in the years ${YEARS}`);
  return value;
}

/** A calendar date, YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, in the years 1900–2100 (日期，1900–2100年)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDecimal(value: unknown): string {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s !== 'string' || !/^-?\d{1,16}(\.\d{1,6})?$/.test(s)) {
    throw badInput(`"${shown(value)}" is not a Decimal: use a decimal string such as "1250.50"`);
  }
  return s;
}

/** An exact decimal number as a string; never a float, so money keeps its cents. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1250.50"; each input field says how many digits it takes (精确十进制数，字符串；位数见各字段说明)',
  serialize: (v) => (typeof v === 'number' ? String(v) : v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});
