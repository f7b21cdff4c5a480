import pg from 'pg';
import { policyMeasures, policyProvisions, policyTargets } from '../seeds/data/policy';
import { importInto } from './helpers/import';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const MEASURES = /* GraphQL */ `{
  policyMeasures {
    totalCount
    nodes {
      id number titleZh titleEn title(lang: EN) summaryZh summaryEn
      responsibleUnitsZh responsibleUnitsEn responsibleUnits
      targets { slug }
    }
  }
}`;

const MEASURE = /* GraphQL */ `
  query($number: Int!) {
    policyMeasure(number: $number) { id number titleZh targets { slug metric targetValue threshold { amount currency } measure { number } } }
  }`;

const PROGRESS = /* GraphQL */ `{
  policyProgress {
    asOf targetCount reachedCount
    targets {
      id slug metric targetValue strictlyAbove targetYear threshold { amount currency } countingRule minParkAreaM2
      descriptionZh description(lang: EN)
      measure { number titleZh }
      progress { currentValue year percentReached reached remaining explanationZh explanationEn explanation excludedCount }
    }
  }
}`;

type Progress = {
  currentValue: number;
  excludedCount: number | null;
  year: number | null;
  percentReached: number;
  reached: boolean;
  remaining: number;
  explanationZh: string;
  explanationEn: string;
  explanation: string;
};
type Target = {
  id: string;
  countingRule: string;
  minParkAreaM2: number | null;
  slug: string;
  metric: string;
  targetValue: number;
  strictlyAbove: boolean;
  targetYear: number;
  threshold: { amount: string; currency: string } | null;
  progress: Progress;
};

describe('policy measures, targets and live progress', () => {
  let s: TestServer;
  let sql: pg.Client;

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await s.close();
  });

  /** What each metric counts, computed independently of the API's SQL. */
  async function expectedProgress(t: {
    metric: string;
    threshold: { amount: string } | null;
    targetValue: number;
    strictlyAbove: boolean;
    countingRule: string;
    minParkAreaM2: number | null;
  }) {
    const one = async (q: string, params: unknown[] = []) => (await sql.query(q, params)).rows[0] as Record<string, number | null>;
    const thisYear = new Date().getFullYear();
    let year: number | null = thisYear;
    let value: number;
    switch (t.metric) {
      case 'ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST': {
        year = (await one('select max(year)::int as y from enterprise_annual_figure')).y;
        value = Number(
          (
            await one(
              'select count(distinct e.id)::int as n from enterprise e join enterprise_annual_figure f on f.enterprise_id = e.id where f.year = $1 and f.cbec_transactions_cny >= $2::numeric',
              [year, t.threshold!.amount],
            )
          ).n,
        );
        break;
      }
      case 'MARKET_PLAYERS':
        value = Number((await one('select count(*)::int as n from enterprise')).n);
        break;
      case 'INDUSTRIAL_PARKS':
        // built by this year and at least the working floor area (every park when no threshold is set)
        value = Number(
          (await one('select count(*)::int as n from industrial_park where opened_year <= $1 and area_m2 >= coalesce($2::int, 0)', [thisYear, t.minParkAreaM2]))
            .n,
        );
        break;
      case 'PARK_TENANTS':
        // cumulative: every enterprise that ever moved in (on or before today), moved out or not, once
        value = Number(
          (
            await one(
              t.countingRule === 'CUMULATIVE'
                ? 'select count(*)::int as n from enterprise e where exists (select 1 from park_tenancy pt where pt.enterprise_id = e.id and pt.moved_in_on <= current_date)'
                : 'select count(*)::int as n from enterprise e where exists (select 1 from park_tenancy pt where pt.enterprise_id = e.id and pt.moved_in_on <= current_date and (pt.moved_out_on is null or pt.moved_out_on > current_date))',
            )
          ).n,
        );
        break;
      case 'BELTS_WITH_TRADE_ABOVE': {
        year = (await one('select max(year)::int as y from belt_annual_figure')).y;
        value = Number(
          (
            await one(
              'select count(distinct b.id)::int as n from industrial_belt b join belt_annual_figure f on f.belt_id = b.id where f.year = $1 and f.import_export_cny > $2::numeric',
              [year, t.threshold!.amount],
            )
          ).n,
        );
        break;
      }
      default:
        throw new Error(`unexpected metric ${t.metric}`);
    }
    const reached = t.strictlyAbove ? value > t.targetValue : value >= t.targetValue;
    const needed = t.strictlyAbove ? t.targetValue + 1 : t.targetValue;
    return {
      currentValue: value,
      year,
      percentReached: Math.round((value * 1000) / t.targetValue) / 10,
      reached,
      remaining: Math.max(needed - value, 0),
    };
  }

  async function progress(): Promise<Map<string, Target>> {
    const data = expectData(await s.gql<any>(PROGRESS));
    return new Map((data.policyProgress.targets as Target[]).map((t) => [t.slug, t]));
  }

  it('lists the 15 measures in order, each with its responsible units in both languages', async () => {
    const data = expectData(await s.gql<any>(MEASURES));
    const measures = data.policyMeasures.nodes;
    expect(data.policyMeasures.totalCount).toBe(15);
    expect(measures.map((m: any) => m.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const rows = (await sql.query('select number, title_zh, responsible_units_zh, responsible_units_en from policy_measure order by number')).rows;
    measures.forEach((m: any, i: number) => {
      expect(m.titleZh).toBe(rows[i].title_zh);
      expect(m.title).toBe(m.titleEn);
      expect(m.responsibleUnitsZh).toEqual(rows[i].responsible_units_zh);
      expect(m.responsibleUnitsEn).toEqual(rows[i].responsible_units_en);
      expect(m.responsibleUnitsZh.length).toBeGreaterThan(0);
      expect(m.responsibleUnitsEn).toHaveLength(m.responsibleUnitsZh.length);
      expect(m.responsibleUnits).toEqual(m.responsibleUnitsZh); // no Accept-Language: Chinese
    });
    expect(measures[13].responsibleUnitsZh).toEqual(expect.arrayContaining(['市人力社保局', '市教委']));
    // measures 1, 3 and 4 set the seven targets
    expect(measures.flatMap((m: any) => m.targets).length).toBe(7);
    expect(measures[0].targets.map((t: any) => t.slug)).toContain('enterprises-cbec-20m-2027');
    expect(s.lastStatements()).toBe(1);
  });

  it('follows Accept-Language for title and responsible units', async () => {
    const data = expectData(
      await s.gql<any>(`{ policyMeasures { nodes { title titleEn responsibleUnits responsibleUnitsEn } } }`, {}, { 'accept-language': 'en' }),
    );
    for (const m of data.policyMeasures.nodes) {
      expect(m.title).toBe(m.titleEn);
      expect(m.responsibleUnits).toEqual(m.responsibleUnitsEn);
    }
  });

  it('fetches a measure by number, and null for a number the policy does not have', async () => {
    const m = expectData(await s.gql<any>(MEASURE, { number: 3 })).policyMeasure;
    expect(m.number).toBe(3);
    expect(m.targets.map((t: any) => t.metric).sort()).toEqual(['INDUSTRIAL_PARKS', 'PARK_TENANTS']);
    expect(m.targets.every((t: any) => t.measure.number === 3 && t.threshold === null)).toBe(true);
    const m4 = expectData(await s.gql<any>(MEASURE, { number: 4 })).policyMeasure;
    expect(m4.targets[0].threshold).toEqual({ amount: '500000000.00', currency: 'CNY' });
    expect(expectData(await s.gql<any>(MEASURE, { number: 16 })).policyMeasure).toBeNull();
  });

  it('computes every target’s progress as SQL counts it on the data', async () => {
    const targets = await progress();
    expect(targets.size).toBe(7);
    for (const t of targets.values()) {
      const expected = await expectedProgress(t);
      expect({ slug: t.slug, ...t.progress, explanationZh: undefined, explanationEn: undefined, explanation: undefined, excludedCount: undefined }).toEqual({
        slug: t.slug,
        ...expected,
        excludedCount: undefined,
        explanationZh: undefined,
        explanationEn: undefined,
        explanation: undefined,
      });
      // the explanation says what was counted, and the number
      expect(t.progress.explanationZh).toContain(String(t.progress.currentValue));
      expect(t.progress.explanationEn).toContain(String(t.progress.currentValue));
      expect(t.progress.explanation).toBe(t.progress.explanationZh);
      if (t.progress.year != null && t.metric !== 'MARKET_PLAYERS') expect(t.progress.explanationEn).toMatch(/\d/);
    }
    const gmv = targets.get('enterprises-cbec-20m-2027')!;
    expect(gmv.progress.explanationZh).toContain('2000万元');
    expect(gmv.progress.explanationEn).toContain('20 million CNY');
    if (gmv.progress.year != null) expect(gmv.progress.explanationEn).toContain(String(gmv.progress.year));
    expect(targets.get('belts-trade-500m-2027')!.progress.explanationZh).toMatch(/5亿元|尚无/);
    const tenants = targets.get('park-tenants-2027')!;
    expect(tenants.strictlyAbove).toBe(true);
    expect(tenants.countingRule).toBe('CUMULATIVE');
    expect(tenants.progress.explanationEn).toMatch(/ever settled/);
    expect(tenants.progress.explanationEn).toMatch(/including enterprises that have since moved out/);
    expect(tenants.progress.explanationZh).toContain('累计');
    const parks = targets.get('industrial-parks-2027')!;
    expect(parks.progress.explanationZh).toContain(`${parks.minParkAreaM2}平方米`);
    expect(parks.progress.explanationEn).toMatch(/working definition/);
  });

  it('summarises the dashboard: target and reached counts agree with the targets', async () => {
    const data = expectData(await s.gql<any>(PROGRESS));
    const p = data.policyProgress;
    expect(p.targetCount).toBe(7);
    expect(p.reachedCount).toBe(p.targets.filter((t: Target) => t.progress.reached).length);
    expect(Date.now() - Date.parse(p.asOf)).toBeLessThan(60_000);
    expect(p.targets.map((t: any) => t.measure.number)).toEqual([...p.targets.map((t: any) => t.measure.number)].sort((a, b) => a - b));
  });

  it('computes all progress in one SQL statement, however many targets there are', async () => {
    expectData(await s.gql(PROGRESS));
    expect(s.lastStatements()).toBe(1);
    // given two more targets
    await sql.query(`insert into policy_target (slug, measure_number, description_zh, description_en, metric, threshold_cny, target_value, strictly_above, target_year, counting_rule)
      values ('test-extra-1', 1, '测试', 'test', 'ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST', 50000000, 10, false, 2027, 'IN_YEAR'),
             ('test-extra-2', 4, '测试', 'test', 'BELTS_WITH_TRADE_ABOVE', 100000000, 1, true, 2027, 'IN_YEAR')`);
    try {
      const data = expectData(await s.gql<any>(PROGRESS));
      expect(data.policyProgress.targets).toHaveLength(9);
      expect(s.lastStatements()).toBe(1);
      expectData(await s.gql(`{ policyTargets { nodes { slug progress { currentValue } } } }`));
      expect(s.lastStatements()).toBe(1);
      expectData(await s.gql(`{ policyMeasures { nodes { targets { progress { currentValue reached } } } } }`));
      expect(s.lastStatements()).toBe(1);
      const extra = (data.policyProgress.targets as Target[]).find((t) => t.slug === 'test-extra-1')!;
      expect(extra.progress).toMatchObject(await expectedProgress(extra));
    } finally {
      await sql.query(`delete from policy_target where slug like 'test-extra-%'`);
    }
  });

  it('moves when the data moves: one more enterprise over 20 million CNY, one more park', async () => {
    // given the progress now
    const before = await progress();
    const year = before.get('enterprises-cbec-20m-2027')!.progress.year ?? new Date().getFullYear() - 1;
    // and an enterprise below 20 million CNY (or without a figure) in that year
    const {
      rows: [e],
    } = await sql.query(
      `select e.id from enterprise e where not exists (select 1 from enterprise_annual_figure f where f.enterprise_id = e.id and f.year = $1 and f.cbec_transactions_cny >= 20000000) order by e.id limit 1`,
      [year],
    );
    expect(e).toBeDefined();
    const {
      rows: [old],
    } = await sql.query('select cbec_transactions_cny, imports_cny, exports_cny from enterprise_annual_figure where enterprise_id = $1 and year = $2', [
      e.id,
      year,
    ]);
    // when its figures for that year put it at 25 million CNY
    await sql.query(
      `insert into enterprise_annual_figure (enterprise_id, year, cbec_transactions_cny, imports_cny, exports_cny) values ($1, $2, 25000000, 5000000, 20000000)
       on conflict (enterprise_id, year) do update set cbec_transactions_cny = excluded.cbec_transactions_cny`,
      [e.id, year],
    );
    // and a park of 20,000 m² opens, and one of 5,000 m² (below the working threshold)
    const { rows: newParks } = await sql.query(
      `insert into industrial_park (slug, name_zh, name_en, kind, district_code, latitude, longitude, area_m2, opened_year)
       select s.slug, '测试园区', 'Test park', 'LIVE_STREAMING_BASE', d.code, 29.56, 106.55, s.area, extract(year from current_date)::int
       from (select code from district order by code limit 1) d, (values ('test-new-park', 20000), ('test-small-park', 5000)) s(slug, area) returning id`,
    );
    try {
      const after = await progress();
      const b = before.get('enterprises-cbec-20m-2027')!;
      const a = after.get('enterprises-cbec-20m-2027')!;
      // then the 20-million count goes up by exactly one, and its percentage with it
      expect(a.progress.currentValue).toBe(b.progress.currentValue + 1);
      expect(a.progress.year).toBe(year);
      expect(a.progress.percentReached).toBe(Math.round(((b.progress.currentValue + 1) * 1000) / b.targetValue) / 10);
      expect(a.progress.remaining).toBe(Math.max(b.progress.remaining - 1, 0));
      // the 100-million count does not move
      expect(after.get('enterprises-cbec-100m-2027')!.progress.currentValue).toBe(before.get('enterprises-cbec-100m-2027')!.progress.currentValue);
      // and the parks count goes up by one: the small park is left out, and said to be
      expect(after.get('industrial-parks-2027')!.progress.currentValue).toBe(before.get('industrial-parks-2027')!.progress.currentValue + 1);
      expect(after.get('industrial-parks-2027')!.progress.excludedCount).toBe(before.get('industrial-parks-2027')!.progress.excludedCount! + 1);
      expect(after.get('industrial-parks-2027')!.progress.percentReached).toBe(
        Math.round(((before.get('industrial-parks-2027')!.progress.currentValue + 1) * 1000) / 12) / 10,
      );
    } finally {
      await sql.query('delete from industrial_park where id = any($1)', [newParks.map((p) => p.id)]);
      if (old) {
        await sql.query('update enterprise_annual_figure set cbec_transactions_cny = $3 where enterprise_id = $1 and year = $2', [
          e.id,
          year,
          old.cbec_transactions_cny,
        ]);
      } else {
        await sql.query('delete from enterprise_annual_figure where enterprise_id = $1 and year = $2', [e.id, year]);
      }
    }
  });

  it('fetches measures and targets by global ID with node(id:)', async () => {
    const data = expectData(await s.gql<any>(`{ policyMeasure(number: 1) { id targets { id slug } } }`));
    const m = data.policyMeasure;
    const t = m.targets[0];
    const nodes = expectData(
      await s.gql<any>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on PolicyMeasure { number } ... on PolicyTarget { slug progress { currentValue } } } }`,
        { ids: [m.id, t.id] },
      ),
    ).nodes;
    expect(nodes[0]).toEqual({ __typename: 'PolicyMeasure', id: m.id, number: 1 });
    expect(nodes[1]).toMatchObject({ __typename: 'PolicyTarget', id: t.id, slug: t.slug });
    expect(typeof nodes[1].progress.currentValue).toBe('number');
  });

  it('refuses to import a counting rule the metric cannot use, a scale threshold on another target, or a period that ends before it starts', async () => {
    const parks = policyTargets.find((t) => t.slug === 'industrial-parks-2027')!;
    const players = policyTargets.find((t) => t.slug === 'market-players-2027')!;
    const m7 = policyMeasures.find((m) => m.number === 7)!;
    const issues = async (ds: Record<string, unknown[]>) => {
      const err = await importInto(s.databaseUrl, ds).then(
        () => null,
        (e: { issues?: { field: string; message: string }[] }) => e,
      );
      return (err?.issues ?? []).map((i) => `${i.field}: ${i.message}`);
    };
    expect(await issues({ policyTargets: [{ ...players, countingRule: 'CUMULATIVE' }] })).toEqual([
      expect.stringMatching(/^countingRule: CUMULATIVE is not a way/),
    ]);
    expect(await issues({ policyTargets: [{ ...players, minParkAreaM2: 5000, workingDefinitionZh: '试', workingDefinitionEn: 'test' }] })).toEqual([
      expect.stringMatching(/^minParkAreaM2: does not apply/),
    ]);
    expect(await issues({ policyTargets: [{ ...parks, workingDefinitionZh: null, workingDefinitionEn: null }] })).toEqual([
      expect.stringMatching(/^workingDefinitionZh: must explain/),
    ]);
    expect(await issues({ policyMeasures: [{ ...m7, effectiveTo: '2023-01-01' }] })).toEqual([expect.stringMatching(/^effectiveTo: 2023-01-01 is before/)]);
    expect(await issues({ policyProvisions: [{ ...policyProvisions[0], effectiveTo: '2022-12-31' }] })).toEqual([expect.stringMatching(/^effectiveTo: /)]);
    // and the seeded records import again as they are
    await expect(importInto(s.databaseUrl, { policyMeasures, policyProvisions, policyTargets })).resolves.toBeDefined();
  });

  describe('bad input gets a coded error that says what to fix', () => {
    it.each([
      ['measure number zero', MEASURE, { number: 0 }, /counted from 1/],
      ['negative measure number', MEASURE, { number: -3 }, /counted from 1/],
      ['not a number', MEASURE, { number: 'one' }, /Int/],
    ])('%s', async (_name, query, variables, message) => {
      const res = await s.gql(query, variables);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    });
  });
});
