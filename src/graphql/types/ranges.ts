import { Field, InputType, Int } from 'type-graphql';
import { badInput } from '../errors';
import type { Params } from '../sql/params';

@InputType({ description: 'An inclusive integer range; give either end or both (整数范围)' })
export class IntRange {
  @Field(() => Int, { nullable: true, description: 'At least this (不小于)' })
  gte?: number;

  @Field(() => Int, { nullable: true, description: 'At most this (不大于)' })
  lte?: number;
}

export function intRangeSql(expr: string, r: IntRange | undefined, p: Params, where: string[], argument: string): void {
  if (!r) return;
  if (r.gte != null && r.lte != null && r.gte > r.lte) throw badInput(`\`gte\` (${r.gte}) is greater than \`lte\` (${r.lte})`, argument);
  if (r.gte != null) where.push(`${expr} >= ${p.add(r.gte)}`);
  if (r.lte != null) where.push(`${expr} <= ${p.add(r.lte)}`);
}

const DISTRICT_CODE = /^\d{6}$/;

/** GB/T 2260 codes: six digits. Unknown codes simply match nothing (retired codes are valid). */
export function districtCodes(codes: string[], argument: string): string[] {
  for (const c of codes) if (!DISTRICT_CODE.test(c)) throw badInput(`"${c}" is not a GB/T 2260 district code (six digits, e.g. 500103)`, argument);
  return codes;
}

export function checkYear(year: number, argument: string): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`\`${argument}\` must be a year between 2000 and 2100 (got ${year})`, argument);
  return year;
}
