import { Migration } from '@mikro-orm/migrations';

export class Migration20261202044421 extends Migration {

  override name = 'Migration20261202044421';

  override up(): void | Promise<void> {
    this.addSql(`alter table "capacity_demand" add "need_quantity" numeric(16,4) generated always as ((case when "quantity" > "held_quantity" + "confirmed_quantity" then "quantity" - "held_quantity" - "confirmed_quantity" else "quantity" end)) stored not null, add "need_cbm" numeric(20,6) generated always as (((case when "quantity" > "held_quantity" + "confirmed_quantity" then "quantity" - "held_quantity" - "confirmed_quantity" else "quantity" end) * (case "unit" when 'CBM' then 1 when 'PALLET' then 1.38 else 2 end))) stored not null, add "need_cbm_f" double precision generated always as (((case when "quantity" > "held_quantity" + "confirmed_quantity" then "quantity" - "held_quantity" - "confirmed_quantity" else "quantity" end) * (case "unit" when 'CBM' then 1 when 'PALLET' then 1.38 else 2 end))::float8) stored not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_demand" drop column "need_quantity", drop column "need_cbm", drop column "need_cbm_f";`);
  }

}
