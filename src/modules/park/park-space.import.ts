import { Findings, keyOf, openRecord, Scope } from '../../import/checks';
import { checkFields, date, decimal, int, oneOf, sampleFlag, text, textRef, type RecordOf, type WriteOptions } from '../../import/fields';
import type { ImportUnit } from '../../import/unit';
import { findByParentRef, upsertByParentRef } from '../../import/write';
import { type Path, Problems } from '../../graphql/payload';
import { checkContact } from '../matchmaking/matchmaking.validation';
import { contact } from '../matchmaking/offer.import';
import { ParkSpaceKind, ParkSpaceStatus } from './park.enums';
import { AREA_MAX, RENT, TERM_MONTHS_MAX } from './park-space.service';

/*
 * Park space from a file (`parkSpaces`): a record names its park by slug and carries `ref`, the
 * park's own key for the space within the park. Importing the same (park, ref) again updates the
 * space where a value changed and leaves it as it is otherwise; a space is never deleted by an
 * import (a park's record in `parks` does not list its spaces, so importing parks leaves them
 * alone), and a park that has spaces cannot be deleted (the foreign key has no cascade): no
 * re-import loses a space silently. Seeds write their sample space this way (seeds/sample/parks.ts).
 */

const KEY = 'parkSpaces';

export const parkSpaceFields = {
  /** The park's slug. */
  parkSlug: textRef('parks', { max: 80 }),
  /** The park's key for the space: importing the same one again updates it. */
  ref: text({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  descriptionZh: text({ max: 2000, optional: true, freeText: true }),
  descriptionEn: text({ max: 2000, optional: true, freeText: true }),
  kind: oneOf(ParkSpaceKind, 'ParkSpaceKind'),
  areaM2: int({ min: 1, max: AREA_MAX }),
  minDivisibleM2: int({
    min: 1,
    max: AREA_MAX,
    optional: true,
    then(v, r) {
      const area = r.values.areaM2 as number | undefined;
      if (v !== undefined && v !== null && area !== undefined && (v as number) > area) r.problem('minDivisibleM2', `is more than areaM2 (${area})`);
    },
  }),
  floor: int({ min: -10, max: 200, optional: true }),
  /** Rent per m² a month, CNY. */
  monthlyRentPerM2: decimal({ precision: RENT.precision, scale: RENT.scale }),
  availableFrom: date(),
  minTermMonths: int({ min: 1, max: TERM_MONTHS_MAX, optional: true }),
  status: oneOf(ParkSpaceStatus, 'ParkSpaceStatus', { optional: true }),
  contact: contact(),
  isSample: sampleFlag(),
};

export type ParkSpaceRecord = RecordOf<typeof parkSpaceFields>;

/**
 * The fields a park's operator gives through the API (ParkSpaceInput, park-space.writes.ts): the
 * import's, less the park (an ID there), the state (its own mutation) and the sample flag.
 */
const { parkSlug: _park, status: _status, isSample: _sample, ...spaceApiFields } = parkSpaceFields;
export type ParkSpaceApiRecord = RecordOf<typeof spaceApiFields>;

/**
 * Checks a space given through the API with the import's own field checks (the same bounds and
 * messages, no twin), adding each problem to `p` at `base` and the field's path
 * (`contact.email` → ["input", "contact", "email"]). `record` is the whole space: an update merges
 * its changes into the stored space first, so cross-field rules (minDivisibleM2 ≤ areaM2) hold.
 */
export function checkSpaceRecord(p: Problems, base: Path, record: Record<string, unknown>): void {
  const findings = new Findings();
  checkFields(spaceApiFields, openRecord(findings, record, { path: base.join('.') }, Object.keys(spaceApiFields), new Scope()));
  for (const i of findings.issues) p.add([...base, ...i.field.split(/[.[\]]+/).filter(Boolean)], i.message);
}

const NAMES = Object.keys(parkSpaceFields);

/** A space's key among its unit's records: its park and ref (a slug has no `/`). */
const spaceKey = (park: string, ref: string) => `${park}/${ref}`;

/** The columns written from a record (besides park_id), with their types; the API writes them too. */
export const SPACE_COLUMNS = [
  ['ref', 'text'],
  ['name_zh', 'text'],
  ['name_en', 'text'],
  ['description_zh', 'text'],
  ['description_en', 'text'],
  ['kind', 'text'],
  ['area_m2', 'int'],
  ['min_divisible_m2', 'int'],
  ['floor', 'int'],
  ['monthly_rent_per_m2', 'numeric'],
  ['available_from', 'date'],
  ['min_term_months', 'int'],
  ['status', 'text'],
  ['contact_name', 'text'],
  ['contact_email', 'text'],
  ['contact_phone', 'text'],
  ['is_sample', 'bool'],
] as const;

/** A valid record's row, with the defaults for what it leaves out (the API's too). */
export function spaceRow(r: ParkSpaceRecord, o: WriteOptions): Record<string, unknown> {
  const c = checkContact(new Problems(), [], r.contact);
  return {
    parent: r.parkSlug,
    ref: r.ref,
    name_zh: r.nameZh.trim(),
    name_en: r.nameEn.trim(),
    description_zh: r.descriptionZh?.trim() || null,
    description_en: r.descriptionEn?.trim() || null,
    kind: r.kind,
    area_m2: r.areaM2,
    min_divisible_m2: r.minDivisibleM2 ?? null,
    floor: r.floor ?? null,
    monthly_rent_per_m2: parkSpaceFields.monthlyRentPerM2.toColumn!(r.monthlyRentPerM2, o),
    available_from: r.availableFrom,
    min_term_months: r.minTermMonths ?? 1,
    status: r.status ?? ParkSpaceStatus.AVAILABLE,
    contact_name: c.name,
    contact_email: c.email,
    contact_phone: c.phone,
    is_sample: r.isSample ?? o.defaultIsSample,
  };
}

export const parkSpacesImport: ImportUnit<ParkSpaceRecord, typeof KEY> = {
  key: KEY,
  table: 'park_space',
  dependsOn: ['parks'],
  // Spaces are found by (park, ref), and no unit points at them: the key here names them in messages.
  naturalKey: {
    field: 'ref',
    column: 'ref',
    type: 'text',
    label: 'park space',
    find: findByParentRef({ table: 'park_space', parentColumn: 'park_id', parents: '(select id, slug as k from industrial_park)' }),
  },
  fields: parkSpaceFields,

  checkRecord(raw, index, findings, scope) {
    const r = openRecord(findings, raw, { path: `${KEY}[${index}]`, key: keyOf(raw, 'ref') }, NAMES, scope);
    if (!r) return undefined;
    checkFields(parkSpaceFields, r);
    const park = r.values.parkSlug as string | undefined;
    const ref = r.values.ref as string | undefined;
    if (park === undefined || ref === undefined) return undefined;
    r.unique('park space', spaceKey(park, ref), 'ref');
    return { key: spaceKey(park, ref) };
  },

  async write(records, tx) {
    const rows = records.map((r) => spaceRow(r, tx.options));
    tx.count(
      'park_space',
      await upsertByParentRef(tx.em, { table: 'park_space', parentColumn: 'park_id', parentTable: 'industrial_park', columns: SPACE_COLUMNS }, rows),
    );
  },
};
