import { Migration } from '@mikro-orm/migrations';

/**
 * `near` filters and distances are computed with the haversine formula over a latitude/longitude
 * box (geo.ts withinSql), which a latitude index serves; the earth-cube GiST indexes are no longer
 * read. Parks get their latitude index.
 */
export class Migration20261201113045 extends Migration {

  override name = 'Migration20261201113045';

  override up(): void | Promise<void> {
    this.addSql(`drop index "overseas_warehouse_earth_idx";`);

    this.addSql(`drop index "industrial_park_earth_idx";`);
    this.addSql(`create index "industrial_park_latitude_idx" on "industrial_park" ("latitude");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "industrial_park_latitude_idx";`);
    this.addSql(`CREATE INDEX industrial_park_earth_idx ON public.industrial_park USING gist (ll_to_earth(latitude, longitude));`);

    this.addSql(`CREATE INDEX overseas_warehouse_earth_idx ON public.overseas_warehouse USING gist (ll_to_earth(latitude, longitude));`);
  }

}
