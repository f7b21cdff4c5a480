import { Field, Float, InputType } from 'type-graphql';
import type { ReadDb } from '../../db/read-db';
import { sql, type Sql } from '../../db/sql';
import { badInput } from '../errors';
import { textProblem } from '../text';
import type { DeclaredFieldSpec } from '../sql/declare';
import { Params } from '../sql/params';

/**
 * Distances: great-circle kilometres on the sphere PostgreSQL's earthdistance uses, computed with
 * the haversine formula in plain float operations (no extension needed at query time, and about
 * twenty times cheaper per row than building earth cubes). A latitude/longitude bounding box,
 * served by a latitude index, finds the candidates; the exact distance then decides.
 */

@InputType({ description: 'A point on the earth, WGS 84 degrees (地理坐标)' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude, −90 to 90 (纬度)' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, −180 to 180 (经度)' })
  longitude!: number;
}

@InputType({ description: 'A city by country and name (城市)' })
export class CityInput {
  @Field({ description: 'ISO 3166-1 alpha-2 country code (国家代码)' })
  countryCode!: string;

  @Field({
    description:
      'City name in Chinese, English (any case) or the local language, e.g. Duisburg, 杜伊斯堡 or Warszawa; looked up in the city table, else among the places the API knows (城市名：中文、英文或当地名称，先查城市表，再查已知地点)',
  })
  name!: string;
}

@InputType({ description: 'Within a radius of a point or of a city; give `point` or `city` (距离范围)' })
export class NearInput {
  @Field(() => GeoPointInput, { nullable: true, description: 'Centre point (中心点)' })
  point?: GeoPointInput;

  @Field(() => CityInput, {
    nullable: true,
    description:
      'Centre city: its centre point from the city table (city hall or main square); for a city not in it, the centre of the places the API knows there (中心城市：取城市表中的城市中心点；表中没有的城市取本 API 在该城已知地点的中心)',
  })
  city?: CityInput;

  @Field(() => Float, { description: 'Radius in kilometres, more than 0 and at most 20,000 (半径，公里)' })
  radiusKm!: number;
}

export interface ResolvedNear {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** Checks the input and turns a city into a point (one small query: the city table, else the known places there). */
export async function resolveNear(db: ReadDb, near: NearInput, argument: string): Promise<ResolvedNear> {
  if (!(near.radiusKm > 0) || near.radiusKm > 20_000)
    throw badInput(`\`radiusKm\` must be more than 0 and at most 20000 (got ${near.radiusKm})`, `${argument}.radiusKm`);
  if (!!near.point === !!near.city) throw badInput('Give either `point` or `city`', argument);
  if (near.point) {
    const { latitude, longitude } = near.point;
    if (!(latitude >= -90 && latitude <= 90)) throw badInput(`latitude must be between -90 and 90 (got ${latitude})`, `${argument}.point.latitude`);
    if (!(longitude >= -180 && longitude <= 180)) throw badInput(`longitude must be between -180 and 180 (got ${longitude})`, `${argument}.point.longitude`);
    return { latitude, longitude, radiusKm: near.radiusKm };
  }
  const city = near.city!;
  // Both go into the statement as they are: no control character, nothing longer than a city name column.
  const countryProblem = textProblem(city.countryCode, { max: 2 });
  if (countryProblem) throw badInput(`countryCode ${countryProblem}`, `${argument}.city.countryCode`);
  const nameProblem = textProblem(city.name, { max: 128 });
  if (nameProblem) throw badInput(`name ${nameProblem}`, `${argument}.city.name`);
  // The city's centre from the city table (English name, any case; Chinese name; or an alias); only
  // when the table has no such city, the centre of the warehouses the API knows there.
  const rows = await db.query<{ lat: number | null; lng: number | null }>(
    `with c as (
       select latitude, longitude from city
        where country_code = $1 and (lower(name_en) = lower($2) or name_zh = $2 or exists (select from unnest(aliases) a where lower(a) = lower($2)))
     )
     select latitude as lat, longitude as lng from c
     union all
     select avg(latitude), avg(longitude) from overseas_warehouse
      where not exists (select from c) and country_code = $1 and (lower(city_en) = lower($2) or city_zh = $2)`,
    [city.countryCode.toUpperCase(), city.name.trim()],
  );
  const found = rows.find((r) => r.lat != null);
  if (!found) {
    throw badInput(`No known place in "${city.name}" (${city.countryCode}); give a \`point\` instead`, `${argument}.city`);
  }
  return { latitude: Number(found.lat), longitude: Number(found.lng), radiusKm: near.radiusKm };
}

/** A coordinate, kilometres or a box bound as a `float8` parameter. */
const float8 = (v: number) => sql`${sql.typed(v, 'float8')}`;

/**
 * Distance in metres from the row's location (alias `t`, code-written) to the near point:
 * great-circle on earthdistance's sphere, computed with the haversine formula (greatCircleKm).
 */
export function distance(t: string, near: ResolvedNear): Sql {
  return sql`(${greatCircleKm(sql.raw(`${t}.latitude`), sql.raw(`${t}.longitude`), float8(near.latitude), float8(near.longitude))} * 1000)`;
}

/** `distance` rendered into `p`, for the SQL compiler's string expressions (field specs, order terms). */
export function distanceSql(t: string, near: ResolvedNear, p: Params): string {
  return distance(t, near).render(p);
}

/** Rows (alias `t`) within `near`: the bounding box on latitude and longitude, then the exact distance (within). */
export function nearWhere(t: string, near: ResolvedNear): Sql {
  return within(sql.raw(`${t}.latitude`), sql.raw(`${t}.longitude`), near);
}

/** `distanceKm`: kilometres to the `near` point of the request's filter, null without one. */
export const distanceKmField: DeclaredFieldSpec = {
  kind: 'expr',
  sql: (t, a) => {
    const near = a.c.vars.near as ResolvedNear | undefined;
    return near ? sql`round((${distance(t, near)} / 1000)::numeric, 3)::float8`.render(a.c.params) : 'null::float8';
  },
};

/**
 * Filters rows (alias `t`) to within `near` and records the point for `distanceKm`
 * (CompileCtx.vars.near). Shared by every list with a `near` filter.
 */
export async function applyNear(db: ReadDb, near: NearInput | undefined, where: Sql[], vars: Record<string, unknown>): Promise<void> {
  if (!near) return;
  const resolved = await resolveNear(db, near, 'filter.near');
  vars.near = resolved;
  where.push(nearWhere('t', resolved));
}

/**
 * The DISTANCE sort expression: distance to the `near` point when ordering by it (explicitly, or by
 * default when `near` is given and no order is), else a constant. Ordering by DISTANCE without
 * `near` is BAD_USER_INPUT.
 */
export function distanceOrder(orderBy: { field: string }[] | undefined, vars: Record<string, unknown>, p: Params): { byDefault: boolean; expr: string } {
  const near = vars.near as ResolvedNear | undefined;
  const byDistance = orderBy?.length ? orderBy.some((o) => o.field === 'DISTANCE') : !!near;
  if (byDistance && !near) throw badInput('Ordering by DISTANCE needs `filter.near`', 'orderBy');
  return { byDefault: !!near && !orderBy?.length, expr: near && byDistance ? distanceSql('t', near, p) : '0::float8' };
}

/** The radius, in km, of the sphere earthdistance measures on (its `earth()`, 6,378,168 m). */
export const EARTH_KM = 6378.168;

/**
 * Great-circle kilometres from the point (`lat`, `lng`: SQL expressions in degrees) to the point
 * (`pLat`, `pLng`), by the haversine formula on earthdistance's sphere: the same distance as
 * `earth_distance(ll_to_earth(…), ll_to_earth(…)) / 1000`, in a few float operations instead of
 * two cube constructions, so it can run for every candidate of a scan. `pLat` appears twice in the
 * formula: a parameter in it is bound once per appearance.
 */
export function greatCircleKm(lat: Sql, lng: Sql, pLat: Sql, pLng: Sql): Sql {
  return sql`(2 * ${sql.raw(String(EARTH_KM))} * asin(least(1, sqrt(sin(radians(${lat} - ${pLat}) / 2) ^ 2
    + cos(radians(${pLat})) * cos(radians(${lat})) * sin(radians(${lng} - ${pLng}) / 2) ^ 2))))`;
}

/** greatCircleKm between SQL expressions written by the code (columns, no parameters), as text. */
export function greatCircleKmSql(lat: string, lng: string, pLat: string, pLng: string): string {
  return greatCircleKm(sql.raw(lat), sql.raw(lng), sql.raw(pLat), sql.raw(pLng)).render(new Params());
}

/**
 * A latitude/longitude box holding every point within `radiusKm` of the point, for index ranges
 * before the exact distance; with no longitude bounds when the circle reaches a pole or crosses
 * the antimeridian (the box is then a latitude band).
 */
export function boundingBox(
  latitude: number,
  longitude: number,
  radiusKm: number,
): { minLat: number; maxLat: number; minLng: number | null; maxLng: number | null } {
  const angle = radiusKm / EARTH_KM;
  const dLat = ((angle * 180) / Math.PI) * 1.0001 + 1e-6;
  const minLat = latitude - dLat;
  const maxLat = latitude + dLat;
  const cosLat = Math.cos((latitude * Math.PI) / 180);
  if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2 || Math.sin(angle) >= cosLat) return { minLat, maxLat, minLng: null, maxLng: null };
  const dLng = ((Math.asin(Math.sin(angle) / cosLat) * 180) / Math.PI) * 1.0001 + 1e-6;
  if (longitude - dLng < -180 || longitude + dLng > 180) return { minLat, maxLat, minLng: null, maxLng: null };
  return { minLat, maxLat, minLng: longitude - dLng, maxLng: longitude + dLng };
}

/**
 * Rows whose (`lat`, `lng`) lie within `radiusKm` of a point: the bounding box (which a latitude
 * index serves), then the exact great-circle distance.
 */
export function within(lat: Sql, lng: Sql, near: ResolvedNear): Sql {
  const b = boundingBox(near.latitude, near.longitude, near.radiusKm);
  const box = [sql`${lat} between ${float8(b.minLat)} and ${float8(b.maxLat)}`];
  if (b.minLng !== null) box.push(sql`${lng} between ${float8(b.minLng)} and ${float8(b.maxLng!)}`);
  const km = greatCircleKm(lat, lng, float8(near.latitude), float8(near.longitude));
  return sql`(${sql.join(box, ' and ')} and ${km} <= ${float8(near.radiusKm)})`;
}

/** `within` for columns written by the code (`lat`, `lng`), rendered into `p`: for statements written as text. */
export function withinSql(lat: string, lng: string, near: ResolvedNear, p: Params): string {
  return within(sql.raw(lat), sql.raw(lng), near).render(p);
}
