import type { CorridorLaneRecord, CorridorRecord } from '../../src/modules/reference/reference.import';
import { CorridorMode } from '../../src/modules/reference/reference.enums';

/*
 * The five corridors of measure 10 and the destinations they serve. Transit days are door-to-
 * warehouse estimates from Chongqing, kept consistent with shared/reference/chongqing-facts.md:
 * - rail (渝新欧): Duisburg 11–16 days; Russia via 满洲里 ~15 days; cities on the way sooner;
 * - 西部陆海新通道: ~2 days by rail to 钦州港, then Viet Nam ≤ 10, Manila ~10, Yangon 10–14; farther
 *   ports longer; Hanoi and Vientiane are reached overland (road via 凭祥, the China-Laos railway);
 * - 长江航运: ~10 days 果园港 → Shanghai, plus the ocean leg (Europe by sea 40–50 days in all);
 * - air cargo: 2–5 days; postal and express: consumer parcels, about a week to three.
 * City pairs (country, cityEn) are unique per corridor.
 */
const L = (countryCode: string, cityZh: string, cityEn: string, transitDaysMin: number, transitDaysMax: number): CorridorLaneRecord => ({
  countryCode, cityZh, cityEn, transitDaysMin, transitDaysMax,
});

export const CORRIDOR = {
  RAIL: 'china-europe-railway-express',
  LAND_SEA: 'new-international-land-sea-trade-corridor',
  YANGTZE: 'yangtze-river-shipping',
  AIR: 'air-cargo',
  POSTAL: 'postal-express',
} as const;

export const corridors: CorridorRecord[] = [
  {
    slug: CORRIDOR.RAIL,
    nameZh: '中欧班列（渝新欧）',
    nameEn: 'China-Europe Railway Express (Chongqing-Xinjiang-Europe)',
    mode: CorridorMode.RAIL,
    originHubZh: '团结村铁路集装箱中心站（沙坪坝区）',
    originHubEn: 'Tuanjiecun rail container hub (Shapingba District)',
    sinceYear: 2011,
    lanes: [
      L('KZ', '阿拉木图', 'Almaty', 6, 9),
      L('UZ', '塔什干', 'Tashkent', 9, 12),
      L('RU', '新西伯利亚', 'Novosibirsk', 10, 13),
      L('RU', '叶卡捷琳堡', 'Yekaterinburg', 12, 15),
      L('RU', '莫斯科', 'Moscow', 14, 17),
      L('BY', '明斯克', 'Minsk', 11, 15),
      L('PL', '华沙', 'Warsaw', 11, 15),
      L('CZ', '布拉格', 'Prague', 12, 16),
      L('HU', '布达佩斯', 'Budapest', 13, 17),
      L('DE', '杜伊斯堡', 'Duisburg', 11, 16),
      L('DE', '汉堡', 'Hamburg', 12, 17),
    ],
  },
  {
    slug: CORRIDOR.LAND_SEA,
    nameZh: '西部陆海新通道',
    nameEn: 'New International Land-Sea Trade Corridor',
    mode: CorridorMode.RAIL_SEA,
    originHubZh: '重庆（铁路至北部湾钦州港）',
    originHubEn: 'Chongqing, by rail to Qinzhou Port on the Beibu Gulf',
    sinceYear: null,
    lanes: [
      L('VN', '河内', 'Hanoi', 4, 6),
      L('LA', '万象', 'Vientiane', 4, 6),
      L('VN', '胡志明市', 'Ho Chi Minh City', 7, 10),
      L('TH', '曼谷', 'Bangkok', 7, 11),
      L('SG', '新加坡', 'Singapore', 8, 12),
      L('MY', '巴生港', 'Port Klang', 8, 12),
      L('PH', '马尼拉', 'Manila', 9, 11),
      L('MM', '仰光', 'Yangon', 10, 14),
      L('KH', '金边', 'Phnom Penh', 10, 14),
      L('ID', '雅加达', 'Jakarta', 10, 14),
      L('AE', '迪拜', 'Dubai', 20, 26),
      L('SA', '吉达', 'Jeddah', 22, 28),
      L('AU', '悉尼', 'Sydney', 22, 28),
    ],
  },
  {
    slug: CORRIDOR.YANGTZE,
    nameZh: '长江航运',
    nameEn: 'Yangtze River shipping',
    mode: CorridorMode.RIVER_SEA,
    originHubZh: '果园港',
    originHubEn: 'Guoyuan Port',
    sinceYear: null,
    lanes: [
      L('KR', '釜山', 'Busan', 13, 17),
      L('JP', '大阪', 'Osaka', 14, 18),
      L('JP', '东京', 'Tokyo', 14, 19),
      L('US', '洛杉矶', 'Los Angeles', 26, 32),
      L('CA', '温哥华', 'Vancouver', 25, 31),
      L('AU', '墨尔本', 'Melbourne', 28, 36),
      L('AE', '迪拜', 'Dubai', 28, 34),
      L('NL', '鹿特丹', 'Rotterdam', 45, 55),
      L('DE', '汉堡', 'Hamburg', 46, 56),
      L('GB', '费利克斯托', 'Felixstowe', 46, 56),
    ],
  },
  {
    slug: CORRIDOR.AIR,
    nameZh: '航空货运',
    nameEn: 'Air cargo',
    mode: CorridorMode.AIR,
    originHubZh: '重庆江北国际机场',
    originHubEn: 'Chongqing Jiangbei International Airport',
    sinceYear: null,
    lanes: [
      L('SG', '新加坡', 'Singapore', 2, 3),
      L('TH', '曼谷', 'Bangkok', 2, 3),
      L('MY', '吉隆坡', 'Kuala Lumpur', 2, 3),
      L('JP', '东京', 'Tokyo', 2, 3),
      L('KR', '首尔', 'Seoul', 2, 3),
      L('RU', '莫斯科', 'Moscow', 2, 4),
      L('DE', '法兰克福', 'Frankfurt', 2, 4),
      L('NL', '阿姆斯特丹', 'Amsterdam', 2, 4),
      L('BE', '列日', 'Liège', 2, 4),
      L('GB', '伦敦', 'London', 2, 4),
      L('HU', '布达佩斯', 'Budapest', 3, 5),
      L('AE', '迪拜', 'Dubai', 2, 4),
      L('SA', '利雅得', 'Riyadh', 3, 5),
      L('US', '洛杉矶', 'Los Angeles', 3, 5),
      L('US', '芝加哥', 'Chicago', 3, 5),
      L('US', '纽约', 'New York', 3, 5),
      L('CA', '温哥华', 'Vancouver', 3, 5),
      L('MX', '墨西哥城', 'Mexico City', 4, 5),
      L('BR', '圣保罗', 'São Paulo', 4, 5),
      L('AU', '悉尼', 'Sydney', 3, 5),
    ],
  },
  {
    slug: CORRIDOR.POSTAL,
    nameZh: '邮政快递',
    nameEn: 'Postal and express',
    mode: CorridorMode.POSTAL_EXPRESS,
    originHubZh: '重庆国际邮件快件处理中心（江北国际机场、团结村）',
    originHubEn: 'Chongqing international mail and express processing (Jiangbei Airport, Tuanjiecun)',
    sinceYear: null,
    lanes: [
      L('KR', '首尔', 'Seoul', 4, 6),
      L('JP', '东京', 'Tokyo', 4, 7),
      L('TH', '曼谷', 'Bangkok', 5, 8),
      L('MY', '吉隆坡', 'Kuala Lumpur', 5, 8),
      L('PH', '马尼拉', 'Manila', 6, 9),
      L('ID', '雅加达', 'Jakarta', 6, 10),
      L('AE', '迪拜', 'Dubai', 6, 10),
      L('SA', '利雅得', 'Riyadh', 8, 12),
      L('GB', '伦敦', 'London', 6, 10),
      L('FR', '巴黎', 'Paris', 6, 10),
      L('DE', '法兰克福', 'Frankfurt', 6, 10),
      L('ES', '马德里', 'Madrid', 7, 12),
      L('IT', '米兰', 'Milan', 7, 12),
      L('PL', '华沙', 'Warsaw', 8, 13),
      L('RU', '莫斯科', 'Moscow', 10, 18),
      L('US', '洛杉矶', 'Los Angeles', 7, 12),
      L('US', '纽约', 'New York', 8, 14),
      L('MX', '墨西哥城', 'Mexico City', 10, 16),
      L('BR', '圣保罗', 'São Paulo', 12, 20),
      L('CL', '圣地亚哥', 'Santiago', 12, 20),
      L('AU', '悉尼', 'Sydney', 7, 12),
    ],
  },
];
