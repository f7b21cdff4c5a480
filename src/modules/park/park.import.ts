import { INT4_MAX } from '../../graphql/ids';
import { children, date, int, manyOf, num, oneOf, sampleFlag, slug, text, textRef, year, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { creditCode } from '../enterprise/enterprise.import';
import { districtCode } from '../reference/reference.import';
import { ParkDesignation, ParkKind, ParkPublicService } from './park.enums';

/* Industrial parks and their tenancies (enterprises by credit code). */

/** Chongqing's extent (105°11′–110°11′ E, 28°10′–32°13′ N), with a little margin. */
export const CHONGQING_BOUNDS = { latMin: 28.1, latMax: 32.3, lngMin: 105.1, lngMax: 110.3 };

export const tenancyFields = {
  creditCode: creditCode({ ref: true, idOf: true, column: 'enterprise_id', unique: 'tenant' }),
  movedInOn: date(),
  movedOutOn: date({
    optional: true,
    then(out, r) {
      const inOn = r.values.movedInOn as number | undefined;
      if (inOn !== undefined && out !== undefined && (out as number) < inOn) r.problem('movedOutOn', 'is before movedInOn');
    },
  }),
};

export type TenancyRecord = RecordOf<typeof tenancyFields>;

export const parkFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  kind: oneOf(ParkKind, 'ParkKind'),
  designation: oneOf(ParkDesignation, 'ParkDesignation', { optional: true, default: ParkDesignation.NONE }),
  districtCode: districtCode(),
  zoneSlug: textRef('zones', { max: 80, optional: true, idOf: true, column: 'zone_id' }),
  addressZh: text({ max: 300, optional: true }),
  latitude: num({ min: -90, max: 90 }),
  longitude: num({
    min: -180,
    max: 180,
    then(lng, r) {
      // A Chongqing park lies in Chongqing: catches swapped latitude/longitude and sign slips.
      const lat = r.values.latitude as number | undefined;
      const b = CHONGQING_BOUNDS;
      if (lat === undefined || lng === undefined) return;
      if (lat < b.latMin || lat > b.latMax || (lng as number) < b.lngMin || (lng as number) > b.lngMax)
        r.problem('latitude', `(${lat}, ${String(lng)}) is outside Chongqing`);
    },
  }),
  areaM2: int({ min: 0, max: INT4_MAX, optional: true }),
  publicServices: manyOf(ParkPublicService, 'ParkPublicService'),
  openedYear: year({ optional: true }),
  /**
   * The enterprise that runs the park, by credit code: its API keys publish and manage the park's
   * space (publishParkSpace …). Left out, the park has no operator (a re-import without it clears it).
   */
  operatorCreditCode: creditCode({ ref: true, idOf: true, column: 'operator_id', optional: true }),
  isSample: sampleFlag(),
  tenants: children(tenancyFields, { table: 'park_tenancy', parent: 'park_id', by: ['creditCode'], key: 'creditCode' }),
};

export type ParkRecord = RecordOf<typeof parkFields>;

export const parksImport = defineUnit({
  key: 'parks',
  table: 'industrial_park',
  dependsOn: ['districts', 'zones', 'enterprises'],
  fields: parkFields,
  naturalKey: { field: 'slug', unique: 'park slug' },
});
