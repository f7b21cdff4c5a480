import { Migration } from '@mikro-orm/migrations';

export class Migration20261202193241 extends Migration {

  override name = 'Migration20261202193241';

  override up(): void | Promise<void> {
    this.addSql(`create table "city" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "country_code" varchar(2) not null, "name_zh" varchar(64) not null, "name_en" varchar(128) not null, "aliases" text[] not null default '{}', "latitude" double precision not null, "longitude" double precision not null, "source" varchar(300) not null);`);
    this.addSql(`alter table "city" add constraint "city_slug_unique" unique ("slug");`);
    this.addSql(`create index "city_updated_at_idx" on "city" ("updated_at");`);
    this.addSql(`create unique index "city_country_name_en_unique" on "city" ("country_code", lower("name_en"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "city" cascade;`);
  }

}
