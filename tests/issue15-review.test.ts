/**
 * Issue 15 from the users' side (a review): a seller asking the issue's own questions ("where can
 * my two operations staff train before March", "which park in 两江新区 has 500 m² with
 * customs-declaration services"), a third-party developer probing the read API, bad input, seat
 * reservations under concurrency and expiry, contacts with and without an API key, query cost,
 * and the import path, all through the GraphQL API on the seeded sample data (and records
 * imported through importDataset where the sample has none: a started or closed cohort).
 *
 * Tests whose name starts with "DEFECT:" failed on the code reviewed (main at 15b4a0c) and were
 * fixed after it; the rest passed then. All are kept as a user-side regression suite.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { importDataset } from '../src/composition';
import type { Dataset, ImportOptions } from '../src/import';
import { ormConfig } from '../src/orm';
import { bearer, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
let key1: string;
let key2: string;

/** Today in China, YYYY-MM-DD, shifted by `days`. */
const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** The end of February next (the issue's "before March"). */
const endOfFebruary = () => {
  const today = chinaDay();
  const y = Number(today.slice(0, 4)) + (today.slice(5, 7) > '02' ? 1 : 0);
  return new Date(Date.UTC(y, 2, 0)).toISOString().slice(0, 10);
};

async function withOrm<T>(fn: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init(ormConfig(s.databaseUrl));
  try {
    return await fn(orm);
  } finally {
    await orm.close(true);
  }
}
const importIt = (ds: Dataset, opts: ImportOptions = {}) => withOrm((orm) => importDataset(orm.em.fork(), ds, { defaultIsSample: false, ...opts }));

async function sqlRun(text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: s.databaseUrl });
  await c.connect();
  try {
    return (await c.query(text, values)).rows;
  } finally {
    await c.end();
  }
}

const BASE = 'binwan-internet-training-base';
const PROGRAMME = 'Amazon store operations bootcamp';
const OTHER_PROGRAMME = 'Russian for cross-border sales';
const cohort = (ref: string, over: Record<string, unknown> = {}) => ({
  baseSlug: BASE,
  programme: PROGRAMME,
  ref,
  nameZh: `评审测试班 ${ref}`,
  nameEn: `Review test cohort ${ref}`,
  startsOn: chinaDay(40),
  endsOn: chinaDay(80),
  seats: 10,
  feeCny: '2000',
  language: 'zh',
  mode: 'ON_SITE',
  contact: { name: '招生办', email: 'admissions@example.cn', phone: '+86 23 6000 0000' },
  ...over,
});

/** A cohort's global ID by its ref. */
async function cohortId(ref: string): Promise<string> {
  const [row] = await sqlRun('select id from talent_cohort where ref = $1', [ref]);
  return Buffer.from(`TalentCohort:${row.id}`).toString('base64');
}

beforeAll(async () => {
  // No sweep during the test: what a reader sees between an expiry and the sweep is part of what is tested.
  s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
  key1 = await issueKey(s.databaseUrl, 1);
  key2 = await issueKey(s.databaseUrl, 2);
  await importIt({
    talentCohorts: [
      cohort('rv-open-a'),
      cohort('rv-open-b', { seats: 5 }),
      cohort('rv-concurrent', { seats: 12 }),
      cohort('rv-expiry', { seats: 6 }),
      cohort('rv-closed', { status: 'CLOSED' }),
      cohort('rv-started', { startsOn: chinaDay(0), endsOn: chinaDay(30) }),
      cohort('rv-idem', { seats: 8 }),
    ],
  });
});
afterAll(() => s?.close());

const RESERVE = /* GraphQL */ `
  mutation Reserve($input: ReserveSeatsInput!, $key: String) {
    reserveSeats(input: $input, idempotencyKey: $key) {
      replayed
      errors { code field message seatsLeft }
      reservation { id status people expiresAt totalFee { amount } cohort { id seats reservedSeats seatsLeft } }
    }
  }`;
const CONFIRM = /* GraphQL */ `
  mutation Confirm($id: ID!) { confirmSeatReservation(id: $id) { errors { code field } reservation { status } } }`;
const RELEASE = /* GraphQL */ `
  mutation Release($id: ID!) { releaseSeatReservation(id: $id) { errors { code field } reservation { status cohort { seatsLeft } } } }`;

const TALENT = /* GraphQL */ `
  query Talent($need: TalentNeedInput!, $first: Int, $after: String, $nm: Boolean, $w: TalentWeightsInput) {
    talentMatches(need: $need, first: $first, after: $after, includeNearMisses: $nm, weights: $w) {
      totalCount fullMatchCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        rank score isNearMiss summary summaryZh
        failedConstraints { constraint detail detailZh }
        scoreParts { factor weight value contribution detail detailZh }
        cohort { id startsOn seats reservedSeats seatsLeft specialties mode language fee { amount } district { code } contact { name } }
      } }
    }
  }`;

const PARK = /* GraphQL */ `
  query Park($need: ParkSpaceNeedInput!, $first: Int, $after: String, $nm: Boolean) {
    parkSpaceMatches(need: $need, first: $first, after: $after, includeNearMisses: $nm) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        rank score isNearMiss areaM2Let monthlyRent { amount } summary summaryZh
        failedConstraints { constraint detail detailZh }
        space { id kind areaM2 minDivisibleM2 monthlyRentPerM2 { amount } park { slug publicServices district { code } } }
      } }
    }
  }`;

/** The numbers a sentence gives, in order of size (Chinese word order differs from English). */
const digits = (text: string) => (text.match(/\d[\d,.]*/g) ?? []).map((d) => d.replace(/[,.]$/, '')).sort();

describe("the issue's own questions on the sample data", () => {
  it('"where can my two operations staff train before March": open cohorts that start in the window, train operations and have two seats', async () => {
    const latestStart = endOfFebruary();
    const { talentMatches: r } = expectData(await s.gql(TALENT, { need: { specialties: ['PLATFORM_OPERATIONS'], people: 2, latestStart }, first: 50 }));
    expect(r.totalCount).toBeGreaterThan(0);
    r.edges.forEach(({ node }: any, i: number) => {
      expect(node.rank).toBe(i + 1);
      expect(node.isNearMiss).toBe(false);
      expect(node.cohort.startsOn > chinaDay()).toBe(true);
      expect(node.cohort.startsOn <= latestStart).toBe(true);
      expect(node.cohort.specialties).toContain('PLATFORM_OPERATIONS');
      expect(node.cohort.seatsLeft).toBeGreaterThanOrEqual(2);
      // The score is the sum of its parts; the English and Chinese reasons give the same numbers.
      const sum = node.scoreParts.reduce((a: number, p: any) => a + p.contribution, 0);
      expect(Math.abs(sum - node.score)).toBeLessThan(0.005);
      for (const p of node.scoreParts) expect(digits(p.detailZh)).toEqual(digits(p.detail));
      expect(node.summary).toMatch(/\S/);
      expect(node.summaryZh).toMatch(/\S/);
    });
    for (let i = 1; i < r.edges.length; i++) expect(r.edges[i - 1].node.score).toBeGreaterThanOrEqual(r.edges[i].node.score);
  });

  it('"which park in 两江新区 has 500 m² with customs-declaration services": asked by zone and by district, the same answers', async () => {
    const need = { areaM2: { gte: 500 }, services: ['CUSTOMS_DECLARATION'] };
    const byZone = expectData(await s.gql(PARK, { need: { ...need, zones: ['liangjiang-new-area'] }, first: 50 })).parkSpaceMatches;
    const byDistrict = expectData(await s.gql(PARK, { need: { ...need, districts: ['500157'] }, first: 50 })).parkSpaceMatches;
    expect(byZone.totalCount).toBeGreaterThan(0);
    expect(byDistrict.edges.map((e: any) => e.node.space.id)).toEqual(byZone.edges.map((e: any) => e.node.space.id));
    for (const { node } of byZone.edges) {
      expect(node.space.park.district.code).toBe('500157');
      expect(node.space.park.publicServices).toContain('CUSTOMS_DECLARATION');
      expect(node.areaM2Let).toBeGreaterThanOrEqual(500);
      expect(node.areaM2Let).toBeLessThanOrEqual(node.space.areaM2);
      // The month's rent is the area let times the rent per m².
      expect(Number(node.monthlyRent.amount)).toBeCloseTo(node.areaM2Let * Number(node.space.monthlyRentPerM2.amount), 2);
    }
  });

  it('near misses of the park question name the one constraint each fails, in English and Chinese with the same numbers', async () => {
    const r = expectData(
      await s.gql(PARK, { need: { districts: ['500157'], areaM2: { gte: 500, lte: 500 }, services: ['CUSTOMS_DECLARATION'] }, first: 50, nm: true }),
    ).parkSpaceMatches;
    const misses = r.edges.filter((e: any) => e.node.isNearMiss);
    expect(misses.length).toBeGreaterThan(0);
    for (const { node } of misses) {
      expect(node.failedConstraints).toHaveLength(1);
      const [f] = node.failedConstraints;
      expect(digits(f.detailZh)).toEqual(digits(f.detail));
    }
    // Full matches come first.
    const firstMiss = r.edges.findIndex((e: any) => e.node.isNearMiss);
    expect(r.edges.slice(firstMiss).every((e: any) => e.node.isNearMiss)).toBe(true);
  });
});

describe('paging a ranking with `after`', () => {
  async function allPages(query: string, field: string, vars: Record<string, unknown>, size: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const page: any = expectData(await s.gql(query, { ...vars, first: size, after }))[field];
      ids.push(...page.edges.map((e: any) => `${e.node.rank}:${e.node.cohort?.id ?? e.node.space?.id}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return ids;
  }

  it('talentMatches with near misses: pages of 7 are the one page of 50, no duplicates, no gaps', async () => {
    const vars = {
      need: { specialties: ['PLATFORM_OPERATIONS', 'LIVE_STREAMING'], people: 2, latestStart: endOfFebruary(), languages: ['zh'], maxFeePerPerson: '4000' },
      nm: true,
    };
    const paged = await allPages(TALENT, 'talentMatches', vars, 7);
    const whole = expectData(await s.gql(TALENT, { ...vars, first: 50 })).talentMatches.edges.map((e: any) => `${e.node.rank}:${e.node.cohort.id}`);
    expect(paged.slice(0, whole.length)).toEqual(whole);
    expect(new Set(paged.map((x) => x.split(':')[1])).size).toBe(paged.length);
  });

  it('parkSpaceMatches with near misses: pages of 4 are the one page of 50', async () => {
    const vars = { need: { areaM2: { gte: 300 }, services: ['SMART_WAREHOUSING'] }, nm: true };
    const paged = await allPages(PARK, 'parkSpaceMatches', vars, 4);
    const whole = expectData(await s.gql(PARK, { ...vars, first: 50 })).parkSpaceMatches.edges.map((e: any) => `${e.node.rank}:${e.node.space.id}`);
    expect(paged.slice(0, whole.length)).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('a cursor from another need is refused, naming `after`', async () => {
    const first = expectData(await s.gql(TALENT, { need: { specialties: ['PLATFORM_OPERATIONS'], people: 2 }, first: 2 })).talentMatches;
    const res = await s.gql(TALENT, { need: { specialties: ['LIVE_STREAMING'], people: 2 }, first: 2, after: first.pageInfo.endCursor });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('bad input is BAD_USER_INPUT naming the field, never a 500', () => {
  const talentNeed = (over: Record<string, unknown>) => ({ specialties: ['PLATFORM_OPERATIONS'], people: 2, ...over });
  const talentCases: [string, Record<string, unknown>, string][] = [
    ['zero people', { need: talentNeed({ people: 0 }) }, 'need.people'],
    ['negative people', { need: talentNeed({ people: -3 }) }, 'need.people'],
    ['huge people', { need: talentNeed({ people: 2_147_483_647 }) }, 'need.people'],
    ['no skills', { need: talentNeed({ specialties: [] }) }, 'need.specialties'],
    ['a window backwards', { need: talentNeed({ earliestStart: chinaDay(60), latestStart: chinaDay(30) }) }, 'need.latestStart'],
    ['a latest start in the past', { need: talentNeed({ latestStart: '2020-03-01' }) }, 'need.latestStart'],
    ['a start beyond three years', { need: talentNeed({ earliestStart: '2099-01-01' }) }, 'need.earliestStart'],
    ['a district that is no code', { need: talentNeed({ districts: ['abc'] }) }, 'need.districts'],
    ['a language that is no code', { need: talentNeed({ languages: ['english'] }) }, 'need.languages'],
    ['no mode', { need: talentNeed({ modes: [] }) }, 'need.modes'],
    ['a negative fee', { need: talentNeed({ maxFeePerPerson: '-1' }) }, 'need.maxFeePerPerson'],
    ['a fee in fractions of a fen', { need: talentNeed({ maxFeePerPerson: '12.345' }) }, 'need.maxFeePerPerson'],
    ['first 0', { need: talentNeed({}), first: 0 }, 'first'],
    ['first 51', { need: talentNeed({}), first: 51 }, 'first'],
    ['a cursor that is none', { need: talentNeed({}), after: 'garbage' }, 'after'],
    ['a weight above 1', { need: talentNeed({}), w: { fee: 2 } }, 'weights.fee'],
    ['a negative weight', { need: talentNeed({}), w: { soonness: -0.1 } }, 'weights.soonness'],
    ['all weights 0', { need: talentNeed({}), w: { fee: 0, soonness: 0, specialties: 0, nearness: 0, baseExperience: 0 } }, 'weights'],
  ];
  it.each(talentCases)('talentMatches: %s', async (_name, vars, argument) => {
    const res = await s.gql(TALENT, vars);
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  const parkCases: [string, Record<string, unknown>, string][] = [
    ['a negative area', { need: { areaM2: { gte: -5 } } }, 'need.areaM2.gte'],
    ['an area range backwards', { need: { areaM2: { gte: 600, lte: 500 } } }, 'need.areaM2.lte'],
    ['a huge area', { need: { areaM2: { gte: 2_000_000 } } }, 'need.areaM2.gte'],
    ['an unknown zone', { need: { zones: ['atlantis'] } }, 'need.zones.0'],
    ['a negative budget', { need: { maxMonthlyRent: '-1' } }, 'need.maxMonthlyRent'],
    ['a zero rent per m²', { need: { maxMonthlyRentPerM2: '0' } }, 'need.maxMonthlyRentPerM2'],
    ['a move-in day beyond five years', { need: { moveInBy: '2099-01-01' } }, 'need.moveInBy'],
    ['a term of 0 months', { need: { termMonths: 0 } }, 'need.termMonths'],
    ['a latitude off the globe', { need: { near: { point: { latitude: 95, longitude: 106 }, radiusKm: 10 } } }, 'need.near.point.latitude'],
    ['a radius of 0', { need: { near: { point: { latitude: 29.6, longitude: 106.5 }, radiusKm: 0 } } }, 'need.near.radiusKm'],
    ['first 1000', { need: {}, first: 1000 }, 'first'],
  ];
  it.each(parkCases)('parkSpaceMatches: %s', async (_name, vars, argument) => {
    const res = await s.gql(PARK, vars);
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('lists: a reversed area range, first 101, both first and last, wrong ID kinds', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query($f: ParkSpaceFilter) { parkSpaces(filter: $f) { totalCount } }', { f: { areaM2: { gte: 600, lte: 500 } } }, 'filter.areaM2'],
      ['query($n: Int) { talentCohorts(first: $n) { totalCount } }', { n: 101 }, 'first'],
      ['{ talentCohorts(first: 5, last: 5) { totalCount } }', {}, 'first'],
      ['query($f: TalentCohortFilter) { talentCohorts(filter: $f) { totalCount } }', { f: { bases: ['UGFya1NwYWNlOjE='] } }, 'filter.bases'],
      ['query($f: TalentCohortFilter) { talentCohorts(filter: $f) { totalCount } }', { f: { languages: ['english'] } }, 'filter.languages'],
    ];
    for (const [q, v, argument] of cases) {
      const res = await s.gql(q, v);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('DEFECT: parkSpaceMatches with a move-in day in the past is BAD_USER_INPUT on need.moveInBy (today it silently matches nothing)', async () => {
    // talentMatches refuses a latestStart in the past; a park need's moveInBy of 2020 quietly
    // makes every space a near miss "available from 2026-…, after the move-in day 2020-01-01".
    const res = await s.gql(PARK, { need: { moveInBy: '2020-01-01' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'need.moveInBy' });
  });

  it('unknown district codes and park slugs are BAD_USER_INPUT naming them, as unknown zones and countries are, not an empty answer', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [PARK, { need: { districts: ['500103', '999999'] } }, 'need.districts.1'],
      ['query($f: ParkSpaceFilter) { parkSpaces(filter: $f) { totalCount } }', { f: { districts: ['999999'] } }, 'filter.districts'],
      ['query($f: ParkSpaceFilter) { parkSpaces(filter: $f) { totalCount } }', { f: { parks: ['no-such-park'] } }, 'filter.parks'],
      ['query($f: TalentCohortFilter) { talentCohorts(filter: $f) { totalCount } }', { f: { districts: ['999999'] } }, 'filter.districts'],
      [
        'query($n: TalentNeedInput!) { talentMatches(need: $n) { fullMatchCount } }',
        { n: { specialties: ['PLATFORM_OPERATIONS'], people: 2, districts: ['999999'] } },
        'need.districts',
      ],
      [
        'query($n: TalentNeedInput!) { talentMatches(need: $n) { fullMatchCount } }',
        { n: { specialties: ['PLATFORM_OPERATIONS'], people: 2, nearDistrict: '999998' } },
        'need.nearDistrict',
      ],
    ];
    for (const [q, v, argument] of cases) {
      const res = await s.gql(q, v);
      expect({ argument, error: res.errors?.[0].extensions }).toMatchObject({ argument, error: { code: 'BAD_USER_INPUT', argument } });
      expect(res.errors?.[0].message).toMatch(/999999|999998|no-such-park/);
    }
  });

  it('DEFECT: talentCohorts with startsFrom after startsTo is BAD_USER_INPUT (as a reversed areaM2 range is), not an empty list', async () => {
    const res = await s.gql('query($f: TalentCohortFilter) { talentCohorts(filter: $f) { totalCount } }', {
      f: { startsFrom: chinaDay(90), startsTo: chinaDay(30) },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(res.errors?.[0].extensions?.argument)).toMatch(/^filter\.starts/);
  });
});

describe('seat reservations', () => {
  it('anonymous callers are told to bring an API key', async () => {
    const res = await s.gql(RESERVE, { input: { cohortId: await cohortId('rv-open-a'), people: 1 } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('bad input: typed INVALID / NOT_FOUND naming the field', async () => {
    const id = await cohortId('rv-open-a');
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ cohortId: id, people: 0 }, 'INVALID', ['input', 'people']],
      [{ cohortId: id, people: -1 }, 'INVALID', ['input', 'people']],
      [{ cohortId: id, people: 501 }, 'INVALID', ['input', 'people']],
      [{ cohortId: id, people: 1, holdMinutes: 0 }, 'INVALID', ['input', 'holdMinutes']],
      [{ cohortId: id, people: 1, holdMinutes: 10_081 }, 'INVALID', ['input', 'holdMinutes']],
      [{ cohortId: 'xyz', people: 1 }, 'INVALID', ['input', 'cohortId']],
      [{ cohortId: Buffer.from('ParkSpace:1').toString('base64'), people: 1 }, 'INVALID', ['input', 'cohortId']],
      [{ cohortId: Buffer.from('TalentCohort:999999').toString('base64'), people: 1 }, 'NOT_FOUND', ['input', 'cohortId']],
    ];
    for (const [input, code, field] of cases) {
      const r = expectData(await s.gql(RESERVE, { input }, bearer(key1))).reserveSeats;
      expect(r.reservation).toBeNull();
      expect(r.errors[0]).toMatchObject({ code, field });
    }
  });

  it('DEFECT: notes with a line break are reported once, not twice', async () => {
    const r = expectData(
      await s.gql(RESERVE, { input: { cohortId: await cohortId('rv-open-a'), people: 1, notes: 'line one\nline two' } }, bearer(key1)),
    ).reserveSeats;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'notes'] });
  });

  it('more people than seats left: NOT_ENOUGH_SEATS with the seats left; closed and started cohorts refuse, typed', async () => {
    const more = expectData(await s.gql(RESERVE, { input: { cohortId: await cohortId('rv-open-b'), people: 6 } }, bearer(key1))).reserveSeats;
    expect(more.errors[0]).toMatchObject({ code: 'NOT_ENOUGH_SEATS', field: ['input', 'people'], seatsLeft: 5 });
    const closed = expectData(await s.gql(RESERVE, { input: { cohortId: await cohortId('rv-closed'), people: 1 } }, bearer(key1))).reserveSeats;
    expect(closed.errors[0]).toMatchObject({ code: 'COHORT_CLOSED', field: ['input', 'cohortId'] });
    const started = expectData(await s.gql(RESERVE, { input: { cohortId: await cohortId('rv-started'), people: 1 } }, bearer(key1))).reserveSeats;
    expect(started.errors[0]).toMatchObject({ code: 'COHORT_STARTED', field: ['input', 'cohortId'] });
  });

  it('idempotency: the same key and input replay the first answer; another input with it is IDEMPOTENCY_KEY_REUSED; keys are per enterprise', async () => {
    const cohortIdIdem = await cohortId('rv-idem');
    const input = { cohortId: cohortIdIdem, people: 2 };
    const a = expectData(await s.gql(RESERVE, { input, key: 'rv-k1' }, bearer(key1))).reserveSeats;
    const b = expectData(await s.gql(RESERVE, { input, key: 'rv-k1' }, bearer(key1))).reserveSeats;
    expect(a.errors).toEqual([]);
    expect(b.replayed).toBe(true);
    expect(b.reservation.id).toBe(a.reservation.id);
    const c = expectData(await s.gql(RESERVE, { input: { ...input, people: 3 }, key: 'rv-k1' }, bearer(key1))).reserveSeats;
    expect(c.errors[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['idempotencyKey'] });
    const other = expectData(await s.gql(RESERVE, { input, key: 'rv-k1' }, bearer(key2))).reserveSeats;
    expect(other.errors).toEqual([]);
    expect(other.reservation.id).not.toBe(a.reservation.id);
    // Two reservations of 2 seats were taken, not three.
    const { node } = expectData(await s.gql('query($id: ID!) { node(id: $id) { ... on TalentCohort { reservedSeats seatsLeft } } }', { id: cohortIdIdem }));
    expect(node).toEqual({ reservedSeats: 4, seatsLeft: 4 });
  });

  it('another enterprise can neither confirm, release nor read a reservation; the owner confirms once', async () => {
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: await cohortId('rv-open-a'), people: 1 } }, bearer(key1))).reserveSeats.reservation;
    expect(expectData(await s.gql(CONFIRM, { id: r.id }, bearer(key2))).confirmSeatReservation.errors[0]).toMatchObject({ code: 'FORBIDDEN', field: ['id'] });
    expect(expectData(await s.gql(RELEASE, { id: r.id }, bearer(key2))).releaseSeatReservation.errors[0]).toMatchObject({ code: 'FORBIDDEN', field: ['id'] });
    const peek = 'query($id: ID!) { node(id: $id) { id } }';
    expect(expectData(await s.gql(peek, { id: r.id }, bearer(key2))).node).toBeNull();
    expect(expectData(await s.gql(peek, { id: r.id })).node).toBeNull();
    expect(expectData(await s.gql(CONFIRM, { id: r.id }, bearer(key1))).confirmSeatReservation.reservation.status).toBe('CONFIRMED');
    expect(expectData(await s.gql(CONFIRM, { id: r.id }, bearer(key1))).confirmSeatReservation.errors[0].code).toBe('RESERVATION_NOT_ACTIVE');
    expect(expectData(await s.gql(RELEASE, { id: r.id }, bearer(key1))).releaseSeatReservation.errors[0].code).toBe('RESERVATION_NOT_ACTIVE');
  });

  it('never more seats than the cohort has, whatever the concurrency: 30 reservations of 1 at once on 12 seats', async () => {
    const id = await cohortId('rv-concurrent');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => s.gql(RESERVE, { input: { cohortId: id, people: 1 } }, bearer(i % 2 ? key1 : key2))),
    );
    const payloads = results.map((r) => expectData(r).reserveSeats);
    expect(payloads.filter((p) => p.reservation).length).toBe(12);
    expect(payloads.filter((p) => p.errors[0]?.code === 'NOT_ENOUGH_SEATS').length).toBe(18);
    const { node } = expectData(await s.gql('query($id: ID!) { node(id: $id) { ... on TalentCohort { seats reservedSeats seatsLeft } } }', { id }));
    expect(node).toEqual({ seats: 12, reservedSeats: 12, seatsLeft: 0 });
  });

  it('seatsLeft is the same in the list, nested under its base and programme, node(id:) and match rows right after a reservation', async () => {
    const id = await cohortId('rv-open-a');
    const before = expectData(await s.gql('query($id: ID!) { node(id: $id) { ... on TalentCohort { seatsLeft } } }', { id })).node.seatsLeft;
    expectData(await s.gql(RESERVE, { input: { cohortId: id, people: 3 } }, bearer(key2)));
    const q = /* GraphQL */ `
      query($id: ID!, $base: String!) {
        node(id: $id) { ... on TalentCohort { seatsLeft programme { cohorts(first: 100) { nodes { id seatsLeft } } } } }
        talentBase(slug: $base) { cohorts(first: 100) { nodes { id seatsLeft } } }
      }`;
    const d = expectData(await s.gql(q, { id, base: BASE }));
    expect(d.node.seatsLeft).toBe(before - 3);
    expect(d.node.programme.cohorts.nodes.find((n: any) => n.id === id).seatsLeft).toBe(before - 3);
    expect(d.talentBase.cohorts.nodes.find((n: any) => n.id === id).seatsLeft).toBe(before - 3);
    const list = expectData(
      await s.gql(
        'query { talentCohorts(first: 100, filter: { startsFrom: "' + chinaDay(40) + '", startsTo: "' + chinaDay(40) + '" }) { nodes { id seatsLeft } } }',
      ),
    );
    expect(list.talentCohorts.nodes.find((n: any) => n.id === id).seatsLeft).toBe(before - 3);
    const m = expectData(
      await s.gql(TALENT, { need: { specialties: ['PLATFORM_OPERATIONS'], people: 1, earliestStart: chinaDay(40), latestStart: chinaDay(40) }, first: 50 }),
    );
    expect(m.talentMatches.edges.find((e: any) => e.node.cohort.id === id).node.cohort.seatsLeft).toBe(before - 3);
  });

  it('an expired reservation reads EXPIRED at once, its seats count as free, and the cohort takes them again', async () => {
    const id = await cohortId('rv-expiry');
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: id, people: 6 } }, bearer(key1))).reserveSeats;
    expect(r.reservation.cohort.seatsLeft).toBe(0);
    await sqlRun(`update seat_reservation set expires_at = now() - interval '1 second' where id = $1`, [
      Number(Buffer.from(r.reservation.id, 'base64').toString().split(':')[1]),
    ]);
    const mine = expectData(await s.gql('{ mySeatReservations(first: 50) { nodes { id status } } }', {}, bearer(key1))).mySeatReservations.nodes;
    expect(mine.find((n: any) => n.id === r.reservation.id).status).toBe('EXPIRED');
    const { node } = expectData(await s.gql('query($id: ID!) { node(id: $id) { ... on TalentCohort { seatsLeft } } }', { id }));
    expect(node.seatsLeft).toBe(6);
    const again = expectData(await s.gql(RESERVE, { input: { cohortId: id, people: 6 } }, bearer(key2))).reserveSeats;
    expect(again.errors).toEqual([]);
    expect(again.reservation.cohort).toMatchObject({ seats: 6, reservedSeats: 6, seatsLeft: 0 });
  });

  it('DEFECT: right after a reservation expires (before the sweep) a cohort reads seats = reservedSeats + seatsLeft', async () => {
    await importIt({ talentCohorts: [cohort('rv-expiry-2', { seats: 6 })] });
    const id = await cohortId('rv-expiry-2');
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: id, people: 4 } }, bearer(key1))).reserveSeats;
    await sqlRun(`update seat_reservation set expires_at = now() - interval '1 second' where id = $1`, [
      Number(Buffer.from(r.reservation.id, 'base64').toString().split(':')[1]),
    ]);
    const { node } = expectData(await s.gql('query($id: ID!) { node(id: $id) { ... on TalentCohort { seats reservedSeats seatsLeft } } }', { id }));
    // Today: seats 6, seatsLeft 6 (the lapsed reservation left out), reservedSeats 4 (still counted).
    expect(node.reservedSeats + node.seatsLeft).toBe(node.seats);
  });

  it('DEFECT: right after a reservation expires, talentMatches agrees with the cohort it shows (SEATS is not failed while cohort.seatsLeft suffices)', async () => {
    await importIt({ talentCohorts: [cohort('rv-expiry-3', { seats: 6, startsOn: chinaDay(41), endsOn: chinaDay(81) })] });
    const id = await cohortId('rv-expiry-3');
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: id, people: 5 } }, bearer(key1))).reserveSeats;
    await sqlRun(`update seat_reservation set expires_at = now() - interval '1 second' where id = $1`, [
      Number(Buffer.from(r.reservation.id, 'base64').toString().split(':')[1]),
    ]);
    const m = expectData(
      await s.gql(TALENT, {
        need: { specialties: ['PLATFORM_OPERATIONS'], people: 4, earliestStart: chinaDay(41), latestStart: chinaDay(41) },
        first: 50,
        nm: true,
      }),
    );
    const row = m.talentMatches.edges.find((e: any) => e.node.cohort.id === id)?.node;
    expect(row).toBeDefined();
    expect(row.cohort.seatsLeft).toBe(6);
    // Today: a near miss "1 seat left, 4 needed" next to cohort.seatsLeft 6 (documented: the profile reads reserved_seats until the sweep).
    expect(row.failedConstraints).toEqual([]);
  });
});

describe('contacts: hidden without an API key everywhere, shown with one', () => {
  const Q = /* GraphQL */ `
    query($cohort: ID!) {
      talentCohorts(first: 1) { nodes { contact { name } } }
      talentBases(first: 1) { nodes { cohorts(first: 1) { nodes { contact { name } } } programmes { cohorts(first: 1) { nodes { contact { name } } } } } }
      node(id: $cohort) { ... on TalentCohort { contact { name } } }
      talentMatches(need: { specialties: [PLATFORM_OPERATIONS], people: 1 }, first: 1) { matches { cohort { contact { name } } } }
      parkSpaces(first: 1) { nodes { contact { name } } }
      industrialParks(first: 1, filter: { districts: ["500157"] }) { nodes { spaces(first: 1) { nodes { contact { name } } } } }
      parkSpaceMatches(need: {}, first: 1) { matches { space { contact { name } } } }
    }`;
  const contacts = (d: any) => [
    d.talentCohorts.nodes[0].contact,
    d.talentBases.nodes[0].cohorts.nodes[0].contact,
    d.talentBases.nodes[0].programmes[0].cohorts.nodes[0].contact,
    d.node.contact,
    d.talentMatches.matches[0].cohort.contact,
    d.parkSpaces.nodes[0].contact,
    d.industrialParks.nodes[0].spaces.nodes[0].contact,
    d.parkSpaceMatches.matches[0].space.contact,
  ];

  it('anonymous: every contact is null', async () => {
    const d = expectData(await s.gql(Q, { cohort: await cohortId('rv-open-a') }));
    for (const c of contacts(d)) expect(c).toBeNull();
  });

  it('with an API key: every contact is shown', async () => {
    const d = expectData(await s.gql(Q, { cohort: await cohortId('rv-open-a') }, bearer(key1)));
    for (const c of contacts(d)) expect(c?.name).toMatch(/\S/);
  });

  const SEARCH = /* GraphQL */ `
    query($q: String!) {
      search(query: $q, kinds: [TALENT_COHORT, PARK_SPACE], first: 10) {
        nodes { kind node { __typename ... on TalentCohort { contact { name } } ... on ParkSpace { contact { name } } } }
      }
    }`;

  it('search(kinds: [TALENT_COHORT, PARK_SPACE]) finds both kinds, contacts null anonymously', async () => {
    const cohorts = expectData(await s.gql(SEARCH, { q: '评审测试班' })).search.nodes;
    expect(cohorts.length).toBeGreaterThan(0);
    expect(cohorts.every((n: any) => n.kind === 'TALENT_COHORT' && n.node.contact === null)).toBe(true);
    const spaces = expectData(await s.gql(SEARCH, { q: '仓库' })).search.nodes;
    expect(spaces.length).toBeGreaterThan(0);
    expect(spaces.every((n: any) => n.kind === 'PARK_SPACE' && n.node.contact === null)).toBe(true);
  });

  it('DEFECT: search(kinds: [TALENT_COHORT, PARK_SPACE]) with an API key shows contacts, as node(id:) does', async () => {
    const cohorts = expectData(await s.gql(SEARCH, { q: '评审测试班' }, bearer(key1))).search.nodes;
    expect(cohorts.length).toBeGreaterThan(0);
    for (const n of cohorts) expect(n.node.contact?.name).toBe('招生办');
    const spaces = expectData(await s.gql(SEARCH, { q: '仓库' }, bearer(key1))).search.nodes;
    for (const n of spaces) expect(n.node.contact?.name).toMatch(/\S/);
  });
});

describe('read API conventions for the new types', () => {
  it('talentCohorts pages backwards with last/before; totalCount; updatedSince', async () => {
    const all = expectData(await s.gql('{ talentCohorts(first: 100) { totalCount nodes { id } } }')).talentCohorts;
    const tail = expectData(await s.gql('{ talentCohorts(last: 3) { pageInfo { hasPreviousPage startCursor } nodes { id } } }')).talentCohorts;
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
    const before = expectData(
      await s.gql('query($b: String) { talentCohorts(last: 2, before: $b) { nodes { id } } }', { b: tail.pageInfo.startCursor }),
    ).talentCohorts;
    const full = expectData(await s.gql(`{ talentCohorts(first: 100, after: null) { nodes { id } } }`)).talentCohorts.nodes.map((n: any) => n.id);
    expect(all.totalCount).toBeGreaterThan(100);
    expect(before.nodes.map((n: any) => n.id)).not.toEqual(expect.arrayContaining(tail.nodes.map((n: any) => n.id)));
    expect(full).toHaveLength(100);
    const future = expectData(
      await s.gql('query($t: DateTime) { talentCohorts(filter: { updatedSince: $t }) { totalCount } }', { t: new Date(Date.now() + 3600_000).toISOString() }),
    );
    expect(future.talentCohorts.totalCount).toBe(0);
    const spaces = expectData(await s.gql('query($t: DateTime) { parkSpaces(filter: { updatedSince: $t }) { totalCount } }', { t: '2000-01-01T00:00:00Z' }));
    expect(spaces.parkSpaces.totalCount).toBeGreaterThan(0);
  });

  it('node(id:) resolves TalentCohort and ParkSpace; names follow lang and Accept-Language', async () => {
    const space = expectData(await s.gql('{ parkSpaces(first: 1) { nodes { id nameZh nameEn } } }')).parkSpaces.nodes[0];
    const id = await cohortId('rv-open-a');
    const q =
      'query($a: ID!, $b: ID!) { a: node(id: $a) { __typename ... on TalentCohort { name zh: name(lang: ZH) } } b: node(id: $b) { __typename ... on ParkSpace { name en: name(lang: EN) } } }';
    const en = expectData(await s.gql(q, { a: id, b: space.id }, { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(en.a).toEqual({ __typename: 'TalentCohort', name: 'Review test cohort rv-open-a', zh: '评审测试班 rv-open-a' });
    expect(en.b).toEqual({ __typename: 'ParkSpace', name: space.nameEn, en: space.nameEn });
    const zh = expectData(await s.gql(q, { a: id, b: space.id }));
    expect(zh.a.name).toBe('评审测试班 rv-open-a');
    expect(zh.b.name).toBe(space.nameZh);
  });

  it('nested connections multiply in the cost: a park list with 100 spaces each is refused as too costly, small ones show their cost', async () => {
    const big = await s.gql('{ industrialParks(first: 50) { nodes { spaces(first: 100) { nodes { id } } } } }');
    expect(big.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const bigCohorts = await s.gql('{ talentBases(first: 50) { nodes { programmes { cohorts(first: 100) { nodes { id } } } } } }');
    expect(bigCohorts.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await s.gql('{ talentMatches(need: { specialties: [PLATFORM_OPERATIONS], people: 1 }, first: 5) { totalCount } }');
    expect(small.extensions?.cost?.requestedQueryCost).toBeGreaterThan(0);
  });
});

describe('the import path', () => {
  const space = (ref: string, over: Record<string, unknown> = {}) => ({
    parkSlug: 'konggang-cbec-logistics-park',
    ref,
    nameZh: `空港物流园评审仓库${ref}`,
    nameEn: `Konggang review warehouse ${ref}`,
    kind: 'WAREHOUSE',
    areaM2: 520,
    monthlyRentPerM2: '29.50',
    availableFrom: chinaDay(30),
    minTermMonths: 12,
    ...over,
  });

  it('re-importing the same cohorts and space changes nothing', async () => {
    const ds = { talentCohorts: [cohort('rv-import-1')], parkSpaces: [space('RV-1')] };
    const first = await importIt(ds);
    expect(first.counts.talent_cohort).toBe(1);
    expect(first.counts.park_space).toBe(1);
    const again = await importIt(ds);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
  });

  it('bad records are refused with one problem per field, nothing written', async () => {
    const err = await importIt(
      {
        talentCohorts: [cohort('rv-bad-1', { baseSlug: 'no-such-base' }), cohort('rv-bad-2', { seats: 0, feeCny: '-5', language: 'english', mode: 'BOTH' })],
        parkSpaces: [space('RV-BAD', { parkSlug: 'no-such-park' }), space('RV-BAD-2', { kind: 'CASTLE', areaM2: -3, availableFrom: 'someday' })],
      },
      { dryRun: true },
    ).catch((e) => e);
    expect(err.name).toBe('ImportValidationError');
    const got = err.issues.map((i: any) => `${i.path} ${i.field}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'talentCohorts[0] baseSlug',
        'talentCohorts[1] seats',
        'talentCohorts[1] feeCny',
        'talentCohorts[1] language',
        'talentCohorts[1] mode',
        'parkSpaces[0] parkSlug',
        'parkSpaces[1] kind',
        'parkSpaces[1] areaM2',
        'parkSpaces[1] availableFrom',
      ]),
    );
  });

  it('DEFECT: a cohort ending before it starts is refused by validation naming talentCohorts[0] endsOn (today: the database check talent_cohort_dates fails the whole import)', async () => {
    const err = await importIt({ talentCohorts: [cohort('rv-bad-dates', { startsOn: chinaDay(60), endsOn: chinaDay(50) })] }, { dryRun: true }).catch((e) => e);
    expect(err?.name).toBe('ImportValidationError');
    expect(err.issues.map((i: any) => `${i.path} ${i.field}`)).toContain('talentCohorts[0] endsOn');
  });

  it('DEFECT: a cohort naming a programme its base does not run is refused by --dry-run, naming the record and `programme`', async () => {
    const err = await importIt({ talentCohorts: [cohort('rv-bad-programme', { programme: 'No such programme' })] }, { dryRun: true }).catch((e) => e);
    expect(err?.name).toBe('ImportValidationError');
    expect(err.issues.map((i: any) => `${i.path} ${i.field}`)).toContain('talentCohorts[0] programme');
  });

  it('DEFECT: two programmes may each have a cohort "2027-03" (ref is the key within the programme)', async () => {
    const res = await importIt({
      talentCohorts: [cohort('rv-2027-03'), cohort('rv-2027-03', { programme: OTHER_PROGRAMME, nameEn: 'Review Russian cohort', language: 'ru' })],
    }).catch((e) => e);
    expect(res?.name).not.toBe('ImportValidationError');
    expect(res.counts.talent_cohort).toBe(2);
  });
});
