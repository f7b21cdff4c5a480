import type { CustomsOfficeRecord } from '../../src/modules/filing/filing.import';

/*
 * Customs districts (直属海关关区) a warehouse can be filed with, by district code (关区代码): four
 * digits, the first two the direct customs office, `00` the district as a whole. Only codes confirmed
 * in two places are listed (checked 2026-12-02); Chengdu (成都, 7900 in one list) is left out until a
 * second source confirms it. Sources:
 * - [A] the customs district code table (关区参数代码表) as published at https://www.365area.com/customs/6
 *   (0900 大连), https://365area.com/customs/26 (4300 济南) and its worked examples (2200 上海海关, 2300 南京海关),
 *   with the rule "four digits, the first two the direct customs office";
 * - [B] a customs office list in a public repository's seed data (direct districts 0200 … 9900, among
 *   them 8000 重庆关区, 2200, 2300, 0900, 4600, 5100);
 * - [C] the declaring-customs codes of a cross-border payment SDK (yiji openapi, PaymentBillV2OrderRequest:
 *   "8000：重庆关区 8001：重庆海关 … 4600：郑州关区 5100：广州海关").
 * Names in English are the offices' usual English names; cities are where each office sits.
 */
export const customsOffices: CustomsOfficeRecord[] = [
  // [B] [C]: the district of Chongqing Customs, the home of this API's warehouses' operators.
  { code: '8000', nameZh: '重庆海关', nameEn: 'Chongqing Customs', cityZh: '重庆', cityEn: 'Chongqing' },
  // [A] [B]
  { code: '0900', nameZh: '大连海关', nameEn: 'Dalian Customs', cityZh: '大连', cityEn: 'Dalian' },
  // [A] [B]
  { code: '2200', nameZh: '上海海关', nameEn: 'Shanghai Customs', cityZh: '上海', cityEn: 'Shanghai' },
  // [A] [B]
  { code: '2300', nameZh: '南京海关', nameEn: 'Nanjing Customs', cityZh: '南京', cityEn: 'Nanjing' },
  // [A] (the table's own page), with the same numbering rule as the others.
  { code: '4300', nameZh: '济南海关', nameEn: 'Jinan Customs', cityZh: '济南', cityEn: 'Jinan' },
  // [B] [C]
  { code: '4600', nameZh: '郑州海关', nameEn: 'Zhengzhou Customs', cityZh: '郑州', cityEn: 'Zhengzhou' },
  // [B] [C]
  { code: '5100', nameZh: '广州海关', nameEn: 'Guangzhou Customs', cityZh: '广州', cityEn: 'Guangzhou' },
];
