/**
 * Talent (issue 15, point 2) through the GraphQL API: cohorts matched to a training need with
 * scores worked out by hand from docs/matchmaking.md ("Talent"), near misses naming the one
 * constraint each fails in both languages, paging, bad input; seat reservations with the
 * guarantees of capacity holds (typed errors, idempotency keys, expiry, confirmation by the
 * reserving enterprise only, never more seats than a cohort has at any concurrency); the cohort list
 * with its filters, and contacts hidden from anonymous callers. The world is the test's own: the
 * sample cohorts are removed first, and the cohorts below start relative to today (China time).
 */
import 'reflect-metadata';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/ids';
import { sweepHolds } from '../src/matching/holds';
import { SEAT_RESERVATIONS } from '../src/modules/talent/reservation.service';
import { bearer, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const EXPLAINED = /* GraphQL */ `
  rank score isNearMiss summary summaryZh
  failedConstraints { constraint detail detailZh }
  scoreParts { factor weight value contribution detail detailZh }`;
const MATCHES = /* GraphQL */ `
  query Talent($need: TalentNeedInput!, $near: Boolean, $first: Int, $after: String, $weights: TalentWeightsInput) {
    talentMatches(need: $need, includeNearMisses: $near, first: $first, after: $after, weights: $weights) {
      totalCount fullMatchCount fullMatchCountCapped
      pageInfo { hasNextPage endCursor }
      weights { soonness fee specialties baseExperience nearness }
      edges { cursor node { ${EXPLAINED} cohort { ref mode language seatsLeft fee { amount currency } base { slug } district { code } } } }
    }
  }`;
const RESERVE = /* GraphQL */ `
  mutation Reserve($input: ReserveSeatsInput!, $key: String) {
    reserveSeats(input: $input, idempotencyKey: $key) {
      reservation { id people status expiresAt feePerPerson { amount currency } totalFee { amount } contact { name email } cohort { ref seatsLeft reservedSeats } }
      errors { code field message seatsLeft }
      replayed
    }
  }`;
const CONFIRM = /* GraphQL */ `
  mutation Confirm($id: ID!, $key: String) {
    confirmSeatReservation(id: $id, idempotencyKey: $key) { reservation { id status confirmedAt } errors { code field message } replayed }
  }`;
const RELEASE = /* GraphQL */ `
  mutation Release($id: ID!) {
    releaseSeatReservation(id: $id) { reservation { id status endedAt cohort { seatsLeft } } errors { code field message } replayed }
  }`;
const MINE = /* GraphQL */ `
  query Mine($filter: SeatReservationFilter) {
    mySeatReservations(first: 50, filter: $filter) { totalCount nodes { id people status cohort { ref seatsLeft } } }
  }`;

interface Match {
  rank: number;
  score: number;
  isNearMiss: boolean;
  summary: string;
  summaryZh: string;
  failedConstraints: { constraint: string; detail: string; detailZh: string }[];
  scoreParts: { factor: string; weight: number; value: number; contribution: number; detail: string; detailZh: string }[];
  cohort: { ref: string; mode: string; language: string; seatsLeft: number; base: { slug: string }; district: { code: string } };
}

const LIANGJIANG = '500157';
const NANAN = '500108';

/** "Where can my two operations staff train within four months?": on site in 两江新区 or online, in Chinese, at most 5,000 CNY each. */
const NEED = {
  specialties: ['PLATFORM_OPERATIONS'],
  people: 2,
  latestStart: '', // set in beforeAll: today + 120
  districts: [LIANGJIANG],
  languages: ['zh'],
  maxFeePerPerson: '5000',
  nearDistrict: LIANGJIANG,
};

let s: TestServer;
let sql: pg.Client;
let today: string;
const ids = new Map<string, number>();
let keys: string[] = [];
const gid = (ref: string) => toGlobalId('TalentCohort', ids.get(ref)!);
const day = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** [ref, base, starts in days, seats, reserved, fee, language, mode, status] */
const COHORTS: [string, string, number, number, number, string, string, string, string][] = [
  ['a1', 'a', 10, 20, 0, '3000', 'zh', 'ON_SITE', 'OPEN'],
  ['a2', 'a', 40, 20, 0, '2500', 'zh', 'ONLINE', 'OPEN'],
  ['a-full', 'a', 20, 10, 9, '1000', 'zh', 'ON_SITE', 'OPEN'],
  ['a-late', 'a', 200, 20, 0, '1000', 'zh', 'ON_SITE', 'OPEN'],
  ['a-dear', 'a', 15, 20, 0, '9000', 'zh', 'ON_SITE', 'OPEN'],
  ['a-en', 'a', 12, 20, 0, '1000', 'en', 'ON_SITE', 'OPEN'],
  ['b1', 'b', 10, 20, 0, '1000', 'zh', 'ONLINE', 'OPEN'],
  ['c1', 'c', 10, 20, 0, '1000', 'zh', 'ON_SITE', 'OPEN'],
  ['closed', 'a', 10, 20, 0, '1000', 'zh', 'ON_SITE', 'CLOSED'],
  ['started', 'a', 0, 20, 0, '1000', 'zh', 'ON_SITE', 'OPEN'],
  ['crowded', 'b', 30, 30, 0, '500', 'zh', 'ON_SITE', 'OPEN'],
  ['sold-out', 'b', 30, 5, 5, '500', 'zh', 'ON_SITE', 'OPEN'],
];

async function talent(vars: Record<string, unknown>, headers?: Record<string, string>) {
  return s.gql(MATCHES, { need: NEED, ...vars }, headers);
}
const nodes = (data: any): Match[] => data.talentMatches.edges.map((e: { node: Match }) => e.node);

beforeAll(async () => {
  s = await startTestServer(__filename);
  sql = new pg.Client({ connectionString: s.databaseUrl });
  await sql.connect();
  today = (await sql.query(`select ((now() at time zone 'Asia/Shanghai')::date)::text as d`)).rows[0].d;
  NEED.latestStart = day(120);
  await sql.query('delete from talent_cohort');
  // Three bases: a in 两江新区 (operations, live streaming; 500 a year), b in 南岸 (supply chain), c in 南岸 (operations).
  const base = async (slug: string, district: string, specialties: string[], capacity: number) =>
    (
      await sql.query(
        `insert into talent_base (slug, name_zh, name_en, kind, host_institution_zh, host_institution_en, district_code, specialties, annual_training_capacity)
         values ($1, $1, $1, 'PRACTICAL_TRAINING_BASE', '测试', 'Test', $2, $3, $4) returning id`,
        [`test-${slug}`, district, specialties, capacity],
      )
    ).rows[0].id as number;
  const bases = {
    a: await base('a', LIANGJIANG, ['LIVE_STREAMING', 'PLATFORM_OPERATIONS'], 500),
    b: await base('b', NANAN, ['SUPPLY_CHAIN_MANAGEMENT'], 250),
    c: await base('c', NANAN, ['PLATFORM_OPERATIONS'], 250),
  };
  const programmes: Record<string, number> = {};
  for (const [k, b] of Object.entries(bases)) {
    programmes[k] = (
      await sql.query(`insert into talent_programme (base_id, name_zh, name_en, duration_weeks, seats) values ($1, '课程', 'Course', 4, 20) returning id`, [b])
    ).rows[0].id;
  }
  for (const [ref, b, starts, seats, reserved, fee, language, mode, status] of COHORTS) {
    const r = await sql.query(
      `insert into talent_cohort (programme_id, ref, name_zh, name_en, starts_on, ends_on, seats, reserved_seats, fee_cny, language, mode, status,
         contact_name, contact_email, is_sample)
       values ($1, $2, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, '招生办', 'admissions@test.example.cn', false) returning id`,
      [programmes[b], ref, day(starts), day(starts + 25), seats, reserved, fee, language, mode, status],
    );
    ids.set(ref, r.rows[0].id);
  }
  const ents = (await sql.query('select id from enterprise order by id limit 3')).rows.map((r) => r.id as number);
  keys = await Promise.all(ents.map((e) => issueKey(s.databaseUrl, e)));
});
afterAll(async () => {
  await sql?.end();
  await s?.close();
});

describe('talentMatches', () => {
  it('ranks the cohorts that meet every constraint, with their score worked out from the factors', async () => {
    // when the need is ranked without near misses
    const data = expectData(await talent({}));
    const ms = nodes(data);
    // then a1 (on site in 两江新区) and a2 (online), nothing else
    expect(ms.map((m) => m.cohort.ref)).toEqual(['a1', 'a2']);
    expect(data.talentMatches.totalCount).toBe(2);
    expect(data.talentMatches.fullMatchCountCapped).toBe(false);
    expect(data.talentMatches.weights).toEqual({ soonness: 0.3, fee: 0.25, specialties: 0.25, baseExperience: 0.1, nearness: 0.1 });
    // a1: starts 9 days after the earliest (tomorrow): 1 − 9/180 = 0.95; fee 1 − 3000/5000 = 0.4; skills 1/1; base 500/500; in 两江新区 = 1
    // 0.285 + 0.1 + 0.25 + 0.1 + 0.1 = 0.835
    const [a1, a2] = ms;
    expect(a1.score).toBe(0.835);
    expect(a1.scoreParts.map((p) => [p.factor, p.weight, p.value])).toEqual([
      ['SOONNESS', 0.3, 0.95],
      ['FEE', 0.25, 0.4],
      ['SPECIALTIES', 0.25, 1],
      ['BASE_EXPERIENCE', 0.1, 1],
      ['NEARNESS', 0.1, 1],
    ]);
    expect(a1.scoreParts[1].detail).toBe('fee 3,000.00 CNY per person of the 5,000.00 CNY accepted');
    expect(a1.scoreParts[1].detailZh).toBe('每人费用3,000.00元（可接受5,000.00元）');
    expect(a1.scoreParts[4].detailZh).toMatch(/线下授课，即学员所在区县$/);
    // a2: 39 days: 1 − 39/180 = 0.783; fee 0.5; online = no travel: 0.235 + 0.125 + 0.25 + 0.1 + 0.1 = 0.81
    expect(a2.score).toBe(0.81);
    expect(a2.scoreParts[4].detail).toBe('taught online: no travel');
    expect(a1.summary).toMatch(/^Rank 1, score 0\.835: /);
    expect(a1.summaryZh).toMatch(/^排名第1，得分0\.835：/);
  });

  it('adds the near misses after the full matches, each failing one constraint, said in both languages', async () => {
    const ms = nodes(expectData(await talent({ near: true, first: 50 })));
    expect(ms.slice(0, 2).map((m) => m.cohort.ref)).toEqual(['a1', 'a2']);
    const near = Object.fromEntries(ms.slice(2).map((m) => [m.cohort.ref, m]));
    // Two misses (crowded: 南岸 and supply chain), closed, started and sold-out are not there.
    expect(Object.keys(near).sort()).toEqual(['a-dear', 'a-en', 'a-full', 'a-late', 'b1', 'c1']);
    for (const m of Object.values(near)) {
      expect(m.isNearMiss).toBe(true);
      expect(m.failedConstraints).toHaveLength(1);
    }
    const miss = (ref: string) => near[ref].failedConstraints[0];
    expect(miss('a-full')).toEqual({ constraint: 'SEATS', detail: '1 seat left, 2 needed', detailZh: '仅剩1个名额，需要2个' });
    expect(miss('a-late')).toEqual({
      constraint: 'START_WINDOW',
      detail: `starts ${day(200)}, after the latest start accepted (${day(120)})`,
      detailZh: `${day(200)}开班，晚于可接受的最晚开班日期（${day(120)}）`,
    });
    expect(miss('a-dear')).toEqual({
      constraint: 'FEE',
      detail: 'fee 9,000.00 CNY per person, over the 5,000.00 CNY accepted',
      detailZh: '每人费用9,000.00元，超出可接受的5,000.00元',
    });
    expect(miss('a-en')).toEqual({ constraint: 'LANGUAGE', detail: 'taught in en, zh asked', detailZh: '授课语言为en，需求为zh' });
    expect(miss('b1')).toEqual({
      constraint: 'SPECIALTY',
      detail: 'trains Supply-chain management: none of the skills asked (Platform operations)',
      detailZh: '培养方向为供应链管理，不含所需方向（平台运营）',
    });
    expect(miss('c1').constraint).toBe('PLACE');
    expect(miss('c1').detail).toMatch(/^taught on site in .+, not in a district asked \(.+\)$/);
    expect(near['a-full'].summary).toBe('Near miss: 1 seat left, 2 needed.');
    expect(near['a-full'].summaryZh).toBe('近似匹配：仅剩1个名额，需要2个。');
  });

  it('pages with cursors, and refuses a cursor of another list', async () => {
    const p1 = expectData(await talent({ first: 1 })).talentMatches;
    expect(p1.edges.map((e: { node: Match }) => e.node.cohort.ref)).toEqual(['a1']);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = expectData(await talent({ first: 1, after: p1.pageInfo.endCursor })).talentMatches;
    expect(p2.edges.map((e: { node: Match }) => e.node.cohort.ref)).toEqual(['a2']);
    expect(p2.edges[0].node.rank).toBe(2);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const other = await s.gql(MATCHES, { need: { ...NEED, people: 3 }, first: 1, after: p1.pageInfo.endCursor });
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes weights: fee alone ranks the cheaper first', async () => {
    const ms = nodes(expectData(await talent({ weights: { soonness: 0, fee: 1, specialties: 0, baseExperience: 0, nearness: 0 } })));
    expect(ms.map((m) => [m.cohort.ref, m.score])).toEqual([
      ['a2', 0.5],
      ['a1', 0.4],
    ]);
  });

  it.each([
    ['people 0', { people: 0 }, 'need.people'],
    ['no skill', { specialties: [] }, 'need.specialties'],
    ['a language that is no ISO 639-1 code', { languages: ['zho'] }, 'need.languages'],
    ['a district that is no code', { districts: ['Yubei'] }, 'need.districts'],
    ['a window ending before it starts', { earliestStart: '2099-01-01', latestStart: '2098-01-01' }, 'need.latestStart'],
    ['a negative fee', { maxFeePerPerson: '-1' }, 'need.maxFeePerPerson'],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_what, change, field) => {
    const res = await s.gql(MATCHES, { need: { ...NEED, ...change } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.argument).toBe(field);
  });

  it('refuses a weight beyond 0–1', async () => {
    const res = await talent({ weights: { fee: 2 } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('seat reservations', () => {
  it('needs an API key', async () => {
    const res = await s.gql(RESERVE, { input: { cohortId: gid('a1'), people: 1 } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reserves, confirms and lets only the reserving enterprise change it', async () => {
    const r = expectData(
      await s.gql(
        RESERVE,
        { input: { cohortId: gid('a1'), people: 2, contact: { name: '王经理', email: 'hr@example.cn' }, notes: '运营岗' } },
        bearer(keys[0]),
      ),
    ).reserveSeats;
    expect(r.errors).toEqual([]);
    expect(r.reservation).toMatchObject({
      people: 2,
      status: 'HELD',
      feePerPerson: { amount: '3000.00', currency: 'CNY' },
      totalFee: { amount: '6000.00' },
      contact: { name: '王经理', email: 'hr@example.cn' },
      cohort: { ref: 'a1', seatsLeft: 18, reservedSeats: 2 },
    });
    const id = r.reservation.id;
    // another enterprise may neither see nor change it
    const other = expectData(await s.gql(CONFIRM, { id }, bearer(keys[1]))).confirmSeatReservation;
    expect(other.errors[0].code).toBe('FORBIDDEN');
    const node = expectData(await s.gql('query($id: ID!) { node(id: $id) { id } }', { id }, bearer(keys[1])));
    expect(node.node).toBeNull();
    // the reserving enterprise confirms: the seats stay taken
    const c = expectData(await s.gql(CONFIRM, { id }, bearer(keys[0]))).confirmSeatReservation;
    expect(c.errors).toEqual([]);
    expect(c.reservation.status).toBe('CONFIRMED');
    // a confirmed reservation is no longer released
    const rel = expectData(await s.gql(RELEASE, { id }, bearer(keys[0]))).releaseSeatReservation;
    expect(rel.errors).toEqual([{ code: 'RESERVATION_NOT_ACTIVE', field: ['id'], message: 'The reservation is confirmed' }]);
    const mine = expectData(await s.gql(MINE, { filter: { statuses: ['CONFIRMED'] } }, bearer(keys[0]))).mySeatReservations;
    expect(mine.nodes).toEqual([{ id, people: 2, status: 'CONFIRMED', cohort: { ref: 'a1', seatsLeft: 18 } }]);
  });

  it('releases a held reservation: its seats come back', async () => {
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: gid('a2'), people: 5 } }, bearer(keys[0]))).reserveSeats;
    expect(r.reservation.cohort.seatsLeft).toBe(15);
    const rel = expectData(await s.gql(RELEASE, { id: r.reservation.id }, bearer(keys[0]))).releaseSeatReservation;
    expect(rel.errors).toEqual([]);
    expect(rel.reservation).toMatchObject({ status: 'RELEASED', cohort: { seatsLeft: 20 } });
  });

  it.each([
    ['a-full', 2, 'NOT_ENOUGH_SEATS', ['input', 'people'], 'Only 1 seat is left; asked 2', 1],
    ['closed', 1, 'COHORT_CLOSED', ['input', 'cohortId'], 'The cohort is closed: it takes no reservations', null],
    ['started', 1, 'COHORT_STARTED', ['input', 'cohortId'], null, null],
  ])('refuses %s with %s', async (ref, people, code, field, message, seatsLeft) => {
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: gid(ref as string), people } }, bearer(keys[0]))).reserveSeats;
    expect(r.reservation).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code, field, seatsLeft });
    if (message) expect(r.errors[0].message).toBe(message);
  });

  it('says INVALID for bad input and NOT_FOUND for a cohort that is not there', async () => {
    const bad = expectData(await s.gql(RESERVE, { input: { cohortId: gid('a1'), people: 0, holdMinutes: 99999 } }, bearer(keys[0]))).reserveSeats;
    expect(bad.errors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID', 'input.people'],
      ['INVALID', 'input.holdMinutes'],
    ]);
    const missing = expectData(await s.gql(RESERVE, { input: { cohortId: toGlobalId('TalentCohort', 999999), people: 1 } }, bearer(keys[0]))).reserveSeats;
    expect(missing.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'cohortId'] });
  });

  it('answers a retry with the same idempotency key once, and refuses the key for another input', async () => {
    const input = { cohortId: gid('c1'), people: 3 };
    const first = expectData(await s.gql(RESERVE, { input, key: 'talent-k1' }, bearer(keys[1]))).reserveSeats;
    const again = expectData(await s.gql(RESERVE, { input, key: 'talent-k1' }, bearer(keys[1]))).reserveSeats;
    expect(again.replayed).toBe(true);
    expect(again.reservation.id).toBe(first.reservation.id);
    expect(again.reservation.cohort.reservedSeats).toBe(3);
    const other = expectData(await s.gql(RESERVE, { input: { ...input, people: 4 }, key: 'talent-k1' }, bearer(keys[1]))).reserveSeats;
    expect(other.errors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('expires a held reservation: it reads EXPIRED at once, and the sweep gives its seats back', async () => {
    const r = expectData(await s.gql(RESERVE, { input: { cohortId: gid('b1'), people: 4, holdMinutes: 1 } }, bearer(keys[2]))).reserveSeats;
    const id = r.reservation.id;
    expect(r.reservation.cohort.seatsLeft).toBe(16);
    // the minute passes
    await sql.query(`update seat_reservation set expires_at = now() - interval '1 second' where id = $1`, [
      Number(Buffer.from(id, 'base64').toString().split(':')[1]),
    ]);
    const mine = expectData(await s.gql(MINE, { filter: { cohorts: [gid('b1')] } }, bearer(keys[2]))).mySeatReservations;
    expect(mine.nodes).toEqual([{ id, people: 4, status: 'EXPIRED', cohort: { ref: 'b1', seatsLeft: 20 } }]);
    const late = expectData(await s.gql(CONFIRM, { id }, bearer(keys[2]))).confirmSeatReservation;
    expect(late.errors[0]).toMatchObject({ code: 'RESERVATION_NOT_ACTIVE', message: 'The reservation is expired' });
    // the sweeper's statement writes it down and returns the seats
    const swept = await sweepHolds(s.app.orm.em.fork(), SEAT_RESERVATIONS);
    expect(swept.expired).toBe(1);
    const row = (await sql.query('select reserved_seats from talent_cohort where id = $1', [ids.get('b1')])).rows[0];
    expect(row.reserved_seats).toBe(0);
    expect((await sql.query(`select count(*)::int as n from seat_reservation where status = 'EXPIRED'`)).rows[0].n).toBe(1);
  });

  it('never reserves more seats than a cohort has, however many ask at once', async () => {
    // 60 reservations of one seat each for a cohort of 30, from three enterprises at once
    const results = await Promise.all(
      Array.from({ length: 60 }, (_x, i) => s.gql(RESERVE, { input: { cohortId: gid('crowded'), people: 1 } }, bearer(keys[i % 3]))),
    );
    const payloads = results.map((r) => expectData(r).reserveSeats);
    const taken = payloads.filter((p) => p.errors.length === 0);
    const refused = payloads.filter((p) => p.errors.length > 0);
    expect(taken).toHaveLength(30);
    expect(new Set(refused.map((p) => p.errors[0].code))).toEqual(new Set(['NOT_ENOUGH_SEATS']));
    const row = (await sql.query('select seats, reserved_seats from talent_cohort where id = $1', [ids.get('crowded')])).rows[0];
    expect(row).toEqual({ seats: 30, reserved_seats: 30 });
  });
});

describe('talentCohorts', () => {
  const LIST = /* GraphQL */ `
    query Cohorts($filter: TalentCohortFilter, $orderBy: [TalentCohortOrder!]) {
      talentCohorts(first: 50, filter: $filter, orderBy: $orderBy) { totalCount nodes { ref seatsLeft contact { name email } } }
    }`;
  const refs = (data: any): string[] => data.talentCohorts.nodes.map((n: { ref: string }) => n.ref);

  it('lists cohorts soonest first, filtered, and hides the enrolment contact from anonymous callers', async () => {
    const anon = expectData(await s.gql(LIST, { filter: { districts: [LIANGJIANG], modes: ['ON_SITE'], languages: ['en'] } }));
    expect(anon.talentCohorts.nodes).toEqual([{ ref: 'a-en', seatsLeft: 20, contact: null }]);
    const keyed = expectData(await s.gql(LIST, { filter: { districts: [LIANGJIANG], modes: ['ON_SITE'], languages: ['en'] } }, bearer(keys[0])));
    expect(keyed.talentCohorts.nodes[0].contact).toEqual({ name: '招生办', email: 'admissions@test.example.cn' });
    expect(refs(expectData(await s.gql(LIST, { filter: { hasFreeSeats: false } })))).toEqual(['crowded', 'sold-out']); // crowded filled up above
    expect(refs(expectData(await s.gql(LIST, { filter: { statuses: ['CLOSED'] } })))).toEqual(['closed']);
    expect(refs(expectData(await s.gql(LIST, { filter: { specialties: { anyOf: ['SUPPLY_CHAIN_MANAGEMENT'] }, startsTo: day(15) } })))).toEqual(['b1']);
    const bad = await s.gql(LIST, { filter: { languages: ['english'] } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('nests a base’s and a programme’s cohorts', async () => {
    const data = expectData(
      await s.gql(`{ talentBase(slug: "test-c") { cohorts(first: 5) { nodes { ref } } programmes { cohorts(first: 5) { totalCount nodes { ref } } } } }`),
    );
    expect(data.talentBase.cohorts.nodes.map((n: { ref: string }) => n.ref)).toEqual(['c1']);
    expect(data.talentBase.programmes[0].cohorts.nodes.map((n: { ref: string }) => n.ref)).toEqual(['c1']);
  });

  it('follows its base: a base that moves district moves its cohorts', async () => {
    await sql.query(`update talent_base set district_code = $1 where slug = 'test-c'`, [LIANGJIANG]);
    const ms = nodes(expectData(await talent({})));
    expect(ms.map((m) => m.cohort.ref)).toContain('c1');
    await sql.query(`update talent_base set district_code = $1 where slug = 'test-c'`, [NANAN]);
  });
});
