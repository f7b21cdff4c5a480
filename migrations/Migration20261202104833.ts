import { Migration } from '@mikro-orm/migrations';

/**
 * The fair's copies of an enterprise's names and brands follow them. Exhibitors copy their
 * enterprise's names, and a listing's search text holds its owner's names and brands (both kept by
 * their tables' own triggers): a renamed enterprise, or a brand added, changed or removed, now
 * touches those rows, so their triggers write the copies again, take the edition's next sync
 * version (an app's offline copy hears of it through fairSync) and move `updated_at`.
 * Statement-level, with transition tables: an import of many enterprises or brands is one update
 * per statement, not per row. Written by hand (the schema diff neither declares nor drops triggers
 * on tables of another module; migration:check stays clean).
 */
export class Migration20261202104833 extends Migration {
  override name = 'Migration20261202104833';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function fair_owners_changed(ids integer[]) returns void language sql as $$
      update fair_exhibitor set updated_at = now() where enterprise_id = any(ids);
      update fair_listing set updated_at = now() where owner_id = any(ids);
    $$;`);
    this.addSql(`create or replace function fair_enterprise_renamed_fn() returns trigger language plpgsql as $$ begin
      perform fair_owners_changed(array(select n.id from renamed_new n join renamed_old o on o.id = n.id
        where n.name_zh is distinct from o.name_zh or n.name_en is distinct from o.name_en));
      return null; end $$;`);
    this.addSql(`create trigger fair_enterprise_renamed after update on enterprise
      referencing old table as renamed_old new table as renamed_new for each statement execute function fair_enterprise_renamed_fn();`);
    this.addSql(`create or replace function fair_brand_added_fn() returns trigger language plpgsql as $$ begin
      perform fair_owners_changed(array(select distinct enterprise_id from brand_new)); return null; end $$;`);
    this.addSql(`create or replace function fair_brand_changed_fn() returns trigger language plpgsql as $$ begin
      perform fair_owners_changed(array(select n.enterprise_id from brand_new n join brand_old o on o.id = n.id
        where n.name_zh is distinct from o.name_zh or n.name_en is distinct from o.name_en or n.enterprise_id <> o.enterprise_id
        union select o.enterprise_id from brand_new n join brand_old o on o.id = n.id where n.enterprise_id <> o.enterprise_id));
      return null; end $$;`);
    this.addSql(`create or replace function fair_brand_removed_fn() returns trigger language plpgsql as $$ begin
      perform fair_owners_changed(array(select distinct enterprise_id from brand_old)); return null; end $$;`);
    this.addSql(`create trigger fair_brand_added after insert on brand referencing new table as brand_new
      for each statement execute function fair_brand_added_fn();`);
    this.addSql(`create trigger fair_brand_changed after update on brand referencing old table as brand_old new table as brand_new
      for each statement execute function fair_brand_changed_fn();`);
    this.addSql(`create trigger fair_brand_removed after delete on brand referencing old table as brand_old
      for each statement execute function fair_brand_removed_fn();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists fair_enterprise_renamed on enterprise;`);
    this.addSql(`drop trigger if exists fair_brand_added on brand;`);
    this.addSql(`drop trigger if exists fair_brand_changed on brand;`);
    this.addSql(`drop trigger if exists fair_brand_removed on brand;`);
    this.addSql(`drop function if exists fair_enterprise_renamed_fn();`);
    this.addSql(`drop function if exists fair_brand_added_fn();`);
    this.addSql(`drop function if exists fair_brand_changed_fn();`);
    this.addSql(`drop function if exists fair_brand_removed_fn();`);
    this.addSql(`drop function if exists fair_owners_changed(integer[]);`);
  }
}
