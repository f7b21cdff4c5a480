import type { TestServer } from './server';
import { expectData } from './server';

/**
 * Walks a Relay connection page by page, forwards (first/after) or backwards (last/before), and
 * checks every page's pageInfo against what the expected row list says it must be. The expected
 * order always comes from the caller (a plain SQL ORDER BY written in the test), never from src.
 */

export interface WalkPage {
  keys: string[];
  cursors: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number;
}

/** The row's key from a node: `k` (a global ID decoded to its key, or a natural key as is). */
export function nodeKey(k: string, globalId: boolean): string {
  if (!globalId) return String(k);
  const text = Buffer.from(k, 'base64').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
}

/** Repeated and skipped rows of `got` against `want`, for a message that names the behaviour. */
export function compareRows(label: string, got: string[], want: string[]): string | null {
  if (JSON.stringify(got) === JSON.stringify(want)) return null;
  const seen = new Map<string, number>();
  for (const k of got) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  const skipped = want.filter((k) => !seen.has(k));
  const extra = got.filter((k) => !want.includes(k));
  if (repeated.length || skipped.length || extra.length) {
    return `${label}: a row is repeated/skipped across pages when sort keys tie at a page boundary — repeated ${JSON.stringify(repeated)}, skipped ${JSON.stringify(skipped)}, unexpected ${JSON.stringify(extra)}\n  got      ${JSON.stringify(got)}\n  expected ${JSON.stringify(want)}`;
  }
  return `${label}: every row came back once, but not in the order "sort key, then the tie-breaker ascending"\n  got      ${JSON.stringify(got)}\n  expected ${JSON.stringify(want)}`;
}

export interface WalkSpec {
  label: string;
  /** Sends one page request: args are first/after or last/before; returns the connection object. */
  fetchPage: (args: { first?: number; after?: string | null; last?: number; before?: string | null }) => Promise<any>;
  globalId: boolean;
  size: number;
  expected: string[];
  backward: boolean;
  /** Nested connections have no `last`/`before`. */
  hasTotal?: boolean;
}

export async function walk(spec: WalkSpec): Promise<void> {
  const { size, expected, backward, label } = spec;
  const pages: WalkPage[] = [];
  let cursor: string | null = null;
  const maxPages = Math.ceil(expected.length / size) + 3;
  for (let i = 0; i < maxPages; i++) {
    const conn = await spec.fetchPage(backward ? { last: size, before: cursor } : { first: size, after: cursor });
    const page: WalkPage = {
      keys: conn.edges.map((e: any) => nodeKey(e.node.k, spec.globalId)),
      cursors: conn.edges.map((e: any) => e.cursor),
      pageInfo: conn.pageInfo,
      totalCount: conn.totalCount,
    };
    pages.push(page);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more || page.keys.length === 0) break;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  const ordered = backward ? [...pages].reverse() : pages;
  const got = ordered.flatMap((p) => p.keys);
  const problem = compareRows(`${label} (${backward ? `last: ${size} / before` : `first: ${size} / after`})`, got, expected);
  if (problem) throw new Error(problem);

  // Page shapes and flags: full pages except the far end; the flags say exactly where we are.
  const where = (i: number) => `${label} ${backward ? 'backwards' : 'forwards'}, page ${i + 1} of ${pages.length}`;
  const n = Math.max(1, Math.ceil(expected.length / size));
  expect({ label, pages: pages.length }).toEqual({ label, pages: n });
  pages.forEach((p, i) => {
    const isFirstRequest = i === 0;
    const isLastRequest = i === pages.length - 1;
    // Forwards, both flags are pinned on every page. Backwards, hasPreviousPage is pinned on every
    // page and hasNextPage on the list's last page (the first request: false); on the pages before
    // it the server answers hasNextPage from `after` only (false with `before` alone), which the
    // Relay spec allows ("may return false"), so it is not pinned there.
    const flags: Record<string, boolean> = backward
      ? { hasPreviousPage: !isLastRequest, ...(isFirstRequest ? { hasNextPage: false } : {}) }
      : { hasNextPage: !isLastRequest, hasPreviousPage: !isFirstRequest };
    const actual: Record<string, boolean> = { hasPreviousPage: p.pageInfo.hasPreviousPage };
    if ('hasNextPage' in flags) actual.hasNextPage = p.pageInfo.hasNextPage;
    expect({ where: where(i), ...actual }).toEqual({ where: where(i), ...flags });
    expect({ where: where(i), startCursor: p.pageInfo.startCursor, endCursor: p.pageInfo.endCursor }).toEqual({
      where: where(i),
      startCursor: p.cursors[0] ?? null,
      endCursor: p.cursors[p.cursors.length - 1] ?? null,
    });
    if (spec.hasTotal !== false) expect({ where: where(i), totalCount: p.totalCount }).toEqual({ where: where(i), totalCount: expected.length });
  });
}

/** A GraphQL request that must succeed; returns `data`. */
export async function ok(s: TestServer, query: string, variables: Record<string, unknown>, headers?: Record<string, string>): Promise<any> {
  return expectData(await s.gql(query, variables, headers));
}
