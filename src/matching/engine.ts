import { badInput } from '../graphql/errors';
import { Params } from '../graphql/sql/params';
import type { AnyProfile, Factor, MatchCursor, MatchProfile, MatchRequest, MatchRow } from './profile';

/**
 * The matching engine: ranks the candidates of a profile in one SQL statement, counts the full
 * matches, finds near misses (candidates failing exactly one hard constraint), explains each
 * returned row in Chinese and English and pages. It knows no domain (docs/matchmaking.md).
 *
 * The statement's stages:
 *   ranked   one pass over the candidates (index-served `where`): the profile's columns and the
 *            number of hard constraints failed; without near misses every constraint is a filter
 *   counted  full matches
 *   kept     near misses only while full matches are fewer than asked
 *   top      each factor's value and whether it applies to the pair, and the weight sum per pair
 *   scored   the score: Σ round(weight / weight sum, 4) × value, rounded to 4 places
 *   best     the page (or the one focused row, with its rank among all)
 * and then only the returned rows get their node and explanation columns.
 */

/** The most rows one ranking returns. */
export const MATCH_MAX = 50;
export const MATCH_DEFAULT = 20;
/**
 * About the most full matches a walk reads (and ranks) for a page: shared out among its
 * partitions, at least `first` each. Beyond it a ranking is capped: it ranks the full matches it
 * read (each partition's first in its index order) and says so.
 */
export const MATCH_WALK = 1000;
/**
 * About the most candidates the full-match walks of a ranking read together, where the walk can
 * stop on them (CandidateWalk.tableColumns): shared out among its partitions, at least 20 × its
 * share of MATCH_WALK each. A partition whose full matches are rare is read that far, not to its
 * end; the ranking is then capped too.
 */
export const MATCH_SCAN = 30000;

/** Weights by weightKey, each 0–1, normalised to sum 1 over the factors that apply. */
export type Weights = Record<string, number>;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** `first` for a ranking: 1–MATCH_MAX, default MATCH_DEFAULT. */
export function checkFirst(first: number | null | undefined): number {
  const n = first ?? MATCH_DEFAULT;
  if (!Number.isInteger(n) || n < 1 || n > MATCH_MAX) throw badInput(`\`first\` must be between 1 and ${MATCH_MAX} (got ${n})`, 'first');
  return n;
}

/** The profile's default weights with what was asked laid over them; each must be 0–1. */
export function askedWeights(profile: AnyProfile, input?: Record<string, number | null | undefined>): Weights {
  const w: Weights = Object.fromEntries(profile.factors.map((f) => [f.weightKey, f.defaultWeight]));
  for (const [k, v] of Object.entries(input ?? {})) {
    if (v === undefined || v === null) continue;
    if (!(k in w)) throw badInput(`weights.${k} is not a factor of this ranking`, `weights.${k}`);
    if (!(v >= 0 && v <= 1)) throw badInput(`weights.${k} must be between 0 and 1 (got ${v})`, `weights.${k}`);
    w[k] = v;
  }
  if (Object.values(w).reduce((a, b) => a + b, 0) <= 0) throw badInput('At least one weight must be more than 0', 'weights');
  return w;
}

/**
 * Normalises weights to sum 1 over the factors that apply (the others weigh 0), each rounded to
 * 4 places, as the statement does per pair. All zero when none that applies has weight.
 */
export function normalise(weights: Weights, applies: (key: string) => boolean = () => true): Weights {
  const keys = Object.keys(weights);
  const sum = keys.reduce((a, k) => a + (applies(k) ? weights[k] : 0), 0);
  return Object.fromEntries(keys.map((k) => [k, applies(k) && sum > 0 ? round(weights[k] / sum, 4) : 0]));
}

/**
 * What a profile must hold to rank at all, as a list of problems (empty when sound): a key among
 * its columns, names unique and upper case, weights 0–1 with at least one above 0, orderings on
 * its columns, and no column named like one of the engine's own (misses, score, rank …).
 */
export function checkProfile(profile: AnyProfile): string[] {
  const problems: string[] = [];
  const ENGINE_COLUMNS = ['misses', 'score', 'rank', 'wsum', 'id', 'node', 'full_count', 'full_capped', 'walk_n', 'walk_full', 'walk_scan', 'explanation'];
  const columns = Object.keys(profile.columns);
  if (!columns.includes(profile.key)) problems.push(`key ${profile.key} is not one of its columns`);
  for (const c of columns) {
    if (!/^[a-z][a-z0-9_]*$/.test(c)) problems.push(`column ${c} is not a lower-case identifier`);
    if (ENGINE_COLUMNS.includes(c) || /^(f|a|ok)_\d+$/.test(c)) problems.push(`column ${c} is a name the engine uses`);
  }
  const names = (what: string, list: { name: string }[]) => {
    const seen = new Set<string>();
    for (const { name } of list) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(name)) problems.push(`${what} ${name} is not an enum-style name`);
      if (seen.has(name)) problems.push(`${what} ${name} appears twice`);
      seen.add(name);
    }
  };
  names('constraint', profile.constraints);
  names('factor', profile.factors);
  const keys = new Set<string>();
  for (const f of profile.factors) {
    if (keys.has(f.weightKey)) problems.push(`weight key ${f.weightKey} appears twice`);
    keys.add(f.weightKey);
    if (!(f.defaultWeight >= 0 && f.defaultWeight <= 1)) problems.push(`factor ${f.name} weighs ${f.defaultWeight}, not 0–1`);
  }
  if (!profile.factors.some((f) => f.defaultWeight > 0)) problems.push('no factor weighs more than 0');
  for (const [name, o] of Object.entries(profile.orderings ?? {})) {
    if (name === 'FIT') problems.push('ordering FIT is the score itself');
    if (!columns.includes(o.column)) problems.push(`ordering ${name} sorts by ${o.column}, not one of its columns`);
  }
  return problems;
}

/** Every hard constraint met, in the profile's order (SQL over the `from` aliases). */
export function fullMatchSql(profile: AnyProfile): string {
  return profile.constraints.length === 0 ? 'true' : profile.constraints.map((c) => `(${c.sql})`).join(' and ');
}

const f = (i: number) => `f_${i}`;
const a = (i: number) => `a_${i}`;
const ok = (i: number) => `ok_${i}`;

/** The profile's columns as a select list (over the candidates' aliases). */
const columnsSql = (profile: AnyProfile) =>
  Object.entries(profile.columns)
    .map(([name, sql]) => `${sql} as ${name}`)
    .join(', ');

/** Whether each hard constraint is met (ok_0 …, NULL as not met), as a select list: what a row's explanation reads. */
const flagsSql = (profile: AnyProfile) => profile.constraints.map((c, i) => `coalesce((${c.sql}), false) as ${ok(i)}`).join(', ') || 'true as ok_all';

/** The ranking statement for a profile and a request (exported for the unit tests). */
export function rankingSql(profile: AnyProfile, req: MatchRequest, weights: Weights): string {
  const p = req.params;
  const key = profile.key;
  const source = profile.candidates(req.query, p);
  const n = profile.constraints.length;
  if (!Number.isInteger(req.first) || req.first < 1 || req.first > MATCH_MAX)
    throw new Error(`${profile.name}: first must be 1–${MATCH_MAX} (checkFirst), got ${req.first}`);
  // A constraint or an applicability that is NULL for a pair counts as not met / not applying,
  // the same in the filter, the count of misses, the score and the explanation.
  const misses = n === 0 ? '0' : `(${n} - (${profile.constraints.map((c) => `coalesce((${c.sql}), false)::int`).join(' + ')}))`;
  const full = fullMatchSql(profile);
  const columns = columnsSql(profile);
  const w = profile.factors.map((x) => `${p.add(weights[x.weightKey])}::float8`);
  // biome-ignore lint/suspicious/noExplicitAny: factors of any row type
  const applies = (x: Factor<any>) => (x.applies ? `coalesce((${x.applies}), false)` : 'true');
  const wsum = profile.factors.map((x, i) => `${w[i]} * (${applies(x)})::int`).join(' + ');
  // Each weight normalised per pair and rounded to 4 places as JavaScript's Math.round does
  // (half up), in float8: the weights clients see are these, and numeric rounding per candidate
  // and factor would cost more than the rest of the scoring.
  const terms = profile.factors.map((_x, i) => `floor(${w[i]} / t.wsum * 10000 + 0.5) / 10000 * t.${a(i)}::int * coalesce(t.${f(i)}, 0)`).join(' + ');
  const ordering = req.orderBy ? profile.orderings?.[req.orderBy] : undefined;
  if (req.orderBy && !ordering) throw new Error(`${profile.name} has no ordering ${req.orderBy}`);
  const order = (x: string) => [`${x}.misses`, ...(ordering ? [`${x}.${ordering.column} desc`] : []), `${x}.score desc`, `${x}.${key}`].join(', ');
  const walk = req.focus === undefined ? source.walk : undefined;
  // After a cursor: the rows past it in the order (misses, then the ordering's value and the score
  // descending, then the key), compared as one row value.
  const after = req.after
    ? `(${[`r.misses`, ...(ordering ? [`-r.${ordering.column}::float8`] : []), '-r.score', `r.${key}`].join(', ')}) > (${[
        `${p.add(req.after.misses)}::int`,
        ...(ordering ? [`${p.add(-(req.after.order ?? 0))}::float8`] : []),
        `${p.add(-req.after.score)}::float8`,
        `${p.add(req.after.key)}::int`,
      ].join(', ')})`
    : null;
  // Near misses are read while the full matches are fewer than a page, and on every page after the
  // first (a page past the full matches goes on with the near misses).
  // (With `peek`, the row after the page may be a near miss: it tells whether a next page follows.)
  const fewFull = (count: string) => (req.after ? 'true' : `${count} < ${req.first + (req.peek ? 1 : 0)}`);
  // A walk: in each partition, full matches in index order up to k (one more tells it is capped),
  // then near misses likewise, read only while full matches are fewer than asked.
  // Near misses among the first 4k candidates of each partition only: a candidate that fails two
  // constraints costs as much to read as a near miss, and there may be nothing else to find.
  // With the table's columns known, the walks read at most `scan` (or 4k) candidates of a partition
  // in an inner scan of the table's columns that only tells full matches (near misses) apart; its
  // LIMIT counts the candidates read (no window over every candidate), and the outer computes the
  // profile's columns of those it keeps. A partition was not read to its end when it holds a
  // `scan`-th candidate: that is looked for only when no partition has more than k full matches
  // (either caps the ranking), and it reads no more than the walk did.
  const alias = (w: NonNullable<typeof walk>) => w.table.trim().split(/\s+/).pop()!;
  const inner = (w: NonNullable<typeof walk>, what: string, where: string[], limit: string) =>
    `(select ${w.tableColumns!.map((c) => `${alias(w)}.${c}`).join(', ')}, ${what}
          from ${w.table}
          where ${where.join(' and ')}
          order by ${w.order} limit ${limit}) ${alias(w)}`;
  const walked = (kind: 'full' | 'near', w: NonNullable<typeof walk>) =>
    kind === 'full'
      ? `
      select x.* from ${w.query} cross join walk_parts wp cross join lateral (
        select ${columns}, 0 as misses, row_number() over (order by ${w.order}) as walk_n
        from ${
          w.tableColumns
            ? `${inner(w, `coalesce((${full}), false) as walk_full`, [...w.where, ...w.fullWhere], '(select scan from walk_k)')}
        where ${alias(w)}.walk_full`
            : `${w.table}
        where ${[...w.where, ...w.fullWhere, full].join(' and ')}`
        }
        order by ${w.order} limit (select k from walk_k) + 1) x`
      : `
      select x.* from ${w.query} cross join walk_parts wp cross join lateral (
        select ${columns}, ${w.tableColumns ? `${alias(w)}.misses` : misses} as misses, 0::bigint as walk_n
        from ${
          w.tableColumns
            ? `${inner(w, `${misses} as misses`, w.where, '(select 4 * k from walk_k)')}`
            : `${w.table}
        where ${w.where.join(' and ')}
        order by ${w.order} limit (select 4 * k from walk_k)`
        }) x
      where x.misses = 1`;
  // Whether some partition holds a `scan`-th candidate (only with the table's columns).
  const scanCapped = (w: NonNullable<typeof walk>) =>
    w.tableColumns
      ? ` or exists (select 1 from ${w.query} cross join walk_parts wp where exists (select 1 from ${w.table}
        where ${[...w.where, ...w.fullWhere].join(' and ')}
        order by ${w.order} offset (select scan from walk_k) - 1))`
      : '';
  const ranked = walk
    ? `walk_parts as materialized (${walk.partitions}),
    walk_k as (select k, greatest(20 * k, ceil(${MATCH_SCAN}::float8 / n))::int as scan
      from (select greatest(${req.first}, ceil(${MATCH_WALK}::float8 / greatest(count(*), 1)))::int as k, greatest(count(*), 1) as n from walk_parts) x),
    full_walk as materialized (${walked('full', walk)}),
    near_walk as materialized (${req.nearMisses ? `${walked('near', walk)} and ${fewFull('(select count(*) from full_walk)')}` : `select * from full_walk where false`}),
    ranked as materialized (
      select * from full_walk where walk_n <= (select k from walk_k)
      union all select * from near_walk
    ),
    counted as (select count(*) filter (where misses = 0) as full_count,
      ${req.capped === false ? 'false' : `(exists (select 1 from full_walk where walk_n > (select k from walk_k))${scanCapped(walk)})`} as full_capped from ranked),`
    : // Every candidate is read for its full matches; near misses (a second read) only while the
      // full matches are fewer than asked: they are not counted, and would be left out of `kept`.
      `full_rows as materialized (
      select ${columns}, 0 as misses
      from ${source.from}
      where ${[...source.where, full].join(' and ')}
    ),
    ranked as (
      select * from full_rows${
        req.nearMisses
          ? `
      union all
      select ${columns}, 1 as misses
      from ${source.from}
      where ${[...source.where, `${misses} = 1`, fewFull('(select count(*) from full_rows)')].join(' and ')}`
          : ''
      }
    ),
    counted as (select count(*) as full_count, false as full_capped from full_rows),`;
  return `
    with ${ranked}
    -- Near misses rank after every full match: they are scored only when full matches are too few.
    kept as (select * from ranked where misses = 0 or ${fewFull('(select full_count from counted)')}),
    top as (
      select c.*, ${profile.factors.map((x, i) => `(${x.value})::float8 as ${f(i)}, (${applies(x)}) as ${a(i)}`).join(', ')},
        nullif(${wsum}, 0) as wsum${profile.joinColumns ? `, ${profile.joinColumns}` : ''}
      from kept c ${profile.joins ?? ''}
    ),
    scored as (
      select t.*, coalesce(round((${terms})::numeric, 4)::float8, 0) as score from top t
    ),
    best as (${
      req.focus === undefined
        ? after
          ? `select * from (select s.*, (row_number() over (order by ${order('s')}))::int as rank from scored s) r
        where ${after} order by ${order('r')} limit ${req.first + (req.peek ? 1 : 0)}`
          : `select s.*, null::int as rank from scored s order by ${order('s')} limit ${req.first + (req.peek ? 1 : 0)}`
        : `select * from (select s.*, (row_number() over (order by ${order('s')}))::int as rank from scored s) r
        where r.${key} = ${p.add(req.focus)}::int`
    }
    )
    select t.${key} as id, t.*, (select full_count from counted)::int as full_count, (select full_capped from counted) as full_capped,
      ${req.node ?? 'null'} as node,
      ${flagsSql(profile)}
      ${profile.detailColumns ? `, ${profile.detailColumns}` : ''}
    from ${source.rejoin('best')}
    order by ${order('t')}`;
}

/** A score part, as clients see it. */
export interface ScorePartOut {
  factor: string;
  weight: number;
  value: number;
  contribution: number;
  detail: string;
  detailZh: string;
}

/** A failed constraint, as clients see it. */
export interface ConstraintMissOut {
  constraint: string;
  detail: string;
  detailZh: string;
}

/** What the engine says about one returned row. */
export interface Explanation {
  score: number;
  rank: number;
  isNearMiss: boolean;
  failedConstraints: ConstraintMissOut[];
  scoreParts: ScorePartOut[];
  summary: string;
  summaryZh: string;
}

/**
 * The explanation of a ranked row: its parts (the factors that apply to the pair, with the
 * pair's normalised weights), its failed constraints, and one sentence in each language built
 * from the same facts (the two largest contributions, or what fails).
 */
export function explain<R extends MatchRow>(profile: MatchProfile<R>, row: R, rank: number, weights: Weights): Explanation {
  const appliesTo = new Set(profile.factors.filter((_x, i) => row[a(i)] !== false).map((x) => x.weightKey));
  const w = normalise(weights, (k) => appliesTo.has(k));
  const scoreParts: ScorePartOut[] = [];
  profile.factors.forEach((x, i) => {
    if (!appliesTo.has(x.weightKey)) return;
    const value = round(Number(row[f(i)] ?? 0), 3);
    const text = x.detail(row);
    scoreParts.push({ factor: x.name, weight: w[x.weightKey], value, contribution: round(w[x.weightKey] * value, 3), detail: text.en, detailZh: text.zh });
  });
  const failed: ConstraintMissOut[] = [];
  profile.constraints.forEach((c, i) => {
    if (row[ok(i)] !== false) return;
    const text = c.miss(row);
    failed.push({ constraint: c.name, detail: text.en, detailZh: text.zh });
  });
  const top = [...scoreParts].sort((x, y) => y.contribution - x.contribution).slice(0, 2);
  const score = Number(row.score);
  const summary = failed.length
    ? `Near miss: ${failed.map((m) => m.detail).join('; ')}.`
    : `Rank ${rank}, score ${score.toFixed(3)}: ${top.map((t) => t.detail).join('; ')}.`;
  const summaryZh = failed.length
    ? `近似匹配：${failed.map((m) => m.detailZh).join('；')}。`
    : `排名第${rank}，得分${score.toFixed(3)}：${top.map((t) => t.detailZh).join('；')}。`;
  return {
    score,
    rank,
    isNearMiss: failed.length > 0,
    failedConstraints: failed,
    scoreParts,
    summary,
    summaryZh,
  };
}

/** Something that runs SQL (the request's read handle). */
export interface Queryable {
  query<T>(text: string, values?: readonly unknown[]): Promise<T[]>;
}

/** A ranking: rows best first, each with its explanation, and the count of full matches. */
export interface Ranking<R extends MatchRow> {
  rows: (R & { explanation: Explanation })[];
  fullMatchCount: number;
  /** True when the walk stopped before the last full match: `fullMatchCount` counts those it read. */
  fullMatchCountCapped: boolean;
  /** The weights asked for, bounded, normalised as for a pair to which every factor applies. */
  weights: Weights;
  /** With `peek`: more rows follow these. */
  hasMore: boolean;
}

/** Where a returned row is in its ranking's order, for the next page's `after`. */
export function cursorOf(profile: AnyProfile, req: Pick<MatchRequest, 'orderBy'>, row: MatchRow): MatchCursor {
  const ordering = req.orderBy ? profile.orderings?.[req.orderBy] : undefined;
  return {
    misses: Number(row.misses),
    ...(ordering ? { order: Number(row[ordering.column]) } : {}),
    score: Number(row.score),
    key: Number(row[profile.key]),
  };
}

/** Ranks `profile`'s candidates for `req`, in one statement. */
export async function rank<R extends MatchRow>(db: Queryable, profile: MatchProfile<R>, req: MatchRequest): Promise<Ranking<R>> {
  const weights = askedWeights(profile, req.weights);
  const all = await db.query<R>(rankingSql(profile, req, weights), req.params.values);
  const hasMore = !!req.peek && all.length > req.first;
  const rows = hasMore ? all.slice(0, req.first) : all;
  return {
    hasMore,
    rows: rows.map((r, i) => ({ ...r, explanation: explain(profile, r, r.rank ?? i + 1, weights) })),
    fullMatchCount: rows[0]?.full_count ?? 0,
    fullMatchCountCapped: rows[0]?.full_capped ?? false,
    weights,
  };
}

/**
 * One pair's hard constraints, without ranking: the candidate `focus` (by key) for what is asked,
 * with every constraint it fails explained (in the profile's order), those in `ignore` left out.
 * Null when it is not a candidate at all (the profile's `where` leaves it out). What a write that
 * must meet the constraints (a hold against its demand) checks before it takes anything: first
 * the constraints alone (a small statement to plan), and only when one fails, again with the
 * columns its explanation needs.
 */
export async function checkPair<R extends MatchRow>(
  db: Queryable,
  profile: MatchProfile<R>,
  req: Pick<MatchRequest, 'query' | 'focus'>,
  ignore: readonly string[] = [],
): Promise<{ failed: ConstraintMissOut[] } | null> {
  const statement = (explained: boolean) => {
    const p = new Params();
    const source = profile.candidates(req.query, p);
    const text = `select ${explained ? `${columnsSql(profile)}, ` : ''}${flagsSql(profile)}${explained && profile.detailColumns ? `, ${profile.detailColumns}` : ''}
    from ${source.from}
    where ${[...source.where, `(${profile.columns[profile.key]}) = ${p.add(req.focus)}::int`].join(' and ')}`;
    return db.query<R>(text, p.values);
  };
  const broken = (row: R) => profile.constraints.filter((c, i) => row[ok(i)] === false && !ignore.includes(c.name));
  const [flags] = await statement(false);
  if (!flags) return null;
  if (broken(flags).length === 0) return { failed: [] };
  const [row] = await statement(true);
  if (!row) return null;
  return { failed: broken(row).map((c) => ({ constraint: c.name, ...(({ en, zh }) => ({ detail: en, detailZh: zh }))(c.miss(row)) })) };
}
