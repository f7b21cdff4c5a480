import { Migration } from '@mikro-orm/migrations';

/** Roles (SQL) whose stored markets were import sources, and those whose were export markets. */
const IMPORTER = `('IMPORT_SUPPLY_CHAIN_LEADER' = any("roles") and not "roles" && '{THIRD_PARTY_PLATFORM,VERTICAL_PLATFORM}')`;
const EXPORTER = `"roles" && '{THIRD_PARTY_PLATFORM,EXPORT_SELLER,VERTICAL_PLATFORM,INDEPENDENT_SITE,MANUFACTURER,TRADITIONAL_TRADER}'`;

export class Migration20261202182654 extends Migration {

  override name = 'Migration20261202182654';

  override up(): void | Promise<void> {
    this.addSql(`create table "enterprise_market_figure" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" int not null, "year" smallint not null, "direction" varchar(6) not null, "country_code" varchar(2) not null, "amount_cny" numeric(18,2) not null);`);
    this.addSql(`create index "enterprise_market_figure_year_cover_idx" on "enterprise_market_figure" ("year", "direction", "country_code") include ("enterprise_id", "amount_cny");`);
    this.addSql(`alter table "enterprise_market_figure" add constraint "enterprise_market_figure_unique" unique ("enterprise_id", "year", "direction", "country_code");`);

    // Issue 17: targetMarkets mixed export markets, import sources and served markets. Each stored
    // list goes to the kind(s) its roles say (the rule of docs/cookbook.md): an import supply-chain
    // leader that is no platform imports from them; a seller, maker, trader or platform exports
    // there; a platform and a firm that neither trades nor imports serves them. Every market lands
    // in at least one of the three, so the deprecated union reads as before.
    this.addSql(`drop index "enterprise_target_markets_gin";`);
    this.addSql(`alter table "enterprise" add "export_markets" text[] not null default '{}', add "import_source_markets" text[] not null default '{}', add "served_markets" text[] not null default '{}', add "customs_modes" text[] not null default '{}';`);
    this.addSql(`update "enterprise" set
      "import_source_markets" = case when ${IMPORTER} then "target_markets" else '{}' end,
      "export_markets" = case when ${EXPORTER} and not ${IMPORTER} then "target_markets" else '{}' end,
      "served_markets" = case when not ${EXPORTER} and not ${IMPORTER} or "roles" && '{THIRD_PARTY_PLATFORM,VERTICAL_PLATFORM}' then "target_markets" else '{}' end
      where cardinality("target_markets") > 0;`);
    this.addSql(`alter table "enterprise" drop column "target_markets";`);
    this.addSql(`create index "enterprise_customs_modes_gin" on "enterprise" using gin ("customs_modes");`);
    this.addSql(`create index "enterprise_served_markets_gin" on "enterprise" using gin ("served_markets");`);
    this.addSql(`create index "enterprise_import_source_markets_gin" on "enterprise" using gin ("import_source_markets");`);
    this.addSql(`create index "enterprise_export_markets_gin" on "enterprise" using gin ("export_markets");`);

    this.addSql(`alter table "enterprise_market_figure" add constraint "enterprise_market_figure_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);
    this.addSql(`alter table "enterprise_market_figure" add constraint "enterprise_market_figure_country_code_foreign" foreign key ("country_code") references "country" ("code");`);
    this.addSql(`alter table "enterprise_market_figure" add constraint "enterprise_market_figure_amount_not_negative" check (amount_cny >= 0);`);
    this.addSql(`alter table "enterprise_market_figure" add constraint "enterprise_market_figure_direction" check (direction in ('EXPORT', 'IMPORT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "enterprise_market_figure" cascade;`);

    this.addSql(`drop index "enterprise_customs_modes_gin";`);
    this.addSql(`drop index "enterprise_served_markets_gin";`);
    this.addSql(`drop index "enterprise_import_source_markets_gin";`);
    this.addSql(`drop index "enterprise_export_markets_gin";`);
    // Back to one list: the union, as the deprecated field reads it.
    this.addSql(`alter table "enterprise" add "target_markets" text[] not null default '{}';`);
    this.addSql(`update "enterprise" set "target_markets" = array(select distinct m from unnest("export_markets" || "import_source_markets" || "served_markets") m order by m)
      where cardinality("export_markets" || "import_source_markets" || "served_markets") > 0;`);
    this.addSql(`alter table "enterprise" drop column "export_markets", drop column "import_source_markets", drop column "served_markets", drop column "customs_modes";`);
    this.addSql(`create index "enterprise_target_markets_gin" on "enterprise" using gin ("target_markets");`);
  }

}
