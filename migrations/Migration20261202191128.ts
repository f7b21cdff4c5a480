import { Migration } from '@mikro-orm/migrations';

export class Migration20261202191128 extends Migration {

  override name = 'Migration20261202191128';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function enterprise_annual_figure_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprise-annual-figures', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprise-annual-figures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprise-annual-figures'::text where not ('enterprise-annual-figures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on enterprise_annual_figure referencing new table as change_new for each statement execute function enterprise_annual_figure_change_feed_i_fn();`);
    this.addSql(`create or replace function enterprise_annual_figure_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprise-annual-figures', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprise-annual-figures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprise-annual-figures'::text where not ('enterprise-annual-figures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on enterprise_annual_figure referencing old table as change_old new table as change_new for each statement execute function enterprise_annual_figure_change_feed_u_fn();`);
    this.addSql(`create or replace function enterprise_annual_figure_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprise-annual-figures', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprise-annual-figures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprise-annual-figures'::text where not ('enterprise-annual-figures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on enterprise_annual_figure referencing old table as change_old for each statement execute function enterprise_annual_figure_change_feed_d_fn();`);

    this.addSql(`create or replace function enterprise_market_figure_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprise-market-figures', n.k, 'I' from (select id::text as k, (true) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprise-market-figures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprise-market-figures'::text where not ('enterprise-market-figures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on enterprise_market_figure referencing new table as change_new for each statement execute function enterprise_market_figure_change_feed_i_fn();`);
    this.addSql(`create or replace function enterprise_market_figure_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprise-market-figures', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (true) as v from change_new) n full join (select id::text as k, (true) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprise-market-figures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprise-market-figures'::text where not ('enterprise-market-figures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on enterprise_market_figure referencing old table as change_old new table as change_new for each statement execute function enterprise_market_figure_change_feed_u_fn();`);
    this.addSql(`create or replace function enterprise_market_figure_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'enterprise-market-figures', o.k, 'D' from (select id::text as k, (true) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['enterprise-market-figures'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'enterprise-market-figures'::text where not ('enterprise-market-figures' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on enterprise_market_figure referencing old table as change_old for each statement execute function enterprise_market_figure_change_feed_d_fn();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "change_feed_i" on "enterprise_annual_figure";`);
    this.addSql(`drop function if exists "enterprise_annual_figure_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "enterprise_annual_figure";`);
    this.addSql(`drop function if exists "enterprise_annual_figure_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "enterprise_annual_figure";`);
    this.addSql(`drop function if exists "enterprise_annual_figure_change_feed_d_fn"();`);

    this.addSql(`drop trigger if exists "change_feed_i" on "enterprise_market_figure";`);
    this.addSql(`drop function if exists "enterprise_market_figure_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "enterprise_market_figure";`);
    this.addSql(`drop function if exists "enterprise_market_figure_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "enterprise_market_figure";`);
    this.addSql(`drop function if exists "enterprise_market_figure_change_feed_d_fn"();`);
  }

}
