import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { compileObject, newCompileCtx } from '../../graphql/sql/compile';
import { runByKeys, runConnection, type ConnectionResult, type PageArgs } from '../../graphql/sql/connection';
import { Params } from '../../graphql/sql/params';
import { statusSql } from './policy.validity';

/**
 * Reads for the policy module. Measures and targets are Relay connections like every list (the
 * default page of 20 holds all 15 measures); each read, progress included, is one SQL statement
 * (see policy.progress.ts).
 */

type PolicyFilterArgs = { updatedSince?: string; status?: string };

/** `t` is a measure or provision with its own dates, or, with `measure`, a row whose measure `m` is found by that SQL condition. */
function policyWhere(filter: PolicyFilterArgs | undefined, measure?: string): Sql[] {
  const where: Sql[] = [];
  if (filter?.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(filter.updatedSince, 'timestamptz')}`);
  if (filter?.status) {
    const status = sql`${sql.raw(statusSql('m'))} = ${sql.typed(filter.status, 'text')}`;
    where.push(
      measure
        ? sql`exists (select 1 from policy_measure m where ${sql.raw(measure)} and ${status})`
        : sql`${sql.raw(statusSql('t'))} = ${sql.typed(filter.status, 'text')}`,
    );
  }
  return where;
}

/** The 15 measures in the policy's order. */
export function listPolicyMeasures(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: PolicyFilterArgs }): Promise<ConnectionResult> {
  const params = new Params();
  return runConnection(
    ctx,
    info,
    {
      type: 'PolicyMeasure',
      from: 'policy_measure t',
      where: policyWhere(args.filter).map((w) => w.render(params)),
      params,
      order: [],
      key: 't.number',
    },
    args,
  );
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
export function listPolicyTargets(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: PolicyFilterArgs }): Promise<ConnectionResult> {
  const params = new Params();
  return runConnection(
    ctx,
    info,
    {
      type: 'PolicyTarget',
      from: 'policy_target t',
      where: policyWhere(args.filter, 'm.number = t.measure_number').map((w) => w.render(params)),
      params,
      order: [{ name: 'MEASURE', expr: 't.measure_number', type: 'int', desc: false }],
    },
    args,
  );
}

/** Every time-limited provision, by measure number then first day. */
export function listPolicyProvisions(ctx: Context, info: GraphQLResolveInfo, args: PageArgs & { filter?: PolicyFilterArgs }): Promise<ConnectionResult> {
  const params = new Params();
  return runConnection(
    ctx,
    info,
    {
      type: 'PolicyProvision',
      from: 'policy_provision t',
      where: policyWhere(args.filter).map((w) => w.render(params)),
      params,
      order: [{ name: 'MEASURE', expr: 't.measure_number', type: 'int', desc: false }],
    },
    args,
  );
}

/** The dashboard object: counts and every target with its progress, one statement. */
export async function computePolicyProgress(ctx: Context, info: GraphQLResolveInfo): Promise<unknown> {
  const params = new Params();
  const c = newCompileCtx(info, ctx.lang, params);
  const [row] = await ctx.db.query<{ n: unknown }>(`select ${compileObject('PolicyProgress', info.fieldNodes, 'p', c)} as n`, params.values);
  return row.n;
}
