/**
 * The trade fair's read API (issue 14, point 2): listings by edition, hall, category, belt,
 * market, kind and exhibitor, with full-text search combined with those filters; an exhibitor's
 * page; drafts seen by their owner only; sync with tombstones. The world is the test's own
 * (tests/helpers/fair.ts), every value stated here.
 */
import { bearer } from './helpers/keys';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { addFairListings, type FairWorld, makeFairWorld } from './helpers/fair';
import { toGlobalId } from '../src/graphql/ids';

const LISTINGS = /* GraphQL */ `
  query Listings($filter: FairListingFilter, $search: String, $first: Int, $after: String, $orderBy: [FairListingOrder!]) {
    fairListings(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id kind status nameZh nameEn hsCode hall { code } belt { slug } category { slug } exhibitor { booth } owner { id }
        minOrder { quantity unit } priceRange { min { amount currency } max { amount } unit } leadTimeDays targetMarkets certifications syncVersion }
    }
  }`;

let s: TestServer;
let w: FairWorld;
const refs = (data: any) =>
  data.fairListings.nodes.map((n: { id: string }) => Object.entries(w.listings).find(([, id]) => toGlobalId('FairListing', id) === n.id)?.[0]);

beforeAll(async () => {
  s = await startTestServer(__filename);
  w = await makeFairWorld(s.databaseUrl, [
    {
      ref: 'moto-250',
      owner: 'moto',
      kind: 'OFFER',
      nameZh: '250cc 街车',
      nameEn: '250cc street motorcycle',
      category: 'motorcycles-and-parts',
      minQuantity: '20',
      unit: 'PIECE',
      priceMin: '980',
      priceMax: '1150',
      currency: 'USD',
      leadTimeDays: 45,
      markets: ['DE', 'PL', 'VN'],
      certifications: ['E_MARK', 'CE'],
      keywords: ['Zongshen'],
    },
    {
      ref: 'moto-helmet',
      owner: 'moto',
      kind: 'OFFER',
      nameZh: '摩托车头盔',
      nameEn: 'Motorcycle helmet',
      category: 'riding-gear',
      minQuantity: '200',
      priceMin: '18',
      priceMax: '26',
      currency: 'USD',
      leadTimeDays: 30,
      markets: ['US'],
      certifications: ['DOT'],
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
    {
      ref: 'laptop-14',
      owner: 'laptop',
      kind: 'OFFER',
      nameZh: '14英寸笔记本电脑',
      nameEn: '14-inch laptop',
      category: 'laptops-tablets',
      minQuantity: '100',
      priceMin: '260',
      priceMax: '320',
      currency: 'USD',
      leadTimeDays: 25,
      markets: ['DE', 'RU'],
      certifications: ['CE', 'FCC', 'ROHS'],
    },
    {
      ref: 'food-hotpot',
      owner: 'food',
      kind: 'OFFER',
      nameZh: '牛油火锅底料',
      nameEn: 'Beef tallow hotpot base',
      category: 'hotpot-seasonings',
      minQuantity: '1',
      unit: 'TONNE',
      priceMin: '4200',
      priceMax: '5100',
      currency: 'CNY',
      leadTimeDays: 10,
      markets: ['MY', 'SG'],
      certifications: ['HALAL'],
    },
    {
      ref: 'buyer-moto',
      owner: 'buyer',
      kind: 'REQUEST',
      nameZh: '采购125cc弯梁摩托车',
      nameEn: 'Sourcing 125cc underbone motorcycles',
      category: 'motorcycles-and-parts',
      minQuantity: '300',
      priceMax: '700',
      currency: 'USD',
      leadTimeDays: 60,
      markets: ['VN'],
    },
    { ref: 'laptop-old', owner: 'laptop', kind: 'OFFER', status: 'WITHDRAWN', nameZh: '旧款笔记本', nameEn: 'Last year laptop', category: 'laptops-tablets' },
  ]);
});
afterAll(() => s?.close());

describe('fairListings', () => {
  it('lists an edition’s published listings, newest first, never drafts or withdrawn ones', async () => {
    const data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, first: 50 }));
    expect(data.fairListings.totalCount).toBe(5);
    expect(refs(data).sort()).toEqual(['buyer-moto', 'food-hotpot', 'laptop-14', 'moto-250', 'moto-helmet']);
    const moto = data.fairListings.nodes.find((n: any) => n.nameEn === '250cc street motorcycle');
    expect(moto).toMatchObject({
      kind: 'OFFER',
      status: 'PUBLISHED',
      hall: { code: 'M1' },
      exhibitor: { booth: 'M1-A01' },
      category: { slug: 'motorcycles-and-parts' },
      minOrder: { quantity: '20.00', unit: 'PIECE' },
      priceRange: { min: { amount: '980.0000', currency: 'USD' }, max: { amount: '1150.0000' }, unit: 'PIECE' },
      leadTimeDays: 45,
      targetMarkets: ['DE', 'PL', 'VN'],
      certifications: ['E_MARK', 'CE'],
    });
  });

  it('combines search with filters: a category name, a brand, two-character Chinese and a typo', async () => {
    // The category's name (摩托车及零部件) is in no title: the listing is found through its category.
    let data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', kinds: ['OFFER'] }, search: '摩托车及零部件' }));
    expect(refs(data)).toEqual(['moto-250']);
    data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'zongshen' }));
    expect(refs(data)).toEqual(['moto-250']);
    data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', markets: ['US'] }, search: '头盔' }));
    expect(refs(data)).toEqual(['moto-helmet']);
    data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'motorcycel' }));
    expect(refs(data)).toEqual(expect.arrayContaining(['moto-250', 'moto-helmet']));
    data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', kinds: ['REQUEST'] }, search: 'motorcycles' }));
    expect(refs(data)).toEqual(['buyer-moto']);
  });

  it('filters by hall, category (a top level includes its children), belt, market, exhibitor and certification', async () => {
    const by = async (filter: object) => refs(expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', ...filter }, first: 50 }))).sort();
    expect(await by({ halls: [toGlobalId('FairHall', w.halls.E1)] })).toEqual(['food-hotpot', 'laptop-14']);
    expect(await by({ categories: ['auto-motorcycle-parts'] })).toEqual(['buyer-moto', 'moto-250', 'moto-helmet']);
    expect(await by({ categories: ['riding-gear'] })).toEqual(['moto-helmet']);
    expect(await by({ markets: ['DE'] })).toEqual(['laptop-14', 'moto-250']);
    expect(await by({ exhibitors: [toGlobalId('FairExhibitor', w.exhibitors.food.exhibitorId)] })).toEqual(['food-hotpot']);
    expect(await by({ certifications: { allOf: ['CE', 'FCC'] } })).toEqual(['laptop-14']);
    expect(await by({ kinds: ['REQUEST'] })).toEqual(['buyer-moto']);
    // Offers are asked for as "not a request" (fair_listing_find_gin holds requests only as a key): the same rows.
    expect(await by({ kinds: ['OFFER'] })).toEqual(['food-hotpot', 'laptop-14', 'moto-250', 'moto-helmet']);
    expect(await by({ kinds: ['OFFER', 'REQUEST'] })).toEqual(['buyer-moto', 'food-hotpot', 'laptop-14', 'moto-250', 'moto-helmet']);
    expect(await by({ kinds: ['OFFER'], categories: ['motorcycles-and-parts'] })).toEqual(['moto-250']);
  });

  it('refuses unknown slugs and codes with BAD_USER_INPUT naming them', async () => {
    for (const [filter, field] of [
      [{ edition: 'no-such-fair' }, 'filter.edition'],
      [{ categories: ['no-such-category'] }, 'filter.categories'],
      [{ belts: ['no-such-belt'] }, 'filter.belts'],
      [{ markets: ['XX'] }, 'filter.markets'],
      [{ hsChapters: ['8'] }, 'filter.hsChapters'],
    ] as const) {
      const res = await s.gql(LISTINGS, { filter });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
    }
  });

  it('shows drafts to their owner only', async () => {
    const anon = await s.gql(LISTINGS, { filter: { edition: 't-fair', statuses: ['DRAFT'] } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', statuses: ['DRAFT'] } }, bearer(w.buyer.key)));
    expect(other.fairListings.nodes).toEqual([]);
    const own = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', statuses: ['DRAFT'] } }, bearer(w.exhibitors.moto.key)));
    expect(refs(own)).toEqual(['moto-draft']);
    const node = await s.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('FairListing', w.listings['moto-draft']) });
    expect(expectData(node).node).toBeNull();
  });

  it('pages with stable cursors while listings are added', async () => {
    const first = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, first: 2 }));
    const seen = refs(first);
    // A listing published now goes to the front of the newest-first order: the next page neither repeats nor skips.
    await makeMore(s.databaseUrl);
    const next = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, first: 50, after: first.fairListings.pageInfo.endCursor }));
    expect([...seen, ...refs(next)].filter(Boolean).sort()).toEqual(['buyer-moto', 'food-hotpot', 'laptop-14', 'moto-250', 'moto-helmet']);
  });
});

describe('fairListings paging with filters and search', () => {
  it('pages one by one through a filtered, searched list in the same order as one page', async () => {
    for (const [filter, search] of [
      [{ edition: 't-fair', kinds: ['OFFER'] }, undefined],
      [{ edition: 't-fair' }, 'motorcycle'],
      [{ edition: 't-fair', markets: ['DE'] }, undefined],
      // A misspelt word is searched with the words it may have meant on every page, cursors included.
      [{ edition: 't-fair' }, 'motorcycel'],
    ] as const) {
      const all = refs(expectData(await s.gql(LISTINGS, { filter, search, first: 50 })));
      const paged: unknown[] = [];
      let after: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = expectData(await s.gql(LISTINGS, { filter, search, first: 1, after }));
        paged.push(...refs(page));
        if (!page.fairListings.pageInfo.hasNextPage) break;
        after = page.fairListings.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
      expect(all.length).toBeGreaterThan(1);
    }
  });
});

describe('fairListings search, on the newest listings and through the index', () => {
  it('finds a word at the end of a search text too long for the page index, on both paths', async () => {
    // 110 keywords of 17 characters: the search text of long-1 is longer than the 1,600 bytes
    // fair_listing_page_idx holds (search_head is null), so the newest window reads its row. It is
    // the newest of three matches: a window that missed it would answer with the two short ones.
    const long = Array.from({ length: 110 }, (_, i) => `filler${String(i).padStart(3, '0')}keyword`);
    const spec = { owner: 'laptop', kind: 'OFFER', category: 'laptops-tablets' } as const;
    const ids: Record<string, number> = {};
    for (const l of [
      { ...spec, ref: 'short-1', nameZh: '短文本一', nameEn: 'Short text one', keywords: ['quuxwidget', '钛合金'] },
      { ...spec, ref: 'short-2', nameZh: '短文本二', nameEn: 'Short text two', keywords: ['quuxwidget', '钛合金'] },
      { ...spec, ref: 'long-1', nameZh: '长文本', nameEn: 'Long text', keywords: [...long, 'quuxwidget', '钛合金'] },
    ]) {
      Object.assign(ids, await addFairListings(s.databaseUrl, w, [l]));
    }
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: s.databaseUrl });
    await c.connect();
    const { rows } = await c.query('select ref, search_head is null as long from fair_listing where id = any($1) order by ref', [Object.values(ids)]);
    await c.end();
    expect(rows).toEqual([
      { ref: 'long-1', long: true },
      { ref: 'short-1', long: false },
      { ref: 'short-2', long: false },
    ]);
    for (const search of ['quuxwidget', '钛合', 'Quuxwidget 钛合金']) {
      // first: 1 — the matches are among the newest: the page is found walking the page index;
      // first: 5 — fewer than a page there: found through fair_listing_find_gin.
      const paged: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 5; i++) {
        const page = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search, first: 1, after }));
        expect(page.fairListings.totalCount).toBe(3);
        paged.push(...refs(page));
        if (!page.fairListings.pageInfo.hasNextPage) break;
        after = page.fairListings.pageInfo.endCursor;
      }
      expect(paged).toEqual(['long-1', 'short-2', 'short-1']);
      const all = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', categories: ['laptops-tablets'] }, search, first: 5 }));
      expect(refs(all)).toEqual(['long-1', 'short-2', 'short-1']);
    }
  });
});

describe('fairListings, what a review found', () => {
  const COUNT = `query Count($filter: FairListingFilter, $search: String, $first: Int) {
    fairListings(filter: $filter, search: $search, first: $first) { totalCount } }`;

  it('answers totalCount alone where a page would be found among the newest listings', async () => {
    const all = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair', kinds: ['OFFER'] }, first: 50 }));
    for (const [filter, search] of [
      [{ edition: 't-fair', kinds: ['OFFER'] }, undefined],
      [{ edition: 't-fair' }, 'motorcycle'],
    ] as const) {
      const res = await s.gql(COUNT, { filter, search, first: 1 });
      expect(res.errors).toBeUndefined();
      const many = expectData(await s.gql(LISTINGS, { filter, search, first: 50 }));
      expect(res.data?.fairListings.totalCount).toBe(many.fairListings.nodes.length);
    }
    expect(all.fairListings.totalCount).toBe(all.fairListings.nodes.length);
  });

  it('reads categories and countries from the reference cache, not on every request', async () => {
    const q = { filter: { edition: 't-fair', categories: ['auto-motorcycle-parts'], markets: ['DE'] }, first: 5 };
    expect(refs(expectData(await s.gql(LISTINGS, q)))).toEqual(['moto-250']);
    expect(refs(expectData(await s.gql(LISTINGS, q)))).toEqual(['moto-250']);
    // The newest window and the page; no reference table.
    expect(s.lastStatements()).toBe(2);
  });

  it('refuses a page size out of bounds with BAD_USER_INPUT before reading anything', async () => {
    for (const first of [-2, 0, 101]) {
      const res = await s.gql(LISTINGS, { filter: { edition: 't-fair', kinds: ['OFFER'] }, search: 'motorcycle', first });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
    const res = await s.gql(LISTINGS, { filter: { edition: 't-fair', categories: ['no-such-category'] } });
    expect(res.errors?.[0]?.message).toBe('"no-such-category" is not a known product category slug (see `productCategories`)');
  });

  it('corrects a misspelt word that only a draft has', async () => {
    // "helmt" is in fair_search_word through another owner's draft: known, yet it finds nothing visible.
    await addFairListings(s.databaseUrl, w, [
      {
        ref: 'draft-helmt',
        owner: 'laptop',
        kind: 'OFFER',
        status: 'DRAFT',
        nameZh: '草稿',
        nameEn: 'Draft',
        category: 'laptops-tablets',
        keywords: ['helmt'],
      },
    ]);
    const data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'helmt' }));
    expect(refs(data)).toEqual(['moto-helmet']);
  });

  it('takes a listing whose text is long in four-byte characters, with sixty markets, and finds it', async () => {
    // 180 + 280 characters outside the BMP (4 bytes each) and 60 markets: an entry of the page index
    // holding this text would pass B-tree's 2,704 bytes; search_head is null for it instead.
    const ext = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x20000 + i)).join('');
    const markets = Array.from({ length: 60 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
    await addFairListings(s.databaseUrl, w, [
      { ref: 'ext-b', owner: 'laptop', kind: 'OFFER', nameZh: ext(180), nameEn: ext(280), category: 'laptops-tablets', markets, keywords: ['extbwidget'] },
    ]);
    const data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'extbwidget' }));
    expect(refs(data)).toEqual(['ext-b']);
  });
});

describe('fairListings after an owner changes', () => {
  it('finds a listing by its owner’s new name and new brand, and an app syncing hears of it', async () => {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: s.databaseUrl });
    await c.connect();
    const SYNC = `query($since: String!) { fairSync(edition: "t-fair", since: $since) { listings { nameEn } exhibitors { nameEn } } }`;
    const version = async () => (await c.query(`select sync_version::text as v from fair_edition where slug = 't-fair'`)).rows[0].v as string;
    try {
      const since = await version();
      const food = w.exhibitors.food.enterpriseId;
      await c.query(`update enterprise set name_en = 'Qianxiang Hotpot Makers', name_zh = '千香火锅制造' where id = $1`, [food]);
      let data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'qianxiang' }));
      expect(refs(data)).toEqual(['food-hotpot']);
      data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: '千香' }));
      expect(refs(data)).toEqual(['food-hotpot']);
      const synced = expectData(await s.gql(SYNC, { since }));
      expect(synced.fairSync.exhibitors.map((x: { nameEn: string }) => x.nameEn)).toEqual(['Qianxiang Hotpot Makers']);
      expect(synced.fairSync.listings.map((x: { nameEn: string }) => x.nameEn)).toEqual(['Beef tallow hotpot base']);
      // A brand added, then removed: found by it, then not.
      await c.query(`insert into brand (enterprise_id, name_zh, name_en, kind) values ($1, '辣妹子', 'Lamezi', 'OWN')`, [food]);
      data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'lamezi' }));
      expect(refs(data)).toEqual(['food-hotpot']);
      await c.query(`delete from brand where name_en = 'Lamezi'`);
      data = expectData(await s.gql(LISTINGS, { filter: { edition: 't-fair' }, search: 'lamezi' }));
      expect(refs(data)).toEqual([]);
    } finally {
      await c.end();
    }
  });
});

async function makeMore(url: string) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(
    `insert into fair_listing (edition_id, owner_id, exhibitor_id, kind, status, name_zh, name_en, description_zh, description_en, category_id)
     select edition_id, owner_id, exhibitor_id, 'OFFER', 'PUBLISHED', '新品', 'New item', '新品', 'New', category_id from fair_listing where ref = 'moto-250'`,
  );
  await c.end();
}
