import type { ZoneRecord } from '../../src/modules/reference/reference.import';
import { ZoneKind } from '../../src/modules/reference/reference.enums';

/*
 * Bonded and customs infrastructure and functional zones, from shared/reference/chongqing-facts.md.
 * ✔ facts are data; ~ facts are kept out of the columns (establishedYear/areaKm2 left null) and
 * named in `noteZh` as unverified. Zones in old 江北/渝北 list both the old codes and 500157, so a
 * lookup by either the credit-code region or today's district finds them.
 */
export const zones: ZoneRecord[] = [
  {
    slug: 'lianglu-cuntan-bonded-port-area', nameZh: '两路寸滩保税港区', nameEn: 'Lianglu-Cuntan Bonded Port Area',
    kind: ZoneKind.BONDED_PORT_AREA, establishedYear: 2008, areaKm2: '8.37',
    noteZh: '全国首个内陆保税港区。寸滩港区片区原属江北区、两路空港片区原属渝北区，2026年起属两江新区。',
    districtCodes: ['500105', '500112', '500157'],
  },
  {
    slug: 'xiyong-comprehensive-bonded-zone', nameZh: '西永综合保税区', nameEn: 'Xiyong Comprehensive Bonded Zone',
    kind: ZoneKind.COMPREHENSIVE_BONDED_ZONE, establishedYear: null, areaKm2: null,
    noteZh: '未核实：设立年份（2010年）仅见单一来源，面积未收录。',
    districtCodes: ['500106'],
  },
  {
    slug: 'jiangjin-comprehensive-bonded-zone', nameZh: '江津综合保税区', nameEn: 'Jiangjin Comprehensive Bonded Zone',
    kind: ZoneKind.COMPREHENSIVE_BONDED_ZONE, establishedYear: 2017, areaKm2: '2.21',
    districtCodes: ['500116'],
  },
  {
    slug: 'fuling-comprehensive-bonded-zone', nameZh: '涪陵综合保税区', nameEn: 'Fuling Comprehensive Bonded Zone',
    kind: ZoneKind.COMPREHENSIVE_BONDED_ZONE, establishedYear: null, areaKm2: null,
    noteZh: '未核实：仅见单一来源，设立年份与面积未收录。',
    districtCodes: ['500102'],
  },
  {
    slug: 'wanzhou-comprehensive-bonded-zone', nameZh: '万州综合保税区', nameEn: 'Wanzhou Comprehensive Bonded Zone',
    kind: ZoneKind.COMPREHENSIVE_BONDED_ZONE, establishedYear: 2021, areaKm2: '1.85',
    districtCodes: ['500101'],
  },
  {
    slug: 'yongchuan-comprehensive-bonded-zone', nameZh: '永川综合保税区', nameEn: 'Yongchuan Comprehensive Bonded Zone',
    kind: ZoneKind.COMPREHENSIVE_BONDED_ZONE, establishedYear: 2021, areaKm2: '1.11',
    districtCodes: ['500118'],
  },
  {
    slug: 'chongqing-international-railway-port-cbz', nameZh: '重庆国际铁路港综合保税区', nameEn: 'Chongqing International Railway Port Comprehensive Bonded Zone',
    kind: ZoneKind.COMPREHENSIVE_BONDED_ZONE, establishedYear: 2024, areaKm2: '0.75',
    noteZh: '位于团结村铁路枢纽（沙坪坝区），中欧班列（渝新欧）始发地。',
    districtCodes: ['500106'],
  },
  {
    slug: 'chongqing-railway-bonded-logistics-centre-b', nameZh: '重庆铁路保税物流中心(B型)', nameEn: 'Chongqing Railway Bonded Logistics Centre (Type B)',
    kind: ZoneKind.B_TYPE_BONDED_LOGISTICS_CENTRE, establishedYear: null, areaKm2: null,
    noteZh: 'A地块用于跨境电商及公共仓储。',
    districtCodes: ['500106'],
  },
  {
    slug: 'nanpeng-road-bonded-logistics-centre-b', nameZh: '南彭公路保税物流中心(B型)', nameEn: 'Nanpeng Road Bonded Logistics Centre (Type B)',
    kind: ZoneKind.B_TYPE_BONDED_LOGISTICS_CENTRE, establishedYear: null, areaKm2: null,
    districtCodes: ['500113'],
  },
  {
    slug: 'liangjiang-new-area', nameZh: '两江新区', nameEn: 'Liangjiang New Area',
    kind: ZoneKind.NATIONAL_NEW_AREA, establishedYear: null, areaKm2: null,
    noteZh: '国家级新区；2026年1月1日起同时为行政区（见行政区划500157，代码未核实）。范围含原江北区、渝北区大部及北碚区部分区域。',
    districtCodes: ['500105', '500112', '500109', '500157'],
  },
  {
    slug: 'western-science-city-chongqing-high-tech-zone', nameZh: '西部科学城重庆高新区', nameEn: 'Western (Chongqing) Science City Chongqing High-tech Zone',
    kind: ZoneKind.HIGH_TECH_ZONE, establishedYear: null, areaKm2: null,
    noteZh: '未核实：所涉沙坪坝区、九龙坡区部分区域仅见单一来源。',
    districtCodes: ['500106', '500107'],
  },
  {
    slug: 'wansheng-economic-development-zone', nameZh: '万盛经开区', nameEn: 'Wansheng Economic and Technological Development Zone',
    kind: ZoneKind.ECONOMIC_DEVELOPMENT_ZONE, establishedYear: null, areaKm2: null,
    noteZh: '位于綦江区境内。',
    districtCodes: ['500110'],
  },
];
