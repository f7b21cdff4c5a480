import type { Rng } from './prng';

/**
 * A small gazetteer of the places sample records sit at: the cities where overseas warehouses are
 * (every one a destination of a corridor lane, so warehouse-corridor rows follow from the lanes),
 * each with its city point and, for every street a sample address uses, a street-level point; and
 * the local address format. A sample warehouse lies at its street's point plus a small
 * deterministic offset (`siteIn`), so its coordinates match its address: `near`, `distanceKm` and
 * the DISTANCE matching factor measure from where the address says the warehouse is.
 *
 * Where the points come from: city points are the usual centre coordinates of the city (city hall
 * or main square); street points are a point on the named street, in the part of it the address's
 * postcode or district names, given from the compiler's knowledge of the map (not looked up in a
 * geocoder), rounded to 4 decimals. Which district a street is in was checked against public pages
 * for a few (logport I in Duisburg-Rheinhausen; Gimpo's cargo terminals in Gangseo-gu, Seoul). They
 * are good to a kilometre or two, not surveyed: enough for a `near` search and a distance factor,
 * not for navigation. Streets and districts are real; house numbers are invented (2–480),
 * and so are the Singapore postcodes' last digits. Every street lies inside the city its address
 * names: a street of a neighbouring municipality (an airport town, a port suburb) is not used for
 * that city (issue 17 found "Seoul" warehouses with Incheon addresses and "Kuala Lumpur" ones in
 * Sepang). `localities` lists the names an address may use for the city: its own name in the local
 * language, or a district or suburb inside it (Wilmington is a district of Los Angeles, Port
 * Melbourne an inner suburb of Melbourne, Banksmeadow and Port Botany suburbs of Greater Sydney).
 *
 * tests/data-quality/places.test.ts checks the seeded sample against this: every warehouse within
 * STREET_RADIUS_KM of its street's point, within the city's radius (CITY_RADIUS_KM unless the city
 * says otherwise) of its city point, and its address naming one of the city's localities.
 */

/** A point on a street that sample addresses use. */
export interface Street {
  /** As written in the address. Unique within its city, and no street's name contains another's. */
  name: string;
  /** The postcode, district or locality the address gives with this street (see the city's `address`). */
  area: string;
  lat: number;
  lng: number;
}

export interface WarehouseCity {
  countryCode: string;
  cityZh: string;
  cityEn: string;
  /** The city point (centre), WGS 84. */
  lat: number;
  lng: number;
  /** Names by which an address names this city: the city's own name(s), or districts and suburbs inside it. */
  localities: string[];
  /** How far from the city point its sample places may lie, km (CITY_RADIUS_KM when not given). */
  radiusKm?: number;
  /** Local-format address for a house number and one of `streets`. */
  address: (n: number, street: Street) => string;
  streets: Street[];
  /** Price-card currencies used there, most common first. */
  currencies: string[];
  /** Price level relative to the US (1.0), to keep storage prices sensible. */
  priceLevel: number;
}

/** A sample place lies within this many km of its street's point (the offset `siteIn` adds is at most ~0.3 km). */
export const STREET_RADIUS_KM = 3;
/** A sample place lies within this many km of its city's point, unless the city gives its own radius. */
export const CITY_RADIUS_KM = 40;
/** Half the side of the square around a street point that `siteIn` draws from, in km (corner: 0.28 km). */
const OFFSET_KM = 0.2;

const S = (name: string, area: string, lat: number, lng: number): Street => ({ name, area, lat, lng });

const W = (
  countryCode: string,
  cityZh: string,
  cityEn: string,
  lat: number,
  lng: number,
  localities: string[],
  streets: Street[],
  address: (n: number, s: Street) => string,
  currencies: string[],
  priceLevel: number,
): WarehouseCity => ({ countryCode, cityZh, cityEn, lat, lng, localities, streets, address, currencies, priceLevel });

/** "Street n, area" (Germany, the Netherlands, Belgium, Spain, Italy, Poland, Czechia, Mexico). */
const streetFirst = (n: number, s: Street) => `${s.name} ${n}, ${s.area}`;
/** "n Street, area" (English-speaking countries, France, and the romanised Asian addresses). */
const numberFirst = (n: number, s: Street) => `${n} ${s.name}, ${s.area}`;

export const WAREHOUSE_CITIES: WarehouseCity[] = [
  W(
    'DE',
    '杜伊斯堡',
    'Duisburg',
    51.4344,
    6.7623,
    ['Duisburg'],
    [
      S('Alte Ruhrorter Straße', '47119 Duisburg', 51.4505, 6.7445), // Ruhrort, the port's head office
      S('Rotterdamer Straße', '47229 Duisburg', 51.3835, 6.7195), // logport I, Rheinhausen
      S('Gartroper Straße', '47138 Duisburg', 51.4715, 6.7785), // Meiderich, by the Rhine–Herne canal
    ],
    streetFirst,
    ['EUR'],
    0.85,
  ),
  W(
    'DE',
    '汉堡',
    'Hamburg',
    53.5511,
    9.9937,
    ['Hamburg'],
    [
      S('Ellerholzdamm', '20457 Hamburg', 53.5375, 9.9435), // Steinwerder
      S('Waltershofer Damm', '21129 Hamburg', 53.5275, 9.9085), // Waltershof
      S('Am Ballinkai', '21129 Hamburg', 53.5045, 9.9365), // Altenwerder terminal
    ],
    streetFirst,
    ['EUR'],
    0.9,
  ),
  W(
    'DE',
    '法兰克福',
    'Frankfurt',
    50.1109,
    8.6821,
    ['Frankfurt am Main'],
    [
      S('Cargo City Süd', '60549 Frankfurt am Main', 50.0335, 8.5775), // the airport is a district of Frankfurt
      S('Hugo-Eckener-Ring', '60549 Frankfurt am Main', 50.0495, 8.5805),
      S('Hanauer Landstraße', '60314 Frankfurt am Main', 50.1125, 8.7205), // Osthafen
    ],
    streetFirst,
    ['EUR'],
    0.95,
  ),
  W(
    'NL',
    '鹿特丹',
    'Rotterdam',
    51.9244,
    4.4777,
    ['Rotterdam'],
    [
      S('Maasvlakteweg', '3199 Rotterdam', 51.9555, 4.0665), // Maasvlakte, ~29 km west of the centre, inside the municipality
      S('Eemhavenweg', '3089 Rotterdam', 51.8835, 4.4215),
      S('Waalhaven Zuidzijde', '3089 Rotterdam', 51.8825, 4.4475),
    ],
    streetFirst,
    ['EUR'],
    0.9,
  ),
  W(
    'NL',
    '阿姆斯特丹',
    'Amsterdam',
    52.3676,
    4.9041,
    ['Amsterdam'],
    [
      S('Westhavenweg', '1042 Amsterdam', 52.4025, 4.8345), // Westpoort; Schiphol is in Haarlemmermeer, not Amsterdam
      S('Australiëhavenweg', '1045 Amsterdam', 52.4065, 4.8015),
      S('Basisweg', '1043 Amsterdam', 52.3885, 4.8345), // Sloterdijk
    ],
    streetFirst,
    ['EUR'],
    0.95,
  ),
  W(
    'BE',
    '列日',
    'Liège',
    50.6326,
    5.5797,
    ['Liège'],
    [
      S('Rue de l’Île Monsin', '4020 Liège', 50.6575, 5.6265), // Monsin port on the Meuse; the airport is in Grâce-Hollogne
      S('Quai Saint-Léonard', '4000 Liège', 50.6485, 5.5915),
    ],
    streetFirst,
    ['EUR'],
    0.8,
  ),
  W(
    'GB',
    '伦敦',
    'London',
    51.5072,
    -0.1276,
    ['London'],
    [
      S('Bath Road', 'Harmondsworth, London UB7', 51.4815, -0.4655), // Heathrow's north side, London Borough of Hillingdon
      S('Stockley Close', 'West Drayton, London UB7', 51.5075, -0.4485),
      S('Horton Road', 'West Drayton, London UB7', 51.5095, -0.4715),
    ],
    numberFirst,
    ['GBP'],
    1.0,
  ),
  W(
    'GB',
    '费利克斯托',
    'Felixstowe',
    51.9617,
    1.3513,
    ['Felixstowe'],
    [
      S('Dock Road', 'Felixstowe IP11', 51.9575, 1.3275),
      S('Walton Avenue', 'Felixstowe IP11', 51.9665, 1.3295),
      S('Carr Road', 'Felixstowe IP11', 51.969, 1.3385),
    ],
    numberFirst,
    ['GBP'],
    0.85,
  ),
  W(
    'FR',
    '巴黎',
    'Paris',
    48.8566,
    2.3522,
    ['Paris'],
    [
      S('Boulevard Ney', '75018 Paris', 48.8985, 2.3595), // Chapelle International logistics hall; Roissy is not Paris
      S('Boulevard Macdonald', '75019 Paris', 48.8985, 2.3775), // Entrepôt Macdonald
      S('Rue d’Aubervilliers', '75019 Paris', 48.8905, 2.3705),
    ],
    numberFirst,
    ['EUR'],
    0.95,
  ),
  W(
    'ES',
    '马德里',
    'Madrid',
    40.4168,
    -3.7038,
    ['Madrid'],
    [
      S('Calle de la Ciudad de Frías', '28021 Madrid', 40.3445, -3.6955), // Villaverde; Coslada is its own municipality
      S('Avenida de Andalucía', '28021 Madrid', 40.3595, -3.6965),
    ],
    streetFirst,
    ['EUR'],
    0.75,
  ),
  W(
    'IT',
    '米兰',
    'Milan',
    45.4642,
    9.19,
    ['Milano'],
    [
      S('Via Mecenate', '20138 Milano MI', 45.451, 9.2445), // Peschiera Borromeo is its own comune
      S('Via Toffetti', '20139 Milano MI', 45.442, 9.2225),
    ],
    streetFirst,
    ['EUR'],
    0.85,
  ),
  W(
    'PL',
    '华沙',
    'Warsaw',
    52.2297,
    21.0122,
    ['Warszawa'],
    [
      S('ul. Annopol', '03-236 Warszawa', 52.2985, 21.0355), // Białołęka
      S('ul. Szyszkowa', '02-285 Warszawa', 52.1905, 20.9395), // Włochy, by the airport
      S('ul. Puławska', '02-801 Warszawa', 52.1545, 21.0225), // Ursynów
    ],
    streetFirst,
    ['EUR', 'PLN'],
    0.6,
  ),
  W(
    'CZ',
    '布拉格',
    'Prague',
    50.0755,
    14.4378,
    ['Praha'],
    [
      S('Průmyslová', '108 00 Praha 10', 50.0695, 14.5185), // Malešice–Štěrboholy
      S('K Letišti', '161 00 Praha 6', 50.1005, 14.2845), // Ruzyně, the airport, inside Prague (Jeneč is not)
    ],
    streetFirst,
    ['EUR', 'CZK'],
    0.65,
  ),
  W(
    'HU',
    '布达佩斯',
    'Budapest',
    47.4979,
    19.0402,
    ['Budapest'],
    [
      S('Gyömrői út', '1103 Budapest', 47.4775, 19.1485),
      S('Illatos út', '1097 Budapest', 47.462, 19.1005),
      S('Ferihegyi repülőtérre vezető út', '1185 Budapest', 47.4395, 19.2405),
    ],
    (n, s) => `${s.area}, ${s.name} ${n}.`,
    ['EUR', 'HUF'],
    0.6,
  ),
  W(
    'BY',
    '明斯克',
    'Minsk',
    53.9006,
    27.559,
    ['Minsk'],
    [S('Partizansky Avenue', 'Minsk, Belarus', 53.8705, 27.6395), S('Kolyadichi Street', 'Minsk, Belarus', 53.8345, 27.6225)],
    numberFirst,
    ['CNY', 'USD'],
    0.45,
  ),
  W(
    'RU',
    '莫斯科',
    'Moscow',
    55.7558,
    37.6173,
    ['Moscow'],
    [
      S('Ryabinovaya Ulitsa', 'Moscow', 55.6965, 37.4295),
      S('Kashirskoye Shosse', 'Moscow', 55.6455, 37.6745),
      S('Varshavskoye Shosse', 'Moscow', 55.6305, 37.6155),
    ],
    (n, s) => `${s.name}, ${n}, ${s.area}`,
    ['CNY', 'RUB'],
    0.55,
  ),
  W(
    'RU',
    '叶卡捷琳堡',
    'Yekaterinburg',
    56.8389,
    60.6057,
    ['Yekaterinburg'],
    [S('Ulitsa Bakinskikh Komissarov', 'Yekaterinburg', 56.8975, 60.6005), S('Ulitsa Vostochnaya', 'Yekaterinburg', 56.8405, 60.6255)],
    (n, s) => `${s.name}, ${n}, ${s.area}`,
    ['CNY', 'RUB'],
    0.45,
  ),
  W(
    'RU',
    '新西伯利亚',
    'Novosibirsk',
    55.0084,
    82.9357,
    ['Novosibirsk'],
    [S('Ulitsa Petukhova', 'Novosibirsk', 54.9575, 82.8875), S('Tolmachevskoye Shosse', 'Novosibirsk', 54.9985, 82.8105)],
    (n, s) => `${s.name}, ${n}, ${s.area}`,
    ['CNY', 'RUB'],
    0.45,
  ),
  W(
    'KZ',
    '阿拉木图',
    'Almaty',
    43.222,
    76.8512,
    ['Almaty'],
    [S('Kuldzhinsky Trakt', 'Almaty, Kazakhstan', 43.2705, 76.9905), S('Ryskulov Avenue', 'Almaty, Kazakhstan', 43.2955, 76.9005)],
    numberFirst,
    ['CNY', 'USD'],
    0.4,
  ),
  W(
    'UZ',
    '塔什干',
    'Tashkent',
    41.2995,
    69.2401,
    ['Tashkent'],
    [S('Yangi Sergeli Street', 'Sergeli, Tashkent, Uzbekistan', 41.2265, 69.2155), S('Bunyodkor Avenue', 'Chilonzor, Tashkent, Uzbekistan', 41.2805, 69.2105)],
    numberFirst,
    ['USD', 'CNY'],
    0.35,
  ),
  W(
    'VN',
    '河内',
    'Hanoi',
    21.0278,
    105.8342,
    ['Hanoi'],
    [S('Nguyen Van Linh', 'Long Bien, Hanoi, Viet Nam', 21.0395, 105.8955), S('Quoc Lo 5', 'Long Bien, Hanoi, Viet Nam', 21.0455, 105.9155)],
    numberFirst,
    ['USD'],
    0.35,
  ),
  W(
    'VN',
    '胡志明市',
    'Ho Chi Minh City',
    10.8231,
    106.6297,
    ['Ho Chi Minh City'],
    [
      S('Nguyen Van Linh', 'District 7, Ho Chi Minh City, Viet Nam', 10.7295, 106.7185), // in District 7, not Thu Duc
      S('Dong Van Cong', 'Thu Duc, Ho Chi Minh City, Viet Nam', 10.7805, 106.7685), // by Cat Lai port
    ],
    numberFirst,
    ['USD'],
    0.35,
  ),
  W(
    'LA',
    '万象',
    'Vientiane',
    17.9757,
    102.6331,
    ['Vientiane'],
    [S('Thadeua Road', 'Vientiane, Lao PDR', 17.9425, 102.6545), S('Route 13 South', 'Vientiane, Lao PDR', 17.9355, 102.6905)],
    numberFirst,
    ['USD', 'CNY'],
    0.3,
  ),
  W(
    'TH',
    '曼谷',
    'Bangkok',
    13.7563,
    100.5018,
    ['Bangkok'],
    [
      S('Bangna-Trad Road', 'Bang Na, Bangkok 10260', 13.6685, 100.6405), // the Bangkok stretch; Bang Phli is in Samut Prakan
      S('Sunthornkosa Road', 'Khlong Toei, Bangkok 10110', 13.7105, 100.5655), // Bangkok Port
      S('Chalong Krung Road', 'Lat Krabang, Bangkok 10520', 13.7255, 100.7705),
    ],
    numberFirst,
    ['THB', 'USD'],
    0.4,
  ),
  W(
    'MY',
    '巴生港',
    'Port Klang',
    3.0,
    101.4,
    ['Pelabuhan Klang'],
    [
      S('Jalan Pelabuhan Utara', '42000 Pelabuhan Klang, Selangor', 3.0075, 101.3835), // Northport
      S('Persiaran Raja Muda Musa', '42000 Pelabuhan Klang, Selangor', 3.0015, 101.4005),
    ],
    numberFirst,
    ['MYR', 'USD'],
    0.4,
  ),
  W(
    'MY',
    '吉隆坡',
    'Kuala Lumpur',
    3.139,
    101.6869,
    ['Kuala Lumpur'],
    [
      S('Jalan Kuchai Lama', '58200 Kuala Lumpur', 3.0905, 101.6885), // KLIA is in Sepang, ~45 km out: not used
      S('Jalan Klang Lama', '58000 Kuala Lumpur', 3.1005, 101.6795),
      S('Jalan Sungai Besi', '57100 Kuala Lumpur', 3.1125, 101.7115),
    ],
    numberFirst,
    ['MYR', 'USD'],
    0.45,
  ),
  W(
    'SG',
    '新加坡',
    'Singapore',
    1.3521,
    103.8198,
    ['Singapore'],
    [
      S('Pioneer Road', '628', 1.3205, 103.6705), // area: the postcode's sector digits; the rest is invented
      S('Jalan Terusan', '619', 1.3065, 103.7175),
      S('Changi South Lane', '486', 1.3325, 103.9565),
    ],
    (n, s) => `${n} ${s.name}, Singapore ${s.area}${String(100 + (n % 800)).padStart(3, '0')}`,
    ['SGD', 'USD'],
    0.85,
  ),
  W(
    'ID',
    '雅加达',
    'Jakarta',
    -6.2088,
    106.8456,
    ['Jakarta'],
    [
      S('Jalan Raya Cakung Cilincing', 'Jakarta Utara 14130', -6.1505, 106.9305),
      S('Jalan Yos Sudarso', 'Jakarta Utara 14320', -6.1255, 106.8855), // Tanjung Priok
    ],
    (n, s) => `${s.name} No. ${n}, ${s.area}`,
    ['USD'],
    0.35,
  ),
  W(
    'PH',
    '马尼拉',
    'Manila',
    14.5995,
    120.9842,
    ['Manila'],
    [S('Bonifacio Drive', 'Port Area, Manila 1018', 14.5875, 120.9745), S('Railroad Street', 'Port Area, Manila 1018', 14.5905, 120.9705)],
    numberFirst,
    ['USD', 'PHP'],
    0.4,
  ),
  W(
    'MM',
    '仰光',
    'Yangon',
    16.8409,
    96.1735,
    ['Yangon'],
    [S('Strand Road', 'Yangon, Myanmar', 16.7725, 96.1655), S('Bayint Naung Road', 'Yangon, Myanmar', 16.8405, 96.1235)],
    numberFirst,
    ['USD'],
    0.3,
  ),
  W(
    'KH',
    '金边',
    'Phnom Penh',
    11.5564,
    104.9282,
    ['Phnom Penh'],
    [S('National Road 4', 'Phnom Penh, Cambodia', 11.5475, 104.8505), S('Russian Federation Boulevard', 'Phnom Penh, Cambodia', 11.5605, 104.8805)],
    numberFirst,
    ['USD'],
    0.3,
  ),
  W(
    'AE',
    '迪拜',
    'Dubai',
    25.2048,
    55.2708,
    ['Dubai'],
    [
      S('Jebel Ali Free Zone South', 'Dubai', 24.9655, 55.0755), // ~33 km from the centre, inside the emirate
      S('Dubai Investments Park Road', 'Dubai', 24.9855, 55.1705),
    ],
    (n, s) => `Plot ${n}, ${s.name}, ${s.area}`,
    ['AED', 'USD'],
    0.75,
  ),
  W(
    'SA',
    '吉达',
    'Jeddah',
    21.4858,
    39.1925,
    ['Jeddah'],
    [S('Al Khumrah Industrial Road', 'Jeddah, Saudi Arabia', 21.3705, 39.2105), S('Prince Fawaz Road', 'Jeddah, Saudi Arabia', 21.4305, 39.2605)],
    numberFirst,
    ['SAR'],
    0.6,
  ),
  W(
    'SA',
    '利雅得',
    'Riyadh',
    24.7136,
    46.6753,
    ['Riyadh'],
    [S('Second Industrial City Road', 'Riyadh, Saudi Arabia', 24.5805, 46.8505), S('Al Kharj Road', 'Riyadh, Saudi Arabia', 24.6105, 46.7705)],
    numberFirst,
    ['SAR'],
    0.6,
  ),
  W(
    'JP',
    '东京',
    'Tokyo',
    35.6762,
    139.6503,
    ['Tokyo'],
    [
      S('Heiwajima', 'Ota-ku, Tokyo', 35.5855, 139.7455),
      S('Tokai', 'Ota-ku, Tokyo', 35.5805, 139.7605),
      S('Shinkiba', 'Koto-ku, Tokyo', 35.6355, 139.8305), // in Koto-ku, not Ota-ku
    ],
    (n, s) => `${n}-${(n % 9) + 1} ${s.name}, ${s.area}`,
    ['JPY'],
    0.95,
  ),
  W(
    'JP',
    '大阪',
    'Osaka',
    34.6937,
    135.5023,
    ['Osaka'],
    [S('Nanko-kita', 'Suminoe-ku, Osaka', 34.6405, 135.4205), S('Sakishima', 'Suminoe-ku, Osaka', 34.6385, 135.4155)],
    (n, s) => `${(n % 7) + 1}-${n} ${s.name}, ${s.area}`,
    ['JPY'],
    0.85,
  ),
  W(
    'KR',
    '首尔',
    'Seoul',
    37.5665,
    126.978,
    ['Seoul'],
    [
      S('Haneul-gil', 'Gangseo-gu, Seoul', 37.5625, 126.8005), // Gimpo airport's cargo side; Incheon airport is in Incheon
      S('Songpa-daero', 'Songpa-gu, Seoul', 37.4795, 127.1245), // the Seoul Eastern logistics complex
      S('Digital-ro', 'Guro-gu, Seoul', 37.4845, 126.8965),
    ],
    numberFirst,
    ['KRW'],
    0.8,
  ),
  W(
    'KR',
    '釜山',
    'Busan',
    35.1796,
    129.0756,
    ['Busan'],
    [
      S('Chungjang-daero', 'Dong-gu, Busan', 35.1175, 129.0455), // North Port; Jinhae-gu belongs to Changwon
      S('Noksansaneopjung-ro', 'Gangseo-gu, Busan', 35.0895, 128.8605), // Noksan industrial complex, by the New Port
      S('Sinseon-ro', 'Nam-gu, Busan', 35.1125, 129.0905),
    ],
    numberFirst,
    ['KRW'],
    0.7,
  ),
  W(
    'AU',
    '悉尼',
    'Sydney',
    -33.8688,
    151.2093,
    ['Sydney', 'Banksmeadow', 'Port Botany'],
    [
      S('Botany Road', 'Banksmeadow NSW 2019', -33.9535, 151.2085),
      S('Foreshore Road', 'Banksmeadow NSW 2019', -33.9655, 151.2135),
      S('Friendship Road', 'Port Botany NSW 2036', -33.9705, 151.2225),
    ],
    numberFirst,
    ['AUD'],
    1.0,
  ),
  W(
    'AU',
    '墨尔本',
    'Melbourne',
    -37.8136,
    144.9631,
    ['Melbourne'],
    [
      S('Todd Road', 'Port Melbourne VIC 3207', -37.8335, 144.9155), // Laverton North (Wyndham) is no longer used
      S('Lorimer Street', 'Port Melbourne VIC 3207', -37.8245, 144.9255),
      S('Footscray Road', 'West Melbourne VIC 3003', -37.8135, 144.9305),
    ],
    numberFirst,
    ['AUD'],
    0.95,
  ),
  W(
    'US',
    '洛杉矶',
    'Los Angeles',
    34.0522,
    -118.2437,
    ['Los Angeles', 'Wilmington'],
    [
      S('S Alameda St', 'Los Angeles, CA 90021', 34.0255, -118.2385),
      S('Santa Fe Ave', 'Los Angeles, CA 90021', 34.0305, -118.2305),
      S('E Anaheim St', 'Wilmington, CA 90744', 33.7795, -118.2555), // Wilmington: a district of the City of Los Angeles, by the port
    ],
    numberFirst,
    ['USD'],
    1.0,
  ),
  W(
    'US',
    '芝加哥',
    'Chicago',
    41.8781,
    -87.6298,
    ['Chicago'],
    [
      S('W Irving Park Rd', 'Chicago, IL 60634', 41.9535, -87.7805), // Franklin Park is its own village
      S('S Pulaski Rd', 'Chicago, IL 60632', 41.8055, -87.7235),
      S('W 47th St', 'Chicago, IL 60632', 41.8085, -87.6805),
    ],
    numberFirst,
    ['USD'],
    0.95,
  ),
  W(
    'US',
    '纽约',
    'New York',
    40.7128,
    -74.006,
    ['New York'],
    [
      S('Food Center Dr', 'Bronx, New York 10474', 40.8085, -73.8765), // Hunts Point; Newark is in New Jersey
      S('Rockaway Blvd', 'Queens, New York 11434', 40.6715, -73.7895), // by JFK
    ],
    numberFirst,
    ['USD'],
    1.1,
  ),
  W(
    'CA',
    '温哥华',
    'Vancouver',
    49.2827,
    -123.1207,
    ['Vancouver'],
    [
      S('Commissioner St', 'Vancouver, BC V5L', 49.2895, -123.0625), // the port's east side; Richmond is its own city
      S('E Kent Ave N', 'Vancouver, BC V5X', 49.2105, -123.0705),
    ],
    numberFirst,
    ['CAD'],
    0.95,
  ),
  W(
    'MX',
    '墨西哥城',
    'Mexico City',
    19.4326,
    -99.1332,
    ['Ciudad de México'],
    [
      S('Calzada Vallejo', '02300 Ciudad de México', 19.4905, -99.1505), // Industrial Vallejo, Azcapotzalco
      S('Poniente 140', '02300 Ciudad de México', 19.4955, -99.1605),
    ],
    streetFirst,
    ['USD', 'MXN'],
    0.55,
  ),
  W(
    'BR',
    '圣保罗',
    'São Paulo',
    -23.5505,
    -46.6333,
    ['São Paulo'],
    [
      S('Avenida Otaviano Alves de Lima', 'Limão, São Paulo - SP', -23.5105, -46.6805), // Guarulhos is its own city
      S('Avenida Marquês de São Vicente', 'Barra Funda, São Paulo - SP', -23.5195, -46.6785),
    ],
    (n, s) => `${s.name}, ${n}, ${s.area}`,
    ['BRL', 'USD'],
    0.6,
  ),
  W(
    'CL',
    '圣地亚哥',
    'Santiago',
    -33.4489,
    -70.6693,
    ['Santiago'],
    [
      S('Avenida Américo Vespucio', 'Pudahuel, Santiago', -33.4305, -70.7555), // Pudahuel: a commune of Greater Santiago
      S('Camino Lo Boza', 'Pudahuel, Santiago', -33.4005, -70.7605),
    ],
    streetFirst,
    ['USD'],
    0.55,
  ),
];

/**
 * Where a sample warehouse of `city` is: an invented house number on one of its streets, and that
 * street's point moved by up to OFFSET_KM north–south and east–west (at most ~0.28 km), so that
 * warehouses on one street do not sit on one point. Four draws, as the city-wide spread it replaces
 * took, so the draws after it (and every other sample record) stay as they were.
 */
export function siteIn(rng: Rng, city: WarehouseCity): { address: string; latitude: number; longitude: number } {
  const n = rng.int(2, 480);
  const street = rng.pick(city.streets);
  const dLat = rng.real(-OFFSET_KM, OFFSET_KM) / 111.32;
  const dLng = rng.real(-OFFSET_KM, OFFSET_KM) / (111.32 * Math.cos((street.lat * Math.PI) / 180));
  return {
    address: city.address(n, street),
    latitude: Math.round((street.lat + dLat) * 1e6) / 1e6,
    longitude: Math.round((street.lng + dLng) * 1e6) / 1e6,
  };
}

/** Rough USD exchange rates, only to turn one price level into sensible local price cards. */
export const USD_RATE: Record<string, number> = {
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  CNY: 7.2,
  RUB: 90,
  PLN: 4.0,
  CZK: 23,
  HUF: 360,
  THB: 36,
  MYR: 4.7,
  SGD: 1.34,
  PHP: 57,
  AED: 3.67,
  SAR: 3.75,
  JPY: 150,
  KRW: 1350,
  AUD: 1.5,
  CAD: 1.36,
  MXN: 18,
  BRL: 5.2,
};
