import { Migration } from '@mikro-orm/migrations';

export class Migration20261125214645 extends Migration {

  override name = 'Migration20261125214645';

  override up(): void | Promise<void> {
    // Extensions and functions first. pg_trgm for typo-tolerant search; cube + earthdistance for
    // distances (PostGIS is not available in the embedded PostgreSQL, so both databases use the
    // same functions). cbec_search_text / cbec_bigrams back the name-search indexes: trigrams cannot
    // serve a two-character Chinese term, character bigrams can (see src/db/search-index.ts).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists cube;`);
    this.addSql(`create extension if not exists earthdistance;`);
    this.addSql(`create or replace function cbec_search_text(zh text, en text) returns text
      language sql immutable parallel safe as $$ select lower(coalesce(zh, '') || ' ' || coalesce(en, '')) $$;`);
    this.addSql(`create or replace function cbec_bigrams(t text) returns text[]
      language sql immutable strict parallel safe as $$
        select coalesce(array_agg(distinct substr(t, i, 2)), '{}')
        from generate_series(1, char_length(t) - 1) as i
        where substr(t, i, 2) !~ '\\s'
      $$;`);

    this.addSql(`create table "corridor" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(128) not null, "name_en" varchar(200) not null, "mode" text not null, "origin_hub_zh" varchar(128) not null, "origin_hub_en" varchar(200) not null, "since_year" int null);`);
    this.addSql(`alter table "corridor" add constraint "corridor_slug_unique" unique ("slug");`);
    this.addSql(`create index "corridor_updated_at_idx" on "corridor" ("updated_at");`);
    this.addSql(`create index "corridor_search_trgm" on "corridor" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "corridor_search_bigram" on "corridor" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "corridor" add constraint "corridor_mode_check" check ("mode" in ('RAIL', 'RAIL_SEA', 'RIVER_SEA', 'AIR', 'POSTAL_EXPRESS'));`);

    this.addSql(`create table "country" ("code" varchar(2) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name_zh" varchar(64) not null, "name_en" varchar(128) not null, "region" varchar(64) not null, "currency" varchar(3) not null, primary key ("code"));`);
    this.addSql(`create index "country_updated_at_idx" on "country" ("updated_at");`);
    this.addSql(`create index "country_search_trgm" on "country" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "country_search_bigram" on "country" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`create table "corridor_lane" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "corridor_id" int not null, "country_code" varchar(2) not null, "city_zh" varchar(64) not null, "city_en" varchar(128) not null, "transit_days_min" int not null, "transit_days_max" int not null);`);
    this.addSql(`create index "corridor_lane_country_idx" on "corridor_lane" ("country_code");`);
    this.addSql(`alter table "corridor_lane" add constraint "corridor_lane_unique" unique ("corridor_id", "country_code", "city_en");`);

    this.addSql(`create table "district" ("code" varchar(6) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name_zh" varchar(64) not null, "name_en" varchar(128) not null, "kind" text not null, "valid_from" date null, "valid_to" date null, "successor_codes" text[] not null default '{}', "change_note" text null, primary key ("code"));`);
    this.addSql(`create index "district_updated_at_idx" on "district" ("updated_at");`);
    this.addSql(`create index "district_search_trgm" on "district" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "district_search_bigram" on "district" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "district" add constraint "district_kind_check" check ("kind" in ('DISTRICT', 'COUNTY', 'AUTONOMOUS_COUNTY'));`);

    this.addSql(`create table "enterprise" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "credit_code" varchar(18) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "district_code" varchar(6) not null, "roles" text[] not null default '{}', "certifications" text[] not null default '{}', "target_markets" text[] not null default '{}', "sales_channels" text[] not null default '{}', "founded_year" smallint null, "website" varchar(300) null, "is_sample" boolean not null default false);`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "enterprise_sales_channels_gin" on "enterprise" using gin ("sales_channels");`);
    this.addSql(`create index "enterprise_target_markets_gin" on "enterprise" using gin ("target_markets");`);
    this.addSql(`create index "enterprise_certifications_gin" on "enterprise" using gin ("certifications");`);
    this.addSql(`create index "enterprise_roles_gin" on "enterprise" using gin ("roles");`);
    this.addSql(`create index "enterprise_district_idx" on "enterprise" ("district_code");`);
    this.addSql(`create index "enterprise_updated_at_idx" on "enterprise" ("updated_at", "id");`);
    this.addSql(`create index "enterprise_search_trgm" on "enterprise" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "enterprise_search_bigram" on "enterprise" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`create table "brand" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" int not null, "name_zh" varchar(120) not null, "name_en" varchar(120) not null, "kind" text not null, "overseas_trademark_countries" text[] not null default '{}', "has_international_certification" boolean not null default false, "patent_count" int not null default 0);`);
    this.addSql(`create index "brand_enterprise_idx" on "brand" ("enterprise_id");`);
    this.addSql(`alter table "brand" add constraint "brand_kind_check" check ("kind" in ('OWN', 'DTC'));`);

    this.addSql(`create table "enterprise_annual_figure" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" int not null, "year" smallint not null, "cbec_transactions_cny" numeric(18,2) not null, "imports_cny" numeric(18,2) not null, "exports_cny" numeric(18,2) not null);`);
    this.addSql(`create index "enterprise_annual_figure_year_tx_idx" on "enterprise_annual_figure" ("year", "cbec_transactions_cny");`);
    this.addSql(`alter table "enterprise_annual_figure" add constraint "enterprise_annual_figure_unique" unique ("enterprise_id", "year");`);

    this.addSql(`create table "industrial_belt" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "industry" text not null, "on_national_transformation_base" boolean not null default false, "transformation_base_name_zh" varchar(200) null, "is_sample" boolean not null default true);`);
    this.addSql(`alter table "industrial_belt" add constraint "industrial_belt_slug_unique" unique ("slug");`);
    this.addSql(`create index "industrial_belt_industry_idx" on "industrial_belt" ("industry");`);
    this.addSql(`create index "industrial_belt_updated_at_idx" on "industrial_belt" ("updated_at", "id");`);
    this.addSql(`create index "industrial_belt_search_trgm" on "industrial_belt" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "industrial_belt_search_bigram" on "industrial_belt" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "industrial_belt" add constraint "industrial_belt_industry_check" check ("industry" in ('AUTO_MOTORCYCLE_PARTS', 'CONSUMER_ELECTRONICS', 'GENERAL_MACHINERY', 'HARDWARE_TOOLS', 'LIGHT_INDUSTRY_TEXTILES', 'SMART_HOME', 'FOOD_AGRICULTURAL_PROCESSING'));`);

    this.addSql(`create table "industrial_belt_district" ("belt_id" int not null, "district_code" varchar(6) not null, primary key ("belt_id", "district_code"));`);

    this.addSql(`create table "belt_membership" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "belt_id" int not null, "enterprise_id" int not null, "is_anchor" boolean not null default false);`);
    this.addSql(`create index "belt_membership_enterprise_idx" on "belt_membership" ("enterprise_id");`);
    this.addSql(`alter table "belt_membership" add constraint "belt_membership_unique" unique ("belt_id", "enterprise_id");`);

    this.addSql(`create table "belt_annual_figure" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "belt_id" int not null, "year" smallint not null, "import_export_cny" numeric(18,2) not null);`);
    this.addSql(`alter table "belt_annual_figure" add constraint "belt_annual_figure_unique" unique ("belt_id", "year");`);

    this.addSql(`create table "overseas_warehouse" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(100) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "operator_id" int not null, "country_code" varchar(2) not null, "city_zh" varchar(64) not null, "city_en" varchar(128) not null, "address" varchar(300) not null, "latitude" double precision not null, "longitude" double precision not null, "is_public" boolean not null default false, "area_m2" int not null, "capacity" numeric(14,2) not null, "capacity_unit" text not null, "pallet_cbm" numeric(6,3) not null default '1.380', "stack_height_m" numeric(5,2) not null default '2.00', "capacity_cbm" numeric(16,2) generated always as (case "capacity_unit" when 'CBM' then "capacity" when 'PALLET' then "capacity" * "pallet_cbm" else "capacity" * "stack_height_m" end) stored not null, "storage_classes" text[] not null default '{}', "services" text[] not null default '{}', "currency" varchar(3) not null, "storage_price" numeric(12,4) not null, "storage_price_unit" text not null, "storage_price_period" text not null, "monthly_storage_price_per_cbm" numeric(14,4) generated always as (round("storage_price" * (case "storage_price_period" when 'DAY' then 30 when 'WEEK' then 30.0 / 7 else 1 end) / (case "storage_price_unit" when 'CBM' then 1 when 'PALLET' then "pallet_cbm" else "stack_height_m" end), 4)) stored not null, "inbound_fee" numeric(12,2) not null default '0', "outbound_fee_per_order" numeric(12,2) not null default '0', "free_storage_days" smallint not null default 0, "cutoff_time" varchar(5) null, "dock_to_stock_hours" smallint null, "opened_year" smallint null, "is_sample" boolean not null default true);`);
    this.addSql(`alter table "overseas_warehouse" add constraint "overseas_warehouse_slug_unique" unique ("slug");`);
    this.addSql(`create index "overseas_warehouse_earth_idx" on "overseas_warehouse" using gist (ll_to_earth("latitude", "longitude"));`);
    this.addSql(`create index "overseas_warehouse_services_gin" on "overseas_warehouse" using gin ("services");`);
    this.addSql(`create index "overseas_warehouse_storage_classes_gin" on "overseas_warehouse" using gin ("storage_classes");`);
    this.addSql(`create index "overseas_warehouse_price_idx" on "overseas_warehouse" ("currency", "monthly_storage_price_per_cbm", "id");`);
    this.addSql(`create index "overseas_warehouse_capacity_cbm_idx" on "overseas_warehouse" ("capacity_cbm", "id");`);
    this.addSql(`create index "overseas_warehouse_country_city_idx" on "overseas_warehouse" ("country_code", "city_en");`);
    this.addSql(`create index "overseas_warehouse_operator_idx" on "overseas_warehouse" ("operator_id");`);
    this.addSql(`create index "overseas_warehouse_updated_at_idx" on "overseas_warehouse" ("updated_at", "id");`);
    this.addSql(`create index "overseas_warehouse_search_trgm" on "overseas_warehouse" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "overseas_warehouse_search_bigram" on "overseas_warehouse" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "overseas_warehouse" add constraint "overseas_warehouse_capacity_unit_check" check ("capacity_unit" in ('CBM', 'PALLET', 'SQUARE_METRE'));`);
    this.addSql(`alter table "overseas_warehouse" add constraint "overseas_warehouse_storage_price_unit_check" check ("storage_price_unit" in ('CBM', 'PALLET', 'SQUARE_METRE'));`);
    this.addSql(`alter table "overseas_warehouse" add constraint "overseas_warehouse_storage_price_period_check" check ("storage_price_period" in ('DAY', 'WEEK', 'MONTH'));`);

    this.addSql(`create table "policy_measure" ("number" smallint not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title_zh" varchar(128) not null, "title_en" varchar(200) not null, "summary_zh" text not null, "summary_en" text not null, "responsible_units_zh" text[] not null, "responsible_units_en" text[] not null, primary key ("number"));`);
    this.addSql(`create index "policy_measure_updated_at_idx" on "policy_measure" ("updated_at");`);

    this.addSql(`create table "policy_target" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "measure_number" smallint not null, "description_zh" text not null, "description_en" text not null, "metric" text not null, "threshold_cny" numeric(18,2) null, "target_value" int not null, "strictly_above" boolean not null default false, "target_year" smallint not null);`);
    this.addSql(`alter table "policy_target" add constraint "policy_target_slug_unique" unique ("slug");`);
    this.addSql(`alter table "policy_target" add constraint "policy_target_metric_check" check ("metric" in ('ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST', 'MARKET_PLAYERS', 'INDUSTRIAL_PARKS', 'PARK_TENANTS', 'BELTS_WITH_TRADE_ABOVE'));`);

    this.addSql(`create table "product_category" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(64) not null, "name_en" varchar(128) not null, "parent_id" int null);`);
    this.addSql(`alter table "product_category" add constraint "product_category_slug_unique" unique ("slug");`);
    this.addSql(`create index "product_category_updated_at_idx" on "product_category" ("updated_at");`);

    this.addSql(`create table "service_provider" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" int not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "categories" text[] not null default '{}', "markets" text[] not null default '{}', "languages" text[] not null default '{}', "description_zh" text null, "description_en" text null, "is_sample" boolean not null default true);`);
    this.addSql(`alter table "service_provider" add constraint "service_provider_enterprise_unique" unique ("enterprise_id");`);
    this.addSql(`create index "service_provider_languages_gin" on "service_provider" using gin ("languages");`);
    this.addSql(`create index "service_provider_markets_gin" on "service_provider" using gin ("markets");`);
    this.addSql(`create index "service_provider_categories_gin" on "service_provider" using gin ("categories");`);
    this.addSql(`create index "service_provider_updated_at_idx" on "service_provider" ("updated_at", "id");`);
    this.addSql(`create index "service_provider_search_trgm" on "service_provider" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "service_provider_search_bigram" on "service_provider" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);

    this.addSql(`create table "talent_base" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "kind" text not null, "host_institution_zh" varchar(200) not null, "host_institution_en" varchar(300) not null, "district_code" varchar(6) not null, "specialties" text[] not null default '{}', "annual_training_capacity" int not null, "is_sample" boolean not null default true);`);
    this.addSql(`alter table "talent_base" add constraint "talent_base_slug_unique" unique ("slug");`);
    this.addSql(`create index "talent_base_specialties_gin" on "talent_base" using gin ("specialties");`);
    this.addSql(`create index "talent_base_district_idx" on "talent_base" ("district_code");`);
    this.addSql(`create index "talent_base_updated_at_idx" on "talent_base" ("updated_at", "id");`);
    this.addSql(`create index "talent_base_search_trgm" on "talent_base" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "talent_base_search_bigram" on "talent_base" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "talent_base" add constraint "talent_base_kind_check" check ("kind" in ('TALENT_INCUBATION_CENTRE', 'PRACTICAL_TRAINING_BASE', 'UNIVERSITY_PROGRAMME'));`);

    this.addSql(`create table "talent_programme" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "base_id" int not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "duration_weeks" smallint not null, "seats" int not null, "next_start_on" date null);`);
    this.addSql(`create index "talent_programme_base_idx" on "talent_programme" ("base_id");`);

    this.addSql(`create table "warehouse_corridor" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "warehouse_id" int not null, "corridor_id" int not null, "transit_days" smallint not null);`);
    this.addSql(`create index "warehouse_corridor_corridor_idx" on "warehouse_corridor" ("corridor_id", "transit_days");`);
    this.addSql(`alter table "warehouse_corridor" add constraint "warehouse_corridor_unique" unique ("warehouse_id", "corridor_id");`);

    this.addSql(`create table "zone" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(128) not null, "name_en" varchar(200) not null, "kind" text not null, "established_year" int null, "area_km2" numeric(10,2) null, "note_zh" text null);`);
    this.addSql(`alter table "zone" add constraint "zone_slug_unique" unique ("slug");`);
    this.addSql(`create index "zone_updated_at_idx" on "zone" ("updated_at");`);
    this.addSql(`create index "zone_search_trgm" on "zone" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "zone_search_bigram" on "zone" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "zone" add constraint "zone_kind_check" check ("kind" in ('BONDED_PORT_AREA', 'COMPREHENSIVE_BONDED_ZONE', 'B_TYPE_BONDED_LOGISTICS_CENTRE', 'NATIONAL_NEW_AREA', 'HIGH_TECH_ZONE', 'ECONOMIC_DEVELOPMENT_ZONE'));`);

    this.addSql(`create table "industrial_park" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "kind" text not null, "designation" text not null default 'NONE', "district_code" varchar(6) not null, "zone_id" int null, "address_zh" varchar(300) null, "latitude" double precision not null, "longitude" double precision not null, "area_m2" int null, "public_services" text[] not null default '{}', "opened_year" smallint null, "is_sample" boolean not null default true);`);
    this.addSql(`alter table "industrial_park" add constraint "industrial_park_slug_unique" unique ("slug");`);
    this.addSql(`create index "industrial_park_earth_idx" on "industrial_park" using gist (ll_to_earth("latitude", "longitude"));`);
    this.addSql(`create index "industrial_park_public_services_gin" on "industrial_park" using gin ("public_services");`);
    this.addSql(`create index "industrial_park_district_idx" on "industrial_park" ("district_code");`);
    this.addSql(`create index "industrial_park_updated_at_idx" on "industrial_park" ("updated_at", "id");`);
    this.addSql(`create index "industrial_park_search_trgm" on "industrial_park" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "industrial_park_search_bigram" on "industrial_park" using gin (cbec_bigrams(cbec_search_text("name_zh", "name_en")));`);
    this.addSql(`alter table "industrial_park" add constraint "industrial_park_kind_check" check ("kind" in ('LOGISTICS_WAREHOUSING', 'LIVE_STREAMING_BASE', 'PROFESSIONAL_SERVICES', 'PLATFORM_COOPERATION'));`);
    this.addSql(`alter table "industrial_park" add constraint "industrial_park_designation_check" check ("designation" in ('NATIONAL_ECOMMERCE_DEMONSTRATION_BASE', 'MUNICIPAL_CBEC_DEMONSTRATION_ZONE', 'NONE'));`);

    this.addSql(`create table "park_tenancy" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "park_id" int not null, "enterprise_id" int not null, "moved_in_on" date not null, "moved_out_on" date null);`);
    this.addSql(`create index "park_tenancy_enterprise_idx" on "park_tenancy" ("enterprise_id");`);
    this.addSql(`alter table "park_tenancy" add constraint "park_tenancy_unique" unique ("park_id", "enterprise_id");`);

    this.addSql(`create table "zone_district" ("zone_id" int not null, "district_code" varchar(6) not null, primary key ("zone_id", "district_code"));`);

    this.addSql(`alter table "corridor_lane" add constraint "corridor_lane_corridor_id_foreign" foreign key ("corridor_id") references "corridor" ("id") on delete cascade;`);
    this.addSql(`alter table "corridor_lane" add constraint "corridor_lane_country_code_foreign" foreign key ("country_code") references "country" ("code");`);

    this.addSql(`alter table "enterprise" add constraint "enterprise_district_code_foreign" foreign key ("district_code") references "district" ("code");`);

    this.addSql(`alter table "brand" add constraint "brand_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "enterprise_annual_figure" add constraint "enterprise_annual_figure_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "industrial_belt_district" add constraint "industrial_belt_district_belt_id_foreign" foreign key ("belt_id") references "industrial_belt" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "industrial_belt_district" add constraint "industrial_belt_district_district_code_foreign" foreign key ("district_code") references "district" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "belt_membership" add constraint "belt_membership_belt_id_foreign" foreign key ("belt_id") references "industrial_belt" ("id") on delete cascade;`);
    this.addSql(`alter table "belt_membership" add constraint "belt_membership_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "belt_annual_figure" add constraint "belt_annual_figure_belt_id_foreign" foreign key ("belt_id") references "industrial_belt" ("id") on delete cascade;`);

    this.addSql(`alter table "overseas_warehouse" add constraint "overseas_warehouse_operator_id_foreign" foreign key ("operator_id") references "enterprise" ("id");`);
    this.addSql(`alter table "overseas_warehouse" add constraint "overseas_warehouse_country_code_foreign" foreign key ("country_code") references "country" ("code");`);

    this.addSql(`alter table "policy_target" add constraint "policy_target_measure_number_foreign" foreign key ("measure_number") references "policy_measure" ("number");`);

    this.addSql(`alter table "product_category" add constraint "product_category_parent_id_foreign" foreign key ("parent_id") references "product_category" ("id") on delete set null;`);

    this.addSql(`alter table "service_provider" add constraint "service_provider_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "talent_base" add constraint "talent_base_district_code_foreign" foreign key ("district_code") references "district" ("code");`);

    this.addSql(`alter table "talent_programme" add constraint "talent_programme_base_id_foreign" foreign key ("base_id") references "talent_base" ("id") on delete cascade;`);

    this.addSql(`alter table "warehouse_corridor" add constraint "warehouse_corridor_warehouse_id_foreign" foreign key ("warehouse_id") references "overseas_warehouse" ("id") on delete cascade;`);
    this.addSql(`alter table "warehouse_corridor" add constraint "warehouse_corridor_corridor_id_foreign" foreign key ("corridor_id") references "corridor" ("id");`);

    this.addSql(`alter table "industrial_park" add constraint "industrial_park_district_code_foreign" foreign key ("district_code") references "district" ("code");`);
    this.addSql(`alter table "industrial_park" add constraint "industrial_park_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on delete set null;`);

    this.addSql(`alter table "park_tenancy" add constraint "park_tenancy_park_id_foreign" foreign key ("park_id") references "industrial_park" ("id") on delete cascade;`);
    this.addSql(`alter table "park_tenancy" add constraint "park_tenancy_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "zone_district" add constraint "zone_district_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "zone_district" add constraint "zone_district_district_code_foreign" foreign key ("district_code") references "district" ("code") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    // Reverse of up(). Extensions stay: other schemas of the database may use them.
    this.addSql(`drop table if exists "zone_district" cascade;`);
    this.addSql(`drop table if exists "park_tenancy" cascade;`);
    this.addSql(`drop table if exists "industrial_park" cascade;`);
    this.addSql(`drop table if exists "zone" cascade;`);
    this.addSql(`drop table if exists "warehouse_corridor" cascade;`);
    this.addSql(`drop table if exists "talent_programme" cascade;`);
    this.addSql(`drop table if exists "talent_base" cascade;`);
    this.addSql(`drop table if exists "service_provider" cascade;`);
    this.addSql(`drop table if exists "product_category" cascade;`);
    this.addSql(`drop table if exists "policy_target" cascade;`);
    this.addSql(`drop table if exists "policy_measure" cascade;`);
    this.addSql(`drop table if exists "overseas_warehouse" cascade;`);
    this.addSql(`drop table if exists "belt_annual_figure" cascade;`);
    this.addSql(`drop table if exists "belt_membership" cascade;`);
    this.addSql(`drop table if exists "industrial_belt_district" cascade;`);
    this.addSql(`drop table if exists "industrial_belt" cascade;`);
    this.addSql(`drop table if exists "enterprise_annual_figure" cascade;`);
    this.addSql(`drop table if exists "brand" cascade;`);
    this.addSql(`drop table if exists "enterprise" cascade;`);
    this.addSql(`drop table if exists "district" cascade;`);
    this.addSql(`drop table if exists "corridor_lane" cascade;`);
    this.addSql(`drop table if exists "country" cascade;`);
    this.addSql(`drop table if exists "corridor" cascade;`);
    this.addSql(`drop function if exists cbec_bigrams(text);`);
    this.addSql(`drop function if exists cbec_search_text(text, text);`);
  }

}
