/**
 * Building blocks of a profile's `CandidateWalk` (profile.ts) that know no domain: the partitions a
 * walk reads, found by skipping through an index instead of reading every candidate.
 *
 * A walk reads each partition's candidates in an index order with a limit. Partitions are often a
 * key the query side lists (a category and its siblings) times every value of a column the
 * candidates have there (each currency, with the pair's exchange rate): the values are found one
 * after another by asking the index for the least value above the last (a "skip scan" as a
 * recursive CTE), so a partition costs one index probe however many candidates it holds.
 */

/** What `skipScanPartitions` is given: the query side, the keys, the candidates and the select list. */
export interface SkipScanSpec {
  /** The one-row FROM item of the query side (e.g. `(select …) r`); `keys` and `within` may read it. */
  query: string;
  /** A select of the outer keys, one column, one row each (it may read the query side), e.g. the categories under a top level. */
  keys: string;
  /** The candidate table and its alias, e.g. `fair_listing t`. */
  table: string;
  /** The value the partitions split on within a key, over the table's alias, never null (e.g. `coalesce(t.currency, '')`). */
  value: string;
  /** The candidates under a key (SQL over the table's alias and the query side); index-served together with `value`. */
  within: (key: string) => string;
  /** The partition rows' select list from the key `p.key` and the value `p.val` (and what `more` binds), e.g. `p.key as cat, p.val as cur`. */
  select: string;
  /** More FROM items for the select list, cross-joined (e.g. the exchange rates read once). */
  more?: string;
}

/**
 * The partitions of a walk as a select statement: each key of `keys` and each distinct `value` its
 * candidates have there, found by skipping through the index that serves `within` and `value`
 * (keys without candidates give no partition).
 */
export function skipScanPartitions(s: SkipScanSpec): string {
  const least = (key: string, above?: string) => `(select min(${s.value}) from ${s.table} where ${s.within(key)}${above ? ` and ${s.value} > ${above}` : ''})`;
  return `with recursive parts(key, val) as (
          select k.key, ${least('k.key')}
          from ${s.query} cross join lateral (${s.keys}) k(key)
          union all
          select p.key, ${least('p.key', 'p.val')}
          from parts p cross join ${s.query} where p.val is not null)
        select ${s.select} from parts p cross join ${s.query}${s.more ? ` cross join ${s.more}` : ''} where p.val is not null`;
}
