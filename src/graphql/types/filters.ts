import { Field, InputType, type ClassType } from 'type-graphql';
import { badInput } from '../errors';
import { sql, type Sql } from '../../db/sql';

/**
 * Shared filter operators (Vendure `StringOperators`, Saleor `where`). Each compiles to SQL that a
 * GIN or B-tree index serves.
 */

/** `{ anyOf, allOf }` over an array column of enum values, served by the column's GIN index. */
export function EnumSetFilter<E extends string>(enumType: Record<string, E>, name: string, zh: string) {
  @InputType(`${name}SetFilter`, { description: `Match on a set of ${name} values (${zh}集合筛选)` })
  class SetFilter {
    @Field(() => [enumType], { nullable: true, description: 'At least one of these (包含任一)' })
    anyOf?: E[];

    @Field(() => [enumType], { nullable: true, description: 'Every one of these (全部包含)' })
    allOf?: E[];
  }
  return SetFilter as ClassType<{ anyOf?: E[]; allOf?: E[] }>;
}

/** Pushes the conditions of a set filter on the array `column` (SQL text written by the code) onto `where`. */
export function setFilterSql(column: string, f: { anyOf?: string[]; allOf?: string[] } | undefined, where: Sql[]): void {
  if (!f) return;
  if (f.anyOf) where.push(sql`${sql.raw(column)} && ${sql.array(f.anyOf, 'text')}`);
  if (f.allOf) where.push(sql`${sql.raw(column)} @> ${sql.array(f.allOf, 'text')}`);
}

/** `values` when there are at most `max` of them; else BAD_USER_INPUT naming `argument`. */
export function atMost<T>(values: T[], max: number, argument: string): T[] {
  if (values.length > max) throw badInput(`\`${argument}\` takes at most ${max} values (got ${values.length}; 最多${max}个)`, argument);
  return values;
}

const ISO_COUNTRY = /^[A-Z]{2}$/;

/** Upper-cases and checks ISO 3166-1 alpha-2 codes against the countries the API knows. */
export function countryCodes(codes: string[], known: ReadonlySet<string>, argument: string): string[] {
  const malformed = codes.filter((raw) => !ISO_COUNTRY.test(raw.trim().toUpperCase()));
  if (malformed.length)
    throw badInput(
      `${quoted(malformed)} ${malformed.length === 1 ? 'is not an ISO 3166-1 alpha-2 country code' : 'are not ISO 3166-1 alpha-2 country codes'} (two letters, e.g. DE)`,
      argument,
    );
  const unknown = codes.filter((raw) => !known.has(raw.trim().toUpperCase()));
  // Every unknown code at once, as the slug and district checks name theirs.
  if (unknown.length)
    throw badInput(`Unknown country code${unknown.length === 1 ? '' : 's'} ${quoted(unknown)}; see \`countries\` for the codes in use`, argument);
  return codes.map((raw) => raw.trim().toUpperCase());
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * The options of every filter's `isSample` field: sample rows (fictitious, seeded for demonstration)
 * can be left out or picked out the same way on every kind that has them.
 */
export const IS_SAMPLE_FIELD = { nullable: true, description: 'Only sample data (true) or only real records (false) (是否示例数据)' };

/** Pushes the condition of an `isSample` filter field on `alias`.is_sample (SQL text written by the code) onto `where`. */
export function isSampleSql(f: { isSample?: boolean | null } | undefined, where: Sql[], alias = 't'): void {
  if (f?.isSample != null) where.push(sql`${sql.raw(alias)}.is_sample = ${f.isSample}`);
}
