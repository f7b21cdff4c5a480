import { Index, Property } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from './base.entity';

/**
 * A table with `name_zh` / `name_en` that name search covers. Two GIN indexes:
 * - trigrams (pg_trgm) over `cbec_search_text(name_zh, name_en)` (lower-cased "zh en") serve ILIKE
 *   and word-similarity (typo-tolerant) matches of 3+ characters;
 * - character bigrams, stored in the generated column `search_bigrams`, serve two-character
 *   Chinese terms such as 重庆, which yield no trigram at all. The bigrams are stored rather than
 *   indexed as an expression because a common term makes PostgreSQL scan the table, and then an
 *   expression would be recomputed per row (6.8 s for 200,000 names; a stored array is compared).
 * The functions come from the first migration; indexes are declared here so schema diffs keep them.
 */
export abstract class SearchableEntity extends TimestampedEntity {
  @Property({
    type: 'text[]',
    generated: '(cbec_bigrams(cbec_search_text(name_zh, name_en))) stored',
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchBigrams?: string[];
}

export function SearchIndexes(table: string): ClassDecorator {
  const trgm = Index({
    name: `${table}_search_trgm`,
    expression: `create index "${table}_search_trgm" on "${table}" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops)`,
  });
  const bigram = Index({
    name: `${table}_search_bigrams`,
    expression: `create index "${table}_search_bigrams" on "${table}" using gin ("search_bigrams")`,
  });
  return (target) => {
    trgm(target);
    bigram(target);
  };
}
