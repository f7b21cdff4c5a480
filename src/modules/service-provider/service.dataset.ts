import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/** Service providers and their published offerings (src/datasets/spec.ts); never contacts. */
export const serviceProvidersDataset: DatasetSpec = {
  name: 'service-providers',
  type: 'ServiceProvider',
  query: 'serviceProviders',
  title: { zh: '跨境电商服务商', en: 'Cross-border e-commerce service providers' },
  description: {
    zh: '为跨境电商提供服务的机构：服务类别、服务市场、语言与简介。',
    en: 'Providers of services to cross-border e-commerce: service categories, markets served, languages and profile.',
  },
  keywords: { zh: ['服务商', '综合服务'], en: ['service providers', 'services'] },
  frequency: 'WEEKLY',
  from: 'service_provider t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('ServiceProvider', 't.id')),
    idColumn(globalIdSql('Enterprise', 't.enterprise_id'), 'enterprise', '所属企业', 'Global ID of the enterprise behind it (enterprises dataset)'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('categories', '服务类别', 'Service categories (ServiceCategory values)', 'text[]'),
    column('markets', '服务市场', 'Markets served (ISO 3166-1 alpha-2, or EU)', 'code[]'),
    column('languages', '语言', 'Languages (ISO 639-1)', 'code[]'),
    column('descriptionZh', '中文简介', 'Profile in Chinese'),
    column('descriptionEn', '英文简介', 'Profile in English'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['service-offerings', 'enterprises'],
};

/** PUBLISHED offerings only, as an anonymous caller of serviceOfferings sees them. */
export const serviceOfferingsDataset: DatasetSpec = {
  name: 'service-offerings',
  type: 'ServiceOffering',
  query: 'serviceOfferings',
  title: { zh: '服务产品', en: 'Service offerings' },
  description: {
    zh: '服务商发布的服务产品：类别、市场、语言、资质、价格区间与办理时效（仅已发布，不含联系人）。',
    en: 'Services offered by the providers: category, markets, languages, certifications, price range and turnaround (published offerings only, no contacts).',
  },
  keywords: { zh: ['服务', '报价'], en: ['service offerings', 'prices'] },
  frequency: 'DAILY',
  from: 'service_offering t',
  where: "t.status = 'PUBLISHED'",
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('ServiceOffering', 't.id')),
    idColumn(globalIdSql('ServiceProvider', 't.provider_id'), 'provider', '服务商', 'Global ID of its provider (service-providers dataset)'),
    column('ref', '编号', "The provider's reference"),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('descriptionZh', '中文描述', 'Description in Chinese'),
    column('descriptionEn', '英文描述', 'Description in English'),
    column('category', '服务类别', 'Service category (ServiceCategory)'),
    column('markets', '服务市场', 'Markets served (ISO 3166-1 alpha-2, or EU)', 'code[]'),
    column('languages', '语言', 'Languages (ISO 639-1)', 'code[]'),
    column('certifications', '资质', 'Certifications', 'text[]'),
    column('priceMin', '最低价', 'Lowest price (exact decimal)', 'decimal'),
    column('priceMax', '最高价', 'Highest price (exact decimal)', 'decimal'),
    column('currency', '币种', 'Currency (ISO 4217)', 'code'),
    column('priceUnit', '计价单位', 'What the price is per'),
    column('turnaroundDays', '办理时效（天）', 'Turnaround in days', 'int'),
    column('status', '状态', 'Status (always PUBLISHED here)'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['service-providers'],
};
