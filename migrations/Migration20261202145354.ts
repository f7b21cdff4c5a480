import { Migration } from '@mikro-orm/migrations';

export class Migration20261202145354 extends Migration {

  override name = 'Migration20261202145354';

  override up(): void | Promise<void> {
    this.addSql(`create table "change_commit" ("seq" bigserial primary key, "txid" bigint not null, "committed_at" timestamptz not null);`);
    this.addSql(`create index "change_commit_committed_at_idx" on "change_commit" ("committed_at");`);
    this.addSql(`create index "change_commit_txid_idx" on "change_commit" ("txid");`);

    this.addSql(`create table "change_dataset_state" ("dataset" text not null, "last_seq" bigint not null, "last_modified" timestamptz not null, primary key ("dataset"));`);

    this.addSql(`create table "change_feed_state" ("id" smallint not null, "pruned_seq" bigint not null default '0', "pruned_at" timestamptz null, primary key ("id"));`);

    this.addSql(`create table "change_log" ("id" bigserial primary key, "txid" bigint not null, "dataset" text not null, "key" text not null, "op" char(1) not null, "at" timestamptz not null default now());`);
    this.addSql(`create index "change_log_txid_idx" on "change_log" ("txid", "id");`);

    this.addSql(`create table "change_tx" ("txid" bigint not null, "datasets" text[] not null, primary key ("txid"));`);

    this.addSql(`create or replace function corridor_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'corridors', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['corridors'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'corridors'::text where not ('corridors' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on corridor referencing new table as change_new for each statement execute function corridor_change_feed_i_fn();`);
    this.addSql(`create or replace function corridor_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'corridors', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['corridors'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'corridors'::text where not ('corridors' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on corridor referencing old table as change_old new table as change_new for each statement execute function corridor_change_feed_u_fn();`);
    this.addSql(`create or replace function corridor_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'corridors', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['corridors'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'corridors'::text where not ('corridors' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on corridor referencing old table as change_old for each statement execute function corridor_change_feed_d_fn();`);

    this.addSql(`create or replace function country_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'countries', n.k, 'I' from (select code::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['countries'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'countries'::text where not ('countries' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on country referencing new table as change_new for each statement execute function country_change_feed_i_fn();`);
    this.addSql(`create or replace function country_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'countries', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select code::text as k, (true) as v from change_new) n full join (select code::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['countries'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'countries'::text where not ('countries' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on country referencing old table as change_old new table as change_new for each statement execute function country_change_feed_u_fn();`);
    this.addSql(`create or replace function country_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'countries', o.k, 'D' from (select code::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['countries'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'countries'::text where not ('countries' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on country referencing old table as change_old for each statement execute function country_change_feed_d_fn();`);

    this.addSql(`create or replace function district_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'districts', n.k, 'I' from (select code::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['districts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'districts'::text where not ('districts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on district referencing new table as change_new for each statement execute function district_change_feed_i_fn();`);
    this.addSql(`create or replace function district_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'districts', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select code::text as k, (true) as v from change_new) n full join (select code::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['districts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'districts'::text where not ('districts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on district referencing old table as change_old new table as change_new for each statement execute function district_change_feed_u_fn();`);
    this.addSql(`create or replace function district_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'districts', o.k, 'D' from (select code::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['districts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'districts'::text where not ('districts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on district referencing old table as change_old for each statement execute function district_change_feed_d_fn();`);

    this.addSql(`create or replace function enterprise_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprises', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprises'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprises'::text where not ('enterprises' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on enterprise referencing new table as change_new for each statement execute function enterprise_change_feed_i_fn();`);
    this.addSql(`create or replace function enterprise_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprises', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprises'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprises'::text where not ('enterprises' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on enterprise referencing old table as change_old new table as change_new for each statement execute function enterprise_change_feed_u_fn();`);
    this.addSql(`create or replace function enterprise_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprises', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprises'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprises'::text where not ('enterprises' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on enterprise referencing old table as change_old for each statement execute function enterprise_change_feed_d_fn();`);

    this.addSql(`create or replace function exchange_rate_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'exchange-rates', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['exchange-rates'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'exchange-rates'::text where not ('exchange-rates' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on exchange_rate referencing new table as change_new for each statement execute function exchange_rate_change_feed_i_fn();`);
    this.addSql(`create or replace function exchange_rate_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'exchange-rates', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['exchange-rates'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'exchange-rates'::text where not ('exchange-rates' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on exchange_rate referencing old table as change_old new table as change_new for each statement execute function exchange_rate_change_feed_u_fn();`);
    this.addSql(`create or replace function exchange_rate_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'exchange-rates', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['exchange-rates'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'exchange-rates'::text where not ('exchange-rates' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on exchange_rate referencing old table as change_old for each statement execute function exchange_rate_change_feed_d_fn();`);

    this.addSql(`create or replace function fair_edition_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-editions', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-editions'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-editions'::text where not ('fair-editions' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on fair_edition referencing new table as change_new for each statement execute function fair_edition_change_feed_i_fn();`);
    this.addSql(`create or replace function fair_edition_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-editions', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-editions'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-editions'::text where not ('fair-editions' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on fair_edition referencing old table as change_old new table as change_new for each statement execute function fair_edition_change_feed_u_fn();`);
    this.addSql(`create or replace function fair_edition_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-editions', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-editions'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-editions'::text where not ('fair-editions' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on fair_edition referencing old table as change_old for each statement execute function fair_edition_change_feed_d_fn();`);

    this.addSql(`create or replace function hs_subheading_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'hs-codes', n.k, 'I' from (select code::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['hs-codes'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'hs-codes'::text where not ('hs-codes' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on hs_subheading referencing new table as change_new for each statement execute function hs_subheading_change_feed_i_fn();`);
    this.addSql(`create or replace function hs_subheading_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'hs-codes', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select code::text as k, (true) as v from change_new) n full join (select code::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['hs-codes'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'hs-codes'::text where not ('hs-codes' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on hs_subheading referencing old table as change_old new table as change_new for each statement execute function hs_subheading_change_feed_u_fn();`);
    this.addSql(`create or replace function hs_subheading_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'hs-codes', o.k, 'D' from (select code::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['hs-codes'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'hs-codes'::text where not ('hs-codes' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on hs_subheading referencing old table as change_old for each statement execute function hs_subheading_change_feed_d_fn();`);

    this.addSql(`create or replace function industrial_belt_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'industrial-belts', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['industrial-belts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'industrial-belts'::text where not ('industrial-belts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on industrial_belt referencing new table as change_new for each statement execute function industrial_belt_change_feed_i_fn();`);
    this.addSql(`create or replace function industrial_belt_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'industrial-belts', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['industrial-belts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'industrial-belts'::text where not ('industrial-belts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on industrial_belt referencing old table as change_old new table as change_new for each statement execute function industrial_belt_change_feed_u_fn();`);
    this.addSql(`create or replace function industrial_belt_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'industrial-belts', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['industrial-belts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'industrial-belts'::text where not ('industrial-belts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on industrial_belt referencing old table as change_old for each statement execute function industrial_belt_change_feed_d_fn();`);

    this.addSql(`create or replace function fair_exhibitor_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-exhibitors', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-exhibitors'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-exhibitors'::text where not ('fair-exhibitors' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on fair_exhibitor referencing new table as change_new for each statement execute function fair_exhibitor_change_feed_i_fn();`);
    this.addSql(`create or replace function fair_exhibitor_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-exhibitors', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-exhibitors'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-exhibitors'::text where not ('fair-exhibitors' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on fair_exhibitor referencing old table as change_old new table as change_new for each statement execute function fair_exhibitor_change_feed_u_fn();`);
    this.addSql(`create or replace function fair_exhibitor_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-exhibitors', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-exhibitors'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-exhibitors'::text where not ('fair-exhibitors' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on fair_exhibitor referencing old table as change_old for each statement execute function fair_exhibitor_change_feed_d_fn();`);

    this.addSql(`create or replace function overseas_warehouse_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'overseas-warehouses', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['overseas-warehouses'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'overseas-warehouses'::text where not ('overseas-warehouses' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on overseas_warehouse referencing new table as change_new for each statement execute function overseas_warehouse_change_feed_i_fn();`);
    this.addSql(`create or replace function overseas_warehouse_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'overseas-warehouses', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['overseas-warehouses'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'overseas-warehouses'::text where not ('overseas-warehouses' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on overseas_warehouse referencing old table as change_old new table as change_new for each statement execute function overseas_warehouse_change_feed_u_fn();`);
    this.addSql(`create or replace function overseas_warehouse_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'overseas-warehouses', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['overseas-warehouses'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'overseas-warehouses'::text where not ('overseas-warehouses' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on overseas_warehouse referencing old table as change_old for each statement execute function overseas_warehouse_change_feed_d_fn();`);

    this.addSql(`create or replace function capacity_offer_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'capacity-offers', n.k, 'I' from (select id::text as k, (status = 'PUBLISHED') as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['capacity-offers'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'capacity-offers'::text where not ('capacity-offers' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on capacity_offer referencing new table as change_new for each statement execute function capacity_offer_change_feed_i_fn();`);
    this.addSql(`create or replace function capacity_offer_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'capacity-offers', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (status = 'PUBLISHED') as v from change_new) n full join (select id::text as k, (status = 'PUBLISHED') as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['capacity-offers'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'capacity-offers'::text where not ('capacity-offers' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on capacity_offer referencing old table as change_old new table as change_new for each statement execute function capacity_offer_change_feed_u_fn();`);
    this.addSql(`create or replace function capacity_offer_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'capacity-offers', o.k, 'D' from (select id::text as k, (status = 'PUBLISHED') as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['capacity-offers'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'capacity-offers'::text where not ('capacity-offers' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on capacity_offer referencing old table as change_old for each statement execute function capacity_offer_change_feed_d_fn();`);

    this.addSql(`create or replace function policy_measure_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-measures', n.k, 'I' from (select number::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-measures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-measures'::text where not ('policy-measures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on policy_measure referencing new table as change_new for each statement execute function policy_measure_change_feed_i_fn();`);
    this.addSql(`create or replace function policy_measure_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-measures', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select number::text as k, (true) as v from change_new) n full join (select number::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-measures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-measures'::text where not ('policy-measures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on policy_measure referencing old table as change_old new table as change_new for each statement execute function policy_measure_change_feed_u_fn();`);
    this.addSql(`create or replace function policy_measure_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-measures', o.k, 'D' from (select number::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-measures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-measures'::text where not ('policy-measures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on policy_measure referencing old table as change_old for each statement execute function policy_measure_change_feed_d_fn();`);

    this.addSql(`create or replace function policy_target_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-targets', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-targets'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-targets'::text where not ('policy-targets' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on policy_target referencing new table as change_new for each statement execute function policy_target_change_feed_i_fn();`);
    this.addSql(`create or replace function policy_target_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-targets', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-targets'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-targets'::text where not ('policy-targets' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on policy_target referencing old table as change_old new table as change_new for each statement execute function policy_target_change_feed_u_fn();`);
    this.addSql(`create or replace function policy_target_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'policy-targets', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['policy-targets'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'policy-targets'::text where not ('policy-targets' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on policy_target referencing old table as change_old for each statement execute function policy_target_change_feed_d_fn();`);

    this.addSql(`create or replace function product_category_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'product-categories', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['product-categories'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'product-categories'::text where not ('product-categories' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on product_category referencing new table as change_new for each statement execute function product_category_change_feed_i_fn();`);
    this.addSql(`create or replace function product_category_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'product-categories', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['product-categories'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'product-categories'::text where not ('product-categories' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on product_category referencing old table as change_old new table as change_new for each statement execute function product_category_change_feed_u_fn();`);
    this.addSql(`create or replace function product_category_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'product-categories', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['product-categories'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'product-categories'::text where not ('product-categories' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on product_category referencing old table as change_old for each statement execute function product_category_change_feed_d_fn();`);

    this.addSql(`create or replace function fair_listing_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-listings', n.k, 'I' from (select id::text as k, (status = 'PUBLISHED') as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-listings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-listings'::text where not ('fair-listings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on fair_listing referencing new table as change_new for each statement execute function fair_listing_change_feed_i_fn();`);
    this.addSql(`create or replace function fair_listing_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-listings', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (status = 'PUBLISHED') as v from change_new) n full join (select id::text as k, (status = 'PUBLISHED') as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-listings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-listings'::text where not ('fair-listings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on fair_listing referencing old table as change_old new table as change_new for each statement execute function fair_listing_change_feed_u_fn();`);
    this.addSql(`create or replace function fair_listing_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'fair-listings', o.k, 'D' from (select id::text as k, (status = 'PUBLISHED') as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['fair-listings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'fair-listings'::text where not ('fair-listings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on fair_listing referencing old table as change_old for each statement execute function fair_listing_change_feed_d_fn();`);

    this.addSql(`create or replace function service_provider_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'service-providers', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['service-providers'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'service-providers'::text where not ('service-providers' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on service_provider referencing new table as change_new for each statement execute function service_provider_change_feed_i_fn();`);
    this.addSql(`create or replace function service_provider_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'service-providers', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['service-providers'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'service-providers'::text where not ('service-providers' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on service_provider referencing old table as change_old new table as change_new for each statement execute function service_provider_change_feed_u_fn();`);
    this.addSql(`create or replace function service_provider_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'service-providers', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['service-providers'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'service-providers'::text where not ('service-providers' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on service_provider referencing old table as change_old for each statement execute function service_provider_change_feed_d_fn();`);

    this.addSql(`create or replace function service_offering_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'service-offerings', n.k, 'I' from (select id::text as k, (status = 'PUBLISHED') as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['service-offerings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'service-offerings'::text where not ('service-offerings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on service_offering referencing new table as change_new for each statement execute function service_offering_change_feed_i_fn();`);
    this.addSql(`create or replace function service_offering_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'service-offerings', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (status = 'PUBLISHED') as v from change_new) n full join (select id::text as k, (status = 'PUBLISHED') as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['service-offerings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'service-offerings'::text where not ('service-offerings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on service_offering referencing old table as change_old new table as change_new for each statement execute function service_offering_change_feed_u_fn();`);
    this.addSql(`create or replace function service_offering_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'service-offerings', o.k, 'D' from (select id::text as k, (status = 'PUBLISHED') as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['service-offerings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'service-offerings'::text where not ('service-offerings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on service_offering referencing old table as change_old for each statement execute function service_offering_change_feed_d_fn();`);

    this.addSql(`create or replace function talent_base_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'talent-bases', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['talent-bases'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'talent-bases'::text where not ('talent-bases' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on talent_base referencing new table as change_new for each statement execute function talent_base_change_feed_i_fn();`);
    this.addSql(`create or replace function talent_base_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'talent-bases', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['talent-bases'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'talent-bases'::text where not ('talent-bases' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on talent_base referencing old table as change_old new table as change_new for each statement execute function talent_base_change_feed_u_fn();`);
    this.addSql(`create or replace function talent_base_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'talent-bases', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['talent-bases'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'talent-bases'::text where not ('talent-bases' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on talent_base referencing old table as change_old for each statement execute function talent_base_change_feed_d_fn();`);

    this.addSql(`create or replace function talent_cohort_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'talent-cohorts', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['talent-cohorts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'talent-cohorts'::text where not ('talent-cohorts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on talent_cohort referencing new table as change_new for each statement execute function talent_cohort_change_feed_i_fn();`);
    this.addSql(`create or replace function talent_cohort_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'talent-cohorts', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['talent-cohorts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'talent-cohorts'::text where not ('talent-cohorts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on talent_cohort referencing old table as change_old new table as change_new for each statement execute function talent_cohort_change_feed_u_fn();`);
    this.addSql(`create or replace function talent_cohort_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'talent-cohorts', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['talent-cohorts'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'talent-cohorts'::text where not ('talent-cohorts' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on talent_cohort referencing old table as change_old for each statement execute function talent_cohort_change_feed_d_fn();`);

    this.addSql(`create or replace function zone_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'zones', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['zones'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'zones'::text where not ('zones' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on zone referencing new table as change_new for each statement execute function zone_change_feed_i_fn();`);
    this.addSql(`create or replace function zone_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'zones', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['zones'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'zones'::text where not ('zones' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on zone referencing old table as change_old new table as change_new for each statement execute function zone_change_feed_u_fn();`);
    this.addSql(`create or replace function zone_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'zones', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['zones'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'zones'::text where not ('zones' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on zone referencing old table as change_old for each statement execute function zone_change_feed_d_fn();`);

    this.addSql(`create or replace function industrial_park_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'industrial-parks', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['industrial-parks'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'industrial-parks'::text where not ('industrial-parks' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on industrial_park referencing new table as change_new for each statement execute function industrial_park_change_feed_i_fn();`);
    this.addSql(`create or replace function industrial_park_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'industrial-parks', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['industrial-parks'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'industrial-parks'::text where not ('industrial-parks' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on industrial_park referencing old table as change_old new table as change_new for each statement execute function industrial_park_change_feed_u_fn();`);
    this.addSql(`create or replace function industrial_park_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'industrial-parks', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['industrial-parks'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'industrial-parks'::text where not ('industrial-parks' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on industrial_park referencing old table as change_old for each statement execute function industrial_park_change_feed_d_fn();`);

    this.addSql(`create or replace function park_space_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'park-spaces', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['park-spaces'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'park-spaces'::text where not ('park-spaces' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on park_space referencing new table as change_new for each statement execute function park_space_change_feed_i_fn();`);
    this.addSql(`create or replace function park_space_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'park-spaces', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['park-spaces'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'park-spaces'::text where not ('park-spaces' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on park_space referencing old table as change_old new table as change_new for each statement execute function park_space_change_feed_u_fn();`);
    this.addSql(`create or replace function park_space_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'park-spaces', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['park-spaces'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'park-spaces'::text where not ('park-spaces' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on park_space referencing old table as change_old for each statement execute function park_space_change_feed_d_fn();`);

    this.addSql(`alter table "change_feed_state" add constraint "change_feed_state_one_row" check (id = 1);`);

    this.addSql(`alter table "change_log" add constraint "change_log_op" check (op in ('I', 'U', 'D'));`);

    this.addSql(`create or replace function change_tx_change_stamp_fn() returns trigger as \$\$  declare s bigint;   begin
    perform pg_advisory_xact_lock(1651663016);     insert into change_commit (txid, committed_at) values (new.txid, clock_timestamp()) returning seq into s;     insert into change_dataset_state (dataset, last_seq, last_modified)
      select d, s, clock_timestamp() from change_tx t, unnest(t.datasets) d where t.txid = new.txid
      on conflict (dataset) do update set last_seq = excluded.last_seq, last_modified = excluded.last_modified;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create constraint trigger change_stamp after insert on change_tx deferrable initially deferred for each row execute function change_tx_change_stamp_fn();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "change_commit" cascade;`);
    this.addSql(`drop table if exists "change_dataset_state" cascade;`);
    this.addSql(`drop table if exists "change_feed_state" cascade;`);
    this.addSql(`drop table if exists "change_log" cascade;`);
    this.addSql(`drop trigger if exists "change_stamp" on "change_tx";`);
    this.addSql(`drop function if exists "change_tx_change_stamp_fn"();`);
    this.addSql(`drop table if exists "change_tx" cascade;`);

    this.addSql(`drop trigger if exists "change_feed_i" on "capacity_offer";`);
    this.addSql(`drop function if exists "capacity_offer_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "capacity_offer";`);
    this.addSql(`drop function if exists "capacity_offer_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "capacity_offer";`);
    this.addSql(`drop function if exists "capacity_offer_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "corridor";`);
    this.addSql(`drop function if exists "corridor_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "corridor";`);
    this.addSql(`drop function if exists "corridor_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "corridor";`);
    this.addSql(`drop function if exists "corridor_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "country";`);
    this.addSql(`drop function if exists "country_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "country";`);
    this.addSql(`drop function if exists "country_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "country";`);
    this.addSql(`drop function if exists "country_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "district";`);
    this.addSql(`drop function if exists "district_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "district";`);
    this.addSql(`drop function if exists "district_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "district";`);
    this.addSql(`drop function if exists "district_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "enterprise";`);
    this.addSql(`drop function if exists "enterprise_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "enterprise";`);
    this.addSql(`drop function if exists "enterprise_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "enterprise";`);
    this.addSql(`drop function if exists "enterprise_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "exchange_rate";`);
    this.addSql(`drop function if exists "exchange_rate_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "exchange_rate";`);
    this.addSql(`drop function if exists "exchange_rate_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "exchange_rate";`);
    this.addSql(`drop function if exists "exchange_rate_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "fair_edition";`);
    this.addSql(`drop function if exists "fair_edition_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "fair_edition";`);
    this.addSql(`drop function if exists "fair_edition_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "fair_edition";`);
    this.addSql(`drop function if exists "fair_edition_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "fair_exhibitor";`);
    this.addSql(`drop function if exists "fair_exhibitor_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "fair_exhibitor";`);
    this.addSql(`drop function if exists "fair_exhibitor_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "fair_exhibitor";`);
    this.addSql(`drop function if exists "fair_exhibitor_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "fair_listing";`);
    this.addSql(`drop function if exists "fair_listing_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "hs_subheading";`);
    this.addSql(`drop function if exists "hs_subheading_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "hs_subheading";`);
    this.addSql(`drop function if exists "hs_subheading_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "hs_subheading";`);
    this.addSql(`drop function if exists "hs_subheading_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "industrial_belt";`);
    this.addSql(`drop function if exists "industrial_belt_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "industrial_belt";`);
    this.addSql(`drop function if exists "industrial_belt_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "industrial_belt";`);
    this.addSql(`drop function if exists "industrial_belt_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "industrial_park";`);
    this.addSql(`drop function if exists "industrial_park_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "industrial_park";`);
    this.addSql(`drop function if exists "industrial_park_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "industrial_park";`);
    this.addSql(`drop function if exists "industrial_park_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "overseas_warehouse";`);
    this.addSql(`drop function if exists "overseas_warehouse_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "overseas_warehouse";`);
    this.addSql(`drop function if exists "overseas_warehouse_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "overseas_warehouse";`);
    this.addSql(`drop function if exists "overseas_warehouse_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "park_space";`);
    this.addSql(`drop function if exists "park_space_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "park_space";`);
    this.addSql(`drop function if exists "park_space_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "park_space";`);
    this.addSql(`drop function if exists "park_space_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "policy_measure";`);
    this.addSql(`drop function if exists "policy_measure_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "policy_measure";`);
    this.addSql(`drop function if exists "policy_measure_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "policy_measure";`);
    this.addSql(`drop function if exists "policy_measure_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "policy_target";`);
    this.addSql(`drop function if exists "policy_target_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "policy_target";`);
    this.addSql(`drop function if exists "policy_target_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "policy_target";`);
    this.addSql(`drop function if exists "policy_target_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "product_category";`);
    this.addSql(`drop function if exists "product_category_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "product_category";`);
    this.addSql(`drop function if exists "product_category_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "product_category";`);
    this.addSql(`drop function if exists "product_category_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "service_offering";`);
    this.addSql(`drop function if exists "service_offering_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "service_offering";`);
    this.addSql(`drop function if exists "service_offering_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "service_offering";`);
    this.addSql(`drop function if exists "service_offering_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "service_provider";`);
    this.addSql(`drop function if exists "service_provider_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "service_provider";`);
    this.addSql(`drop function if exists "service_provider_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "service_provider";`);
    this.addSql(`drop function if exists "service_provider_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "talent_base";`);
    this.addSql(`drop function if exists "talent_base_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "talent_base";`);
    this.addSql(`drop function if exists "talent_base_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "talent_base";`);
    this.addSql(`drop function if exists "talent_base_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "talent_cohort";`);
    this.addSql(`drop function if exists "talent_cohort_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "talent_cohort";`);
    this.addSql(`drop function if exists "talent_cohort_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "talent_cohort";`);
    this.addSql(`drop function if exists "talent_cohort_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "zone";`);
    this.addSql(`drop function if exists "zone_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "zone";`);
    this.addSql(`drop function if exists "zone_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "zone";`);
    this.addSql(`drop function if exists "zone_change_feed_d_fn"();`);
  }

}
