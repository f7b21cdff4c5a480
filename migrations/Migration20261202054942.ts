import { Migration } from '@mikro-orm/migrations';

export class Migration20261202054942 extends Migration {

  override name = 'Migration20261202054942';

  override up(): void | Promise<void> {
    // btree_gin: the listing page's filters in one GIN index with its arrays (fair_listing_filter_gin).
    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(`create table "fair_edition" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "starts_on" date not null, "ends_on" date not null, "venue_zh" varchar(200) not null, "venue_en" varchar(300) not null, "address" varchar(300) not null, "time_zone" varchar(40) not null default 'Asia/Shanghai', "sync_version" bigint not null default '0', "is_sample" boolean not null default true);`);
    this.addSql(`alter table "fair_edition" add constraint "fair_edition_slug_unique" unique ("slug");`);
    this.addSql(`create index "fair_edition_updated_at_idx" on "fair_edition" ("updated_at", "id");`);
    // The edition's next sync version, taken under the edition row's lock (held to commit), so that
    // versions follow commit order within an edition (fair-edition.entity.ts). Null when the edition is gone.
    this.addSql(`create or replace function fair_next_version(edition integer) returns bigint language sql volatile as \$\$
      update fair_edition set sync_version = sync_version + 1 where id = edition returning sync_version \$\$;`);

    this.addSql(`create table "fair_tombstone" ("id" bigserial primary key, "edition_id" int not null, "kind" varchar(20) not null, "entity_id" int not null, "sync_version" bigint not null, "deleted_at" timestamptz not null default now());`);
    this.addSql(`create index "fair_tombstone_sync_idx" on "fair_tombstone" ("edition_id", "sync_version");`);

    this.addSql(`create table "hs_chapter" ("code" varchar(2) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "section" varchar(5) not null, "name_zh" varchar(200) not null, "name_en" text not null, primary key ("code"));`);

    this.addSql(`create table "hs_subheading" ("code" varchar(6) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "chapter_code" varchar(2) not null, "heading" varchar(4) not null, "description_en" text not null, "description_zh" text null, primary key ("code"));`);
    this.addSql(`create index "hs_subheading_chapter_idx" on "hs_subheading" ("chapter_code");`);

    this.addSql(`create table "fair_hall" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "edition_id" int not null, "code" varchar(20) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "theme_zh" varchar(300) not null, "theme_en" varchar(500) not null, "belt_id" int null, "sort_order" smallint not null default 0);`);
    this.addSql(`alter table "fair_hall" add constraint "fair_hall_edition_code_unique" unique ("edition_id", "code");`);

    this.addSql(`create table "fair_exhibitor" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null, "edition_id" int not null, "enterprise_id" int not null, "name_zh" varchar(200) not null default '', "name_en" varchar(300) not null default '', "hall_id" int not null, "booth" varchar(20) not null, "belt_id" int null, "product_categories" text[] not null default '{}', "target_markets" text[] not null default '{}', "profile_zh" varchar(1000) not null, "profile_en" varchar(2000) not null, "contact_name" varchar(120) not null, "contact_phone" varchar(40) null, "contact_email" varchar(200) null, "sync_version" bigint not null default '0', "is_sample" boolean not null default true);`);
    this.addSql(`create index "fair_exhibitor_filter_gin" on "fair_exhibitor" using gin ("edition_id", "hall_id", "belt_id", "product_categories", "target_markets");`);
    this.addSql(`create index "fair_exhibitor_updated_at_idx" on "fair_exhibitor" ("updated_at", "id");`);
    this.addSql(`create index "fair_exhibitor_sync_idx" on "fair_exhibitor" ("edition_id", "sync_version");`);
    this.addSql(`create index "fair_exhibitor_enterprise_idx" on "fair_exhibitor" ("enterprise_id");`);
    this.addSql(`create index "fair_exhibitor_edition_name_idx" on "fair_exhibitor" ("edition_id", "name_zh", "id");`);
    this.addSql(`create index "fair_exhibitor_search_trgm" on "fair_exhibitor" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "fair_exhibitor_search_bigrams" on "fair_exhibitor" using gin ("search_bigrams");`);
    this.addSql(`alter table "fair_exhibitor" add constraint "fair_exhibitor_hall_booth_unique" unique ("hall_id", "booth");`);
    this.addSql(`alter table "fair_exhibitor" add constraint "fair_exhibitor_edition_enterprise_unique" unique ("edition_id", "enterprise_id");`);

    this.addSql(`create table "fair_slot" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "exhibitor_id" int not null, "edition_id" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "location" varchar(120) null, "ref" varchar(80) null, "is_sample" boolean not null default true);`);
    this.addSql(`create index "fair_slot_edition_idx" on "fair_slot" ("edition_id", "starts_at");`);
    this.addSql(`create index "fair_slot_exhibitor_idx" on "fair_slot" ("exhibitor_id", "starts_at");`);

    this.addSql(`create table "fair_listing" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "edition_id" int not null, "owner_id" int not null, "exhibitor_id" int null, "hall_id" int null, "belt_id" int null, "ref" varchar(80) null, "kind" text not null, "status" text not null default 'DRAFT', "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "description_zh" varchar(4000) not null, "description_en" varchar(8000) not null, "category_id" int not null, "category_root_id" int null, "hs_code" varchar(6) null, "hs_chapter" varchar(2) generated always as (left("hs_code", 2)) stored null, "min_quantity" numeric(14,2) null, "quantity_unit" text not null default 'PIECE', "price_min" numeric(14,4) null, "price_max" numeric(14,4) null, "currency" varchar(3) null, "lead_time_days" smallint null, "target_markets" text[] not null default '{}', "certifications" text[] not null default '{}', "image_urls" text[] not null default '{}', "keywords" text[] not null default '{}', "published_at" timestamptz null, "search_text" text not null default '', "search_bigrams" text[] generated always as (cbec_bigrams("search_text")) stored null, "sync_version" bigint not null default '0', "is_sample" boolean not null default true);`);
    this.addSql(`create index "fair_listing_search_bigrams" on "fair_listing" using gin ("search_bigrams");`);
    this.addSql(`create index "fair_listing_search_trgm" on "fair_listing" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "fair_listing_filter_gin" on "fair_listing" using gin ("edition_id", "kind", "category_id", "category_root_id", "hall_id", "belt_id", "exhibitor_id", "hs_chapter", "target_markets", "certifications") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "fair_listing_published_idx" on "fair_listing" ("edition_id", "published_at" desc, "id") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "fair_listing_updated_at_idx" on "fair_listing" ("updated_at", "id");`);
    this.addSql(`create index "fair_listing_sync_idx" on "fair_listing" ("edition_id", "sync_version");`);
    this.addSql(`create index "fair_listing_exhibitor_idx" on "fair_listing" ("exhibitor_id");`);
    this.addSql(`create index "fair_listing_owner_idx" on "fair_listing" ("owner_id", "status");`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_edition_ref_unique" unique ("edition_id", "ref");`);

    this.addSql(`create table "fair_meeting" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slot_id" int not null, "exhibitor_id" int not null, "buyer_id" int not null, "listing_id" int null, "status" text not null default 'REQUESTED', "message" varchar(1000) null, "buyer_contact_name" varchar(120) not null, "buyer_contact_phone" varchar(40) null, "buyer_contact_email" varchar(200) null, "response_note" varchar(500) null, "responded_at" timestamptz null);`);
    this.addSql(`create unique index "fair_meeting_slot_taken_unique" on "fair_meeting" ("slot_id") where "status" in ('REQUESTED', 'ACCEPTED');`);
    this.addSql(`create index "fair_meeting_slot_idx" on "fair_meeting" ("slot_id");`);
    this.addSql(`create index "fair_meeting_exhibitor_idx" on "fair_meeting" ("exhibitor_id", "status");`);
    this.addSql(`create index "fair_meeting_buyer_idx" on "fair_meeting" ("buyer_id", "created_at");`);

    this.addSql(`alter table "fair_edition" add constraint "fair_edition_dates" check (ends_on >= starts_on);`);

    this.addSql(`alter table "fair_tombstone" add constraint "fair_tombstone_edition_id_foreign" foreign key ("edition_id") references "fair_edition" ("id") on delete cascade;`);

    this.addSql(`alter table "hs_chapter" add constraint "hs_chapter_code_format" check (code ~ '^[0-9]{2}\$');`);

    this.addSql(`alter table "hs_subheading" add constraint "hs_subheading_chapter_code_foreign" foreign key ("chapter_code") references "hs_chapter" ("code");`);
    this.addSql(`alter table "hs_subheading" add constraint "hs_subheading_code_format" check (code ~ '^[0-9]{6}\$');`);

    this.addSql(`alter table "fair_hall" add constraint "fair_hall_edition_id_foreign" foreign key ("edition_id") references "fair_edition" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_hall" add constraint "fair_hall_belt_id_foreign" foreign key ("belt_id") references "industrial_belt" ("id") on delete set null;`);

    this.addSql(`alter table "fair_exhibitor" add constraint "fair_exhibitor_edition_id_foreign" foreign key ("edition_id") references "fair_edition" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_exhibitor" add constraint "fair_exhibitor_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`);
    this.addSql(`alter table "fair_exhibitor" add constraint "fair_exhibitor_hall_id_foreign" foreign key ("hall_id") references "fair_hall" ("id");`);
    this.addSql(`alter table "fair_exhibitor" add constraint "fair_exhibitor_belt_id_foreign" foreign key ("belt_id") references "industrial_belt" ("id") on delete set null;`);
    this.addSql(`create or replace function "fair_exhibitor_fair_exhibitor_tombstone_fn"() returns trigger as \$\$ begin insert into fair_tombstone (edition_id, kind, entity_id, sync_version)
      select old.edition_id, 'EXHIBITOR', old.id, v from fair_next_version(old.edition_id) v where v is not null;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_exhibitor_tombstone" AFTER DELETE on "fair_exhibitor" for each ROW execute function "fair_exhibitor_fair_exhibitor_tombstone_fn"();`);
    this.addSql(`create or replace function "fair_exhibitor_fair_exhibitor_prepare_fn"() returns trigger as \$\$ begin select e.name_zh, e.name_en into new.name_zh, new.name_en from enterprise e where e.id = new.enterprise_id;     if coalesce(current_setting('cbec.fair_bulk', true), '') <> 'on' then new.sync_version := fair_next_version(new.edition_id); end if;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_exhibitor_prepare" BEFORE INSERT OR UPDATE on "fair_exhibitor" for each ROW execute function "fair_exhibitor_fair_exhibitor_prepare_fn"();`);

    this.addSql(`alter table "fair_slot" add constraint "fair_slot_exhibitor_id_foreign" foreign key ("exhibitor_id") references "fair_exhibitor" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_slot" add constraint "fair_slot_edition_id_foreign" foreign key ("edition_id") references "fair_edition" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_slot" add constraint "fair_slot_times" check (ends_at > starts_at);`);
    this.addSql(`create or replace function "fair_slot_fair_slot_no_overlap_fn"() returns trigger as \$\$ begin perform 1 from fair_exhibitor where id = new.exhibitor_id for update;     if exists (select 1 from fair_slot s where s.exhibitor_id = new.exhibitor_id and s.id <> new.id
        and s.starts_at < new.ends_at and new.starts_at < s.ends_at) then
      raise exception 'slot overlaps another slot of exhibitor %', new.exhibitor_id using errcode = '23P01', constraint = 'fair_slot_no_overlap';     end if;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_slot_no_overlap" BEFORE INSERT OR UPDATE on "fair_slot" for each ROW execute function "fair_slot_fair_slot_no_overlap_fn"();`);

    this.addSql(`alter table "fair_listing" add constraint "fair_listing_edition_id_foreign" foreign key ("edition_id") references "fair_edition" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_owner_id_foreign" foreign key ("owner_id") references "enterprise" ("id");`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_exhibitor_id_foreign" foreign key ("exhibitor_id") references "fair_exhibitor" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_hall_id_foreign" foreign key ("hall_id") references "fair_hall" ("id") on delete set null;`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_belt_id_foreign" foreign key ("belt_id") references "industrial_belt" ("id") on delete set null;`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_category_id_foreign" foreign key ("category_id") references "product_category" ("id");`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_category_root_id_foreign" foreign key ("category_root_id") references "product_category" ("id") on delete set null;`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_hs_code_foreign" foreign key ("hs_code") references "hs_subheading" ("code") on delete set null;`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_hs_format" check (hs_code is null or hs_code ~ '^[0-9]{6}\$');`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_quantity_positive" check (min_quantity is null or min_quantity > 0);`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_price_currency" check ((price_min is null and price_max is null) or currency is not null);`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_price_range" check (price_min is null or price_max is null or price_min <= price_max);`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_offer_exhibitor" check (kind = 'REQUEST' or exhibitor_id is not null);`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_kind_check" check ("kind" in ('OFFER', 'REQUEST'));`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'WITHDRAWN'));`);
    this.addSql(`alter table "fair_listing" add constraint "fair_listing_quantity_unit_check" check ("quantity_unit" in ('PIECE', 'SET', 'PAIR', 'CARTON', 'KG', 'TONNE', 'METRE', 'SQUARE_METRE', 'LITRE', 'CONTAINER_20FT', 'CONTAINER_40FT', 'ORDER'));`);
    this.addSql(`create or replace function "fair_listing_fair_listing_tombstone_fn"() returns trigger as \$\$ begin insert into fair_tombstone (edition_id, kind, entity_id, sync_version)
      select old.edition_id, 'LISTING', old.id, v from fair_next_version(old.edition_id) v where v is not null;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_listing_tombstone" AFTER DELETE on "fair_listing" for each ROW execute function "fair_listing_fair_listing_tombstone_fn"();`);
    this.addSql(`create or replace function "fair_listing_fair_listing_prepare_fn"() returns trigger as \$\$ begin if new.exhibitor_id is not null then
      select x.hall_id, coalesce(new.belt_id, x.belt_id) into new.hall_id, new.belt_id from fair_exhibitor x where x.id = new.exhibitor_id;     else new.hall_id := null;     end if;     select coalesce(c.parent_id, c.id) into new.category_root_id from product_category c where c.id = new.category_id;     if new.status = 'PUBLISHED' and (tg_op = 'INSERT' or old.status <> 'PUBLISHED') then new.published_at := coalesce(new.published_at, now()); end if;     new.search_text := lower(concat_ws(' ', new.name_zh, new.name_en, array_to_string(new.keywords, ' '),
      (select concat_ws(' ', c.name_zh, c.name_en, p.name_zh, p.name_en) from product_category c left join product_category p on p.id = c.parent_id where c.id = new.category_id),
      (select concat_ws(' ', e.name_zh, e.name_en) from enterprise e where e.id = new.owner_id),
      (select string_agg(b.name_zh || ' ' || b.name_en, ' ' order by b.id) from brand b where b.enterprise_id = new.owner_id),
      (select h.name_zh from hs_chapter h where h.code = left(new.hs_code, 2))));     if coalesce(current_setting('cbec.fair_bulk', true), '') <> 'on' then new.sync_version := fair_next_version(new.edition_id); end if;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_listing_prepare" BEFORE INSERT OR UPDATE on "fair_listing" for each ROW execute function "fair_listing_fair_listing_prepare_fn"();`);

    this.addSql(`alter table "fair_meeting" add constraint "fair_meeting_slot_id_foreign" foreign key ("slot_id") references "fair_slot" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_meeting" add constraint "fair_meeting_exhibitor_id_foreign" foreign key ("exhibitor_id") references "fair_exhibitor" ("id") on delete cascade;`);
    this.addSql(`alter table "fair_meeting" add constraint "fair_meeting_buyer_id_foreign" foreign key ("buyer_id") references "enterprise" ("id");`);
    this.addSql(`alter table "fair_meeting" add constraint "fair_meeting_listing_id_foreign" foreign key ("listing_id") references "fair_listing" ("id") on delete set null;`);
    this.addSql(`alter table "fair_meeting" add constraint "fair_meeting_status_check" check ("status" in ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists fair_next_version(integer);`);
    this.addSql(`alter table "fair_tombstone" drop constraint "fair_tombstone_edition_id_foreign";`);
    this.addSql(`alter table "fair_hall" drop constraint "fair_hall_edition_id_foreign";`);
    this.addSql(`alter table "fair_exhibitor" drop constraint "fair_exhibitor_edition_id_foreign";`);
    this.addSql(`alter table "fair_slot" drop constraint "fair_slot_edition_id_foreign";`);
    this.addSql(`alter table "fair_listing" drop constraint "fair_listing_edition_id_foreign";`);
    this.addSql(`alter table "hs_subheading" drop constraint "hs_subheading_chapter_code_foreign";`);
    this.addSql(`alter table "fair_listing" drop constraint "fair_listing_hs_code_foreign";`);
    this.addSql(`alter table "fair_exhibitor" drop constraint "fair_exhibitor_hall_id_foreign";`);
    this.addSql(`alter table "fair_listing" drop constraint "fair_listing_hall_id_foreign";`);
    this.addSql(`alter table "fair_slot" drop constraint "fair_slot_exhibitor_id_foreign";`);
    this.addSql(`alter table "fair_listing" drop constraint "fair_listing_exhibitor_id_foreign";`);
    this.addSql(`alter table "fair_meeting" drop constraint "fair_meeting_exhibitor_id_foreign";`);
    this.addSql(`alter table "fair_meeting" drop constraint "fair_meeting_slot_id_foreign";`);
    this.addSql(`alter table "fair_meeting" drop constraint "fair_meeting_listing_id_foreign";`);

    this.addSql(`drop table if exists "fair_edition" cascade;`);
    this.addSql(`drop table if exists "fair_tombstone" cascade;`);
    this.addSql(`drop table if exists "hs_chapter" cascade;`);
    this.addSql(`drop table if exists "hs_subheading" cascade;`);
    this.addSql(`drop table if exists "fair_hall" cascade;`);
    this.addSql(`drop trigger if exists "fair_exhibitor_tombstone" on "fair_exhibitor";`);
    this.addSql(`drop function if exists "fair_exhibitor_fair_exhibitor_tombstone_fn"();`);
    this.addSql(`drop trigger if exists "fair_exhibitor_prepare" on "fair_exhibitor";`);
    this.addSql(`drop function if exists "fair_exhibitor_fair_exhibitor_prepare_fn"();`);
    this.addSql(`drop table if exists "fair_exhibitor" cascade;`);
    this.addSql(`drop trigger if exists "fair_slot_no_overlap" on "fair_slot";`);
    this.addSql(`drop function if exists "fair_slot_fair_slot_no_overlap_fn"();`);
    this.addSql(`drop table if exists "fair_slot" cascade;`);
    this.addSql(`drop trigger if exists "fair_listing_tombstone" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_fair_listing_tombstone_fn"();`);
    this.addSql(`drop trigger if exists "fair_listing_prepare" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_fair_listing_prepare_fn"();`);
    this.addSql(`drop table if exists "fair_listing" cascade;`);
    this.addSql(`drop table if exists "fair_meeting" cascade;`);
  }

}
