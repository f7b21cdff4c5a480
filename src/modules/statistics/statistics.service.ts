import type { GraphQLResolveInfo } from 'graphql';
import { sql, type Sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { compileObject, newCompileCtx } from '../../graphql/sql/compile';
import { Params } from '../../graphql/sql/params';
import { checkYear } from '../../graphql/types/ranges';
import { BeltIndustry } from '../belt/belt.enums';
import { CustomsMode, EnterpriseRole, GmvBand, GmvBandBounds, TradeDirection } from '../enterprise/enterprise.enums';
import type { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { enterpriseWhere } from '../enterprise/enterprise.service';
import { ParkDesignation, ParkKind } from '../park/park.enums';
import { StorageClass } from '../warehouse/warehouse.enums';
import type { WarehouseFilter } from '../warehouse/warehouse.inputs';
import { warehouseWhere } from '../warehouse/warehouse.service';
import { BeltDimension, EnterpriseDimension, MarketFigureDimension, ParkDimension, WarehouseDimension } from './statistics.enums';

/**
 * Grouped statistics. Each call is one SQL statement of the form
 *
 *   select <group object> from (select <keys>, <measures> from <rows> <joins> where … group by <keys>) g order by <keys>
 *
 * where keys not asked for are typed nulls (or, for `year`, the one year the figures are for), so
 * every group type keeps one shape. Array columns (roles, storage classes) are unnested only when
 * grouped by, which is why an enterprise with two roles counts once in each role's group.
 * Sums are numeric in PostgreSQL and leave it as text: exact to the cent.
 */

interface Dimension {
  /** Column of the grouped sub-select `g`. */
  column: string;
  /** Grouping expression over the base rows. */
  expr: string;
  /** Order of the groups, over `g`. */
  sort: (g: string) => string;
  /** A join the dimension needs (e.g. unnesting an array column). */
  join?: string;
}

interface GroupQuery<D extends string> {
  type: string;
  from: string;
  dims: Record<D, Dimension>;
  /** Value of a dimension's column when not grouped by it (default: a typed null). */
  ungrouped?: Partial<Record<D, string>>;
  /** Types of the dimension columns, for their nulls. */
  types: Record<D, string>;
  measures: string[];
  where: string[];
  params: Params;
  vars?: Record<string, unknown>;
  /** The `n` largest groups by the numeric measure column `by` of `g` (ties by the keys), instead of every group by key. */
  top?: { by: string; n: number };
}

/** Orders enum-valued keys by the enum's declaration order rather than alphabetically. */
function enumOrder(values: readonly string[], col: string): string {
  return `array_position(array[${values.map((v) => `'${v}'`).join(', ')}]::text[], ${col}) nulls last`;
}

async function runGroups<D extends string>(ctx: Context, info: GraphQLResolveInfo, q: GroupQuery<D>, groupBy: D[]): Promise<unknown[]> {
  const chosen = [...new Set(groupBy)];
  const dimNames = Object.keys(q.dims) as D[];
  const selects = dimNames.map((k) => {
    if (chosen.includes(k)) return `${q.dims[k].expr} as ${q.dims[k].column}`;
    return `${q.ungrouped?.[k] ?? `null::${q.types[k]}`} as ${q.dims[k].column}`;
  });
  const joins = chosen.map((k) => q.dims[k].join).filter((j): j is string => !!j);
  const groupOrdinals = chosen.map((k) => dimNames.indexOf(k) + 1);
  const c = newCompileCtx(info, ctx.lang, q.params, q.vars);
  const obj = compileObject(q.type, info.fieldNodes, 'g', c);
  const inner =
    `select ${[...selects, ...q.measures].join(', ')} from ${q.from}${joins.length ? ` ${joins.join(' ')}` : ''}` +
    `${q.where.length ? ` where ${q.where.join(' and ')}` : ''}${groupOrdinals.length ? ` group by ${groupOrdinals.join(', ')}` : ''}`;
  const keyOrder = chosen.map((k) => q.dims[k].sort('g'));
  const terms = q.top ? [`g.${q.top.by} desc`, ...keyOrder] : keyOrder;
  const order = terms.length ? ` order by ${terms.join(', ')}` : '';
  const limit = q.top ? ` limit ${q.params.add(q.top.n)}` : '';
  const rows = await ctx.db.query<{ n: unknown }>(`select ${obj} as n from (${inner}) g${order}${limit}`, q.params.values);
  return rows.map((r) => r.n);
}

/** `year` as given (checked), or null. */
function yearArg(year: number | null | undefined): number | null {
  return year == null ? null : checkYear(year, 'year');
}

/** The band of a CBEC-transactions amount, from GmvBandBounds (null when there is no figure). */
function gmvBandSql(amount: string): string {
  const bands = (Object.entries(GmvBandBounds) as [GmvBand, [number, number | null]][]).sort((a, b) => a[1][0] - b[1][0]);
  const whens = bands.map(([band, [, hi]]) => (hi === null ? `else '${band}'` : `when ${amount} < ${hi} then '${band}'`));
  if (!whens[whens.length - 1].startsWith('else')) whens.push('else null');
  return `(case when ${amount} is null then null ${whens.join(' ')} end)`;
}

/**
 * Which annual figures a statistic covers: the year asked for; else every year when grouped by
 * year; else the latest year that has figures. Returns the join condition and the `year` column
 * for rows not grouped by year (`figures` and `alias` are SQL text written by the code).
 */
function yearScope(figures: string, alias: string, year: number | null, byYear: boolean): { cond: Sql; ungrouped: Sql } {
  if (year != null) return { cond: sql`${sql.raw(alias)}.year = ${year}::smallint`, ungrouped: sql`${sql.typed(year, 'int')}` };
  if (byYear) return { cond: sql`true`, ungrouped: sql`null::int` };
  const latest = sql.raw(`(select max(year)::int from ${figures})`);
  return { cond: sql`${sql.raw(alias)}.year = ${latest}`, ungrouped: latest };
}

const CNY_SUM = (col: string, as: string) => `round(coalesce(sum(${col}), 0), 2)::text as ${as}`;

/** Enterprises grouped by district, role, GMV band and/or year, with counts and CNY sums. */
export async function enterpriseStatistics(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { groupBy: EnterpriseDimension[]; year?: number | null; filter?: EnterpriseFilter },
): Promise<unknown[]> {
  const params = new Params();
  const year = yearArg(args.year);
  const where = (await enterpriseWhere(ctx, args.filter, params)).map((w) => w.render(params));
  const scope = yearScope('enterprise_annual_figure', 'af', year, args.groupBy.includes(EnterpriseDimension.YEAR));
  const D = EnterpriseDimension;
  return runGroups(
    ctx,
    info,
    {
      type: 'EnterpriseGroup',
      from: sql`enterprise t left join enterprise_annual_figure af on af.enterprise_id = t.id and ${scope.cond}`.render(params),
      dims: {
        [D.DISTRICT]: { column: 'district_code', expr: 't.district_code', sort: (g) => `${g}.district_code nulls last` },
        [D.ROLE]: {
          column: 'role',
          expr: 'r.role',
          join: 'left join lateral unnest(t.roles) r(role) on true',
          sort: (g) => enumOrder(Object.values(EnterpriseRole), `${g}.role`),
        },
        [D.GMV_BAND]: { column: 'gmv_band', expr: gmvBandSql('af.cbec_transactions_cny'), sort: (g) => enumOrder(Object.values(GmvBand), `${g}.gmv_band`) },
        [D.YEAR]: { column: 'year', expr: 'af.year::int', sort: (g) => `${g}.year nulls last` },
        [D.CUSTOMS_MODE]: {
          column: 'customs_mode',
          expr: 'cm.customs_mode',
          join: 'left join lateral unnest(t.customs_modes) cm(customs_mode) on true',
          sort: (g) => enumOrder(Object.values(CustomsMode), `${g}.customs_mode`),
        },
      },
      types: { [D.DISTRICT]: 'text', [D.ROLE]: 'text', [D.GMV_BAND]: 'text', [D.YEAR]: 'int', [D.CUSTOMS_MODE]: 'text' },
      ungrouped: { [D.YEAR]: scope.ungrouped.render(params) },
      // Each enterprise is one row per group (one year's figure, or one per year when grouped by
      // year; one per role when unnested), so plain counts are exact and skip a sort per group.
      measures: [
        'count(*)::int as enterprise_count',
        'count(af.enterprise_id)::int as reporting_count',
        'count(*) filter (where t.is_sample)::int as sample_count',
        CNY_SUM('af.cbec_transactions_cny', 'cbec_transactions'),
        CNY_SUM('af.imports_cny', 'imports'),
        CNY_SUM('af.exports_cny', 'exports'),
      ],
      where,
      params,
    },
    args.groupBy,
  );
}

/** The most groups `top` asks for. */
export const TOP_MAX = 100;

/**
 * Enterprises' market figures grouped by country, year and/or direction, with enterprise counts and
 * exact CNY sums; with `top`, the largest groups by amount (the top markets).
 */
export async function marketFigureStatistics(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { groupBy: MarketFigureDimension[]; year?: number | null; direction?: TradeDirection | null; top?: number | null; filter?: EnterpriseFilter },
): Promise<unknown[]> {
  const params = new Params();
  const year = yearArg(args.year);
  if (args.top != null && (!Number.isInteger(args.top) || args.top < 1 || args.top > TOP_MAX))
    throw badInput(`\`top\` must be between 1 and ${TOP_MAX} (got ${args.top})`, 'top');
  const where = (await enterpriseWhere(ctx, args.filter, params)).map((w) => w.render(params));
  const scope = yearScope('enterprise_market_figure', 'mf', year, args.groupBy.includes(MarketFigureDimension.YEAR));
  where.unshift(scope.cond.render(params));
  if (args.direction != null) where.push(sql`mf.direction = ${args.direction}`.render(params));
  const D = MarketFigureDimension;
  return runGroups(
    ctx,
    info,
    {
      type: 'MarketFigureGroup',
      from: 'enterprise_market_figure mf join enterprise t on t.id = mf.enterprise_id',
      dims: {
        [D.COUNTRY]: { column: 'country_code', expr: 'mf.country_code', sort: (g) => `${g}.country_code` },
        [D.YEAR]: { column: 'year', expr: 'mf.year::int', sort: (g) => `${g}.year` },
        [D.DIRECTION]: { column: 'direction', expr: 'mf.direction', sort: (g) => enumOrder(Object.values(TradeDirection), `${g}.direction`) },
      },
      types: { [D.COUNTRY]: 'text', [D.YEAR]: 'int', [D.DIRECTION]: 'text' },
      // Rendered only where used: every parameter of the statement appears in it.
      ungrouped: {
        ...(!args.groupBy.includes(D.YEAR) && { [D.YEAR]: scope.ungrouped.render(params) }),
        ...(args.direction != null && !args.groupBy.includes(D.DIRECTION) && { [D.DIRECTION]: sql`${args.direction}::text`.render(params) }),
      },
      // An enterprise has one row per country, year and direction: several in a group not keyed by all three.
      measures: [
        'count(distinct mf.enterprise_id)::int as enterprise_count',
        'count(distinct mf.enterprise_id) filter (where t.is_sample)::int as sample_count',
        CNY_SUM('mf.amount_cny', 'amount'),
        'coalesce(sum(mf.amount_cny), 0) as amount_sort',
      ],
      where,
      params,
      top: args.top != null ? { by: 'amount_sort', n: args.top } : undefined,
    },
    args.groupBy,
  );
}

/** Overseas warehouses grouped by country and/or storage class, with counts and capacity. */
export async function warehouseStatistics(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { groupBy: WarehouseDimension[]; filter?: WarehouseFilter },
): Promise<unknown[]> {
  const params = new Params();
  const vars: Record<string, unknown> = {};
  const where = (await warehouseWhere(ctx, args.filter, vars)).map((w) => w.render(params));
  const D = WarehouseDimension;
  return runGroups(
    ctx,
    info,
    {
      type: 'WarehouseGroup',
      from: 'overseas_warehouse t',
      dims: {
        [D.COUNTRY]: { column: 'country_code', expr: 't.country_code', sort: (g) => `${g}.country_code nulls last` },
        [D.STORAGE_CLASS]: {
          column: 'storage_class',
          expr: 's.storage_class',
          join: 'left join lateral unnest(t.storage_classes) s(storage_class) on true',
          sort: (g) => enumOrder(Object.values(StorageClass), `${g}.storage_class`),
        },
      },
      types: { [D.COUNTRY]: 'text', [D.STORAGE_CLASS]: 'text' },
      // One row per warehouse per group (one per class when unnested): plain counts are exact.
      measures: [
        'count(*)::int as warehouse_count',
        'count(*) filter (where t.is_public)::int as public_count',
        'count(*) filter (where t.is_sample)::int as sample_count',
        'round(coalesce(sum(t.capacity_cbm), 0), 2)::text as capacity_cbm',
      ],
      where,
      params,
      vars,
    },
    args.groupBy,
  );
}

/** Industrial belts grouped by industry and/or year, with import+export sums. */
export async function beltStatistics(ctx: Context, info: GraphQLResolveInfo, args: { groupBy: BeltDimension[]; year?: number | null }): Promise<unknown[]> {
  const params = new Params();
  const year = yearArg(args.year);
  const scope = yearScope('belt_annual_figure', 'af', year, args.groupBy.includes(BeltDimension.YEAR));
  const D = BeltDimension;
  return runGroups(
    ctx,
    info,
    {
      type: 'BeltGroup',
      from: sql`industrial_belt t left join belt_annual_figure af on af.belt_id = t.id and ${scope.cond}`.render(params),
      dims: {
        [D.INDUSTRY]: { column: 'industry', expr: 't.industry', sort: (g) => enumOrder(Object.values(BeltIndustry), `${g}.industry`) },
        [D.YEAR]: { column: 'year', expr: 'af.year::int', sort: (g) => `${g}.year nulls last` },
      },
      types: { [D.INDUSTRY]: 'text', [D.YEAR]: 'int' },
      ungrouped: { [D.YEAR]: scope.ungrouped.render(params) },
      measures: [
        'count(distinct t.id)::int as belt_count',
        'count(distinct af.belt_id)::int as reporting_count',
        'count(distinct t.id) filter (where t.is_sample)::int as sample_count',
        CNY_SUM('af.import_export_cny', 'import_export'),
      ],
      where: [],
      params,
    },
    args.groupBy,
  );
}

/** Industrial parks grouped by kind, district and/or designation, with tenant counts. */
export async function parkStatistics(ctx: Context, info: GraphQLResolveInfo, args: { groupBy: ParkDimension[] }): Promise<unknown[]> {
  const D = ParkDimension;
  return runGroups(
    ctx,
    info,
    {
      type: 'ParkGroup',
      from: 'industrial_park t left join park_tenancy pt on pt.park_id = t.id',
      dims: {
        [D.KIND]: { column: 'kind', expr: 't.kind', sort: (g) => enumOrder(Object.values(ParkKind), `${g}.kind`) },
        [D.DISTRICT]: { column: 'district_code', expr: 't.district_code', sort: (g) => `${g}.district_code nulls last` },
        [D.DESIGNATION]: { column: 'designation', expr: 't.designation', sort: (g) => enumOrder(Object.values(ParkDesignation), `${g}.designation`) },
      },
      types: { [D.KIND]: 'text', [D.DISTRICT]: 'text', [D.DESIGNATION]: 'text' },
      measures: [
        'count(distinct t.id)::int as park_count',
        'count(distinct pt.enterprise_id) filter (where pt.moved_out_on is null)::int as current_tenant_count',
        'count(distinct pt.enterprise_id)::int as cumulative_tenant_count',
      ],
      where: [],
      params: new Params(),
    },
    args.groupBy,
  );
}
