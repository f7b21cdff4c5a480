import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/core';
import { validateDataset, normaliseDecimal, type ExistingKeys } from './import.validation';
import {
  ImportValidationError,
  type Dataset,
  type ImportCounts,
  type ImportOptions,
  type ImportResult,
  type Money,
} from './import.types';

/*
 * The one import path. Validation first (every problem, nothing written), then one transaction of
 * multi-row statements in dependency order. Upserts go by natural key and only touch rows whose
 * values changed (`… do update … where (…) is distinct from (…)`), so re-running an import neither
 * duplicates rows nor bumps `updated_at` on unchanged ones – the delta-sync `updatedSince` filter
 * stays honest.
 *
 * SQL goes through the ORM connection with `?` placeholders; the ORM quotes values itself
 * (PostgreSQL literal escaping), so statement size, not the 65,535-parameter limit, bounds a chunk.
 */

/** Rows per multi-row statement: big enough to be fast, small enough to keep statements < ~2 MB. */
const CHUNK = 1000;

type Row = unknown[];

/** A PostgreSQL array literal for a text[] column ('{"a","b"}'); quoted element by element. */
export function pgTextArray(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return '{}';
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function dec(v: Money | null | undefined, precision: number, scale: number): string | null {
  if (v === undefined || v === null) return null;
  const { value, error } = normaliseDecimal(v, precision, scale);
  if (error) throw new Error(`unvalidated decimal: ${error}`); // validation ran first; this is a bug guard
  return value!;
}

const nz = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const q = (id: string) => `"${id}"`;

/** Thin SQL helper bound to one transaction. */
class Sql {
  constructor(private readonly em: EntityManager) {}

  async all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.em.getConnection().execute(sql, params, 'all', this.em.getTransactionContext())) as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    const res = (await this.em.getConnection().execute(sql, params, 'run', this.em.getTransactionContext())) as { affectedRows: number };
    return res.affectedRows ?? 0;
  }

  /**
   * Multi-row upsert. `casts` gives a column's SQL type where a literal needs one (text[] columns).
   * Returns the number of rows inserted or changed.
   */
  async upsert(
    table: string,
    cols: string[],
    rows: Row[],
    conflict: string[],
    o: { casts?: Record<string, string>; timestamps?: boolean; doNothing?: boolean } = {},
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const timestamps = o.timestamps ?? true;
    const placeholders = `(${cols.map((c) => (o.casts?.[c] ? `?::${o.casts[c]}` : '?')).join(', ')})`;
    const updatable = cols.filter((c) => !conflict.includes(c));
    let onConflict: string;
    if (o.doNothing || updatable.length === 0) onConflict = `on conflict (${conflict.map(q).join(', ')}) do nothing`;
    else {
      onConflict =
        `on conflict (${conflict.map(q).join(', ')}) do update set ` +
        updatable.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ') +
        (timestamps ? `, "updated_at" = now()` : '') +
        ` where (${updatable.map((c) => `${q(table)}.${q(c)}`).join(', ')}) is distinct from (${updatable.map((c) => `excluded.${q(c)}`).join(', ')})`;
    }
    let n = 0;
    for (const part of chunks(rows)) {
      const sql = `insert into ${q(table)} (${cols.map(q).join(', ')}) values ${part.map(() => placeholders).join(', ')} ${onConflict}`;
      n += await this.run(sql, part.flat());
    }
    return n;
  }

  /** Plain multi-row insert (child rows without a natural key). */
  async insert(table: string, cols: string[], rows: Row[], casts: Record<string, string> = {}): Promise<number> {
    let n = 0;
    const placeholders = `(${cols.map((c) => (casts[c] ? `?::${casts[c]}` : '?')).join(', ')})`;
    for (const part of chunks(rows)) {
      n += await this.run(`insert into ${q(table)} (${cols.map(q).join(', ')}) values ${part.map(() => placeholders).join(', ')}`, part.flat());
    }
    return n;
  }

  /** id (or another column) by natural key, for the keys given. */
  async idsBy<K extends string | number>(table: string, keyCol: string, keys: K[], idCol = 'id'): Promise<Map<K, number>> {
    const out = new Map<K, number>();
    for (const part of chunks([...new Set(keys)], 5000)) {
      const rows = await this.all<Record<string, unknown>>(`select ${q(idCol)} as id, ${q(keyCol)} as k from ${q(table)} where ${q(keyCol)} in (?)`, [part]);
      for (const r of rows) out.set(r.k as K, Number(r.id));
    }
    return out;
  }

  /**
   * Deletes the children of the given parents whose key is not among `keep` ([parentId, ...key]).
   * This is what makes a nested array the complete set for its parent.
   */
  async deleteOthers(table: string, parentCol: string, parentIds: number[], keyCols: string[], keep: Row[]): Promise<number> {
    if (parentIds.length === 0) return 0;
    if (keep.length === 0) return this.run(`delete from ${q(table)} where ${q(parentCol)} in (?)`, [parentIds]);
    const tuple = `(${[parentCol, ...keyCols].map(q).join(', ')})`;
    const rowPh = `(${[parentCol, ...keyCols].map(() => '?').join(', ')})`;
    return this.run(
      `delete from ${q(table)} where ${q(parentCol)} in (?) and ${tuple} not in (${keep.map(() => rowPh).join(', ')})`,
      [parentIds, ...keep.flat()],
    );
  }
}

/** Answers the validator's questions about keys already in the database. */
export function databaseKeys(em: EntityManager): ExistingKeys {
  const conn = () => em.getConnection();
  const col = async (sql: string, keys: (string | number)[]): Promise<Record<string, unknown>[]> => {
    const out: Record<string, unknown>[] = [];
    for (const part of chunks(keys, 5000)) out.push(...((await conn().execute(sql, [part], 'all')) as Record<string, unknown>[]));
    return out;
  };
  const set = async (table: string, column: string, keys: string[]) =>
    new Set((await col(`select ${q(column)} as k from ${q(table)} where ${q(column)} in (?)`, keys)).map((r) => String(r.k)));
  return {
    districts: (codes) => set('district', 'code', codes),
    countries: (codes) => set('country', 'code', codes),
    zones: (slugs) => set('zone', 'slug', slugs),
    corridors: (slugs) => set('corridor', 'slug', slugs),
    productCategories: (slugs) => set('product_category', 'slug', slugs),
    policyMeasures: async (numbers) =>
      new Set((await col('select "number" as k from "policy_measure" where "number" in (?)', numbers)).map((r) => Number(r.k))),
    enterprises: async (codes) =>
      new Map((await col('select "credit_code" as k, "roles" from "enterprise" where "credit_code" in (?)', codes)).map((r) => [String(r.k), r.roles as string[]])),
  };
}

/**
 * Validates `dataset` (all of it, against itself and the database) and writes it in one
 * transaction. Throws `ImportValidationError` with every problem when anything is wrong; then
 * nothing is written. Idempotent: importing the same dataset twice leaves the same rows.
 */
export async function importDataset(em: EntityManager, dataset: Dataset, opts: ImportOptions = {}): Promise<ImportResult> {
  const t0 = performance.now();
  const issues = await validateDataset(dataset, databaseKeys(em));
  const t1 = performance.now();
  if (issues.length > 0) throw new ImportValidationError(issues);
  if (opts.dryRun) return { counts: {}, validateMs: t1 - t0, writeMs: 0 };
  const counts = await em.fork().transactional((tem) => writeDataset(new Sql(tem), dataset, opts.defaultIsSample ?? false));
  return { counts, validateMs: t1 - t0, writeMs: performance.now() - t1 };
}

async function writeDataset(db: Sql, ds: Dataset, defaultIsSample: boolean): Promise<ImportCounts> {
  const counts: ImportCounts = {};
  const add = (table: string, n: number) => {
    counts[table] = (counts[table] ?? 0) + n;
  };
  const sample = (v: boolean | undefined) => v ?? defaultIsSample;

  // ---- reference data
  if (ds.districts?.length) {
    add('district', await db.upsert('district', ['code', 'name_zh', 'name_en', 'kind', 'valid_from', 'valid_to', 'successor_codes', 'change_note'],
      ds.districts.map((d) => [d.code, d.nameZh, d.nameEn, d.kind, nz(d.validFrom), nz(d.validTo), pgTextArray(d.successorCodes), nz(d.changeNote)]),
      ['code'], { casts: { successor_codes: 'text[]' } }));
  }
  if (ds.countries?.length) {
    add('country', await db.upsert('country', ['code', 'name_zh', 'name_en', 'region', 'currency'],
      ds.countries.map((c) => [c.code, c.nameZh, c.nameEn, c.region, c.currency]), ['code']));
  }
  if (ds.zones?.length) {
    add('zone', await db.upsert('zone', ['slug', 'name_zh', 'name_en', 'kind', 'established_year', 'area_km2', 'note_zh'],
      ds.zones.map((z) => [z.slug, z.nameZh, z.nameEn, z.kind, nz(z.establishedYear), dec(z.areaKm2, 10, 2), nz(z.noteZh)]), ['slug']));
    const ids = await db.idsBy('zone', 'slug', ds.zones.map((z) => z.slug));
    const pairs = ds.zones.flatMap((z) => z.districtCodes.map((d) => [ids.get(z.slug)!, d]));
    await db.deleteOthers('zone_district', 'zone_id', [...ids.values()], ['district_code'], pairs);
    add('zone_district', await db.upsert('zone_district', ['zone_id', 'district_code'], pairs, ['zone_id', 'district_code'], { timestamps: false, doNothing: true }));
  }
  if (ds.corridors?.length) {
    add('corridor', await db.upsert('corridor', ['slug', 'name_zh', 'name_en', 'mode', 'origin_hub_zh', 'origin_hub_en', 'since_year'],
      ds.corridors.map((c) => [c.slug, c.nameZh, c.nameEn, c.mode, c.originHubZh, c.originHubEn, nz(c.sinceYear)]), ['slug']));
    const ids = await db.idsBy('corridor', 'slug', ds.corridors.map((c) => c.slug));
    const withLanes = ds.corridors.filter((c) => c.lanes !== undefined);
    const lanes = withLanes.flatMap((c) => c.lanes!.map((l) => [ids.get(c.slug)!, l.countryCode, l.cityEn, l.cityZh, l.transitDaysMin, l.transitDaysMax]));
    await db.deleteOthers('corridor_lane', 'corridor_id', withLanes.map((c) => ids.get(c.slug)!), ['country_code', 'city_en'], lanes.map((l) => l.slice(0, 3)));
    add('corridor_lane', await db.upsert('corridor_lane', ['corridor_id', 'country_code', 'city_en', 'city_zh', 'transit_days_min', 'transit_days_max'], lanes,
      ['corridor_id', 'country_code', 'city_en']));
  }
  if (ds.productCategories?.length) {
    // Parents before children: write level by level, resolving parent slugs to ids as we go.
    const bySlug = new Map(ds.productCategories.map((c) => [c.slug, c]));
    const depth = (slug: string): number => {
      const p = bySlug.get(slug)?.parentSlug;
      return p && bySlug.has(p) ? 1 + depth(p) : 0;
    };
    const levels = new Map<number, typeof ds.productCategories>();
    for (const c of ds.productCategories) levels.set(depth(c.slug), [...(levels.get(depth(c.slug)) ?? []), c]);
    for (const level of [...levels.keys()].sort((a, b) => a - b)) {
      const cats = levels.get(level)!;
      const parents = await db.idsBy('product_category', 'slug', cats.map((c) => c.parentSlug).filter((s): s is string => !!s));
      add('product_category', await db.upsert('product_category', ['slug', 'name_zh', 'name_en', 'parent_id'],
        cats.map((c) => [c.slug, c.nameZh, c.nameEn, c.parentSlug ? parents.get(c.parentSlug)! : null]), ['slug']));
    }
  }
  if (ds.policyMeasures?.length) {
    add('policy_measure', await db.upsert('policy_measure', ['number', 'title_zh', 'title_en', 'summary_zh', 'summary_en', 'responsible_units_zh', 'responsible_units_en'],
      ds.policyMeasures.map((m) => [m.number, m.titleZh, m.titleEn, m.summaryZh, m.summaryEn, pgTextArray(m.responsibleUnitsZh), pgTextArray(m.responsibleUnitsEn)]),
      ['number'], { casts: { responsible_units_zh: 'text[]', responsible_units_en: 'text[]' } }));
  }
  if (ds.policyTargets?.length) {
    add('policy_target', await db.upsert('policy_target', ['slug', 'measure_number', 'description_zh', 'description_en', 'metric', 'threshold_cny', 'target_value', 'strictly_above', 'target_year'],
      ds.policyTargets.map((t) => [t.slug, t.measureNumber, t.descriptionZh, t.descriptionEn, t.metric, dec(t.thresholdCny, 18, 2), t.targetValue, t.strictlyAbove ?? false, t.targetYear]),
      ['slug']));
  }

  // ---- enterprises and what hangs off them
  const enterpriseIds = new Map<string, number>();
  /** Ids for credit codes, fetched once per code whether the enterprise is in the dataset or already stored. */
  const entIds = async (codes: string[]): Promise<Map<string, number>> => {
    const need = [...new Set(codes)].filter((c) => !enterpriseIds.has(c));
    for (const [k, v] of await db.idsBy('enterprise', 'credit_code', need)) enterpriseIds.set(k, v);
    return enterpriseIds;
  };

  if (ds.enterprises?.length) {
    const ents = ds.enterprises;
    add('enterprise', await db.upsert('enterprise',
      ['credit_code', 'name_zh', 'name_en', 'district_code', 'roles', 'certifications', 'target_markets', 'sales_channels', 'founded_year', 'website', 'is_sample'],
      ents.map((e) => [e.creditCode, e.nameZh, e.nameEn, e.districtCode, pgTextArray(e.roles), pgTextArray(e.certifications), pgTextArray(e.targetMarkets),
        pgTextArray(e.salesChannels), nz(e.foundedYear), nz(e.website), sample(e.isSample)]),
      ['credit_code'], { casts: { roles: 'text[]', certifications: 'text[]', target_markets: 'text[]', sales_channels: 'text[]' } }));
    const ids = await entIds(ents.map((e) => e.creditCode));

    const withFigures = ents.filter((e) => e.annualFigures !== undefined);
    const figures = withFigures.flatMap((e) => e.annualFigures!.map((f) => [ids.get(e.creditCode)!, f.year,
      dec(f.cbecTransactionsCny, 18, 2), dec(f.importsCny, 18, 2), dec(f.exportsCny, 18, 2)]));
    await db.deleteOthers('enterprise_annual_figure', 'enterprise_id', withFigures.map((e) => ids.get(e.creditCode)!), ['year'], figures.map((f) => f.slice(0, 2)));
    add('enterprise_annual_figure', await db.upsert('enterprise_annual_figure', ['enterprise_id', 'year', 'cbec_transactions_cny', 'imports_cny', 'exports_cny'], figures, ['enterprise_id', 'year']));

    // Brands have no natural key in the table; an enterprise's brands are replaced only when they differ.
    const withBrands = ents.filter((e) => e.brands !== undefined);
    add('brand', await replaceChildSets(db, 'brand', 'enterprise_id',
      ['name_zh', 'name_en', 'kind', 'overseas_trademark_countries', 'has_international_certification', 'patent_count'], { overseas_trademark_countries: 'text[]' },
      withBrands.map((e) => ({
        parentId: ids.get(e.creditCode)!,
        rows: e.brands!.map((b) => [b.nameZh, b.nameEn, b.kind, b.overseasTrademarkCountries ?? [], b.hasInternationalCertification ?? false, b.patentCount ?? 0]),
      }))));
  }

  // ---- parks and tenancies
  if (ds.parks?.length) {
    const zoneIds = await db.idsBy('zone', 'slug', ds.parks.map((p) => p.zoneSlug).filter((s): s is string => !!s));
    add('industrial_park', await db.upsert('industrial_park',
      ['slug', 'name_zh', 'name_en', 'kind', 'designation', 'district_code', 'zone_id', 'address_zh', 'latitude', 'longitude', 'area_m2', 'public_services', 'opened_year', 'is_sample'],
      ds.parks.map((p) => [p.slug, p.nameZh, p.nameEn, p.kind, p.designation ?? 'NONE', p.districtCode, p.zoneSlug ? zoneIds.get(p.zoneSlug)! : null, nz(p.addressZh),
        p.latitude, p.longitude, nz(p.areaM2), pgTextArray(p.publicServices), nz(p.openedYear), sample(p.isSample)]),
      ['slug'], { casts: { public_services: 'text[]' } }));
    const ids = await db.idsBy('industrial_park', 'slug', ds.parks.map((p) => p.slug));
    const withTenants = ds.parks.filter((p) => p.tenants !== undefined);
    const ent = await entIds(withTenants.flatMap((p) => p.tenants!.map((t) => t.creditCode)));
    const rows = withTenants.flatMap((p) => p.tenants!.map((t) => [ids.get(p.slug)!, ent.get(t.creditCode)!, t.movedInOn, nz(t.movedOutOn)]));
    await db.deleteOthers('park_tenancy', 'park_id', withTenants.map((p) => ids.get(p.slug)!), ['enterprise_id'], rows.map((r) => r.slice(0, 2)));
    add('park_tenancy', await db.upsert('park_tenancy', ['park_id', 'enterprise_id', 'moved_in_on', 'moved_out_on'], rows, ['park_id', 'enterprise_id']));
  }

  // ---- belts
  if (ds.belts?.length) {
    add('industrial_belt', await db.upsert('industrial_belt', ['slug', 'name_zh', 'name_en', 'industry', 'on_national_transformation_base', 'transformation_base_name_zh', 'is_sample'],
      ds.belts.map((b) => [b.slug, b.nameZh, b.nameEn, b.industry, b.onNationalTransformationBase ?? false, nz(b.transformationBaseNameZh), sample(b.isSample)]), ['slug']));
    const ids = await db.idsBy('industrial_belt', 'slug', ds.belts.map((b) => b.slug));
    const districts = ds.belts.flatMap((b) => b.districtCodes.map((d) => [ids.get(b.slug)!, d]));
    await db.deleteOthers('industrial_belt_district', 'belt_id', [...ids.values()], ['district_code'], districts);
    add('industrial_belt_district', await db.upsert('industrial_belt_district', ['belt_id', 'district_code'], districts, ['belt_id', 'district_code'], { timestamps: false, doNothing: true }));

    const withMembers = ds.belts.filter((b) => b.members !== undefined);
    const ent = await entIds(withMembers.flatMap((b) => b.members!.map((m) => m.creditCode)));
    const members = withMembers.flatMap((b) => b.members!.map((m) => [ids.get(b.slug)!, ent.get(m.creditCode)!, m.isAnchor ?? false]));
    await db.deleteOthers('belt_membership', 'belt_id', withMembers.map((b) => ids.get(b.slug)!), ['enterprise_id'], members.map((m) => m.slice(0, 2)));
    add('belt_membership', await db.upsert('belt_membership', ['belt_id', 'enterprise_id', 'is_anchor'], members, ['belt_id', 'enterprise_id']));

    const withFigures = ds.belts.filter((b) => b.annualFigures !== undefined);
    const figures = withFigures.flatMap((b) => b.annualFigures!.map((f) => [ids.get(b.slug)!, f.year, dec(f.importExportCny, 18, 2)]));
    await db.deleteOthers('belt_annual_figure', 'belt_id', withFigures.map((b) => ids.get(b.slug)!), ['year'], figures.map((f) => f.slice(0, 2)));
    add('belt_annual_figure', await db.upsert('belt_annual_figure', ['belt_id', 'year', 'import_export_cny'], figures, ['belt_id', 'year']));
  }

  // ---- overseas warehouses
  if (ds.warehouses?.length) {
    const ent = await entIds(ds.warehouses.map((w) => w.operatorCreditCode));
    add('overseas_warehouse', await db.upsert('overseas_warehouse',
      ['slug', 'name_zh', 'name_en', 'operator_id', 'country_code', 'city_zh', 'city_en', 'address', 'latitude', 'longitude', 'is_public', 'area_m2',
        'capacity', 'capacity_unit', 'pallet_cbm', 'stack_height_m', 'storage_classes', 'services', 'currency', 'storage_price', 'storage_price_unit',
        'storage_price_period', 'inbound_fee', 'outbound_fee_per_order', 'free_storage_days', 'cutoff_time', 'dock_to_stock_hours', 'opened_year', 'is_sample'],
      ds.warehouses.map((w) => [w.slug, w.nameZh, w.nameEn, ent.get(w.operatorCreditCode)!, w.countryCode, w.cityZh, w.cityEn, w.address, w.latitude, w.longitude,
        w.isPublic ?? false, w.areaM2, dec(w.capacity, 14, 2), w.capacityUnit, dec(w.palletCbm ?? '1.380', 6, 3), dec(w.stackHeightM ?? '2.00', 5, 2),
        pgTextArray(w.storageClasses), pgTextArray(w.services), w.currency, dec(w.storagePrice, 12, 4), w.storagePriceUnit, w.storagePricePeriod,
        dec(w.inboundFee ?? 0, 12, 2), dec(w.outboundFeePerOrder ?? 0, 12, 2), w.freeStorageDays ?? 0, nz(w.cutoffTime), nz(w.dockToStockHours), nz(w.openedYear),
        sample(w.isSample)]),
      ['slug'], { casts: { storage_classes: 'text[]', services: 'text[]' } }));
    const ids = await db.idsBy('overseas_warehouse', 'slug', ds.warehouses.map((w) => w.slug));
    const withCorridors = ds.warehouses.filter((w) => w.corridors !== undefined);
    const corridorIds = await db.idsBy('corridor', 'slug', withCorridors.flatMap((w) => w.corridors!.map((c) => c.corridorSlug)));
    const rows = withCorridors.flatMap((w) => w.corridors!.map((c) => [ids.get(w.slug)!, corridorIds.get(c.corridorSlug)!, c.transitDays]));
    await db.deleteOthers('warehouse_corridor', 'warehouse_id', withCorridors.map((w) => ids.get(w.slug)!), ['corridor_id'], rows.map((r) => r.slice(0, 2)));
    add('warehouse_corridor', await db.upsert('warehouse_corridor', ['warehouse_id', 'corridor_id', 'transit_days'], rows, ['warehouse_id', 'corridor_id']));
  }

  // ---- service providers (one per enterprise)
  if (ds.serviceProviders?.length) {
    const ent = await entIds(ds.serviceProviders.map((s) => s.creditCode));
    add('service_provider', await db.upsert('service_provider',
      ['enterprise_id', 'name_zh', 'name_en', 'categories', 'markets', 'languages', 'description_zh', 'description_en', 'is_sample'],
      ds.serviceProviders.map((s) => [ent.get(s.creditCode)!, s.nameZh, s.nameEn, pgTextArray(s.categories), pgTextArray(s.markets), pgTextArray(s.languages),
        nz(s.descriptionZh), nz(s.descriptionEn), sample(s.isSample)]),
      ['enterprise_id'], { casts: { categories: 'text[]', markets: 'text[]', languages: 'text[]' } }));
  }

  // ---- talent bases and programmes
  if (ds.talentBases?.length) {
    add('talent_base', await db.upsert('talent_base',
      ['slug', 'name_zh', 'name_en', 'kind', 'host_institution_zh', 'host_institution_en', 'district_code', 'specialties', 'annual_training_capacity', 'is_sample'],
      ds.talentBases.map((t) => [t.slug, t.nameZh, t.nameEn, t.kind, t.hostInstitutionZh, t.hostInstitutionEn, t.districtCode, pgTextArray(t.specialties),
        t.annualTrainingCapacity, sample(t.isSample)]),
      ['slug'], { casts: { specialties: 'text[]' } }));
    const ids = await db.idsBy('talent_base', 'slug', ds.talentBases.map((t) => t.slug));
    add('talent_programme', await replaceChildSets(db, 'talent_programme', 'base_id', ['name_zh', 'name_en', 'duration_weeks', 'seats', 'next_start_on'], {},
      ds.talentBases.filter((t) => t.programmes !== undefined).map((t) => ({
        parentId: ids.get(t.slug)!,
        rows: t.programmes!.map((p) => [p.nameZh, p.nameEn, p.durationWeeks, p.seats, nz(p.nextStartOn)]),
      }))));
  }
  return counts;
}

/**
 * For child tables without a natural key (brands, programmes): compares each parent's stored rows
 * with the wanted ones (as JSON, order-insensitive) and replaces the set only where it differs, so
 * an unchanged re-import keeps ids and timestamps. Rows hold plain JS values; text[] columns
 * (named in `casts`) are arrays here and turned into array literals on insert.
 */
async function replaceChildSets(
  db: Sql,
  table: string,
  parentCol: string,
  cols: string[],
  casts: Record<string, string>,
  sets: { parentId: number; rows: Row[] }[],
): Promise<number> {
  if (sets.length === 0) return 0;
  const stored = new Map<number, string[]>();
  for (const part of chunks(sets.map((s) => s.parentId), 5000)) {
    const rows = await db.all<{ p: number; r: unknown }>(
      `select ${q(parentCol)} as p, json_build_array(${cols.map(q).join(', ')})::text as r from ${q(table)} where ${q(parentCol)} in (?)`,
      [part],
    );
    for (const r of rows) stored.set(Number(r.p), [...(stored.get(Number(r.p)) ?? []), JSON.stringify(JSON.parse(String(r.r)))]);
  }
  const render = (row: Row) => JSON.stringify(row.map((v) => (v === undefined ? null : v)));
  const changed = sets.filter((s) => {
    const want = s.rows.map(render).sort();
    const have = (stored.get(s.parentId) ?? []).sort();
    return want.length !== have.length || want.some((w, i) => w !== have[i]);
  });
  if (changed.length === 0) return 0;
  await db.run(`delete from ${q(table)} where ${q(parentCol)} in (?)`, [changed.map((s) => s.parentId)]);
  const arrayCols = new Set(Object.entries(casts).filter(([, t]) => t === 'text[]').map(([c]) => c));
  return db.insert(table, [parentCol, ...cols],
    changed.flatMap((s) => s.rows.map((r) => [s.parentId, ...r.map((v, i) => (arrayCols.has(cols[i]) ? pgTextArray(v as string[]) : v))])), casts);
}
