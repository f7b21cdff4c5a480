import { MARKET_WEIGHTS, pickMarkets } from '../../../seeds/sample';
import type { ScaleUnit } from '../../db/scale';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { ServiceCategory } from './service-provider.enums';

/**
 * Service providers: a profile for the first service, payment and logistics firms among the
 * enterprises (a provider is an enterprise), so there can be no more of them than such firms.
 */
export const serviceProviderScale: ScaleUnit = {
  name: 'service-provider',
  after: ['enterprise'],
  tables: ['service_provider'],
  options: ['providers'],
  async fill(ctx) {
    const providers = ctx.int('providers');
    const { serviceFirms } = ctx.need(SCALE_ENTERPRISES);
    const srng = ctx.rng('scale-providers');
    const progress = ctx.progress('service providers', Math.min(providers, serviceFirms.length));
    const sp = ctx.table(
      'service_provider',
      ['enterprise_id', 'name_zh', 'name_en', 'categories', 'markets', 'languages', 'description_zh', 'description_en', 'is_sample'],
      { progress },
    );
    const allCats = Object.values(ServiceCategory);
    for (const [i, s] of serviceFirms.slice(0, providers).entries()) {
      // The first 16 cover every category, whatever the draw.
      const cats = new Set([i < allCats.length ? allCats[i] : s.main]);
      if (srng.chance(0.4)) cats.add(srng.pick(allCats));
      const markets = s.markets.length ? s.markets : pickMarkets(srng, srng.int(2, 5), MARKET_WEIGHTS);
      const mainCat = [...cats][0];
      await sp.push(
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
  },
};
