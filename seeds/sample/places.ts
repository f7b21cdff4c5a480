/**
 * Places for sample records: cities where overseas warehouses sit (every one a destination of a
 * corridor lane, so warehouse-corridor rows follow from the lanes), with coordinates of the city's
 * logistics area and a street-address pattern in the local format; and park sites in Chongqing.
 * Streets are real industrial or port streets of each city; house numbers are invented.
 */

export interface WarehouseCity {
  countryCode: string;
  cityZh: string;
  cityEn: string;
  lat: number;
  lng: number;
  /** Local-format address for a house number and a street of `streets`. */
  address: (n: number, street: string) => string;
  streets: string[];
  /** Price-card currencies used there, most common first. */
  currencies: string[];
  /** Price level relative to the US (1.0), to keep storage prices sensible. */
  priceLevel: number;
}

const W = (
  countryCode: string, cityZh: string, cityEn: string, lat: number, lng: number, streets: string[],
  address: (n: number, s: string) => string, currencies: string[], priceLevel: number,
): WarehouseCity => ({ countryCode, cityZh, cityEn, lat, lng, streets, address, currencies, priceLevel });

const de = (zip: string, city: string) => (n: number, s: string) => `${s} ${n}, ${zip} ${city}`;
const us = (city: string, st: string, zip: string) => (n: number, s: string) => `${n} ${s}, ${city}, ${st} ${zip}`;
const en = (city: string, post: string) => (n: number, s: string) => `${n} ${s}, ${city} ${post}`;
const plain = (city: string, country: string) => (n: number, s: string) => `${n} ${s}, ${city}, ${country}`;

export const WAREHOUSE_CITIES: WarehouseCity[] = [
  W('DE', '杜伊斯堡', 'Duisburg', 51.4344, 6.7623, ['Hafenstraße', 'Am Blumenkampshof', 'Logport-Allee', 'Gartroper Straße'], de('47119', 'Duisburg'), ['EUR'], 0.85),
  W('DE', '汉堡', 'Hamburg', 53.5511, 9.9937, ['Am Windhukkai', 'Ellerholzdamm', 'Waltershofer Damm'], de('20457', 'Hamburg'), ['EUR'], 0.9),
  W('DE', '法兰克福', 'Frankfurt', 50.1109, 8.6821, ['Cargo City Süd', 'Hugo-Eckener-Ring', 'Kelsterbacher Straße'], de('60549', 'Frankfurt am Main'), ['EUR'], 0.95),
  W('NL', '鹿特丹', 'Rotterdam', 51.9244, 4.4777, ['Maasvlakteweg', 'Eemhavenweg', 'Waalhaven Zuidzijde'], (n, s) => `${s} ${n}, 3089 Rotterdam`, ['EUR'], 0.9),
  W('NL', '阿姆斯特丹', 'Amsterdam', 52.3676, 4.9041, ['Pudongweg', 'Anchoragelaan', 'Handelskade'], (n, s) => `${s} ${n}, 1437 Schiphol`, ['EUR'], 0.95),
  W('BE', '列日', 'Liège', 50.6326, 5.5797, ['Rue de l’Aéroport', 'Rue Saint-Exupéry'], (n, s) => `${s} ${n}, 4460 Grâce-Hollogne`, ['EUR'], 0.8),
  W('GB', '伦敦', 'London', 51.5072, -0.1276, ['Bath Road', 'Stockley Close', 'Horton Road'], en('London', 'UB7 0DB'), ['GBP'], 1.0),
  W('GB', '费利克斯托', 'Felixstowe', 51.9617, 1.3513, ['Dock Road', 'Walton Avenue', 'Clickett Hill Road'], en('Felixstowe', 'IP11 3QW'), ['GBP'], 0.85),
  W('FR', '巴黎', 'Paris', 48.8566, 2.3522, ['Rue du Noyer Lambert', 'Avenue de l’Europe'], (n, s) => `${n} ${s}, 95700 Roissy-en-France`, ['EUR'], 0.95),
  W('ES', '马德里', 'Madrid', 40.4168, -3.7038, ['Calle de la Ciudad de Frías', 'Avenida de Fuentemar'], (n, s) => `${s} ${n}, 28823 Coslada, Madrid`, ['EUR'], 0.75),
  W('IT', '米兰', 'Milan', 45.4642, 9.19, ['Via Emilia', 'Via Fratelli Bandiera'], (n, s) => `${s} ${n}, 20068 Peschiera Borromeo MI`, ['EUR'], 0.85),
  W('PL', '华沙', 'Warsaw', 52.2297, 21.0122, ['ul. Puławska', 'ul. Annopol', 'ul. Szyszkowa'], (n, s) => `${s} ${n}, 03-236 Warszawa`, ['EUR', 'PLN'], 0.6),
  W('CZ', '布拉格', 'Prague', 50.0755, 14.4378, ['Průmyslová', 'K Letišti'], (n, s) => `${s} ${n}, 252 61 Jeneč`, ['EUR', 'CZK'], 0.65),
  W('HU', '布达佩斯', 'Budapest', 47.4979, 19.0402, ['Gyömrői út', 'Határ út', 'Ferihegyi repülőtérre vezető út'], (n, s) => `1097 Budapest, ${s} ${n}.`, ['EUR', 'HUF'], 0.6),
  W('BY', '明斯克', 'Minsk', 53.9006, 27.559, ['Partizansky Avenue', 'Kolyadichi Street'], plain('Minsk', 'Belarus'), ['CNY', 'USD'], 0.45),
  W('RU', '莫斯科', 'Moscow', 55.7558, 37.6173, ['Ryabinovaya Ulitsa', 'Kashirskoye Shosse', 'Varshavskoye Shosse'], (n, s) => `${s}, ${n}, Moscow`, ['CNY', 'RUB'], 0.55),
  W('RU', '叶卡捷琳堡', 'Yekaterinburg', 56.8389, 60.6057, ['Ulitsa Bakinskikh Komissarov', 'Ulitsa Vostochnaya'], (n, s) => `${s}, ${n}, Yekaterinburg`, ['CNY', 'RUB'], 0.45),
  W('RU', '新西伯利亚', 'Novosibirsk', 55.0084, 82.9357, ['Ulitsa Petukhova', 'Tolmachevskoye Shosse'], (n, s) => `${s}, ${n}, Novosibirsk`, ['CNY', 'RUB'], 0.45),
  W('KZ', '阿拉木图', 'Almaty', 43.222, 76.8512, ['Kuldzhinsky Trakt', 'Ryskulov Avenue'], plain('Almaty', 'Kazakhstan'), ['CNY', 'USD'], 0.4),
  W('UZ', '塔什干', 'Tashkent', 41.2995, 69.2401, ['Sergeli Street', 'Bunyodkor Avenue'], plain('Tashkent', 'Uzbekistan'), ['USD', 'CNY'], 0.35),
  W('VN', '河内', 'Hanoi', 21.0278, 105.8342, ['Nguyen Van Linh', 'Quoc Lo 5'], plain('Long Bien, Hanoi', 'Viet Nam'), ['USD'], 0.35),
  W('VN', '胡志明市', 'Ho Chi Minh City', 10.8231, 106.6297, ['Nguyen Van Linh', 'Dong Van Cong'], plain('Thu Duc, Ho Chi Minh City', 'Viet Nam'), ['USD'], 0.35),
  W('LA', '万象', 'Vientiane', 17.9757, 102.6331, ['Thadeua Road', 'Route 13 South'], plain('Vientiane', 'Lao PDR'), ['USD', 'CNY'], 0.3),
  W('TH', '曼谷', 'Bangkok', 13.7563, 100.5018, ['Bangna-Trad Road', 'King Kaew Road'], (n, s) => `${n} ${s}, Bang Phli, Samut Prakan 10540`, ['THB', 'USD'], 0.4),
  W('MY', '巴生港', 'Port Klang', 3.0, 101.4, ['Jalan Pelabuhan Utara', 'Persiaran Sultan Ibrahim'], (n, s) => `${n} ${s}, 42000 Pelabuhan Klang, Selangor`, ['MYR', 'USD'], 0.4),
  W('MY', '吉隆坡', 'Kuala Lumpur', 3.139, 101.6869, ['Jalan KLIA S1', 'Jalan Kuchai Lama'], (n, s) => `${n} ${s}, 64000 Sepang, Selangor`, ['MYR', 'USD'], 0.45),
  W('SG', '新加坡', 'Singapore', 1.3521, 103.8198, ['Pioneer Road', 'Jalan Terusan', 'Changi South Lane'], (n, s) => `${n} ${s}, Singapore 628${String(100 + (n % 800)).padStart(3, '0')}`, ['SGD', 'USD'], 0.85),
  W('ID', '雅加达', 'Jakarta', -6.2088, 106.8456, ['Jalan Raya Cakung Cilincing', 'Jalan Yos Sudarso'], (n, s) => `${s} No. ${n}, Jakarta Utara 14140`, ['USD'], 0.35),
  W('PH', '马尼拉', 'Manila', 14.5995, 120.9842, ['Bonifacio Drive', 'Tomas Claudio Street'], (n, s) => `${n} ${s}, Port Area, Manila 1018`, ['USD', 'PHP'], 0.4),
  W('MM', '仰光', 'Yangon', 16.8409, 96.1735, ['Strand Road', 'Thilawa SEZ Zone A'], plain('Yangon', 'Myanmar'), ['USD'], 0.3),
  W('KH', '金边', 'Phnom Penh', 11.5564, 104.9282, ['National Road 4', 'Russian Federation Boulevard'], plain('Phnom Penh', 'Cambodia'), ['USD'], 0.3),
  W('AE', '迪拜', 'Dubai', 25.2048, 55.2708, ['Jebel Ali Free Zone South', 'Dubai Investments Park Road'], (n, s) => `Plot ${n}, ${s}, Dubai`, ['AED', 'USD'], 0.75),
  W('SA', '吉达', 'Jeddah', 21.4858, 39.1925, ['Al Khumrah Industrial Road', 'Prince Fawaz Road'], plain('Jeddah', 'Saudi Arabia'), ['SAR'], 0.6),
  W('SA', '利雅得', 'Riyadh', 24.7136, 46.6753, ['Second Industrial City Road', 'Al Kharj Road'], plain('Riyadh', 'Saudi Arabia'), ['SAR'], 0.6),
  W('JP', '东京', 'Tokyo', 35.6762, 139.6503, ['Heiwajima', 'Tokai', 'Shinkiba'], (n, s) => `${n}-${(n % 9) + 1} ${s}, Ota-ku, Tokyo`, ['JPY'], 0.95),
  W('JP', '大阪', 'Osaka', 34.6937, 135.5023, ['Nanko-kita', 'Sakishima'], (n, s) => `${(n % 7) + 1}-${n} ${s}, Suminoe-ku, Osaka`, ['JPY'], 0.85),
  W('KR', '首尔', 'Seoul', 37.5665, 126.978, ['Gonghang-ro', 'Jayu-ro'], (n, s) => `${n} ${s}, Jung-gu, Incheon`, ['KRW'], 0.8),
  W('KR', '釜山', 'Busan', 35.1796, 129.0756, ['Sinhang-ro', 'Chungjang-daero'], (n, s) => `${n} ${s}, Jinhae-gu, Busan`, ['KRW'], 0.7),
  W('AU', '悉尼', 'Sydney', -33.8688, 151.2093, ['Botany Road', 'Coal Pier Road', 'Enterprise Drive'], (n, s) => `${n} ${s}, Banksmeadow NSW 2019`, ['AUD'], 1.0),
  W('AU', '墨尔本', 'Melbourne', -37.8136, 144.9631, ['Boundary Road', 'Cherry Lane'], (n, s) => `${n} ${s}, Laverton North VIC 3026`, ['AUD'], 0.95),
  W('US', '洛杉矶', 'Los Angeles', 34.0522, -118.2437, ['S Alameda St', 'E Slauson Ave', 'Santa Fe Ave'], us('Los Angeles', 'CA', '90058'), ['USD'], 1.0),
  W('US', '芝加哥', 'Chicago', 41.8781, -87.6298, ['W Irving Park Rd', 'N Mannheim Rd'], us('Franklin Park', 'IL', '60131'), ['USD'], 0.95),
  W('US', '纽约', 'New York', 40.7128, -74.006, ['Doremus Ave', 'Port Newark Blvd'], us('Newark', 'NJ', '07105'), ['USD'], 1.1),
  W('CA', '温哥华', 'Vancouver', 49.2827, -123.1207, ['Vulcan Way', 'No. 6 Road'], (n, s) => `${n} ${s}, Richmond, BC V6V 1J8`, ['CAD'], 0.95),
  W('MX', '墨西哥城', 'Mexico City', 19.4326, -99.1332, ['Avenida Central', 'Calzada Vallejo'], (n, s) => `${s} ${n}, 02300 Ciudad de México`, ['USD', 'MXN'], 0.55),
  W('BR', '圣保罗', 'São Paulo', -23.5505, -46.6333, ['Rodovia Hélio Smidt', 'Avenida Otaviano Alves de Lima'], (n, s) => `${s}, ${n}, Guarulhos - SP`, ['BRL', 'USD'], 0.6),
  W('CL', '圣地亚哥', 'Santiago', -33.4489, -70.6693, ['Avenida Américo Vespucio', 'Camino Lo Boza'], (n, s) => `${s} ${n}, Pudahuel, Santiago`, ['USD'], 0.55),
];

/** Rough USD exchange rates, only to turn one price level into sensible local price cards. */
export const USD_RATE: Record<string, number> = {
  USD: 1, EUR: 0.92, GBP: 0.79, CNY: 7.2, RUB: 90, PLN: 4.0, CZK: 23, HUF: 360, THB: 36, MYR: 4.7, SGD: 1.34, PHP: 57,
  AED: 3.67, SAR: 3.75, JPY: 150, KRW: 1350, AUD: 1.5, CAD: 1.36, MXN: 18, BRL: 5.2,
};
