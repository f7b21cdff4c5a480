import { Migration } from '@mikro-orm/migrations';

export class Migration20261202121817 extends Migration {

  override name = 'Migration20261202121817';

  override up(): void | Promise<void> {
    this.addSql(`create table "service_need" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "owner_id" int not null, "ref" varchar(80) null, "status" text not null default 'OPEN', "title" varchar(200) not null, "description" varchar(4000) null, "categories" text[] not null, "markets" text[] not null default '{}', "languages" text[] not null default '{}', "certifications" text[] not null default '{}', "budget_max" numeric(14,4) null, "budget_currency" varchar(3) null, "budget_unit" text null, "deadline" date null, "district_code" varchar(6) null, "is_sample" boolean not null default true);`);
    this.addSql(`create index "service_need_categories_gin" on "service_need" using gin ("categories") where "status" = 'OPEN';`);
    this.addSql(`create index "service_need_owner_idx" on "service_need" ("owner_id", "status");`);
    this.addSql(`create index "service_need_updated_at_idx" on "service_need" ("updated_at", "id");`);
    this.addSql(`alter table "service_need" add constraint "service_need_owner_ref_unique" unique ("owner_id", "ref");`);

    this.addSql(`create table "service_offering" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null, "provider_id" int not null, "ref" varchar(80) null, "status" text not null default 'DRAFT', "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "description_zh" varchar(4000) null, "description_en" varchar(8000) null, "category" text not null, "markets" text[] not null default '{}', "languages" text[] not null default '{}', "certifications" text[] not null default '{}', "price_min" numeric(14,4) null, "price_max" numeric(14,4) null, "currency" varchar(3) null, "price_unit" text null, "turnaround_days" smallint null, "contact_name" varchar(120) null, "contact_email" varchar(200) null, "contact_phone" varchar(40) null, "is_sample" boolean not null default true);`);
    this.addSql(`create index "service_offering_match_idx" on "service_offering"
  ("category", (coalesce("currency", '')), "price_unit", (coalesce("price_min", "price_max")), "id")
  include ("provider_id", "markets", "languages", "certifications", "turnaround_days", "price_min", "price_max", "currency")
  where "status" = 'PUBLISHED';`);
    this.addSql(`create index "service_offering_find_gin" on "service_offering" using gin ("category", "markets", "languages", "certifications") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "service_offering_provider_idx" on "service_offering" ("provider_id", "category", "id") include ("markets", "languages") where "status" = 'PUBLISHED';`);
    this.addSql(`create index "service_offering_name_zh_idx" on "service_offering" ("name_zh", "id");`);
    this.addSql(`create index "service_offering_updated_at_idx" on "service_offering" ("updated_at", "id");`);
    this.addSql(`create index "service_offering_search_trgm" on "service_offering" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "service_offering_search_bigrams" on "service_offering" using gin ("search_bigrams");`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_provider_ref_unique" unique ("provider_id", "ref");`);

    this.addSql(`alter table "service_need" add constraint "service_need_owner_id_foreign" foreign key ("owner_id") references "enterprise" ("id");`);
    this.addSql(`alter table "service_need" add constraint "service_need_district_code_foreign" foreign key ("district_code") references "district" ("code") on delete set null;`);
    this.addSql(`alter table "service_need" add constraint "service_need_budget_currency" check (budget_unit is null or (budget_unit = 'PERCENT_OF_VALUE') = (budget_currency is null));`);
    this.addSql(`alter table "service_need" add constraint "service_need_budget_unit" check ((budget_max is null) = (budget_unit is null));`);
    this.addSql(`alter table "service_need" add constraint "service_need_categories" check (cardinality(categories) >= 1);`);
    this.addSql(`alter table "service_need" add constraint "service_need_status_check" check ("status" in ('OPEN', 'CLOSED'));`);

    this.addSql(`alter table "service_offering" add constraint "service_offering_provider_id_foreign" foreign key ("provider_id") references "service_provider" ("id");`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_price_currency" check (price_unit is null or (price_unit = 'PERCENT_OF_VALUE') = (currency is null));`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_price_unit" check ((price_min is null and price_max is null) = (price_unit is null));`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_price_range" check (price_min is null or price_max is null or price_min <= price_max);`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'WITHDRAWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "service_need" cascade;`);
    this.addSql(`drop table if exists "service_offering" cascade;`);
  }

}
