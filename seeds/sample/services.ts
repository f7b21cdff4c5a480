import type { DatasetOf } from '../../src/import';
import { ServiceCategory, ServiceCertification as C, ServicePriceUnit as U } from '../../src/modules/service-provider/service-provider.enums';
import type { ServiceProviderRecord } from '../../src/modules/service-provider/service-provider.import';
import type { ServiceNeedRecord, ServiceOfferingRecord, serviceNeedsImport, serviceOfferingsImport } from '../../src/modules/service-provider/service.import';
import { contactName } from './fair';
import { Rng } from './prng';

/** What the services sample reads of a sample enterprise (seeds/sample.ts, SampleEnterprise). */
export interface ServiceFirm {
  record: { creditCode: string };
  archetype: string;
  trade: { zh: string; en: string; ascii: string };
}

/*
 * Sample service offerings of the sample service providers, and a few saved service needs of
 * sample sellers, as import records (docs/matchmaking.md, "Services"). Each provider sells one or
 * two offerings in each of its categories, drawn from a catalogue of what Chongqing's CBEC service
 * firms sell (trade-mark filings, EU VAT, China–Europe rail, 9610 customs declaration, Thai and
 * Russian live selling …), priced mostly in CNY, some in USD or EUR, and per cent of the value for
 * collections, refunds and insurance. Fictitious, flagged as sample. Deterministic: the same seed
 * gives the same records.
 */

/** The services part of the sample dataset, typed by its units' records. */
export type ServicesDataset = DatasetOf<typeof serviceOfferingsImport | typeof serviceNeedsImport>;

/** An offering of the catalogue: names, description, markets, languages, certifications, price, turnaround. */
export interface Template {
  key: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  markets: string[];
  languages: string[];
  certs: C[];
  price: [min: number, max: number, currency: string | null, unit: U];
  days: number;
}

const t = (
  key: string,
  [zh, en]: [string, string],
  [dzh, den]: [string, string],
  markets: string[],
  languages: string[],
  certs: C[],
  price: Template['price'],
  days: number,
): Template => ({ key, zh, en, dzh, den, markets, languages, certs, price, days });

/** The catalogue, by category (the scale generator draws from it too). */
export const CATALOGUE: Record<ServiceCategory, Template[]> = {
  IP_AGENCY: [
    t(
      'eu-tm',
      ['欧盟商标注册（EUIPO）', 'EU trade mark registration (EUIPO)'],
      ['一次申请覆盖欧盟全部成员国，含查询、递交与官方审查答复。', 'One filing for every EU member state: search, filing and answers to the office.'],
      ['EU'],
      ['zh', 'en'],
      [C.TRADEMARK_AGENCY_FILING],
      [6800, 9800, 'CNY', U.PER_PROJECT],
      10,
    ),
    t(
      'us-tm',
      ['美国商标注册（USPTO）', 'US trademark registration (USPTO)'],
      ['美国商标检索、申请及使用证据准备。', 'US trademark search, application and specimens of use.'],
      ['US'],
      ['zh', 'en'],
      [C.TRADEMARK_AGENCY_FILING],
      [950, 1500, 'USD', U.PER_PROJECT],
      14,
    ),
    t(
      'madrid',
      ['马德里商标国际注册', 'Madrid international trade mark filing'],
      ['经国家知识产权局递交马德里国际申请，指定多个国家。', 'A Madrid filing through CNIPA designating several countries.'],
      ['EU', 'GB', 'JP', 'KR', 'RU', 'VN', 'TH'],
      ['zh', 'en'],
      [C.TRADEMARK_AGENCY_FILING],
      [4500, 12000, 'CNY', U.PER_PROJECT],
      20,
    ),
    t(
      'design',
      ['外观设计专利海外申请', 'Overseas design patent filing'],
      ['欧盟、美国外观设计申请与优先权主张。', 'Design filings in the EU and the US, with priority claims.'],
      ['EU', 'US'],
      ['zh', 'en'],
      [C.PATENT_AGENCY_LICENCE],
      [8000, 15000, 'CNY', U.PER_PROJECT],
      30,
    ),
  ],
  LEGAL: [
    t(
      'compliance',
      ['欧盟合规法律顾问（GDPR、EPR）', 'EU compliance counsel (GDPR, EPR)'],
      ['数据保护、生产者延伸责任注册与产品合规。', 'Data protection, extended producer responsibility and product compliance.'],
      ['EU', 'GB'],
      ['zh', 'en', 'de'],
      [C.LAW_FIRM_LICENCE],
      [8000, 15000, 'CNY', U.PER_MONTH],
      5,
    ),
    t(
      'tro',
      ['美国TRO知识产权诉讼应诉', 'Defending US TRO intellectual-property cases'],
      ['临时限制令应诉、冻结资金解冻谈判。', 'Answering temporary restraining orders and negotiating frozen funds.'],
      ['US'],
      ['zh', 'en'],
      [C.LAW_FIRM_LICENCE],
      [3000, 8000, 'USD', U.PER_PROJECT],
      30,
    ),
  ],
  MARKETING: [
    t(
      'tiktok-ads',
      ['TikTok广告投放代运营', 'TikTok ads management'],
      ['东南亚TikTok广告账户搭建、素材与投放优化。', 'TikTok ad accounts, creatives and optimisation for South-East Asia.'],
      ['TH', 'VN', 'MY', 'ID', 'PH'],
      ['zh', 'en', 'th', 'vi'],
      [C.PLATFORM_PARTNER],
      [6000, 12000, 'CNY', U.PER_MONTH],
      7,
    ),
    t(
      'influencer',
      ['海外网红营销', 'Influencer marketing campaigns'],
      ['欧美达人筛选、寄样与内容投放。', 'Finding creators in Europe and America, samples and posts.'],
      ['US', 'EU', 'GB'],
      ['zh', 'en'],
      [],
      [15000, 50000, 'CNY', U.PER_PROJECT],
      30,
    ),
  ],
  INTERNATIONAL_LIVE_STREAMING: [
    t(
      'live-th',
      ['泰语TikTok直播带货', 'Thai-language TikTok live selling'],
      ['泰籍主播、两江新区直播间，按场次结算。', 'Thai hosts in a studio in Liangjiang New Area, paid per day of streaming.'],
      ['TH'],
      ['th', 'zh'],
      [C.MCN_AGENCY],
      [2800, 4200, 'CNY', U.PER_DAY],
      3,
    ),
    t(
      'live-ru',
      ['俄语直播带货', 'Russian-language live selling'],
      ['俄语主播面向俄罗斯、哈萨克斯坦市场直播。', 'Russian-speaking hosts for Russia and Kazakhstan.'],
      ['RU', 'KZ'],
      ['ru', 'zh'],
      [C.MCN_AGENCY],
      [3000, 5000, 'CNY', U.PER_DAY],
      5,
    ),
    t(
      'live-vi',
      ['越南语直播带货', 'Vietnamese-language live selling'],
      ['越南语主播，Shopee与TikTok双平台。', 'Vietnamese hosts on Shopee and TikTok.'],
      ['VN'],
      ['vi', 'zh'],
      [],
      [2500, 3800, 'CNY', U.PER_DAY],
      4,
    ),
  ],
  DATA_ANALYSIS: [
    t(
      'store-data',
      ['跨境店铺数据分析月报', 'Monthly cross-border store analytics'],
      ['销量、广告与竞品数据看板及月度分析。', 'Dashboards of sales, ads and competitors, with a monthly review.'],
      [],
      ['zh', 'en'],
      [],
      [3000, 5000, 'CNY', U.PER_MONTH],
      10,
    ),
  ],
  SOFTWARE_DEVELOPMENT: [
    t(
      'shopify',
      ['Shopify独立站建站', 'Shopify store build'],
      ['主题定制、支付与物流插件对接、多语言。', 'Theme, payment and logistics apps, several languages.'],
      [],
      ['zh', 'en'],
      [C.ISO_27001],
      [15000, 40000, 'CNY', U.PER_PROJECT],
      30,
    ),
    t(
      'erp',
      ['跨境ERP接口开发', 'Cross-border ERP integration'],
      ['平台、海外仓与报关系统接口开发，按工时计费。', 'Interfaces to platforms, overseas warehouses and customs systems, by the hour.'],
      [],
      ['zh', 'en'],
      [C.ISO_9001],
      [400, 650, 'CNY', U.PER_HOUR],
      20,
    ),
  ],
  FINANCE_TAX: [
    t(
      'eu-vat',
      ['欧盟VAT注册与申报', 'EU VAT registration and returns'],
      ['德国、法国等成员国VAT及OSS申报。', 'VAT in Germany, France and other member states, and OSS returns.'],
      ['EU', 'GB'],
      ['zh', 'en', 'de'],
      [C.TAX_AGENT],
      [1200, 2400, 'EUR', U.PER_YEAR],
      21,
    ),
    t(
      'bookkeeping',
      ['跨境电商代理记账', 'Bookkeeping for CBEC sellers'],
      ['9610/9710模式收入核算与纳税申报。', 'Accounts and tax returns for 9610 and 9710 sellers.'],
      [],
      ['zh'],
      [C.CPA_FIRM, C.TAX_AGENT],
      [800, 1500, 'CNY', U.PER_MONTH],
      5,
    ),
  ],
  TAX_REFUND: [
    t(
      'refund',
      ['出口退税代办', 'Export tax refund handling'],
      ['单证收集、申报与退税跟踪，按退税额收费。', 'Documents, filing and follow-up, charged on the refund.'],
      [],
      ['zh'],
      [C.TAX_AGENT],
      [0.3, 0.8, null, U.PERCENT_OF_VALUE],
      20,
    ),
  ],
  FX_COLLECTION: [
    t(
      'collect',
      ['跨境收款（美元、欧元、英镑）', 'Collections in USD, EUR and GBP'],
      ['平台回款、结汇与资金下发。', 'Platform payouts, conversion and transfers home.'],
      ['US', 'EU', 'GB'],
      ['zh', 'en'],
      [C.PAYMENT_LICENCE],
      [0.3, 1, null, U.PERCENT_OF_VALUE],
      1,
    ),
  ],
  PAYMENT: [
    t(
      'local-pay',
      ['海外本地支付接入', 'Local payment methods abroad'],
      ['东南亚电子钱包与俄罗斯本地卡支付接入。', 'South-East Asian wallets and Russian local cards.'],
      ['TH', 'VN', 'MY', 'RU'],
      ['zh', 'en', 'ru'],
      [C.PAYMENT_LICENCE],
      [0.6, 1.2, null, U.PERCENT_OF_VALUE],
      14,
    ),
  ],
  FINANCING: [
    t(
      'order-finance',
      ['跨境电商订单融资', 'Order financing for CBEC sellers'],
      ['凭平台订单与回款记录融资，按融资额计费。', 'Finance against platform orders and payouts, charged on the amount.'],
      [],
      ['zh'],
      [C.FINANCIAL_LICENCE],
      [4.5, 8, null, U.PERCENT_OF_VALUE],
      7,
    ),
  ],
  CREDIT_INSURANCE: [
    t(
      'credit-ins',
      ['出口信用保险投保服务', 'Export credit insurance'],
      ['买方资信调查与短期险投保，按货值计费。', 'Buyer checks and short-term cover, charged on the value shipped.'],
      [],
      ['zh', 'en'],
      [C.FINANCIAL_LICENCE],
      [0.15, 0.6, null, U.PERCENT_OF_VALUE],
      10,
    ),
  ],
  LOGISTICS: [
    t(
      'rail-eu',
      ['中欧班列（渝新欧）拼箱至杜伊斯堡', 'China–Europe Railway Express LCL to Duisburg'],
      ['团结村中心站发运，门到门至德国、波兰。', 'From Tuanjiecun station, door to door to Germany and Poland.'],
      ['DE', 'PL', 'EU'],
      ['zh', 'en'],
      [C.AEO_ADVANCED],
      [4500, 6800, 'CNY', U.PER_ORDER],
      18,
    ),
    t(
      'sea-rail',
      ['西部陆海新通道海铁联运至东南亚', 'New Western Land-Sea Corridor rail–sea to South-East Asia'],
      ['经钦州港至越南、泰国、新加坡。', 'Through Qinzhou port to Vietnam, Thailand and Singapore.'],
      ['VN', 'TH', 'SG', 'MY'],
      ['zh', 'en'],
      [],
      [2800, 4600, 'CNY', U.PER_ORDER],
      12,
    ),
    t(
      'air-us',
      ['重庆—洛杉矶跨境电商空运专线', 'Chongqing–Los Angeles CBEC air freight'],
      ['江北机场直飞，含清关派送。', 'Direct from Jiangbei airport, with clearance and delivery.'],
      ['US'],
      ['zh', 'en'],
      [],
      [4.2, 6.5, 'USD', U.PER_ORDER],
      6,
    ),
  ],
  CUSTOMS_DECLARATION: [
    t(
      '9610',
      ['跨境电商报关（9610、9710、9810）', 'CBEC customs declaration (9610, 9710, 9810)'],
      ['西永综保区、两路果园港申报，单票结算。', 'Declarations at Xiyong and Lianglu-Cuntan bonded zones, per declaration.'],
      [],
      ['zh'],
      [C.CUSTOMS_BROKER, C.AEO_ADVANCED],
      [150, 300, 'CNY', U.PER_ORDER],
      1,
    ),
  ],
  TRAINING: [
    t(
      'amazon-training',
      ['亚马逊运营企业内训', 'In-house Amazon operations training'],
      ['选品、Listing与广告实操，按天计费。', 'Product choice, listings and ads in practice, by the day.'],
      [],
      ['zh'],
      [C.VOCATIONAL_TRAINING_LICENCE],
      [6000, 9000, 'CNY', U.PER_DAY],
      14,
    ),
  ],
  ONE_STOP: [
    t(
      'one-stop',
      ['跨境电商一站式出海服务包', 'One-stop going-abroad package'],
      ['商标、VAT、物流、收款一站办理，年费制。', 'Trade mark, VAT, logistics and collections in one, by the year.'],
      ['EU', 'US', 'GB'],
      ['zh', 'en'],
      [C.PLATFORM_PARTNER],
      [19800, 39800, 'CNY', U.PER_YEAR],
      30,
    ),
  ],
};

/** A price bound as the API takes it: whole numbers as they are, percentages to two places. */
const amount = (v: number, unit: U) => (unit === U.PERCENT_OF_VALUE ? v.toFixed(2) : String(Math.round(v)));

/** An offering drawn from a template: its price range and turnaround around the template's, a contact at `host`. */
export function offeringFrom(rng: Rng, tpl: Template, host: string) {
  const [lo, hi, currency, unit] = tpl.price;
  const min = lo * rng.real(0.85, 1.15);
  const max = Math.max(min, hi * rng.real(0.9, 1.2));
  const { name } = contactName(rng);
  return {
    price: { min: amount(min, unit), max: amount(max, unit), currency, unit },
    turnaroundDays: Math.max(1, Math.round(tpl.days * rng.real(0.7, 1.3))),
    contact: {
      name,
      email: `services@${host}.example`,
      phone: `+86 23 6${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`,
    },
  };
}

/** Every provider's offerings: one or two of its categories' templates, priced around the template's range. */
function makeOfferings(seed: number, providers: readonly ServiceProviderRecord[], ents: readonly ServiceFirm[]): ServiceOfferingRecord[] {
  const rng = Rng.for(seed, 'service-offerings');
  const byCode = new Map(ents.map((e) => [e.record.creditCode, e]));
  const out: ServiceOfferingRecord[] = [];
  providers.forEach((p, i) => {
    const e = byCode.get(p.creditCode);
    for (const category of p.categories as ServiceCategory[]) {
      const catalogue = CATALOGUE[category];
      const picked = rng.chance(0.4) && catalogue.length > 1 ? rng.sample(catalogue, 2) : [rng.pick(catalogue)];
      for (const tpl of picked) {
        out.push({
          provider: p.creditCode,
          ref: tpl.key,
          nameZh: `${e?.trade.zh ?? ''}·${tpl.zh}`,
          nameEn: `${e?.trade.en ?? ''} · ${tpl.en}`,
          descriptionZh: tpl.dzh,
          descriptionEn: tpl.den,
          category,
          markets: tpl.markets,
          languages: tpl.languages,
          certifications: tpl.certs,
          ...offeringFrom(rng, tpl, e?.trade.ascii ?? `provider${i}`),
          isSample: true,
        });
      }
    }
  });
  // A one-stop firm doing both halves of the issue's own question — an EU trade mark and Thai live
  // selling — from the same templates (its own random stream, so the draws above stay as they were).
  const oneStop = providers.find((p) => (p.categories as ServiceCategory[]).includes(ServiceCategory.ONE_STOP));
  if (oneStop) {
    const both = Rng.for(seed, 'service-offerings-one-stop');
    const e = byCode.get(oneStop.creditCode);
    for (const [category, key] of [
      [ServiceCategory.IP_AGENCY, 'eu-tm'],
      [ServiceCategory.INTERNATIONAL_LIVE_STREAMING, 'live-th'],
    ] as const) {
      const tpl = CATALOGUE[category].find((x) => x.key === key)!;
      if (out.some((o) => o.provider === oneStop.creditCode && o.ref === tpl.key)) continue;
      out.push({
        provider: oneStop.creditCode,
        ref: tpl.key,
        nameZh: `${e?.trade.zh ?? ''}·${tpl.zh}`,
        nameEn: `${e?.trade.en ?? ''} · ${tpl.en}`,
        descriptionZh: tpl.dzh,
        descriptionEn: tpl.den,
        category,
        markets: tpl.markets,
        languages: tpl.languages,
        certifications: tpl.certs,
        ...offeringFrom(both, tpl, e?.trade.ascii ?? 'one-stop'),
        isSample: true,
      });
    }
  }
  return out;
}

/** A few saved needs of sample sellers: what the docs' examples ask. */
function makeNeeds(ents: readonly ServiceFirm[]): ServiceNeedRecord[] {
  const sellers = ents.filter((e) => e.archetype === 'seller' || e.archetype === 'manufacturer');
  const need = (i: number, r: Omit<ServiceNeedRecord, 'enterprise' | 'isSample'>): ServiceNeedRecord => ({
    enterprise: sellers[i % sellers.length].record.creditCode,
    ...r,
    isSample: true,
  });
  return [
    need(0, {
      ref: 'eu-tm-thai-live',
      title: '欧盟商标注册并在泰国开展泰语直播带货 — EU trade mark and Thai live selling',
      categories: [ServiceCategory.IP_AGENCY, ServiceCategory.INTERNATIONAL_LIVE_STREAMING],
      markets: ['EU', 'TH'],
      languages: ['zh', 'th'],
      deadline: '2029-12-31',
    }),
    need(1, {
      ref: 'customs-9610',
      title: '9610跨境电商出口报关 — customs declaration for 9610 exports',
      categories: [ServiceCategory.CUSTOMS_DECLARATION],
      certifications: [C.CUSTOMS_BROKER],
      budget: { max: '250', currency: 'CNY', unit: U.PER_ORDER },
    }),
    need(2, {
      ref: 'eu-vat',
      title: '德国VAT注册及季度申报 — German VAT registration and quarterly returns',
      categories: [ServiceCategory.FINANCE_TAX],
      markets: ['DE'],
      budget: { max: '20000', currency: 'CNY', unit: U.PER_YEAR },
    }),
    need(3, {
      ref: 'rail-europe',
      title: '中欧班列拼箱到波兰 — rail LCL to Poland',
      categories: [ServiceCategory.LOGISTICS, ServiceCategory.CUSTOMS_DECLARATION],
      markets: ['PL'],
    }),
  ];
}

/** The services part of the sample: the providers' offerings and a few saved needs. */
export function makeServicesSample(seed: number, ents: readonly ServiceFirm[], providers: readonly ServiceProviderRecord[]): ServicesDataset {
  return { serviceOfferings: makeOfferings(seed, providers, ents), serviceNeeds: makeNeeds(ents) };
}
