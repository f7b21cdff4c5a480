import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';
import { targetMarketsSql } from './enterprise.types';

/** The enterprises as open data (src/datasets/spec.ts): every enterprise, without contacts (the type has none). */
export const enterprisesDataset: DatasetSpec = {
  name: 'enterprises',
  type: 'Enterprise',
  query: 'enterprises',
  title: { zh: '跨境电商经营主体', en: 'Cross-border e-commerce enterprises' },
  description: {
    zh: '重庆跨境电商生态中的经营主体：统一社会信用代码、名称、所在区县、角色、认证、出口市场、进口来源市场、服务市场、海关监管方式、销售渠道与成立年份。',
    en: "Enterprises of Chongqing's cross-border e-commerce ecosystem: unified social credit code, names, district, roles, certifications, export markets, import source markets, served markets, customs modes, sales channels and founding year.",
  },
  keywords: { zh: ['企业', '跨境电商', '经营主体'], en: ['enterprises', 'cross-border e-commerce', 'companies'] },
  frequency: 'CONT',
  from: 'enterprise t',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('Enterprise', 't.id')),
    column('creditCode', '统一社会信用代码', 'Unified social credit code (18 characters, GB 32100)', 'code'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('districtCode', '区县代码', 'Code of the district it is registered in (districts dataset)', 'code'),
    column('roles', '角色', 'Its roles in the ecosystem (EnterpriseRole values)', 'text[]'),
    column('certifications', '认证', 'Certifications held', 'text[]'),
    column(
      'targetMarkets',
      '目标市场',
      'Deprecated: the union of exportMarkets, importSourceMarkets and servedMarkets (ISO 3166-1 alpha-2 codes)',
      'code[]',
      targetMarketsSql('t'),
    ),
    column('exportMarkets', '出口市场', 'Countries it exports to (ISO 3166-1 alpha-2 codes)', 'code[]'),
    column('importSourceMarkets', '进口来源市场', 'Countries it imports from (ISO 3166-1 alpha-2 codes)', 'code[]'),
    column(
      'servedMarkets',
      '服务市场',
      'Countries where it serves other firms: platforms, carriers, payment and service firms (ISO 3166-1 alpha-2 codes)',
      'code[]',
    ),
    column('customsModes', '海关监管方式', 'Customs modes it trades under (CustomsMode values: 9610, 1210, 9710, 9810)', 'text[]'),
    column('salesChannels', '销售渠道', 'Sales channels', 'text[]'),
    column('foundedYear', '成立年份', 'Year founded', 'int'),
    column('website', '网站', 'Website'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['districts', 'countries'],
};
