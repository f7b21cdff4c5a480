import { DISTRICT_WEIGHTS, MARKET_WEIGHTS, pickMarkets } from '../../../seeds/sample';
import { CATALOGUE, offeringFrom } from '../../../seeds/sample/services';
import type { ScaleUnit } from '../../db/scale';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { addDays, todayInChina } from '../matchmaking/matchmaking.validation';
import { SERVICE_FAMILIES, ServiceCategory, ServicePriceUnit } from './service-provider.enums';

/** Languages spoken in markets (ISO 639-1), for offerings and needs beyond Chinese and English. */
const MARKET_LANGUAGE: Record<string, string> = {
  RU: 'ru',
  KZ: 'ru',
  VN: 'vi',
  TH: 'th',
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  JP: 'ja',
  KR: 'ko',
  MY: 'ms',
  ID: 'id',
};

/**
 * Service providers: a profile for the first service, payment and logistics firms among the
 * enterprises (a provider is an enterprise), so there can be no more of them than such firms; then
 * `--offerings` service offerings spread over the providers in turn (each in one of the
 * provider's categories or a neighbour of its family, drawn from the sample catalogue,
 * seeds/sample/services.ts: mostly CNY, some USD and EUR, percentages for collections), mostly
 * published; and `--service-needs` saved needs of export sellers (1–3 categories, markets,
 * sometimes a language, a budget in the unit of the first category's services, a deadline, a district).
 */
export const serviceProviderScale: ScaleUnit = {
  name: 'service-provider',
  after: ['enterprise'],
  tables: ['service_provider', 'service_offering', 'service_need'],
  options: ['providers', 'offerings', 'serviceNeeds'],
  async fill(ctx) {
    const providers = ctx.int('providers');
    const { serviceFirms, sellers } = ctx.need(SCALE_ENTERPRISES);
    const srng = ctx.rng('scale-providers');
    const firms = serviceFirms.slice(0, providers);
    const progress = ctx.progress('service providers', firms.length);
    const sp = ctx.table(
      'service_provider',
      ['id', 'enterprise_id', 'name_zh', 'name_en', 'categories', 'markets', 'languages', 'description_zh', 'description_en', 'is_sample'],
      { progress },
    );
    const allCats = Object.values(ServiceCategory);
    const providerCats: ServiceCategory[][] = [];
    for (const [i, s] of firms.entries()) {
      // The first 16 cover every category, whatever the draw.
      const cats = new Set([i < allCats.length ? allCats[i] : s.main]);
      if (srng.chance(0.4)) cats.add(srng.pick(allCats));
      const markets = s.markets.length ? s.markets : pickMarkets(srng, srng.int(2, 5), MARKET_WEIGHTS);
      const mainCat = [...cats][0];
      providerCats.push([...cats].sort());
      await sp.push(
        i + 1,
        s.id,
        `${s.trade.zh}跨境服务${i + 1}号`,
        `${s.trade.en} Cross-border Services No. ${i + 1}`,
        [...cats].sort(),
        markets,
        srng.chance(0.3) ? ['en', 'ru', 'zh'] : ['en', 'zh'],
        `提供${mainCat}相关跨境电商服务。`,
        `Cross-border e-commerce services (${mainCat}).`,
        true,
      );
    }
    await sp.flush();
    progress.done();
    if (providers > serviceFirms.length)
      ctx.note(`  (only ${serviceFirms.length} service firms among the enterprises; raise --enterprises for more providers)`);

    const offerings = ctx.int('offerings');
    if (offerings > 0 && firms.length > 0) {
      const orng = ctx.rng('scale-service-offerings');
      const oprogress = ctx.progress('service offerings', offerings);
      const so = ctx.table(
        'service_offering',
        [
          'id',
          'provider_id',
          'ref',
          'status',
          'name_zh',
          'name_en',
          'description_zh',
          'description_en',
          'category',
          'markets',
          'languages',
          'certifications',
          'price_min',
          'price_max',
          'currency',
          'price_unit',
          'turnaround_days',
          'contact_name',
          'contact_email',
          'contact_phone',
          'is_sample',
        ],
        { progress: oprogress, parents: [sp] },
      );
      for (let j = 0; j < offerings; j++) {
        const p = j % firms.length;
        const firm = firms[p];
        // Mostly the provider's own categories; one in five a neighbour in the family.
        let category = orng.pick(providerCats[p]);
        if (orng.chance(0.2)) category = orng.pick(SERVICE_FAMILIES.find((f) => f.includes(category))!);
        const tpl = orng.pick(CATALOGUE[category]);
        const o = offeringFrom(orng, tpl, firm.trade.ascii);
        // Some variety of markets and languages around the template's.
        const markets =
          tpl.markets.length && orng.chance(0.3) ? [...new Set([...tpl.markets, ...pickMarkets(orng, orng.int(1, 3), MARKET_WEIGHTS)])] : tpl.markets;
        const languages = [...new Set([...tpl.languages, ...(orng.chance(0.3) ? markets.map((m) => MARKET_LANGUAGE[m]).filter(Boolean) : [])])].sort();
        const status = orng.chance(0.95) ? 'PUBLISHED' : orng.chance(0.6) ? 'DRAFT' : 'WITHDRAWN';
        await so.push(
          j + 1,
          p + 1,
          `o${j + 1}`,
          status,
          `${firm.trade.zh}·${tpl.zh}`,
          `${firm.trade.en} · ${tpl.en}`,
          tpl.dzh,
          tpl.den,
          category,
          markets,
          languages,
          tpl.certs.filter(() => orng.chance(0.8)),
          o.price.min,
          o.price.max,
          o.price.currency,
          o.price.unit,
          o.turnaroundDays,
          o.contact.name,
          o.contact.email,
          o.contact.phone,
          true,
        );
      }
      await so.flush();
      oprogress.done();
    }

    const needs = ctx.int('serviceNeeds');
    if (needs > 0 && sellers.length > 0) {
      const nrng = ctx.rng('scale-service-needs');
      const nprogress = ctx.progress('service needs', needs);
      const sn = ctx.table(
        'service_need',
        [
          'id',
          'owner_id',
          'ref',
          'status',
          'title',
          'categories',
          'markets',
          'languages',
          'certifications',
          'budget_max',
          'budget_currency',
          'budget_unit',
          'deadline',
          'district_code',
          'is_sample',
        ],
        { progress: nprogress },
      );
      const today = todayInChina();
      for (let j = 0; j < needs; j++) {
        const categories = nrng.sample(allCats, nrng.chance(0.5) ? 1 : nrng.int(2, 3));
        const markets = pickMarkets(nrng, nrng.int(1, 3), MARKET_WEIGHTS);
        const languages = nrng.chance(0.4) ? [...new Set(['zh', ...markets.map((m) => MARKET_LANGUAGE[m]).filter(Boolean)])] : [];
        // A budget in the unit and currency of the first category's usual price, somewhat above it.
        const [lo, hi, currency, unit] = nrng.pick(CATALOGUE[categories[0]]).price;
        const budget = nrng.chance(0.5);
        const max = budget
          ? unit === ServicePriceUnit.PERCENT_OF_VALUE
            ? (hi * nrng.real(0.8, 1.3)).toFixed(2)
            : String(Math.round(nrng.real(lo, hi * 1.3)))
          : null;
        await sn.push(
          j + 1,
          sellers[j % sellers.length],
          `n${j + 1}`,
          nrng.chance(0.9) ? 'OPEN' : 'CLOSED',
          `需求${j + 1}：${categories.join('、')}`,
          categories,
          markets,
          languages,
          [],
          max,
          budget ? currency : null,
          budget ? unit : null,
          nrng.chance(0.6) ? addDays(today, nrng.int(30, 365)) : null,
          nrng.chance(0.3) ? nrng.weighted(DISTRICT_WEIGHTS) : null,
          true,
        );
      }
      await sn.flush();
      nprogress.done();
    }
  },
};
