import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { list, manyOf, sampleFlag, text, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { creditCode } from '../enterprise/enterprise.import';
import { countryCodes } from '../reference/reference.import';
import { ServiceCategory } from './service-provider.enums';

/* Service offerings: one per enterprise, which is the provider. */

const LANGUAGE = /^[a-z]{2}$/;

export const serviceProviderFields = {
  /** The enterprise that offers the service; one offering per enterprise. */
  creditCode: creditCode({ ref: true, idOf: true, column: 'enterprise_id' }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  categories: manyOf(ServiceCategory, 'ServiceCategory', { nonEmpty: true }),
  markets: countryCodes(),
  /** ISO 639-1. */
  languages: list<string>({
    each(l, f, r) {
      if (typeof l !== 'string' || !LANGUAGE.test(l)) r.problem(f, `"${String(l)}" is not an ISO 639-1 language code (two small letters)`);
    },
  }),
  descriptionZh: text({ max: 5000, optional: true, freeText: true }),
  descriptionEn: text({ max: 5000, optional: true, freeText: true }),
  isSample: sampleFlag(),
};

export type ServiceProviderRecord = RecordOf<typeof serviceProviderFields>;

export const serviceProvidersImport = defineUnit({
  key: 'serviceProviders',
  table: 'service_provider',
  dependsOn: ['enterprises', 'countries'],
  fields: serviceProviderFields,
  // One provider per enterprise (unique in the table): the enterprise's credit code is the key,
  // found through the enterprise (the column holds its id), e.g. by service offerings' `provider`.
  naturalKey: {
    field: 'creditCode',
    unique: 'service provider for enterprise',
    label: 'service provider',
    find: async (em, keys) =>
      new Map(
        (
          await exec<{ k: string; id: number }>(
            em,
            sql`select e.credit_code as k, sp.id from service_provider sp join enterprise e on e.id = sp.enterprise_id where e.credit_code = any(${sql.array(keys, 'text')})`,
          )
        ).map((r) => [r.k, { id: r.id }]),
      ),
  },
});
