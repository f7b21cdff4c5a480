import { districts as DISTRICTS } from '../../../seeds/data/districts';
import {
  ARCHETYPES,
  DISTRICT_WEIGHTS,
  FIGURE_YEARS,
  INDUSTRY_DISTRICTS,
  channelsFor,
  creditIssueDay,
  creditRegionFor,
  pickMarkets,
} from '../../../seeds/sample';
import { INDUSTRY_PHRASES, SERVICE_PHRASES, TradeNamePool, brandNameAt, companyName, type Phrase, type TradeName } from '../../../seeds/sample/names';
import { cents, handoff, ScaleError, type ScaleUnit } from '../../db/scale';
import { BeltIndustry } from '../belt/belt.enums';
import { ServiceCategory } from '../service-provider/service-provider.enums';
import { creditCodeFor } from './credit-code';
import { BrandKind, Certification, CustomsMode, EnterpriseRole } from './enterprise.enums';

/** What later units need about the enterprises, kept compact (arrays of ids, not rows). */
export interface ScaleEnterprises {
  /** How many there are: ids run from 1 to `count`. */
  count: number;
  /** Ids of the logistics and warehouse operators (warehouses belong to them). */
  operators: number[];
  /** Ids of the export sellers (they post capacity demands). */
  sellers: number[];
  /** Service, payment and some logistics firms, in id order: the candidates for service providers. */
  serviceFirms: { id: number; main: ServiceCategory; trade: TradeName; markets: string[] }[];
  /** Makers and sellers of each belt industry, in id order: the candidates for belt membership. */
  byIndustry: Map<BeltIndustry, number[]>;
  /** Founding year by id (tenancies and warehouses start after it). */
  founded: Int16Array;
}

export const SCALE_ENTERPRISES = handoff<ScaleEnterprises>('enterprise', 'enterprises');

/** Archetype mix of the sample, as weights. */
const ARCHETYPE_WEIGHTS = ARCHETYPES.map((a) => [a, a.count] as const);
const SERVICE_MAIN = Object.keys(SERVICE_PHRASES) as ServiceCategory[];
const INDUSTRIES = Object.values(BeltIndustry);
const CURRENT_DISTRICTS = DISTRICTS.filter((d) => !d.validTo && !(d.successorCodes ?? []).length);

/** Beyond ~1.2 million trade names, a round of names carries a district in its prefix ("重庆万州嘉通…"). */
function roundName(t: TradeName, p: Phrase, round: number, style: 'plain' | 'city' | 'subsidiary') {
  if (round === 0) return companyName(t, p, style);
  const d = CURRENT_DISTRICTS[(round - 1) % CURRENT_DISTRICTS.length];
  const shortZh = d.nameZh.replace(/(土家族苗族自治县|苗族土家族自治县|土家族自治县|区|县)$/, '');
  const shortEn = d.nameEn.replace(/ (District|County|Tujia .*|Miao .*|New Area)$/, '');
  return { zh: `重庆${shortZh}${t.zh}${p.zh}`, en: `Chongqing ${shortEn} ${t.en} ${p.en}` };
}

/**
 * Enterprises of the sample's archetypes (with valid credit codes), their annual figures and
 * brands. Every other unit builds on these firms, so this one also says which of them operate
 * warehouses, sell abroad or offer services.
 */
export const enterpriseScale: ScaleUnit = {
  name: 'enterprise',
  after: [],
  tables: ['enterprise', 'enterprise_annual_figure', 'brand'],
  options: ['enterprises'],
  guard: 'enterprises',
  async fill(ctx) {
    const count = ctx.int('enterprises');
    const names = new TradeNamePool();
    let round = 0;
    const nextTrade = (): TradeName => {
      try {
        return names.next();
      } catch {
        round++;
        (names as unknown as { cursor: number }).cursor = 0;
        return names.next();
      }
    };

    const rng = ctx.rng('scale-enterprises');
    const issueRng = ctx.rng('scale-credit-issue');
    const progress = ctx.progress('enterprises (+ figures)', count);
    const ent = ctx.table(
      'enterprise',
      [
        'id',
        'credit_code',
        'name_zh',
        'name_en',
        'district_code',
        'roles',
        'certifications',
        'export_markets',
        'import_source_markets',
        'served_markets',
        'customs_modes',
        'sales_channels',
        'founded_year',
        'website',
        'is_sample',
      ],
      { progress },
    );
    const fig = ctx.table('enterprise_annual_figure', ['enterprise_id', 'year', 'cbec_transactions_cny', 'imports_cny', 'exports_cny'], { parents: [ent] });
    const brand = ctx.table(
      'brand',
      ['enterprise_id', 'name_zh', 'name_en', 'kind', 'overseas_trademark_countries', 'has_international_certification', 'patent_count'],
      { parents: [ent] },
    );

    const out: ScaleEnterprises = { count, operators: [], sellers: [], serviceFirms: [], byIndustry: new Map(), founded: new Int16Array(count + 1) };
    let brandIdx = 0;

    for (let id = 1; id <= count; id++) {
      const a = rng.weighted(ARCHETYPE_WEIGHTS);
      const industry = a.hasIndustry ? rng.pick(INDUSTRIES) : undefined;
      const main = a.key === 'service' ? rng.pick(SERVICE_MAIN) : undefined;
      const phrases: readonly Phrase[] = main ? SERVICE_PHRASES[main] : a.key === 'manufacturer' ? INDUSTRY_PHRASES[industry!] : a.phrases(industry);
      const phrase = rng.pick(phrases);
      const trade = nextTrade();
      const name = roundName(
        trade,
        phrase,
        round,
        rng.weighted([
          ['plain', 75],
          ['city', 12],
          ['subsidiary', 13],
        ] as const),
      );
      const district =
        a.key === 'manufacturer' && industry && rng.chance(0.85) ? rng.pick(INDUSTRY_DISTRICTS[industry]) : rng.weighted(a.districts ?? DISTRICT_WEIGHTS);
      const year = rng.int(a.founded[0], a.founded[1]);
      const creditCode = creditCodeFor(creditRegionFor(rng, district, year, a.size >= 10, creditIssueDay(issueRng, year)), id, { newStyle: year >= 2016 });
      const roles = a.roles(rng);
      const markets = a.trading ? pickMarkets(rng, rng.int(1, 6)) : pickMarkets(rng, rng.int(0, 5));
      const certs: Certification[] = [];
      if (rng.chance(a.key === 'manufacturer' ? 0.3 : 0.05)) certs.push(Certification.NATIONAL_HIGH_TECH_ENTERPRISE);
      if (rng.chance(0.04)) certs.push(Certification.MUNICIPAL_DIGITAL_COMMERCE_ENTERPRISE);
      if (a.key === 'manufacturer' && rng.chance(0.2)) certs.push(Certification.SPECIALISED_SME);
      if (rng.chance(0.02)) certs.push(Certification.AEO_ADVANCED);
      const round0 = round === 0 ? '' : `-r${round}`;
      await ent.push(
        id,
        creditCode,
        name.zh,
        name.en,
        district,
        roles,
        certs.sort(),
        // Markets and modes as the sample sorts them (seeds/sample/trade.ts), without drawing more.
        a.trading && a.key !== 'importer' ? markets : [],
        a.key === 'importer' ? markets : [],
        a.trading ? [] : markets,
        a.key === 'importer'
          ? [CustomsMode.BONDED_1210]
          : a.trading
            ? [a.key === 'manufacturer' || a.key === 'trader' ? CustomsMode.B2B_DIRECT_9710 : CustomsMode.B2C_DIRECT_9610]
            : [],
        a.trading && a.key !== 'importer' ? channelsFor(rng, markets.length ? markets : ['US'], a.key === 'manufacturer') : [],
        year,
        rng.chance(0.7) ? `https://www.${trade.ascii}-${phrase.key}${round0}.example` : null,
        true,
      );
      out.founded[id] = year;
      if (roles.includes(EnterpriseRole.LOGISTICS_WAREHOUSE_OPERATOR)) out.operators.push(id);
      if (roles.includes(EnterpriseRole.EXPORT_SELLER)) out.sellers.push(id);
      if (a.key === 'service' || a.key === 'payment' || (a.key === 'logistics' && rng.chance(0.25))) {
        out.serviceFirms.push({ id, main: main ?? (a.key === 'payment' ? ServiceCategory.PAYMENT : ServiceCategory.LOGISTICS), trade, markets });
      }
      if (industry && (a.key === 'manufacturer' || a.key === 'seller')) {
        if (!out.byIndustry.has(industry)) out.byIndustry.set(industry, []);
        out.byIndustry.get(industry)!.push(id);
      }
      if (a.trading) {
        // A long tail: median ~3 M CNY scaled by the archetype's size, a few firms far above.
        let v = Math.min(8e9, rng.logNormal(800_000 * Math.max(1, a.size), 1.3));
        const share = rng.real(a.importShare[0], a.importShare[1]);
        for (const y of [...FIGURE_YEARS].reverse()) {
          if (y < year) break;
          const imp = v * share;
          await fig.push(id, y, cents(v), cents(imp), cents(v - imp));
          v /= rng.chance(0.15) ? rng.real(0.85, 1) : rng.real(1.05, 1.45);
        }
      }
      if (rng.chance(a.key === 'dtc' ? 1 : a.key === 'manufacturer' ? 0.4 : a.key === 'seller' ? 0.2 : 0)) {
        let bn = brandNameAt(brandIdx++);
        while (!bn) bn = brandNameAt(brandIdx++);
        await brand.push(
          id,
          bn.zh,
          bn.en,
          a.key === 'dtc' ? BrandKind.DTC : BrandKind.OWN,
          rng.chance(0.6) ? pickMarkets(rng, rng.int(1, 3)) : [],
          rng.chance(0.4),
          rng.int(0, 20),
        );
      }
    }
    await ent.flush();
    await fig.flush();
    await brand.flush();
    progress.done();
    ctx.note(`  annual figures ${fig.written.toLocaleString('en')}, brands ${brand.written.toLocaleString('en')}`);
    if (out.operators.length === 0) throw new ScaleError('no logistics operators among the enterprises; raise --enterprises');
    ctx.provide(SCALE_ENTERPRISES, out);
  },
};
