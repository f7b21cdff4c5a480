import { EARTH_KM } from '../../graphql/types/geo';

/**
 * A latitude/longitude box (x longitude, y latitude) holding every point within `r` km of
 * (`lat`, `lng`), as boundingBox in src/graphql/types/geo.ts computes it, in SQL over the given
 * expressions; all longitudes when the circle reaches a pole or crosses the antimeridian. Built-in
 * functions only, so it can key an index: capacity_demand_open_area_idx is DEMAND_AREA_BOX.
 */
export function areaBoxSql(lat: string, lng: string, r: string): string {
  const angle = `(${r} / ${EARTH_KM})`;
  const dLat = `(degrees(${angle}) * 1.0001 + 0.000001)`;
  const band = `${lat} - ${dLat} <= -90 or ${lat} + ${dLat} >= 90 or ${angle} >= pi() / 2 or sin(${angle}) >= cos(radians(${lat}))`;
  const dLng = `(degrees(asin(sin(${angle}) / cos(radians(${lat})))) * 1.0001 + 0.000001)`;
  // Nested, so that asin only sees arguments below 1.
  const edge = (sign: '-' | '+') =>
    `case when ${band} then ${sign === '-' ? -180 : 180} else case when ${lng} - ${dLng} < -180 or ${lng} + ${dLng} > 180 then ${sign === '-' ? -180 : 180} else ${lng} ${sign} ${dLng} end end`;
  return `box(point(${edge('-')}, ${lat} - ${dLat}), point(${edge('+')}, ${lat} + ${dLat}))`;
}

/** A demand's area as a box: the expression of the index capacity_demand_open_area_idx. */
export const DEMAND_AREA_BOX = areaBoxSql('near_latitude', 'near_longitude', 'radius_km');
