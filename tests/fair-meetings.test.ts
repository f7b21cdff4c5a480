/**
 * Meetings at the fair (issue 14, point 3, and the slots of point 5): exhibitors offer slots with
 * their API key, buyers request a meeting in one, the exhibitor accepts or declines, either side
 * cancels, an unanswered request expires when its slot starts; a slot is never booked twice
 * (concurrent requests, idempotency keys, typed errors); contacts are shown to the other side only
 * once accepted; meetings are their two parties' alone. The world is the test's own
 * (tests/helpers/fair.ts).
 */
import 'reflect-metadata';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/ids';
import { expireMeetings } from '../src/modules/fair/meeting.service';
import { type FairWorld, makeFairWorld, slotTimes } from './helpers/fair';
import { bearer, issueKey } from './helpers/keys';
import { countingPubSub, follow, wsClient } from './helpers/subscribe';
import { expectData, startTestServer, type TestServer } from './helpers/server';

const SLOT_FIELDS = 'id startsAt endsAt durationMinutes location isFree hasStarted exhibitor { booth }';
const MEETING_FIELDS = `id status viewerRole message responseNote respondedAt slot { id startsAt isFree } exhibitor { booth } buyer { id } listing { id }
  exhibitorContact { name phone email } buyerContact { name phone email }`;

const CREATE_SLOTS = /* GraphQL */ `
  mutation CreateSlots($input: CreateFairSlotsInput!, $key: String) {
    createFairSlots(input: $input, idempotencyKey: $key) { replayed errors { code field message } slots { ${SLOT_FIELDS} } }
  }`;
const DELETE_SLOT = /* GraphQL */ `
  mutation DeleteSlot($id: ID!) { deleteFairSlot(id: $id) { deletedSlotId replayed errors { code field message } } }`;
const REQUEST = /* GraphQL */ `
  mutation Request($input: RequestFairMeetingInput!, $key: String) {
    requestFairMeeting(input: $input, idempotencyKey: $key) { replayed errors { code field message } meeting { ${MEETING_FIELDS} } }
  }`;
const ACCEPT = /* GraphQL */ `
  mutation Accept($id: ID!, $note: String) { acceptFairMeeting(id: $id, note: $note) { errors { code field message } meeting { ${MEETING_FIELDS} } } }`;
const DECLINE = /* GraphQL */ `
  mutation Decline($id: ID!, $note: String) { declineFairMeeting(id: $id, note: $note) { errors { code field message } meeting { ${MEETING_FIELDS} } } }`;
const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!, $reason: String) { cancelFairMeeting(id: $id, reason: $reason) { errors { code field message } meeting { ${MEETING_FIELDS} } } }`;
const MEETINGS = /* GraphQL */ `
  query Meetings($filter: FairMeetingFilter, $first: Int, $after: String) {
    fairMeetings(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${MEETING_FIELDS} } }
  }`;
const NODE = /* GraphQL */ `query Node($id: ID!) { node(id: $id) { id ... on FairMeeting { ${MEETING_FIELDS} } } }`;
const EXHIBITOR_SLOTS = /* GraphQL */ `
  query Slots($id: ID!, $from: DateTime, $to: DateTime, $onlyFree: Boolean, $first: Int, $after: String) {
    node(id: $id) { ... on FairExhibitor { slots(from: $from, to: $to, onlyFree: $onlyFree, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { ${SLOT_FIELDS} } } } }
  }`;

let s: TestServer;
let w: FairWorld;
let sql: pg.Client;
const contact = { name: '王采购', phone: '+86 23 6888 0000', email: 'buyer@example.cn' };
const exhibitorContact = (i: number) => ({ name: '联系人', phone: `+86 23 6000 000${i}`, email: `x${i}@example.cn` });
const keyOf = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

/**
 * A request sent as a client should: a SERVICE_UNAVAILABLE (every database connection busy, which a
 * loaded machine can give a burst of concurrent mutations) is sent again after its Retry-After.
 */
async function asAClient<T extends { errors?: { extensions?: Record<string, any> }[] }>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const r = await send();
    const busy = r.errors?.[0]?.extensions;
    if (busy?.code !== 'SERVICE_UNAVAILABLE' || attempt === 3) return r;
    await new Promise((done) => setTimeout(done, Number(busy.retryAfterSeconds ?? 1) * 1000));
  }
}

/** Creates slots for an exhibitor (its key), expecting success; returns their IDs in the order given. */
async function slots(key: string, times: { startsAt: string; endsAt: string; location?: string }[]): Promise<string[]> {
  const r = expectData(await s.gql<any>(CREATE_SLOTS, { input: { slots: times } }, bearer(key))).createFairSlots;
  expect(r.errors).toEqual([]);
  return r.slots.map((x: { id: string }) => x.id);
}

/** A buyer's request for a slot, expecting success; returns the meeting. */
async function request(key: string, slotId: string, over: Record<string, unknown> = {}) {
  const r = expectData(await s.gql<any>(REQUEST, { input: { slotId, contact, ...over } }, bearer(key))).requestFairMeeting;
  expect(r.errors).toEqual([]);
  return r.meeting;
}

/** Listeners per topic on the in-memory bus: a subscription is live once its listener is there. */
let listeners: Map<string, number>;
const listening = () => [...listeners.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  listeners = countingPubSub();
  // The sweeper is called by the expiry test itself.
  s = await startTestServer(__filename, { config: { holdSweepMs: 3_600_000 } });
  w = await makeFairWorld(s.databaseUrl, [
    {
      ref: 'moto-250',
      owner: 'moto',
      kind: 'OFFER',
      nameZh: '250cc 街车',
      nameEn: '250cc street motorcycle',
      category: 'motorcycles-and-parts',
    },
    {
      ref: 'moto-draft',
      owner: 'moto',
      kind: 'OFFER',
      status: 'DRAFT',
      nameZh: '电动摩托车（草稿）',
      nameEn: 'Electric motorcycle (draft)',
      category: 'motorcycles-and-parts',
    },
    { ref: 'moto-old', owner: 'moto', kind: 'OFFER', status: 'WITHDRAWN', nameZh: '旧款', nameEn: 'Old model', category: 'motorcycles-and-parts' },
    { ref: 'laptop-14', owner: 'laptop', kind: 'OFFER', nameZh: '14英寸笔记本电脑', nameEn: '14-inch laptop', category: 'laptops-tablets' },
  ]);
  sql = new pg.Client({ connectionString: s.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await s?.close();
});

describe('slots', () => {
  it('an exhibitor offers slots with its key, all at once; they are public, earliest first, free, never saying who booked them', async () => {
    // given three slots of the moto exhibitor, given out of order, one in a meeting room
    const times = [slotTimes(w, 0, '10:00'), { ...slotTimes(w, 0, '09:00', 20), location: '  会议室 M1-2  ' }, slotTimes(w, 1, '14:00', 45)];
    // when it creates them (no exhibitorId: its enterprise exhibits at one edition)
    const r = expectData(await s.gql<any>(CREATE_SLOTS, { input: { slots: times } }, bearer(w.exhibitors.moto.key))).createFairSlots;
    // then they come back in the order given, bounded and trimmed
    expect(r.errors).toEqual([]);
    expect(r.replayed).toBe(false);
    expect(r.slots).toEqual([
      {
        id: expect.any(String),
        ...slotTimes(w, 0, '10:00'),
        durationMinutes: 30,
        location: null,
        isFree: true,
        hasStarted: false,
        exhibitor: { booth: 'M1-A01' },
      },
      {
        id: expect.any(String),
        ...slotTimes(w, 0, '09:00', 20),
        durationMinutes: 20,
        location: '会议室 M1-2',
        isFree: true,
        hasStarted: false,
        exhibitor: { booth: 'M1-A01' },
      },
      {
        id: expect.any(String),
        ...slotTimes(w, 1, '14:00', 45),
        durationMinutes: 45,
        location: null,
        isFree: true,
        hasStarted: false,
        exhibitor: { booth: 'M1-A01' },
      },
    ]);
    // and anyone reads them on the exhibitor's page, earliest first, and pages through them
    const exhibitor = toGlobalId('FairExhibitor', w.exhibitors.moto.exhibitorId);
    const page = expectData(await s.gql<any>(EXHIBITOR_SLOTS, { id: exhibitor, first: 2 })).node.slots;
    expect(page.nodes.map((n: { id: string }) => n.id)).toEqual([r.slots[1].id, r.slots[0].id]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = expectData(await s.gql<any>(EXHIBITOR_SLOTS, { id: exhibitor, first: 2, after: page.pageInfo.endCursor })).node.slots;
    expect(rest.nodes.map((n: { id: string }) => n.id)).toEqual([r.slots[2].id]);
    // and `from`/`to` bound their start
    const day1 = expectData(
      await s.gql<any>(EXHIBITOR_SLOTS, { id: exhibitor, from: slotTimes(w, 1, '00:00').startsAt, to: slotTimes(w, 2, '00:00').startsAt }),
    ).node.slots;
    expect(day1.nodes.map((n: { id: string }) => n.id)).toEqual([r.slots[2].id]);
    // and a slot's node is public
    const node = expectData(
      await s.gql<any>(`query($id: ID!) { node(id: $id) { ... on FairSlot { startsAt isFree exhibitor { booth } } } }`, { id: r.slots[0].id }),
    );
    expect(node.node).toEqual({ startsAt: slotTimes(w, 0, '10:00').startsAt, isFree: true, exhibitor: { booth: 'M1-A01' } });
  });

  it('overlapping slots are refused, naming the input index, and nothing is written', async () => {
    // given a slot of the laptop exhibitor at 09:00–09:30 on day 0
    const [existing] = await slots(w.exhibitors.laptop.key, [slotTimes(w, 0, '09:00')]);
    const count = async () =>
      (await sql.query('select count(*)::int as n from fair_slot where exhibitor_id = $1', [w.exhibitors.laptop.exhibitorId])).rows[0].n;
    expect(await count()).toBe(1);
    // when it adds a batch where slots[2] overlaps slots[0], and slots[1] overlaps the existing slot
    const r = expectData(
      await s.gql<any>(
        CREATE_SLOTS,
        { input: { slots: [slotTimes(w, 0, '11:00'), slotTimes(w, 0, '09:15'), slotTimes(w, 0, '11:20', 10), slotTimes(w, 0, '12:00')] } },
        bearer(w.exhibitors.laptop.key),
      ),
    ).createFairSlots;
    // then the in-batch overlap is refused first (both named), with nothing written
    expect(r.slots).toEqual([]);
    expect(r.errors).toEqual([
      {
        code: 'SLOT_OVERLAPS',
        field: ['input', 'slots', '2'],
        message: `slots[2] overlaps slots[0] (${slotTimes(w, 0, '11:00').startsAt} to ${slotTimes(w, 0, '11:00').endsAt})`,
      },
    ]);
    // and without it, the overlap with the stored slot is refused, in the edition's local time
    const r2 = expectData(
      await s.gql<any>(CREATE_SLOTS, { input: { slots: [slotTimes(w, 0, '11:00'), slotTimes(w, 0, '09:15')] } }, bearer(w.exhibitors.laptop.key)),
    ).createFairSlots;
    expect(r2.errors).toEqual([
      {
        code: 'SLOT_OVERLAPS',
        field: ['input', 'slots', '1'],
        message: `slots[1] overlaps the exhibitor’s slot ${w.startsOn} 09:00–09:30 (Asia/Shanghai)`,
      },
    ]);
    expect(await count()).toBe(1);
    // and slots that touch do not overlap
    await slots(w.exhibitors.laptop.key, [slotTimes(w, 0, '09:30'), slotTimes(w, 0, '08:30')]);
    expect(await count()).toBe(3);
    expect(existing).toEqual(expect.any(String));
  });

  it('bad slots are refused with their field and a typed code, nothing written', async () => {
    const before = (await sql.query('select count(*)::int as n from fair_slot')).rows[0].n;
    const refuse = async (input: Record<string, unknown>, key = w.exhibitors.food.key) =>
      expectData(await s.gql<any>(CREATE_SLOTS, { input }, bearer(key))).createFairSlots.errors;
    const past = new Date(Date.now() - 3_600_000);
    expect(await refuse({ slots: [] })).toEqual([{ code: 'INVALID', field: ['input', 'slots'], message: 'Give at least one slot' }]);
    const from = Date.parse(slotTimes(w, 0, '00:00').startsAt);
    const many = Array.from({ length: 201 }, (_, i) => ({
      startsAt: new Date(from + i * 300_000).toISOString(),
      endsAt: new Date(from + (i + 1) * 300_000).toISOString(),
    }));
    expect(await refuse({ slots: many })).toEqual([
      { code: 'INVALID', field: ['input', 'slots'], message: 'Give at most 200 slots in one call (got 201); add more in another call' },
    ]);
    expect(await refuse({ slots: [slotTimes(w, 0, '10:00', 4), slotTimes(w, 0, '12:00', 241)] })).toEqual([
      { code: 'INVALID', field: ['input', 'slots', '0', 'endsAt'], message: 'A slot lasts 5–240 minutes (got 4)' },
      { code: 'INVALID', field: ['input', 'slots', '1', 'endsAt'], message: 'A slot lasts 5–240 minutes (got 241)' },
    ]);
    const t = slotTimes(w, 0, '10:00');
    expect(await refuse({ slots: [{ startsAt: t.endsAt, endsAt: t.startsAt }] })).toEqual([
      { code: 'INVALID', field: ['input', 'slots', '0', 'endsAt'], message: `endsAt (${t.startsAt}) must be after startsAt (${t.endsAt})` },
    ]);
    expect(await refuse({ slots: [{ startsAt: past.toISOString(), endsAt: new Date(past.getTime() + 1_800_000).toISOString() }] })).toEqual([
      {
        code: 'INVALID',
        field: ['input', 'slots', '0', 'startsAt'],
        message: `startsAt (${past.toISOString()}) is in the past; slots are for meetings still to come`,
      },
    ]);
    // outside the edition's days in its time zone: 08:00 in Chongqing the day before; past midnight after the last day (ending at midnight is inside)
    const lastDay = new Date(`${w.startsOn}T00:00:00Z`);
    lastDay.setUTCDate(lastDay.getUTCDate() + 2);
    const edition = `the edition’s days, ${w.startsOn} to ${lastDay.toISOString().slice(0, 10)} (Asia/Shanghai)`;
    expect(await refuse({ slots: [slotTimes(w, -1, '08:00'), slotTimes(w, 2, '23:50', 20), slotTimes(w, 1, '23:30')] })).toEqual([
      { code: 'INVALID', field: ['input', 'slots', '0', 'startsAt'], message: `startsAt (${slotTimes(w, -1, '08:00').startsAt}) is before ${edition}` },
      { code: 'INVALID', field: ['input', 'slots', '1', 'endsAt'], message: `endsAt (${slotTimes(w, 2, '23:50', 20).endsAt}) is after ${edition}` },
    ]);
    expect(await refuse({ slots: [{ ...t, location: 'x'.repeat(121) }] })).toEqual([
      { code: 'INVALID', field: ['input', 'slots', '0', 'location'], message: 'location must be at most 120 characters (got 121)' },
    ]);
    expect(await refuse({ slots: [{ ...t, location: 'Room\u0007' }] })).toEqual([
      {
        code: 'INVALID',
        field: ['input', 'slots', '0', 'location'],
        message: 'location contains the control character U+0007; use one line of text without control characters, tabs or line breaks',
      },
    ]);
    expect(await refuse({ exhibitorId: 'nope', slots: [t] })).toEqual([
      { code: 'INVALID', field: ['input', 'exhibitorId'], message: '"nope" is not a valid FairExhibitor ID' },
    ]);
    // another exhibitor's slots, a buyer that exhibits nowhere, no key
    expect(await refuse({ exhibitorId: toGlobalId('FairExhibitor', w.exhibitors.moto.exhibitorId), slots: [t] })).toEqual([
      { code: 'FORBIDDEN', field: ['input', 'exhibitorId'], message: 'Only the exhibitor’s own enterprise can change its slots' },
    ]);
    expect(await refuse({ exhibitorId: toGlobalId('FairExhibitor', 999_999), slots: [t] })).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'exhibitorId'], message: 'No such fair exhibitor' },
    ]);
    expect(await refuse({ slots: [t] }, w.buyer.key)).toEqual([
      {
        code: 'NOT_AN_EXHIBITOR',
        field: ['input', 'exhibitorId'],
        message: 'Your enterprise exhibits at no edition that has not ended; only exhibitors offer meeting slots',
      },
    ]);
    const anonymous = await s.gql<any>(CREATE_SLOTS, { input: { slots: [t] } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await sql.query('select count(*)::int as n from fair_slot')).rows[0].n).toBe(before);
  });

  it('an ended edition’s slots no longer change (EDITION_OVER)', async () => {
    // given the buyer's enterprise exhibited at an edition that ended yesterday
    const {
      rows: [old],
    } = await sql.query(
      `with e as (insert into fair_edition (slug, name_zh, name_en, starts_on, ends_on, venue_zh, venue_en, address)
         values ('t-fair-old', '往届', 'Past fair', current_date - 5, current_date - 1, '场馆', 'Venue', '地址') returning id),
       h as (insert into fair_hall (edition_id, code, name_zh, name_en, theme_zh, theme_en) select id, 'X1', 'X1馆', 'Hall X1', '综合', 'General' from e returning id, edition_id)
       insert into fair_exhibitor (edition_id, enterprise_id, hall_id, booth, profile_zh, profile_en, contact_name)
       select h.edition_id, $1, h.id, 'X1-01', '简介', 'Profile', '联系人' from h returning id`,
      [w.buyer.enterpriseId],
    );
    // when it adds a slot to that exhibitor
    const r = expectData(
      await s.gql<any>(CREATE_SLOTS, { input: { exhibitorId: toGlobalId('FairExhibitor', old.id), slots: [slotTimes(w, 0, '10:00')] } }, bearer(w.buyer.key)),
    ).createFairSlots;
    // then it is told the edition is over
    expect(r.errors).toEqual([
      {
        code: 'EDITION_OVER',
        field: ['input', 'exhibitorId'],
        message: expect.stringMatching(/^The edition ended on \d{4}-\d{2}-\d{2}; its slots no longer change$/),
      },
    ]);
    // and the buyer still exhibits at no edition to come
    const none = expectData(await s.gql<any>(CREATE_SLOTS, { input: { slots: [slotTimes(w, 0, '10:00')] } }, bearer(w.buyer.key))).createFairSlots;
    expect(none.errors[0].code).toBe('NOT_AN_EXHIBITOR');
  });

  it('idempotent: the same key gives the same slots once; another input with it is refused', async () => {
    const input = { slots: [slotTimes(w, 2, '16:00'), slotTimes(w, 2, '16:30')] };
    const first = expectData(await s.gql<any>(CREATE_SLOTS, { input, key: 'slots-once' }, bearer(w.exhibitors.food.key))).createFairSlots;
    const again = expectData(await s.gql<any>(CREATE_SLOTS, { input, key: 'slots-once' }, bearer(w.exhibitors.food.key))).createFairSlots;
    expect(first.errors).toEqual([]);
    expect(again).toEqual({ ...first, replayed: true });
    const other = expectData(
      await s.gql<any>(CREATE_SLOTS, { input: { slots: [slotTimes(w, 2, '17:00')] }, key: 'slots-once' }, bearer(w.exhibitors.food.key)),
    ).createFairSlots;
    expect(other.errors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      (
        await sql.query(`select count(*)::int as n from fair_slot where exhibitor_id = $1 and starts_at >= $2`, [
          w.exhibitors.food.exhibitorId,
          input.slots[0].startsAt,
        ])
      ).rows[0].n,
    ).toBe(2);
  });

  it('a slot is removed by its exhibitor only, not while a meeting holds it nor once started', async () => {
    const [free, held, started] = await slots(w.exhibitors.moto.key, [slotTimes(w, 2, '09:00'), slotTimes(w, 2, '10:00'), slotTimes(w, 2, '11:00')]);
    const del = async (id: string, key: string) => expectData(await s.gql<any>(DELETE_SLOT, { id }, bearer(key))).deleteFairSlot;
    // another enterprise, an unknown slot
    expect((await del(free, w.exhibitors.laptop.key)).errors).toEqual([
      { code: 'FORBIDDEN', field: ['id'], message: 'Only the exhibitor’s own enterprise can remove its slots' },
    ]);
    expect((await del(toGlobalId('FairSlot', 999_999), w.exhibitors.moto.key)).errors).toEqual([
      { code: 'NOT_FOUND', field: ['id'], message: 'No such fair slot' },
    ]);
    // a slot with a request waiting
    const meeting = await request(w.buyer.key, held);
    expect((await del(held, w.exhibitors.moto.key)).errors).toEqual([
      { code: 'SLOT_BOOKED', field: ['id'], message: 'A meeting is requested in this slot: decline it first' },
    ]);
    // once declined, it goes (with its ended meeting)
    expect(expectData(await s.gql<any>(DECLINE, { id: meeting.id }, bearer(w.exhibitors.moto.key))).declineFairMeeting.errors).toEqual([]);
    expect(await del(held, w.exhibitors.moto.key)).toEqual({ deletedSlotId: held, replayed: false, errors: [] });
    // a started slot stays in the schedule
    await sql.query(`update fair_slot set starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' where id = $1`, [keyOf(started)]);
    expect((await del(started, w.exhibitors.moto.key)).errors).toEqual([
      { code: 'SLOT_STARTED', field: ['id'], message: 'The slot has started: past slots stay in the schedule with their meetings' },
    ]);
    expect(await del(free, w.exhibitors.moto.key)).toEqual({ deletedSlotId: free, replayed: false, errors: [] });
    expect((await sql.query('select id from fair_slot where id = any($1)', [[keyOf(free), keyOf(held), keyOf(started)]])).rows).toEqual([
      { id: keyOf(started) },
    ]);
  });

  it('a slot removed while it is requested: either the request wins (SLOT_BOOKED) or the removal does (NOT_FOUND), never a lost meeting', async () => {
    // nine slots, each requested (three each by three enterprises: within the limit per exhibitor) while it is removed
    const times = Array.from({ length: 9 }, (_, i) => slotTimes(w, 2, `${String(12 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, 20));
    const ids = await slots(w.exhibitors.laptop.key, times);
    const requesters = [w.buyer.key, w.exhibitors.food.key, w.exhibitors.moto.key];
    const outcomes = await Promise.all(
      ids.map(async (id, i) => {
        const [req, del] = await Promise.all([
          s.gql<any>(REQUEST, { input: { slotId: id, contact } }, bearer(requesters[i % 3])),
          s.gql<any>(DELETE_SLOT, { id }, bearer(w.exhibitors.laptop.key)),
        ]);
        return [expectData(req).requestFairMeeting.errors[0]?.code ?? 'GRANTED', expectData(del).deleteFairSlot.errors[0]?.code ?? 'DELETED'].join(' ');
      }),
    );
    for (const o of outcomes) expect(['GRANTED SLOT_BOOKED', 'NOT_FOUND DELETED']).toContain(o);
    const { rows } = await sql.query(
      `select count(*) filter (where s.id is not null)::int as slots, count(m.id)::int as meetings
       from unnest($1::int[]) k(id) left join fair_slot s on s.id = k.id left join fair_meeting m on m.slot_id = k.id`,
      [ids.map(keyOf)],
    );
    expect(rows[0]).toEqual({
      slots: outcomes.filter((o) => o.startsWith('GRANTED')).length,
      meetings: outcomes.filter((o) => o.startsWith('GRANTED')).length,
    });
    // (the requests granted are cancelled again: each requester may hold three with the laptop exhibitor)
    await sql.query(`update fair_meeting set status = 'CANCELLED' where slot_id = any($1)`, [ids.map(keyOf)]);
  });
});

describe('meetings', () => {
  it('the whole flow: requested, seen by both sides with their own contact only, accepted with contacts shown, cancelled, and the slot free again', async () => {
    // given a free slot of the moto exhibitor
    const [slot] = await slots(w.exhibitors.moto.key, [slotTimes(w, 1, '09:00')]);
    const listing = toGlobalId('FairListing', w.listings['moto-250']);
    // when the buyer requests a meeting about a listing of the exhibitor
    const r = expectData(
      await s.gql<any>(
        REQUEST,
        { input: { slotId: slot, listingId: listing, message: '想了解出口欧洲的价格。\n谢谢', contact: { ...contact, name: ' 王采购 ' } } },
        bearer(w.buyer.key),
      ),
    ).requestFairMeeting;
    // then the meeting is REQUESTED, the slot held, and the buyer sees its own contact only
    expect(r.errors).toEqual([]);
    const m = r.meeting;
    expect(m).toEqual({
      id: expect.any(String),
      status: 'REQUESTED',
      viewerRole: 'BUYER',
      message: '想了解出口欧洲的价格。\n谢谢',
      responseNote: null,
      respondedAt: null,
      slot: { id: slot, startsAt: slotTimes(w, 1, '09:00').startsAt, isFree: false },
      exhibitor: { booth: 'M1-A01' },
      buyer: { id: toGlobalId('Enterprise', w.buyer.enterpriseId) },
      listing: { id: listing },
      exhibitorContact: null,
      buyerContact: contact,
    });
    // and the exhibitor sees it among its meetings, with its own contact but not yet the buyer's
    const asExhibitor = expectData(
      await s.gql<any>(MEETINGS, { filter: { role: 'EXHIBITOR', statuses: ['REQUESTED'] } }, bearer(w.exhibitors.moto.key)),
    ).fairMeetings;
    expect(asExhibitor.nodes.find((n: { id: string }) => n.id === m.id)).toMatchObject({
      viewerRole: 'EXHIBITOR',
      exhibitorContact: exhibitorContact(0),
      buyerContact: null,
    });
    // and the slot is no longer among those one can request
    const exhibitor = toGlobalId('FairExhibitor', w.exhibitors.moto.exhibitorId);
    const free = expectData(await s.gql<any>(EXHIBITOR_SLOTS, { id: exhibitor, onlyFree: true, first: 100 })).node.slots.nodes;
    expect(free.map((n: { id: string }) => n.id)).not.toContain(slot);

    // when the exhibitor accepts with a note
    const accepted = expectData(await s.gql<any>(ACCEPT, { id: m.id, note: '展位见，带样品' }, bearer(w.exhibitors.moto.key))).acceptFairMeeting;
    // then both see each other's contact
    expect(accepted.errors).toEqual([]);
    expect(accepted.meeting).toMatchObject({
      status: 'ACCEPTED',
      responseNote: '展位见，带样品',
      exhibitorContact: exhibitorContact(0),
      buyerContact: contact,
    });
    expect(accepted.meeting.respondedAt).toEqual(expect.any(String));
    const seenByBuyer = expectData(await s.gql<any>(NODE, { id: m.id }, bearer(w.buyer.key))).node;
    expect(seenByBuyer).toMatchObject({ status: 'ACCEPTED', viewerRole: 'BUYER', exhibitorContact: exhibitorContact(0), buyerContact: contact });
    // and an answer twice is refused
    for (const op of [ACCEPT, DECLINE]) {
      const again = expectData(await s.gql<any>(op, { id: m.id }, bearer(w.exhibitors.moto.key)));
      expect(Object.values(again)[0]).toEqual({ errors: [{ code: 'MEETING_NOT_PENDING', field: ['id'], message: 'The meeting is accepted' }], meeting: null });
    }

    // when the buyer cancels, giving a reason
    const cancelled = expectData(await s.gql<any>(CANCEL, { id: m.id, reason: '行程变更' }, bearer(w.buyer.key))).cancelFairMeeting;
    // then it is CANCELLED, contacts are hidden again, and the slot is free for others
    expect(cancelled.errors).toEqual([]);
    expect(cancelled.meeting).toMatchObject({
      status: 'CANCELLED',
      responseNote: '行程变更',
      exhibitorContact: null,
      buyerContact: contact,
      slot: { isFree: true },
    });
    const twice = expectData(await s.gql<any>(CANCEL, { id: m.id }, bearer(w.exhibitors.moto.key))).cancelFairMeeting;
    expect(twice.errors).toEqual([{ code: 'MEETING_NOT_PENDING', field: ['id'], message: 'The meeting is cancelled' }]);
    const next = await request(w.exhibitors.food.key, slot, { contact: { name: '食品采购', email: 'food@example.cn' } });
    expect(next).toMatchObject({ status: 'REQUESTED', viewerRole: 'BUYER', buyerContact: { name: '食品采购', phone: null, email: 'food@example.cn' } });
    // and the exhibitor may cancel an accepted meeting too
    expect(expectData(await s.gql<any>(ACCEPT, { id: next.id }, bearer(w.exhibitors.moto.key))).acceptFairMeeting.errors).toEqual([]);
    const byExhibitor = expectData(await s.gql<any>(CANCEL, { id: next.id }, bearer(w.exhibitors.moto.key))).cancelFairMeeting;
    expect(byExhibitor.meeting).toMatchObject({ status: 'CANCELLED', viewerRole: 'EXHIBITOR', buyerContact: null, exhibitorContact: exhibitorContact(0) });
  });

  it('rights: only the two sides see a meeting; the buyer cannot answer it; others get NOT_FOUND; anonymous callers UNAUTHENTICATED', async () => {
    const [slot, earlier] = await slots(w.exhibitors.moto.key, [slotTimes(w, 1, '10:00'), slotTimes(w, 1, '07:00')]);
    const m = await request(w.buyer.key, slot);
    await request(w.buyer.key, earlier);
    // a stranger (another exhibitor) finds nothing
    expect(expectData(await s.gql<any>(NODE, { id: m.id }, bearer(w.exhibitors.laptop.key))).node).toBeNull();
    const theirs = expectData(await s.gql<any>(MEETINGS, {}, bearer(w.exhibitors.laptop.key))).fairMeetings;
    expect(theirs.nodes.map((n: { id: string }) => n.id)).not.toContain(m.id);
    for (const op of [ACCEPT, DECLINE, CANCEL]) {
      const r = expectData(await s.gql<any>(op, { id: m.id }, bearer(w.exhibitors.laptop.key)));
      expect(Object.values(r)[0]).toEqual({ errors: [{ code: 'NOT_FOUND', field: ['id'], message: 'No such fair meeting' }], meeting: null });
    }
    // the buyer may not answer its own request
    expect(expectData(await s.gql<any>(ACCEPT, { id: m.id }, bearer(w.buyer.key))).acceptFairMeeting.errors).toEqual([
      { code: 'FORBIDDEN', field: ['id'], message: 'Only the exhibitor answers a meeting request; you may cancel yours' },
    ]);
    // anonymous callers see nothing and may do nothing
    expect(expectData(await s.gql<any>(NODE, { id: m.id })).node).toBeNull();
    for (const [op, vars] of [
      [MEETINGS, {}],
      [REQUEST, { input: { slotId: slot, contact } }],
      [ACCEPT, { id: m.id }],
      [CANCEL, { id: m.id }],
      [DELETE_SLOT, { id: slot }],
    ] as const) {
      const r = await s.gql<any>(op, vars);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // and nothing changed
    expect((await sql.query('select status from fair_meeting where id = $1', [keyOf(m.id)])).rows[0].status).toBe('REQUESTED');
    // the exhibitor's list and the buyer's list both have it, in the order of their slots
    const buyers = expectData(await s.gql<any>(MEETINGS, { filter: { role: 'BUYER', edition: 't-fair' } }, bearer(w.buyer.key))).fairMeetings;
    expect(buyers.nodes.map((n: { id: string }) => n.id)).toContain(m.id);
    const starts = buyers.nodes.map((n: { slot: { startsAt: string } }) => n.slot.startsAt);
    expect(starts).toEqual([...starts].sort());
    // and pages through them without skipping or repeating one
    const ids = buyers.nodes.map((n: { id: string }) => n.id);
    expect(ids.length).toBeGreaterThan(1);
    const p1 = expectData(await s.gql<any>(MEETINGS, { filter: { role: 'BUYER' }, first: 1 }, bearer(w.buyer.key))).fairMeetings;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = expectData(
      await s.gql<any>(MEETINGS, { filter: { role: 'BUYER' }, first: 100, after: p1.pageInfo.endCursor }, bearer(w.buyer.key)),
    ).fairMeetings;
    expect([...p1.nodes, ...p2.nodes].map((n: { id: string }) => n.id)).toEqual(ids);
    expect(p1.totalCount).toBe(ids.length);
    const unknown = await s.gql<any>(MEETINGS, { filter: { edition: 'no-such-fair' } }, bearer(w.buyer.key));
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('bad requests are refused with their field and a typed code, nothing written', async () => {
    const [slot] = await slots(w.exhibitors.laptop.key, [slotTimes(w, 1, '15:00')]);
    const before = (await sql.query('select count(*)::int as n from fair_meeting')).rows[0].n;
    const refuse = async (input: Record<string, unknown>, key = w.buyer.key) =>
      expectData(await s.gql<any>(REQUEST, { input: { slotId: slot, contact, ...input } }, bearer(key))).requestFairMeeting.errors;
    expect(await refuse({}, w.exhibitors.laptop.key)).toEqual([{ code: 'OWN_SLOT', field: ['input', 'slotId'], message: 'This is your own exhibitor’s slot' }]);
    expect(await refuse({ slotId: toGlobalId('FairSlot', 999_999) })).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'slotId'], message: 'No such fair slot' },
    ]);
    expect(await refuse({ slotId: toGlobalId('FairListing', 1) })).toEqual([
      { code: 'INVALID', field: ['input', 'slotId'], message: `ID "${toGlobalId('FairListing', 1)}" is a FairListing, expected a FairSlot` },
    ]);
    expect(await refuse({ listingId: toGlobalId('FairListing', w.listings['moto-250']) })).toEqual([
      { code: 'INVALID', field: ['input', 'listingId'], message: 'The listing is not the exhibitor’s: name one of its listings, or none' },
    ]);
    expect(await refuse({ listingId: toGlobalId('FairListing', w.listings['moto-draft']) })).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'listingId'], message: 'No such fair listing' },
    ]);
    expect(await refuse({ contact: { name: '王', phone: null } })).toEqual([
      { code: 'INVALID', field: ['input', 'contact'], message: 'Give a phone, an e-mail or both: the exhibitor needs a way to reach you' },
    ]);
    expect(await refuse({ contact: { name: '  ', email: 'not-mail' } })).toEqual([
      { code: 'INVALID', field: ['input', 'contact', 'email'], message: '"not-mail" is not an e-mail address' },
      { code: 'INVALID', field: ['input', 'contact', 'name'], message: 'name must be 1–120 characters' },
    ]);
    expect(await refuse({ message: 'x'.repeat(1001) })).toEqual([
      { code: 'INVALID', field: ['input', 'message'], message: 'message must be at most 1000 characters (got 1001)' },
    ]);
    expect(await refuse({ contact: { ...contact, name: 'A\nB' } })).toEqual([
      {
        code: 'INVALID',
        field: ['input', 'contact', 'name'],
        message: 'name contains the control character U+000A; use one line of text without control characters, tabs or line breaks',
      },
    ]);
    expect((await sql.query('select count(*)::int as n from fair_meeting')).rows[0].n).toBe(before);
  });

  it('a listing of the exhibitor that is not published is refused', async () => {
    const [slot] = await slots(w.exhibitors.moto.key, [slotTimes(w, 1, '16:00')]);
    const r = expectData(
      await s.gql<any>(REQUEST, { input: { slotId: slot, contact, listingId: toGlobalId('FairListing', w.listings['moto-old']) } }, bearer(w.buyer.key)),
    ).requestFairMeeting;
    expect(r.errors).toEqual([{ code: 'INVALID', field: ['input', 'listingId'], message: 'The listing is withdrawn: name a published listing, or none' }]);
  });

  it('one buyer holds at most three meetings to come with one exhibitor (TOO_MANY_MEETINGS)', async () => {
    const ids = await slots(w.exhibitors.food.key, [slotTimes(w, 0, '13:00'), slotTimes(w, 0, '13:30'), slotTimes(w, 0, '14:00'), slotTimes(w, 0, '14:30')]);
    for (const id of ids.slice(0, 3)) await request(w.buyer.key, id);
    const r = expectData(await s.gql<any>(REQUEST, { input: { slotId: ids[3], contact } }, bearer(w.buyer.key))).requestFairMeeting;
    expect(r.errors).toEqual([
      {
        code: 'TOO_MANY_MEETINGS',
        field: ['input', 'slotId'],
        message: 'You already hold 3 meetings to come with this exhibitor (at most 3); wait for its answers or cancel one',
      },
    ]);
    // another buyer may still have the slot
    await request(w.exhibitors.laptop.key, ids[3]);
  });

  it('never books a slot twice: 50 concurrent requests from 50 enterprises give one meeting and 49 SLOT_TAKEN; a decline frees it for the next', async () => {
    // given a free slot and fifty buyers with their own keys
    const [slot] = await slots(w.exhibitors.moto.key, [slotTimes(w, 2, '15:00')]);
    const { rows } = await sql.query<{ id: number }>('select id from enterprise where id <> all($1) order by id limit 50', [
      [w.exhibitors.moto.enterpriseId, w.exhibitors.laptop.enterpriseId, w.exhibitors.food.enterpriseId, w.buyer.enterpriseId],
    ]);
    const keys: string[] = [];
    for (const r of rows) keys.push(await issueKey(s.databaseUrl, r.id));
    // when they all request it at once
    const results = await Promise.all(keys.map((k) => asAClient(() => s.gql<any>(REQUEST, { input: { slotId: slot, contact } }, bearer(k)))));
    // then exactly one is granted and the other 49 are told SLOT_TAKEN
    const payloads = results.map((r) => expectData(r).requestFairMeeting);
    const granted = payloads.filter((p) => p.errors.length === 0);
    expect(granted).toHaveLength(1);
    expect(payloads.filter((p) => p.errors[0]?.code === 'SLOT_TAKEN')).toHaveLength(49);
    expect(payloads.find((p) => p.errors.length)?.errors).toEqual([
      { code: 'SLOT_TAKEN', field: ['input', 'slotId'], message: 'Another meeting holds the slot; choose another slot' },
    ]);
    // and the database holds one meeting for the slot
    const count = async () =>
      (
        await sql.query(
          `select count(*)::int as n, count(*) filter (where status in ('REQUESTED', 'ACCEPTED'))::int as live from fair_meeting where slot_id = $1`,
          [keyOf(slot)],
        )
      ).rows[0];
    expect(await count()).toEqual({ n: 1, live: 1 });
    // when the exhibitor declines it, the next request is granted
    expect(
      expectData(await s.gql<any>(DECLINE, { id: granted[0].meeting.id, note: '时间冲突' }, bearer(w.exhibitors.moto.key))).declineFairMeeting.meeting,
    ).toMatchObject({
      status: 'DECLINED',
      responseNote: '时间冲突',
      slot: { isFree: true },
    });
    const loser = keys[results.findIndex((r) => r.data.requestFairMeeting.errors.length > 0)];
    expect((await request(loser, slot)).status).toBe('REQUESTED');
    expect(await count()).toEqual({ n: 2, live: 1 });
  });

  it('idempotent: concurrent retries with one key make one meeting and replay it; another input with the key is refused', async () => {
    const [slot, other] = await slots(w.exhibitors.laptop.key, [slotTimes(w, 2, '10:00'), slotTimes(w, 2, '11:00')]);
    const input = { slotId: slot, contact };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => asAClient(() => s.gql<any>(REQUEST, { input, key: 'meet-laptop-1' }, bearer(w.buyer.key)))),
    );
    const payloads = results.map((r) => expectData(r).requestFairMeeting);
    expect(payloads.every((p) => p.errors.length === 0)).toBe(true);
    expect(new Set(payloads.map((p) => p.meeting.id)).size).toBe(1);
    expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
    expect((await sql.query('select count(*)::int as n from fair_meeting where slot_id = $1', [keyOf(slot)])).rows[0].n).toBe(1);
    const reused = expectData(await s.gql<any>(REQUEST, { input: { ...input, slotId: other }, key: 'meet-laptop-1' }, bearer(w.buyer.key))).requestFairMeeting;
    expect(reused.errors[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['idempotencyKey'] });
    expect((await sql.query('select count(*)::int as n from fair_meeting where slot_id = $1', [keyOf(other)])).rows[0].n).toBe(0);
  });

  it('a request unanswered when its slot starts is EXPIRED at once in reads, then swept; started slots refuse requests and cancellations', async () => {
    // given a request and an accepted meeting in two slots of the food exhibitor
    const [a, b] = await slots(w.exhibitors.food.key, [slotTimes(w, 1, '08:00'), slotTimes(w, 1, '08:30')]);
    const requested = await request(w.exhibitors.moto.key, a);
    const accepted = await request(w.exhibitors.moto.key, b);
    expect(expectData(await s.gql<any>(ACCEPT, { id: accepted.id }, bearer(w.exhibitors.food.key))).acceptFairMeeting.errors).toEqual([]);
    // when their slots start (moved to now)
    await sql.query(`update fair_slot set starts_at = now() - interval '40 minutes', ends_at = now() - interval '10 minutes' where id = $1`, [keyOf(a)]);
    await sql.query(`update fair_slot set starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' where id = $1`, [keyOf(b)]);
    // then the unanswered request reads EXPIRED before any sweep, for both sides and in lists filtered by status
    expect((await sql.query('select status from fair_meeting where id = $1', [keyOf(requested.id)])).rows[0].status).toBe('REQUESTED');
    for (const key of [w.exhibitors.moto.key, w.exhibitors.food.key]) {
      expect(expectData(await s.gql<any>(NODE, { id: requested.id }, bearer(key))).node.status).toBe('EXPIRED');
    }
    const expiredList = expectData(await s.gql<any>(MEETINGS, { filter: { statuses: ['EXPIRED'] } }, bearer(w.exhibitors.food.key))).fairMeetings;
    expect(expiredList.nodes.map((n: { id: string }) => n.id)).toEqual([requested.id]);
    const waiting = expectData(await s.gql<any>(MEETINGS, { filter: { statuses: ['REQUESTED'], role: 'BUYER' } }, bearer(w.exhibitors.moto.key))).fairMeetings;
    expect(waiting.nodes.map((n: { id: string }) => n.id)).not.toContain(requested.id);
    // and it can no longer be answered or cancelled; the accepted one cannot be cancelled once started
    expect(expectData(await s.gql<any>(ACCEPT, { id: requested.id }, bearer(w.exhibitors.food.key))).acceptFairMeeting.errors).toEqual([
      { code: 'MEETING_NOT_PENDING', field: ['id'], message: 'The meeting expired: it was not answered before its slot began' },
    ]);
    expect(expectData(await s.gql<any>(CANCEL, { id: requested.id }, bearer(w.exhibitors.moto.key))).cancelFairMeeting.errors[0].code).toBe(
      'MEETING_NOT_PENDING',
    );
    expect(expectData(await s.gql<any>(CANCEL, { id: accepted.id }, bearer(w.exhibitors.moto.key))).cancelFairMeeting.errors).toEqual([
      { code: 'SLOT_STARTED', field: ['id'], message: 'The slot has started: a meeting can no longer be cancelled' },
    ]);
    // and a started slot cannot be requested, even once free
    const late = expectData(await s.gql<any>(REQUEST, { input: { slotId: a, contact } }, bearer(w.buyer.key))).requestFairMeeting;
    expect(late.errors).toEqual([{ code: 'SLOT_STARTED', field: ['input', 'slotId'], message: 'The slot has started or passed; choose one to come' }]);
    // when the sweeper runs, the request is written EXPIRED, the accepted meeting stays
    const swept = await expireMeetings(s.app.orm.em.fork());
    expect(swept.map((m) => m.id)).toEqual([keyOf(requested.id)]);
    expect(swept[0]).toMatchObject({ buyer_id: w.exhibitors.moto.enterpriseId, enterprise_id: w.exhibitors.food.enterpriseId, status: 'EXPIRED' });
    expect((await sql.query('select id, status from fair_meeting where id = any($1) order by id', [[keyOf(requested.id), keyOf(accepted.id)]])).rows).toEqual([
      { id: keyOf(requested.id), status: 'EXPIRED' },
      { id: keyOf(accepted.id), status: 'ACCEPTED' },
    ]);
    expect(await expireMeetings(s.app.orm.em.fork())).toEqual([]);
  });

  it('both sides hear of their meetings’ changes by subscription, and nobody else', async () => {
    const [slot] = await slots(w.exhibitors.laptop.key, [slotTimes(w, 0, '16:00')]);
    const SUB = /* GraphQL */ `subscription { fairMeetingChanged { status changedBy meeting { id status viewerRole buyerContact { name } exhibitorContact { name } } } }`;
    const until = async (what: string, cond: () => boolean) => {
      for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
      if (!cond()) throw new Error(`timed out waiting for ${what}`);
    };
    const before = listening();
    const clients = [w.exhibitors.laptop.key, w.buyer.key, w.exhibitors.moto.key].map((key) => wsClient(s.url, { authorization: `Bearer ${key}` }));
    const [exhibitor, buyer, stranger] = clients.map((c) => follow(c, SUB));
    try {
      await until('three subscriptions', () => listening() >= before + 3);
      const m = await request(w.buyer.key, slot);
      // then the exhibitor hears of the request, without the buyer's contact yet, and so does the buyer
      expect(await exhibitor.next()).toEqual({
        data: {
          fairMeetingChanged: {
            status: 'REQUESTED',
            changedBy: 'BUYER',
            meeting: { id: m.id, status: 'REQUESTED', viewerRole: 'EXHIBITOR', buyerContact: null, exhibitorContact: { name: '联系人' } },
          },
        },
      });
      expect((await buyer.next()).data?.fairMeetingChanged.meeting).toMatchObject({ viewerRole: 'BUYER', exhibitorContact: null });
      // when the exhibitor accepts, the buyer hears of it with both contacts
      expect(expectData(await s.gql<any>(ACCEPT, { id: m.id }, bearer(w.exhibitors.laptop.key))).acceptFairMeeting.errors).toEqual([]);
      expect(await buyer.next()).toEqual({
        data: {
          fairMeetingChanged: {
            status: 'ACCEPTED',
            changedBy: 'EXHIBITOR',
            meeting: { id: m.id, status: 'ACCEPTED', viewerRole: 'BUYER', buyerContact: { name: '王采购' }, exhibitorContact: { name: '联系人' } },
          },
        },
      });
      expect((await exhibitor.next()).data?.fairMeetingChanged.status).toBe('ACCEPTED');
      // and another enterprise heard of neither
      expect(stranger.messages).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('costs: createFairSlots is its mutation (10) and one per slot asked for; a meeting mutation is 10 and its records', async () => {
    const r = await s.gql<any>(
      `mutation($input: CreateFairSlotsInput!) { createFairSlots(input: $input) { errors { code } slots { id } } }`,
      { input: { slots: [slotTimes(w, 2, '18:00'), slotTimes(w, 2, '18:30'), slotTimes(w, 2, '19:00')] } },
      bearer(w.exhibitors.moto.key),
    );
    expect(expectData(r).createFairSlots.errors).toEqual([]);
    expect(r.extensions?.cost).toMatchObject({ requestedQueryCost: 13, actualQueryCost: 13 });
    const m = await s.gql<any>(
      `mutation($input: RequestFairMeetingInput!) { requestFairMeeting(input: $input) { errors { code } meeting { id slot { id } exhibitor { id } } } }`,
      { input: { slotId: expectData(r).createFairSlots.slots[0].id, contact } },
      bearer(w.buyer.key),
    );
    expect(expectData(m).requestFairMeeting.errors).toEqual([]);
    expect(m.extensions?.cost).toMatchObject({ requestedQueryCost: 13, actualQueryCost: 13 });
  });
});
