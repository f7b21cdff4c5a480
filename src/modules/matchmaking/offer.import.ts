import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { Problems } from '../../graphql/payload';
import { keyOf, openRecord, type RecordCheck } from '../../import/checks';
import {
  checkFields,
  date,
  field,
  manyOf,
  oneOf,
  sampleFlag,
  text,
  type DecimalValue,
  type Field,
  type RecordOf,
  type WriteOptions,
} from '../../import/fields';
import type { ImportUnit } from '../../import/unit';
import { findByParentRef, upsertByParentRef } from '../../import/write';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { cbmPerUnitSql } from './capacity.formulas';
import type { CapacityOfferInput } from './matchmaking.inputs';
import { checkContact, checkOfferFields, currency, todayInChina } from './matchmaking.validation';
import { notBelowHeld, offeredByWarehouse, startsTodayOrLater, storedByWarehouse } from './offer.service';

/*
 * Capacity offers from a file (`capacity-offers`), as an operator publishes them through the API
 * and with the API's checks: a record is a CapacityOfferInput with the warehouse by slug and a
 * `ref`, the operator's own key for the offer within that warehouse. A new (warehouse, ref) is
 * checked as publishCapacityOffer checks an offer; one stored already as updateCapacityOffer
 * checks a change (it may have started; its quantity not below what is held), and its warehouse,
 * unit, storage class and currency cannot change. CBM per unit is the warehouse's own factor, as
 * the API's (capacity.formulas). Re-importing a file updates the offers whose values changed and
 * leaves the others as they are. Seeds write their sample offers this way (seeds/matchmaking.ts).
 */

const KEY = 'capacity-offers';

/**
 * A decimal as the API takes one: a decimal string, or a number (written as one). Its bounds are
 * the API's, checked with the whole offer (checkOfferFields).
 */
function amount<O extends boolean = false>(o: { optional?: O } = {}): Field<DecimalValue, O> {
  return field<DecimalValue, O>({
    optional: (o.optional ?? false) as O,
    check(r, f) {
      if (!r.present(f)) {
        if (!o.optional) r.problem(f, 'is required');
        return undefined;
      }
      const v = r.record[f];
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      if (typeof v === 'string') return v;
      r.problem(f, 'must be a decimal string or a number');
    },
  });
}

/** A whole number; its bounds are the API's (checkOfferFields). */
function whole(): Field<number, true> {
  return field<number, true>({ optional: true, check: (r, f) => r.int(f, { min: -Infinity, max: Infinity, optional: true }) });
}

const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactRecord = { [K in (typeof CONTACT_FIELDS)[number]]?: string | null };

/** How to reach the operator about the offer, as the API's ContactInput (checkContact); fair exhibitors' contacts too. */
export function contact(): Field<ContactRecord, true> {
  return field<ContactRecord, true>({
    optional: true,
    shape: 'object',
    check(r, f) {
      if (!r.present(f)) return undefined;
      const c = r.record[f];
      if (typeof c !== 'object' || Array.isArray(c)) return void r.problem(f, 'must be an object');
      let ok = true;
      for (const [k, v] of Object.entries(c as object)) {
        if (!(CONTACT_FIELDS as readonly string[]).includes(k)) r.problem(`${f}.${k}`, `unknown field (expected one of: ${CONTACT_FIELDS.join(', ')})`);
        else if (v !== null && typeof v !== 'string') r.problem(`${f}.${k}`, 'must be a string');
        else continue;
        ok = false;
      }
      if (ok) apiChecks(r, (p) => checkContact(p, [f], c as ContactRecord));
      return c;
    },
  });
}

export const capacityOfferFields = {
  /** The warehouse's slug; the offer is the warehouse operator's. */
  warehouseSlug: text({ max: 100 }),
  /** The operator's key for the offer within the warehouse: importing the same one again updates it. */
  ref: text({ max: 80 }),
  quantity: amount(),
  unit: oneOf(CapacityUnit, 'CapacityUnit'),
  availableFrom: date(),
  availableTo: date(),
  storageClass: oneOf(StorageClass, 'StorageClass'),
  /** ISO 4217, as the API takes it (three letters, any case). */
  currency: field<string, false>({
    optional: false,
    check(r, f) {
      const v = r.str(f, { max: 3 });
      if (v !== undefined && v.length <= 3) apiChecks(r, (p) => currency(p, [f], v));
      return v;
    },
  }),
  storagePrice: amount(),
  pricePeriod: oneOf(PricePeriod, 'PricePeriod'),
  inboundFee: amount({ optional: true }),
  outboundFee: amount({ optional: true }),
  freeDays: whole(),
  minQuantity: amount({ optional: true }),
  minTermDays: whole(),
  services: manyOf(WarehouseService, 'WarehouseService'),
  contact: contact(),
  isSample: sampleFlag(),
};

export type CapacityOfferRecord = RecordOf<typeof capacityOfferFields>;

const NAMES = Object.keys(capacityOfferFields);

/**
 * Runs checks of the API on a record, reporting their problems at the record's fields, written as
 * import paths are (`contact.email`, `targetMarkets[2]`).
 */
export function apiChecks(r: RecordCheck, check: (p: Problems) => void): void {
  const p = new Problems();
  check(p);
  for (const e of p.list) r.problem(importField(e.field ?? []), e.message);
}

/** An API field path as an import field: `["priceRange", "max"]` → `priceRange.max`, `["keywords", "2"]` → `keywords[2]`. */
export const importField = (path: readonly string[]): string => path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i ? `.${s}` : s)).join('');

/** The key of an offer among its unit's records: its warehouse and ref (a slug has no `/`). */
const offerKey = (warehouse: string, ref: string) => `${warehouse}/${ref}`;

/** A record's currency as stored: the API's normalisation (valid records only). */
const currencyOf = (c: string) => currency(new Problems(), [], c)!;

/**
 * The columns written from a record (besides warehouse_id and cbm_per_unit), with their types; a
 * stored offer's unit, storage class and currency never change, so an update leaves them.
 */
const COLUMNS = [
  ['ref', 'text'],
  ['quantity', 'numeric'],
  ['unit', 'text'],
  ['available_from', 'date'],
  ['available_to', 'date'],
  ['storage_class', 'text'],
  ['currency', 'text'],
  ['storage_price', 'numeric'],
  ['price_period', 'text'],
  ['inbound_fee', 'numeric'],
  ['outbound_fee', 'numeric'],
  ['free_days', 'int'],
  ['min_quantity', 'numeric'],
  ['min_term_days', 'int'],
  ['services', 'text[]'],
  ['contact_name', 'text'],
  ['contact_email', 'text'],
  ['contact_phone', 'text'],
  ['is_sample', 'bool'],
] as const;
const UNCHANGED = new Set(['ref', 'unit', 'storage_class', 'currency']);

/** A valid record's row: its columns' values, with the API's defaults for what it leaves out (publishOffer). */
function rowOf(r: CapacityOfferRecord, o: WriteOptions): Record<string, unknown> {
  const c = checkContact(new Problems(), [], r.contact);
  return {
    parent: r.warehouseSlug,
    ref: r.ref,
    quantity: String(r.quantity),
    unit: r.unit,
    available_from: r.availableFrom,
    available_to: r.availableTo,
    storage_class: r.storageClass,
    currency: currencyOf(r.currency),
    storage_price: String(r.storagePrice),
    price_period: r.pricePeriod,
    inbound_fee: String(r.inboundFee ?? '0'),
    outbound_fee: String(r.outboundFee ?? '0'),
    free_days: r.freeDays ?? 0,
    min_quantity: String(r.minQuantity ?? '0'),
    min_term_days: r.minTermDays ?? 1,
    services: [...new Set(r.services ?? [])],
    contact_name: c.name,
    contact_email: c.email,
    contact_phone: c.phone,
    is_sample: r.isSample ?? o.defaultIsSample,
  };
}

export const capacityOffersImport: ImportUnit<CapacityOfferRecord, typeof KEY> = {
  key: KEY,
  table: 'capacity_offer',
  dependsOn: ['warehouses'],
  // Offers are found by (warehouse, ref), and no unit points at them: the key here names them in messages.
  naturalKey: {
    field: 'ref',
    column: 'ref',
    type: 'text',
    label: 'capacity offer',
    find: findByParentRef({ table: 'capacity_offer', parentColumn: 'warehouse_id', parents: '(select id, slug as k from overseas_warehouse)' }),
  },
  fields: capacityOfferFields,

  checkRecord(raw, index, findings, scope) {
    const r = openRecord(findings, raw, { path: `${KEY}[${index}]`, key: keyOf(raw, 'ref') }, NAMES, scope);
    if (!r) return undefined;
    checkFields(capacityOfferFields, r);
    const v = r.values;
    // Dates as given (the checks gave days), where they are dates.
    const day = (f: string) => (v[f] === undefined ? undefined : (r.record[f] as string));
    const input: Partial<CapacityOfferInput> = {
      quantity: v.quantity as string | undefined,
      availableFrom: day('availableFrom'),
      availableTo: day('availableTo'),
      storagePrice: v.storagePrice as string | undefined,
      inboundFee: v.inboundFee as string | undefined,
      outboundFee: v.outboundFee as string | undefined,
      freeDays: v.freeDays as number | undefined,
      minQuantity: v.minQuantity as string | undefined,
      minTermDays: v.minTermDays as number | undefined,
      services: v.services as WarehouseService[],
    };
    apiChecks(r, (p) => checkOfferFields(p, [], input, todayInChina()));
    const warehouse = v.warehouseSlug as string | undefined;
    const ref = v.ref as string | undefined;
    if (warehouse === undefined) return undefined;
    // The warehouse must store the storage class and offer the services (in the file, or stored).
    r.ref('warehouses', warehouse, 'warehouseSlug', (info, report) => {
      const w = info as { storage_classes: string[]; services: string[] };
      const p = new Problems();
      if (v.storageClass !== undefined) storedByWarehouse(p, ['storageClass'], v.storageClass as string, w.storage_classes);
      offeredByWarehouse(p, ['services'], v.services as string[], w.services);
      for (const e of p.list) report(e.field!.join('.'), e.message);
      return undefined;
    });
    if (ref === undefined) return undefined;
    r.unique('offer', offerKey(warehouse, ref), 'ref');
    return { key: offerKey(warehouse, ref) };
  },

  async checkStored(records, tx, findings) {
    // The offers stored under the file's (warehouse, ref) pairs, locked (in ID order) until the import's writes.
    const stored = await exec<{ warehouse: string; ref: string; unit: string; storage_class: string; currency: string; held: string }>(
      tx.em,
      sql`select w.slug as warehouse, o.ref, o.unit, o.storage_class, o.currency, o.held_quantity::text as held
        from unnest(${sql.array(
          records.map((r) => r.warehouseSlug),
          'text',
        )}, ${sql.array(
          records.map((r) => r.ref),
          'text',
        )}) k(warehouse, ref)
        join overseas_warehouse w on w.slug = k.warehouse join capacity_offer o on o.warehouse_id = w.id and o.ref = k.ref
        order by o.id for update of o`,
    );
    const byKey = new Map(stored.map((s) => [offerKey(s.warehouse, s.ref), s]));
    const today = todayInChina();
    records.forEach((r, i) => {
      const p = new Problems();
      const s = byKey.get(offerKey(r.warehouseSlug, r.ref));
      if (!s) startsTodayOrLater(p, ['availableFrom'], r.availableFrom, today);
      else {
        const kept = [
          ['unit', s.unit, r.unit],
          ['storageClass', s.storage_class, r.storageClass],
          ['currency', s.currency, currencyOf(r.currency)],
        ] as const;
        for (const [f, was, now] of kept) {
          if (was !== now) p.add([f], `cannot change from ${was} to ${now}: the offer "${r.ref}" is stored already (give a new offer another ref)`);
        }
        notBelowHeld(p, ['quantity'], String(r.quantity), s.held);
      }
      for (const e of p.list) findings.add({ path: `${KEY}[${i}]`, key: r.ref }, e.field!.join('.'), e.message);
    });
  },

  async write(records, tx) {
    // New offers are inserted (their IDs in file order), stored ones updated where a value changed
    // (unit, storage class and currency stay); CBM per unit is the warehouse's own factor, and the
    // database fills the copies of the warehouse's columns (trigger copy_from_warehouse).
    const rows = records.map((r) => rowOf(r, tx.options));
    const spec = {
      table: 'capacity_offer',
      parentColumn: 'warehouse_id',
      parentTable: 'overseas_warehouse',
      columns: COLUMNS,
      unchanged: [...UNCHANGED],
      computed: [['cbm_per_unit', cbmPerUnitSql('v.unit', 'p')]] as const,
    };
    tx.count('capacity_offer', await upsertByParentRef(tx.em, spec, rows));
  },
};
