import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { keyOf, openRecord } from '../../import/checks';
import { checkFields, date, field, int, oneOf, sampleFlag, text, type Field, type RecordOf } from '../../import/fields';
import type { ImportUnit } from '../../import/unit';
import { findByParentRef, type ImportTx } from '../../import/write';
import { creditCode } from '../enterprise/enterprise.import';
import { checkContact, Problems } from '../matchmaking/matchmaking.validation';
import { apiChecks, contact } from '../matchmaking/offer.import';
import { districtInForceToday } from '../reference/reference.import';
import { ServiceCategory, ServiceNeedStatus, ServiceOfferingStatus } from './service-provider.enums';
import {
  checkNeedFields,
  checkOfferingFields,
  needMatchColumns,
  NEED_DESCRIPTION_MAX,
  NEED_TITLE_MAX,
  OFFERING_DESCRIPTION_EN_MAX,
  OFFERING_DESCRIPTION_ZH_MAX,
  OFFERING_NAME_EN_MAX,
  OFFERING_NAME_ZH_MAX,
  REF_MAX,
  TURNAROUND_DAYS_MAX,
} from './service.validation';

/*
 * Service offerings (`serviceOfferings`) and saved service needs (`serviceNeeds`) from a file, with
 * the API's checks (service.validation.ts): an offering is named by its provider (the provider
 * enterprise's credit code) and its `ref`, a need by its enterprise and its `ref`. Importing the
 * same records again updates the rows whose values changed and leaves the others; a record left out
 * of a later file is never deleted (an offering leaves the market by being withdrawn, through the
 * API or with `status: WITHDRAWN` in a file). An import announces nothing: it is a bulk load.
 */

/** A value the API's checks decide on (lists, price, budget): present or not, checked with the whole record. */
function apiValue<T>(): Field<T, true> {
  return field<T, true>({ optional: true, check: (r, f) => (r.present(f) ? r.record[f] : undefined) });
}

const refField = () => text({ max: REF_MAX, pattern: /^[A-Za-z0-9_.:-]+$/, what: 'letters, digits or _ . : -' });

/** Rows per statement: one jsonb parameter each, so only the statement's size bounds it. */
const CHUNK = 1000;

/**
 * Writes rows through `insert … select from jsonb_to_recordset … on conflict (key) do update` where
 * a value changed (new rows' IDs in file order); counts the rows written.
 */
async function upsertRows(
  tx: ImportTx,
  table: string,
  columns: readonly (readonly [string, string])[],
  owner: { column: string; from: string },
  conflict: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const names = columns.map(([c]) => c);
  const updated = names.filter((c) => c !== 'ref');
  const recordset = sql.raw(['n int', 'owner text', ...columns.map(([c, t]) => `${c} ${t}`)].join(', '));
  const list = (prefix: string, cs: readonly string[]) => sql.raw(cs.map((c) => `${prefix}${c}`).join(', '));
  let n = 0;
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK).map((r, i) => ({ n: i, ...r }));
    const written = await exec(
      tx.em,
      sql`insert into ${sql.ident(table)} (${sql.raw(owner.column)}, ${list('', names)})
        select x.id, ${list('v.', names)}
        from jsonb_to_recordset(${sql.typed(JSON.stringify(chunk), 'jsonb')}) as v(${recordset})
        join ${sql.raw(owner.from)} on x.k = v.owner order by v.n
        on conflict (${sql.raw(conflict)}) do update set ${sql.raw(updated.map((c) => `${c} = excluded.${c}`).join(', '))}, updated_at = now()
        where (${list(`${table}.`, updated)}) is distinct from (${list('excluded.', updated)})
        returning 1`,
    );
    n += written.length;
  }
  tx.count(table, n);
}

// ---------------------------------------------------------------------------------------------
// Offerings

const OFFERINGS = 'serviceOfferings';

export const serviceOfferingFields = {
  /** The provider: its enterprise's unified social credit code. */
  provider: creditCode(),
  /** The provider's key for the offering: importing the same one again updates it. */
  ref: refField(),
  /** Default PUBLISHED. */
  status: oneOf(ServiceOfferingStatus, 'ServiceOfferingStatus', { optional: true }),
  nameZh: text({ max: OFFERING_NAME_ZH_MAX }),
  nameEn: text({ max: OFFERING_NAME_EN_MAX }),
  descriptionZh: text({ max: OFFERING_DESCRIPTION_ZH_MAX, optional: true, freeText: true }),
  descriptionEn: text({ max: OFFERING_DESCRIPTION_EN_MAX, optional: true, freeText: true }),
  category: oneOf(ServiceCategory, 'ServiceCategory'),
  /** ISO 3166-1 alpha-2 or EU; as the API takes them. */
  markets: apiValue<string[]>(),
  /** ISO 639-1. */
  languages: apiValue<string[]>(),
  certifications: apiValue<string[]>(),
  /** `{ min, max, currency, unit }` as ServicePriceInput. */
  price: apiValue<{ min?: string | number | null; max?: string | number | null; currency?: string | null; unit: string }>(),
  turnaroundDays: int({ min: 0, max: TURNAROUND_DAYS_MAX, optional: true }),
  contact: contact(),
  isSample: sampleFlag(),
};
export type ServiceOfferingRecord = RecordOf<typeof serviceOfferingFields>;

const amountText = (v: string | number | null | undefined) => (v == null ? v : String(v));
/** A record's API-checked parts, normalised as the API stores them. */
const checkedOffering = (r: Partial<ServiceOfferingRecord>, p: Problems) =>
  checkOfferingFields(
    {
      markets: r.markets,
      languages: r.languages,
      certifications: r.certifications,
      price: r.price ? { ...r.price, min: amountText(r.price.min), max: amountText(r.price.max) } : r.price,
    },
    p,
  );

const OFFERING_COLUMNS = [
  ['ref', 'text'],
  ['status', 'text'],
  ['name_zh', 'text'],
  ['name_en', 'text'],
  ['description_zh', 'text'],
  ['description_en', 'text'],
  ['category', 'text'],
  ['markets', 'text[]'],
  ['languages', 'text[]'],
  ['certifications', 'text[]'],
  ['price_min', 'numeric'],
  ['price_max', 'numeric'],
  ['currency', 'text'],
  ['price_unit', 'text'],
  ['turnaround_days', 'int'],
  ['contact_name', 'text'],
  ['contact_email', 'text'],
  ['contact_phone', 'text'],
  ['is_sample', 'bool'],
] as const;

export const serviceOfferingsImport: ImportUnit<ServiceOfferingRecord, typeof OFFERINGS> = {
  key: OFFERINGS,
  table: 'service_offering',
  dependsOn: ['serviceProviders'],
  // Offerings are found by (provider, ref), and no unit points at them: the key names them in messages.
  naturalKey: {
    field: 'ref',
    column: 'ref',
    type: 'text',
    label: 'service offering',
    find: findByParentRef({
      table: 'service_offering',
      parentColumn: 'provider_id',
      parents: '(select sp.id, e.credit_code as k from service_provider sp join enterprise e on e.id = sp.enterprise_id)',
    }),
  },
  fields: serviceOfferingFields,

  checkRecord(raw, index, findings, scope) {
    const r = openRecord(findings, raw, { path: `${OFFERINGS}[${index}]`, key: keyOf(raw, 'ref') }, Object.keys(serviceOfferingFields), scope);
    if (!r) return undefined;
    checkFields(serviceOfferingFields, r);
    const v = r.values as Partial<ServiceOfferingRecord>;
    apiChecks(r, (p) => checkedOffering(v, p));
    if (v.provider === undefined || v.ref === undefined) return undefined;
    r.ref('serviceProviders', v.provider, 'provider');
    const key = `${v.provider}/${v.ref}`;
    r.unique('service offering', key, 'ref');
    return { key };
  },

  async write(records, tx) {
    const rows = records.map((r) => {
      const f = checkedOffering(r, new Problems());
      const c = checkContact(new Problems(), [], r.contact);
      return {
        owner: r.provider,
        ref: r.ref,
        status: r.status ?? ServiceOfferingStatus.PUBLISHED,
        name_zh: r.nameZh,
        name_en: r.nameEn,
        description_zh: r.descriptionZh ?? null,
        description_en: r.descriptionEn ?? null,
        category: r.category,
        markets: f.markets ?? [],
        languages: f.languages ?? [],
        certifications: f.certifications ?? [],
        price_min: f.price?.min ?? null,
        price_max: f.price?.max ?? null,
        currency: f.price?.currency ?? null,
        price_unit: f.price?.unit ?? null,
        turnaround_days: r.turnaroundDays ?? null,
        contact_name: c.name,
        contact_email: c.email,
        contact_phone: c.phone,
        is_sample: r.isSample ?? tx.options.defaultIsSample,
      };
    });
    await upsertRows(
      tx,
      'service_offering',
      OFFERING_COLUMNS,
      { column: 'provider_id', from: '(select sp.id, e.credit_code as k from service_provider sp join enterprise e on e.id = sp.enterprise_id) x' },
      'provider_id, ref',
      rows,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Needs

const NEEDS = 'serviceNeeds';

export const serviceNeedFields = {
  /** The enterprise that needs the services: its unified social credit code. */
  enterprise: creditCode({ ref: true }),
  /** The enterprise's key for the need: importing the same one again updates it. */
  ref: refField(),
  /** Default OPEN. */
  status: oneOf(ServiceNeedStatus, 'ServiceNeedStatus', { optional: true }),
  title: text({ max: NEED_TITLE_MAX }),
  description: text({ max: NEED_DESCRIPTION_MAX, optional: true, freeText: true }),
  categories: apiValue<string[]>(),
  markets: apiValue<string[]>(),
  languages: apiValue<string[]>(),
  certifications: apiValue<string[]>(),
  /** `{ max, currency, unit }` as ServiceBudgetInput. */
  budget: apiValue<{ max: string | number; currency?: string | null; unit: string }>(),
  /** A need past its deadline is kept, and matched no more. */
  deadline: date({ optional: true }),
  /** A Chongqing district code (GB/T 2260). */
  district: text({ max: 6, optional: true }),
  isSample: sampleFlag(),
};
export type ServiceNeedRecord = RecordOf<typeof serviceNeedFields>;

const checkedNeed = (r: Partial<ServiceNeedRecord>, p: Problems) =>
  checkNeedFields(
    {
      categories: r.categories ?? undefined,
      markets: r.markets,
      languages: r.languages,
      certifications: r.certifications,
      budget: r.budget ? { ...r.budget, max: String(r.budget.max) } : r.budget,
    },
    p,
    [],
    null,
  );

const NEED_COLUMNS = [
  ['ref', 'text'],
  ['status', 'text'],
  ['title', 'text'],
  ['description', 'text'],
  ['categories', 'text[]'],
  ['markets', 'text[]'],
  ['languages', 'text[]'],
  ['certifications', 'text[]'],
  ['budget_max', 'numeric'],
  ['budget_currency', 'text'],
  ['budget_unit', 'text'],
  ['deadline', 'date'],
  ['district_code', 'text'],
  ['is_sample', 'bool'],
] as const;

export const serviceNeedsImport: ImportUnit<ServiceNeedRecord, typeof NEEDS> = {
  key: NEEDS,
  table: 'service_need',
  dependsOn: ['enterprises', 'districts'],
  naturalKey: {
    field: 'ref',
    column: 'ref',
    type: 'text',
    label: 'service need',
    find: findByParentRef({ table: 'service_need', parentColumn: 'owner_id', parents: '(select id, credit_code as k from enterprise)' }),
  },
  fields: serviceNeedFields,

  checkRecord(raw, index, findings, scope) {
    const r = openRecord(findings, raw, { path: `${NEEDS}[${index}]`, key: keyOf(raw, 'ref') }, Object.keys(serviceNeedFields), scope);
    if (!r) return undefined;
    checkFields(serviceNeedFields, r);
    const v = r.values as Partial<ServiceNeedRecord>;
    if (!r.present('categories')) r.problem('categories', 'is required: 1 to 8 services');
    apiChecks(r, (p) => checkedNeed(v, p));
    if (v.district != null) r.ref('districts', v.district, 'district', districtInForceToday);
    if (v.enterprise === undefined || v.ref === undefined) return undefined;
    const key = `${v.enterprise}/${v.ref}`;
    r.unique('service need', key, 'ref');
    return { key };
  },

  async write(records, tx) {
    const rows = records.map((r) => {
      const f = checkedNeed(r, new Problems());
      return {
        owner: r.enterprise,
        ref: r.ref,
        status: r.status ?? ServiceNeedStatus.OPEN,
        title: r.title,
        description: r.description ?? null,
        ...needMatchColumns(f),
        deadline: r.deadline ?? null,
        district_code: r.district ?? null,
        is_sample: r.isSample ?? tx.options.defaultIsSample,
      };
    });
    await upsertRows(tx, 'service_need', NEED_COLUMNS, { column: 'owner_id', from: '(select id, credit_code as k from enterprise) x' }, 'owner_id, ref', rows);
  },
};
