import { INT4_MAX } from '../../graphql/ids';
import { bool, children, decimal, field, int, manyOf, oneOf, sampleFlag, text, year, type FieldHooks, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { countryCodes, districtCode } from '../reference/reference.import';
import { creditCodeError } from './credit-code';
import { BrandKind, Certification, EnterpriseRole, SalesChannel } from './enterprise.enums';

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

export const annualFigureFields = {
  year: year({
    min: 2000,
    unique: 'year',
    then(y, r) {
      const founded = r.parent?.values.foundedYear as number | undefined;
      if (y !== undefined && founded !== undefined && (y as number) < founded) r.problem('year', `is before the enterprise was founded (${founded})`);
    },
  }),
  cbecTransactionsCny: decimal({ precision: 18, scale: 2 }),
  importsCny: decimal({ precision: 18, scale: 2 }),
  exportsCny: decimal({ precision: 18, scale: 2 }),
};

export type AnnualFigureRecord = RecordOf<typeof annualFigureFields>;

export const brandFields = {
  nameZh: text({ max: 120 }),
  nameEn: text({ max: 120, unique: 'brand' }),
  kind: oneOf(BrandKind, 'BrandKind'),
  overseasTrademarkCountries: countryCodes(),
  hasInternationalCertification: bool(),
  patentCount: int({ min: 0, max: INT4_MAX, optional: true, default: 0 }),
};

export type BrandRecord = RecordOf<typeof brandFields>;

export const enterpriseFields = {
  creditCode: creditCode(),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  /** Where the enterprise is today; the credit code's region part may be an older code. */
  districtCode: districtCode(),
  roles: manyOf(EnterpriseRole, 'EnterpriseRole', { nonEmpty: true }),
  certifications: manyOf(Certification, 'Certification'),
  targetMarkets: countryCodes(),
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
