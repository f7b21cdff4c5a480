import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { INT4_MAX } from '../../graphql/ids';
import { parseIsoDate, type Findings, type RecordCheck } from '../../import/checks';
import { children, date, int, manyOf, num, oneOf, sampleFlag, slug, text, textRef, year, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { creditCode } from '../enterprise/enterprise.import';
import { todayInChina } from '../matchmaking/matchmaking.validation';
import { districtCode } from '../reference/reference.import';
import { ParkDesignation, ParkKind, ParkPublicService } from './park.enums';

/* Industrial parks and their tenancies (enterprises by credit code). */

/** Chongqing's extent (105°11′–110°11′ E, 28°10′–32°13′ N), with a little margin. */
export const CHONGQING_BOUNDS = { latMin: 28.1, latMax: 32.3, lngMin: 105.1, lngMax: 110.3 };

/**
 * A tenancy is a fact: it is recorded once the enterprise has moved in, and a move-out once it has
 * moved out, so neither date is after today (China time; a future move-in would count the
 * enterprise as a current tenant before it is one).
 */
function notAfterToday(value: unknown, r: RecordCheck, name: string): void {
  const today = todayInChina();
  if (value !== undefined && (value as number) > (parseIsoDate(today) as number))
    r.problem(name, `is after today (${today}): record a tenancy once it has happened`);
}

export const tenancyFields = {
  creditCode: creditCode({ ref: true, idOf: true, column: 'enterprise_id', unique: 'tenant' }),
  movedInOn: date({ then: notAfterToday }),
  movedOutOn: date({
    optional: true,
    then(out, r, name) {
      const inOn = r.values.movedInOn as number | undefined;
      if (inOn !== undefined && out !== undefined && (out as number) < inOn) r.problem('movedOutOn', 'is before movedInOn');
      notAfterToday(out, r, name);
    },
  }),
};

/** One tenancy of an enterprise, for the overlap check: where it is reported, and its days. */
interface Stay {
  creditCode: string;
  park: string;
  movedInOn: string;
  /** null: still there. */
  movedOutOn: string | null;
  /** Where the dataset has it (`parks[2].tenants[5]`); undefined for a stored tenancy. */
  path?: string;
}

/**
 * An enterprise is in one park at a time: each of its tenancies, in move-in order, ends (moved out)
 * on or before the day the next begins. A firm moving out and in on the same day is no overlap.
 * Overlaps are reported at the later tenancy of the dataset (or the earlier, when the later is stored).
 */
function reportOverlaps(stays: readonly Stay[], findings: Findings): void {
  const byFirm = new Map<string, Stay[]>();
  for (const s of stays) byFirm.set(s.creditCode, [...(byFirm.get(s.creditCode) ?? []), s]);
  for (const [code, list] of byFirm) {
    list.sort((a, b) => a.movedInOn.localeCompare(b.movedInOn) || a.park.localeCompare(b.park));
    for (let i = 1; i < list.length; i++) {
      const [prev, next] = [list[i - 1], list[i]];
      if (prev.movedOutOn !== null && prev.movedOutOn <= next.movedInOn) continue;
      const at = next.path ? next : prev.path ? prev : undefined;
      if (!at) continue;
      const other = at === next ? prev : next;
      findings.add(
        { path: at.path!, key: code },
        'movedInOn',
        `overlaps the tenancy in park "${other.park}" (moved in ${other.movedInOn}, ${other.movedOutOn ? `moved out ${other.movedOutOn}` : 'not moved out'}): an enterprise is in one park at a time, so it moves into the next park on or after the day it leaves the last`,
      );
    }
  }
}

/** The dataset's tenancies that passed their own checks, as stays. */
function staysOf(parks: readonly unknown[]): Stay[] {
  const out: Stay[] = [];
  parks.forEach((raw, i) => {
    const p = raw as { slug?: unknown; tenants?: unknown };
    if (typeof p?.slug !== 'string' || !Array.isArray(p.tenants)) return;
    p.tenants.forEach((t: { creditCode?: unknown; movedInOn?: unknown; movedOutOn?: unknown }, j) => {
      const inOn = t?.movedInOn;
      const outOn = t?.movedOutOn ?? null;
      if (typeof t?.creditCode !== 'string' || parseIsoDate(inOn) === null || (outOn !== null && parseIsoDate(outOn) === null)) return;
      out.push({
        creditCode: t.creditCode.trim().toUpperCase(),
        park: p.slug as string,
        movedInOn: inOn as string,
        movedOutOn: outOn as string | null,
        path: `parks[${i}].tenants[${j}]`,
      });
    });
  });
  return out;
}

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
  checkAll(records, findings) {
    reportOverlaps(staysOf(records), findings);
  },
  async checkStored(records, tx, findings) {
    // The dataset's parks replace their tenant lists; the enterprises' tenancies in other parks stay.
    const stays = staysOf(records);
    if (stays.length === 0) return;
    const stored = await exec<{ credit_code: string; slug: string; moved_in_on: string; moved_out_on: string | null }>(
      tx.em,
      sql`select e.credit_code, p.slug, pt.moved_in_on::text, pt.moved_out_on::text
        from park_tenancy pt join enterprise e on e.id = pt.enterprise_id join industrial_park p on p.id = pt.park_id
        where e.credit_code = any(${sql.array([...new Set(stays.map((s) => s.creditCode))], 'text')})
          and p.slug <> all(${sql.array(
            records.map((r) => r.slug),
            'text',
          )})`,
    );
    if (stored.length === 0) return;
    const firms = new Set(stored.map((s) => s.credit_code));
    const others = stored.map((s) => ({ creditCode: s.credit_code, park: s.slug, movedInOn: s.moved_in_on, movedOutOn: s.moved_out_on }));
    reportOverlaps([...stays.filter((s) => firms.has(s.creditCode)), ...others], findings);
  },
});
