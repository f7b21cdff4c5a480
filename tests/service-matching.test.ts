/**
 * Services (issue 15, point 1) through the GraphQL API: offerings matched to an enterprise's need and
 * needs to an offering with the same scores from both sides, near misses naming the one constraint
 * each fails in both languages, EU as a region, a price in euros against a budget in yuan at the
 * seeded sample rate, a provider doing several of the need's services ranked first, paging, bad
 * input by name, contacts for callers with a key only, a saved need told of a newly published
 * offering, and the writes with their rights. Scores are worked out by hand from docs/matchmaking.md
 * ("Services") and the literals below. The world is the test's own: the sample offerings are
 * withdrawn and the sample needs closed first.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { importDataset } from '../src/composition';
import { toGlobalId } from '../src/graphql/ids';
import { ImportValidationError, type ImportIssue } from '../src/import';
import { ormConfig } from '../src/orm';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { SERVICE_OFFERING_MATCH } from '../src/modules/service-provider/service.events';
import { bearer, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { countingPubSub, follow, wsClient } from './helpers/subscribe';

const EXPLAINED = /* GraphQL */ `
  rank score isNearMiss summary summaryZh indicativePrice { amount currency }
  failedConstraints { constraint detail detailZh }
  scoreParts { factor weight value contribution detail detailZh }`;
const MATCHES = /* GraphQL */ `
  query Matches($needId: ID, $need: ServiceNeedInput, $near: Boolean, $first: Int, $after: String, $weights: ServiceWeightsInput) {
    serviceMatches(needId: $needId, need: $need, includeNearMisses: $near, first: $first, after: $after, weights: $weights) {
      totalCount fullMatchCount fullMatchCountCapped
      pageInfo { hasNextPage endCursor }
      weights { price turnaround coverage certifications localPresence }
      edges { cursor node { ${EXPLAINED} offering { id nameEn contact { name } provider { nameEn } } } }
    }
  }`;
const NEEDS = /* GraphQL */ `
  query Needs($offeringId: ID!, $near: Boolean) {
    serviceNeedMatches(offeringId: $offeringId, includeNearMisses: $near, first: 50) {
      totalCount
      matches { ${EXPLAINED} need { id title } }
    }
  }`;

type Match = {
  rank: number;
  score: number;
  isNearMiss: boolean;
  summary: string;
  summaryZh: string;
  indicativePrice: { amount: string; currency: string } | null;
  failedConstraints: { constraint: string; detail: string; detailZh: string }[];
  scoreParts: { factor: string; weight: number; value: number; contribution: number; detail: string; detailZh: string }[];
  offering: { id: string; nameEn: string; contact: { name: string } | null; provider: { nameEn: string } };
};

/** An offering of the world: its provider (p1 in Liangjiang, p2 in Yuzhong, p3 in Shapingba) and columns. */
interface OfferingSpec {
  provider: 'p1' | 'p2' | 'p3';
  category: string;
  markets: string[];
  languages: string[];
  certifications?: string[];
  price?: [min: string | null, max: string | null, currency: string | null, unit: string];
  days: number | null;
  status?: string;
}
const TM = 'TRADEMARK_AGENCY_FILING';
const IP = 'IP_AGENCY';
const LIVE = 'INTERNATIONAL_LIVE_STREAMING';
const OFFERINGS: Record<string, OfferingSpec> = {
  'ip-eu': {
    provider: 'p1',
    category: IP,
    markets: ['EU'],
    languages: ['zh', 'en'],
    certifications: [TM],
    price: ['8000', '9800', 'CNY', 'PER_PROJECT'],
    days: 10,
  },
  'live-th': {
    provider: 'p1',
    category: LIVE,
    markets: ['TH'],
    languages: ['th', 'zh'],
    certifications: ['MCN_AGENCY'],
    price: ['3000', '4000', 'CNY', 'PER_DAY'],
    days: 3,
  },
  'ip-de-eur': {
    provider: 'p2',
    category: IP,
    markets: ['DE'],
    languages: ['de', 'en', 'zh'],
    certifications: [TM, 'ISO_9001'],
    price: ['900', '1200', 'EUR', 'PER_PROJECT'],
    days: 15,
  },
  'live-th-2': { provider: 'p2', category: LIVE, markets: ['TH', 'VN'], languages: ['th', 'vi', 'zh'], price: ['2500', null, 'CNY', 'PER_DAY'], days: 5 },
  'miss-category': {
    provider: 'p3',
    category: 'LEGAL',
    markets: ['EU'],
    languages: ['zh', 'en'],
    certifications: [TM, 'LAW_FIRM_LICENCE'],
    price: ['5000', null, 'CNY', 'PER_PROJECT'],
    days: 10,
  },
  'miss-deadline': {
    provider: 'p3',
    category: IP,
    markets: ['EU'],
    languages: ['zh', 'en'],
    certifications: [TM],
    price: ['7000', null, 'CNY', 'PER_PROJECT'],
    days: 90,
  },
  'miss-budget': {
    provider: 'p3',
    category: IP,
    markets: ['EU'],
    languages: ['zh'],
    certifications: [TM],
    price: ['20000', '25000', 'CNY', 'PER_PROJECT'],
    days: 10,
  },
  'miss-unit': { provider: 'p3', category: IP, markets: ['EU'], languages: ['zh'], certifications: [TM], price: ['500', null, 'CNY', 'PER_HOUR'], days: 10 },
  'miss-market': {
    provider: 'p3',
    category: IP,
    markets: ['US'],
    languages: ['zh', 'en'],
    certifications: [TM],
    price: ['6000', null, 'CNY', 'PER_PROJECT'],
    days: 10,
  },
  'miss-lang': {
    provider: 'p3',
    category: IP,
    markets: ['EU'],
    languages: ['ru'],
    certifications: [TM],
    price: ['6000', null, 'CNY', 'PER_PROJECT'],
    days: 10,
  },
  'miss-cert': { provider: 'p3', category: IP, markets: ['EU'], languages: ['zh'], price: ['6000', null, 'CNY', 'PER_PROJECT'], days: 10 },
  // Fails two (markets and languages): no near miss.
  'two-misses': {
    provider: 'p3',
    category: IP,
    markets: ['US'],
    languages: ['ru'],
    certifications: [TM],
    price: ['6000', null, 'CNY', 'PER_PROJECT'],
    days: 10,
  },
  // Never candidates: a draft, a withdrawn offering, another family of services.
  draft: {
    provider: 'p1',
    category: IP,
    markets: ['EU'],
    languages: ['zh'],
    certifications: [TM],
    price: ['6000', null, 'CNY', 'PER_PROJECT'],
    days: 10,
    status: 'DRAFT',
  },
  gone: {
    provider: 'p3',
    category: IP,
    markets: ['EU'],
    languages: ['zh'],
    certifications: [TM],
    price: ['6000', null, 'CNY', 'PER_PROJECT'],
    days: 10,
    status: 'WITHDRAWN',
  },
  training: { provider: 'p3', category: 'TRAINING', markets: [], languages: ['zh'], price: ['6000', null, 'CNY', 'PER_DAY'], days: 10 },
};

const TODAY = todayInChina();
const DEADLINE = addDays(TODAY, 60);

let s: TestServer;
let sql: pg.Client;
const ids: Record<string, number> = {};
const keys: Record<'p1' | 'p2' | 'p3' | 'buyer' | 'other', string> = { p1: '', p2: '', p3: '', buyer: '', other: '' };
const ents: Record<string, number> = {};
const providers: Record<string, number> = {};
const gid = (ref: string) => toGlobalId('ServiceOffering', ids[ref]);
const refOf = (id: string) => Object.keys(ids).find((ref) => gid(ref) === id);
const needGid = (ref: string) => toGlobalId('ServiceNeed', ids[ref]);

/** The in-memory bus, watched: listeners per topic (a subscription is live once its listener is there). */
let listeners: Map<string, number>;

async function matches(variables: Record<string, unknown>, key?: string) {
  return s.gql<{ serviceMatches: any }>(MATCHES, variables, key ? bearer(key) : {});
}
async function ranked(variables: Record<string, unknown>, key?: string): Promise<Match[]> {
  return expectData(await matches(variables, key)).serviceMatches.edges.map((e: { node: Match }) => e.node);
}
const byRef = (ms: Match[]) => Object.fromEntries(ms.map((m) => [refOf(m.offering.id)!, m]));

beforeAll(async () => {
  listeners = countingPubSub();
  s = await startTestServer(__filename);
  sql = new pg.Client({ connectionString: s.databaseUrl });
  await sql.connect();
  const q = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows;
  // The test's own world: the sample's offerings withdrawn, its needs closed.
  await q(`update service_offering set status = 'WITHDRAWN'`);
  await q(`update service_need set status = 'CLOSED'`);
  const free = await q(`select id from enterprise e where not exists (select 1 from service_provider p where p.enterprise_id = e.id) order by id limit 5`);
  const names = ['p1', 'p2', 'p3', 'buyer', 'other'] as const;
  const districts = ['500157', '500103', '500106', '500157', '500103'];
  for (const [i, n] of names.entries()) {
    ents[n] = free[i].id;
    await q(`update enterprise set district_code = $2 where id = $1`, [ents[n], districts[i]]);
    keys[n] = await issueKey(s.databaseUrl, ents[n]);
  }
  for (const n of ['p1', 'p2', 'p3']) {
    const [row] = await q(
      `insert into service_provider (enterprise_id, name_zh, name_en, categories, markets, languages, is_sample) values ($1, $2, $3, '{IP_AGENCY}', '{}', '{zh}', false) returning id`,
      [ents[n], `测试服务商${n}`, `Test provider ${n}`],
    );
    providers[n] = row.id;
  }
  for (const [ref, o] of Object.entries(OFFERINGS)) {
    const [min, max, currency, unit] = o.price ?? [null, null, null, null];
    const [row] = await q(
      `insert into service_offering (provider_id, ref, status, name_zh, name_en, category, markets, languages, certifications, price_min, price_max, currency, price_unit,
         turnaround_days, contact_name, contact_email, contact_phone, is_sample)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '王先生（Mr Wang）', $15, '+86 23 6000 0000', false) returning id`,
      [
        providers[o.provider],
        ref,
        o.status ?? 'PUBLISHED',
        `服务 ${ref}`,
        `Service ${ref}`,
        o.category,
        o.markets,
        o.languages,
        o.certifications ?? [],
        min,
        max,
        currency,
        unit,
        o.days,
        `${ref}@example.cn`,
      ],
    );
    ids[ref] = row.id;
  }
  // The buyer's saved needs: a trade mark in the EU and Thai live selling (two services, its district); a trade mark alone, with a budget.
  const need = async (ref: string, v: unknown[]) =>
    (
      await q(
        `insert into service_need (owner_id, ref, title, categories, markets, languages, certifications, budget_max, budget_currency, budget_unit, deadline, district_code, is_sample)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false) returning id`,
        [ents.buyer, ref, ...v],
      )
    )[0].id;
  ids['need-both'] = await need('need-both', [
    'EU trade mark and Thai live selling',
    [IP, LIVE],
    ['EU', 'TH'],
    ['zh', 'th'],
    [],
    null,
    null,
    null,
    DEADLINE,
    '500157',
  ]);
  ids['need-ip'] = await need('need-ip', ['EU trade mark', [IP], ['EU'], ['zh'], [TM], '12000', 'CNY', 'PER_PROJECT', DEADLINE, null]);
});
afterAll(async () => {
  await sql?.end();
  await s?.close();
});

describe('serviceMatches: offerings for a need', () => {
  it('ranks a provider doing both of the need’s services first: coverage and local presence', async () => {
    const data = expectData(await matches({ needId: needGid('need-both') })).serviceMatches;
    const refs = data.edges.map((e: { node: Match }) => refOf(e.node.offering.id));
    // the full matches: p1's two offerings first (it does both services, in the need's district), then p2's Thai
    // live selling and p3's trade marks (one service each); ip-de-eur serves DE only, not the EU as such
    expect(refs.slice(0, 2)).toEqual(['live-th', 'ip-eu']);
    expect([...refs].sort()).toEqual(['ip-eu', 'live-th', 'live-th-2', 'miss-budget', 'miss-cert', 'miss-unit'].sort());
    expect(data.fullMatchCount).toBe(6);
    expect(data.weights).toEqual({ price: 0.3, turnaround: 0.2, coverage: 0.2, certifications: 0.1, localPresence: 0.2 });
    const m = byRef(data.edges.map((e: { node: Match }) => e.node));
    // live-th: no budget (PRICE does not apply): weights 0.2, 0.2, 0.1, 0.2 ÷ 0.7 = 0.2857, 0.2857, 0.1429, 0.2857;
    // turnaround 1 − 3/60 = 0.95, coverage 2 of 2, MCN_AGENCY beyond none required 1/3, in Liangjiang as asked:
    // 0.2857 × 0.95 + 0.2857 + 0.1429 × 0.3333 + 0.2857 = 0.8904
    expect(m['live-th'].score).toBe(0.8904);
    expect(m['live-th'].scoreParts.map((p) => [p.factor, p.weight, p.value])).toEqual([
      ['TURNAROUND', 0.2857, 0.95],
      ['COVERAGE', 0.2857, 1],
      ['CERTIFICATIONS', 0.1429, 0.333],
      ['LOCAL_PRESENCE', 0.2857, 1],
    ]);
    const coverage = (ref: string) => m[ref].scoreParts.find((p) => p.factor === 'COVERAGE')!;
    expect(coverage('live-th')).toMatchObject({
      detail: 'the provider offers 2 of the need’s 2 services: Intellectual-property agency, International live streaming',
      detailZh: '服务商提供需求2项服务中的2项：知识产权代理、国际直播',
    });
    // p2 offers Thai live selling but no trade mark for the EU: half the need
    expect(coverage('live-th-2').value).toBe(0.5);
    expect(m['live-th-2'].scoreParts.find((p) => p.factor === 'LOCAL_PRESENCE')).toMatchObject({
      value: 0,
      detail: 'registered in Yuzhong District, not in Liangjiang New Area',
      detailZh: '注册于渝中区，不在两江新区',
    });
    // ip-eu: 0.2857 × (1 − 10/60) + 0.2857 + 0.1429 × 0.3333 + 0.2857 = 0.8571
    expect(m['ip-eu'].score).toBe(0.8571);
    expect(m['ip-eu'].summary).toBe(`Rank 2, score 0.857: ${m['ip-eu'].scoreParts[1].detail}; ${m['ip-eu'].scoreParts[3].detail}.`);
  });

  it('adds the offerings failing exactly one constraint, each naming it with the same numbers in both languages', async () => {
    const all = await ranked({ needId: needGid('need-ip'), near: true, first: 50 });
    expect(refOf(all[0].offering.id)).toBe('ip-eu');
    expect(all.filter((m) => !m.isNearMiss).length).toBe(1);
    const near = Object.fromEntries(all.filter((m) => m.isNearMiss).map((m) => [refOf(m.offering.id)!, m.failedConstraints]));
    const expected: Record<string, [string, string, string]> = {
      'miss-category': ['CATEGORY', 'offers Legal support, the need asks for Intellectual-property agency', '提供法律支持，需求为知识产权代理'],
      'miss-deadline': [
        'DEADLINE',
        `takes 90 days: done by ${addDays(TODAY, 90)} at the earliest, after the ${DEADLINE} deadline`,
        `服务周期90天，最早${addDays(TODAY, 90)}完成，晚于截止日期${DEADLINE}`,
      ],
      'miss-budget': [
        'BUDGET',
        'from 20,000.00 CNY per project, over the budget of at most 12,000.00 CNY per project',
        '每项目20,000.00 CNY起，超出预算（每项目不超过12,000.00 CNY）',
      ],
      'miss-unit': [
        'BUDGET',
        'priced per hour, the budget is per project; the budget is at most 12,000.00 CNY per project',
        '按每小时计价，预算按每项目；预算每项目不超过12,000.00 CNY',
      ],
      'miss-market': ['MARKETS', 'serves US, none of the need’s markets (EU)', '服务市场为US，不含需求市场（EU）'],
      // Germany alone is not the EU as a region (one filing for the Union)
      'ip-de-eur': ['MARKETS', 'serves DE, none of the need’s markets (EU)', '服务市场为DE，不含需求市场（EU）'],
      'miss-lang': ['LANGUAGES', 'works in ru, none of the need’s languages (zh)', '工作语言为ru，不含需求语言（zh）'],
      'miss-cert': ['CERTIFICATIONS', `missing ${TM}`, `缺少资质：${TM}`],
    };
    expect(Object.keys(near).sort()).toEqual(Object.keys(expected).sort());
    for (const [ref, [constraint, detail, detailZh]] of Object.entries(expected))
      expect({ ref, failed: near[ref] }).toEqual({ ref, failed: [{ constraint, detail, detailZh }] });
    const unit = all.find((m) => refOf(m.offering.id) === 'miss-unit')!;
    expect([unit.summary, unit.summaryZh]).toEqual([
      'Near miss: priced per hour, the budget is per project; the budget is at most 12,000.00 CNY per project.',
      '近似匹配：按每小时计价，预算按每项目；预算每项目不超过12,000.00 CNY。',
    ]);
    // ip-eu: price 1 − 8000/12000, turnaround 1 − 10/60, no certification beyond; weights 0.3, 0.2, 0.1 ÷ 0.6:
    // 0.5 × 0.3333 + 0.3333 × 0.8333 + 0 = 0.4444
    expect(all[0].score).toBe(0.4444);
    expect(all.map((m) => m.rank)).toEqual(all.map((_m, i) => i + 1));
  });

  it('treats EU as a region: an EU offering serves a need for Germany, a German one does not serve the EU', async () => {
    const de = byRef(await ranked({ need: { categories: [IP], markets: ['de'] }, first: 50 }));
    expect(Object.keys(de)).toEqual(expect.arrayContaining(['ip-eu', 'ip-de-eur']));
    expect(de['miss-market']).toBeUndefined();
    const eu = byRef(await ranked({ need: { categories: [IP], markets: ['EU'] }, near: true, first: 50 }));
    expect(eu['ip-eu'].isNearMiss).toBe(false);
    expect(eu['ip-de-eur'].failedConstraints.map((f) => f.constraint)).toEqual(['MARKETS']);
  });

  it('compares a price in euros with a budget in yuan at the sample rate, indicatively', async () => {
    const m = byRef(
      await ranked({ need: { categories: [IP], markets: ['DE'], budget: { max: '9000', currency: 'cny', unit: 'PER_PROJECT' } }, near: true, first: 50 }),
    );
    // 900 EUR × 8.29 = 7,461 CNY: within 9,000; PRICE 1 − 7461/9000
    expect(m['ip-de-eur'].isNearMiss).toBe(false);
    expect(m['ip-de-eur'].indicativePrice).toEqual({ amount: '7461.0000', currency: 'CNY' });
    expect(m['ip-de-eur'].scoreParts[0]).toEqual({
      factor: 'PRICE',
      weight: 0.5,
      value: 0.171,
      contribution: 0.086,
      detail:
        'from 900.00 EUR per project ≈ 7,461.00 CNY per project at 8.29 EUR→CNY (sample rate, not market data, 2026-10-30; indicative), budget at most 9,000.00 CNY per project',
      detailZh: '每项目900.00 EUR起 ≈ 每项目7,461.00 CNY（按EUR→CNY汇率8.29（示例汇率，非市场数据，2026-10-30；仅供参考）折算），预算每项目不超过9,000.00 CNY',
    });
    expect(m['ip-eu'].indicativePrice).toEqual({ amount: '8000.0000', currency: 'CNY' });
    expect(m['miss-budget'].failedConstraints.map((f) => f.constraint)).toEqual(['BUDGET']);
  });

  it('pages with cursors signed by the list: no repeats, no skips; a cursor of another list is refused', async () => {
    const whole = (await ranked({ needId: needGid('need-ip'), near: true, first: 50 })).map((m) => m.offering.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const data = expectData(await matches({ needId: needGid('need-ip'), near: true, first: 3, after })).serviceMatches;
      seen.push(...data.edges.map((e: { node: Match }) => e.node.offering.id));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    const first = expectData(await matches({ needId: needGid('need-ip'), first: 1 })).serviceMatches;
    const other = await matches({ needId: needGid('need-ip'), first: 1, after: first.pageInfo.endCursor, weights: { price: 1 } });
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ranks an ad-hoc need as the same need saved', async () => {
    const saved = await ranked({ needId: needGid('need-ip'), near: true, first: 50 });
    const adHoc = await ranked({
      near: true,
      first: 50,
      need: {
        categories: [IP],
        markets: ['eu'],
        languages: ['ZH'],
        certifications: [TM],
        budget: { max: '12000', currency: 'CNY', unit: 'PER_PROJECT' },
        deadline: DEADLINE,
      },
    });
    const view = (ms: Match[]) => ms.map((m) => [refOf(m.offering.id), m.score, m.failedConstraints.map((f) => f.detail)]);
    expect(view(adHoc)).toEqual(view(saved));
  });

  it('refuses what cannot be ranked, by name', async () => {
    const code = async (variables: Record<string, unknown>, key?: string) => {
      const r = await matches(variables, key);
      return [r.errors?.[0].extensions?.code, r.errors?.[0].extensions?.argument ?? null];
    };
    const base = { categories: [IP] };
    expect(await code({})).toEqual(['BAD_USER_INPUT', 'needId']);
    expect(await code({ needId: needGid('need-ip'), need: base })).toEqual(['BAD_USER_INPUT', 'needId']);
    expect(await code({ needId: gid('ip-eu') })).toEqual(['BAD_USER_INPUT', 'needId']);
    expect(await code({ needId: toGlobalId('ServiceNeed', 2147483647) })).toEqual(['NOT_FOUND', 'needId']);
    expect(await code({ need: {} })).toEqual(['BAD_USER_INPUT', 'need.categories']);
    expect(await code({ need: { categories: [] } })).toEqual(['BAD_USER_INPUT', 'need.categories']);
    expect(await code({ need: { ...base, markets: ['XX'] } })).toEqual(['BAD_USER_INPUT', 'need.markets.0']);
    expect(await code({ need: { ...base, languages: ['thai'] } })).toEqual(['BAD_USER_INPUT', 'need.languages.0']);
    expect(await code({ need: { ...base, budget: { max: '10', currency: 'XYZ', unit: 'PER_DAY' } } })).toEqual(['BAD_USER_INPUT', 'need.budget.currency']);
    expect(await code({ need: { ...base, budget: { max: '0', currency: 'CNY', unit: 'PER_DAY' } } })).toEqual(['BAD_USER_INPUT', 'need.budget.max']);
    expect(await code({ need: { ...base, budget: { max: '0.5', currency: 'CNY', unit: 'PERCENT_OF_VALUE' } } })).toEqual([
      'BAD_USER_INPUT',
      'need.budget.currency',
    ]);
    expect(await code({ need: { ...base, deadline: addDays(TODAY, -1) } })).toEqual(['BAD_USER_INPUT', 'need.deadline']);
    expect(await code({ need: { ...base, district: '999999' } })).toEqual(['BAD_USER_INPUT', 'need.district']);
    expect(await code({ needId: needGid('need-ip'), weights: { price: 2 } })).toEqual(['BAD_USER_INPUT', 'weights.price']);
    expect(await code({ needId: needGid('need-ip'), first: 51 })).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('shows an offering’s contact to callers with an API key only', async () => {
    const anonymous = await ranked({ needId: needGid('need-ip') });
    expect(anonymous[0].offering.contact).toBeNull();
    const keyed = await ranked({ needId: needGid('need-ip') }, keys.other);
    expect(keyed[0].offering.contact).toEqual({ name: '王先生（Mr Wang）' });
    const LIST = `query List($f: ServiceOfferingFilter) { serviceOfferings(filter: $f) { nodes { nameEn contact { email } } } }`;
    const f = { providers: [toGlobalId('ServiceProvider', providers.p1)] };
    expect(expectData(await s.gql<any>(LIST, { f })).serviceOfferings.nodes).toEqual([
      { nameEn: 'Service ip-eu', contact: null },
      { nameEn: 'Service live-th', contact: null },
    ]);
    expect(expectData(await s.gql<any>(LIST, { f }, bearer(keys.buyer))).serviceOfferings.nodes[0].contact).toEqual({ email: 'ip-eu@example.cn' });
  });
});

describe('serviceNeedMatches: needs for an offering', () => {
  it('scores and explains every pair as the need’s side does', async () => {
    const fromNeed = await ranked({ needId: needGid('need-ip'), near: true, first: 50 });
    expect(fromNeed.length).toBe(9);
    for (const m of fromNeed) {
      const data = expectData(await s.gql<{ serviceNeedMatches: any }>(NEEDS, { offeringId: m.offering.id, near: true })).serviceNeedMatches;
      const mine = data.matches.find((x: { need: { id: string } }) => x.need.id === needGid('need-ip'));
      const view = (x: Match) => ({
        ref: refOf(m.offering.id),
        score: x.score,
        near: x.isNearMiss,
        failed: x.failedConstraints,
        parts: x.scoreParts,
        price: x.indicativePrice,
      });
      expect(view(mine)).toEqual(view(m));
    }
  });

  it('refuses a withdrawn offering, and another provider’s draft is not found', async () => {
    expect((await s.gql(NEEDS, { offeringId: gid('gone') })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await s.gql(NEEDS, { offeringId: gid('draft') }, bearer(keys.p2))).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expectData(await s.gql(NEEDS, { offeringId: gid('draft') }, bearer(keys.p1)));
  });
});

describe('reads: serviceOfferings, search and ServiceProvider.offerings', () => {
  const LIST = `query Find($f: ServiceOfferingFilter, $q: String) { serviceOfferings(filter: $f, search: $q, first: 50) { totalCount nodes { nameEn } } }`;
  const names = async (f: Record<string, unknown>, q?: string) =>
    expectData(await s.gql<any>(LIST, { f, q })).serviceOfferings.nodes.map((n: { nameEn: string }) => n.nameEn.replace('Service ', ''));

  it('filters by market (EU serving its member states), price, currency, turnaround and provider', async () => {
    expect(await names({ markets: ['DE'], categories: { anyOf: [IP] }, languages: ['en'] })).toEqual(['ip-de-eur', 'ip-eu', 'miss-deadline']);
    expect(await names({ priceAtMost: '5000', currency: 'CNY' })).toEqual(['live-th', 'live-th-2', 'miss-category', 'miss-unit']);
    expect(await names({ turnaroundDaysAtMost: 4 })).toEqual(['live-th']);
    expect(await names({ providers: [toGlobalId('ServiceProvider', providers.p2)] })).toEqual(['ip-de-eur', 'live-th-2']);
    // search as name search does it (typo-tolerant, so a near name may come along)
    const found = await names({ categories: { anyOf: [IP] } }, 'ip-de-eur');
    expect(found).toContain('ip-de-eur');
    expect(found).not.toContain('miss-market');
  });

  it('lists drafts to their provider only, and search finds published offerings only', async () => {
    const drafts = `query D { serviceOfferings(filter: { statuses: [DRAFT] }) { nodes { nameEn } } }`;
    expect((await s.gql(drafts)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(expectData(await s.gql<any>(drafts, {}, bearer(keys.p2))).serviceOfferings.nodes).toEqual([]);
    expect(expectData(await s.gql<any>(drafts, {}, bearer(keys.p1))).serviceOfferings.nodes).toEqual([{ nameEn: 'Service draft' }]);
    const found = expectData(
      await s.gql<any>(`query S { search(query: "service ip-eu", kinds: [SERVICE_OFFERING]) { nodes { node { ... on ServiceOffering { nameEn } } } } }`),
    ).search.nodes.map((n: { node: { nameEn: string } }) => n.node.nameEn);
    expect(found).toContain('Service ip-eu');
    const draft = expectData(await s.gql<any>(`query S2 { search(query: "service draft", kinds: [SERVICE_OFFERING]) { totalCount } }`)).search;
    expect(draft.totalCount).toBe(0);
  });

  it('lists a provider’s published offerings under it', async () => {
    const r = expectData(
      await s.gql<any>(
        `query P($id: ID!) { node(id: $id) { ... on ServiceProvider { offerings { nodes { nameEn category price { min currency unit } } } } } }`,
        {
          id: toGlobalId('ServiceProvider', providers.p1),
        },
      ),
    );
    // by category (INTERNATIONAL_LIVE_STREAMING before IP_AGENCY); the draft is not listed
    expect(r.node.offerings.nodes).toEqual([
      { nameEn: 'Service live-th', category: LIVE, price: { min: '3000.0000', currency: 'CNY', unit: 'PER_DAY' } },
      { nameEn: 'Service ip-eu', category: IP, price: { min: '8000.0000', currency: 'CNY', unit: 'PER_PROJECT' } },
    ]);
  });
});

describe('writes and rights', () => {
  const CREATE = /* GraphQL */ `
    mutation Create($input: CreateServiceOfferingInput!, $key: String) {
      createServiceOffering(input: $input, idempotencyKey: $key) { offering { id status nameEn price { min currency unit } } errors { code field message } replayed }
    }`;
  const UPDATE = `mutation U($id: ID!, $input: UpdateServiceOfferingInput!) { updateServiceOffering(id: $id, input: $input) { offering { nameEn } errors { code field } } }`;
  const WITHDRAW = `mutation W($id: ID!) { withdrawServiceOffering(id: $id) { offering { status } errors { code } } }`;
  const offering = { nameZh: '欧盟商标', nameEn: 'EU trade mark', category: IP, markets: ['EU'], languages: ['zh'], certifications: [TM] };
  const create = async (input: Record<string, unknown>, key: string, idem?: string) =>
    (await s.gql<any>(CREATE, { input, key: idem }, bearer(key))).data?.createServiceOffering;

  it('lets a provider create, publish, change and withdraw its offerings, with typed errors', async () => {
    expect((await s.gql(CREATE, { input: offering })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await create(offering, keys.buyer)).errors).toEqual([expect.objectContaining({ code: 'NOT_A_PROVIDER' })]);
    expect((await create({ ...offering, ref: 'ip-eu' }, keys.p1)).errors).toEqual([expect.objectContaining({ code: 'REF_TAKEN', field: ['input', 'ref'] })]);
    const percent = await create({ ...offering, price: { min: '0.5', currency: 'CNY', unit: 'PERCENT_OF_VALUE' } }, keys.p1);
    expect(percent.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'price', 'currency'] })]);
    expect((await create({ ...offering, markets: ['EU', 'eu'] }, keys.p1)).errors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'markets', '1'] });
    // an idempotent create, replayed
    const input = { ...offering, ref: 'new-draft', price: { min: '7000', currency: 'cny', unit: 'PER_PROJECT' } };
    const made = await create(input, keys.p1, 'svc-create-1');
    expect(made.errors).toEqual([]);
    expect(made.offering).toMatchObject({ status: 'DRAFT', price: { min: '7000.0000', currency: 'CNY', unit: 'PER_PROJECT' } });
    const again = await create(input, keys.p1, 'svc-create-1');
    expect([again.replayed, again.offering.id]).toEqual([true, made.offering.id]);
    expect((await create({ ...input, nameEn: 'Other' }, keys.p1, 'svc-create-1')).errors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    // another provider: its draft is not found, a published one forbidden
    expect((await s.gql<any>(UPDATE, { id: made.offering.id, input: { nameEn: 'x' } }, bearer(keys.p2))).data.updateServiceOffering.errors[0].code).toBe(
      'NOT_FOUND',
    );
    expect((await s.gql<any>(UPDATE, { id: gid('ip-eu'), input: { nameEn: 'x' } }, bearer(keys.p2))).data.updateServiceOffering.errors[0].code).toBe(
      'FORBIDDEN',
    );
    expect((await s.gql<any>(UPDATE, { id: made.offering.id, input: { nameEn: null } }, bearer(keys.p1))).data.updateServiceOffering.errors[0]).toEqual({
      code: 'INVALID',
      field: ['input', 'nameEn'],
    });
    const changed = (await s.gql<any>(UPDATE, { id: made.offering.id, input: { nameEn: 'EU trade mark, fast' } }, bearer(keys.p1))).data.updateServiceOffering;
    expect(changed).toEqual({ offering: { nameEn: 'EU trade mark, fast' }, errors: [] });
    expect((await s.gql<any>(WITHDRAW, { id: made.offering.id }, bearer(keys.p1))).data.withdrawServiceOffering).toEqual({
      offering: { status: 'WITHDRAWN' },
      errors: [],
    });
    expect((await s.gql<any>(UPDATE, { id: made.offering.id, input: { nameEn: 'y' } }, bearer(keys.p1))).data.updateServiceOffering.errors[0].code).toBe(
      'OFFERING_WITHDRAWN',
    );
  });

  it('lets an enterprise save, change and close its needs', async () => {
    const SAVE = `mutation N($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { need { id status categories budget { max currency unit } district { code } } errors { code field } } }`;
    const bad = async (input: Record<string, unknown>) => (await s.gql<any>(SAVE, { input }, bearer(keys.other))).data.createServiceNeed.errors[0];
    const base = { title: 'Customs for 9610', categories: ['CUSTOMS_DECLARATION'] };
    expect(await bad({ ...base, district: '500199' })).toEqual({ code: 'UNKNOWN_DISTRICT', field: ['input', 'district'] });
    // 渝北区 was retired at the end of 2025: the need is refused with the districts that succeeded it.
    const retired = (
      await s.gql<any>(
        `mutation N($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { need { id } errors { code field message } } }`,
        { input: { ...base, district: '500112' } },
        bearer(keys.other),
      )
    ).data.createServiceNeed;
    expect(retired.need).toBeNull();
    expect(retired.errors).toEqual([
      { code: 'RETIRED_DISTRICT', field: ['input', 'district'], message: expect.stringMatching(/2025-12-31, succeeded by 500157 两江新区.*and 500109 北碚区/) },
    ]);
    expect(await bad({ ...base, deadline: addDays(TODAY, -1) })).toEqual({ code: 'INVALID', field: ['input', 'deadline'] });
    expect(await bad({ ...base, categories: [] })).toEqual({ code: 'INVALID', field: ['input', 'categories'] });
    const saved = (
      await s.gql<any>(SAVE, { input: { ...base, budget: { max: '250', currency: 'CNY', unit: 'PER_ORDER' }, district: '500103' } }, bearer(keys.other))
    ).data.createServiceNeed;
    expect(saved.errors).toEqual([]);
    expect(saved.need).toMatchObject({ status: 'OPEN', budget: { max: '250.0000', currency: 'CNY', unit: 'PER_ORDER' }, district: { code: '500103' } });
    const UPD = `mutation U($id: ID!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, input: $input) { need { title } errors { code } } }`;
    expect((await s.gql<any>(UPD, { id: saved.need.id, input: { title: 'x' } }, bearer(keys.buyer))).data.updateServiceNeed.errors[0].code).toBe('FORBIDDEN');
    expect((await s.gql<any>(UPD, { id: saved.need.id, input: { title: 'Customs' } }, bearer(keys.other))).data.updateServiceNeed).toEqual({
      need: { title: 'Customs' },
      errors: [],
    });
    const CLOSE = `mutation C($id: ID!) { closeServiceNeed(id: $id) { need { status } errors { code } } }`;
    expect((await s.gql<any>(CLOSE, { id: saved.need.id }, bearer(keys.other))).data.closeServiceNeed).toEqual({ need: { status: 'CLOSED' }, errors: [] });
    // a closed need is matched no more: its enterprise is told so, anyone else does not see it
    expect((await matches({ needId: saved.need.id }, keys.other)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await matches({ needId: saved.need.id }, keys.buyer)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await s.gql<any>(UPD, { id: saved.need.id, input: { title: 'y' } }, bearer(keys.other))).data.updateServiceNeed.errors[0].code).toBe('NEED_CLOSED');
  });
});

describe('serviceOfferingMatched: a saved need told of new fitting offerings', () => {
  const SUBSCRIBE = /* GraphQL */ `
    subscription Matched($needId: ID!) {
      serviceOfferingMatched(needId: $needId) { needId offering { id nameEn status } match { rank score isNearMiss summary } }
    }`;

  it('delivers an event for a newly published fitting offering, and none for one that does not fit', async () => {
    const client = wsClient(s.url, { authorization: `Bearer ${keys.buyer}` });
    try {
      const feed = follow(client, SUBSCRIBE, { needId: needGid('need-ip') });
      await waitFor(() => (listeners.get(SERVICE_OFFERING_MATCH) ?? 0) >= 1);
      // when p1 publishes an offering in Russian only (no fit), then one that fits: 7,000 CNY in 5 days
      const CREATE = `mutation C($input: CreateServiceOfferingInput!) { createServiceOffering(input: $input) { offering { id } errors { code } } }`;
      const input = { nameZh: '欧盟商标快速注册', nameEn: 'EU trade mark, fast', category: IP, markets: ['EU'], certifications: [TM], publish: true };
      const misfit = (await s.gql<any>(CREATE, { input: { ...input, languages: ['ru'] } }, bearer(keys.p1))).data.createServiceOffering;
      const fit = (
        await s.gql<any>(
          CREATE,
          { input: { ...input, languages: ['zh'], price: { min: '7000', currency: 'CNY', unit: 'PER_PROJECT' }, turnaroundDays: 5 } },
          bearer(keys.p1),
        )
      ).data.createServiceOffering;
      expect([misfit.errors, fit.errors]).toEqual([[], []]);
      const m = await feed.next();
      // price 1 − 7000/12000 = 0.4167, turnaround 1 − 5/60 = 0.9167: 0.5 × 0.4167 + 0.3333 × 0.9167 = 0.5139, ahead of ip-eu (0.4444)
      expect(m.errors).toBeUndefined();
      expect(m.data.serviceOfferingMatched).toEqual({
        needId: needGid('need-ip'),
        offering: { id: fit.offering.id, nameEn: 'EU trade mark, fast', status: 'PUBLISHED' },
        match: { rank: 1, score: 0.5139, isNearMiss: false, summary: expect.stringMatching(/^Rank 1, score 0\.514: /) },
      });
      expect(feed.messages).toHaveLength(1);
      feed.dispose();
    } finally {
      await client.dispose();
    }
  });

  it('refuses to follow another enterprise’s need', async () => {
    const client = wsClient(s.url, { authorization: `Bearer ${keys.p1}` });
    const result = await new Promise<any>((resolve) => {
      client.subscribe({ query: SUBSCRIBE, variables: { needId: needGid('need-ip') } }, { next: resolve, error: resolve, complete: () => undefined });
    });
    await client.dispose();
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the import path: serviceOfferings and serviceNeeds', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init(ormConfig(s.databaseUrl));
  });
  afterAll(() => orm?.close(true));
  const credit = async (n: string) => (await sql.query('select credit_code from enterprise where id = $1', [ents[n]])).rows[0].credit_code as string;
  const record = async (ref: string, over: Record<string, unknown> = {}) => ({
    provider: await credit('p2'),
    ref,
    nameZh: '欧盟商标注册',
    nameEn: `Imported ${ref}`,
    category: IP,
    markets: ['eu'],
    languages: ['zh'],
    certifications: [TM],
    price: { min: 6500, max: '8000', currency: 'cny', unit: 'PER_PROJECT' },
    turnaroundDays: 12,
    contact: { name: '李女士', email: 'ip@example.cn' },
    ...over,
  });

  it('checks records as the API does, updates what changed on a second import, and deletes nothing left out', async () => {
    const bad = await importDataset(orm.em.fork(), {
      serviceOfferings: [
        await record('x', { price: { min: '0.5', currency: 'CNY', unit: 'PERCENT_OF_VALUE' } }),
        await record('y', { provider: await credit('buyer') }),
      ],
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ImportValidationError);
    expect((bad as ImportValidationError).issues.map((i: ImportIssue) => [i.path, i.field])).toEqual([
      ['serviceOfferings[0]', 'price.currency'],
      ['serviceOfferings[1]', 'provider'],
    ]);
    const first = await importDataset(orm.em.fork(), { serviceOfferings: [await record('imp-a'), await record('imp-b')] });
    expect(first.counts).toMatchObject({ service_offering: 2 });
    const again = await importDataset(orm.em.fork(), { serviceOfferings: [await record('imp-a'), await record('imp-b')] });
    expect(again.counts).toMatchObject({ service_offering: 0 });
    // a changed price updates imp-a; imp-b, left out, stays as it is
    const changed = await importDataset(orm.em.fork(), {
      serviceOfferings: [await record('imp-a', { price: { min: '6000', currency: 'CNY', unit: 'PER_PROJECT' } })],
    });
    expect(changed.counts).toMatchObject({ service_offering: 1 });
    const rows = (
      await sql.query(
        `select ref, status, markets, currency, price_min::text, price_max::text, is_sample from service_offering where ref like 'imp-%' order by ref`,
      )
    ).rows;
    expect(rows).toEqual([
      { ref: 'imp-a', status: 'PUBLISHED', markets: ['EU'], currency: 'CNY', price_min: '6000.0000', price_max: null, is_sample: false },
      { ref: 'imp-b', status: 'PUBLISHED', markets: ['EU'], currency: 'CNY', price_min: '6500.0000', price_max: '8000.0000', is_sample: false },
    ]);
  });

  it('imports saved needs by enterprise and ref', async () => {
    const need = { enterprise: await credit('other'), ref: 'imp-need', title: 'EU VAT', categories: ['FINANCE_TAX'], markets: ['DE'], district: '500103' };
    expect((await importDataset(orm.em.fork(), { serviceNeeds: [need] })).counts).toMatchObject({ service_need: 1 });
    expect((await importDataset(orm.em.fork(), { serviceNeeds: [need] })).counts).toMatchObject({ service_need: 0 });
    const bad = await importDataset(orm.em.fork(), { serviceNeeds: [{ ...need, categories: [], district: '500199' }] }).catch((e: unknown) => e);
    expect((bad as ImportValidationError).issues.map((i: ImportIssue) => i.field)).toEqual(['categories', 'district']);
  });
});

/** Polls `cond` (a state reached, not a time waited), failing after a generous deadline. */
async function waitFor(cond: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !cond(); ) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the subscription');
    await new Promise((r) => setTimeout(r, 20));
  }
}
