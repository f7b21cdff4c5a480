import { INT4_MAX } from '../../graphql/ids';
import type { RecordCheck } from '../../import/checks';
import { bool, children, decimal, field, int, manyOf, oneOf, sampleFlag, text, year, type Field, type FieldHooks, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { countryCode, countryCodes, districtCode } from '../reference/reference.import';
import { creditCodeError } from './credit-code';
import { BrandKind, Certification, CustomsMode, EnterpriseRole, SalesChannel, TradeDirection } from './enterprise.enums';

/* Enterprises by credit code, with their annual figures and brands; and the credit-code field kind. */

/**
 * A unified social credit code (GB 32100, check character validated). As a reference (`ref`) it
 * points at an enterprise of the dataset or the database, which must have `role` when one is
 * given; with `idOf`, the column holds that enterprise's id (null when an `optional` one is left out).
 */
export function creditCode<O extends boolean = false>(o: { ref?: boolean; role?: EnterpriseRole; idOf?: boolean; optional?: O } & FieldHooks = {}) {
  const { role } = o;
  return field<string, O>({
    ...o,
    optional: (o.optional ?? false) as O,
    sqlType: o.idOf ? 'int' : 'text',
    idOf: o.idOf ? 'enterprises' : undefined,
    check(r, f) {
      if (!r.present(f)) return o.optional ? undefined : void r.problem(f, 'is required');
      const v = r.record[f];
      const error = creditCodeError(v);
      if (error) return void r.problem(f, error);
      if (o.ref) {
        const withRole =
          role && ((roles: unknown) => ((roles as string[]).includes(role) ? undefined : `enterprise "${String(v)}" does not have the role ${role}`));
        r.ref('enterprises', v as string, f, withRole || undefined);
      }
      return v;
    },
  });
}

/** The year of an enterprise's figures: from 2000, and not before the enterprise was founded. */
function figureYear(o: { unique?: string } = {}) {
  return year({
    min: 2000,
    ...o,
    then(y, r) {
      const founded = r.parent?.values.foundedYear as number | undefined;
      if (y !== undefined && founded !== undefined && (y as number) < founded) r.problem('year', `is before the enterprise was founded (${founded})`);
    },
  });
}

export const annualFigureFields = {
  year: figureYear({ unique: 'year' }),
  cbecTransactionsCny: decimal({ precision: 18, scale: 2 }),
  importsCny: decimal({ precision: 18, scale: 2 }),
  exportsCny: decimal({ precision: 18, scale: 2 }),
};

export type AnnualFigureRecord = RecordOf<typeof annualFigureFields>;

/** A decimal string of at most 2 decimals as integer cents, exactly. */
function centsOf(v: unknown): bigint {
  const [whole, frac = ''] = String(v).split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '') || '0') * 100n + BigInt(`${frac}00`.slice(0, 2)));
}

/** Where a market figure's country must be listed on its enterprise. */
const MARKETS_OF: Record<TradeDirection, 'exportMarkets' | 'importSourceMarkets'> = { EXPORT: 'exportMarkets', IMPORT: 'importSourceMarkets' };

export const marketFigureFields = {
  year: figureYear(),
  direction: oneOf(TradeDirection, 'TradeDirection'),
  countryCode: countryCode({
    then(code, r) {
      const direction = r.values.direction as TradeDirection | undefined;
      if (code === undefined || direction === undefined || !r.parent) return;
      const markets = (r.parent.values[MARKETS_OF[direction]] as string[] | undefined) ?? [];
      if (!markets.includes(code as string))
        r.problem('countryCode', `"${String(code)}" has ${direction} figures but is not among the enterprise's ${MARKETS_OF[direction]}`);
    },
  }),
  amountCny: decimal({ precision: 18, scale: 2 }),
};

export type MarketFigureRecord = RecordOf<typeof marketFigureFields>;

/**
 * The market figures of a year and direction add up to at most the enterprise's annual exports
 * (or imports) of that year, which must be given: the rest is trade whose market was not reported.
 */
function checkMarketSums(value: unknown, r: RecordCheck, name: string): void {
  const figures = (value as MarketFigureRecord[] | undefined) ?? [];
  if (!figures.length) return;
  const annual = new Map(((r.values.annualFigures as AnnualFigureRecord[] | undefined) ?? []).map((a) => [a.year, a]));
  const sums = new Map<string, bigint>();
  for (const f of figures) {
    if (f.year === undefined || f.direction === undefined || f.amountCny === undefined) continue;
    const key = `${f.year} ${f.direction}`;
    sums.set(key, (sums.get(key) ?? 0n) + centsOf(f.amountCny));
  }
  for (const [key, sum] of sums) {
    const [y, direction] = key.split(' ');
    const a = annual.get(Number(y));
    if (!a) {
      r.problem(name, `has ${direction} figures for ${y} but annualFigures has no ${y}: give the year's totals too`);
      continue;
    }
    const total = centsOf(direction === TradeDirection.EXPORT ? a.exportsCny : a.importsCny);
    if (sum > total)
      r.problem(
        name,
        `${direction} figures for ${y} add up to more than the year's ${direction === TradeDirection.EXPORT ? 'exportsCny' : 'importsCny'} (${String(a[direction === TradeDirection.EXPORT ? 'exportsCny' : 'importsCny'])})`,
      );
  }
}

export const brandFields = {
  nameZh: text({ max: 120 }),
  nameEn: text({ max: 120, unique: 'brand' }),
  kind: oneOf(BrandKind, 'BrandKind'),
  overseasTrademarkCountries: countryCodes(),
  hasInternationalCertification: bool(),
  patentCount: int({ min: 0, max: INT4_MAX, optional: true, default: 0 }),
};

export type BrandRecord = RecordOf<typeof brandFields>;

/** The market-figures field, with the check of its sums against the annual totals. */
function withSumCheck<F extends Field<MarketFigureRecord[], true>>(f: F): F {
  return {
    ...f,
    check(r: RecordCheck, name: string) {
      const v = f.check(r, name);
      checkMarketSums(v, r, name);
      return v;
    },
  };
}

export const enterpriseFields = {
  creditCode: creditCode(),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  /** Where the enterprise is today; the credit code's region part may be an older code. */
  districtCode: districtCode(),
  roles: manyOf(EnterpriseRole, 'EnterpriseRole', { nonEmpty: true }),
  certifications: manyOf(Certification, 'Certification'),
  exportMarkets: countryCodes(),
  importSourceMarkets: countryCodes(),
  servedMarkets: countryCodes(),
  /**
   * Deprecated, no column: the union of the three above, as our downloads write it. Accepted so that
   * a downloaded file imports back; a market here that none of the three lists is refused (we
   * cannot tell which kind it is).
   */
  targetMarkets: countryCodes({
    column: null,
    then(v, r, name) {
      const known = new Set([r.values.exportMarkets, r.values.importSourceMarkets, r.values.servedMarkets].flatMap((m) => (m as string[] | undefined) ?? []));
      for (const [i, m] of ((v as string[] | undefined) ?? []).entries())
        if (typeof m === 'string' && !known.has(m))
          r.problem(
            `${name}[${i}]`,
            `"${m}" is in none of exportMarkets, importSourceMarkets and servedMarkets: targetMarkets is deprecated, list the market in one of them`,
          );
    },
  }),
  customsModes: manyOf(CustomsMode, 'CustomsMode'),
  salesChannels: manyOf(SalesChannel, 'SalesChannel'),
  foundedYear: year({ optional: true }),
  website: text({
    max: 300,
    optional: true,
    then(site, r) {
      if (site === undefined) return;
      let ok = false;
      try {
        const u = new URL(site as string);
        ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
      } catch {
        /* reported below */
      }
      if (!ok) r.problem('website', `"${String(site)}" is not an http(s) URL`);
    },
  }),
  isSample: sampleFlag(),
  annualFigures: children(annualFigureFields, { table: 'enterprise_annual_figure', parent: 'enterprise_id', by: ['year'] }),
  /** Exports and imports by country and year; after annualFigures, whose totals bound them. */
  marketFigures: withSumCheck(
    children(marketFigureFields, { table: 'enterprise_market_figure', parent: 'enterprise_id', by: ['year', 'direction', 'countryCode'] }),
  ),
  /** Brands have no natural key in the table: an enterprise's brands are replaced only when they differ. */
  brands: children(brandFields, { table: 'brand', parent: 'enterprise_id' }),
};

export type EnterpriseRecord = RecordOf<typeof enterpriseFields>;

export const enterprisesImport = defineUnit({
  key: 'enterprises',
  table: 'enterprise',
  dependsOn: ['districts', 'countries'],
  fields: enterpriseFields,
  naturalKey: {
    field: 'creditCode',
    unique: 'credit code',
    label: 'enterprise with credit code',
    // References may require a role (a warehouse's operator): the dataset's valid roles, or the stored ones.
    info: (values) => values.roles,
    infoColumn: 'roles',
  },
});
