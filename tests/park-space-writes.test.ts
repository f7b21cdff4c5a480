/**
 * A park's operator publishes and manages the park's space through the GraphQL API (issue 15,
 * point 3: "parks publish available space"): the park's record names its operator by credit code
 * (import unit `parks`), shown on `IndustrialPark.operator`; that enterprise's API key publishes
 * space (listed and matched at once), changes it, lets it, frees it and withdraws it for good.
 * Another enterprise's key gets NOT_PARK_OPERATOR, no key UNAUTHENTICATED; a retry with the same
 * idempotency key is a replay; bad input is INVALID naming the field, with the import's own
 * bounds and messages. The world is the test's own parks in 长寿 (500115), where the sample has none.
 */
import 'reflect-metadata';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/ids';
import type { Dataset } from '../src/import';
import { importInto } from './helpers/import';
import { bearer, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
/** The operator's key (enterprise `op`), another enterprise's key. */
let opKey: string;
let otherKey: string;
let op: { id: number; creditCode: string };
let parkId: string;
let unrunParkId: string;

const park = (slug: string, over: Record<string, unknown> = {}) => ({
  slug,
  nameZh: `写入测试园区${slug}`,
  nameEn: `Write test park ${slug}`,
  kind: 'LOGISTICS_WAREHOUSING',
  districtCode: '500115',
  latitude: 29.85,
  longitude: 107.08,
  publicServices: ['CUSTOMS_DECLARATION'],
  isSample: false,
  ...over,
});

const importWorld = (ds: Dataset) => importInto(s.databaseUrl, ds);

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: s.databaseUrl });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const PARKS = /* GraphQL */ `
  query Parks($filter: ParkFilter) {
    industrialParks(filter: $filter, first: 10) { nodes { id slug operator { creditCode nameZh } } }
  }`;

beforeAll(async () => {
  s = await startTestServer(__filename);
  const [a, b] = await query<{ id: number; credit_code: string }>('select id, credit_code from enterprise order by id limit 2');
  op = { id: a.id, creditCode: a.credit_code };
  await importWorld({ parks: [park('pw-run', { operatorCreditCode: op.creditCode }), park('pw-unrun')] });
  opKey = await issueKey(s.databaseUrl, a.id);
  otherKey = await issueKey(s.databaseUrl, b.id);
  const parks = expectData(await s.gql(PARKS, { filter: { districts: ['500115'] } })).industrialParks.nodes as { id: string; slug: string }[];
  parkId = parks.find((p) => p.slug === 'pw-run')!.id;
  unrunParkId = parks.find((p) => p.slug === 'pw-unrun')!.id;
});
afterAll(() => s?.close());

const SPACE_FIELDS = /* GraphQL */ `id ref nameZh nameEn descriptionZh kind areaM2 minDivisibleM2 floor status availableFrom minTermMonths
  monthlyRentPerM2 { amount currency } isSample park { slug } contact { name email phone }`;
const RESULT = `space { ${SPACE_FIELDS} } errors { code field message } replayed`;
const PUBLISH = /* GraphQL */ `
  mutation Publish($input: ParkSpaceInput!, $key: String) { publishParkSpace(input: $input, idempotencyKey: $key) { ${RESULT} } }`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: ParkSpaceUpdateInput!, $key: String) { updateParkSpace(id: $id, input: $input, idempotencyKey: $key) { ${RESULT} } }`;
const STATUS = /* GraphQL */ `
  mutation Status($id: ID!, $status: ParkSpaceStatus!, $key: String) { setParkSpaceStatus(id: $id, status: $status, idempotencyKey: $key) { ${RESULT} } }`;
const LIST = /* GraphQL */ `
  query List($filter: ParkSpaceFilter) { parkSpaces(filter: $filter, first: 50) { totalCount nodes { ref status } } }`;
const MATCHES = /* GraphQL */ `
  query Matches($need: ParkSpaceNeedInput!) {
    parkSpaceMatches(need: $need, first: 10) { fullMatchCount matches { isNearMiss areaM2Let monthlyRent { amount } space { ref park { slug } } } }
  }`;

type Err = { code: string; field: string[] | null; message: string };
type Space = Record<string, any> & { id: string; ref: string; status: string };
type Result = { space: Space | null; errors: Err[]; replayed: boolean };

/** A space input for the operator's park, with `over` replacing fields. */
const input = (ref: string, over: Record<string, unknown> = {}) => ({
  parkId,
  ref,
  nameZh: `长寿展示厅${ref}`,
  nameEn: `Changshou showroom ${ref}`,
  kind: 'SHOWROOM',
  areaM2: 300,
  monthlyRentPerM2: '42.5',
  availableFrom: '2026-01-01',
  minTermMonths: 6,
  contact: { name: '园区招商部', email: 'leasing@pw-run.example.cn', phone: '+86 23 4000 1234' },
  ...over,
});

const publish = async (vars: Record<string, unknown>, key = opKey) =>
  expectData(await s.gql<{ publishParkSpace: Result }>(PUBLISH, vars, bearer(key))).publishParkSpace;
const update = async (vars: Record<string, unknown>, key = opKey) =>
  expectData(await s.gql<{ updateParkSpace: Result }>(UPDATE, vars, bearer(key))).updateParkSpace;
const setStatus = async (vars: Record<string, unknown>, key = opKey) =>
  expectData(await s.gql<{ setParkSpaceStatus: Result }>(STATUS, vars, bearer(key))).setParkSpaceStatus;
const listed = async (filter: Record<string, unknown>, key?: string) =>
  expectData(await s.gql<{ parkSpaces: { totalCount: number; nodes: { ref: string; status: string }[] } }>(LIST, { filter }, key ? bearer(key) : undefined))
    .parkSpaces;
const matched = async (need: Record<string, unknown>) =>
  expectData(await s.gql<{ parkSpaceMatches: { matches: { space: { ref: string } }[] } }>(MATCHES, { need })).parkSpaceMatches.matches.map((m) => m.space.ref);
const SHOWROOMS = { districts: ['500115'], spaceKinds: ['SHOWROOM'] };
const codes = (r: Result) => r.errors.map((e) => [e.code, e.field?.join('.')]);

describe('a park names its operator', () => {
  it('the import sets it by credit code and IndustrialPark.operator shows it; a park without one has none', async () => {
    const parks = expectData(await s.gql(PARKS, { filter: { districts: ['500115'] } })).industrialParks.nodes as {
      slug: string;
      operator: { creditCode: string } | null;
    }[];
    expect(parks.find((p) => p.slug === 'pw-run')!.operator!.creditCode).toBe(op.creditCode);
    expect(parks.find((p) => p.slug === 'pw-unrun')!.operator).toBeNull();
  });

  it('an unknown credit code is refused by the import, naming the field', async () => {
    await expect(importWorld({ parks: [park('pw-bad', { operatorCreditCode: '91500000MA5U000000' })] })).rejects.toThrow(/operatorCreditCode/);
  });
});

describe('publishing space', () => {
  it('publishes AVAILABLE space, listed and matched at once, with its contact', async () => {
    const r = await publish({ input: input('S-1', { descriptionZh: '临街展示厅，可布置样品' }) });
    expect(r.errors).toEqual([]);
    expect(r.replayed).toBe(false);
    expect(r.space).toMatchObject({
      ref: 'S-1',
      kind: 'SHOWROOM',
      areaM2: 300,
      status: 'AVAILABLE',
      isSample: false,
      monthlyRentPerM2: { amount: '42.50', currency: 'CNY' },
      minTermMonths: 6,
      park: { slug: 'pw-run' },
      contact: { name: '园区招商部', email: 'leasing@pw-run.example.cn' },
    });
    expect((await listed({ parks: ['pw-run'] })).nodes.map((n) => n.ref)).toContain('S-1');
    expect(await matched(SHOWROOMS)).toContain('S-1');
  });

  it('a retry with the same idempotency key replays the first result and writes nothing twice', async () => {
    const first = await publish({ input: input('S-2'), key: 'pw-publish-s2' });
    const again = await publish({ input: input('S-2'), key: 'pw-publish-s2' });
    expect(first.errors).toEqual([]);
    expect(again).toMatchObject({ errors: [], replayed: true, space: { id: first.space!.id } });
    const [{ n }] = await query<{ n: number }>(`select count(*)::int as n from park_space where ref = 'S-2'`);
    expect(n).toBe(1);
    const reused = await publish({ input: input('S-2b'), key: 'pw-publish-s2' });
    expect(codes(reused)).toEqual([['IDEMPOTENCY_KEY_REUSED', 'idempotencyKey']]);
  });

  it('a ref the park already has is REF_TAKEN', async () => {
    const r = await publish({ input: input('S-1') });
    expect(codes(r)).toEqual([['REF_TAKEN', 'input.ref']]);
    expect(r.space).toBeNull();
  });

  it('another enterprise’s key, or a park that names no operator, is NOT_PARK_OPERATOR; nothing is written', async () => {
    expect(codes(await publish({ input: input('X-1') }, otherKey))).toEqual([['NOT_PARK_OPERATOR', 'input.parkId']]);
    expect(codes(await publish({ input: input('X-2', { parkId: unrunParkId }) }))).toEqual([['NOT_PARK_OPERATOR', 'input.parkId']]);
    expect(await query(`select 1 from park_space where ref like 'X-%'`)).toEqual([]);
  });

  it('without an API key it is UNAUTHENTICATED', async () => {
    const res = await s.gql(PUBLISH, { input: input('X-3') });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('bad input is INVALID at each field, with the import’s bounds; an unknown park NOT_FOUND', async () => {
    const r = await publish({
      input: input('X-4', {
        areaM2: 0,
        floor: 300,
        monthlyRentPerM2: '-3',
        minTermMonths: 121,
        nameZh: 'x'.repeat(201),
        contact: { email: 'not-an-email' },
      }),
    });
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        ['INVALID', 'input.nameZh'],
        ['INVALID', 'input.areaM2'],
        ['INVALID', 'input.floor'],
        ['INVALID', 'input.monthlyRentPerM2'],
        ['INVALID', 'input.minTermMonths'],
        ['INVALID', 'input.contact.email'],
      ]),
    );
    expect(r.errors.find((e) => e.field?.join('.') === 'input.areaM2')!.message).toMatch(/between 1 and 1000000/);
    expect(codes(await publish({ input: input('X-5', { areaM2: 100, minDivisibleM2: 200 }) }))).toEqual([['INVALID', 'input.minDivisibleM2']]);
    expect(codes(await publish({ input: input('X-6', { ref: ' padded ' }) }))).toEqual([['INVALID', 'input.ref']]);
    expect(codes(await publish({ input: input('X-7', { parkId: 'nonsense' }) }))).toEqual([['INVALID', 'input.parkId']]);
    expect(codes(await publish({ input: input('X-8', { parkId: toGlobalId('IndustrialPark', 999999) }) }))).toEqual([['NOT_FOUND', 'input.parkId']]);
    expect(await query(`select 1 from park_space where ref like 'X-%'`)).toEqual([]);
  });
});

describe('changing space', () => {
  let space: Space;
  beforeAll(async () => {
    space = (await publish({ input: input('U-1', { areaM2: 1000, minDivisibleM2: 200, floor: 2 }) })).space!;
  });

  it('changes only the fields given; null clears an optional one; matching follows', async () => {
    const r = await update({ id: space.id, input: { monthlyRentPerM2: '20', floor: null, contact: null, nameEn: 'Changshou showroom, street front' } });
    expect(r.errors).toEqual([]);
    expect(r.space).toMatchObject({
      ref: 'U-1',
      nameZh: '长寿展示厅U-1',
      nameEn: 'Changshou showroom, street front',
      areaM2: 1000,
      minDivisibleM2: 200,
      floor: null,
      contact: { name: null, email: null, phone: null },
      monthlyRentPerM2: { amount: '20.00' },
    });
    // At most 25 CNY per m²: only the changed space fits now.
    expect(await matched({ ...SHOWROOMS, maxMonthlyRentPerM2: '25' })).toEqual(['U-1']);
  });

  it('checks the whole space again: an area below the smallest part, a required field cleared, bad values', async () => {
    expect(codes(await update({ id: space.id, input: { areaM2: 100 } }))).toEqual([['INVALID', 'input.minDivisibleM2']]);
    expect(codes(await update({ id: space.id, input: { nameZh: null, kind: null } }))).toEqual([
      ['INVALID', 'input.nameZh'],
      ['INVALID', 'input.kind'],
    ]);
    expect(codes(await update({ id: space.id, input: { monthlyRentPerM2: '1234567890.5' } }))).toEqual([['INVALID', 'input.monthlyRentPerM2']]);
    expect(codes(await update({ id: 'nonsense', input: { areaM2: 100 } }))).toEqual([['INVALID', 'id']]);
    expect(codes(await update({ id: toGlobalId('ParkSpace', 999999), input: { areaM2: 100 } }))).toEqual([['NOT_FOUND', 'id']]);
    const [row] = await query<{ area_m2: number; name_zh: string }>('select area_m2, name_zh from park_space where ref = $1', ['U-1']);
    expect(row).toEqual({ area_m2: 1000, name_zh: '长寿展示厅U-1' });
  });

  it('another enterprise’s key is NOT_PARK_OPERATOR; a space of a park without an operator too', async () => {
    expect(codes(await update({ id: space.id, input: { areaM2: 900 } }, otherKey))).toEqual([['NOT_PARK_OPERATOR', 'id']]);
    await importWorld({
      parkSpaces: [
        {
          parkSlug: 'pw-unrun',
          ref: 'I-1',
          nameZh: '导入空间',
          nameEn: 'Imported space',
          kind: 'OFFICE',
          areaM2: 80,
          monthlyRentPerM2: '30',
          availableFrom: '2026-01-01',
        },
      ],
    });
    const imported = (await listed({ parks: ['pw-unrun'] })).nodes;
    expect(imported.map((n) => n.ref)).toEqual(['I-1']);
    const [{ id }] = await query<{ id: number }>(`select id from park_space where ref = 'I-1'`);
    const gid = toGlobalId('ParkSpace', id);
    expect(codes(await update({ id: gid, input: { areaM2: 90 } }))).toEqual([['NOT_PARK_OPERATOR', 'id']]);
    expect(codes(await setStatus({ id: gid, status: 'LET' }))).toEqual([['NOT_PARK_OPERATOR', 'id']]);
  });

  it('a retry with the same key replays; without a key it is UNAUTHENTICATED', async () => {
    const a = await update({ id: space.id, input: { minTermMonths: 12 }, key: 'pw-update-u1' });
    const b = await update({ id: space.id, input: { minTermMonths: 12 }, key: 'pw-update-u1' });
    expect([a.replayed, b.replayed, b.space!.minTermMonths]).toEqual([false, true, 12]);
    const res = await s.gql(UPDATE, { id: space.id, input: { minTermMonths: 3 } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('letting and withdrawing space', () => {
  let space: Space;
  beforeAll(async () => {
    space = (await publish({ input: input('L-1', { kind: 'LIVE_STREAMING_STUDIO', areaM2: 60 }) })).space!;
  });
  const STUDIOS = { districts: ['500115'], spaceKinds: ['LIVE_STREAMING_STUDIO'] };

  it('LET leaves the list and the matches; AVAILABLE again brings it back', async () => {
    expect(await matched(STUDIOS)).toEqual(['L-1']);
    const let_ = await setStatus({ id: space.id, status: 'LET' });
    expect(let_).toMatchObject({ errors: [], space: { status: 'LET' } });
    expect(await matched(STUDIOS)).toEqual([]);
    expect((await listed({ parks: ['pw-run'] })).nodes.map((n) => n.ref)).not.toContain('L-1');
    expect((await listed({ parks: ['pw-run'], statuses: ['LET'] })).nodes.map((n) => n.ref)).toEqual(['L-1']);
    // A let space can still be changed (its next letting).
    expect((await update({ id: space.id, input: { monthlyRentPerM2: '95' } })).errors).toEqual([]);
    expect((await setStatus({ id: space.id, status: 'AVAILABLE' })).space!.status).toBe('AVAILABLE');
    expect(await matched(STUDIOS)).toEqual(['L-1']);
  });

  it('another enterprise’s key is NOT_PARK_OPERATOR and changes nothing', async () => {
    expect(codes(await setStatus({ id: space.id, status: 'WITHDRAWN' }, otherKey))).toEqual([['NOT_PARK_OPERATOR', 'id']]);
    expect(await matched(STUDIOS)).toEqual(['L-1']);
  });

  it('WITHDRAWN is final: no change, no letting again (SPACE_WITHDRAWN); withdrawing again changes nothing', async () => {
    expect((await setStatus({ id: space.id, status: 'WITHDRAWN', key: 'pw-withdraw-l1' })).errors).toEqual([]);
    expect(await matched(STUDIOS)).toEqual([]);
    expect(codes(await setStatus({ id: space.id, status: 'AVAILABLE' }))).toEqual([['SPACE_WITHDRAWN', 'id']]);
    expect(codes(await setStatus({ id: space.id, status: 'LET' }))).toEqual([['SPACE_WITHDRAWN', 'id']]);
    expect(codes(await update({ id: space.id, input: { areaM2: 70 } }))).toEqual([['SPACE_WITHDRAWN', 'id']]);
    expect(await setStatus({ id: space.id, status: 'WITHDRAWN', key: 'pw-withdraw-l1' })).toMatchObject({ errors: [], replayed: true });
    expect((await setStatus({ id: space.id, status: 'WITHDRAWN' })).errors).toEqual([]);
    // Its ref stays taken: a new space needs a new ref.
    expect(codes(await publish({ input: input('L-1') }))).toEqual([['REF_TAKEN', 'input.ref']]);
  });

  it('the operator lists its own space in any state with `mine`; `mine` needs an API key', async () => {
    const all = ['AVAILABLE', 'LET', 'WITHDRAWN'];
    const mine = await listed({ mine: true, statuses: all }, opKey);
    expect(mine.nodes.find((n) => n.ref === 'L-1')?.status).toBe('WITHDRAWN');
    expect(mine.nodes.map((n) => n.ref)).not.toContain('I-1');
    expect((await listed({ mine: true, statuses: all }, otherKey)).totalCount).toBe(0);
    const res = await s.gql(LIST, { filter: { mine: true } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
