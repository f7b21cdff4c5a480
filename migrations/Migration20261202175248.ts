import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175248 extends Migration {

  override name = 'Migration20261202175248';

  override up(): void | Promise<void> {
    this.addSql(`create table "policy_provision" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "measure_number" smallint not null, "summary_zh" text not null, "summary_en" text not null, "quote_zh" text not null, "effective_from" date not null, "effective_to" date null);`);
    this.addSql(`alter table "policy_provision" add constraint "policy_provision_slug_unique" unique ("slug");`);

    // Existing measures: the policy's issue date (its text states no other commencement date and no end).
    this.addSql(`alter table "policy_measure" add "effective_from" date null, add "effective_to" date null;`);
    this.addSql(`update "policy_measure" set "effective_from" = date '2023-12-04';`);
    this.addSql(`alter table "policy_measure" alter column "effective_from" set not null;`);

    // Existing targets: the counting rule their metric's wording implies (seeds/data/policy.ts), and the
    // working scale threshold of the parks target. \`npm run import\` of the reference data adds the rest.
    this.addSql(`alter table "policy_target" add "counting_rule" text null, add "min_park_area_m2" int null, add "working_definition_zh" text null, add "working_definition_en" text null;`);
    this.addSql(`update "policy_target" set "counting_rule" = case "metric" when 'PARK_TENANTS' then 'CUMULATIVE'
      when 'MARKET_PLAYERS' then 'CURRENT' when 'INDUSTRIAL_PARKS' then 'CURRENT' else 'IN_YEAR' end;`);
    this.addSql(`update "policy_target" set "min_park_area_m2" = 10000,
      "working_definition_zh" = '政策未规定“具有一定规模”的具体标准。本API的工作定义：园区面积不低于10000平方米且已开园（开园年份不晚于统计年份）即计入；面积或开园年份未知的园区不计入。此门槛仅为本API的统计口径，不是官方标准；有官方口径后以官方为准。',
      "working_definition_en" = 'The policy does not say what “of a certain scale” means. This API’s working definition: a park counts when its floor area is at least 10,000 m² and it has opened (opening year no later than the year counted); a park of unknown area or opening year does not count. The threshold is this API’s counting rule, not an official standard, and gives way to an official one when published.'
      where "metric" = 'INDUSTRIAL_PARKS';`);
    this.addSql(`alter table "policy_target" alter column "counting_rule" set not null;`);
    this.addSql(`alter table "policy_target" add constraint "policy_target_counting_rule_check" check ("counting_rule" in ('CUMULATIVE', 'CURRENT', 'IN_YEAR'));`);

    this.addSql(`alter table "policy_provision" add constraint "policy_provision_measure_number_foreign" foreign key ("measure_number") references "policy_measure" ("number");`);
    this.addSql(`create or replace function policy_provision_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-provisions', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-provisions'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-provisions'::text where not ('policy-provisions' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on policy_provision referencing new table as change_new for each statement execute function policy_provision_change_feed_i_fn();`);
    this.addSql(`create or replace function policy_provision_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-provisions', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-provisions'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-provisions'::text where not ('policy-provisions' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on policy_provision referencing old table as change_old new table as change_new for each statement execute function policy_provision_change_feed_u_fn();`);
    this.addSql(`create or replace function policy_provision_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-provisions', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-provisions'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-provisions'::text where not ('policy-provisions' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on policy_provision referencing old table as change_old for each statement execute function policy_provision_change_feed_d_fn();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "change_feed_i" on "policy_provision";`);
    this.addSql(`drop function if exists "policy_provision_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "policy_provision";`);
    this.addSql(`drop function if exists "policy_provision_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "policy_provision";`);
    this.addSql(`drop function if exists "policy_provision_change_feed_d_fn"();`);
    this.addSql(`drop table if exists "policy_provision" cascade;`);

    this.addSql(`alter table "policy_measure" drop column "effective_from", drop column "effective_to";`);

    this.addSql(`alter table "policy_target" drop constraint "policy_target_counting_rule_check";`);
    this.addSql(`alter table "policy_target" drop column "counting_rule", drop column "min_park_area_m2", drop column "working_definition_zh", drop column "working_definition_en";`);
  }

}
