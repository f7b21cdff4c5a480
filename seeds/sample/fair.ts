import { BeltIndustry } from '../../src/modules/belt/belt.enums';
import type { BeltRecord } from '../../src/modules/belt/belt.import';
import { EnterpriseRole } from '../../src/modules/enterprise/enterprise.enums';
import { ListingKind, ListingStatus, OrderUnit, OrderUnitLabels, ProductCertification } from '../../src/modules/fair/fair.enums';
import type {
  FairEditionRecord,
  FairExhibitorRecord,
  FairHallRecord,
  FairListingRecord,
  FairSlotRecord,
  fairEditionsImport,
  fairExhibitorsImport,
  fairHallsImport,
  fairListingsImport,
  fairSlotsImport,
} from '../../src/modules/fair/fair.import';
import type { DatasetOf } from '../../src/import';
import { countries } from '../data/countries';
import { productCategories } from '../data/product-categories';
import { FAIR_PRODUCTS, PRODUCTS_BY_CATEGORY, type FairProduct } from './fair-products';
import { USD_RATE } from './places';
import { Rng } from './prng';

/*
 * The sample edition of the China (Chongqing) CBEC Trade Fair, as import records: the fair's real
 * editions and dates were not found (reference/chongqing-facts.md), so this is one clearly marked
 * sample edition in 2027 at the real venue, 重庆国际博览中心 in 悦来. Its halls follow the seeded
 * industrial belts (one hall each, N1–N7) plus an imported-goods hall (S1); its exhibitors are
 * sample enterprises that make or sell goods (every belt member, some other makers and sellers of
 * the belt's industry, the import supply-chain firms); its listings are OFFERs of the exhibitors'
 * products (seeds/sample/fair-products.ts) and REQUESTs of buyers; every exhibitor offers 30-minute
 * meeting slots at its booth over the fair's days. Deterministic: the same seed gives the same records.
 */

export const FAIR_SAMPLE_EDITION = 'cq-cbec-fair-2027-sample';
export const FAIR_SAMPLE_DAYS = ['2027-05-20', '2027-05-21', '2027-05-22'] as const;

/** The fair part of the sample dataset, typed by its units' records. */
export type FairDataset = DatasetOf<
  typeof fairEditionsImport | typeof fairHallsImport | typeof fairExhibitorsImport | typeof fairListingsImport | typeof fairSlotsImport
>;

/** What the generator needs to know about a sample enterprise (seeds/sample.ts, SampleEnterprise). */
export interface FairFirm {
  record: {
    creditCode: string;
    nameZh: string;
    nameEn: string;
    roles: readonly string[];
    brands?: { nameZh: string; nameEn: string }[] | null;
  };
  /** Its markets as drawn: export markets, or an importer's sources. */
  markets: readonly string[];
  archetype: string;
  industry?: BeltIndustry;
  trade: { ascii: string };
  phrase: { key: string };
}

export const FAIR_SAMPLE_EDITION_RECORD: FairEditionRecord = {
  slug: FAIR_SAMPLE_EDITION,
  nameZh: '2027中国（重庆）跨境电商交易会（示例）',
  nameEn: '2027 China (Chongqing) Cross-border E-commerce Fair (Sample)',
  startsOn: FAIR_SAMPLE_DAYS[0],
  endsOn: FAIR_SAMPLE_DAYS[FAIR_SAMPLE_DAYS.length - 1],
  venueZh: '重庆国际博览中心',
  venueEn: 'Chongqing International Expo Center',
  // 悦来 was in 渝北区, which became part of 两江新区 in 2026 (seeds/data/districts.ts).
  address: '重庆市两江新区悦来大道66号（原渝北区悦来街道）/ 66 Yuelai Avenue, Yuelai, Liangjiang New Area (formerly Yubei District), Chongqing',
  timeZone: 'Asia/Shanghai',
  isSample: true,
};

/** The top product category of each belt industry (product-categories.ts has one per industry). */
export const INDUSTRY_CATEGORY: Record<BeltIndustry, string> = {
  AUTO_MOTORCYCLE_PARTS: 'auto-motorcycle-parts',
  CONSUMER_ELECTRONICS: 'consumer-electronics',
  GENERAL_MACHINERY: 'general-machinery',
  HARDWARE_TOOLS: 'hardware-tools',
  LIGHT_INDUSTRY_TEXTILES: 'light-industry-textiles',
  SMART_HOME: 'smart-home',
  FOOD_AGRICULTURAL_PROCESSING: 'food-agricultural-products',
};
export const IMPORTS_CATEGORY = 'cbec-imports';

/** Leaf categories under each top category, in the tree's order. */
export const LEAVES: ReadonlyMap<string, string[]> = productCategories.reduce((m, c) => {
  if (c.parentSlug) m.set(c.parentSlug, [...(m.get(c.parentSlug) ?? []), c.slug]);
  return m;
}, new Map<string, string[]>());

const CATEGORY_NAMES = new Map(productCategories.map((c) => [c.slug, [c.nameZh, c.nameEn] as const]));
const COUNTRY_NAMES = new Map(countries.map((c) => [c.code, [c.nameZh, c.nameEn] as const]));

/** The halls: one per belt (industry), in the belts' order, and the imported-goods hall. */
export const FAIR_HALLS: readonly { code: string; industry?: BeltIndustry; nameZh: string; nameEn: string; themeZh: string; themeEn: string }[] = [
  {
    code: 'N1',
    industry: BeltIndustry.AUTO_MOTORCYCLE_PARTS,
    nameZh: '汽摩配件馆',
    nameEn: 'Auto and Motorcycle Parts Hall',
    themeZh: '摩托车整车及发动机、汽车零部件、新能源汽车配件、骑行装备',
    themeEn: 'Motorcycles and engines, auto parts, EV accessories and riding gear',
  },
  {
    code: 'N2',
    industry: BeltIndustry.CONSUMER_ELECTRONICS,
    nameZh: '消费电子馆',
    nameEn: 'Consumer Electronics Hall',
    themeZh: '笔记本电脑及平板、手机配件、智能穿戴、音频设备、移动电源及储能',
    themeEn: 'Laptops and tablets, phone accessories, wearables, audio, power banks and power stations',
  },
  {
    code: 'N3',
    industry: BeltIndustry.GENERAL_MACHINERY,
    nameZh: '通用机械馆',
    nameEn: 'General Machinery Hall',
    themeZh: '泵阀、发电机组及小型发动机、微耕机等农业机械、园林机械',
    themeEn: 'Pumps and valves, generator sets and small engines, micro-tillers and farm machinery, garden machinery',
  },
  {
    code: 'N4',
    industry: BeltIndustry.HARDWARE_TOOLS,
    nameZh: '五金工具馆',
    nameEn: 'Hardware and Tools Hall',
    themeZh: '手动工具、电动工具、紧固件、锁具及安防五金',
    themeEn: 'Hand tools, power tools, fasteners, locks and security hardware',
  },
  {
    code: 'N5',
    industry: BeltIndustry.LIGHT_INDUSTRY_TEXTILES,
    nameZh: '轻工纺织馆',
    nameEn: 'Light Industry and Textiles Hall',
    themeZh: '服装服饰、鞋包、家纺、玩具礼品、荣昌夏布与陶器等工艺品',
    themeEn: 'Apparel, shoes and bags, home textiles, toys and gifts, Rongchang ramie, pottery and crafts',
  },
  {
    code: 'N6',
    industry: BeltIndustry.SMART_HOME,
    nameZh: '智能家居馆',
    nameEn: 'Smart Home Hall',
    themeZh: '智能照明、智能安防、小家电、家具',
    themeEn: 'Smart lighting, smart security, small appliances, furniture',
  },
  {
    code: 'N7',
    industry: BeltIndustry.FOOD_AGRICULTURAL_PROCESSING,
    nameZh: '食品及农产品馆',
    nameEn: 'Food and Agricultural Products Hall',
    themeZh: '火锅底料及调味品、茶叶、休闲食品、奉节脐橙与潼南柠檬等果品、涪陵榨菜',
    themeEn: 'Hotpot bases and seasonings, tea, snacks, Fengjie navel oranges, Tongnan lemons and other fruit, Fuling zhacai',
  },
  {
    code: 'S1',
    nameZh: '跨境进口商品馆',
    nameEn: 'Cross-border Imports Hall',
    themeZh: '美妆个护、母婴用品、保健食品、宠物食品、酒类等跨境电商进口商品',
    themeEn: 'Cosmetics, mother and baby, supplements, pet food, wine and other cross-border imports',
  },
];

/** What a manufacturer's name says it makes: its first product category. */
const PHRASE_CATEGORY: Record<string, string> = {
  'moto-parts': 'motorcycles-and-parts',
  'moto-mfg': 'motorcycles-and-parts',
  autoparts: 'auto-parts',
  electronics: 'laptops-tablets',
  smarttech: 'smart-wearables',
  precision: 'phone-accessories',
  machinery: 'agricultural-machinery',
  power: 'generators-small-engines',
  pumps: 'pumps-valves',
  tools: 'hand-tools',
  hardware: 'fasteners',
  blades: 'hand-tools',
  textiles: 'home-textiles',
  apparel: 'apparel',
  ramie: 'apparel',
  footwear: 'shoes-bags',
  hometech: 'smart-security',
  smarthome: 'smart-lighting',
  appliances: 'small-appliances',
  furniture: 'furniture',
  food: 'snacks',
  hotpot: 'hotpot-seasonings',
  agri: 'citrus-fruit',
  tea: 'tea',
  seasonings: 'hotpot-seasonings',
};

/** Who makes or sells goods, and so may exhibit or source at the fair. */
const GOODS_FIRMS = new Set(['manufacturer', 'seller', 'dtc', 'trader', 'vertical']);

// ---------------------------------------------------------------------------------------------
// Certifications: what fits the product and its markets

const EU = ['DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'PL', 'CZ', 'HU', 'AT', 'IE', 'PT', 'GR', 'SK', 'RO', 'SE', 'DK', 'FI'];
const EAEU = ['RU', 'KZ', 'BY', 'KG'];
const MUSLIM_MARKETS = ['MY', 'ID', 'BN', 'AE', 'SA', 'QA', 'PK', 'BD', 'UZ', 'KZ', 'TR', 'EG'];
/** Marks that a market asks for; marks not listed here (ISO 9001, BSCI …) fit any market. */
const MARKET_MARKS: Partial<Record<ProductCertification, readonly string[]>> = {
  CE: [...EU, 'NO', 'CH', 'TR'],
  ROHS: [...EU, 'GB', 'NO', 'CH'],
  REACH: [...EU, 'NO', 'CH', 'GB'],
  GS: ['DE', 'AT', 'CH', 'NL', 'PL'],
  LFGB: ['DE', 'AT'],
  E_MARK: [...EU, 'GB', ...EAEU, 'NO', 'CH', 'TR', 'TH', 'MY', 'PH', 'VN', 'AU', 'NZ', 'ZA'],
  UKCA: ['GB'],
  FCC: ['US'],
  UL: ['US', 'CA'],
  ETL: ['US', 'CA'],
  DOT: ['US', 'CA', 'MX'],
  FDA: ['US'],
  EAC: EAEU,
  PSE: ['JP'],
  KC: ['KR'],
  SASO: ['SA'],
  HALAL: MUSLIM_MARKETS,
  CCC: ['CN'],
};

/** The product's marks that its markets ask for (each with probability `p`), and some of the others. */
function certsFor(rng: Rng, product: FairProduct, markets: readonly string[], p: number, general: number): ProductCertification[] {
  const out = product.marks.filter((m) => {
    const where = MARKET_MARKS[m];
    return where ? markets.some((c) => where.includes(c)) && rng.chance(p) : rng.chance(general);
  });
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------
// Words

const CERT_NAMES: Record<ProductCertification, string> = {
  CE: 'CE',
  UKCA: 'UKCA',
  FCC: 'FCC',
  UL: 'UL',
  ETL: 'ETL',
  ROHS: 'RoHS',
  REACH: 'REACH',
  CCC: 'CCC',
  E_MARK: 'E-Mark',
  DOT: 'DOT',
  GS: 'GS',
  KC: 'KC',
  PSE: 'PSE',
  SASO: 'SASO',
  EAC: 'EAC',
  FDA: 'FDA',
  LFGB: 'LFGB',
  HALAL: 'Halal',
  ISO_9001: 'ISO 9001',
  ISO_14001: 'ISO 14001',
  BSCI: 'BSCI',
};
const UNIT_EN: Record<OrderUnit, [string, string]> = {
  PIECE: ['piece', 'pieces'],
  SET: ['set', 'sets'],
  PAIR: ['pair', 'pairs'],
  CARTON: ['carton', 'cartons'],
  KG: ['kg', 'kg'],
  TONNE: ['tonne', 'tonnes'],
  METRE: ['metre', 'metres'],
  SQUARE_METRE: ['m²', 'm²'],
  LITRE: ['litre', 'litres'],
  CONTAINER_20FT: ['20-ft container', '20-ft containers'],
  CONTAINER_40FT: ['40-ft container', '40-ft containers'],
  ORDER: ['order', 'orders'],
};
const unitZh = (u: OrderUnit) => OrderUnitLabels[u][0].replace(/（.*）$/, '');
const unitEn = (u: OrderUnit, n: number) => UNIT_EN[u][n === 1 ? 0 : 1];
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const zhList = (xs: readonly string[]) => xs.join('、');
function enList(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
const marketsZh = (ms: readonly string[]) => zhList(ms.map((m) => COUNTRY_NAMES.get(m)?.[0] ?? m));
const marketsEn = (ms: readonly string[]) => enList(ms.map((m) => COUNTRY_NAMES.get(m)?.[1] ?? m));
/** Thousands with a comma in English. */
const num = (n: number) => n.toLocaleString('en-US');

/** A round minimum order between `lo` and `hi`: two significant digits. */
export function roundQuantity(rng: Rng, [lo, hi]: readonly [number, number]): number {
  const v = rng.real(lo, hi);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.max(1, Math.round(v / step) * step);
}

/** Currencies prices are quoted in, by weight: mostly US dollars, then yuan, euros, roubles. */
export const OFFER_CURRENCIES: readonly (readonly [string, number])[] = [
  ['USD', 70],
  ['CNY', 14],
  ['EUR', 10],
  ['RUB', 3],
  ['GBP', 3],
];
/** An amount in `currency`, converted from US dollars and rounded as that currency is quoted. */
export function priceIn(usd: number, currency: string): string {
  const v = usd * (USD_RATE[currency] ?? 1);
  if (v >= 1000) return (Math.round(v / 10) * 10).toFixed(2);
  if (v >= 100) return Math.round(v).toFixed(2);
  return (Math.round(v * 100) / 100).toFixed(2);
}

/** A price range around the product's: low end within its range, high end 10–45 % above, both capped by its top. */
export function priceRangeFor(rng: Rng, p: FairProduct, currency: string): { min: string; max: string; currency: string } {
  const [lo, hi] = p.usd;
  const min = rng.real(lo, lo + (hi - lo) * 0.6);
  const max = Math.min(hi, min * rng.real(1.1, 1.45));
  return { min: priceIn(min, currency), max: priceIn(Math.max(min, max), currency), currency };
}

/** A contact person's name in both languages: 王女士（Ms Wang）. */
export function contactName(rng: Rng): { name: string } {
  const [zh, en] = rng.pick(SURNAMES);
  const woman = rng.chance(0.5);
  return { name: `${zh}${woman ? '女士' : '先生'}（${woman ? 'Ms' : 'Mr'} ${en}）` };
}
const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['周', 'Zhou'],
  ['吴', 'Wu'],
  ['徐', 'Xu'],
  ['谭', 'Tan'],
  ['冉', 'Ran'],
  ['向', 'Xiang'],
  ['罗', 'Luo'],
  ['何', 'He'],
  ['邓', 'Deng'],
];

// ---------------------------------------------------------------------------------------------
// Listings and slots, for the sample and the scale generator (src/modules/fair/fair.scale.ts)

/** A listing's status: mostly published, some drafts, a few withdrawn (more requests than offers are). */
export function listingStatus(rng: Rng, kind: ListingKind): ListingStatus {
  return rng.weighted([
    [ListingStatus.PUBLISHED, kind === ListingKind.OFFER ? 88 : 84],
    [ListingStatus.DRAFT, 9],
    [ListingStatus.WITHDRAWN, kind === ListingKind.OFFER ? 3 : 7],
  ] as const);
}

/** The fields of a listing that its product and its owner's circumstances make. */
export type ListingDraft = Pick<
  FairListingRecord,
  | 'nameZh'
  | 'nameEn'
  | 'descriptionZh'
  | 'descriptionEn'
  | 'category'
  | 'hsCode'
  | 'minQuantity'
  | 'quantityUnit'
  | 'priceRange'
  | 'leadTimeDays'
  | 'targetMarkets'
  | 'certifications'
  | 'keywords'
> & {
  minQuantity: string;
  priceRange: { min: string | null; max: string | null; currency: string };
  targetMarkets: string[];
  certifications: ProductCertification[];
  keywords: string[];
};

/** An exhibitor's offer of `p`: its minimum order, price range, lead time, the certifications its markets ask for. */
export function offerDraft(
  rng: Rng,
  p: FairProduct,
  o: { markets: readonly string[]; currency: string; booth: string; brand?: { nameZh: string; nameEn: string } | null },
): ListingDraft {
  const [vZh, vEn] = rng.pick(p.variants);
  const { markets, currency, booth, brand } = o;
  const certifications = certsFor(rng, p, markets, 0.85, 0.45);
  const moq = roundQuantity(rng, p.moq);
  const lead = rng.int(p.lead[0], p.lead[1]);
  const price = priceRangeFor(rng, p, currency);
  const certs = certifications.map((c) => CERT_NAMES[c]);
  return {
    nameZh: `${brand ? `${brand.nameZh} ` : ''}${p.zh}（${vZh}）`,
    nameEn: `${brand ? `${brand.nameEn} ` : ''}${upperFirst(p.en)} (${vEn})`,
    descriptionZh:
      `${p.features.map((f) => f[0]).join('；')}。起订量${moq}${unitZh(p.unit)}，交期约${lead}天${certs.length ? `，已取得${zhList(certs)}认证` : ''}。` +
      `${markets.length ? `主销${marketsZh(markets)}。` : ''}展位${booth}。`,
    descriptionEn:
      `${p.features.map((f) => f[1]).join('. ')}. Minimum order ${num(moq)} ${unitEn(p.unit, moq)}; ships in about ${lead} days` +
      `${certs.length ? `; certified ${enList(certs)}` : ''}.${markets.length ? ` Sold mainly to ${marketsEn(markets)}.` : ''} Booth ${booth}.`,
    category: p.category,
    hsCode: rng.chance(0.92) ? p.hs : null,
    minQuantity: String(moq),
    quantityUnit: p.unit,
    priceRange: rng.chance(0.9) ? price : { min: price.min, max: null, currency },
    leadTimeDays: lead,
    targetMarkets: [...markets],
    certifications,
    keywords: [...rng.sample(p.keywords, rng.int(2, p.keywords.length)), ...(brand ? [brand.nameEn] : [])],
  };
}

/** Currencies buyers state their target prices in. */
export const REQUEST_CURRENCIES: readonly (readonly [string, number])[] = [
  ['USD', 80],
  ['CNY', 12],
  ['EUR', 8],
];

/** A buyer's request for `p`: the quantity wanted, a target price or budget, the longest lead time, the certifications required. */
export function requestDraft(
  rng: Rng,
  p: FairProduct,
  o: { markets: readonly string[]; currency: string; buyer?: { nameZh: string; nameEn: string } },
): ListingDraft {
  const [vZh, vEn] = rng.pick(p.variants);
  const { markets, currency, buyer } = o;
  const certifications = certsFor(rng, p, markets, 0.6, 0.15);
  const certs = certifications.map((c) => CERT_NAMES[c]);
  const quantity = roundQuantity(rng, [p.moq[0], p.moq[1] * 3]);
  const lead = rng.int(p.lead[1], p.lead[1] + 20);
  const price = priceRangeFor(rng, p, currency);
  const budgetOnly = rng.chance(0.55);
  const per = `${currency} a ${unitEn(p.unit, 1)}`;
  return {
    nameZh: `求购${p.zh}（${vZh}）`,
    nameEn: `Wanted: ${p.en} (${vEn})`,
    descriptionZh:
      `${buyer?.nameZh ?? ''}${markets.length ? `为${marketsZh(markets)}市场` : '为国内跨境进口渠道'}采购${p.zh}（${vZh}），需求数量${quantity}${unitZh(p.unit)}，` +
      `${budgetOnly ? `目标单价不高于${price.max} ${currency}` : `目标单价${price.min}–${price.max} ${currency}`}，期望${lead}天内交货` +
      `${certs.length ? `，须具备${zhList(certs)}认证` : ''}。欢迎展商携样品洽谈。`,
    descriptionEn:
      `Sourcing request${buyer ? ` from ${buyer.nameEn}` : ''}: ${p.en} (${vEn})${markets.length ? ` for ${marketsEn(markets)}` : ' for cross-border import channels in China'}, ` +
      `${num(quantity)} ${unitEn(p.unit, quantity)}, ${budgetOnly ? `at most ${price.max} ${per}` : `${price.min}–${price.max} ${per}`}, ` +
      `delivered within ${lead} days${certs.length ? `; ${enList(certs)} required` : ''}. Exhibitors are welcome to bring samples.`,
    category: p.category,
    hsCode: rng.chance(0.6) ? p.hs : null,
    minQuantity: String(quantity),
    quantityUnit: p.unit,
    priceRange: budgetOnly ? { min: null, max: price.max, currency } : price,
    leadTimeDays: lead,
    targetMarkets: [...markets],
    certifications,
    keywords: rng.sample(p.keywords, rng.int(1, 2)),
  };
}

/** Meeting slots a day: 30 minutes each, 10:00–12:00 and 14:00–16:00. */
export const SLOTS_PER_DAY = 8;
const SLOT_STARTS = ['10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30'];

/** The first `n` slots of an exhibitor over the fair's days (China Standard Time), with refs `d1-1000` …. */
export function slotTimes(n: number, days: readonly string[] = FAIR_SAMPLE_DAYS): { ref: string; startsAt: string; endsAt: string }[] {
  const out: { ref: string; startsAt: string; endsAt: string }[] = [];
  for (let k = 0; k < Math.min(n, days.length * SLOTS_PER_DAY); k++) {
    const day = days[Math.floor(k / SLOTS_PER_DAY)];
    const start = SLOT_STARTS[k % SLOTS_PER_DAY];
    const [h, m] = start.split(':').map(Number);
    const end = `${String(h + (m === 30 ? 1 : 0)).padStart(2, '0')}:${m === 30 ? '00' : '30'}`;
    out.push({
      ref: `d${Math.floor(k / SLOTS_PER_DAY) + 1}-${start.replace(':', '')}`,
      startsAt: `${day}T${start}:00+08:00`,
      endsAt: `${day}T${end}:00+08:00`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The edition

interface Exhibiting {
  firm: FairFirm;
  hall: (typeof FAIR_HALLS)[number];
  booth: string;
  categories: string[];
  markets: string[];
  anchor: boolean;
}

/** The sample edition from the sample's enterprises and belts. Same seed, same records. */
export function makeFairSample(seed: number, firms: readonly FairFirm[], belts: readonly BeltRecord[]): Required<FairDataset> {
  const rng = Rng.for(seed, 'fair');
  const beltOf = new Map(belts.map((b) => [b.industry, b]));

  // ---- exhibitors: every belt member, some other makers and sellers of the industry, the importers
  const exhibiting: Exhibiting[] = [];
  for (const hall of FAIR_HALLS) {
    const belt = hall.industry ? beltOf.get(hall.industry) : undefined;
    const members = new Map((belt?.members ?? []).map((m) => [m.creditCode, m.isAnchor ?? false]));
    const chosen = firms.filter((f) =>
      hall.industry
        ? f.industry === hall.industry && GOODS_FIRMS.has(f.archetype) && (members.has(f.record.creditCode) || rng.chance(0.3))
        : f.archetype === 'importer' || (f.archetype === 'platform' && f.record.roles.includes(EnterpriseRole.IMPORT_SUPPLY_CHAIN_LEADER)),
    );
    // Anchors take the front row.
    chosen.sort((a, b) => Number(members.get(b.record.creditCode) ?? false) - Number(members.get(a.record.creditCode) ?? false));
    const top = hall.industry ? INDUSTRY_CATEGORY[hall.industry] : IMPORTS_CATEGORY;
    const leaves = LEAVES.get(top)!;
    chosen.forEach((firm, k) => {
      const first = (firm.archetype === 'manufacturer' && PHRASE_CATEGORY[firm.phrase.key]) || rng.pick(leaves);
      const categories = [...new Set([first, ...rng.sample(leaves, rng.int(0, firm.archetype === 'manufacturer' ? 1 : 2))])];
      const own = [...firm.markets];
      exhibiting.push({
        firm,
        hall,
        booth: `${hall.code}-${'ABCDEFGHJK'[Math.floor(k / 12)]}${String((k % 12) + 1).padStart(2, '0')}`,
        categories,
        // Importers sell in China (sample countries have no CN): no export markets.
        markets: hall.industry ? (own.length ? own : ['US', 'DE', 'RU'].slice(0, rng.int(1, 3))) : [],
        anchor: members.get(firm.record.creditCode) ?? false,
      });
    });
  }

  const fairHalls: FairHallRecord[] = FAIR_HALLS.map((h, i) => ({
    editionSlug: FAIR_SAMPLE_EDITION,
    code: h.code,
    nameZh: h.nameZh,
    nameEn: h.nameEn,
    themeZh: h.themeZh,
    themeEn: h.themeEn,
    beltSlug: h.industry ? (beltOf.get(h.industry)?.slug ?? null) : null,
    sortOrder: i + 1,
  }));

  const fairExhibitors: FairExhibitorRecord[] = exhibiting.map((x) => {
    const { record, trade, phrase } = x.firm;
    const cats = x.categories.map((c) => CATEGORY_NAMES.get(c)!);
    const brand = record.brands?.[0];
    const importer = !x.hall.industry;
    const sources = importer ? x.firm.markets.slice(0, 4) : [];
    const profileZh = importer
      ? `${record.nameZh}是跨境电商进口供应链企业，经营${zhList(cats.map((c) => c[0]))}，${sources.length ? `从${marketsZh(sources)}等地原装进口，` : ''}保税仓备货，支持直播与社交电商渠道供货。`
      : `${record.nameZh}主营${zhList(cats.map((c) => c[0]))}，产品销往${marketsZh(x.markets.slice(0, 5))}等市场${brand ? `，自有品牌${brand.nameZh}（${brand.nameEn}）` : ''}，支持OEM/ODM定制与小单快反。`;
    const profileEn = importer
      ? `${record.nameEn} is a cross-border import supply-chain firm trading in ${enList(cats.map((c) => c[1].toLowerCase()))}, ${sources.length ? `imported in original packs from ${marketsEn(sources)}, ` : ''}stocked in bonded warehouses and supplied to live-streaming and social-commerce sellers.`
      : `${record.nameEn} makes and sells ${enList(cats.map((c) => c[1].toLowerCase()))} for ${marketsEn(x.markets.slice(0, 5))}${brand ? ` under its own brand ${brand.nameEn}` : ''}, with OEM/ODM and small, fast-turnaround orders.`;
    return {
      editionSlug: FAIR_SAMPLE_EDITION,
      creditCode: record.creditCode,
      hallCode: x.hall.code,
      booth: x.booth,
      beltSlug: null,
      productCategories: x.categories,
      targetMarkets: x.markets,
      profileZh,
      profileEn,
      contact: { ...contactName(rng), email: `fair@${trade.ascii}-${phrase.key}.example` },
      isSample: true,
    };
  });

  // ---- listings: offers of the exhibitors, requests of buyers
  const fairListings: FairListingRecord[] = [];
  const lrng = Rng.for(seed, 'fair-listings');
  for (const x of exhibiting) {
    const { record } = x.firm;
    const brand = record.brands?.[0];
    const products = x.categories.flatMap((c) => PRODUCTS_BY_CATEGORY.get(c) ?? []);
    const count = Math.min(
      products.length * 2,
      x.anchor
        ? lrng.int(3, 5)
        : lrng.weighted([
            [1, 3],
            [2, 4],
            [3, 3],
            [4, 1],
          ] as const),
    );
    for (let k = 0; k < count; k++) {
      const markets = x.markets.length <= 3 ? x.markets : lrng.sample(x.markets, lrng.int(2, Math.min(6, x.markets.length))).sort();
      const currency = x.hall.industry ? lrng.weighted(OFFER_CURRENCIES) : lrng.pick(['USD', 'CNY', 'EUR']);
      fairListings.push({
        editionSlug: FAIR_SAMPLE_EDITION,
        ref: `offer-${String(fairListings.length + 1).padStart(4, '0')}`,
        ownerCreditCode: record.creditCode,
        kind: ListingKind.OFFER,
        status: listingStatus(lrng, ListingKind.OFFER),
        ...offerDraft(lrng, products[k % products.length], { markets, currency, booth: x.booth, brand }),
        imageUrls: [],
        isSample: true,
      });
    }
  }

  // Buyers: sellers, brands, platforms and traders sourcing for their markets (a few of them exhibitors too).
  const exhibitors = new Set(exhibiting.map((x) => x.firm.record.creditCode));
  const buyers = firms.filter(
    (f) =>
      (GOODS_FIRMS.has(f.archetype) && f.archetype !== 'manufacturer') ||
      f.archetype === 'platform' ||
      f.archetype === 'importer' ||
      (f.archetype === 'manufacturer' && exhibitors.has(f.record.creditCode) && rng.chance(0.1)),
  );
  const brng = Rng.for(seed, 'fair-requests');
  let requests = 0;
  for (const b of buyers) {
    if (!brng.chance(b.archetype === 'platform' || b.archetype === 'importer' ? 0.8 : 0.45)) continue;
    const top = b.archetype === 'importer' ? IMPORTS_CATEGORY : b.industry ? INDUSTRY_CATEGORY[b.industry] : brng.pick([...Object.values(INDUSTRY_CATEGORY)]);
    const leaves = LEAVES.get(top)!.filter((c) => PRODUCTS_BY_CATEGORY.has(c));
    for (
      let k = brng.weighted([
        [1, 7],
        [2, 3],
      ] as const);
      k > 0;
      k--
    ) {
      const p = brng.pick(PRODUCTS_BY_CATEGORY.get(brng.pick(leaves))!);
      const own = b.markets;
      const markets = top === IMPORTS_CATEGORY ? [] : (own.length ? brng.sample(own, brng.int(1, Math.min(3, own.length))) : ['US']).sort();
      fairListings.push({
        editionSlug: FAIR_SAMPLE_EDITION,
        ref: `request-${String(++requests).padStart(4, '0')}`,
        ownerCreditCode: b.record.creditCode,
        kind: ListingKind.REQUEST,
        status: listingStatus(brng, ListingKind.REQUEST),
        ...requestDraft(brng, p, { markets, currency: brng.weighted(REQUEST_CURRENCIES), buyer: b.record }),
        imageUrls: [],
        isSample: true,
      });
    }
  }

  // ---- meeting slots: 30 minutes, 10:00–12:00 and 14:00–16:00 each day, at the booth
  const times = slotTimes(SLOTS_PER_DAY * FAIR_SAMPLE_DAYS.length);
  const fairSlots: FairSlotRecord[] = exhibiting.flatMap((x) =>
    times.map((t) => ({
      editionSlug: FAIR_SAMPLE_EDITION,
      creditCode: x.firm.record.creditCode,
      ref: t.ref,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      location: null,
      isSample: true,
    })),
  );

  return { fairEditions: [FAIR_SAMPLE_EDITION_RECORD], fairHalls, fairExhibitors, fairListings, fairSlots };
}

/** Every product of the catalogue names a leaf category of the tree (checked by tests/fair-data.test.ts). */
export const FAIR_PRODUCT_CATEGORIES = [...new Set(FAIR_PRODUCTS.map((p) => p.category))];
