import { Migration } from '@mikro-orm/migrations';

export class Migration20261202115448 extends Migration {

  override name = 'Migration20261202115448';

  override up(): void | Promise<void> {
    this.addSql(`create table "park_space" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null, "park_id" int not null, "ref" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "description_zh" text null, "description_en" text null, "kind" text not null, "area_m2" int not null, "min_divisible_m2" int null, "floor" smallint null, "monthly_rent_per_m2" numeric(10,2) not null, "available_from" date not null, "min_term_months" smallint not null default 1, "status" text not null default 'AVAILABLE', "contact_name" varchar(120) null, "contact_email" varchar(200) null, "contact_phone" varchar(40) null, "is_sample" boolean not null default true);`);
    this.addSql(`create index "park_space_match_walk_idx" on "park_space" ("park_id", "monthly_rent_per_m2", "id")
    include ("kind", "area_m2", "min_divisible_m2", "available_from", "min_term_months")
    where "status" = 'AVAILABLE';`);
    this.addSql(`create index "park_space_updated_at_idx" on "park_space" ("updated_at", "id");`);
    this.addSql(`create index "park_space_search_trgm" on "park_space" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "park_space_search_bigrams" on "park_space" using gin ("search_bigrams");`);
    this.addSql(`alter table "park_space" add constraint "park_space_park_ref_unique" unique ("park_id", "ref");`);

    this.addSql(`alter table "park_space" add constraint "park_space_park_id_foreign" foreign key ("park_id") references "industrial_park" ("id");`);
    this.addSql(`alter table "park_space" add constraint "park_space_min_term_positive" check (min_term_months > 0);`);
    this.addSql(`alter table "park_space" add constraint "park_space_rent_not_negative" check (monthly_rent_per_m2 >= 0);`);
    this.addSql(`alter table "park_space" add constraint "park_space_divisible_within_area" check (min_divisible_m2 is null or (min_divisible_m2 > 0 and min_divisible_m2 <= area_m2));`);
    this.addSql(`alter table "park_space" add constraint "park_space_area_positive" check (area_m2 > 0);`);
    this.addSql(`alter table "park_space" add constraint "park_space_kind_check" check ("kind" in ('OFFICE', 'WAREHOUSE', 'FACTORY', 'LIVE_STREAMING_STUDIO', 'SHOWROOM', 'INCUBATOR_DESK'));`);
    this.addSql(`alter table "park_space" add constraint "park_space_status_check" check ("status" in ('AVAILABLE', 'LET', 'WITHDRAWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "park_space" cascade;`);

  }

}
