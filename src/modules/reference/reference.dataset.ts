import { column, type DatasetSpec, SAMPLE_AND_UPDATED, UPDATED } from '../../datasets/spec';

/*
 * The reference data as open datasets (src/datasets/spec.ts). It keeps its sources' terms (README,
 * "Licences"); the catalogue's licence is that of the API's own data.
 */

const NAMES = [column('nameZh', '中文名称', 'Name in Chinese'), column('nameEn', '英文名称', 'Name in English')];
const reference = (s: Omit<DatasetSpec, 'where' | 'updatedAt' | 'frequency'> & Partial<Pick<DatasetSpec, 'frequency'>>): DatasetSpec => ({
  frequency: 'IRREG',
  where: 'true',
  updatedAt: 't.updated_at',
  ...s,
});

export const referenceDatasets: DatasetSpec[] = [
  reference({
    name: 'districts',
    type: 'District',
    query: 'districts',
    title: { zh: '重庆市区县', en: 'Districts of Chongqing' },
    description: {
      zh: '重庆市的区县（行政区划代码）：类型、有效期、调整后的继承区县与调整说明。',
      en: 'The districts and counties of Chongqing (administrative division codes): kind, validity, successors after a change and a note on the change.',
    },
    keywords: { zh: ['行政区划', '区县'], en: ['districts', 'administrative divisions'] },
    from: 'district t',
    order: 't.code',
    columns: [
      column('code', '行政区划代码', 'Administrative division code (GB/T 2260, six digits)', 'code'),
      ...NAMES,
      column('kind', '类型', 'District or county (DistrictKind)'),
      column('validFrom', '生效日期', 'Valid from (YYYY-MM-DD)', 'date'),
      column('validTo', '失效日期', 'Valid until (YYYY-MM-DD), empty while current', 'date'),
      column('successorCodes', '继承区县代码', 'Codes that replaced it', 'code[]'),
      column('changeNote', '调整说明', 'Note on the change'),
      ...UPDATED,
    ],
  }),
  reference({
    name: 'zones',
    type: 'Zone',
    query: 'zones',
    title: { zh: '开放平台与功能区', en: 'Open platforms and zones' },
    description: {
      zh: '综合保税区、自贸试验区片区、跨境电商综试区等开放平台：类型、设立年份、面积与所含区县。',
      en: 'Comprehensive bonded zones, free-trade-zone areas, the cross-border e-commerce pilot zone and other open platforms: kind, year established, area and districts.',
    },
    keywords: { zh: ['综保区', '自贸区', '开放平台'], en: ['zones', 'bonded zones', 'free trade zone'] },
    from: 'zone t',
    order: 't.id',
    columns: [
      column('slug', '标识名', 'Stable short name'),
      ...NAMES,
      column('kind', '类型', 'Kind of zone (ZoneKind)'),
      column('establishedYear', '设立年份', 'Year established', 'int'),
      column('areaKm2', '面积（平方公里）', 'Area in square kilometres (exact decimal)', 'decimal'),
      column(
        'districts',
        '所含区县',
        'Codes of the districts it spans',
        'code[]',
        'array(select zd.district_code from zone_district zd where zd.zone_id = t.id order by 1)',
      ),
      column('noteZh', '说明', 'Note in Chinese'),
      ...UPDATED,
    ],
  }),
  reference({
    name: 'corridors',
    type: 'Corridor',
    query: 'corridors',
    title: { zh: '国际物流通道', en: 'International logistics corridors' },
    description: {
      zh: '重庆出发的国际物流通道（中欧班列、西部陆海新通道、航空等）：运输方式、始发枢纽与开通年份。',
      en: 'International logistics corridors from Chongqing (China-Europe Railway Express, the New Western Land-Sea Corridor, air and others): mode, origin hub and year opened.',
    },
    keywords: { zh: ['物流通道', '中欧班列', '陆海新通道'], en: ['corridors', 'logistics', 'rail'] },
    from: 'corridor t',
    order: 't.id',
    columns: [
      column('slug', '标识名', 'Stable short name'),
      ...NAMES,
      column('mode', '运输方式', 'Transport mode (CorridorMode)'),
      column('originHubZh', '始发枢纽（中文）', 'Origin hub in Chinese'),
      column('originHubEn', '始发枢纽（英文）', 'Origin hub in English'),
      column('sinceYear', '开通年份', 'Year opened', 'int'),
      ...UPDATED,
    ],
  }),
  reference({
    name: 'countries',
    type: 'Country',
    query: 'countries',
    title: { zh: '国家和地区', en: 'Countries and regions' },
    description: {
      zh: '国家和地区代码表（ISO 3166-1）：中英文名称、所在区域与法定货币。',
      en: 'Country codes (ISO 3166-1): names in Chinese and English, region and currency.',
    },
    keywords: { zh: ['国家', '代码表'], en: ['countries', 'ISO 3166'] },
    from: 'country t',
    order: 't.code',
    columns: [
      column('code', '国家代码', 'ISO 3166-1 alpha-2 code', 'code'),
      ...NAMES,
      column('region', '区域', 'Region'),
      column('currency', '货币', 'Currency (ISO 4217)', 'code'),
      ...UPDATED,
    ],
  }),
  reference({
    name: 'hs-codes',
    type: 'HsCode',
    query: 'hsCodes',
    title: { zh: 'HS 编码（2022 版子目）', en: 'HS codes (HS 2022 subheadings)' },
    description: {
      zh: '协调制度 2022 版的六位子目：所属章、品目与中英文描述。',
      en: 'The six-digit subheadings of the Harmonized System 2022: chapter, heading and descriptions in English and Chinese.',
    },
    keywords: { zh: ['HS编码', '商品编码', '海关'], en: ['HS codes', 'Harmonized System', 'customs'] },
    from: 'hs_subheading t',
    order: 't.code',
    columns: [
      column('code', '子目编码', 'Six-digit subheading code', 'code'),
      column('chapter', '章', 'Two-digit chapter', 'code', 't.chapter_code'),
      column('heading', '品目', 'Four-digit heading', 'code'),
      column('descriptionEn', '英文描述', 'Description in English'),
      column('descriptionZh', '中文描述', 'Description in Chinese, where known'),
      ...UPDATED,
    ],
  }),
  reference({
    name: 'product-categories',
    type: 'ProductCategory',
    query: 'productCategories',
    title: { zh: '产品类别', en: 'Product categories' },
    description: {
      zh: '跨境电商产品类别树：标识名、中英文名称与上级类别。',
      en: 'The tree of product categories: slug, names in Chinese and English, and parent category.',
    },
    keywords: { zh: ['产品类别', '分类'], en: ['product categories', 'taxonomy'] },
    from: 'product_category t left join product_category p on p.id = t.parent_id',
    order: 't.id',
    columns: [
      column('slug', '标识名', 'Stable short name'),
      ...NAMES,
      column('parent', '上级类别', 'Slug of the parent category, empty at the top', 'text', 'p.slug'),
      ...UPDATED,
    ],
  }),
  reference({
    name: 'exchange-rates',
    type: 'ExchangeRate',
    query: 'exchangeRates',
    title: { zh: '汇率', en: 'Exchange rates' },
    description: {
      zh: '撮合计价所用的汇率：基准货币、报价货币、汇率、日期与来源。',
      en: 'The exchange rates matchmaking prices with: base and quote currency, rate, date and source.',
    },
    keywords: { zh: ['汇率', '货币'], en: ['exchange rates', 'currencies'] },
    frequency: 'DAILY',
    from: 'exchange_rate t',
    order: 't.id',
    columns: [
      column('base', '基准货币', 'Base currency (ISO 4217)', 'code', 't.base_currency'),
      column('quote', '报价货币', 'Quote currency (ISO 4217)', 'code', 't.quote_currency'),
      column('rate', '汇率', 'Units of the quote currency for one of the base (exact decimal)', 'decimal'),
      column('rateDate', '日期', 'Date of the rate (YYYY-MM-DD)', 'date'),
      column('source', '来源', 'Who published it'),
      ...SAMPLE_AND_UPDATED,
    ],
  }),
];
