import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from '../src/db/sql';
import { exec } from '../src/db/write';
import { importDataset } from '../src/composition';
import { cbmPerUnit, DEMAND_CBM_PER_UNIT } from '../src/modules/matchmaking/capacity.formulas';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import type { CapacityOfferRecord } from '../src/modules/matchmaking/offer.import';
import type { CapacityUnit, PricePeriod, StorageClass, WarehouseService } from '../src/modules/warehouse/warehouse.enums';
import { Rng } from './sample/prng';

/**
 * Sample matchmaking listings so that a fresh `npm start` has offers to match and demands to
 * serve: every sample warehouse offers capacity, and export sellers post demands. Fictitious and
 * flagged `is_sample`. Contents are deterministic; the dates are relative to the day of seeding
 * (availability cannot start in the past), so they shift with it. Runs once: only when there are
 * no offers yet. The offers go through the import path an operator's file takes (the
 * `capacity-offers` unit: the API's checks, CBM per unit from the warehouse's own pallet volume
 * and stacking height), each with a ref `sample-<n>`; then the demands, in one transaction. A
 * failure between the two leaves offers and no demands, and a second run changes nothing.
 */
const SEED = 20261125;
const MONTHLY_PER_CBM: Record<string, [number, number]> = { USD: [8, 28], EUR: [8, 26], GBP: [7, 22], JPY: [1200, 3600], CNY: [55, 190] };

type W = {
  slug: string;
  country_code: string;
  currency: string;
  storage_classes: string[];
  services: string[];
  pallet_cbm: string;
  stack_height_m: string;
  capacity_cbm: string;
  city_en: string;
  latitude: number;
  longitude: number;
};

export async function seedMatchmakingSample(em: EntityManager): Promise<{ offers: number; demands: number }> {
  const db = em.fork() as SqlEntityManager;
  const [{ n }] = await exec<{ n: number }>(db, sql`select count(*)::int as n from capacity_offer`);
  if (n > 0) return { offers: 0, demands: 0 };
  const today = todayInChina();
  const warehouses = await exec<W>(
    db,
    sql`select slug, country_code, currency, storage_classes, services, pallet_cbm::text, stack_height_m::text, capacity_cbm::text, city_en, latitude, longitude
     from overseas_warehouse where is_sample order by id`,
  );
  const offers = sampleOffers(warehouses, today);
  await importDataset(em, { 'capacity-offers': offers }, { defaultIsSample: true });
  const demands = await em.fork().transactional((tem) => writeDemands(tem as SqlEntityManager, warehouses, today));
  return { offers: offers.length, demands };
}

/** One to three offers per sample warehouse, as records of the `capacity-offers` import unit. */
function sampleOffers(warehouses: readonly W[], today: string): CapacityOfferRecord[] {
  const rng = Rng.for(SEED, 'capacity-offers');
  const offers: CapacityOfferRecord[] = [];
  for (const w of warehouses) {
    const count = rng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const unit = rng.weighted([
        ['CBM', 5],
        ['PALLET', 4],
        ['SQUARE_METRE', 1],
      ] as const);
      // The warehouse's own factor, as the import stores it (capacity.formulas).
      const perUnit = Number(cbmPerUnit(unit, w));
      const share = rng.real(0.03, 0.15);
      const quantity = Math.max(10, Math.round((Number(w.capacity_cbm) * share) / perUnit / 10) * 10);
      const from = addDays(today, rng.int(0, 30));
      const to = addDays(from, rng.int(90, 365));
      const currency = MONTHLY_PER_CBM[w.currency] ? w.currency : 'USD';
      const [lo, hi] = MONTHLY_PER_CBM[currency];
      const monthlyPerCbm = rng.real(lo, hi);
      const period = rng.weighted([
        ['DAY', 5],
        ['WEEK', 2],
        ['MONTH', 3],
      ] as const);
      const perPeriod = monthlyPerCbm * perUnit * (period === 'DAY' ? 1 / 30 : period === 'WEEK' ? 7 / 30 : 1);
      const services = rng.sample(w.services, rng.int(1, Math.max(1, w.services.length))) as WarehouseService[];
      const storageClass = rng.pick(w.storage_classes) as StorageClass;
      const freeDays = rng.pick([0, 0, 7, 14, 30]);
      const minQuantity = rng.chance(0.4) ? Math.round(quantity * 0.1) : 0;
      offers.push({
        warehouseSlug: w.slug,
        ref: `sample-${offers.length + 1}`,
        quantity: String(quantity),
        unit: unit as CapacityUnit,
        availableFrom: from,
        availableTo: to,
        storageClass,
        currency,
        storagePrice: perPeriod.toFixed(4),
        pricePeriod: period as PricePeriod,
        inboundFee: (monthlyPerCbm * perUnit * 0.1).toFixed(2),
        outboundFee: (monthlyPerCbm * perUnit * 0.05).toFixed(2),
        freeDays,
        minQuantity: String(minQuantity),
        minTermDays: rng.pick([1, 7, 30, 30, 90]),
        services,
      });
    }
  }
  return offers;
}

async function writeDemands(em: SqlEntityManager, warehouses: readonly W[], today: string): Promise<number> {
  const sellers = await exec<{ id: number; name_zh: string }>(
    em,
    sql`select id, name_zh from enterprise where is_sample and 'EXPORT_SELLER' = any(roles) order by id limit 40`,
  );
  const drng = Rng.for(SEED, 'capacity-demands');
  const countries = [...new Set(warehouses.map((w: W) => w.country_code))];
  let demands = 0;
  for (const s of sellers) {
    const unit = drng.weighted([
      ['CBM', 5],
      ['PALLET', 4],
      ['SQUARE_METRE', 1],
    ] as const);
    const quantity = unit === 'PALLET' ? drng.int(4, 60) : drng.int(10, 200);
    const quantityCbm = quantity * DEMAND_CBM_PER_UNIT[unit];
    const near: W | undefined = drng.chance(0.25) ? drng.pick<W>(warehouses) : undefined;
    const wanted = near ? [] : drng.sample(countries, drng.int(1, 3));
    const budget = drng.chance(0.6) ? { currency: 'USD', monthly: drng.int(12, 30) } : undefined;
    const storageClass = drng.weighted([
      ['AMBIENT', 8],
      ['DANGEROUS_GOODS', 1],
      ['OVERSIZE', 1],
    ] as const);
    await exec(
      em,
      sql`
      insert into capacity_demand (seller_id, title, countries, near_latitude, near_longitude, radius_km, quantity, unit, quantity_cbm,
        start_date, duration_days, storage_class, required_services, budget_currency, max_monthly_price_per_cbm, has_batteries, is_oversize,
        contact_name, contact_email, is_sample)
      values (${s.id}, ${`${near ? near.city_en : wanted.join('/')} ${quantity} ${unit} 仓容需求`}, ${sql.array(wanted, 'text')},
        ${near?.latitude ?? null}, ${near?.longitude ?? null}, ${near ? drng.pick([50, 100, 300]) : null}, ${quantity}, ${unit}, ${quantityCbm.toFixed(2)},
        ${addDays(today, drng.int(7, 60))}, ${drng.pick([30, 60, 90, 180])}, ${storageClass},
        ${sql.array(drng.chance(0.5) ? drng.sample(['ONE_PIECE_FULFILMENT', 'FBA_TRANSFER', 'RETURNS', 'LAST_MILE'], drng.int(1, 2)) : [], 'text')},
        ${budget?.currency ?? null}, ${budget?.monthly ?? null}, ${storageClass === 'DANGEROUS_GOODS'}, ${storageClass === 'OVERSIZE'},
        '示例联系人', ${`contact-${s.id}@example.com`}, true)`,
    );
    demands += 1;
  }
  return demands;
}
