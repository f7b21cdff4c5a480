import { Index } from '@mikro-orm/decorators/legacy';

/**
 * Name search indexes for a table with `name_zh` / `name_en`. Two GIN indexes over the same
 * immutable expression `cbec_search_text(name_zh, name_en)` (lower-cased "zh en"):
 * - trigrams (pg_trgm) serve ILIKE and word-similarity (typo-tolerant) matches of 3+ characters;
 * - character bigrams (`cbec_bigrams`) serve two-character Chinese terms such as 重庆, which yield no
 *   trigram at all.
 * Both functions are created by the first migration; the indexes are declared here so that schema
 * diffs keep them.
 */
export function SearchIndexes(table: string): ClassDecorator {
  const trgm = Index({
    name: `${table}_search_trgm`,
    expression: `create index "${table}_search_trgm" on "${table}" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops)`,
  });
  const bigram = Index({
    name: `${table}_search_bigram`,
    expression: `create index "${table}_search_bigram" on "${table}" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")))`,
  });
  return (target) => {
    trgm(target);
    bigram(target);
  };
}
