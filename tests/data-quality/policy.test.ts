import pg from 'pg';
import { expectData, startTestServer, type TestServer } from '../helpers/server';

/**
 * Data quality of the policy's progress and measures on the seeded sample (issue 17, points 4 and
 * 7): what a statistics office would check before publishing the figures. Every expected number is
 * worked out here from the raw rows, in JavaScript, not with the API's SQL.
 */

const TARGETS = /* GraphQL */ `{
  policyProgress {
    targets {
      slug metric descriptionZh descriptionEn countingRule minParkAreaM2 workingDefinitionZh workingDefinitionEn
      targetValue strictlyAbove threshold { amount }
      progress { currentValue year sampleValue dataBasis dataBasisNoteZh dataBasisNoteEn dataBasisNote(lang: EN) excludedCount reached }
    }
  }
}`;

const MEASURES = /* GraphQL */ `query($status: MeasureStatus) {
  policyMeasures(filter: { status: $status }) {
    totalCount
    nodes {
      number effectiveFrom effectiveTo status statusChangesOn
      provisions { slug quoteZh effectiveFrom effectiveTo status statusChangesOn measure { number } }
    }
  }
}`;

type Basis = 'SAMPLE_ONLY' | 'MIXED' | 'RECORDED_ONLY' | 'NO_DATA';
type Target = {
  slug: string;
  metric: string;
  descriptionZh: string;
  descriptionEn: string;
  countingRule: string;
  minParkAreaM2: number | null;
  workingDefinitionZh: string | null;
  workingDefinitionEn: string | null;
  targetValue: number;
  strictlyAbove: boolean;
  threshold: { amount: string } | null;
  progress: {
    currentValue: number;
    year: number | null;
    sampleValue: number;
    dataBasis: Basis;
    dataBasisNoteZh: string;
    dataBasisNoteEn: string;
    dataBasisNote: string;
    excludedCount: number | null;
    reached: boolean;
  };
};

/** The counting rule the Chinese wording implies: 累计 → cumulative; an annual amount (年交易规模, 年进出口) → in-year; else a count of what exists. */
function ruleOfWording(zh: string): string {
  if (zh.includes('累计')) return 'CUMULATIVE';
  if (/年(交易规模|进出口)/.test(zh)) return 'IN_YEAR';
  return 'CURRENT';
}

/** A data basis from the sample flags of every record looked at. */
function basisOf(flags: boolean[]): Basis {
  if (flags.length === 0) return 'NO_DATA';
  if (flags.every(Boolean)) return 'SAMPLE_ONLY';
  return flags.some(Boolean) ? 'MIXED' : 'RECORDED_ONLY';
}

/** 2025 年 12 月 31 日 → 2025-12-31 (the policy's spacing varies). */
function chineseDates(text: string): string[] {
  return [...text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)].map(([, y, m, d]) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** Today in China, as the API judges validity. */
const todayCn = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function expectedStatus(from: string, to: string | null, today: string): string {
  if (from > today) return 'NOT_YET_IN_FORCE';
  if (to !== null && to < today) return 'EXPIRED';
  return 'IN_FORCE';
}

const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('data quality: policy progress and measures on the seeded data', () => {
  let s: TestServer;
  let sql: pg.Client;
  let targets: Map<string, Target>;
  /** Raw rows, read once. */
  let raw: {
    today: string;
    parks: { slug: string; area_m2: number | null; opened_year: number | null; is_sample: boolean }[];
    tenancies: { enterprise_id: number; moved_in_on: string; moved_out_on: string | null; e_sample: boolean; p_sample: boolean }[];
    enterprises: { id: number; is_sample: boolean }[];
    figures: { enterprise_id: number; year: number; cbec: string; is_sample: boolean }[];
    belts: { belt_id: number; year: number; trade: string; is_sample: boolean }[];
  };

  const rows = async <T>(q: string) => (await sql.query(q)).rows as T[];

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    // dates as text, so that no time zone moves them
    raw = {
      today: (await rows<{ d: string }>(`select current_date::text as d`))[0].d,
      parks: await rows('select slug, area_m2, opened_year, is_sample from industrial_park'),
      tenancies: await rows(`select pt.enterprise_id, pt.moved_in_on::text, pt.moved_out_on::text, e.is_sample as e_sample, ip.is_sample as p_sample
        from park_tenancy pt join enterprise e on e.id = pt.enterprise_id join industrial_park ip on ip.id = pt.park_id`),
      enterprises: await rows('select id, is_sample from enterprise'),
      figures: await rows(`select f.enterprise_id, f.year, f.cbec_transactions_cny::text as cbec, e.is_sample
        from enterprise_annual_figure f join enterprise e on e.id = f.enterprise_id`),
      belts: await rows(`select b.belt_id, b.year, b.import_export_cny::text as trade, ib.is_sample
        from belt_annual_figure b join industrial_belt ib on ib.id = b.belt_id`),
    };
    const data = expectData(await s.gql<{ policyProgress: { targets: Target[] } }>(TARGETS));
    targets = new Map(data.policyProgress.targets.map((t) => [t.slug, t]));
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  it('gives every target the counting rule its wording implies, in both languages', () => {
    expect(targets.size).toBe(7);
    for (const t of targets.values()) {
      expect({ slug: t.slug, rule: t.countingRule }).toEqual({ slug: t.slug, rule: ruleOfWording(t.descriptionZh) });
      // the English wording says "cumulative" exactly when the Chinese says 累计
      expect({ slug: t.slug, cumulative: /cumulative/i.test(t.descriptionEn) }).toEqual({ slug: t.slug, cumulative: t.descriptionZh.includes('累计') });
    }
    expect(targets.get('park-tenants-2027')!.countingRule).toBe('CUMULATIVE');
  });

  it('documents the working scale threshold of parks, as this API’s and not an official one', () => {
    const parks = targets.get('industrial-parks-2027')!;
    expect(parks.minParkAreaM2).toBeGreaterThan(0);
    const area = parks.minParkAreaM2!;
    expect(parks.workingDefinitionZh).toContain(`${area}平方米`);
    expect(parks.workingDefinitionZh).toContain('工作定义');
    expect(parks.workingDefinitionZh).toMatch(/不是官方/);
    expect(parks.workingDefinitionEn).toContain(`${area.toLocaleString('en')} m²`);
    expect(parks.workingDefinitionEn).toMatch(/working definition/);
    expect(parks.workingDefinitionEn).toMatch(/not an official/);
    // only the parks target has a threshold and a working definition
    for (const t of targets.values()) if (t.slug !== parks.slug) expect([t.slug, t.minParkAreaM2, t.workingDefinitionZh]).toEqual([t.slug, null, null]);
    // the threshold keeps the park the policy names (measure 12), of about 14,000 m²
    const sinoSingapore = raw.parks.find((p) => p.slug === 'sino-singapore-chongqing-cbec-park')!;
    expect(sinoSingapore.area_m2).toBeGreaterThanOrEqual(area);
  });

  it('counts only open parks of at least the threshold, and says how many it left out', () => {
    const t = targets.get('industrial-parks-2027')!;
    const year = Number(raw.today.slice(0, 4));
    const counted = raw.parks.filter((p) => p.area_m2 !== null && p.area_m2 >= t.minParkAreaM2! && p.opened_year !== null && p.opened_year <= year);
    // the sample has parks below the threshold (the 9,000 m² one): they must not count
    const small = raw.parks.filter((p) => p.area_m2 !== null && p.area_m2 < t.minParkAreaM2!);
    expect(small.length).toBeGreaterThan(0);
    expect(small.map((p) => p.area_m2)).toContain(9000);
    expect(t.progress.year).toBe(year);
    expect(t.progress.currentValue).toBe(counted.length);
    expect(t.progress.currentValue).toBeLessThan(raw.parks.length);
    expect(t.progress.excludedCount).toBe(raw.parks.length - counted.length);
    expect(t.progress.reached).toBe(counted.length >= t.targetValue);
    // the other targets leave nothing out
    for (const o of targets.values()) if (o.slug !== t.slug) expect([o.slug, o.progress.excludedCount]).toEqual([o.slug, null]);
  });

  it('counts park tenants cumulatively: every enterprise that ever moved in, once, including those that moved out', () => {
    const t = targets.get('park-tenants-2027')!;
    const ever = new Set(raw.tenancies.filter((x) => x.moved_in_on <= raw.today).map((x) => x.enterprise_id));
    const now = new Set(
      raw.tenancies.filter((x) => x.moved_in_on <= raw.today && (x.moved_out_on === null || x.moved_out_on > raw.today)).map((x) => x.enterprise_id),
    );
    expect(t.progress.currentValue).toBe(ever.size);
    // the sample has moved-out tenancies (its movers settled again elsewhere, so `now` is as large)
    expect(raw.tenancies.some((x) => x.moved_out_on !== null && x.moved_out_on <= raw.today)).toBe(true);
    expect(ever.size).toBeGreaterThanOrEqual(now.size);
    const sample = new Set(raw.tenancies.filter((x) => x.moved_in_on <= raw.today && (x.e_sample || x.p_sample)).map((x) => x.enterprise_id));
    expect(t.progress.sampleValue).toBe(sample.size);
    expect(t.progress.reached).toBe(ever.size > t.targetValue);
  });

  it('keeps an enterprise that left its only park in the cumulative count, and leaves out a move-in dated after today', async () => {
    const before = targets.get('park-tenants-2027')!.progress.currentValue;
    // given an enterprise with one tenancy, which now ends a month ago
    const {
      rows: [one],
    } = await sql.query(`select min(pt.id) as id from park_tenancy pt
      where (select count(*) from park_tenancy x where x.enterprise_id = pt.enterprise_id) = 1 and pt.moved_in_on < current_date - 60`);
    // and an enterprise never in a park, moving in next month
    const {
      rows: [newcomer],
    } = await sql.query(`select min(e.id) as id from enterprise e where not exists (select 1 from park_tenancy pt where pt.enterprise_id = e.id)`);
    expect(one.id).not.toBeNull();
    expect(newcomer.id).not.toBeNull();
    await sql.query(`update park_tenancy set moved_out_on = current_date - 30 where id = $1`, [one.id]);
    await sql.query(`insert into park_tenancy (park_id, enterprise_id, moved_in_on) select min(id), $1, current_date + 30 from industrial_park`, [newcomer.id]);
    try {
      const data = expectData(await s.gql<{ policyProgress: { targets: Target[] } }>(TARGETS));
      // then the cumulative count does not move for either
      expect(data.policyProgress.targets.find((t) => t.slug === 'park-tenants-2027')!.progress.currentValue).toBe(before);
    } finally {
      await sql.query(`update park_tenancy set moved_out_on = null where id = $1`, [one.id]);
      await sql.query(`delete from park_tenancy where enterprise_id = $1`, [newcomer.id]);
    }
  });

  it('computes the annual and current counts from the raw rows', () => {
    const players = targets.get('market-players-2027')!;
    expect(players.progress.currentValue).toBe(raw.enterprises.length);
    const latest = (ys: number[]) => (ys.length ? Math.max(...ys) : null);
    for (const slug of ['enterprises-cbec-20m-2027', 'enterprises-cbec-100m-2027', 'enterprises-cbec-1bn-2027']) {
      const t = targets.get(slug)!;
      const year = latest(raw.figures.map((f) => f.year));
      const n = raw.figures.filter((f) => f.year === year && Number(f.cbec) >= Number(t.threshold!.amount)).length;
      expect([slug, t.progress.year, t.progress.currentValue]).toEqual([slug, year, n]);
    }
    const belts = targets.get('belts-trade-500m-2027')!;
    const beltYear = latest(raw.belts.map((b) => b.year));
    expect(belts.progress.year).toBe(beltYear);
    expect(belts.progress.currentValue).toBe(raw.belts.filter((b) => b.year === beltYear && Number(b.trade) > Number(belts.threshold!.amount)).length);
  });

  it('says of every progress figure whether it rests on sample data, judged over the records it looked at', () => {
    const figureYear = Math.max(...raw.figures.map((f) => f.year));
    const beltYear = Math.max(...raw.belts.map((b) => b.year));
    const looked: Record<string, boolean[]> = {
      ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST: raw.figures.filter((f) => f.year === figureYear).map((f) => f.is_sample),
      MARKET_PLAYERS: raw.enterprises.map((e) => e.is_sample),
      INDUSTRIAL_PARKS: raw.parks.map((p) => p.is_sample),
      // every tenancy on file is looked at, a future move-in too (it is looked at and not counted)
      PARK_TENANTS: raw.tenancies.map((x) => x.e_sample || x.p_sample),
      BELTS_WITH_TRADE_ABOVE: raw.belts.filter((b) => b.year === beltYear).map((b) => b.is_sample),
    };
    for (const t of targets.values()) {
      expect([t.slug, t.progress.dataBasis]).toEqual([t.slug, basisOf(looked[t.metric])]);
      // the seeded records are all sample data, and the answer must say so in both languages
      expect([t.slug, t.progress.dataBasis]).toEqual([t.slug, 'SAMPLE_ONLY']);
      expect(t.progress.dataBasisNoteZh).toContain('示例数据');
      expect(t.progress.dataBasisNoteEn).toMatch(/sample data/);
      expect(t.progress.dataBasisNote).toBe(t.progress.dataBasisNoteEn);
      expect(t.progress.sampleValue).toBe(t.progress.currentValue);
    }
  });

  it('turns MIXED when one park is a real record, and names the sample part', async () => {
    await sql.query(`update industrial_park set is_sample = false where slug = 'sino-singapore-chongqing-cbec-park'`);
    try {
      const data = expectData(await s.gql<{ policyProgress: { targets: Target[] } }>(TARGETS));
      const parks = data.policyProgress.targets.find((t) => t.slug === 'industrial-parks-2027')!;
      expect(parks.progress.dataBasis).toBe('MIXED');
      expect(parks.progress.sampleValue).toBe(parks.progress.currentValue - 1);
      expect(parks.progress.dataBasisNoteEn).toContain(`${parks.progress.sampleValue} of the current value`);
      // the enterprises' figures are untouched
      expect(data.policyProgress.targets.find((t) => t.slug === 'market-players-2027')!.progress.dataBasis).toBe('SAMPLE_ONLY');
    } finally {
      await sql.query(`update industrial_park set is_sample = true where slug = 'sino-singapore-chongqing-cbec-park'`);
    }
  });

  it('dates every measure coherently, from the issue date, with its status today', async () => {
    const today = todayCn();
    const data = expectData(await s.gql<any>(MEASURES, {}));
    expect(data.policyMeasures.totalCount).toBe(15);
    for (const m of data.policyMeasures.nodes) {
      // the text states no commencement date and no end: the measures run from the issue date, 2023-12-04
      expect([m.number, m.effectiveFrom, m.effectiveTo]).toEqual([m.number, '2023-12-04', null]);
      expect([m.number, m.status]).toEqual([m.number, expectedStatus(m.effectiveFrom, m.effectiveTo, today)]);
      expect([m.number, m.statusChangesOn]).toEqual([m.number, m.effectiveFrom > today ? m.effectiveFrom : null]);
      for (const p of m.provisions) {
        expect(p.measure.number).toBe(m.number);
        if (p.effectiveTo) expect(p.effectiveFrom <= p.effectiveTo).toBe(true);
        expect([p.slug, p.status]).toEqual([p.slug, expectedStatus(p.effectiveFrom, p.effectiveTo, today)]);
        const changes = p.effectiveFrom > today ? p.effectiveFrom : p.effectiveTo && p.effectiveTo >= today ? dayAfter(p.effectiveTo) : null;
        expect([p.slug, p.statusChangesOn]).toEqual([p.slug, changes]);
        // the dates are the ones the quoted text gives
        expect([p.slug, [p.effectiveFrom, p.effectiveTo].filter(Boolean)]).toEqual([p.slug, chineseDates(p.quoteZh)]);
      }
    }
    // every measure is in force today; none has expired
    expect(expectData(await s.gql<any>(MEASURES, { status: 'IN_FORCE' })).policyMeasures.totalCount).toBe(15);
    expect(expectData(await s.gql<any>(MEASURES, { status: 'EXPIRED' })).policyMeasures.totalCount).toBe(0);
  });

  it('shows measure 7’s duty exemption on returned exports as expired after 2025-12-31', async () => {
    const m7 = expectData(
      await s.gql<any>(`{ policyMeasure(number: 7) { provisions { slug quoteZh effectiveFrom effectiveTo status statusChangesOn } } }`),
    ).policyMeasure;
    expect(m7.provisions).toHaveLength(1);
    const [p] = m7.provisions;
    expect(p.quoteZh).toMatch(/退运进境原跨境电商出口商品免征进口关税/);
    expect([p.effectiveFrom, p.effectiveTo]).toEqual(['2023-01-30', '2025-12-31']);
    // the clock of this run is past the end (a run before 2026 would expect IN_FORCE instead)
    expect(p.status).toBe(todayCn() > '2025-12-31' ? 'EXPIRED' : 'IN_FORCE');
    expect(todayCn() > '2025-12-31').toBe(true);
    expect(p.statusChangesOn).toBeNull();
    // and the provisions list and its filter agree
    const expired = expectData(await s.gql<any>(`{ policyProvisions(filter: { status: EXPIRED }) { nodes { slug measure { number } } } }`)).policyProvisions
      .nodes;
    expect(expired).toEqual([{ slug: p.slug, measure: { number: 7 } }]);
    expect(expectData(await s.gql<any>(`{ policyProvisions(filter: { status: IN_FORCE }) { totalCount } }`)).policyProvisions.totalCount).toBe(0);
  });

  it('filters targets by their measure’s status', async () => {
    const inForce = expectData(await s.gql<any>(`{ policyTargets(filter: { status: IN_FORCE }) { totalCount } }`)).policyTargets.totalCount;
    expect(inForce).toBe(7);
    expect(expectData(await s.gql<any>(`{ policyTargets(filter: { status: NOT_YET_IN_FORCE }) { totalCount } }`)).policyTargets.totalCount).toBe(0);
  });
});
