import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161524 extends Migration {

  override name = 'Migration20261202161524';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function warehouse_filing_change_feed_i_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'warehouse-filings', n.k, 'I' from (select id::text as k, (status in ('ACCEPTED', 'REVOKED')) as v from change_new) n where n.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['warehouse-filings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'warehouse-filings'::text where not ('warehouse-filings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_i after insert on warehouse_filing referencing new table as change_new for each statement execute function warehouse_filing_change_feed_i_fn();`);
    this.addSql(`create or replace function warehouse_filing_change_feed_u_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'warehouse-filings', coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (select id::text as k, (status in ('ACCEPTED', 'REVOKED')) as v from change_new) n full join (select id::text as k, (status in ('ACCEPTED', 'REVOKED')) as v from change_old) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['warehouse-filings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'warehouse-filings'::text where not ('warehouse-filings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_u after update on warehouse_filing referencing old table as change_old new table as change_new for each statement execute function warehouse_filing_change_feed_u_fn();`);
    this.addSql(`create or replace function warehouse_filing_change_feed_d_fn() returns trigger as \$\$ begin
    insert into change_log (txid, dataset, key, op) select txid_current(), 'warehouse-filings', o.k, 'D' from (select id::text as k, (status in ('ACCEPTED', 'REVOKED')) as v from change_old) o where o.v;     if found then
      insert into change_tx (txid, datasets) values (txid_current(), array['warehouse-filings'])
        on conflict (txid) do update set datasets = change_tx.datasets || 'warehouse-filings'::text where not ('warehouse-filings' = any(change_tx.datasets));     end if;     return null;   end; \$\$ language plpgsql;`);
    this.addSql(`create trigger change_feed_d after delete on warehouse_filing referencing old table as change_old for each statement execute function warehouse_filing_change_feed_d_fn();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "change_feed_i" on "warehouse_filing";`);
    this.addSql(`drop function if exists "warehouse_filing_change_feed_i_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_u" on "warehouse_filing";`);
    this.addSql(`drop function if exists "warehouse_filing_change_feed_u_fn"();`);
    this.addSql(`drop trigger if exists "change_feed_d" on "warehouse_filing";`);
    this.addSql(`drop function if exists "warehouse_filing_change_feed_d_fn"();`);
  }

}
