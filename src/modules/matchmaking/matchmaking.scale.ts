import { productCategories } from '../../../seeds/data';
import { USD_RATE, WAREHOUSE_CITIES } from '../../../seeds/sample/places';
import { ScaleError, type ScaleUnit } from '../../db/scale';
import { sql } from '../../db/sql';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../warehouse/warehouse.enums';
import { SCALE_WAREHOUSES } from '../warehouse/warehouse.scale';
import { DEMAND_CBM_PER_UNIT, HOLD_TERMS_COLUMNS, holdTermsValues } from './capacity.formulas';
import { addDays, todayInChina } from './matchmaking.validation';

/** The share of scale demands (the first ones) that past confirmed holds served. */
export const SERVED_SHARE = 0.2;

/** Moves every confirmed hold to one of the first `served` demands (and that demand's seller), by its demand ID. */
export const servedDemandsSql = (served: number) => `update capacity_hold h set demand_id = 1 + (h.demand_id - 1) % ${served}, holder_id = d.seller_id
      from capacity_demand d where h.status = 'CONFIRMED' and h.demand_id > ${served} and d.id = 1 + (h.demand_id - 1) % ${served}`;

const DEMAND_CLASSES = [
  [StorageClass.AMBIENT, 70],
  [StorageClass.DANGEROUS_GOODS, 10],
  [StorageClass.OVERSIZE, 8],
  [StorageClass.TEMPERATURE_CONTROLLED, 5],
  [StorageClass.BONDED, 4],
  [StorageClass.HIGH_VALUE, 3],
] as const;
/** What sellers ask a warehouse for most. */
const DEMAND_SERVICES = [
  WarehouseService.ONE_PIECE_FULFILMENT,
  WarehouseService.FBA_TRANSFER,
  WarehouseService.RETURNS,
  WarehouseService.LAST_MILE,
  WarehouseService.RELABELLING,
  WarehouseService.CUSTOMS_CLEARANCE,
];
const UNITS = [
  [CapacityUnit.CBM, 5],
  [CapacityUnit.PALLET, 4],
  [CapacityUnit.SQUARE_METRE, 1],
] as const;
const PERIOD_FACTOR: Record<PricePeriod, number> = { DAY: 1 / 30, WEEK: 7 / 30, MONTH: 1 };
/** Money in a currency: yen, won, roubles and the like in whole units. */
const money = (v: number, currency: string) => ((USD_RATE[currency] ?? 1) >= 50 ? Math.round(v).toFixed(2) : (Math.round(v * 100) / 100).toFixed(2));

/**
 * Matchmaking (off unless --offers or --demands): open demands of export sellers (where a seller
 * wants to be follows where the warehouses are), published offers over the warehouses (a storage
 * class and services each warehouse has, priced from its city in its currency) and the offers'
 * past holds, ended: the operators' fulfilment record. Confirmed holds are in the offers' held
 * quantity, never above it. Dates and hold times are relative to the day and moment of the run
 * (availability cannot start in the past); everything else is the same for the same options.
 */
export const matchmakingScale: ScaleUnit = {
  name: 'matchmaking',
  after: ['enterprise', 'warehouse'],
  tables: ['capacity_offer', 'capacity_demand', 'capacity_hold'],
  options: ['offers', 'demands', 'holds'],
  active: (o) => o.int('offers') > 0 || o.int('demands') > 0,
  async fill(ctx) {
    const offers = ctx.int('offers');
    const demands = ctx.int('demands');
    const holds = ctx.int('holds');
    const { sellers } = ctx.need(SCALE_ENTERPRISES);
    const whs = ctx.need(SCALE_WAREHOUSES);
    const W = whs.count;
    if (offers > 0 && W === 0) throw new ScaleError('--offers needs warehouses; raise --warehouses');
    if (demands > 0 && sellers.length === 0) throw new ScaleError('no export sellers among the enterprises; raise --enterprises');
    if (holds > 0 && (offers === 0 || demands === 0)) throw new ScaleError('--holds needs --offers and --demands');
    const today = todayInChina();
    const corridors = await ctx.query<{ id: number; slug: string }>(sql`select id, slug from corridor order by id`);
    const categories = productCategories.filter((c) => c.parentSlug).map((c) => c.slug);

    // ---- demands: a random warehouse stands for where the seller wants to be
    const drng = ctx.rng('scale-demands');
    const dProgress = ctx.progress('capacity demands', demands);
    const demand = ctx.table(
      'capacity_demand',
      [
        'id',
        'seller_id',
        'title',
        'countries',
        'near_latitude',
        'near_longitude',
        'radius_km',
        'corridor_id',
        'max_transit_days',
        'quantity',
        'unit',
        'quantity_cbm',
        'start_date',
        'duration_days',
        'storage_class',
        'product_categories',
        'required_services',
        'budget_currency',
        'max_monthly_price_per_cbm',
        'max_total',
        'has_batteries',
        'is_oversize',
        'contact_name',
        'contact_email',
        'status',
        'is_sample',
      ],
      { progress: dProgress },
    );
    const demandSeller = new Int32Array(demands + 1);
    for (let id = 1; id <= demands; id++) {
      const seller = sellers[Math.floor(sellers.length * drng.next())];
      demandSeller[id] = seller;
      const unit = drng.weighted(UNITS);
      const quantity = (unit === CapacityUnit.PALLET ? drng.int(4, 60) : drng.int(10, 200)) * (drng.chance(0.08) ? 10 : 1);
      const quantityCbm = Math.round(quantity * DEMAND_CBM_PER_UNIT[unit] * 100) / 100;
      const where = drng.weighted([
        ['countries', 60],
        ['area', 25],
        ['corridor', 15],
      ] as const);
      const home = W > 0 ? whs.city[drng.int(1, W)] : drng.pick(WAREHOUSE_CITIES);
      let countries: string[] = [];
      let area: { lat: number; lng: number; radius: number } | undefined;
      let corridor: { id: number; slug: string } | undefined;
      let maxTransit: number | null = null;
      if (where === 'countries') {
        const set = new Set([home.countryCode]);
        for (let k = drng.int(1, 3) - 1; k > 0; k--) set.add((W > 0 ? whs.city[drng.int(1, W)] : drng.pick(WAREHOUSE_CITIES)).countryCode);
        countries = [...set].sort();
        if (drng.chance(0.2)) maxTransit = drng.int(7, 35);
      } else if (where === 'area') {
        area = {
          lat: Math.round((home.lat + drng.real(-0.1, 0.1)) * 1e4) / 1e4,
          lng: Math.round((home.lng + drng.real(-0.1, 0.1)) * 1e4) / 1e4,
          radius: drng.pick([50, 100, 300, 800]),
        };
      } else {
        corridor = drng.pick(corridors);
        maxTransit = drng.int(5, 30);
      }
      const storageClass = drng.weighted(DEMAND_CLASSES);
      const durationDays = drng.pick([30, 60, 90, 90, 180, 365]);
      const services = drng.chance(0.55) ? drng.sample(DEMAND_SERVICES, drng.int(1, 2)).sort() : [];
      let budget: { currency: string; monthly: string | null; total: string | null } | undefined;
      if (drng.chance(0.6)) {
        const currency = where !== 'corridor' && drng.chance(0.5) ? home.currencies[0] : 'USD';
        const fx = USD_RATE[currency] ?? 1;
        const monthly = drng.real(10, 32) * fx;
        const kind = drng.weighted([
          ['monthly', 6],
          ['total', 2],
          ['both', 2],
        ] as const);
        budget = {
          currency,
          monthly: kind === 'total' ? null : money(monthly, currency),
          total: kind === 'monthly' ? null : money(quantityCbm * monthly * (durationDays / 30) * drng.real(0.9, 1.5), currency),
        };
      }
      const label = area ? home.cityEn : countries.length ? countries.join('/') : `${corridor!.slug} ≤${maxTransit}d`;
      await demand.push(
        id,
        seller,
        `${label} ${quantity} ${unit} 仓容需求`,
        countries,
        area?.lat ?? null,
        area?.lng ?? null,
        area?.radius ?? null,
        corridor?.id ?? null,
        maxTransit,
        quantity.toFixed(2),
        unit,
        quantityCbm.toFixed(2),
        addDays(today, drng.int(3, 90)),
        durationDays,
        storageClass,
        drng.sample(categories, drng.int(0, 3)).sort(),
        services,
        budget?.currency ?? null,
        budget?.monthly ?? null,
        budget?.total ?? null,
        storageClass === StorageClass.DANGEROUS_GOODS && drng.chance(0.8),
        storageClass === StorageClass.OVERSIZE,
        '示例联系人',
        `contact-${seller}@example.com`,
        'OPEN',
        true,
      );
    }
    await demand.flush();
    dProgress.done();

    // ---- offers, each with its past holds (confirmed ones are in held_quantity)
    const orng = ctx.rng('scale-offers');
    const hrng = ctx.rng('scale-holds');
    // Which offers the holds went to, drawn first so that --holds is exact.
    const holdsOf = new Uint16Array(offers + 1);
    for (let k = 0; k < holds; k++) holdsOf[hrng.int(1, offers)]++;
    const fulfilment = new Map<number, number>();
    const rateOf = (op: number) => {
      let r = fulfilment.get(op);
      if (r === undefined) fulfilment.set(op, (r = ctx.rng(`scale-fulfilment-${op}`).real(0.35, 0.95)));
      return r;
    };
    const now = Date.now();
    const ts = (ms: number) => new Date(ms).toISOString();
    const oProgress = ctx.progress('capacity offers (+ holds)', offers);
    const offer = ctx.table(
      'capacity_offer',
      [
        'id',
        'warehouse_id',
        'quantity',
        'unit',
        'cbm_per_unit',
        'held_quantity',
        'available_from',
        'available_to',
        'storage_class',
        'currency',
        'storage_price',
        'price_period',
        'inbound_fee',
        'outbound_fee',
        'free_days',
        'min_quantity',
        'min_term_days',
        'services',
        'status',
        'is_sample',
      ],
      { progress: oProgress },
    );
    const hold = ctx.table(
      'capacity_hold',
      ['id', 'offer_id', 'demand_id', 'holder_id', 'quantity', 'status', 'expires_at', 'confirmed_at', 'ended_at', 'created_at', 'updated_at'],
      { parents: [offer] },
    );
    let holdId = 0;
    for (let id = 1; id <= offers; id++) {
      const w = 1 + Math.floor(W * orng.next());
      const city = whs.city[w];
      const unit = orng.weighted(UNITS);
      const cbmPerUnit = unit === CapacityUnit.CBM ? 1 : unit === CapacityUnit.PALLET ? 1.38 : whs.stack[w];
      const quantity = Math.max(10, Math.round((whs.capacityCbm[w] * orng.real(0.02, 0.12)) / cbmPerUnit / 10) * 10);
      const from = addDays(today, orng.int(0, 60));
      const to = addDays(from, orng.int(30, 365));
      const currency = whs.currency[w];
      const fx = USD_RATE[currency] ?? 1;
      // Around the warehouse's own price card: 14 USD per CBM per month in Los Angeles, scaled by city.
      const perCbmMonth = 14 * city.priceLevel * orng.real(0.75, 1.35) * fx;
      const period = orng.weighted([
        [PricePeriod.DAY, 5],
        [PricePeriod.WEEK, 2],
        [PricePeriod.MONTH, 3],
      ] as const);
      const services = orng.sample(whs.services[w], orng.int(1, whs.services[w].length)).sort();
      const minQuantity = orng.chance(0.4) ? Math.round(quantity * orng.real(0.05, 0.2)) : 0;
      const row = [
        id,
        w,
        quantity.toFixed(2),
        unit,
        cbmPerUnit.toFixed(4),
        '0',
        from,
        to,
        orng.pick(whs.classes[w]),
        currency,
        money(perCbmMonth * cbmPerUnit * PERIOD_FACTOR[period], currency),
        period,
        money(perCbmMonth * cbmPerUnit * orng.real(0.1, 0.3), currency),
        money(perCbmMonth * cbmPerUnit * orng.real(0.03, 0.08), currency),
        orng.pick([0, 0, 7, 14, 30]),
        minQuantity.toFixed(2),
        orng.pick([1, 7, 30, 30, 90]),
        services,
        'PUBLISHED',
        true,
      ];
      // Past holds: the operator's record decides how many were confirmed; never more than the quantity.
      let held = 0;
      const offerHolds: unknown[][] = [];
      for (let k = 0; k < holdsOf[id]; k++) {
        const d = hrng.int(1, demands);
        const q = hrng.int(1, Math.max(1, Math.round(quantity * 0.15)));
        const created = now - hrng.int(1, 60 * 24 * 60) * 60_000;
        const expires = created + 60 * 60_000;
        let status = hrng.chance(rateOf(whs.operator[w])) ? 'CONFIRMED' : hrng.chance(0.65) ? 'RELEASED' : 'EXPIRED';
        if (status === 'CONFIRMED' && held + q > quantity) status = 'RELEASED';
        if (status === 'CONFIRMED') held += q;
        const acted = created + hrng.int(5, 55) * 60_000;
        const ended = status === 'RELEASED' ? acted : status === 'EXPIRED' ? expires + hrng.int(0, 10) * 60_000 : null;
        offerHolds.push([
          ++holdId,
          id,
          d,
          demandSeller[d],
          q.toFixed(2),
          status,
          ts(expires),
          status === 'CONFIRMED' ? ts(acted) : null,
          ended && ts(ended),
          ts(created),
          ts(ended ?? acted),
        ]);
      }
      row[5] = held.toFixed(2);
      await offer.push(...row);
      for (const h of offerHolds) await hold.push(...h);
    }
    await offer.flush();
    await hold.flush();
    // Confirmed holds served the first fifth of the demands (SERVED_SHARE), which their confirmations
    // cover (MATCHED, counted by capacity_hold's trigger): the others are open, as sellers post them.
    // Drawn from the same stream as before and mapped here, so the rest of the data is unchanged.
    await ctx.query(sql`${sql.raw(servedDemandsSql(Math.max(1, Math.ceil(demands * SERVED_SHARE))))}`);
    // Their agreed terms, as holdCapacity keeps them: the offer's price card and the demand's stay.
    await ctx.query(
      sql`update capacity_hold h set (${sql.raw(HOLD_TERMS_COLUMNS)}) = (select ${sql.raw(holdTermsValues('o', 'd', 'h.quantity'))})
      from capacity_offer o, capacity_demand d where o.id = h.offer_id and d.id = h.demand_id and h.unit is null`,
    );
    oProgress.done();
    const [c] = await ctx.query<{ offers: number; countries: number }>(sql`
      select count(*)::int as offers, count(distinct w.country_code)::int as countries
      from capacity_offer o join overseas_warehouse w on w.id = o.warehouse_id where o.status = 'PUBLISHED'`);
    ctx.note(`  holds ${hold.written.toLocaleString('en')}; published offers in ${c.countries} countries`);
  },
};
