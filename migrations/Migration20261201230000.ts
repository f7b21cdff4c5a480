import { Migration } from '@mikro-orm/migrations';

/**
 * demandMatches finds an offer's candidate demands through indexes of open demands instead of
 * reading every open demand (issue 12, a million offers): those naming a country (GIN on
 * countries), those with an area (GiST on the area's latitude/longitude box, capacity.area.ts),
 * and those located by a corridor alone or nowhere (storage class and corridor).
 */
export class Migration20261201230000 extends Migration {

  override name = 'Migration20261201230000';

  override up(): void | Promise<void> {
    this.addSql(`create index "capacity_demand_open_countries_idx" on "capacity_demand" using gin ("countries") where "status" = 'OPEN';`);
    this.addSql(`create index "capacity_demand_open_area_idx" on "capacity_demand" using gist ((box(point(case when near_latitude - (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) <= -90 or near_latitude + (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) >= 90 or (radius_km / 6378.168) >= pi() / 2 or sin((radius_km / 6378.168)) >= cos(radians(near_latitude)) then -180 else case when near_longitude - (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) < -180 or near_longitude + (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) > 180 then -180 else near_longitude - (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) end end, near_latitude - (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001)), point(case when near_latitude - (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) <= -90 or near_latitude + (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001) >= 90 or (radius_km / 6378.168) >= pi() / 2 or sin((radius_km / 6378.168)) >= cos(radians(near_latitude)) then 180 else case when near_longitude - (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) < -180 or near_longitude + (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) > 180 then 180 else near_longitude + (degrees(asin(sin((radius_km / 6378.168)) / cos(radians(near_latitude)))) * 1.0001 + 0.000001) end end, near_latitude + (degrees((radius_km / 6378.168)) * 1.0001 + 0.000001)))))
    where "status" = 'OPEN' and "near_latitude" is not null;`);
    this.addSql(`create index "capacity_demand_open_corridor_idx" on "capacity_demand" ("storage_class", "corridor_id")
    where "status" = 'OPEN' and "near_latitude" is null and cardinality("countries") = 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "capacity_demand_open_corridor_idx";`);
    this.addSql(`drop index "capacity_demand_open_area_idx";`);
    this.addSql(`drop index "capacity_demand_open_countries_idx";`);
  }

}
