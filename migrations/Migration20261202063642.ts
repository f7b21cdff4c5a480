import { Migration } from '@mikro-orm/migrations';

export class Migration20261202063642 extends Migration {

  override name = 'Migration20261202063642';

  override up(): void | Promise<void> {
    this.addSql(`create table "fair_search_word" ("word" varchar(40) not null, primary key ("word"));`);
    this.addSql(`create index "fair_search_word_trgm" on "fair_search_word" using gist ("word" gist_trgm_ops);`);

    this.addSql(`drop index "fair_listing_published_idx";`);
    this.addSql(`drop trigger if exists "fair_listing_prepare" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_fair_listing_prepare_fn"();`);
    this.addSql(`create index "fair_listing_newest_idx" on "fair_listing" ("edition_id", "published_at" desc, "id" desc) where "status" = 'PUBLISHED';`);
    this.addSql(`create or replace function "fair_listing_fair_listing_prepare_fn"() returns trigger as \$\$ begin if new.exhibitor_id is not null then
      select x.hall_id, coalesce(new.belt_id, x.belt_id) into new.hall_id, new.belt_id from fair_exhibitor x where x.id = new.exhibitor_id;     else new.hall_id := null;     end if;     select coalesce(c.parent_id, c.id) into new.category_root_id from product_category c where c.id = new.category_id;     if new.status = 'PUBLISHED' and (tg_op = 'INSERT' or old.status <> 'PUBLISHED') then new.published_at := coalesce(new.published_at, now()); end if;     new.search_text := lower(concat_ws(' ', new.name_zh, new.name_en, array_to_string(new.keywords, ' '),
      (select concat_ws(' ', c.name_zh, c.name_en, p.name_zh, p.name_en) from product_category c left join product_category p on p.id = c.parent_id where c.id = new.category_id),
      (select concat_ws(' ', e.name_zh, e.name_en) from enterprise e where e.id = new.owner_id),
      (select string_agg(b.name_zh || ' ' || b.name_en, ' ' order by b.id) from brand b where b.enterprise_id = new.owner_id),
      (select h.name_zh from hs_chapter h where h.code = left(new.hs_code, 2))));     insert into fair_search_word (word) select distinct w from regexp_split_to_table(new.search_text, '[^a-z0-9]+') w
      where length(w) between 4 and 40 on conflict do nothing;     if coalesce(current_setting('cbec.fair_bulk', true), '') <> 'on' then new.sync_version := fair_next_version(new.edition_id); end if;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_listing_prepare" BEFORE INSERT OR UPDATE on "fair_listing" for each ROW execute function "fair_listing_fair_listing_prepare_fn"();`);
    // The words of the listings already stored (the trigger keeps them from now on).
    this.addSql(`insert into fair_search_word (word) select distinct w from fair_listing, regexp_split_to_table(search_text, '[^a-z0-9]+') w
      where length(w) between 4 and 40 on conflict do nothing;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "fair_search_word" cascade;`);

    this.addSql(`drop index "fair_listing_newest_idx";`);
    this.addSql(`drop trigger if exists "fair_listing_prepare" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_fair_listing_prepare_fn"();`);
    this.addSql(`create index "fair_listing_published_idx" on "fair_listing" ("edition_id", "published_at" desc, "id") where "status" = 'PUBLISHED';`);
    this.addSql(`create or replace function "fair_listing_fair_listing_prepare_fn"() returns trigger as \$\$ begin if new.exhibitor_id is not null then
      select x.hall_id, coalesce(new.belt_id, x.belt_id) into new.hall_id, new.belt_id from fair_exhibitor x where x.id = new.exhibitor_id;     else new.hall_id := null;     end if;     select coalesce(c.parent_id, c.id) into new.category_root_id from product_category c where c.id = new.category_id;     if new.status = 'PUBLISHED' and (tg_op = 'INSERT' or old.status <> 'PUBLISHED') then new.published_at := coalesce(new.published_at, now()); end if;     new.search_text := lower(concat_ws(' ', new.name_zh, new.name_en, array_to_string(new.keywords, ' '),
      (select concat_ws(' ', c.name_zh, c.name_en, p.name_zh, p.name_en) from product_category c left join product_category p on p.id = c.parent_id where c.id = new.category_id),
      (select concat_ws(' ', e.name_zh, e.name_en) from enterprise e where e.id = new.owner_id),
      (select string_agg(b.name_zh || ' ' || b.name_en, ' ' order by b.id) from brand b where b.enterprise_id = new.owner_id),
      (select h.name_zh from hs_chapter h where h.code = left(new.hs_code, 2))));     if coalesce(current_setting('cbec.fair_bulk', true), '') <> 'on' then new.sync_version := fair_next_version(new.edition_id); end if;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_listing_prepare" BEFORE INSERT OR UPDATE on "fair_listing" for each ROW execute function "fair_listing_fair_listing_prepare_fn"();`);
  }

}
