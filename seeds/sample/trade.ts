import { CustomsMode, EnterpriseRole, TradeDirection } from '../../src/modules/enterprise/enterprise.enums';
import type { MarketFigureRecord } from '../../src/modules/enterprise/enterprise.import';
import type { SampleEnterprise } from '../sample';
import { WAREHOUSE_CITIES } from './places';
import { Rng } from './prng';

/*
 * Trade of the sample enterprises (issue 17): which markets each exports to, imports from or serves,
 * its customs modes, its exports and imports by market and year, and the two market-player kinds
 * of measures 5, 8, 10 and 11. A stream of its own (Rng.for(seed, 'trade')), so nothing else of
 * the sample moves. The rules, which tests/data-quality/trade.test.ts checks on the seeded data:
 *
 * - export markets: the markets drawn for a firm that trades goods and has an exporting role
 *   (EXPORTING_ROLES); an import supply-chain leader that is also a trader gets one or two;
 * - import source markets: an importer's drawn sources; a platform, vertical platform or trader
 *   with imports gets one to four sources;
 * - served markets: a platform's markets, and those of logistics, postal, payment and service firms;
 * - market figures: for each year with annual figures, 70–100 % of the year's exports (imports) is
 *   spread over the export (import source) markets with shares that stay near each other from year
 *   to year; amounts are rounded down to the cent, so the by-market sum never exceeds the total;
 * - customs modes: sellers ship 9610 retail parcels, makers and traders 9710 B2B, importers and
 *   platforms with import sources 1210 bonded stock; 9810 only for a firm one of whose export
 *   markets has an overseas warehouse of the sample (seeds/sample/places.ts).
 */

type Weights = readonly (readonly [string, number])[];

const R = EnterpriseRole;
const M = CustomsMode;

/** Countries with a sample overseas warehouse. */
const WAREHOUSE_COUNTRIES = new Set(WAREHOUSE_CITIES.map((c) => c.countryCode));

/** The sorted markets drawn from `weights`, `lo` to `hi` of them, none of `not`. */
function draw(rng: Rng, weights: Weights, lo: number, hi: number, not: readonly string[] = []): string[] {
  return rng
    .sampleWeighted(
      weights.filter(([c]) => !not.includes(c)),
      rng.int(lo, hi),
    )
    .sort();
}

/** Integer cents of a decimal string with two decimals. */
const centsOf = (s: string) => Math.round(Number(s) * 100);
const fromCents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/**
 * Spreads a share (70–100 %) of each year's `total` over `markets` with weights that drift a
 * little from year to year; rounded down to the cent, so the sum stays within the total.
 */
function spread(rng: Rng, markets: readonly string[], years: readonly { year: number; total: string }[], direction: TradeDirection): MarketFigureRecord[] {
  if (!markets.length) return [];
  const base = markets.map(() => rng.real(0.2, 1));
  const out: MarketFigureRecord[] = [];
  for (const { year, total } of years) {
    const cents = centsOf(total);
    if (cents <= 0) continue;
    const covered = cents * rng.real(0.7, 1);
    const w = base.map((b) => b * rng.real(0.85, 1.15));
    const sum = w.reduce((a, b) => a + b, 0);
    markets.forEach((countryCode, i) => {
      const amount = Math.floor((covered * w[i]) / sum);
      if (amount > 0) out.push({ year, direction, countryCode, amountCny: fromCents(amount) });
    });
  }
  return out;
}

/** Sets each sample enterprise's markets, customs modes, market figures and the new roles. */
export function assignTrade(seed: number, ents: readonly SampleEnterprise[], w: { markets: Weights; importSources: Weights }): void {
  const { markets: MARKET_WEIGHTS, importSources: IMPORT_SOURCES } = w;
  const rng = Rng.for(seed, 'trade');

  // Postal and express operators (寄递企业): four of the international logistics firms.
  const carriers = ents.filter((e) => e.archetype === 'logistics' && e.phrase.key === 'logistics');
  for (const e of rng.sample(carriers, 4)) e.record.roles = [...e.record.roles, R.POSTAL_EXPRESS_OPERATOR];
  // Market traders in market-procurement trade (市场经营者): five of the trading firms.
  const traders = ents.filter((e) => e.archetype === 'trader' && e.phrase.key === 'commerce');
  for (const e of rng.sample(traders, 5)) e.record.roles = [...e.record.roles, R.MARKET_OPERATOR];

  for (const e of ents) {
    const r = e.record;
    const roles = r.roles as EnterpriseRole[];
    const figures = r.annualFigures ?? [];
    const exports = figures.some((f) => centsOf(String(f.exportsCny)) > 0);
    const imports = figures.some((f) => centsOf(String(f.importsCny)) > 0);
    let exportMarkets: string[] = [];
    let importSourceMarkets: string[] = [];
    let servedMarkets: string[] = [];
    switch (e.archetype) {
      case 'importer':
        importSourceMarkets = [...e.markets];
        if (roles.includes(R.TRADITIONAL_TRADER) && exports) exportMarkets = draw(rng, MARKET_WEIGHTS, 1, 2);
        break;
      case 'platform':
        exportMarkets = exports ? [...e.markets] : [];
        servedMarkets = [...e.markets];
        if (imports) importSourceMarkets = draw(rng, IMPORT_SOURCES, 2, 4);
        break;
      case 'vertical':
        exportMarkets = exports ? [...e.markets] : [];
        servedMarkets = [...e.markets];
        if (imports) importSourceMarkets = draw(rng, IMPORT_SOURCES, 1, 2);
        break;
      case 'trader':
        exportMarkets = exports ? [...e.markets] : [];
        if (imports) importSourceMarkets = draw(rng, IMPORT_SOURCES, 1, 2);
        break;
      case 'seller':
      case 'dtc':
      case 'manufacturer':
        exportMarkets = exports ? [...e.markets] : [];
        break;
      default:
        // Logistics, postal, payment and service firms: the markets they serve.
        servedMarkets = [...e.markets];
    }
    r.exportMarkets = exportMarkets;
    r.importSourceMarkets = importSourceMarkets;
    r.servedMarkets = servedMarkets;
    // A firm trades only in the directions it has markets for: a year's transactions are all exports
    // when it has no import sources, all imports when it has no export markets (the total is kept).
    if (exportMarkets.length === 0 || importSourceMarkets.length === 0)
      for (const f of figures) {
        if (exportMarkets.length > 0) [f.exportsCny, f.importsCny] = [f.cbecTransactionsCny, '0.00'];
        else if (importSourceMarkets.length > 0) [f.exportsCny, f.importsCny] = ['0.00', f.cbecTransactionsCny];
      }

    const years = (field: 'exportsCny' | 'importsCny') => figures.map((f) => ({ year: f.year, total: String(f[field]) }));
    const byMarket = [
      ...spread(rng, exportMarkets, years('exportsCny'), TradeDirection.EXPORT),
      ...spread(rng, importSourceMarkets, years('importsCny'), TradeDirection.IMPORT),
    ];
    if (byMarket.length) r.marketFigures = byMarket;

    const modes = new Set<CustomsMode>();
    const overseas = exportMarkets.some((c) => WAREHOUSE_COUNTRIES.has(c));
    if (exportMarkets.length) {
      const b2b = e.archetype === 'manufacturer' || e.archetype === 'trader';
      if (rng.chance(b2b ? 0.4 : 0.9)) modes.add(M.B2C_DIRECT_9610);
      if (rng.chance(b2b ? 0.65 : 0.15)) modes.add(M.B2B_DIRECT_9710);
      if (overseas && rng.chance(e.archetype === 'dtc' || e.archetype === 'platform' ? 0.5 : 0.25)) modes.add(M.OVERSEAS_WAREHOUSE_9810);
      if (!modes.size) modes.add(b2b ? M.B2B_DIRECT_9710 : M.B2C_DIRECT_9610);
    }
    if (importSourceMarkets.length) {
      modes.add(M.BONDED_1210);
      if (rng.chance(0.4)) modes.add(M.B2C_DIRECT_9610);
    }
    r.customsModes = Object.values(M).filter((m) => modes.has(m));
  }
}
