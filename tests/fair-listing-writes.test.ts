/**
 * Fair listings written by their owners (issue 14, points 2 and 5): exhibitors post offers, any
 * enterprise posts requests, only the owner changes a listing, drafts stay private, nothing is
 * half-written on error; what changes reaches an offline copy through fairSync (tombstones for
 * withdrawn and deleted listings) and live subscribers through fairListingPublished.
 */
import { type FairWorld, makeFairWorld } from './helpers/fair';
import { bearer } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { follow, wsClient } from './helpers/subscribe';

const FIELDS =
  'id kind status nameZh nameEn hsCode hs { dotted chapter { code nameZh } } category { slug } belt { slug } hall { code } minOrder { quantity unit } priceRange { min { amount currency } max { amount } } leadTimeDays targetMarkets certifications keywords publishedAt syncVersion';
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateFairListingInput!, $key: String) {
    createFairListing(input: $input, idempotencyKey: $key) { replayed errors { code field message } listing { ${FIELDS} } }
  }`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateFairListingInput!) {
    updateFairListing(id: $id, input: $input) { errors { code field message } listing { ${FIELDS} } }
  }`;
const PUBLISH = /* GraphQL */ `mutation P($id: ID!) { publishFairListing(id: $id) { errors { code field message } listing { id status publishedAt } } }`;
const WITHDRAW = /* GraphQL */ `mutation W($id: ID!) { withdrawFairListing(id: $id) { errors { code field message } listing { id status } } }`;
const DELETE = /* GraphQL */ `mutation D($id: ID!) { deleteFairListing(id: $id) { deletedId errors { code field message } } }`;
const SYNC = /* GraphQL */ `
  query Sync($since: String, $first: Int) {
    fairSync(edition: "t-fair", since: $since, first: $first) {
      syncVersion hasMore
      listings { id status nameEn }
      exhibitors { id booth }
      tombstones { kind id reason syncVersion }
    }
  }`;

const OFFER = {
  edition: 't-fair',
  kind: 'OFFER',
  nameZh: '三轮摩托车',
  nameEn: 'Cargo tricycle',
  descriptionZh: '载重500千克的货运三轮摩托车。',
  descriptionEn: 'Cargo motor tricycle, 500 kg payload.',
  category: 'motorcycles-and-parts',
  hsCode: '8711.20',
  minQuantity: '10',
  quantityUnit: 'PIECE',
  priceRange: { min: '1200', max: '1500', currency: 'USD' },
  leadTimeDays: 40,
  targetMarkets: ['ng', 'KE'],
  certifications: ['E_MARK'],
  keywords: ['Loncin'],
};

let s: TestServer;
let w: FairWorld;
beforeAll(async () => {
  s = await startTestServer(__filename);
  w = await makeFairWorld(s.databaseUrl, []);
});
afterAll(() => s?.close());

const as = (key: string) => bearer(key);

describe('posting and changing listings', () => {
  it('lets an exhibitor post an offer, normalised and placed in its hall and belt', async () => {
    const r = expectData(await s.gql(CREATE, { input: { ...OFFER, publish: true } }, as(w.exhibitors.moto.key))).createFairListing;
    expect(r.errors).toEqual([]);
    expect(r.listing).toMatchObject({
      kind: 'OFFER',
      status: 'PUBLISHED',
      hsCode: '871120',
      hs: { dotted: '8711.20', chapter: { code: '87' } },
      category: { slug: 'motorcycles-and-parts' },
      hall: { code: 'M1' },
      minOrder: { quantity: '10.00', unit: 'PIECE' },
      priceRange: { min: { amount: '1200.0000', currency: 'USD' }, max: { amount: '1500.0000' } },
      targetMarkets: ['NG', 'KE'],
      keywords: ['Loncin'],
    });
    expect(r.listing.belt).not.toBeNull();
    expect(r.listing.publishedAt).toEqual(expect.any(String));
  });

  it('refuses an offer from an enterprise that does not exhibit, and takes its request', async () => {
    let r = expectData(await s.gql(CREATE, { input: OFFER }, as(w.buyer.key))).createFairListing;
    expect(r.errors).toEqual([expect.objectContaining({ code: 'NOT_AN_EXHIBITOR', field: ['input', 'kind'] })]);
    r = expectData(
      await s.gql(CREATE, { input: { ...OFFER, kind: 'REQUEST', nameEn: 'Wanted: cargo tricycles', publish: true } }, as(w.buyer.key)),
    ).createFairListing;
    expect(r.errors).toEqual([]);
    expect(r.listing).toMatchObject({ kind: 'REQUEST', status: 'PUBLISHED', hall: null });
  });

  it('reports every bad field at once with its path, and writes nothing', async () => {
    const before = expectData(await s.gql(SYNC, {})).fairSync.syncVersion;
    const r = expectData(
      await s.gql(
        CREATE,
        {
          input: {
            ...OFFER,
            hsCode: '8711.99',
            category: 'no-such-category',
            priceRange: { min: '20', max: '10', currency: 'USD' },
            leadTimeDays: 900,
            targetMarkets: ['XX'],
          },
        },
        as(w.exhibitors.moto.key),
      ),
    ).createFairListing;
    const fields = r.errors.map((e: { field: string[] }) => e.field.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['input.priceRange.max', 'input.leadTimeDays', 'input.targetMarkets.0']));
    expect(r.listing).toBeNull();
    expect(expectData(await s.gql(SYNC, {})).fairSync.syncVersion).toBe(before);
    // Codes that only the database knows: reported when the rest is well-formed.
    const refs = expectData(
      await s.gql(CREATE, { input: { ...OFFER, hsCode: '8711.99', category: 'no-such-category' } }, as(w.exhibitors.moto.key)),
    ).createFairListing;
    expect(refs.errors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.category', 'input.hsCode']);
  });

  it('needs an API key, and lets only the owner change a listing; another’s draft is not found', async () => {
    const anon = await s.gql(CREATE, { input: OFFER });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const draft = expectData(await s.gql(CREATE, { input: { ...OFFER, nameEn: 'Draft tricycle' } }, as(w.exhibitors.moto.key))).createFairListing.listing;
    expect(draft.status).toBe('DRAFT');
    const other = expectData(await s.gql(UPDATE, { id: draft.id, input: { nameEn: 'Mine now' } }, as(w.exhibitors.laptop.key))).updateFairListing;
    expect(other.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const published = expectData(await s.gql(PUBLISH, { id: draft.id }, as(w.exhibitors.moto.key))).publishFairListing;
    expect(published.listing).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
    const forbidden = expectData(await s.gql(UPDATE, { id: draft.id, input: { nameEn: 'Mine now' } }, as(w.exhibitors.laptop.key))).updateFairListing;
    expect(forbidden.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const own = expectData(
      await s.gql(UPDATE, { id: draft.id, input: { nameEn: 'Tricycle, 2027 model', priceRange: null } }, as(w.exhibitors.moto.key)),
    ).updateFairListing;
    expect(own.errors).toEqual([]);
    expect(own.listing).toMatchObject({ nameEn: 'Tricycle, 2027 model', priceRange: null, nameZh: OFFER.nameZh });
  });

  it('replays a retried create with the same idempotency key, and refuses the key with another input', async () => {
    const input = { ...OFFER, nameEn: 'Idempotent tricycle' };
    const a = expectData(await s.gql(CREATE, { input, key: 'create-1' }, as(w.exhibitors.moto.key))).createFairListing;
    const b = expectData(await s.gql(CREATE, { input, key: 'create-1' }, as(w.exhibitors.moto.key))).createFairListing;
    expect(b).toMatchObject({ replayed: true, listing: { id: a.listing.id } });
    const c = expectData(await s.gql(CREATE, { input: { ...input, nameEn: 'Other' }, key: 'create-1' }, as(w.exhibitors.moto.key))).createFairListing;
    expect(c.errors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
  });
});

describe('fairSync', () => {
  it('brings a copy up to date in commit order, once each, with tombstones for withdrawn and deleted listings', async () => {
    const all = expectData(await s.gql(SYNC, {})).fairSync;
    expect(all.hasMore).toBe(false);
    expect(all.exhibitors).toHaveLength(3);
    const v0 = all.syncVersion;
    // Nothing changed: nothing comes back, and the version stays.
    expect(expectData(await s.gql(SYNC, { since: v0 })).fairSync).toMatchObject({ syncVersion: v0, listings: [], exhibitors: [], tombstones: [] });

    const a = expectData(await s.gql(CREATE, { input: { ...OFFER, nameEn: 'Sync A', publish: true } }, as(w.exhibitors.moto.key))).createFairListing.listing;
    const b = expectData(await s.gql(CREATE, { input: { ...OFFER, nameEn: 'Sync B', publish: true } }, as(w.exhibitors.moto.key))).createFairListing.listing;
    const draft = expectData(await s.gql(CREATE, { input: { ...OFFER, nameEn: 'Sync draft' } }, as(w.exhibitors.moto.key))).createFairListing.listing;
    let page = expectData(await s.gql(SYNC, { since: v0 })).fairSync;
    expect(page.listings.map((l: { nameEn: string }) => l.nameEn)).toEqual(['Sync A', 'Sync B']);
    const v1 = page.syncVersion;

    expectData(await s.gql(WITHDRAW, { id: a.id }, as(w.exhibitors.moto.key)));
    const del = expectData(await s.gql(DELETE, { id: b.id }, as(w.exhibitors.moto.key))).deleteFairListing;
    expect(del).toMatchObject({ deletedId: b.id, errors: [] });
    expectData(await s.gql(DELETE, { id: draft.id }, as(w.exhibitors.moto.key)));
    page = expectData(await s.gql(SYNC, { since: v1 })).fairSync;
    expect(page.listings).toEqual([]);
    expect(page.tombstones.map((t: { id: string; reason: string }) => [t.id, t.reason])).toEqual([
      [a.id, 'WITHDRAWN'],
      [b.id, 'DELETED'],
      [draft.id, 'DELETED'],
    ]);
    // Pages of one: the same changes, one per page, each once.
    const seen: string[] = [];
    let since = v1;
    for (let i = 0; i < 10; i++) {
      const p = expectData(await s.gql(SYNC, { since, first: 1 })).fairSync;
      seen.push(...p.tombstones.map((t: { id: string }) => t.id));
      since = p.syncVersion;
      if (!p.hasMore) break;
    }
    expect(seen).toEqual([a.id, b.id, draft.id]);
    // A withdrawn listing stays readable by ID, marked so.
    const node = expectData(await s.gql(`query($id: ID!) { node(id: $id) { ... on FairListing { status } } }`, { id: a.id }));
    expect(node.node).toEqual({ status: 'WITHDRAWN' });
  });

  it('refuses a version ahead of the edition and an unknown edition', async () => {
    const ahead = await s.gql(SYNC, { since: '999999999' });
    expect(ahead.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'since' });
    const bad = await s.gql(SYNC, { since: 'yesterday' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'since' });
    const none = await s.gql(`{ fairSync(edition: "nope") { syncVersion } }`);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('fairListingPublished', () => {
  it('delivers listings as they are published in the edition followed, of the kinds asked for', async () => {
    const client = wsClient(s.url);
    const feed = follow(client, `subscription { fairListingPublished(edition: "t-fair", kinds: [REQUEST]) { listingId listing { nameEn kind } } }`);
    try {
      await new Promise((r) => setTimeout(r, 300));
      expectData(await s.gql(CREATE, { input: { ...OFFER, nameEn: 'Not a request', publish: true } }, as(w.exhibitors.moto.key)));
      const req = expectData(await s.gql(CREATE, { input: { ...OFFER, kind: 'REQUEST', nameEn: 'Live request', publish: true } }, as(w.buyer.key)))
        .createFairListing.listing;
      const m = await feed.next();
      expect(m.data?.fairListingPublished).toEqual({ listingId: req.id, listing: { nameEn: 'Live request', kind: 'REQUEST' } });
      expect(feed.messages).toHaveLength(1);
    } finally {
      feed.dispose();
      await client.dispose();
    }
  });

  it('tells a buyer when a newly published offer fits its saved request (sourcingOfferMatched), and not for one that does not', async () => {
    const request = expectData(
      await s.gql(
        CREATE,
        {
          input: {
            ...OFFER,
            kind: 'REQUEST',
            nameEn: 'Wanted: tricycles for Kenya',
            hsCode: null,
            minQuantity: '50',
            priceRange: { max: '1400', currency: 'USD' },
            leadTimeDays: 60,
            targetMarkets: ['KE'],
            certifications: [],
            publish: true,
          },
        },
        as(w.buyer.key),
      ),
    ).createFairListing.listing;
    const client = wsClient(s.url, { authorization: `Bearer ${w.buyer.key}` });
    const feed = follow(client, `subscription($id: ID!) { sourcingOfferMatched(requestId: $id) { requestId offer { nameEn } } }`, { id: request.id });
    try {
      await new Promise((r) => setTimeout(r, 300));
      // Too dear (its lowest price is above the request's highest): no event.
      expectData(
        await s.gql(
          CREATE,
          { input: { ...OFFER, nameEn: 'Dear tricycle', priceRange: { min: '1450', max: '1600', currency: 'USD' }, publish: true } },
          as(w.exhibitors.moto.key),
        ),
      );
      expectData(await s.gql(CREATE, { input: { ...OFFER, nameEn: 'Fitting tricycle', publish: true } }, as(w.exhibitors.moto.key)));
      const m = await feed.next();
      expect(m.data?.sourcingOfferMatched).toEqual({ requestId: request.id, offer: { nameEn: 'Fitting tricycle' } });
      expect(feed.messages).toHaveLength(1);
    } finally {
      feed.dispose();
      await client.dispose();
    }
  });

  it('refuses an unknown edition', async () => {
    const client = wsClient(s.url);
    const feed = follow(client, `subscription { fairListingPublished(edition: "nope") { listingId } }`);
    try {
      const m = await feed.next(5000);
      expect(m.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      feed.dispose();
      await client.dispose();
    }
  });
});
