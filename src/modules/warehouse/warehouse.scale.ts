import { lanesTo, warehouseFeatures, warehouseTerms } from '../../../seeds/sample';
import { TradeNamePool } from '../../../seeds/sample/names';
import { siteIn, WAREHOUSE_CITIES, type WarehouseCity } from '../../../seeds/sample/places';
import { handoff, type ScaleUnit } from '../../db/scale';
import { sql } from '../../db/sql';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { CapacityUnit, type StorageClass, type WarehouseService } from './warehouse.enums';

/**
 * What capacity offers and demands need about each warehouse, by id (index 0 unused); typed
 * arrays where a number will do, because a run may have millions of warehouses.
 */
export interface ScaleWarehouses {
  /** How many there are: ids run from 1 to `count`. */
  count: number;
  city: WarehouseCity[];
  operator: Int32Array;
  classes: StorageClass[][];
  services: WarehouseService[][];
  currency: string[];
  /** Capacity in cubic metres, whatever the unit it is stated in. */
  capacityCbm: Float64Array;
  /** Stack height in metres (the CBM of a square metre). */
  stack: Float64Array;
}

export const SCALE_WAREHOUSES = handoff<ScaleWarehouses>('warehouse', 'warehouses');

/**
 * With --more-countries: warehouse cities in reference-list countries that have no sample city, so
 * a scale dataset's warehouses (and offers) span 62 countries. No corridor lane reaches them, so
 * they have no transit days from Chongqing. Coordinates are the cities' logistics areas; streets
 * are real industrial or port streets; price cards in currencies the sample has rates for.
 */
const cityAt = (
  countryCode: string,
  cityZh: string,
  cityEn: string,
  lat: number,
  lng: number,
  streets: string[],
  currencies: string[],
  priceLevel: number,
): WarehouseCity => ({
  countryCode,
  cityZh,
  cityEn,
  lat,
  lng,
  localities: [cityEn],
  // Benchmark cities only, with no street points in the gazetteer: the city point stands for each street.
  streets: streets.map((name) => ({ name, area: cityEn, lat, lng })),
  currencies,
  priceLevel,
  address: (n, s) => `${n} ${s.name}, ${s.area}`,
});
const MORE_CITIES: WarehouseCity[] = [
  cityAt('AT', '维也纳', 'Vienna', 48.2082, 16.3738, ['Freudenauer Hafenstraße', 'Seitenhafenstraße'], ['EUR'], 0.85),
  cityAt('CH', '巴塞尔', 'Basel', 47.5596, 7.5886, ['Hafenstrasse', 'Westquaistrasse'], ['EUR'], 1.15),
  cityAt('IE', '都柏林', 'Dublin', 53.3498, -6.2603, ['Alexandra Road', 'Bond Drive'], ['EUR'], 0.95),
  cityAt('PT', '里斯本', 'Lisbon', 38.7223, -9.1393, ['Avenida Infante Dom Henrique', 'Rua do Açúcar'], ['EUR'], 0.7),
  cityAt('GR', '比雷埃夫斯', 'Piraeus', 37.942, 23.6465, ['Akti Miaouli', 'Leoforos Gr. Lampraki'], ['EUR'], 0.65),
  cityAt('SK', '布拉迪斯拉发', 'Bratislava', 48.1486, 17.1077, ['Prístavná', 'Bratská'], ['EUR'], 0.6),
  cityAt('RO', '布加勒斯特', 'Bucharest', 44.4268, 26.1025, ['Șoseaua Berceni', 'Bulevardul Theodor Pallady'], ['EUR'], 0.5),
  cityAt('SE', '哥德堡', 'Gothenburg', 57.7089, 11.9746, ['Skandiahamnen', 'Ringögatan'], ['EUR'], 0.95),
  cityAt('DK', '哥本哈根', 'Copenhagen', 55.6761, 12.5683, ['Kraftværksvej', 'Containervej'], ['EUR'], 1.0),
  cityAt('NO', '奥斯陆', 'Oslo', 59.9139, 10.7522, ['Sjursøya', 'Kongshavnveien'], ['EUR'], 1.05),
  cityAt('FI', '赫尔辛基', 'Helsinki', 60.1699, 24.9384, ['Vuosaaren satama', 'Satamakaari'], ['EUR'], 0.9),
  cityAt('TR', '伊斯坦布尔', 'Istanbul', 41.0082, 28.9784, ['Ambarlı Liman Yolu', 'Haramidere Caddesi'], ['USD', 'EUR'], 0.5),
  cityAt('QA', '多哈', 'Doha', 25.2854, 51.531, ['Salwa Road', 'Street 52, Industrial Area'], ['USD'], 0.7),
  cityAt('IL', '特拉维夫', 'Tel Aviv', 32.0853, 34.7818, ['HaMasger Street', 'Derech HaShalom'], ['USD'], 0.9),
  cityAt('EG', '开罗', 'Cairo', 30.0444, 31.2357, ['Salah Salem Street', 'Cairo-Suez Road'], ['USD'], 0.35),
  cityAt('NG', '拉各斯', 'Lagos', 6.5244, 3.3792, ['Apapa-Oshodi Expressway', 'Creek Road'], ['USD'], 0.5),
  cityAt('KE', '内罗毕', 'Nairobi', -1.2921, 36.8219, ['Mombasa Road', 'Enterprise Road'], ['USD'], 0.45),
  cityAt('ZA', '约翰内斯堡', 'Johannesburg', -26.2041, 28.0473, ['Main Reef Road', 'Electron Avenue'], ['USD'], 0.5),
  cityAt('AR', '布宜诺斯艾利斯', 'Buenos Aires', -34.6037, -58.3816, ['Avenida Ramón S. Castillo', 'Avenida Antártida Argentina'], ['USD'], 0.55),
  cityAt('CO', '波哥大', 'Bogotá', 4.711, -74.0721, ['Avenida El Dorado', 'Calle 13'], ['USD'], 0.45),
  cityAt('PE', '利马', 'Lima', -12.0464, -77.0428, ['Avenida Néstor Gambetta', 'Avenida Argentina'], ['USD'], 0.45),
  cityAt('NZ', '奥克兰', 'Auckland', -36.8485, 174.7633, ['Favona Road', 'Kiln Street'], ['AUD', 'USD'], 0.95),
  cityAt('IN', '孟买', 'Mumbai', 19.076, 72.8777, ['JNPT Road', 'Sion Trombay Road'], ['USD'], 0.35),
  cityAt('PK', '卡拉奇', 'Karachi', 24.8607, 67.0011, ['Mai Kolachi Road', 'National Highway'], ['USD'], 0.3),
  cityAt('BD', '吉大港', 'Chittagong', 22.3569, 91.7832, ['Port Connecting Road', 'Dhaka Trunk Road'], ['USD'], 0.3),
  cityAt('LK', '科伦坡', 'Colombo', 6.9271, 79.8612, ['Baseline Road', 'Sirimavo Bandaranaike Mawatha'], ['USD'], 0.35),
  cityAt('HK', '香港', 'Hong Kong', 22.3193, 114.1694, ['Container Port Road', 'Tsing Yi Road'], ['USD'], 0.9),
  cityAt('MN', '乌兰巴托', 'Ulaanbaatar', 47.8864, 106.9057, ['Peace Avenue', 'Chinggis Avenue'], ['CNY', 'USD'], 0.35),
  cityAt('KG', '比什凯克', 'Bishkek', 42.8746, 74.5698, ['Ibraimov Street', 'Jibek Jolu Avenue'], ['USD', 'CNY'], 0.3),
];

/**
 * Overseas warehouses in the sample's cities (the dearer ones weighted up), owned mostly by the
 * larger operators (the first ids, drawn with a skew), with price cards in local currency and the
 * corridor lanes that reach each city.
 */
export const warehouseScale: ScaleUnit = {
  name: 'warehouse',
  after: ['enterprise'],
  tables: ['overseas_warehouse', 'warehouse_corridor'],
  options: ['warehouses', 'moreCountries'],
  async fill(ctx) {
    const count = ctx.int('warehouses');
    const { operators, founded } = ctx.need(SCALE_ENTERPRISES);
    const corridorIds = new Map((await ctx.query<{ id: number; slug: string }>(sql`select id, slug from corridor`)).map((r) => [r.slug, r.id]));
    const wrng = ctx.rng('scale-warehouses');
    const progress = ctx.progress('overseas warehouses', count);
    const wh = ctx.table(
      'overseas_warehouse',
      [
        'id',
        'slug',
        'name_zh',
        'name_en',
        'operator_id',
        'country_code',
        'city_zh',
        'city_en',
        'address',
        'latitude',
        'longitude',
        'is_public',
        'area_m2',
        'capacity',
        'capacity_unit',
        'pallet_cbm',
        'stack_height_m',
        'storage_classes',
        'services',
        'currency',
        'storage_price',
        'storage_price_unit',
        'storage_price_period',
        'inbound_fee',
        'outbound_fee_per_order',
        'free_storage_days',
        'cutoff_time',
        'dock_to_stock_hours',
        'opened_year',
        'is_sample',
      ],
      { progress },
    );
    const wc = ctx.table('warehouse_corridor', ['warehouse_id', 'corridor_id', 'transit_days'], { parents: [wh] });
    const cityWeights = [
      ...WAREHOUSE_CITIES.map((c) => [c, c.priceLevel >= 0.9 ? 3 : 2] as const),
      ...(ctx.flag('moreCountries') ? MORE_CITIES.map((c) => [c, 1] as const) : []),
    ];
    const whNames = new TradeNamePool(100_000);
    // Kept only when a later unit reads them: a million warehouses' facts are worth not holding for nothing.
    const keep = ctx.wanted(SCALE_WAREHOUSES);
    const n = keep ? count + 1 : 0;
    const whs: ScaleWarehouses = {
      count,
      city: [],
      operator: new Int32Array(n),
      classes: [],
      services: [],
      currency: [],
      capacityCbm: new Float64Array(n),
      stack: new Float64Array(n),
    };
    for (let id = 1; id <= count; id++) {
      const city = wrng.weighted(cityWeights);
      const op = operators[Math.floor(operators.length * wrng.next() ** 1.8)];
      const t = whNames.next();
      const terms = warehouseTerms(wrng, city);
      const f = warehouseFeatures(wrng, city);
      const isPublic = wrng.chance(0.03);
      const site = siteIn(wrng, city);
      const cslug = city.cityEn
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
      await wh.push(
        id,
        `${t.ascii}-${cslug}-${id}`,
        `${t.zh}${city.cityZh}${isPublic ? '公共' : ''}海外仓`,
        `${t.en} ${city.cityEn}${isPublic ? ' Public' : ''} Overseas Warehouse`,
        op,
        city.countryCode,
        city.cityZh,
        city.cityEn,
        site.address,
        site.latitude,
        site.longitude,
        isPublic,
        terms.areaM2,
        terms.capacity,
        terms.capacityUnit,
        terms.palletCbm,
        terms.stackHeightM,
        f.storageClasses,
        f.services,
        terms.currency,
        terms.storagePrice,
        terms.storagePriceUnit,
        terms.storagePricePeriod,
        terms.inboundFee,
        terms.outboundFeePerOrder,
        terms.freeStorageDays,
        terms.cutoffTime,
        terms.dockToStockHours,
        wrng.int(Math.max(2015, founded[op]), 2025),
        true,
      );
      for (const l of lanesTo(city)) await wc.push(id, corridorIds.get(l.corridorSlug)!, wrng.int(l.min, l.max));
      if (keep) {
        whs.city[id] = city;
        whs.operator[id] = op;
        whs.classes[id] = f.storageClasses;
        whs.services[id] = f.services;
        whs.currency[id] = terms.currency;
        const stack = Number(terms.stackHeightM);
        whs.stack[id] = stack;
        whs.capacityCbm[id] =
          Number(terms.capacity) * (terms.capacityUnit === CapacityUnit.CBM ? 1 : terms.capacityUnit === CapacityUnit.PALLET ? Number(terms.palletCbm) : stack);
      }
    }
    await wh.flush();
    await wc.flush();
    progress.done();
    if (keep) ctx.provide(SCALE_WAREHOUSES, whs);
  },
};
