/**
 * The contract between the matching engine and a kind of matchmaking (docs/matchmaking.md,
 * "The engine"). A profile says where candidates come from, which hard constraints they must
 * meet, which factors score them and how each is put into words, in Chinese and English. The
 * engine knows no domain: warehouse capacity (both ways), sourcing listings, service offerings,
 * talent cohorts and park space are all profiles of it.
 *
 * SQL in a profile is text over aliases the profile itself binds (in `from`); values from a
 * request go in through the statement's `Params`, never into the text.
 */
import type { Params } from '../graphql/sql/params';

/** The same fact in both languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A row the engine returns: the candidate's columns, its explanation columns and the engine's own. */
export type MatchRow = Record<string, unknown> & {
  /** The candidate's key (the profile's `key` column). */
  id: number;
  /** The compiled node of the returned side, or null when none was selected. */
  node: unknown;
  /** Hard constraints failed (0 for a full match). */
  misses: number;
  /** The fit score, 0–1, rounded to 4 places. */
  score: number;
  /** Full matches among all candidates. */
  full_count: number;
  /** Rank among all candidates, when the request focused on one. */
  rank: number | null;
  /** True when a walk left full matches unread: `full_count` then counts those read (a lower bound). */
  full_capped?: boolean;
};

/**
 * A hard constraint: a boolean over the candidate. A near miss fails exactly one; `miss` says
 * what would have to change, with the same numbers in both languages.
 */
export interface Constraint<R extends MatchRow = MatchRow> {
  /** Its name, as clients see it (an enum value). */
  name: string;
  /** True when met; SQL over the aliases `from` binds. */
  sql: string;
  /** The wording of a failure, from the returned row. */
  miss: (row: R) => Bilingual;
}

/**
 * A score factor: a value 0–1 per candidate and a weight. `value` is SQL over the candidate stage
 * `c` (the profile's `columns`, plus `joins` and window functions over the kept candidates).
 */
export interface Factor<R extends MatchRow = MatchRow> {
  /** Its name, as clients see it (an enum value). */
  name: string;
  /** The key of its weight in a weights input (e.g. `publicWarehouse` for PUBLIC_WAREHOUSE). */
  weightKey: string;
  /** Weight before normalisation, 0–1. */
  defaultWeight: number;
  /** SQL, float8 0–1, over `c`. */
  value: string;
  /**
   * SQL boolean over `c`: when false, the factor does not count for this pair and the other
   * weights are normalised without it (e.g. distance when the demand gives no point). Decided by
   * the pair alone, so the same pair weighs the same whichever side asks.
   */
  applies?: string;
  /** The numbers behind the value, in words. */
  detail: (row: R) => Bilingual;
}

/** An order the engine can rank full matches (then near misses) by, besides the fit score. */
export interface Ordering {
  /** A column of the profile's `columns` (never null), sorted descending, then by score. */
  column: string;
}

/**
 * Where a ranking's candidates come from, for one query: a FROM clause binding every alias the
 * profile's SQL uses (the query side as a one-row sub-select, the candidate table), the
 * conditions every candidate meets (index-served), and the same aliases again for the returned
 * rows of a CTE (`rejoin(alias)` must name the CTE's rows `t` and join them by the profile's key).
 */
export interface CandidateSource {
  from: string;
  where: string[];
  rejoin: (alias: string) => string;
  /**
   * A bounded walk over the same candidates, for rankings of a page (not for a focused one): the
   * candidates split into partitions, each read in an index order with a limit, so that a ranking
   * reads about as many candidates as it may rank, however many there are (docs/matchmaking.md,
   * "How it stays fast"). Without it, every candidate is read.
   */
  walk?: CandidateWalk;
}

/**
 * The candidates of a `CandidateSource` as partitions read in index order. The engine reads, in
 * each partition, full matches until it has `perPartition` (then near misses likewise, only when
 * full matches are fewer than asked) and ranks those; a partition with more is *capped*, and the
 * ranking says so. The partitions together must hold exactly the candidates `from` and `where`
 * give, each once.
 */
export interface CandidateWalk {
  /** Binds the query side's alias (as in `from`) for the walk. */
  query: string;
  /** A select statement of the partitions, one row each, distinct (it may read the query side); the walk names its rows `wp`. */
  partitions: string;
  /** The candidate table and its alias (e.g. `capacity_offer o`). */
  table: string;
  /** The candidate conditions in a partition, over the table, the query side and the partition row `wp`; index-served. */
  where: string[];
  /**
   * Conditions every full match meets (implied by the constraints), written so that an index can
   * stop on them (e.g. a price at most the budget), or on the partition alone (then a partition
   * without full matches is not walked); they only shorten the walk to full matches.
   */
  fullWhere: string[];
  /** The index order within a partition, ending in a unique key. */
  order: string;
  /**
   * The table's columns that the profile's columns, constraints and `order` read (all in the index,
   * so the walk stays index-only). With them, a partition's walk for full matches stops after its
   * share of MATCH_SCAN candidates even when it has found fewer full matches than its share (the
   * ranking is then capped); without, it reads on to the partition's end. With them too, both walks
   * tell full matches and near misses apart on the table's columns alone and compute the profile's
   * columns only for those they keep.
   */
  tableColumns?: string[];
}

/** A profile in words, for the documentation: what is asked, what comes back, and through which query. */
export interface ProfileAbout {
  /** The GraphQL entry points that rank with it, e.g. `capacityMatches(demandId \| demand)`. */
  query: string;
  /** The query side, e.g. "a seller's demand (saved or ad hoc)". */
  asks: string;
  /** The candidates, e.g. "published capacity offers with room left". */
  candidates: string;
}

/** Any profile, whatever its row and query types: what the engine and the manifests hold. */
// biome-ignore lint/suspicious/noExplicitAny: a profile of any row type
export type AnyProfile = MatchProfile<any>;

/** A kind of matchmaking, for the engine; `Q` is what is asked (e.g. a demand and its scope). */
// biome-ignore lint/suspicious/noExplicitAny: each profile asks its own query type; lists of profiles hold any of them
export interface MatchProfile<R extends MatchRow = MatchRow, Q = any> {
  /** For logs and errors. */
  name: string;
  /**
   * What the profile is for, in the side-by-side table of docs/matchmaking.md (generated by
   * `npm run docs:profiles` from every manifest's profiles, and checked by tests/architecture.test.ts).
   */
  about?: ProfileAbout;
  /** The candidates for a query: the profile's candidate source. Values go in through `p`. */
  candidates: (query: Q, p: Params) => CandidateSource;
  /** The column of `columns` that identifies a candidate (its primary key). */
  key: string;
  /** Per-candidate values the factors and orderings read (name → SQL over the `from` aliases). */
  columns: Record<string, string>;
  constraints: Constraint<R>[];
  factors: Factor<R>[];
  /** Joins for the factor stage over the candidates `c` (e.g. a record looked up per row). */
  joins?: string;
  /** Columns from `joins` that factors and explanations read (SQL select-list text). */
  joinColumns?: string;
  /** Columns only the returned rows need, for explanations (SQL over the `rejoin` aliases and `t`). */
  detailColumns?: string;
  /** Orderings besides FIT (the score), by name. */
  orderings?: Record<string, Ordering>;
}

/** Where a row is in a ranking's order: its misses, the ordering's value (if any), its score and key. */
export interface MatchCursor {
  misses: number;
  order?: number;
  score: number;
  key: number;
}

/** One ranking request: what is asked of a profile, and how to rank and page. */
// biome-ignore lint/suspicious/noExplicitAny: the query type is the profile's own
export interface MatchRequest<Q = any> {
  /** What is asked, for the profile's `candidates`. */
  query: Q;
  /** The compiled node of the returned side (SQL over the rejoined aliases), or null. */
  node: string | null;
  /** Weights by weightKey, as asked (bounded and normalised by the engine). */
  weights?: Record<string, number | null | undefined>;
  /** Rows to return, full matches first. */
  first: number;
  /** Also near misses (failing exactly one hard constraint), after the full matches. */
  nearMisses: boolean;
  /** An ordering of the profile's `orderings`; the fit score when absent. */
  orderBy?: string;
  /** Only this candidate (by key), with its rank among all: what an event needs. */
  focus?: number;
  /** Rows after this one in the ranking's order (a page's last row): the next page. */
  after?: MatchCursor;
  /** Read one row more than `first`, to tell whether a next page follows (Ranking.hasMore); it is not returned. */
  peek?: boolean;
  /**
   * Whether to work out if the ranking was capped (`fullMatchCountCapped`): where full matches are
   * rare that reads the candidates a second time, so only when asked. Default true.
   */
  capped?: boolean;
  params: Params;
}
