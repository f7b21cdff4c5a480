import { Migration } from '@mikro-orm/migrations';

export class Migration20261202102953 extends Migration {

  override name = 'Migration20261202102953';

  override up(): void | Promise<void> {
    this.addSql(`drop index "fair_search_word_trgm";`);
    this.addSql(`create index "fair_search_word_gin" on "fair_search_word" using gin ("word" gin_trgm_ops);`);

    this.addSql(`drop index "fair_listing_filter_gin";`);
    this.addSql(`drop index "fair_listing_newest_idx";`);
    this.addSql(`drop index "fair_listing_search_bigrams";`);
    this.addSql(`drop index "fair_listing_search_trgm";`);
    this.addSql(`alter table "fair_listing" add "search_head" text generated always as (
CASE
    WHEN (octet_length(search_text) <= 1600) THEN search_text
    ELSE NULL::text
END) stored null;`);
    this.addSql(`create index "fair_listing_find_gin" on "fair_listing" using gin ("kind", "category_id", "hall_id", "belt_id", "exhibitor_id", "hs_chapter", "target_markets", "certifications", "search_text" gin_trgm_ops, "search_bigrams") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "fair_listing_page_idx" on "fair_listing" ("edition_id", "published_at" desc, "id" desc)
  include ("kind", "category_id", "hall_id", "belt_id", "exhibitor_id", "owner_id", "hs_chapter", "target_markets", "certifications", "updated_at", "search_head")
  where "status" = 'PUBLISHED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "fair_listing_find_gin";`);
    this.addSql(`drop index "fair_listing_page_idx";`);
    this.addSql(`alter table "fair_listing" drop column "search_head";`);
    this.addSql(`create index "fair_listing_filter_gin" on "fair_listing" using gin ("edition_id", "kind", "category_id", "category_root_id", "hall_id", "belt_id", "exhibitor_id", "hs_chapter", "target_markets", "certifications") where status = 'PUBLISHED'::text;`);
    this.addSql(`create index "fair_listing_newest_idx" on "fair_listing" ("edition_id", "published_at" desc, "id" desc) where status = 'PUBLISHED'::text;`);
    this.addSql(`create index "fair_listing_search_bigrams" on "fair_listing" using gin ("search_bigrams");`);
    this.addSql(`create index "fair_listing_search_trgm" on "fair_listing" using gin ("search_text" gin_trgm_ops);`);

    this.addSql(`drop index "fair_search_word_gin";`);
    this.addSql(`create index "fair_search_word_trgm" on "fair_search_word" using gist ("word" gist_trgm_ops);`);
  }

}
