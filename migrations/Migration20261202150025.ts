import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150025 extends Migration {

  override name = 'Migration20261202150025';

  override up(): void | Promise<void> {
    this.addSql(`create table "customs_office" ("code" varchar(4) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name_zh" varchar(64) not null, "name_en" varchar(128) not null, "city_zh" varchar(64) not null, "city_en" varchar(128) not null, primary key ("code"));`);
    this.addSql(`create index "customs_office_updated_at_idx" on "customs_office" ("updated_at");`);

    this.addSql(`create table "warehouse_filing" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(14) not null, "warehouse_id" int not null, "operator_id" int not null, "office_code" varchar(4) not null, "status" text not null, "address" varchar(300) not null, "area_m2" numeric(12,2) not null, "submitted_at" timestamptz not null, "decided_at" timestamptz null, "valid_from" date null, "reasons" jsonb not null default '[]', "is_sample" boolean not null default false);`);
    this.addSql(`alter table "warehouse_filing" add constraint "warehouse_filing_number_unique" unique ("number");`);
    this.addSql(`create unique index "warehouse_filing_accepted_unique" on "warehouse_filing" ("warehouse_id") where "status" = 'ACCEPTED';`);
    this.addSql(`create unique index "warehouse_filing_open_unique" on "warehouse_filing" ("warehouse_id") where "status" in ('SUBMITTED', 'RETURNED');`);
    this.addSql(`create index "warehouse_filing_updated_at_idx" on "warehouse_filing" ("updated_at", "id");`);
    this.addSql(`create index "warehouse_filing_status_idx" on "warehouse_filing" ("status", "id");`);
    this.addSql(`create index "warehouse_filing_office_idx" on "warehouse_filing" ("office_code", "status", "id");`);
    this.addSql(`create index "warehouse_filing_operator_idx" on "warehouse_filing" ("operator_id", "id");`);
    this.addSql(`create index "warehouse_filing_warehouse_idx" on "warehouse_filing" ("warehouse_id", "status");`);

    this.addSql(`create table "warehouse_filing_document" ("id" serial primary key, "filing_id" int not null, "position" smallint not null, "kind" text not null, "title" varchar(200) not null, "reference" varchar(500) not null, "sha256" varchar(64) null);`);
    this.addSql(`create index "warehouse_filing_document_filing_idx" on "warehouse_filing_document" ("filing_id", "position");`);

    this.addSql(`create table "warehouse_filing_event" ("id" bigserial primary key, "filing_id" int not null, "from_status" text null, "to_status" text not null, "at" timestamptz not null default now(), "actor_kind" text not null, "actor_key_id" int null, "reasons" jsonb not null default '[]');`);
    this.addSql(`create index "warehouse_filing_event_filing_idx" on "warehouse_filing_event" ("filing_id", "id");`);

    this.addSql(`create table "warehouse_filing_sequence" ("office_code" varchar(4) not null, "year" smallint not null, "last_value" int not null, primary key ("office_code", "year"));`);

    this.addSql(`alter table "api_key" add "office_code" varchar(4) null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_office_code_foreign" foreign key ("office_code") references "customs_office" ("code") on delete cascade;`);
    this.addSql(`alter table "api_key" alter column "enterprise_id" drop not null;`);
    this.addSql(`create index "api_key_office_idx" on "api_key" ("office_code");`);
    this.addSql(`alter table "api_key" add constraint "api_key_holder_check" check ((enterprise_id is null) <> (office_code is null));`);

    this.addSql(`alter table "warehouse_filing" add constraint "warehouse_filing_warehouse_id_foreign" foreign key ("warehouse_id") references "overseas_warehouse" ("id");`);
    this.addSql(`alter table "warehouse_filing" add constraint "warehouse_filing_operator_id_foreign" foreign key ("operator_id") references "enterprise" ("id");`);
    this.addSql(`alter table "warehouse_filing" add constraint "warehouse_filing_office_code_foreign" foreign key ("office_code") references "customs_office" ("code");`);
    this.addSql(`alter table "warehouse_filing" add constraint "warehouse_filing_area_positive" check (area_m2 > 0);`);
    this.addSql(`alter table "warehouse_filing" add constraint "warehouse_filing_status_check" check ("status" in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'REVOKED', 'WITHDRAWN'));`);
    this.addSql(`create or replace function "warehouse_filing_warehouse_filing_audit_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and new.status is not distinct from old.status then return null; end if;     insert into warehouse_filing_event (filing_id, from_status, to_status, at, actor_kind, actor_key_id, reasons)
    values (new.id, case when tg_op = 'UPDATE' then old.status end, new.status, now(),
      coalesce(nullif(current_setting('cbec.filing_actor', true), ''), 'DATABASE'),
      nullif(current_setting('cbec.filing_actor_key', true), '')::int,
      case when new.status in ('RETURNED', 'REVOKED') then new.reasons else '[]'::jsonb end);     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "warehouse_filing_audit" AFTER INSERT OR UPDATE on "warehouse_filing" for each ROW execute function "warehouse_filing_warehouse_filing_audit_fn"();`);

    this.addSql(`alter table "warehouse_filing_document" add constraint "warehouse_filing_document_filing_id_foreign" foreign key ("filing_id") references "warehouse_filing" ("id") on delete cascade;`);
    this.addSql(`alter table "warehouse_filing_document" add constraint "warehouse_filing_document_sha256" check (sha256 is null or sha256 ~ '^[0-9a-f]{64}\$');`);
    this.addSql(`alter table "warehouse_filing_document" add constraint "warehouse_filing_document_kind_check" check ("kind" in ('BUSINESS_LICENCE', 'LEASE_OR_TITLE', 'FLOOR_PLAN', 'PHOTOS', 'OPERATING_SYSTEM', 'OTHER'));`);

    this.addSql(`alter table "warehouse_filing_event" add constraint "warehouse_filing_event_filing_id_foreign" foreign key ("filing_id") references "warehouse_filing" ("id") on delete cascade;`);
    this.addSql(`alter table "warehouse_filing_event" add constraint "warehouse_filing_event_from_status_check" check ("from_status" in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'REVOKED', 'WITHDRAWN'));`);
    this.addSql(`alter table "warehouse_filing_event" add constraint "warehouse_filing_event_to_status_check" check ("to_status" in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'REVOKED', 'WITHDRAWN'));`);
    this.addSql(`alter table "warehouse_filing_event" add constraint "warehouse_filing_event_actor_kind_check" check ("actor_kind" in ('OPERATOR', 'AUTHORITY', 'IMPORT', 'DATABASE'));`);
    this.addSql(`create or replace function "warehouse_filing_event_warehouse_filing_event_append_only_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' and pg_trigger_depth() > 1 then return old; end if;     raise exception 'warehouse_filing_event is append-only (the audit trail of filings)' using errcode = '42501'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "warehouse_filing_event_append_only" BEFORE UPDATE OR DELETE on "warehouse_filing_event" for each ROW execute function "warehouse_filing_event_warehouse_filing_event_append_only_fn"();`);

    this.addSql(`alter table "warehouse_filing_sequence" add constraint "warehouse_filing_sequence_six_digits" check (last_value >= 1 and last_value <= 999999);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_key" drop constraint "api_key_office_code_foreign";`);
    this.addSql(`alter table "warehouse_filing" drop constraint "warehouse_filing_office_code_foreign";`);
    this.addSql(`alter table "warehouse_filing_document" drop constraint "warehouse_filing_document_filing_id_foreign";`);
    this.addSql(`alter table "warehouse_filing_event" drop constraint "warehouse_filing_event_filing_id_foreign";`);

    this.addSql(`drop table if exists "customs_office" cascade;`);
    this.addSql(`drop trigger if exists "warehouse_filing_audit" on "warehouse_filing";`);
    this.addSql(`drop function if exists "warehouse_filing_warehouse_filing_audit_fn"();`);
    this.addSql(`drop table if exists "warehouse_filing" cascade;`);
    this.addSql(`drop table if exists "warehouse_filing_document" cascade;`);
    this.addSql(`drop trigger if exists "warehouse_filing_event_append_only" on "warehouse_filing_event";`);
    this.addSql(`drop function if exists "warehouse_filing_event_warehouse_filing_event_append_only_fn"();`);
    this.addSql(`drop table if exists "warehouse_filing_event" cascade;`);
    this.addSql(`drop table if exists "warehouse_filing_sequence" cascade;`);

    this.addSql(`drop index "api_key_office_idx";`);
    this.addSql(`alter table "api_key" drop constraint "api_key_holder_check";`);
    // Authority keys have no enterprise: they go with the column (enterprise_id is required again).
    this.addSql(`delete from "api_key" where "enterprise_id" is null;`);
    this.addSql(`alter table "api_key" drop column "office_code";`);
    this.addSql(`alter table "api_key" alter column "enterprise_id" set not null;`);
  }

}
