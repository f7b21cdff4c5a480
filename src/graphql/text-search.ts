import { badInput } from './errors';
import type { Params } from './sql/params';
import { codePointName, controlCharIn } from './text';

/**
 * Text search as name search does it (src/modules/search), for any table that keeps a lower-cased
 * search text with its two GIN indexes (src/db/search-index.ts): two-character terms (重庆) through
 * the character-bigram array, longer ones through trigrams, for substrings and for typo-tolerant
 * word similarity (`<%`, threshold 0.5 on the read pool's connections). Name search matches
 * `cbec_search_text(name_zh, name_en)`; fair listings match their own `search_text` (titles,
 * keywords, category, owner and brand names).
 */

/** Characters of a search term, after spaces are collapsed; and of the raw argument, spaces and all. */
export const QUERY_MAX = 100;
const QUERY_MAX_RAW = 200;

/** A checked search term: lower-cased, spaces collapsed, and its distinct words of 2+ characters (at most 5). */
export interface SearchTerms {
  q: string;
  words: readonly string[];
}

/** Checks and normalises a search argument (`field` names it in errors): BAD_USER_INPUT when unusable. */
export function parseSearchQuery(raw: string, field: string): SearchTerms {
  // Bounded before any work on it; no control character reaches the statement (NUL cannot).
  if (raw.length > QUERY_MAX_RAW)
    throw badInput(`\`${field}\` is limited to ${QUERY_MAX} characters, ${QUERY_MAX_RAW} with spaces (搜索词最多${QUERY_MAX}个字符)`, field);
  const cp = controlCharIn(raw, true);
  if (cp !== undefined)
    throw badInput(`\`${field}\` contains the control character ${codePointName(cp)}; search for printable text (搜索词不能含控制字符)`, field);
  const q = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if ([...q].length < 2) throw badInput(`\`${field}\` needs at least 2 characters (搜索词至少2个字符)`, field);
  if ([...q].length > QUERY_MAX) throw badInput(`\`${field}\` is limited to ${QUERY_MAX} characters (搜索词最多${QUERY_MAX}个字符)`, field);
  // Words of two characters or more; a row must match every word (in any order).
  const words = [...new Set(q.split(' ').filter((w) => [...w].length >= 2))].slice(0, 5);
  if (words.length === 0) throw badInput(`Each word of \`${field}\` needs at least 2 characters`, field);
  return { q, words };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Where a table keeps what is searched: its lower-cased text and that text's character bigrams (SQL over alias `t`). */
export interface SearchColumns {
  text: (t: string) => string;
  bigrams: (t: string) => string;
}

/**
 * The conditions a row meets for the terms (`cond`) and, with `scored`, its relevance 0–1
 * (`score`), with their values in `params`. Per word: a prefix of either name 1, a substring 0.9,
 * a fuzzy match 0.8 × word similarity; the whole phrase as a substring scores 1.
 */
export function textMatcher(terms: SearchTerms, params: Params, scored: boolean, cols: SearchColumns) {
  const { q, words } = terms;
  const st = cols.text;
  const ws = words.map((w) => ({
    short: [...w].length === 2,
    q: params.add(w),
    pattern: params.add(`%${escapeLike(w)}%`),
    prefix: scored ? params.add(`${escapeLike(w)}%`) : '',
  }));
  const cond = (t: string) =>
    ws
      .map((x) =>
        x.short ? `(${cols.bigrams(t)} @> cbec_bigrams(${x.q}) and ${st(t)} like ${x.pattern})` : `(${st(t)} like ${x.pattern} or ${x.q} <% ${st(t)})`,
      )
      .join(' and ');
  const phrase = words.length > 1 && scored ? params.add(`%${escapeLike(q)}%`) : '';
  const score = (t: string) => {
    const perWord = ws
      .map(
        (x) => `(case when lower(${t}.name_zh) like ${x.prefix} or lower(${t}.name_en) like ${x.prefix} then 1.0
        when ${st(t)} like ${x.pattern} then 0.9 else 0.8 * word_similarity(${x.q}, ${st(t)}) end)`,
      )
      .join(' + ');
    const avg = `(${perWord}) / ${ws.length}`;
    return `(${phrase ? `case when ${st(t)} like ${phrase} then 1.0 else 0.95 * ${avg} end` : avg})::float8`;
  };
  return { cond, score };
}
