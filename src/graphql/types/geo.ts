import { Field, Float, InputType } from 'type-graphql';
import type { ReadDb } from '../../db/read-db';
import { badInput } from '../errors';
import { textProblem } from '../text';
import type { DeclaredFieldSpec } from '../sql/declare';
import type { Params } from '../sql/params';

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

  @Field({ description: 'City name in Chinese or English, e.g. Duisburg or 杜伊斯堡 (城市名)' })
  name!: string;
}

@InputType({ description: 'Within a radius of a point or of a city; give `point` or `city` (距离范围)' })
export class NearInput {
  @Field(() => GeoPointInput, { nullable: true, description: 'Centre point (中心点)' })
  point?: GeoPointInput;

  @Field(() => CityInput, { nullable: true, description: 'Centre city; its position is the centre of the places the API knows there (中心城市)' })
  city?: CityInput;

  @Field(() => Float, { description: 'Radius in kilometres, more than 0 and at most 20,000 (半径，公里)' })
  radiusKm!: number;
}

export interface ResolvedNear {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** Checks the input and turns a city into a point (one small query over known places). */
export async function resolveNear(db: ReadDb, near: NearInput, argument: string): Promise<ResolvedNear> {
  if (!(near.radiusKm > 0) || near.radiusKm > 20_000) throw badInput(`\`radiusKm\` must be more than 0 and at most 20000 (got ${near.radiusKm})`, `${argument}.radiusKm`);
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
  const rows = await db.query<{ lat: number | null; lng: number | null }>(
    `select avg(latitude) as lat, avg(longitude) as lng from overseas_warehouse
      where country_code = $1 and (lower(city_en) = lower($2) or city_zh = $2)`,
    [city.countryCode.toUpperCase(), city.name.trim()],
  );
  if (rows[0].lat == null) {
    throw badInput(`No known place in "${city.name}" (${city.countryCode}); give a \`point\` instead`, `${argument}.city`);
  }
  return { latitude: Number(rows[0].lat), longitude: Number(rows[0].lng), radiusKm: near.radiusKm };
}

/**
 * Distance in metres from the row's location to the near point (params added): great-circle on
 * earthdistance's sphere, computed with the haversine formula (greatCircleKmSql).
 */
export function distanceSql(t: string, near: ResolvedNear, p: Params): string {
  return `(${greatCircleKmSql(`${t}.latitude`, `${t}.longitude`, `${p.add(near.latitude)}::float8`, `${p.add(near.longitude)}::float8`)} * 1000)`;
}

/** Rows within `near`: the bounding box on latitude and longitude, then the exact distance (withinSql). */
export function nearWhere(t: string, near: ResolvedNear, p: Params): string {
  return withinSql(`${t}.latitude`, `${t}.longitude`, near, p);
}

/** `distanceKm`: kilometres to the `near` point of the request's filter, null without one. */
export const distanceKmField: DeclaredFieldSpec = {
  kind: 'expr',
  sql: (t, a) => {
    const near = a.c.vars.near as ResolvedNear | undefined;
    return near ? `round((${distanceSql(t, near, a.c.params)} / 1000)::numeric, 3)::float8` : 'null::float8';
  },
};

/**
 * Filters rows (alias `t`) to within `near` and records the point for `distanceKm`
 * (CompileCtx.vars.near). Shared by every list with a `near` filter.
 */
export async function applyNear(db: ReadDb, near: NearInput | undefined, p: Params, where: string[], vars: Record<string, unknown>): Promise<void> {
  if (!near) return;
  const resolved = await resolveNear(db, near, 'filter.near');
  vars.near = resolved;
  where.push(nearWhere('t', resolved, p));
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
const EARTH_KM = 6378.168;

/**
 * Great-circle kilometres from the point (`lat`, `lng`: SQL expressions in degrees) to the point
 * (`pLat`, `pLng`), by the haversine formula on earthdistance's sphere: the same distance as
 * `earth_distance(ll_to_earth(…), ll_to_earth(…)) / 1000`, in a few float operations instead of
 * two cube constructions, so it can run for every candidate of a scan.
 */
export function greatCircleKmSql(lat: string, lng: string, pLat: string, pLng: string): string {
  return `(2 * ${EARTH_KM} * asin(least(1, sqrt(sin(radians(${lat} - ${pLat}) / 2) ^ 2
    + cos(radians(${pLat})) * cos(radians(${lat})) * sin(radians(${lng} - ${pLng}) / 2) ^ 2))))`;
}

/**
 * A latitude/longitude box holding every point within `radiusKm` of the point, for index ranges
 * before the exact distance; with no longitude bounds when the circle reaches a pole or crosses
 * the antimeridian (the box is then a latitude band).
 */
export function boundingBox(latitude: number, longitude: number, radiusKm: number): { minLat: number; maxLat: number; minLng: number | null; maxLng: number | null } {
  const angle = radiusKm / EARTH_KM;
  const dLat = (angle * 180) / Math.PI * 1.0001 + 1e-6;
  const minLat = latitude - dLat;
  const maxLat = latitude + dLat;
  const cosLat = Math.cos((latitude * Math.PI) / 180);
  if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2 || Math.sin(angle) >= cosLat) return { minLat, maxLat, minLng: null, maxLng: null };
  const dLng = (Math.asin(Math.sin(angle) / cosLat) * 180) / Math.PI * 1.0001 + 1e-6;
  if (longitude - dLng < -180 || longitude + dLng > 180) return { minLat, maxLat, minLng: null, maxLng: null };
  return { minLat, maxLat, minLng: longitude - dLng, maxLng: longitude + dLng };
}

/**
 * Rows whose (`lat`, `lng`) lie within `radiusKm` of a point: the bounding box (which a latitude
 * index serves), then the exact great-circle distance.
 */
export function withinSql(lat: string, lng: string, near: ResolvedNear, p: Params): string {
  const b = boundingBox(near.latitude, near.longitude, near.radiusKm);
  const box = [`${lat} between ${p.add(b.minLat)}::float8 and ${p.add(b.maxLat)}::float8`];
  if (b.minLng !== null) box.push(`${lng} between ${p.add(b.minLng)}::float8 and ${p.add(b.maxLng)}::float8`);
  const km = greatCircleKmSql(lat, lng, `${p.add(near.latitude)}::float8`, `${p.add(near.longitude)}::float8`);
  return `(${box.join(' and ')} and ${km} <= ${p.add(near.radiusKm)}::float8)`;
}
