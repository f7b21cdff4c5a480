/**
 * Paperless overseas-warehouse filing (issue 16, point 5; policy measure 11, 一地备案、全国通用): an
 * operator files a warehouse it operates with a customs office and gets a number; an authority key
 * of that office accepts it (public on the warehouse, valid nationwide: no other office's acceptance
 * is needed or possible), or returns it with reasons (the operator corrects and resubmits it under
 * the same number), or revokes it. One open filing per warehouse even under concurrent submissions;
 * idempotency keys replay; enterprise keys cannot review and authority keys cannot file; every
 * status change is in the audit trail, a direct UPDATE included; bad input is INVALID by field.
 */
import 'reflect-metadata';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/ids';
import { keyOf } from './helpers/hand';
import { bearer, issueAuthorityKey, issueKey } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';

let s: TestServer;
/** Warehouses of the sample without a filing, with their operators; each test takes its own. */
let free: { id: number; slug: string; operator_id: number }[];
const keys = new Map<number, string>();
let chongqing: string;
let shanghai: string;

async function sqlRows<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: s.databaseUrl });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

/** The next free warehouse, with its operator's key. */
async function takeWarehouse(): Promise<{ id: string; slug: string; key: string; operatorId: number }> {
  const w = free.shift()!;
  if (!keys.has(w.operator_id)) keys.set(w.operator_id, await issueKey(s.databaseUrl, w.operator_id));
  return { id: toGlobalId('OverseasWarehouse', w.id), slug: w.slug, key: keys.get(w.operator_id)!, operatorId: w.operator_id };
}

const FILING_FIELDS = /* GraphQL */ `
  id number status isValid areaM2 address validFrom decidedAt
  customsOffice { code nameZh }
  reasons { code textZh textEn }
  documents { kind title reference sha256 }
  history { fromStatus toStatus actorKind actorKeyPrefix reasons { code textZh } }
`;
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitWarehouseFilingInput!, $key: String) {
    submitWarehouseFiling(input: $input, idempotencyKey: $key) { replayed errors { code field message } filing { ${FILING_FIELDS} } }
  }
`;
const ACCEPT = /* GraphQL */ `
  mutation Accept($id: ID!, $key: String) {
    acceptWarehouseFiling(id: $id, idempotencyKey: $key) { replayed errors { code field message } filing { ${FILING_FIELDS} } }
  }
`;
const RETURN = /* GraphQL */ `
  mutation Return($id: ID!, $reasons: [FilingReturnReasonInput!]!) {
    returnWarehouseFiling(id: $id, reasons: $reasons) { errors { code field message } filing { ${FILING_FIELDS} } }
  }
`;
const RESUBMIT = /* GraphQL */ `
  mutation Resubmit($id: ID!, $input: ResubmitWarehouseFilingInput!) {
    resubmitWarehouseFiling(id: $id, input: $input) { errors { code field message } filing { ${FILING_FIELDS} } }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!, $reason: FilingRevocationReasonInput!) {
    revokeWarehouseFiling(id: $id, reason: $reason) { errors { code field message } filing { ${FILING_FIELDS} } }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($id: ID!) { withdrawWarehouseFiling(id: $id) { errors { code field message } filing { status } } }
`;
const BY_NUMBER = /* GraphQL */ `
  query ByNumber($number: String!) { warehouseFiling(number: $number) { ${FILING_FIELDS} } }
`;
const ON_WAREHOUSE = /* GraphQL */ `
  query OnWarehouse($slug: String!) { overseasWarehouse(slug: $slug) { slug filing { number status customsOffice { code } documents { kind title reference } } } }
`;

const docs = [
  { kind: 'BUSINESS_LICENCE', title: '营业执照', reference: 'LIC-2026-001' },
  { kind: 'LEASE_OR_TITLE', title: '租赁合同', reference: 'https://docs.example.com/lease.pdf', sha256: 'AB'.repeat(32) },
];

async function submit(w: { id: string; key: string }, over: Record<string, unknown> = {}, key?: string) {
  const res = await s.gql(SUBMIT, { input: { warehouseId: w.id, customsOfficeCode: '8000', documents: docs, ...over }, key }, bearer(w.key));
  return expectData(res).submitWarehouseFiling;
}

beforeAll(async () => {
  s = await startTestServer(__filename);
  free = await sqlRows(
    `select w.id, w.slug, w.operator_id from overseas_warehouse w where not exists (select 1 from warehouse_filing f where f.warehouse_id = w.id) order by w.id limit 40`,
  );
  chongqing = await issueAuthorityKey(s.databaseUrl, '8000');
  shanghai = await issueAuthorityKey(s.databaseUrl, '2200');
}, 60_000);

afterAll(async () => {
  await s?.close();
});

describe('customs offices and the sample', () => {
  it('lists the verified customs districts, Chongqing 8000 among them, and sample filings are public on their warehouses', async () => {
    const data = expectData(
      await s.gql(/* GraphQL */ `
        {
          customsOffices(first: 50) { nodes { code nameZh nameEn name(lang: EN) city } }
          warehouseFilings(first: 50) { nodes { number status isSample warehouse { slug filing { number } } documents { kind reference } } }
        }
      `),
    );
    expect(data.customsOffices.nodes).toContainEqual({
      code: '8000',
      nameZh: '重庆海关',
      nameEn: 'Chongqing Customs',
      name: 'Chongqing Customs',
      city: '重庆',
    });
    const filings = data.warehouseFilings.nodes;
    expect(filings.length).toBeGreaterThan(2);
    expect(new Set(filings.map((f: { status: string }) => f.status))).toEqual(new Set(['ACCEPTED', 'REVOKED']));
    for (const f of filings) {
      expect(f.isSample).toBe(true);
      // The public sees the documents' kinds, never their references.
      expect(f.documents.every((d: { reference: unknown }) => d.reference === null)).toBe(true);
      if (f.status === 'ACCEPTED') expect(f.warehouse.filing).toEqual({ number: f.number });
    }
  });
});

describe('submitting', () => {
  it('the operator submits: a number <office><year><6 digits>, SUBMITTED, seen in full by the operator and not by the public', async () => {
    const w = await takeWarehouse();
    const r = await submit(w);
    expect(r.errors).toEqual([]);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(r.filing.number).toMatch(new RegExp(`^8000${year}\\d{6}$`));
    expect(r.filing).toMatchObject({ status: 'SUBMITTED', isValid: false, customsOffice: { code: '8000' }, validFrom: null });
    expect(r.filing.documents).toEqual([
      { kind: 'BUSINESS_LICENCE', title: '营业执照', reference: 'LIC-2026-001', sha256: null },
      { kind: 'LEASE_OR_TITLE', title: '租赁合同', reference: 'https://docs.example.com/lease.pdf', sha256: 'ab'.repeat(32) },
    ]);
    expect(r.filing.history).toEqual([{ fromStatus: null, toStatus: 'SUBMITTED', actorKind: 'OPERATOR', actorKeyPrefix: w.key.split('_')[1], reasons: [] }]);
    // Address and area default to the warehouse's record.
    const [stored] = await sqlRows<{ address: string; area_m2: number }>('select address, area_m2 from overseas_warehouse where slug = $1', [w.slug]);
    expect(r.filing.address).toBe(stored.address);
    expect(Number(r.filing.areaM2)).toBe(stored.area_m2);

    const anonymous = expectData(await s.gql(BY_NUMBER, { number: r.filing.number }));
    expect(anonymous.warehouseFiling).toBeNull();
    const own = expectData(await s.gql(BY_NUMBER, { number: r.filing.number }, bearer(w.key)));
    expect(own.warehouseFiling.status).toBe('SUBMITTED');
  });

  it('refuses an enterprise that does not operate the warehouse, and an unknown or malformed customs office', async () => {
    const w = await takeWarehouse();
    const [other] = await sqlRows<{ id: number }>('select id from enterprise where id <> $1 order by id limit 1', [w.operatorId]);
    const notOperator = await submit({ id: w.id, key: await issueKey(s.databaseUrl, other.id) });
    expect(notOperator.errors).toEqual([expect.objectContaining({ code: 'NOT_WAREHOUSE_OPERATOR', field: ['input', 'warehouseId'] })]);
    expect(notOperator.filing).toBeNull();
    const unknown = await submit(w, { customsOfficeCode: '1234' });
    expect(unknown.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_CUSTOMS_OFFICE', field: ['input', 'customsOfficeCode'] })]);
    const malformed = await submit(w, { customsOfficeCode: '80A0' });
    expect(malformed.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'customsOfficeCode'] })]);
    const rows = await sqlRows('select 1 from warehouse_filing where warehouse_id = $1', [keyOf(w.id)]);
    expect(rows).toEqual([]);
  });

  it('bad input is INVALID, every problem named by its field', async () => {
    const w = await takeWarehouse();
    const r = await submit(w, {
      areaM2: '0',
      address: 'Line one\u0007',
      documents: [
        { kind: 'PHOTOS', title: 'Photos\u0000', reference: 'http://insecure.example.com/x' },
        { kind: 'OTHER', title: ' ', reference: 'X-1', sha256: 'not-a-hash' },
      ],
    });
    expect(r.filing).toBeNull();
    expect(r.errors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID', 'input.address'],
      ['INVALID', 'input.areaM2'],
      ['INVALID', 'input.documents.0.title'],
      ['INVALID', 'input.documents.0.reference'],
      ['INVALID', 'input.documents.1.title'],
      ['INVALID', 'input.documents.1.sha256'],
    ]);
    const tooBig = await submit(w, { areaM2: '5000000.01' });
    expect(tooBig.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'areaM2'] })]);
    const tooMany = await submit(w, { documents: Array.from({ length: 21 }, (_, i) => ({ kind: 'OTHER', title: `Doc ${i}`, reference: `D-${i}` })) });
    expect(tooMany.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'documents'] })]);
    const none = await submit(w, { documents: [] });
    expect(none.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'documents'] })]);
    const badId = await submit({ id: 'bm9wZQ==', key: w.key });
    expect(badId.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'warehouseId'] })]);
  });

  it('an idempotency key replays the first result; the same key with another input is IDEMPOTENCY_KEY_REUSED', async () => {
    const w = await takeWarehouse();
    const first = await submit(w, {}, 'filing-key-1');
    const again = await submit(w, {}, 'filing-key-1');
    expect(first.errors).toEqual([]);
    expect(again).toMatchObject({ replayed: true, errors: [], filing: { number: first.filing.number } });
    const other = await submit(w, { areaM2: '12.5' }, 'filing-key-1');
    expect(other.errors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
    const [{ n }] = await sqlRows<{ n: number }>('select count(*)::int as n from warehouse_filing where number = $1', [first.filing.number]);
    expect(n).toBe(1);
  });

  it('one open filing per warehouse, even when submissions race: one SUBMITTED, the others FILING_IN_PROGRESS', async () => {
    const w = await takeWarehouse();
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(w)));
    const ok = results.filter((r) => r.errors.length === 0);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.errors.length)) expect(r.errors[0].code).toBe('FILING_IN_PROGRESS');
    const rows = await sqlRows<{ number: string }>('select number from warehouse_filing where warehouse_id = $1', [keyOf(w.id)]);
    expect(rows).toEqual([{ number: ok[0].filing.number }]);
  });
});

describe('reviewing', () => {
  it('the office accepts: public on the warehouse, valid nationwide; another office can neither accept nor is needed, and a second filing is ALREADY_FILED', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const id = filed.filing.id;
    const elsewhere = expectData(await s.gql(ACCEPT, { id }, bearer(shanghai))).acceptWarehouseFiling;
    expect(elsewhere.errors).toEqual([expect.objectContaining({ code: 'NOT_FILING_OFFICE', field: ['id'] })]);

    const accepted = expectData(await s.gql(ACCEPT, { id }, bearer(chongqing))).acceptWarehouseFiling;
    expect(accepted.errors).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(accepted.filing).toMatchObject({ number: filed.filing.number, status: 'ACCEPTED', isValid: true, validFrom: today });
    expect(accepted.filing.history.map((h: { toStatus: string; actorKind: string }) => [h.toStatus, h.actorKind])).toEqual([
      ['SUBMITTED', 'OPERATOR'],
      ['ACCEPTED', 'AUTHORITY'],
    ]);
    expect(accepted.filing.history[1].actorKeyPrefix).toBe(chongqing.split('_')[1]);

    const onWarehouse = expectData(await s.gql(ON_WAREHOUSE, { slug: w.slug })).overseasWarehouse;
    expect(onWarehouse.filing).toEqual({
      number: filed.filing.number,
      status: 'ACCEPTED',
      customsOffice: { code: '8000' },
      documents: [
        { kind: 'BUSINESS_LICENCE', title: '营业执照', reference: null },
        { kind: 'LEASE_OR_TITLE', title: '租赁合同', reference: null },
      ],
    });
    // Shanghai sees the public filing (it is valid there too) but not its private parts.
    const seenInShanghai = expectData(await s.gql(BY_NUMBER, { number: filed.filing.number }, bearer(shanghai))).warehouseFiling;
    expect(seenInShanghai).toMatchObject({ status: 'ACCEPTED', isValid: true });
    expect(seenInShanghai.history.every((h: { actorKeyPrefix: unknown }) => h.actorKeyPrefix === null)).toBe(true);
    // Filing it again, in Shanghai or anywhere, is not needed: one record nationwide.
    const again = await submit(w, { customsOfficeCode: '2200' });
    expect(again.errors).toEqual([expect.objectContaining({ code: 'ALREADY_FILED' })]);
    const twice = expectData(await s.gql(ACCEPT, { id }, bearer(chongqing))).acceptWarehouseFiling;
    expect(twice.errors).toEqual([expect.objectContaining({ code: 'FILING_NOT_SUBMITTED' })]);
  });

  it('returned with reasons, corrected and resubmitted under the same number, then accepted; the trail has every step', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const id = filed.filing.id;
    const reasons = [
      { code: 'AREA_MISMATCH', textZh: '面积与租赁合同不符', textEn: 'The area does not match the lease' },
      { code: 'DOCUMENT_MISSING', textZh: '缺少平面图' },
    ];
    const returned = expectData(await s.gql(RETURN, { id, reasons }, bearer(chongqing))).returnWarehouseFiling;
    expect(returned.errors).toEqual([]);
    expect(returned.filing).toMatchObject({ status: 'RETURNED', reasons: [reasons[0], { ...reasons[1], textEn: null }] });
    // Only a SUBMITTED filing is accepted; a RETURNED one waits for the operator.
    const early = expectData(await s.gql(ACCEPT, { id }, bearer(chongqing))).acceptWarehouseFiling;
    expect(early.errors).toEqual([expect.objectContaining({ code: 'FILING_NOT_SUBMITTED' })]);
    // The operator sees why; the public does not see the filing at all.
    expect(expectData(await s.gql(BY_NUMBER, { number: filed.filing.number }, bearer(w.key))).warehouseFiling.reasons).toHaveLength(2);
    expect(expectData(await s.gql(BY_NUMBER, { number: filed.filing.number })).warehouseFiling).toBeNull();

    const resubmitted = expectData(
      await s.gql(
        RESUBMIT,
        { id, input: { areaM2: '1234.50', documents: [...docs, { kind: 'FLOOR_PLAN', title: '平面图', reference: 'PLAN-7' }] } },
        bearer(w.key),
      ),
    ).resubmitWarehouseFiling;
    expect(resubmitted.errors).toEqual([]);
    expect(resubmitted.filing).toMatchObject({ number: filed.filing.number, status: 'SUBMITTED', areaM2: '1234.50', reasons: [] });
    expect(resubmitted.filing.documents).toHaveLength(3);

    const accepted = expectData(await s.gql(ACCEPT, { id }, bearer(chongqing))).acceptWarehouseFiling;
    expect(accepted.errors).toEqual([]);
    const history = accepted.filing.history.map((h: { fromStatus: string | null; toStatus: string; actorKind: string; reasons: unknown[] }) => [
      h.fromStatus,
      h.toStatus,
      h.actorKind,
      h.reasons.length,
    ]);
    expect(history).toEqual([
      [null, 'SUBMITTED', 'OPERATOR', 0],
      ['SUBMITTED', 'RETURNED', 'AUTHORITY', 2],
      ['RETURNED', 'SUBMITTED', 'OPERATOR', 0],
      ['SUBMITTED', 'ACCEPTED', 'AUTHORITY', 0],
    ]);
    // The public sees the same steps, without the return's reasons or the keys.
    const publicHistory = expectData(await s.gql(BY_NUMBER, { number: filed.filing.number })).warehouseFiling.history;
    expect(publicHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'ACCEPTED']);
    expect(publicHistory.every((h: { reasons: unknown[]; actorKeyPrefix: unknown }) => h.reasons.length === 0 && h.actorKeyPrefix === null)).toBe(true);
  });

  it('revoked: still public with its reason, no longer on the warehouse, and the warehouse can be filed anew', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const id = filed.filing.id;
    expect(expectData(await s.gql(ACCEPT, { id }, bearer(chongqing))).acceptWarehouseFiling.errors).toEqual([]);
    const reason = { code: 'WAREHOUSE_CLOSED', textZh: '仓库已关闭', textEn: 'The warehouse has closed' };
    const revoked = expectData(await s.gql(REVOKE, { id, reason }, bearer(chongqing))).revokeWarehouseFiling;
    expect(revoked.errors).toEqual([]);
    expect(revoked.filing).toMatchObject({ status: 'REVOKED', isValid: false, reasons: [reason] });
    const seen = expectData(await s.gql(BY_NUMBER, { number: filed.filing.number })).warehouseFiling;
    expect(seen).toMatchObject({ status: 'REVOKED', reasons: [reason] });
    expect(seen.history[seen.history.length - 1]).toMatchObject({ toStatus: 'REVOKED', reasons: [{ code: 'WAREHOUSE_CLOSED', textZh: '仓库已关闭' }] });
    expect(expectData(await s.gql(ON_WAREHOUSE, { slug: w.slug })).overseasWarehouse.filing).toBeNull();
    const again = expectData(await s.gql(REVOKE, { id, reason }, bearer(chongqing))).revokeWarehouseFiling;
    expect(again.errors).toEqual([expect.objectContaining({ code: 'FILING_NOT_ACCEPTED' })]);
    const anew = await submit(w);
    expect(anew.errors).toEqual([]);
    expect(anew.filing.number).not.toBe(filed.filing.number);
  });

  it('the operator withdraws an open filing, and cannot withdraw an accepted one', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const withdrawn = expectData(await s.gql(WITHDRAW, { id: filed.filing.id }, bearer(w.key))).withdrawWarehouseFiling;
    expect(withdrawn).toEqual({ errors: [], filing: { status: 'WITHDRAWN' } });
    const second = await submit(w);
    expect(expectData(await s.gql(ACCEPT, { id: second.filing.id }, bearer(chongqing))).acceptWarehouseFiling.errors).toEqual([]);
    const refused = expectData(await s.gql(WITHDRAW, { id: second.filing.id }, bearer(w.key))).withdrawWarehouseFiling;
    expect(refused.errors).toEqual([expect.objectContaining({ code: 'FILING_NOT_OPEN' })]);
  });

  it('an enterprise key cannot review, an authority key cannot file, and without a key neither', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const byEnterprise = await s.gql(ACCEPT, { id: filed.filing.id }, bearer(w.key));
    expect(byEnterprise.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAuthority = await s.gql(SUBMIT, { input: { warehouseId: w.id, customsOfficeCode: '8000', documents: docs } }, bearer(chongqing));
    expect(byAuthority.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await s.gql(ACCEPT, { id: filed.filing.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // An authority key is no enterprise anywhere: other enterprise mutations refuse it too.
    const hold = await s.gql(/* GraphQL */ `mutation { withdrawWarehouseFiling(id: "${filed.filing.id}") { errors { code } } }`, {}, bearer(shanghai));
    expect(hold.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the authority lists the filings filed with its office, in every state; another office sees only public ones', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const LIST = /* GraphQL */ `
      query Mine($filter: WarehouseFilingFilter) { warehouseFilings(first: 100, filter: $filter) { nodes { number status documents { reference } } } }
    `;
    const filter = { statuses: ['SUBMITTED'], customsOfficeCodes: ['8000'] };
    const mine = expectData(await s.gql(LIST, { filter }, bearer(chongqing))).warehouseFilings.nodes;
    expect(mine).toContainEqual({
      number: filed.filing.number,
      status: 'SUBMITTED',
      documents: [{ reference: 'LIC-2026-001' }, { reference: 'https://docs.example.com/lease.pdf' }],
    });
    const theirs = expectData(await s.gql(LIST, { filter }, bearer(shanghai))).warehouseFilings.nodes;
    expect(theirs).toEqual([]);
    const bad = await s.gql(LIST, { filter: { customsOfficeCodes: ['80'] } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the audit trail', () => {
  it('records a change made straight in the database, and cannot be changed or deleted', async () => {
    const w = await takeWarehouse();
    const filed = await submit(w);
    const fid = keyOf(filed.filing.id);
    await sqlRows(`update warehouse_filing set status = 'ACCEPTED' where id = $1`, [fid]);
    const events = await sqlRows<{ from_status: string; to_status: string; actor_kind: string; actor_key_id: number | null }>(
      'select from_status, to_status, actor_kind, actor_key_id from warehouse_filing_event where filing_id = $1 order by id',
      [fid],
    );
    expect(events).toEqual([
      { from_status: null, to_status: 'SUBMITTED', actor_kind: 'OPERATOR', actor_key_id: expect.any(Number) },
      { from_status: 'SUBMITTED', to_status: 'ACCEPTED', actor_kind: 'DATABASE', actor_key_id: null },
    ]);
    await expect(sqlRows(`update warehouse_filing_event set actor_kind = 'AUTHORITY' where filing_id = $1`, [fid])).rejects.toThrow(/append-only/);
    await expect(sqlRows('delete from warehouse_filing_event where filing_id = $1', [fid])).rejects.toThrow(/append-only/);
    // A change that leaves the status alone is no event.
    await sqlRows(`update warehouse_filing set address = address || ' (corrected)' where id = $1`, [fid]);
    const [{ n }] = await sqlRows<{ n: number }>('select count(*)::int as n from warehouse_filing_event where filing_id = $1', [fid]);
    expect(n).toBe(2);
  });
});
