import { Migration } from '@mikro-orm/migrations';

export class Migration20261125222808 extends Migration {

  override name = 'Migration20261125222808';

  override up(): void | Promise<void> {
    this.addSql(`drop index "corridor_search_bigram";`);
    this.addSql(`alter table "corridor" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "corridor_search_bigrams" on "corridor" using gin ("search_bigrams");`);

    this.addSql(`drop index "country_search_bigram";`);
    this.addSql(`alter table "country" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "country_search_bigrams" on "country" using gin ("search_bigrams");`);

    this.addSql(`drop index "district_search_bigram";`);
    this.addSql(`alter table "district" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "district_search_bigrams" on "district" using gin ("search_bigrams");`);

    this.addSql(`drop index "enterprise_search_bigram";`);
    this.addSql(`alter table "enterprise" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "enterprise_search_bigrams" on "enterprise" using gin ("search_bigrams");`);

    this.addSql(`drop index "industrial_belt_search_bigram";`);
    this.addSql(`alter table "industrial_belt" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "industrial_belt_search_bigrams" on "industrial_belt" using gin ("search_bigrams");`);

    this.addSql(`drop index "overseas_warehouse_search_bigram";`);
    this.addSql(`alter table "overseas_warehouse" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "overseas_warehouse_search_bigrams" on "overseas_warehouse" using gin ("search_bigrams");`);

    this.addSql(`drop index "service_provider_search_bigram";`);
    this.addSql(`alter table "service_provider" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "service_provider_search_bigrams" on "service_provider" using gin ("search_bigrams");`);

    this.addSql(`drop index "talent_base_search_bigram";`);
    this.addSql(`alter table "talent_base" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "talent_base_search_bigrams" on "talent_base" using gin ("search_bigrams");`);

    this.addSql(`drop index "zone_search_bigram";`);
    this.addSql(`alter table "zone" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "zone_search_bigrams" on "zone" using gin ("search_bigrams");`);

    this.addSql(`drop index "industrial_park_search_bigram";`);
    this.addSql(`alter table "industrial_park" add "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null;`);
    this.addSql(`create index "industrial_park_search_bigrams" on "industrial_park" using gin ("search_bigrams");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "corridor_search_bigrams";`);
    this.addSql(`alter table "corridor" drop column "search_bigrams";`);
    this.addSql(`create index "corridor_search_bigram" on "corridor" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "country_search_bigrams";`);
    this.addSql(`alter table "country" drop column "search_bigrams";`);
    this.addSql(`create index "country_search_bigram" on "country" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "district_search_bigrams";`);
    this.addSql(`alter table "district" drop column "search_bigrams";`);
    this.addSql(`create index "district_search_bigram" on "district" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "enterprise_search_bigrams";`);
    this.addSql(`alter table "enterprise" drop column "search_bigrams";`);
    this.addSql(`create index "enterprise_search_bigram" on "enterprise" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "industrial_belt_search_bigrams";`);
    this.addSql(`alter table "industrial_belt" drop column "search_bigrams";`);
    this.addSql(`create index "industrial_belt_search_bigram" on "industrial_belt" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "industrial_park_search_bigrams";`);
    this.addSql(`alter table "industrial_park" drop column "search_bigrams";`);
    this.addSql(`create index "industrial_park_search_bigram" on "industrial_park" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "overseas_warehouse_search_bigrams";`);
    this.addSql(`alter table "overseas_warehouse" drop column "search_bigrams";`);
    this.addSql(`create index "overseas_warehouse_search_bigram" on "overseas_warehouse" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "service_provider_search_bigrams";`);
    this.addSql(`alter table "service_provider" drop column "search_bigrams";`);
    this.addSql(`create index "service_provider_search_bigram" on "service_provider" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "talent_base_search_bigrams";`);
    this.addSql(`alter table "talent_base" drop column "search_bigrams";`);
    this.addSql(`create index "talent_base_search_bigram" on "talent_base" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`drop index "zone_search_bigrams";`);
    this.addSql(`alter table "zone" drop column "search_bigrams";`);
    this.addSql(`create index "zone_search_bigram" on "zone" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
  }

}
