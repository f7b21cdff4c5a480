import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/** Industrial parks and the space they let (src/datasets/spec.ts). */
export const industrialParksDataset: DatasetSpec = {
  name: 'industrial-parks',
  type: 'IndustrialPark',
  query: 'industrialParks',
  title: { zh: '跨境电商产业园区', en: 'Cross-border e-commerce industrial parks' },
  description: {
    zh: '跨境电商产业园区与孵化基地：类型、认定级别、所在区县与开放区域、地址、坐标、面积、公共服务与开园年份。',
    en: 'Cross-border e-commerce industrial parks and incubators: kind, designation, district and zone, address, coordinates, area, public services and opening year.',
  },
  keywords: { zh: ['产业园区', '孵化基地'], en: ['industrial parks', 'incubators'] },
  frequency: 'MONTHLY',
  from: 'industrial_park t left join zone z on z.id = t.zone_id',
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('IndustrialPark', 't.id')),
    column('slug', '标识名', 'Stable short name'),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('kind', '类型', 'Kind of park (ParkKind)'),
    column('designation', '认定级别', 'Designation (ParkDesignation)'),
    column('districtCode', '区县代码', 'District code (districts dataset)', 'code'),
    column('zone', '开放区域', 'Slug of the zone it lies in (zones dataset)', 'text', 'z.slug'),
    column('addressZh', '地址', 'Address in Chinese'),
    column('latitude', '纬度', 'Latitude (WGS 84)', 'float'),
    column('longitude', '经度', 'Longitude (WGS 84)', 'float'),
    column('areaM2', '面积（平方米）', 'Area in square metres', 'int'),
    column('publicServices', '公共服务', 'Public services offered', 'text[]'),
    column('openedYear', '开园年份', 'Year opened', 'int'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['park-spaces', 'districts', 'zones'],
};

/** Space to let in the parks: AVAILABLE spaces, as the parkSpaces query lists them by default; never the contact. */
export const parkSpacesDataset: DatasetSpec = {
  name: 'park-spaces',
  type: 'ParkSpace',
  query: 'parkSpaces',
  title: { zh: '园区空间', en: 'Park space' },
  description: {
    zh: '产业园区中可租用的办公、仓储与直播空间：面积、楼层、月租金、起租日期与最短租期与状态（可租、已租、已撤下，与接口对匿名调用者公开的一致；不含联系人）。',
    en: 'Offices, storage and studios to let in the industrial parks: area, floor, monthly rent, availability, minimum term and status (available, let or withdrawn, as the API shows anyone; no contacts).',
  },
  keywords: { zh: ['园区', '租赁', '空间'], en: ['park space', 'lettings', 'offices'] },
  frequency: 'DAILY',
  from: 'park_space t',
  // Every space, with its status, as the parkSpaces query shows anyone who asks for each status
  // (its default is AVAILABLE): the change feed follows the same rows, a status change is an UPDATE.
  where: 'true',
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('ParkSpace', 't.id')),
    idColumn(globalIdSql('IndustrialPark', 't.park_id'), 'park', '所属园区', 'Global ID of its park (industrial-parks dataset)'),
    column('ref', '编号', "The operator's reference"),
    column('nameZh', '中文名称', 'Name in Chinese'),
    column('nameEn', '英文名称', 'Name in English'),
    column('descriptionZh', '中文描述', 'Description in Chinese'),
    column('descriptionEn', '英文描述', 'Description in English'),
    column('kind', '类型', 'Kind of space (ParkSpaceKind)'),
    column('areaM2', '面积（平方米）', 'Area in square metres', 'int'),
    column('minDivisibleM2', '最小可分割面积', 'Smallest part let on its own, square metres', 'int'),
    column('floor', '楼层', 'Floor', 'int'),
    column('monthlyRentPerM2', '月租金（元/平方米）', 'Monthly rent per square metre, CNY (exact decimal)', 'decimal'),
    column('availableFrom', '起租日期', 'Available from (YYYY-MM-DD)', 'date'),
    column('minTermMonths', '最短租期（月）', 'Minimum term in months', 'int'),
    column('status', '状态', 'Status (ParkSpaceStatus)'),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['industrial-parks'],
};
