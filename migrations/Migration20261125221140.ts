import { Migration } from '@mikro-orm/migrations';

export class Migration20261125221140 extends Migration {

  override name = 'Migration20261125221140';

  override up(): void | Promise<void> {
    this.addSql(`create table "capacity_demand" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "seller_id" int not null, "title" varchar(200) not null, "countries" text[] not null default '{}', "near_latitude" double precision null, "near_longitude" double precision null, "radius_km" double precision null, "corridor_id" int null, "max_transit_days" smallint null, "quantity" numeric(14,2) not null, "unit" text not null, "quantity_cbm" numeric(16,2) not null, "start_date" date not null, "duration_days" smallint not null, "storage_class" text not null, "product_categories" text[] not null default '{}', "required_services" text[] not null default '{}', "budget_currency" varchar(3) null, "max_monthly_price_per_cbm" numeric(12,4) null, "max_total" numeric(14,2) null, "has_batteries" boolean not null default false, "is_oversize" boolean not null default false, "contact_name" varchar(120) null, "contact_email" varchar(200) null, "contact_phone" varchar(40) null, "status" text not null default 'OPEN', "is_sample" boolean not null default false);`);
    this.addSql(`create index "capacity_demand_updated_at_idx" on "capacity_demand" ("updated_at", "id");`);
    this.addSql(`create index "capacity_demand_seller_idx" on "capacity_demand" ("seller_id");`);
    this.addSql(`create index "capacity_demand_open_idx" on "capacity_demand" ("status", "storage_class", "start_date");`);

    this.addSql(`create table "api_key" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" int not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "label" varchar(120) not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);
    this.addSql(`create index "api_key_enterprise_idx" on "api_key" ("enterprise_id");`);

    this.addSql(`create table "idempotency_record" ("id" bigserial primary key, "scope" varchar(40) not null, "key" varchar(100) not null, "operation" varchar(60) not null, "request_hash" varchar(64) not null, "result" jsonb null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "idempotency_record_created_idx" on "idempotency_record" ("created_at");`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_key_unique" unique ("scope", "key");`);

    this.addSql(`create table "capacity_offer" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "warehouse_id" int not null, "quantity" numeric(14,2) not null, "unit" text not null, "cbm_per_unit" numeric(8,4) not null, "held_quantity" numeric(14,2) not null default '0', "available_from" date not null, "available_to" date not null, "storage_class" text not null, "currency" varchar(3) not null, "storage_price" numeric(12,4) not null, "price_period" text not null, "inbound_fee" numeric(12,2) not null default '0', "outbound_fee" numeric(12,2) not null default '0', "free_days" smallint not null default 0, "min_quantity" numeric(14,2) not null default '0', "min_term_days" smallint not null default 1, "services" text[] not null default '{}', "status" text not null default 'PUBLISHED', "is_sample" boolean not null default false);`);
    this.addSql(`create index "capacity_offer_services_gin" on "capacity_offer" using gin ("services");`);
    this.addSql(`create index "capacity_offer_updated_at_idx" on "capacity_offer" ("updated_at", "id");`);
    this.addSql(`create index "capacity_offer_warehouse_idx" on "capacity_offer" ("warehouse_id");`);
    this.addSql(`create index "capacity_offer_match_idx" on "capacity_offer" ("status", "storage_class", "available_from", "available_to");`);

    this.addSql(`create table "capacity_hold" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "offer_id" int not null, "demand_id" int not null, "holder_id" int not null, "quantity" numeric(14,2) not null, "status" text not null default 'HELD', "expires_at" timestamptz not null, "confirmed_at" timestamptz null, "ended_at" timestamptz null, "expiry_notice_at" timestamptz null);`);
    this.addSql(`create index "capacity_hold_demand_idx" on "capacity_hold" ("demand_id");`);
    this.addSql(`create index "capacity_hold_holder_idx" on "capacity_hold" ("holder_id");`);
    this.addSql(`create index "capacity_hold_expiry_idx" on "capacity_hold" ("status", "expires_at");`);
    this.addSql(`create index "capacity_hold_offer_idx" on "capacity_hold" ("offer_id", "status");`);

    this.addSql(`create index "talent_base_kind_idx" on "talent_base" ("kind");`);

    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_seller_id_foreign" foreign key ("seller_id") references "enterprise" ("id");`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_corridor_id_foreign" foreign key ("corridor_id") references "corridor" ("id") on delete set null;`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_duration_positive" check (duration_days > 0);`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_unit_check" check ("unit" in ('CBM', 'PALLET', 'SQUARE_METRE'));`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_storage_class_check" check ("storage_class" in ('AMBIENT', 'DANGEROUS_GOODS', 'TEMPERATURE_CONTROLLED', 'BONDED', 'OVERSIZE', 'HIGH_VALUE'));`);
    this.addSql(`alter table "capacity_demand" add constraint "capacity_demand_status_check" check ("status" in ('OPEN', 'CLOSED'));`);

    this.addSql(`alter table "api_key" add constraint "api_key_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete cascade;`);

    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_warehouse_id_foreign" foreign key ("warehouse_id") references "overseas_warehouse" ("id");`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_period_order" check (available_to > available_from);`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_held_within_quantity" check (held_quantity >= 0 and held_quantity <= quantity);`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_unit_check" check ("unit" in ('CBM', 'PALLET', 'SQUARE_METRE'));`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_storage_class_check" check ("storage_class" in ('AMBIENT', 'DANGEROUS_GOODS', 'TEMPERATURE_CONTROLLED', 'BONDED', 'OVERSIZE', 'HIGH_VALUE'));`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_price_period_check" check ("price_period" in ('DAY', 'WEEK', 'MONTH'));`);
    this.addSql(`alter table "capacity_offer" add constraint "capacity_offer_status_check" check ("status" in ('PUBLISHED', 'WITHDRAWN'));`);

    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_offer_id_foreign" foreign key ("offer_id") references "capacity_offer" ("id");`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_demand_id_foreign" foreign key ("demand_id") references "capacity_demand" ("id");`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_holder_id_foreign" foreign key ("holder_id") references "enterprise" ("id");`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "capacity_hold" add constraint "capacity_hold_status_check" check ("status" in ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_hold" drop constraint "capacity_hold_demand_id_foreign";`);
    this.addSql(`alter table "capacity_hold" drop constraint "capacity_hold_offer_id_foreign";`);

    this.addSql(`drop table if exists "capacity_demand" cascade;`);
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`drop table if exists "capacity_offer" cascade;`);
    this.addSql(`drop table if exists "capacity_hold" cascade;`);

    this.addSql(`drop index "talent_base_kind_idx";`);
  }

}
