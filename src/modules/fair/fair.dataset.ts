import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/*
 * The trade fair as open data (src/datasets/spec.ts): editions, exhibitors and published listings
 * of every edition. Never contacts, drafts, withdrawn listings, meetings or who booked a slot. (An
 * edition's own file for the fair app's first sync is /fair/editions/<slug>.ndjson: fair.export.ts.)
 */

const SYNC = column('syncVersion', '同步版本', 'Sync version of the record (fairSync); a decimal integer as text', 'text', 't.sync_version');

export const fairEditionsDataset: DatasetSpec = {
  name: 'fair-editions',
  type: 'FairEdition',
  query: 'fairEditions',
  title: { zh: '跨境电商交易会届次', en: 'Trade fair editions' },
  description: {
    zh: '跨境电商交易会的各届：名称、起止日期、场馆、地址与时区。',
    en: 'Editions of the cross-border e-commerce trade fair: names, dates, venue, address and time zone.',
  },
  keywords: { zh: ['交易会', '展会'], en: ['trade fair', 'editions'] },
  frequency: 'IRREG',
  from: 'fair_edition t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('FairEdition', 't.id')),
    column('slug', '标识名', 'Stable short name'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('startsOn', '开幕日期', 'First day (YYYY-MM-DD)', 'date'),
    column('endsOn', '闭幕日期', 'Last day (YYYY-MM-DD)', 'date'),
    column('venueZh', '场馆（中文）', 'Venue in Chinese'),
    column('venueEn', '场馆（英文）', 'Venue in English'),
    column('address', '地址', 'Address'),
    column('timeZone', '时区', 'IANA time zone'),
    SYNC,
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['fair-exhibitors', 'fair-listings'],
};

export const fairExhibitorsDataset: DatasetSpec = {
  name: 'fair-exhibitors',
  type: 'FairExhibitor',
  query: 'fairExhibitors',
  title: { zh: '交易会参展商', en: 'Trade fair exhibitors' },
  description: {
    zh: '各届交易会的参展商：所属企业、展馆与展位、产业带、产品类别、目标市场与简介（不含联系人）。',
    en: 'Exhibitors of each fair edition: enterprise, hall and booth, industrial belt, product categories, target markets and profile (no contacts).',
  },
  keywords: { zh: ['交易会', '参展商'], en: ['trade fair', 'exhibitors'] },
  frequency: 'DAILY',
  from: 'fair_exhibitor t join fair_edition e on e.id = t.edition_id left join fair_hall h on h.id = t.hall_id left join industrial_belt b on b.id = t.belt_id',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('FairExhibitor', 't.id')),
    column('edition', '届次', 'Slug of its edition (fair-editions dataset)', 'text', 'e.slug'),
    idColumn(globalIdSql('Enterprise', 't.enterprise_id'), 'enterprise', '企业', 'Global ID of the enterprise (enterprises dataset)'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('hall', '展馆', 'Code of its hall', 'code', 'h.code'),
    column('booth', '展位', 'Booth'),
    column('belt', '产业带', 'Slug of its industrial belt (industrial-belts dataset)', 'text', 'b.slug'),
    column('productCategories', '产品类别', 'Slugs of its product categories (product-categories dataset)', 'text[]'),
    column('targetMarkets', '目标市场', 'Target markets (ISO 3166-1 alpha-2, or EU)', 'code[]'),
    column('profileZh', '中文简介', 'Profile in Chinese'),
    column('profileEn', '英文简介', 'Profile in English'),
    SYNC,
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['fair-editions', 'fair-listings', 'enterprises'],
};

export const fairListingsDataset: DatasetSpec = {
  name: 'fair-listings',
  type: 'FairListing',
  query: 'fairListings',
  title: { zh: '交易会供采信息', en: 'Trade fair listings' },
  description: {
    zh: '交易会上发布的供应与采购信息：类型、名称与描述、发布企业、参展商、产品类别、HS 编码、起订量、价格区间、交期、目标市场、认证与关键词（仅已发布）。',
    en: 'Offers and sourcing requests published at the fair: kind, name and description, owner, exhibitor, product category, HS code, minimum order, price range, lead time, markets, certifications and keywords (published listings only).',
  },
  keywords: { zh: ['交易会', '供采对接', '产品'], en: ['trade fair', 'listings', 'sourcing', 'products'] },
  frequency: 'CONT',
  from: 'fair_listing t join fair_edition e on e.id = t.edition_id join product_category c on c.id = t.category_id',
  where: "t.status = 'PUBLISHED'",
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('FairListing', 't.id')),
    column('edition', '届次', 'Slug of its edition (fair-editions dataset)', 'text', 'e.slug'),
    column('kind', '类型', 'OFFER or REQUEST (FairListingKind)'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('descriptionZh', '中文描述', 'Description in Chinese'),
    column('descriptionEn', '英文描述', 'Description in English'),
    idColumn(globalIdSql('Enterprise', 't.owner_id'), 'owner', '发布企业', 'Global ID of the enterprise that published it'),
    idColumn(globalIdSql('FairExhibitor', 't.exhibitor_id'), 'exhibitor', '参展商', 'Global ID of its exhibitor, if any (fair-exhibitors dataset)'),
    column('category', '产品类别', 'Slug of its product category (product-categories dataset)', 'text', 'c.slug'),
    column('hsCode', 'HS编码', 'HS 2022 subheading, six digits (hs-codes dataset)', 'code'),
    column('minQuantity', '起订量', 'Minimum order quantity (exact decimal)', 'decimal'),
    column('quantityUnit', '数量单位', 'Unit of the quantity'),
    column('priceMin', '最低价', 'Lowest price (exact decimal)', 'decimal'),
    column('priceMax', '最高价', 'Highest price (exact decimal)', 'decimal'),
    column('currency', '币种', 'Currency (ISO 4217)', 'code'),
    column('leadTimeDays', '交期（天）', 'Lead time in days', 'int'),
    column('targetMarkets', '目标市场', 'Target markets (ISO 3166-1 alpha-2, or EU)', 'code[]'),
    column('certifications', '认证', 'Certifications', 'text[]'),
    column('imageUrls', '图片', 'Image URLs', 'text[]'),
    column('keywords', '关键词', 'Keywords', 'text[]'),
    column('publishedAt', '发布时间', 'When it was published (ISO 8601, UTC)', 'datetime'),
    SYNC,
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['fair-editions', 'fair-exhibitors', 'product-categories', 'hs-codes'],
};
