import { Migration } from '@mikro-orm/migrations';

export class Migration20261202110020 extends Migration {

  override name = 'Migration20261202110020';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "enterprise_fair_enterprise_renamed_fn"() returns trigger as \$\$ begin if new.name_zh is not distinct from old.name_zh and new.name_en is not distinct from old.name_en then return null; end if;     update fair_exhibitor set updated_at = now() where enterprise_id = new.id;     update fair_listing set updated_at = now() where owner_id = new.id;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_enterprise_renamed" AFTER UPDATE on "enterprise" for each ROW execute function "enterprise_fair_enterprise_renamed_fn"();`);

    this.addSql(`create or replace function "brand_fair_brand_changed_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and new.name_zh is not distinct from old.name_zh and new.name_en is not distinct from old.name_en
      and new.enterprise_id = old.enterprise_id then return null; end if;     if tg_op <> 'DELETE' then update fair_exhibitor set updated_at = now() where enterprise_id = new.enterprise_id;     update fair_listing set updated_at = now() where owner_id = new.enterprise_id; end if;     if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.enterprise_id <> new.enterprise_id) then update fair_exhibitor set updated_at = now() where enterprise_id = old.enterprise_id;     update fair_listing set updated_at = now() where owner_id = old.enterprise_id; end if;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "fair_brand_changed" AFTER INSERT OR UPDATE OR DELETE on "brand" for each ROW execute function "brand_fair_brand_changed_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "fair_brand_changed" on "brand";`);
    this.addSql(`drop function if exists "brand_fair_brand_changed_fn"();`);

    this.addSql(`drop trigger if exists "fair_enterprise_renamed" on "enterprise";`);
    this.addSql(`drop function if exists "enterprise_fair_enterprise_renamed_fn"();`);
  }

}
