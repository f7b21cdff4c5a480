/**
 * Issue 15, point 1 (services) from the users' side — a review: a seller asking the issue's own
 * question ("who can register my trademark in the EU and do live-stream marketing in Thai"), a
 * provider publishing offerings and looking for needs, a third-party developer from a browser, a
 * matchmaking frontend subscribing to announcements. Everything goes through the GraphQL API on
 * the seeded sample (startTestServer), plus records imported through the import path where the
 * API cannot make them (a need past its deadline).
 *
 * Tests whose name starts with "DEFECT:" fail on the reviewed code (main at 57b0418) and show a
 * defect; the others passed and are kept as a user-side regression suite.
 */
import 'reflect-metadata';
import pg from 'pg';
import { ImportValidationError, type ImportIssue } from '../src/import';
import { addDays, todayInChina } from '../src/modules/matchmaking/matchmaking.validation';
import { SERVICE_OFFERING_MATCH } from '../src/modules/service-provider/service.events';
import { importInto } from './helpers/import';
import { bearer, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { countingPubSub, follow, wsClient } from './helpers/subscribe';
import { MikroORM } from '@mikro-orm/postgresql';
import { importDataset } from '../src/composition';
import { ormConfig } from '../src/orm';

let s: TestServer;
let sql: pg.Client;
let listeners: Map<string, number>;
const TODAY = todayInChina();

/** Enterprises of the sample: the seller who saved the issue's need, a second seller, two providers, a non-provider. */
const ent: Record<'seller' | 'seller2' | 'feixu' | 'lujing' | 'plain', number> = { seller: 0, seller2: 0, feixu: 0, lujing: 0, plain: 0 };
const key: Record<keyof typeof ent, string> = { seller: '', seller2: '', feixu: '', lujing: '', plain: '' };
let sampleNeedId = '';

const q = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows;
const gq = (query: string, variables?: Record<string, unknown>, k?: string) => s.gql<any>(query, variables, k ? bearer(k) : undefined);
const codeOf = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const argOf = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.argument;

const EXPLAINED = /* GraphQL */ `
  rank score isNearMiss summary summaryZh indicativePrice { amount currency }
  failedConstraints { constraint detail detailZh }
  scoreParts { factor weight value contribution detail detailZh }`;
const MATCHES = /* GraphQL */ `
  query M($needId: ID, $need: ServiceNeedInput, $near: Boolean, $first: Int, $after: String, $weights: ServiceWeightsInput) {
    serviceMatches(needId: $needId, need: $need, includeNearMisses: $near, first: $first, after: $after, weights: $weights) {
      totalCount fullMatchCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ${EXPLAINED} offering { id nameEn category markets languages contact { name } provider { id nameEn } } } }
      matches { rank offering { id } }
    }
  }`;
const CREATE_OFFERING = /* GraphQL */ `
  mutation C($input: CreateServiceOfferingInput!, $idem: String) {
    createServiceOffering(input: $input, idempotencyKey: $idem) {
      offering { id status nameEn contact { name email phone } provider { id } }
      errors { code field message }
      replayed
    }
  }`;
const CREATE_NEED = /* GraphQL */ `
  mutation N($input: CreateServiceNeedInput!, $idem: String) {
    createServiceNeed(input: $input, idempotencyKey: $idem) { need { id status title } errors { code field message } replayed }
  }`;

const ISSUE_NEED = { categories: ['IP_AGENCY', 'INTERNATIONAL_LIVE_STREAMING'], markets: ['EU', 'TH'], languages: ['zh', 'th'] };

async function createOffering(input: Record<string, unknown>, k: string, idem?: string) {
  return expectData(await gq(CREATE_OFFERING, { input, idem }, k)).createServiceOffering;
}
const coverage = (m: { scoreParts: { factor: string; value: number }[] }) => m.scoreParts.find((p) => p.factor === 'COVERAGE')?.value;
/** The numbers of a sentence (thousands separators dropped), sorted: the same facts in both languages carry the same numbers. */
const numbersOf = (text: string) =>
  (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [])
    .map((n) => n.replace(/,/g, ''))
    .map((n) => n.replace(/^0+(?=\d)/, ''))
    .sort();

beforeAll(async () => {
  listeners = countingPubSub();
  s = await startTestServer(__filename);
  sql = new pg.Client({ connectionString: s.databaseUrl });
  await sql.connect();
  const [need] = await q(`select id, owner_id from service_need where ref = 'eu-tm-thai-live'`);
  ent.seller = need.owner_id;
  sampleNeedId = Buffer.from(`ServiceNeed:${need.id}`).toString('base64');
  const providerOf = async (like: string) =>
    (await q(`select p.enterprise_id from service_provider p join enterprise e on e.id = p.enterprise_id where e.name_en like $1`, [like]))[0].enterprise_id;
  ent.feixu = await providerOf('%Feixu Intellectual%');
  ent.lujing = await providerOf('%Lujing Live%');
  const free = await q(
    `select id from enterprise e where not exists (select 1 from service_provider p where p.enterprise_id = e.id)
       and not exists (select 1 from service_need n where n.owner_id = e.id) order by id limit 2`,
  );
  ent.seller2 = free[0].id;
  ent.plain = free[1].id;
  for (const n of Object.keys(ent) as (keyof typeof ent)[]) key[n] = await issueKey(s.databaseUrl, ent[n]);
});
afterAll(async () => {
  await sql?.end();
  await s?.close();
});

describe('the issue’s question on the seeded sample', () => {
  it('DEFECT: the sample has a provider doing both an EU trade mark and Thai live selling, and ranks it first (COVERAGE 1)', async () => {
    // The sample even saves this very need (ref eu-tm-thai-live), but no sample provider offers both
    // services: every match has COVERAGE 0.5, so "a provider doing both first" cannot be shown.
    const bySaved = expectData(await gq(MATCHES, { needId: sampleNeedId, first: 5 })).serviceMatches;
    const adHoc = expectData(await gq(MATCHES, { need: ISSUE_NEED, first: 5 })).serviceMatches;
    expect(bySaved.totalCount).toBeGreaterThan(0);
    expect(adHoc.edges.map((e: any) => e.node.offering.id)).toEqual(bySaved.edges.map((e: any) => e.node.offering.id));
    expect(coverage(bySaved.edges[0].node)).toBe(1);
  });

  it('answers it with full matches of both services, each explained in both languages with the same numbers', async () => {
    const r = expectData(await gq(MATCHES, { need: ISSUE_NEED, first: 20, near: true })).serviceMatches;
    const full = r.edges.map((e: any) => e.node).filter((m: any) => !m.isNearMiss);
    expect(new Set(full.map((m: any) => m.offering.category))).toEqual(new Set(ISSUE_NEED.categories));
    expect(r.totalCount).toBe(full.length);
    for (const m of r.edges.map((e: any) => e.node)) {
      expect(m.summary).toMatch(m.isNearMiss ? /^Near miss: / : new RegExp(`^Rank ${m.rank}, score `));
      expect(m.summaryZh).toMatch(m.isNearMiss ? /^近似匹配：/ : new RegExp(`^排名第${m.rank}，得分`));
      expect(numbersOf(m.summaryZh)).toEqual(numbersOf(m.summary));
      for (const f of m.failedConstraints) expect(numbersOf(f.detailZh)).toEqual(numbersOf(f.detail));
      for (const p of m.scoreParts) expect(numbersOf(p.detailZh)).toEqual(numbersOf(p.detail));
      // an EU trade mark offering serves the EU; a Thai live-selling one Thailand, in Thai
      if (!m.isNearMiss && m.offering.category === 'IP_AGENCY') expect(m.offering.markets).toContain('EU');
      if (!m.isNearMiss && m.offering.category === 'INTERNATIONAL_LIVE_STREAMING') expect(m.offering.languages).toContain('th');
    }
    // ranks are 1..n in order, scores not increasing among full matches
    expect(r.edges.map((e: any) => e.node.rank)).toEqual(r.edges.map((_: unknown, i: number) => i + 1));
    const scores = full.map((m: any) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('ranks first the provider doing both once one does (a sample IP agency publishes Thai live selling)', async () => {
    const made = await createOffering(
      {
        nameZh: '泰国TikTok泰语直播带货',
        nameEn: 'Feixu · Thai-language live selling',
        category: 'INTERNATIONAL_LIVE_STREAMING',
        markets: ['TH'],
        languages: ['th', 'zh'],
        price: { min: '3500', currency: 'CNY', unit: 'PER_DAY' },
        turnaroundDays: 5,
        publish: true,
      },
      key.feixu,
    );
    expect(made.errors).toEqual([]);
    const r = expectData(await gq(MATCHES, { needId: sampleNeedId, first: 10 })).serviceMatches;
    const nodes = r.edges.map((e: any) => e.node);
    const top = nodes[0];
    expect(coverage(top)).toBe(1);
    expect(top.summary).toContain('2 of the need’s 2 services');
    expect(top.summaryZh).toContain('2项服务中的2项');
    // the offerings of providers doing both (the sample's one-stop firm, and now this one) rank
    // above every provider doing only one
    const both = nodes.filter((m: any) => coverage(m) === 1);
    expect(both.map((m: any) => m.offering.provider.id)).toContain(made.offering.provider.id);
    expect(nodes.findIndex((m: any) => (coverage(m) ?? 0) < 1)).toBe(both.length);
  });

  it('DEFECT: asked the natural way ("in Thai" is for the live selling), the provider doing both is not found', async () => {
    // languages bind every offering of the need, so the EU trade-mark offerings (zh, en) all fail
    // LANGUAGES and COVERAGE never sees the provider doing both: a need cannot say which service
    // the language (or market) is for. Runs after the test above, so Feixu does both.
    const r = expectData(
      await gq(MATCHES, { need: { categories: ISSUE_NEED.categories, markets: ['EU', 'TH'], languages: ['th'] }, first: 10 }),
    ).serviceMatches;
    const cats = new Set(r.edges.map((e: any) => e.node.offering.category));
    expect(cats).toContain('IP_AGENCY');
    expect(coverage(r.edges[0].node)).toBe(1);
  });
});

describe('bad input is refused by name, never a crash', () => {
  const ad = (need: Record<string, unknown>) => ({ need: { categories: ['IP_AGENCY'], ...need } });
  it.each([
    ['no need at all', {}, 'needId'],
    ['both needId and need', { needId: 'x', need: { categories: ['IP_AGENCY'] } }, 'needId'],
    ['no categories', { need: {} }, 'need.categories'],
    ['empty categories', { need: { categories: [] } }, 'need.categories'],
    ['a category twice', { need: { categories: ['IP_AGENCY', 'IP_AGENCY'] } }, 'need.categories.1'],
    ['first 0', { ...ad({}), first: 0 }, 'first'],
    ['first negative', { ...ad({}), first: -3 }, 'first'],
    ['first too big', { ...ad({}), first: 51 }, 'first'],
    ['an unknown market', ad({ markets: ['XX'] }), 'need.markets.0'],
    ['a language that is no code', ad({ languages: ['english'] }), 'need.languages.0'],
    ['a negative budget', ad({ budget: { max: '-5', currency: 'CNY', unit: 'PER_PROJECT' } }), 'need.budget.max'],
    ['a zero budget', ad({ budget: { max: '0', currency: 'CNY', unit: 'PER_PROJECT' } }), 'need.budget.max'],
    ['a huge budget', ad({ budget: { max: '1000000001', currency: 'CNY', unit: 'PER_PROJECT' } }), 'need.budget.max'],
    ['an unknown currency', ad({ budget: { max: '100', currency: 'XYZ', unit: 'PER_PROJECT' } }), 'need.budget.currency'],
    ['a budget without currency', ad({ budget: { max: '100', unit: 'PER_PROJECT' } }), 'need.budget.currency'],
    ['a percentage with a currency', ad({ budget: { max: '1', currency: 'CNY', unit: 'PERCENT_OF_VALUE' } }), 'need.budget.currency'],
    ['a percentage over 100', ad({ budget: { max: '101', unit: 'PERCENT_OF_VALUE' } }), 'need.budget.max'],
    ['a deadline in the past', ad({ deadline: addDays(TODAY, -1) }), 'need.deadline'],
    ['a deadline beyond 5 years', ad({ deadline: addDays(TODAY, 6 * 366) }), 'need.deadline'],
    ['a district that is no code', ad({ district: 'abc' }), 'need.district'],
    ['an unknown district', ad({ district: '500199' }), 'need.district'],
    ['a control character', ad({ markets: ['D\u0000E'] }), 'need.markets.0'],
    ['a negative weight', { ...ad({}), weights: { price: -1 } }, 'weights.price'],
    ['a weight over 1', { ...ad({}), weights: { turnaround: 2 } }, 'weights.turnaround'],
    ['all weights 0', { ...ad({}), weights: { price: 0, turnaround: 0, coverage: 0, certifications: 0, localPresence: 0 } }, 'weights'],
    ['a foreign cursor', { ...ad({}), after: 'garbage' }, 'after'],
    ['a garbage needId', { needId: 'garbage' }, 'needId'],
    ['an offering’s ID as needId', { needId: Buffer.from('ServiceOffering:1').toString('base64') }, 'needId'],
  ])('serviceMatches: %s', async (_what, variables, argument) => {
    const r = await gq(MATCHES, variables as Record<string, unknown>);
    // 200, or 400 for a control character (refused with the request's variables), never a 5xx
    expect([r.status < 500, codeOf(r), argOf(r)]).toEqual([true, 'BAD_USER_INPUT', argument]);
  });

  it.each([
    ['an unknown enum value', { need: { categories: ['NOPE'] } }],
    ['a Date that does not exist', { need: { categories: ['IP_AGENCY'], deadline: '2027-02-30' } }],
    ['a budget that is no decimal', { need: { categories: ['IP_AGENCY'], budget: { max: '1e30', currency: 'CNY', unit: 'PER_PROJECT' } } }],
    ['an Int beyond 32 bits', { need: { categories: ['IP_AGENCY'] }, first: 99999999999 }],
  ])('serviceMatches: %s is BAD_USER_INPUT from the schema', async (_what, variables) => {
    expect(codeOf(await gq(MATCHES, variables))).toBe('BAD_USER_INPUT');
  });

  it('serviceNeedMatches: a need’s ID, a garbage ID, weights and first are refused by name', async () => {
    const Q = `query($id: ID!, $first: Int, $w: ServiceWeightsInput) { serviceNeedMatches(offeringId: $id, first: $first, weights: $w) { totalCount } }`;
    const [anOffering] = await q(`select id from service_offering where status = 'PUBLISHED' order by id limit 1`);
    const oid = Buffer.from(`ServiceOffering:${anOffering.id}`).toString('base64');
    for (const [v, arg] of [
      [{ id: sampleNeedId }, 'offeringId'],
      [{ id: 'garbage' }, 'offeringId'],
      [{ id: oid, first: 0 }, 'first'],
      [{ id: oid, w: { coverage: 5 } }, 'weights.coverage'],
    ] as const) {
      const r = await gq(Q, v);
      expect([codeOf(r), argOf(r)]).toEqual(['BAD_USER_INPUT', arg]);
    }
  });

  it('serviceOfferings: bad filters are refused by name', async () => {
    const Q = `query($f: ServiceOfferingFilter, $first: Int, $s: String) { serviceOfferings(filter: $f, first: $first, search: $s) { totalCount } }`;
    for (const [v, arg] of [
      [{ f: { markets: ['XX'] } }, 'filter.markets.0'],
      [{ f: { languages: ['english'] } }, 'filter.languages.0'],
      [{ f: { turnaroundDaysAtMost: -1 } }, 'filter.turnaroundDaysAtMost'],
      [{ f: { providers: ['garbage'] } }, 'filter.providers'],
      [{ f: { providers: [sampleNeedId] } }, 'filter.providers'],
      [{ first: 101 }, 'first'],
      [{ s: 'a' }, 'search'],
    ] as const) {
      const r = await gq(Q, v);
      expect([codeOf(r), argOf(r)]).toEqual(['BAD_USER_INPUT', arg]);
    }
  });

  it('DEFECT: serviceOfferings(filter: { currency: "XYZ" }) is an empty answer, not BAD_USER_INPUT naming filter.currency', async () => {
    // every other code in this API (markets, districts, a budget's currency) is refused by name
    const r = await gq(`{ serviceOfferings(filter: { currency: "XYZ" }) { totalCount } }`);
    expect([codeOf(r), argOf(r)]).toEqual(['BAD_USER_INPUT', 'filter.currency']);
  });

  it('DEFECT: serviceOfferings(filter: { priceAtMost: "-1" }) is an empty answer, not BAD_USER_INPUT naming filter.priceAtMost', async () => {
    const r = await gq(`{ serviceOfferings(filter: { priceAtMost: "-1", currency: "CNY" }) { totalCount } }`);
    expect([codeOf(r), argOf(r)]).toEqual(['BAD_USER_INPUT', 'filter.priceAtMost']);
  });

  it('DEFECT: a language code that ISO 639-1 does not have ("qq") is taken, and nothing matches, instead of BAD_USER_INPUT', async () => {
    const r = await gq(MATCHES, { need: { categories: ['IP_AGENCY'], languages: ['qq'] } });
    expect([codeOf(r), argOf(r)]).toEqual(['BAD_USER_INPUT', 'need.languages.0']);
  });

  it('createServiceOffering / createServiceNeed: bad fields come back as typed errors naming the field', async () => {
    const base = { nameZh: '测试', nameEn: 'Test', category: 'IP_AGENCY' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ price: { min: '200', max: '100', currency: 'CNY', unit: 'PER_PROJECT' } }, ['input', 'price', 'max']],
      [{ price: { currency: 'CNY', unit: 'PER_PROJECT' } }, ['input', 'price']],
      [{ price: { min: '-1', currency: 'CNY', unit: 'PER_PROJECT' } }, ['input', 'price', 'min']],
      [{ price: { min: '10', currency: 'ABC', unit: 'PER_PROJECT' } }, ['input', 'price', 'currency']],
      [{ turnaroundDays: -1 }, ['input', 'turnaroundDays']],
      [{ turnaroundDays: 100000 }, ['input', 'turnaroundDays']],
      [{ contact: { email: 'not-an-email' } }, ['input', 'contact', 'email']],
      [{ contact: { phone: 'call me' } }, ['input', 'contact', 'phone']],
      [{ contact: { name: 'a\u0000b' } }, ['input', 'contact', 'name']],
      [{ ref: 'bad ref!' }, ['input', 'ref']],
      [{ markets: ['ZZ'] }, ['input', 'markets', '0']],
      [{ nameEn: 'x'.repeat(301) }, ['input', 'nameEn']],
      [{ nameZh: '' }, ['input', 'nameZh']],
    ];
    for (const [patch, field] of cases) {
      const r = await createOffering({ ...base, ...patch }, key.lujing);
      expect([r.offering, r.errors[0]?.code, r.errors[0]?.field]).toEqual([null, 'INVALID', field]);
    }
    const needCases: [Record<string, unknown>, string, string[]][] = [
      [{ title: 'x'.repeat(201) }, 'INVALID', ['input', 'title']],
      [{ title: 'a\nb' }, 'INVALID', ['input', 'title']],
      [{ categories: [] }, 'INVALID', ['input', 'categories']],
      [{ deadline: addDays(TODAY, -1) }, 'INVALID', ['input', 'deadline']],
      [{ district: '500199' }, 'UNKNOWN_DISTRICT', ['input', 'district']],
      [{ budget: { max: '1.23456', currency: 'CNY', unit: 'PER_DAY' } }, 'INVALID', ['input', 'budget', 'max']],
    ];
    for (const [patch, code, field] of needCases) {
      const r = expectData(
        await gq(CREATE_NEED, { input: { title: 'Customs', categories: ['CUSTOMS_DECLARATION'], ...patch } }, key.seller2),
      ).createServiceNeed;
      expect([r.need, r.errors[0]?.code, r.errors[0]?.field]).toEqual([null, code, field]);
    }
  });

  it('DEFECT: a null category is reported once (it is reported twice, the second time as "\\"null\\" is not a ServiceCategory")', async () => {
    const r = await createOffering({ nameZh: '测试', nameEn: 'Test', category: null }, key.lujing);
    expect(r.errors).toEqual([{ code: 'INVALID', field: ['input', 'category'], message: expect.any(String) }]);
  });
});

describe('rights, drafts and contacts', () => {
  let draftId = '';
  let publishedId = '';
  const contact = { name: '王女士', email: 'wang@example.cn', phone: '+86 23 1234 5678' };
  const draftInput = {
    nameZh: '欧盟商标加急草稿',
    nameEn: 'Zebraquux EU trade mark express',
    category: 'IP_AGENCY',
    markets: ['EU'],
    languages: ['zh', 'en'],
    certifications: ['TRADEMARK_AGENCY_FILING'],
    price: { min: '5000', max: '6000', currency: 'CNY', unit: 'PER_PROJECT' },
    turnaroundDays: 7,
    contact,
  };

  beforeAll(async () => {
    const d = await createOffering(draftInput, key.feixu);
    const p = await createOffering({ ...draftInput, nameEn: 'Wibblefoo EU trade mark published', nameZh: '欧盟商标已发布', publish: true }, key.feixu);
    expect([d.errors, p.errors, d.offering.status, p.offering.status]).toEqual([[], [], 'DRAFT', 'PUBLISHED']);
    draftId = d.offering.id;
    publishedId = p.offering.id;
  });

  it('anonymous callers are UNAUTHENTICATED on every service mutation', async () => {
    const calls = [
      [CREATE_OFFERING, { input: draftInput }],
      [`mutation($id: ID!) { updateServiceOffering(id: $id, input: { nameEn: "x" }) { errors { code } } }`, { id: publishedId }],
      [`mutation($id: ID!) { publishServiceOffering(id: $id) { errors { code } } }`, { id: draftId }],
      [`mutation($id: ID!) { withdrawServiceOffering(id: $id) { errors { code } } }`, { id: publishedId }],
      [CREATE_NEED, { input: { title: 'x', categories: ['IP_AGENCY'] } }],
      [`mutation($id: ID!) { updateServiceNeed(id: $id, input: { title: "x" }) { errors { code } } }`, { id: sampleNeedId }],
      [`mutation($id: ID!) { closeServiceNeed(id: $id) { errors { code } } }`, { id: sampleNeedId }],
    ] as const;
    for (const [query, v] of calls) expect(codeOf(await gq(query, v))).toBe('UNAUTHENTICATED');
  });

  it('only the provider changes its offerings; only the need’s enterprise changes its need', async () => {
    const UPD = `mutation($id: ID!) { updateServiceOffering(id: $id, input: { nameEn: "hijack" }) { offering { nameEn } errors { code field } } }`;
    const WD = `mutation($id: ID!) { withdrawServiceOffering(id: $id) { offering { status } errors { code } } }`;
    expect(expectData(await gq(UPD, { id: publishedId }, key.lujing)).updateServiceOffering.errors[0].code).toBe('FORBIDDEN');
    expect(expectData(await gq(UPD, { id: draftId }, key.lujing)).updateServiceOffering.errors[0].code).toBe('NOT_FOUND');
    expect(expectData(await gq(WD, { id: publishedId }, key.plain)).withdrawServiceOffering.errors[0].code).toBe('FORBIDDEN');
    expect(expectData(await gq(CREATE_OFFERING, { input: draftInput }, key.plain)).createServiceOffering.errors[0].code).toBe('NOT_A_PROVIDER');
    const UPN = `mutation($id: ID!) { updateServiceNeed(id: $id, input: { title: "hijack" }) { need { title } errors { code } } }`;
    const CLN = `mutation($id: ID!) { closeServiceNeed(id: $id) { need { status } errors { code } } }`;
    expect(expectData(await gq(UPN, { id: sampleNeedId }, key.seller2)).updateServiceNeed.errors[0].code).toBe('FORBIDDEN');
    expect(expectData(await gq(CLN, { id: sampleNeedId }, key.feixu)).closeServiceNeed.errors[0].code).toBe('FORBIDDEN');
    // wrong ID kinds are typed errors naming the id
    const wrong = expectData(await gq(UPD, { id: sampleNeedId }, key.feixu)).updateServiceOffering.errors[0];
    expect(wrong).toEqual({ code: 'INVALID', field: ['id'] });
    expect((await q(`select count(*)::int n from service_offering where name_en = 'hijack'`))[0].n).toBe(0);
  });

  it('a draft is invisible to others everywhere: list, provider’s offerings, node(id:), search, matches, needs of an offering', async () => {
    const [providerId] = [(await gq(`{ node(id: "${publishedId}") { ... on ServiceOffering { provider { id } } } }`)).data.node.provider.id];
    const look = async (k?: string) => {
      const ids = (nodes: { id: string }[] | undefined) => (nodes ?? []).map((n) => n.id);
      const list = expectData(await gq(`{ serviceOfferings(search: "Zebraquux", first: 50) { nodes { id } } }`, {}, k)).serviceOfferings.nodes;
      const nested = expectData(await gq(`{ node(id: "${providerId}") { ... on ServiceProvider { offerings(first: 100) { nodes { id } } } } }`, {}, k)).node
        .offerings.nodes;
      const node = expectData(await gq(`{ node(id: "${draftId}") { id } }`, {}, k)).node;
      const found = expectData(
        await gq(`{ search(query: "Zebraquux", kinds: [SERVICE_OFFERING]) { nodes { node { ... on ServiceOffering { id } } } } }`, {}, k),
      ).search.nodes;
      const matched = expectData(await gq(MATCHES, { need: { categories: ['IP_AGENCY'], markets: ['EU'] }, first: 50, near: true }, k)).serviceMatches.matches;
      const needs = await gq(`{ serviceNeedMatches(offeringId: "${draftId}") { totalCount } }`, {}, k);
      return {
        list: ids(list).includes(draftId),
        nested: ids(nested).includes(draftId),
        node: node?.id === draftId,
        search: found.some((n: any) => n.node.id === draftId),
        matches: matched.some((m: any) => m.offering.id === draftId),
        needMatches: needs.errors ? needs.errors[0].extensions?.code : 'ok',
      };
    };
    const hidden = { list: false, nested: false, node: false, search: false, matches: false, needMatches: 'NOT_FOUND' };
    expect(await look()).toEqual(hidden);
    expect(await look(key.lujing)).toEqual(hidden);
    // its provider sees it by ID, in its own list (statuses) and can rank needs for it
    expect(expectData(await gq(`{ node(id: "${draftId}") { ... on ServiceOffering { status } } }`, {}, key.feixu)).node).toEqual({ status: 'DRAFT' });
    const mine = expectData(await gq(`{ serviceOfferings(filter: { mine: true, statuses: [DRAFT] }, first: 50) { nodes { id } } }`, {}, key.feixu));
    expect(mine.serviceOfferings.nodes.map((n: any) => n.id)).toContain(draftId);
    expect((await gq(`{ serviceNeedMatches(offeringId: "${draftId}") { totalCount } }`, {}, key.feixu)).errors).toBeUndefined();
    // asking for drafts without a key is UNAUTHENTICATED, not an empty list
    expect(codeOf(await gq(`{ serviceOfferings(filter: { statuses: [DRAFT] }) { totalCount } }`))).toBe('UNAUTHENTICATED');
  });

  it('contacts are null without a key and shown with one, wherever the offering is reached', async () => {
    const providerId = (await gq(`{ node(id: "${publishedId}") { ... on ServiceOffering { provider { id } } } }`)).data.node.provider.id;
    const contacts = async (k?: string) => {
      const pick = (o: any) => o?.contact ?? null;
      const list = expectData(await gq(`{ serviceOfferings(search: "Wibblefoo") { nodes { contact { name email phone } } } }`, {}, k)).serviceOfferings
        .nodes[0];
      const node = expectData(await gq(`{ node(id: "${publishedId}") { ... on ServiceOffering { contact { name email phone } } } }`, {}, k)).node;
      const nested = expectData(
        await gq(`{ node(id: "${providerId}") { ... on ServiceProvider { offerings(first: 100) { nodes { id contact { name email phone } } } } } }`, {}, k),
      ).node.offerings.nodes.find((o: any) => o.id === publishedId);
      const found = expectData(
        await gq(
          `{ search(query: "Wibblefoo", kinds: [SERVICE_OFFERING]) { nodes { node { ... on ServiceOffering { contact { name email phone } } } } } }`,
          {},
          k,
        ),
      ).search.nodes[0].node;
      const M = `query($need: ServiceNeedInput) { serviceMatches(need: $need, first: 50) { matches { offering { id contact { name email phone } } } } }`;
      const matched = expectData(await gq(M, { need: { categories: ['IP_AGENCY'], markets: ['EU'] } }, k)).serviceMatches.matches.find(
        (m: any) => m.offering.id === publishedId,
      ).offering;
      return [list, node, nested, found, matched].map(pick);
    };
    expect(await contacts()).toEqual([null, null, null, null, null]);
    expect(await contacts(key.plain)).toEqual([contact, contact, contact, contact, contact]);
  });

  it('idempotency keys: the same key and input replays, another input is IDEMPOTENCY_KEY_REUSED, keys are per enterprise', async () => {
    const input = { title: 'Amazon EU listing copy in German', categories: ['MARKETING'], markets: ['DE'], languages: ['de'] };
    const first = expectData(await gq(CREATE_NEED, { input, idem: 'rev2-need-1' }, key.seller2)).createServiceNeed;
    const again = expectData(await gq(CREATE_NEED, { input, idem: 'rev2-need-1' }, key.seller2)).createServiceNeed;
    expect(first.errors).toEqual([]);
    expect([again.replayed, again.need.id]).toEqual([true, first.need.id]);
    const other = expectData(await gq(CREATE_NEED, { input: { ...input, markets: ['FR'] }, idem: 'rev2-need-1' }, key.seller2)).createServiceNeed;
    expect([other.need, other.errors[0].code, other.errors[0].field]).toEqual([null, 'IDEMPOTENCY_KEY_REUSED', ['idempotencyKey']]);
    const elsewhere = expectData(await gq(CREATE_NEED, { input, idem: 'rev2-need-1' }, key.plain)).createServiceNeed;
    expect([elsewhere.replayed, elsewhere.errors]).toEqual([false, []]);
    expect(elsewhere.need.id).not.toBe(first.need.id);
    expect((await q(`select count(*)::int n from service_need where title = $1`, [input.title]))[0].n).toBe(2);
    // offerings too
    const o = { ...draftInput, nameEn: 'Idempotent offering' };
    const a = await createOffering(o, key.lujing, 'rev2-off-1');
    const b = await createOffering(o, key.lujing, 'rev2-off-1');
    const c = await createOffering({ ...o, turnaroundDays: 8 }, key.lujing, 'rev2-off-1');
    expect([b.replayed, b.offering.id, c.errors[0].code]).toEqual([true, a.offering.id, 'IDEMPOTENCY_KEY_REUSED']);
  });
});

describe('serviceOfferingMatched over WebSocket', () => {
  const SUB = /* GraphQL */ `
    subscription S($needId: ID!) {
      serviceOfferingMatched(needId: $needId) { needId offering { id nameEn contact { name } } match { rank isNearMiss summary summaryZh } }
    }`;
  async function waitFor(cond: () => boolean) {
    for (const deadline = Date.now() + 10_000; !cond(); ) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the subscription');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('announces a newly published fitting offering to the saved need, not a misfit nor a draft, and only to its owner', async () => {
    const owner = wsClient(s.url, { authorization: `Bearer ${key.seller}` });
    try {
      const before = listeners.get(SERVICE_OFFERING_MATCH) ?? 0;
      const feed = follow(owner, SUB, { needId: sampleNeedId });
      await waitFor(() => (listeners.get(SERVICE_OFFERING_MATCH) ?? 0) > before);
      const live = { nameZh: '泰语直播', category: 'INTERNATIONAL_LIVE_STREAMING', markets: ['TH'], turnaroundDays: 2, contact: { name: '陈先生' } };
      // a misfit (Russian only), a draft that would fit, then a fitting published one
      const misfit = await createOffering({ ...live, nameEn: 'Misfit Russian live', languages: ['ru'], publish: true }, key.lujing);
      const draft = await createOffering({ ...live, nameEn: 'Draft Thai live', languages: ['th'] }, key.lujing);
      const fit = await createOffering({ ...live, nameEn: 'Fitting Thai live', languages: ['th'], publish: true }, key.lujing);
      expect([misfit.errors, draft.errors, fit.errors]).toEqual([[], [], []]);
      const m = await feed.next();
      expect(m.errors).toBeUndefined();
      expect(m.data.serviceOfferingMatched).toMatchObject({
        needId: sampleNeedId,
        offering: { id: fit.offering.id, nameEn: 'Fitting Thai live', contact: { name: '陈先生' } },
        match: { isNearMiss: false, summary: expect.stringMatching(/^Rank \d+, score /), summaryZh: expect.stringMatching(/^排名第\d+，得分/) },
      });
      // publishing the draft announces it now
      const pub = expectData(await gq(`mutation($id: ID!) { publishServiceOffering(id: $id) { errors { code } } }`, { id: draft.offering.id }, key.lujing));
      expect(pub.publishServiceOffering.errors).toEqual([]);
      expect((await feed.next()).data.serviceOfferingMatched.offering.id).toBe(draft.offering.id);
      expect(feed.messages).toHaveLength(2);
      feed.dispose();
    } finally {
      await owner.dispose();
    }
  });

  it('another enterprise cannot follow the need (FORBIDDEN), anonymous cannot either, a garbage ID is refused', async () => {
    const first = async (connectionParams: Record<string, unknown> | undefined, needId: string) => {
      const c = wsClient(s.url, connectionParams);
      try {
        return await new Promise<any>((resolve) => {
          c.subscribe({ query: SUB, variables: { needId } }, { next: resolve, error: resolve, complete: () => resolve({ completed: true }) });
        });
      } finally {
        await c.dispose();
      }
    };
    expect((await first({ authorization: `Bearer ${key.lujing}` }, sampleNeedId)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anon = await first(undefined, sampleNeedId);
    expect(anon.errors?.[0].extensions?.code ?? anon.code ?? anon.reason).toBeTruthy();
    expect(anon.data?.serviceOfferingMatched).toBeUndefined();
    expect((await first({ authorization: `Bearer ${key.seller}` }, 'garbage')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the read API', () => {
  it('pages serviceMatches with `after`: no repeats, no gaps, full matches before near misses', async () => {
    const need = { categories: ['IP_AGENCY', 'LEGAL'], markets: ['EU'] };
    const all = expectData(await gq(MATCHES, { need, first: 50, near: true })).serviceMatches;
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 30; i++) {
      const page = expectData(await gq(MATCHES, { need, first: 4, near: true, after })).serviceMatches;
      seen.push(...page.edges.map((e: any) => e.node.offering.id));
      expect(page.totalCount).toBe(all.totalCount);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e: any) => e.node.offering.id));
    expect(new Set(seen).size).toBe(seen.length);
    const flags = all.edges.map((e: any) => e.node.isNearMiss);
    expect(flags.indexOf(true) === -1 || !flags.slice(flags.indexOf(true)).includes(false)).toBe(true);
    // a cursor with other arguments is refused
    expect(codeOf(await gq(MATCHES, { need: { categories: ['LEGAL'] }, first: 4, after: all.pageInfo.endCursor ?? all.edges[3].cursor }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('pages serviceOfferings with `after` and counts them; filters by category; updatedSince sees a change', async () => {
    const Q = `query($after: String, $f: ServiceOfferingFilter) { serviceOfferings(first: 7, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor } nodes { id updatedAt } } }`;
    const ids: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (let i = 0; i < 60; i++) {
      const p = expectData(await gq(Q, { after })).serviceOfferings;
      total = p.totalCount;
      ids.push(...p.nodes.map((n: any) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
    expect(total).toBe((await q(`select count(*)::int n from service_offering where status = 'PUBLISHED'`))[0].n);
    const ip = expectData(await gq(Q, { f: { categories: { anyOf: ['IP_AGENCY'] } } })).serviceOfferings;
    expect(ip.totalCount).toBe((await q(`select count(*)::int n from service_offering where status = 'PUBLISHED' and category = 'IP_AGENCY'`))[0].n);
    // updatedSince: after a provider changes an offering, a delta sync from just before sees only what changed
    const since = (await q(`select now() as t`))[0].t.toISOString();
    const target = ids[0];
    const u = expectData(
      await gq(`mutation($id: ID!) { updateServiceOffering(id: $id, input: { turnaroundDays: 9 }) { errors { code } } }`, { id: target }, key.feixu),
    );
    const own = u.updateServiceOffering.errors.length === 0;
    const delta = expectData(await gq(Q, { f: { updatedSince: since } })).serviceOfferings;
    if (own) expect(delta.nodes.map((n: any) => n.id)).toContain(target);
    for (const n of delta.nodes) expect(n.updatedAt >= since).toBe(true);
  });

  it('search(kinds: [SERVICE_OFFERING]) finds published offerings in both languages; node(id:) and lang/Accept-Language name them', async () => {
    const zh = expectData(
      await gq(`{ search(query: "商标", kinds: [SERVICE_OFFERING]) { totalCount nodes { kind node { ... on ServiceOffering { id nameZh status } } } } }`),
    );
    expect(zh.search.totalCount).toBeGreaterThan(0);
    for (const n of zh.search.nodes) expect([n.kind, n.node.status, n.node.nameZh]).toEqual(['SERVICE_OFFERING', 'PUBLISHED', expect.stringContaining('商标')]);
    const en = expectData(await gq(`{ search(query: "trade mark", kinds: [SERVICE_OFFERING]) { totalCount } }`));
    expect(en.search.totalCount).toBeGreaterThan(0);
    const id = zh.search.nodes[0].node.id;
    const named = expectData(await gq(`{ node(id: "${id}") { ... on ServiceOffering { name en: name(lang: EN) zh: name(lang: ZH) nameEn nameZh } } }`)).node;
    expect([named.name, named.en, named.zh]).toEqual([named.nameZh, named.nameEn, named.nameZh]);
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
      body: JSON.stringify({ query: `{ node(id: "${id}") { ... on ServiceOffering { name nameEn } } }` }),
    });
    const body = (await res.json()) as any;
    expect(body.data.node.name).toBe(body.data.node.nameEn);
  });

  it('treats EU as a region: an EU offering serves Germany, a German-only one does not serve the EU, Switzerland is not in it', async () => {
    const de = await createOffering(
      {
        nameZh: '德国商标',
        nameEn: 'Germany-only trade mark',
        category: 'IP_AGENCY',
        markets: ['DE'],
        languages: ['zh', 'de'],
        turnaroundDays: 9,
        publish: true,
      },
      key.lujing,
    );
    const ofNeed = async (markets: string[]) =>
      expectData(await gq(MATCHES, { need: { categories: ['IP_AGENCY'], markets }, first: 50, near: true })).serviceMatches.edges.map((e: any) => e.node);
    const forDE = await ofNeed(['DE']);
    expect(forDE.some((m: any) => !m.isNearMiss && m.offering.markets.includes('EU') && !m.offering.markets.includes('DE'))).toBe(true);
    expect(forDE.find((m: any) => m.offering.id === de.offering.id)?.isNearMiss).toBe(false);
    const forEU = await ofNeed(['EU']);
    const deMiss = forEU.find((m: any) => m.offering.id === de.offering.id);
    expect(deMiss?.failedConstraints).toEqual([{ constraint: 'MARKETS', detail: expect.stringContaining('DE'), detailZh: expect.stringContaining('DE') }]);
    const forCH = await ofNeed(['CH']);
    expect(forCH.filter((m: any) => !m.isNearMiss).every((m: any) => m.offering.markets.length === 0 || m.offering.markets.includes('CH'))).toBe(true);
    // the filter reads markets the same way
    const f = expectData(
      await gq(
        `{ a: serviceOfferings(filter: { markets: ["EU"] }, search: "Germany-only") { totalCount } b: serviceOfferings(filter: { markets: ["DE"] }, search: "Germany-only") { totalCount } }`,
      ),
    );
    expect([f.a.totalCount, f.b.totalCount]).toEqual([0, 1]);
  });

  it('compares a budget in euros with prices in yuan at the sample rate, worded as indicative in both languages', async () => {
    const r = expectData(
      await gq(MATCHES, { need: { categories: ['IP_AGENCY'], markets: ['DE'], budget: { max: '1500', currency: 'EUR', unit: 'PER_PROJECT' } }, first: 5 }),
    ).serviceMatches.edges.map((e: any) => e.node);
    const [rate] = await q(`select rate::float8 as rate from exchange_rate where base = 'EUR' and quote = 'CNY' order by as_of desc limit 1`).catch(() => [
      undefined,
    ]);
    const cny = r.find((m: any) => m.summary.includes('CNY per project'));
    expect(cny).toBeDefined();
    expect(cny.indicativePrice.currency).toBe('EUR');
    const price = cny.scoreParts.find((p: any) => p.factor === 'PRICE');
    expect(price.detail).toMatch(/indicative/);
    expect(price.detailZh).toMatch(/仅供参考/);
    expect(numbersOf(price.detailZh)).toEqual(numbersOf(price.detail));
    if (rate?.rate) {
      const [offering] = await q(`select price_min::float8 as p from service_offering where id = $1`, [
        Number(Buffer.from(cny.offering.id, 'base64').toString().split(':')[1]),
      ]);
      expect(Number(cny.indicativePrice.amount)).toBeCloseTo(offering.p / rate.rate, 1);
    }
  });

  it('DEFECT: serviceNeeds (open ones by default) lists a need past its deadline as OPEN, though it is matched no more', async () => {
    const [{ credit_code }] = await q(`select credit_code from enterprise where id = $1`, [ent.seller2]);
    await importInto(s.databaseUrl, {
      serviceNeeds: [
        { enterprise: credit_code, ref: 'rev2-expired', title: 'Expired trade mark need', categories: ['IP_AGENCY'], deadline: addDays(TODAY, -10) },
      ],
    } as any);
    const [row] = await q(`select id from service_need where ref = 'rev2-expired'`);
    const id = Buffer.from(`ServiceNeed:${row.id}`).toString('base64');
    // ranking it is refused ("past its deadline: matched no more") …
    expect(codeOf(await gq(MATCHES, { needId: id }))).toBe('BAD_USER_INPUT');
    // … yet providers browsing open needs are shown it as OPEN
    const listed = expectData(await gq(`{ serviceNeeds(first: 100) { nodes { id status } } }`)).serviceNeeds.nodes;
    expect(listed.map((n: any) => n.id)).not.toContain(id);
  });

  it('serviceNeeds filters by markets (EU takes the member states’ needs too) and languages, refusing unknown codes by name', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      expectData(await gq('query($f: ServiceNeedFilter) { serviceNeeds(filter: $f, first: 50) { nodes { title markets languages } } }', { f: filter }))
        .serviceNeeds.nodes as { title: string; markets: string[]; languages: string[] }[];
    const th = await titles({ markets: ['TH'] });
    expect(th.length).toBeGreaterThan(0);
    for (const n of th) expect(n.markets.length === 0 || n.markets.includes('TH')).toBe(true);
    const eu = await titles({ markets: ['EU'] });
    expect(eu.some((n) => n.markets.includes('DE'))).toBe(true);
    const de = await titles({ markets: ['DE'] });
    expect(de.some((n) => n.markets.includes('EU'))).toBe(false);
    for (const n of await titles({ languages: ['th'] })) expect(n.languages.length === 0 || n.languages.includes('th')).toBe(true);
    for (const [f, argument] of [
      [{ markets: ['XX'] }, 'filter.markets.0'],
      [{ languages: ['qq'] }, 'filter.languages.0'],
    ] as const) {
      const r = await gq('query($f: ServiceNeedFilter) { serviceNeeds(filter: $f) { totalCount } }', { f });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('DEFECT: service needs are not searchable (no serviceNeeds(search:)), unlike the other public types', async () => {
    const r = await gq(`{ serviceNeeds(search: "VAT") { totalCount nodes { title } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.serviceNeeds.nodes.length).toBeGreaterThan(0);
    for (const n of r.data.serviceNeeds.nodes) expect(n.title).toMatch(/VAT/i);
    // two Chinese characters, through the bigrams; a word no need has finds none
    const zh = expectData(await gq(`{ serviceNeeds(search: "商标") { nodes { title } } }`)).serviceNeeds;
    expect(zh.nodes.map((n: { title: string }) => n.title).join(' ')).toContain('商标');
    expect(expectData(await gq(`{ serviceNeeds(search: "zzqxv") { totalCount } }`)).serviceNeeds.totalCount).toBe(0);
  });
});

describe('the import path', () => {
  it('reports every bad record with its path and field, writes nothing on --dry-run, and a re-import changes nothing', async () => {
    const [{ credit_code: provider }] = await q(`select credit_code from enterprise where id = $1`, [ent.feixu]);
    const [{ credit_code: notProvider }] = await q(`select credit_code from enterprise where id = $1`, [ent.plain]);
    const [{ credit_code: seller }] = await q(`select credit_code from enterprise where id = $1`, [ent.seller2]);
    const good = {
      provider,
      ref: 'rev2-imp-ok',
      nameZh: '导入的欧盟商标',
      nameEn: 'Imported EU trade mark',
      category: 'IP_AGENCY',
      markets: ['eu'],
      languages: ['zh'],
      price: { min: '6000', currency: 'cny', unit: 'PER_PROJECT' },
      turnaroundDays: 12,
    };
    const goodNeed = {
      enterprise: seller,
      ref: 'rev2-imp-need',
      title: 'Imported need',
      categories: ['IP_AGENCY'],
      markets: ['DE'],
      deadline: addDays(TODAY, 90),
    };
    const ds = {
      serviceOfferings: [
        good,
        {
          ...good,
          ref: 'rev2-imp-bad',
          category: 'NOPE',
          markets: ['XX'],
          price: { min: '200', max: '100', currency: 'CNY', unit: 'PER_PROJECT' },
          turnaroundDays: -3,
        },
        { ...good, ref: 'rev2-imp-np', provider: notProvider },
        { ...good, ref: 'bad ref', contact: { email: 'nope' }, price: { min: '1', currency: 'ZZZ', unit: 'PER_PROJECT' } },
        { ...good, nameEn: 'duplicate' },
      ],
      serviceNeeds: [
        goodNeed,
        { ...goodNeed, ref: 'rev2-imp-need-bad', title: '', categories: [], markets: ['XX'], budget: { max: '-1', currency: 'CNY', unit: 'PER_PROJECT' } },
      ],
    };
    const orm = await MikroORM.init(ormConfig(s.databaseUrl));
    try {
      const refused = await importDataset(orm.em.fork(), ds as any, { dryRun: true, defaultIsSample: false }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ImportValidationError);
      const where = (refused as ImportValidationError).issues.map((i: ImportIssue) => `${i.path} ${i.field}`);
      expect(where).toEqual(
        expect.arrayContaining([
          'serviceOfferings[1] category',
          'serviceOfferings[1] markets[0]',
          'serviceOfferings[1] price.max',
          'serviceOfferings[1] turnaroundDays',
          'serviceOfferings[2] provider',
          'serviceOfferings[3] ref',
          'serviceOfferings[3] contact.email',
          'serviceOfferings[3] price.currency',
          'serviceOfferings[4] ref',
          'serviceNeeds[1] title',
          'serviceNeeds[1] categories',
          'serviceNeeds[1] markets[0]',
          'serviceNeeds[1] budget.max',
        ]),
      );
      expect(where.filter((w) => w.startsWith('serviceOfferings[0]') || w.startsWith('serviceNeeds[0]'))).toEqual([]);
      const dry = await importDataset(orm.em.fork(), { serviceOfferings: [good], serviceNeeds: [goodNeed] } as any, { dryRun: true, defaultIsSample: false });
      expect(dry.counts).toEqual({});
      expect((await q(`select count(*)::int n from service_offering where ref like 'rev2-imp%'`))[0].n).toBe(0);
    } finally {
      await orm.close(true);
    }
    const first = await importInto(s.databaseUrl, { serviceOfferings: [good], serviceNeeds: [goodNeed] } as any);
    expect(first.counts).toMatchObject({ service_offering: 1, service_need: 1 });
    const again = await importInto(s.databaseUrl, { serviceOfferings: [good], serviceNeeds: [goodNeed] } as any);
    expect(again.counts).toMatchObject({ service_offering: 0, service_need: 0 });
    const [row] = await q(`select markets, currency, status, is_sample from service_offering where ref = 'rev2-imp-ok'`);
    expect(row).toEqual({ markets: ['EU'], currency: 'CNY', status: 'PUBLISHED', is_sample: false });
  });
});

describe('docs/matchmaking.md “Services” says true things', () => {
  it('an offering stating no turnaround does not meet a deadline; without a deadline its TURNAROUND is 0', async () => {
    const none = await createOffering(
      { nameZh: '无周期', nameEn: 'No-turnaround legal advice', category: 'LEGAL', markets: ['EU'], languages: ['zh'], publish: true },
      key.lujing,
    );
    const deadline = addDays(TODAY, 30);
    const withDeadline = expectData(await gq(MATCHES, { need: { categories: ['LEGAL'], markets: ['EU'], deadline }, first: 50, near: true })).serviceMatches;
    const m = withDeadline.edges.map((e: any) => e.node).find((n: any) => n.offering.id === none.offering.id);
    expect(m?.failedConstraints.map((f: any) => f.constraint)).toEqual(['DEADLINE']);
    const open = expectData(await gq(MATCHES, { need: { categories: ['LEGAL'], markets: ['EU'] }, first: 50 })).serviceMatches;
    const o = open.edges.map((e: any) => e.node).find((n: any) => n.offering.id === none.offering.id);
    expect(o.scoreParts.find((p: any) => p.factor === 'TURNAROUND').value).toBe(0);
  });

  it('a pair scores the same from both sides (serviceMatches(needId:) and serviceNeedMatches(offeringId:))', async () => {
    const needSide = expectData(await gq(MATCHES, { needId: sampleNeedId, first: 3 })).serviceMatches.edges.map((e: any) => e.node);
    const N = `query($id: ID!) { serviceNeedMatches(offeringId: $id, first: 50) { matches { score summary failedConstraints { constraint } need { id } } } }`;
    for (const m of needSide) {
      const other = expectData(await gq(N, { id: m.offering.id })).serviceNeedMatches.matches.find((x: any) => x.need.id === sampleNeedId);
      expect(other?.score).toBe(m.score);
    }
  });
});
