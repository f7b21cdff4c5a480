import { Migration } from '@mikro-orm/migrations';

export class Migration20261202120545 extends Migration {

  override name = 'Migration20261202120545';

  override up(): void | Promise<void> {
    this.addSql(`create table "talent_cohort" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_bigrams" text[] generated always as (cbec_bigrams(cbec_search_text(name_zh, name_en))) stored null, "programme_id" int not null, "ref" varchar(80) not null, "name_zh" varchar(200) not null, "name_en" varchar(300) not null, "base_id" int not null, "district_code" varchar(6) not null, "specialties" text[] not null default '{}', "starts_on" date not null, "ends_on" date not null, "seats" int not null, "reserved_seats" int not null default 0, "fee_cny" numeric(10,2) not null, "language" varchar(2) not null, "mode" text not null, "status" text not null default 'OPEN', "contact_name" varchar(120) null, "contact_email" varchar(200) null, "contact_phone" varchar(40) null, "is_sample" boolean not null default true);`);
    this.addSql(`create index "talent_cohort_match_idx" on "talent_cohort" ("mode", "district_code", "starts_on", "id")
  include ("seats", "reserved_seats", "fee_cny", "language", "specialties", "base_id") where "status" = 'OPEN';`);
    this.addSql(`create index "talent_cohort_specialties_gin" on "talent_cohort" using gin ("specialties");`);
    this.addSql(`create index "talent_cohort_district_idx" on "talent_cohort" ("district_code", "starts_on");`);
    this.addSql(`create index "talent_cohort_base_idx" on "talent_cohort" ("base_id", "starts_on");`);
    this.addSql(`create index "talent_cohort_starts_idx" on "talent_cohort" ("starts_on", "id");`);
    this.addSql(`create index "talent_cohort_updated_at_idx" on "talent_cohort" ("updated_at", "id");`);
    this.addSql(`create index "talent_cohort_search_trgm" on "talent_cohort" using gin (cbec_search_text("name_zh", "name_en") gin_trgm_ops);`);
    this.addSql(`create index "talent_cohort_search_bigrams" on "talent_cohort" using gin ("search_bigrams");`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_programme_ref_unique" unique ("programme_id", "ref");`);

    this.addSql(`create table "seat_reservation" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" int not null, "enterprise_id" int not null, "people" int not null, "fee_cny" numeric(10,2) not null, "status" text not null default 'HELD', "expires_at" timestamptz not null, "confirmed_at" timestamptz null, "ended_at" timestamptz null, "contact_name" varchar(120) null, "contact_email" varchar(200) null, "contact_phone" varchar(40) null, "notes" varchar(500) null);`);
    this.addSql(`create index "seat_reservation_enterprise_idx" on "seat_reservation" ("enterprise_id", "created_at");`);
    this.addSql(`create index "seat_reservation_expiry_idx" on "seat_reservation" ("status", "expires_at");`);
    this.addSql(`create index "seat_reservation_cohort_idx" on "seat_reservation" ("cohort_id", "status");`);

    this.addSql(`create or replace function "talent_base_talent_base_to_cohorts_fn"() returns trigger as \$\$ begin if new.district_code is not distinct from old.district_code and new.specialties is not distinct from old.specialties then return null; end if;     update talent_cohort c set district_code = new.district_code,
      specialties = coalesce((select nullif(p.specialties, '{}') from talent_programme p where p.id = c.programme_id), new.specialties), updated_at = now()
    where c.base_id = new.id;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "talent_base_to_cohorts" AFTER UPDATE on "talent_base" for each ROW execute function "talent_base_talent_base_to_cohorts_fn"();`);

    this.addSql(`alter table "talent_programme" add "specialties" text[] not null default '{}';`);
    this.addSql(`alter table "talent_programme" add constraint "talent_programme_base_name_unique" unique ("base_id", "name_en");`);
    this.addSql(`create or replace function "talent_programme_talent_programme_to_cohorts_fn"() returns trigger as \$\$ begin if new.base_id = old.base_id and new.specialties is not distinct from old.specialties then return null; end if;     update talent_cohort set base_id = new.base_id, specialties = coalesce(nullif(new.specialties, '{}'), (select b.specialties from talent_base b where b.id = new.base_id)),
      updated_at = now() where programme_id = new.id;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "talent_programme_to_cohorts" AFTER UPDATE on "talent_programme" for each ROW execute function "talent_programme_talent_programme_to_cohorts_fn"();`);

    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_programme_id_foreign" foreign key ("programme_id") references "talent_programme" ("id") on delete restrict;`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_base_id_foreign" foreign key ("base_id") references "talent_base" ("id") on delete restrict;`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_district_code_foreign" foreign key ("district_code") references "district" ("code");`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_language" check (language ~ '^[a-z]{2}\$');`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_fee" check (fee_cny >= 0);`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_dates" check (ends_on >= starts_on);`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_seats_positive" check (seats > 0);`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_reserved_seats" check (reserved_seats >= 0 and reserved_seats <= seats);`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_mode_check" check ("mode" in ('ON_SITE', 'ONLINE'));`);
    this.addSql(`alter table "talent_cohort" add constraint "talent_cohort_status_check" check ("status" in ('OPEN', 'CLOSED', 'CANCELLED'));`);
    this.addSql(`create or replace function "talent_cohort_talent_cohort_copy_base_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and new.programme_id = old.programme_id and new.base_id is not distinct from old.base_id then return new; end if;     select p.base_id, nullif(p.specialties, '{}') into new.base_id, new.specialties from talent_programme p where p.id = new.programme_id;     select b.district_code, coalesce(new.specialties, b.specialties) into new.district_code, new.specialties from talent_base b where b.id = new.base_id;     return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "talent_cohort_copy_base" BEFORE INSERT OR UPDATE on "talent_cohort" for each ROW execute function "talent_cohort_talent_cohort_copy_base_fn"();`);

    this.addSql(`alter table "seat_reservation" add constraint "seat_reservation_cohort_id_foreign" foreign key ("cohort_id") references "talent_cohort" ("id") on delete restrict;`);
    this.addSql(`alter table "seat_reservation" add constraint "seat_reservation_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`);
    this.addSql(`alter table "seat_reservation" add constraint "seat_reservation_people_positive" check (people > 0);`);
    this.addSql(`alter table "seat_reservation" add constraint "seat_reservation_status_check" check ("status" in ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "seat_reservation" drop constraint "seat_reservation_cohort_id_foreign";`);

    this.addSql(`drop trigger if exists "talent_cohort_copy_base" on "talent_cohort";`);
    this.addSql(`drop function if exists "talent_cohort_talent_cohort_copy_base_fn"();`);
    this.addSql(`drop table if exists "talent_cohort" cascade;`);
    this.addSql(`drop table if exists "seat_reservation" cascade;`);

    this.addSql(`drop trigger if exists "talent_base_to_cohorts" on "talent_base";`);
    this.addSql(`drop function if exists "talent_base_talent_base_to_cohorts_fn"();`);

    this.addSql(`alter table "talent_programme" drop constraint "talent_programme_base_name_unique";`);
    this.addSql(`drop trigger if exists "talent_programme_to_cohorts" on "talent_programme";`);
    this.addSql(`drop function if exists "talent_programme_talent_programme_to_cohorts_fn"();`);
    this.addSql(`alter table "talent_programme" drop column "specialties";`);
  }

}
