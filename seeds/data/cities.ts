import type { CityRecord } from '../../src/modules/reference/reference.import';

/*
 * City centre points (城市中心点), the centres `near: { city }` measures from (geo.ts resolveNear).
 * Real reference data: each point is the usual centre coordinate of the city (its city hall or main
 * square), WGS 84, given from the compiler's knowledge of the map (not looked up in a geocoder),
 * rounded to 4 decimals: good to about a kilometre, enough for a `near` search, not for navigation.
 * The cities are every city of the sample gazetteer (seeds/sample/places.ts WAREHOUSE_CITIES, same
 * points and names; tests/data-quality/places.test.ts checks they agree), and Chongqing (重庆, the
 * centre of Yuzhong district), where the industrial parks are. Aliases are the city's name in the
 * local language as addresses write it (the gazetteer's localities that are the city itself, not a
 * district or suburb of it: Wilmington, Banksmeadow and Port Botany are left out).
 */
const SOURCE = "City centre (city hall or main square), from the compiler's knowledge of the map, good to about 1 km";

/** A city's English name as a slug part: no accents, lower case, hyphens (São Paulo → sao-paulo). */
export const citySlug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const city = (countryCode: string, nameZh: string, nameEn: string, latitude: number, longitude: number, aliases: string[] = []): CityRecord => ({
  slug: `${countryCode.toLowerCase()}-${citySlug(nameEn)}`,
  countryCode,
  nameZh,
  nameEn,
  aliases,
  latitude,
  longitude,
  source: SOURCE,
});

export const cities: CityRecord[] = [
  city('CN', '重庆', 'Chongqing', 29.563, 106.5516),
  city('DE', '杜伊斯堡', 'Duisburg', 51.4344, 6.7623),
  city('DE', '汉堡', 'Hamburg', 53.5511, 9.9937),
  city('DE', '法兰克福', 'Frankfurt', 50.1109, 8.6821, ['Frankfurt am Main']),
  city('NL', '鹿特丹', 'Rotterdam', 51.9244, 4.4777),
  city('NL', '阿姆斯特丹', 'Amsterdam', 52.3676, 4.9041),
  city('BE', '列日', 'Liège', 50.6326, 5.5797),
  city('GB', '伦敦', 'London', 51.5072, -0.1276),
  city('GB', '费利克斯托', 'Felixstowe', 51.9617, 1.3513),
  city('FR', '巴黎', 'Paris', 48.8566, 2.3522),
  city('ES', '马德里', 'Madrid', 40.4168, -3.7038),
  city('IT', '米兰', 'Milan', 45.4642, 9.19, ['Milano']),
  city('PL', '华沙', 'Warsaw', 52.2297, 21.0122, ['Warszawa']),
  city('CZ', '布拉格', 'Prague', 50.0755, 14.4378, ['Praha']),
  city('HU', '布达佩斯', 'Budapest', 47.4979, 19.0402),
  city('BY', '明斯克', 'Minsk', 53.9006, 27.559),
  city('RU', '莫斯科', 'Moscow', 55.7558, 37.6173),
  city('RU', '叶卡捷琳堡', 'Yekaterinburg', 56.8389, 60.6057),
  city('RU', '新西伯利亚', 'Novosibirsk', 55.0084, 82.9357),
  city('KZ', '阿拉木图', 'Almaty', 43.222, 76.8512),
  city('UZ', '塔什干', 'Tashkent', 41.2995, 69.2401),
  city('VN', '河内', 'Hanoi', 21.0278, 105.8342),
  city('VN', '胡志明市', 'Ho Chi Minh City', 10.8231, 106.6297),
  city('LA', '万象', 'Vientiane', 17.9757, 102.6331),
  city('TH', '曼谷', 'Bangkok', 13.7563, 100.5018),
  city('MY', '巴生港', 'Port Klang', 3, 101.4, ['Pelabuhan Klang']),
  city('MY', '吉隆坡', 'Kuala Lumpur', 3.139, 101.6869),
  city('SG', '新加坡', 'Singapore', 1.3521, 103.8198),
  city('ID', '雅加达', 'Jakarta', -6.2088, 106.8456),
  city('PH', '马尼拉', 'Manila', 14.5995, 120.9842),
  city('MM', '仰光', 'Yangon', 16.8409, 96.1735),
  city('KH', '金边', 'Phnom Penh', 11.5564, 104.9282),
  city('AE', '迪拜', 'Dubai', 25.2048, 55.2708),
  city('SA', '吉达', 'Jeddah', 21.4858, 39.1925),
  city('SA', '利雅得', 'Riyadh', 24.7136, 46.6753),
  city('JP', '东京', 'Tokyo', 35.6762, 139.6503),
  city('JP', '大阪', 'Osaka', 34.6937, 135.5023),
  city('KR', '首尔', 'Seoul', 37.5665, 126.978),
  city('KR', '釜山', 'Busan', 35.1796, 129.0756),
  city('AU', '悉尼', 'Sydney', -33.8688, 151.2093),
  city('AU', '墨尔本', 'Melbourne', -37.8136, 144.9631),
  city('US', '洛杉矶', 'Los Angeles', 34.0522, -118.2437),
  city('US', '芝加哥', 'Chicago', 41.8781, -87.6298),
  city('US', '纽约', 'New York', 40.7128, -74.006),
  city('CA', '温哥华', 'Vancouver', 49.2827, -123.1207),
  city('MX', '墨西哥城', 'Mexico City', 19.4326, -99.1332, ['Ciudad de México']),
  city('BR', '圣保罗', 'São Paulo', -23.5505, -46.6333),
  city('CL', '圣地亚哥', 'Santiago', -33.4489, -70.6693),
];
