import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { compileObject, newCompileCtx } from '../../graphql/sql/compile';
import { runByKeys } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';

/**
 * Reads for the policy module. Measures and targets are small fixed sets (15 and a handful), so
 * they are plain lists; each read, progress included, is one SQL statement (see policy.progress.ts).
 */

/** Compiled objects of `type` for the field being resolved, one SQL statement. */
async function runList(ctx: Context, info: GraphQLResolveInfo, type: string, from: string, orderBy: string): Promise<unknown[]> {
  const params = new Params();
  const c = newCompileCtx(info, ctx.lang, params);
  const rows = await ctx.db.query<{ n: unknown }>(`select ${compileObject(type, info.fieldNodes, 't', c)} as n from ${from} order by ${orderBy}`, params.values);
  return rows.map((r) => r.n);
}

/** The 15 measures in the policy's order. */
export function listPolicyMeasures(ctx: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
  return runList(ctx, info, 'PolicyMeasure', 'policy_measure t', 't.number');
}

/** One measure by its number, or null. */
export async function policyMeasureByNumber(ctx: Context, info: GraphQLResolveInfo, number: number): Promise<unknown> {
  if (!Number.isInteger(number) || number < 1 || number > 32767) {
    throw badInput(`\`number\` is a measure's number in the policy, counted from 1 (the policy has 15); got ${number}`, 'number');
  }
  const [row] = await runByKeys(ctx, info, 'PolicyMeasure', 'policy_measure t', 't.number', 'int', [number], info.fieldNodes);
  return row;
}

/** Every 2027 target, by measure number. */
export function listPolicyTargets(ctx: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
  return runList(ctx, info, 'PolicyTarget', 'policy_target t', 't.measure_number, t.id');
}

/** The dashboard object: counts and every target with its progress, one statement. */
export async function computePolicyProgress(ctx: Context, info: GraphQLResolveInfo): Promise<unknown> {
  const params = new Params();
  const c = newCompileCtx(info, ctx.lang, params);
  const [row] = await ctx.db.query<{ n: unknown }>(`select ${compileObject('PolicyProgress', info.fieldNodes, 'p', c)} as n`, params.values);
  return row.n;
}
