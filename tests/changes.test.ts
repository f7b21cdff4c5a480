import pg from 'pg';
import { makeFairWorld, type FairWorld } from './helpers/fair';
import { expectData, startTestServer, type TestServer } from './helpers/server';
import { pruneChanges } from '../src/modules/changes/changes.pruner';
import { buildApiSchema } from '../src/composition';
import { changeFeedDatasets } from '../src/db/change-capture';
import { sqlRegistry } from '../src/graphql/sql/registry';
import { PUBLIC_DATASETS } from './helpers/public-datasets';

const CHANGES = /* GraphQL */ `
  query($after: String, $first: Int, $datasets: [String!]) {
    changes(after: $after, first: $first, datasets: $datasets) {
      cursor resync
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id dataset op committedAt } }
    }
  }`;

const WITH_NODES = /* GraphQL */ `
  query($after: String, $datasets: [String!]) {
    changes(after: $after, datasets: $datasets) {
      cursor
      nodes { id op node { id ... on Country { code nameEn } ... on FairListing { nameEn status } } }
    }
  }`;

const HEAD = /* GraphQL */ '{ changeCursor }';

type Edge = { cursor: string; node: { id: string; dataset: string; op: string; committedAt: string } };
type Page = { changes: { cursor: string; resync: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] } };

const countryId = (code: string) => Buffer.from(`Country:${code}`).toString('base64');
const listingId = (id: number) => Buffer.from(`FairListing:${id}`).toString('base64');

describe('changes: the change feed in commit order', () => {
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

  const head = async () => expectData(await s.gql<{ changeCursor: string }>(HEAD)).changeCursor;
  const page = async (vars: Record<string, unknown>) => expectData(await s.gql<Page>(CHANGES, vars)).changes;
  const addCountry = (db: pg.Client, code: string) =>
    db.query(`insert into country (code, name_zh, name_en, region, currency) values ($1, '测试国', $2, 'Test', 'EUR')`, [code, `Test ${code}`]);

  it('every public dataset is captured, keyed as its node type is', async () => {
    const registry = sqlRegistry(await buildApiSchema());
    const declared = changeFeedDatasets();
    expect([...declared.keys()].sort()).toEqual([...PUBLIC_DATASETS].sort());
    for (const d of declared.values()) {
      expect({ dataset: d.dataset, table: registry.nodes[d.type]?.table, key: registry.nodes[d.type]?.column }).toEqual({
        dataset: d.dataset,
        table: d.table,
        key: d.key,
      });
    }
  });

  it('an insert, an update and a delete each appear once, in order, and the cursor is exclusive', async () => {
    // given the end of the feed
    const start = await head();
    // when a country is inserted, renamed (with a no-op on another) and deleted, in three transactions
    await addCountry(sql, 'XA');
    await sql.query(`update country set name_en = 'Renamed' where code = 'XA'`);
    await sql.query(`delete from country where code = 'XA'`);
    // then the feed after the cursor has the three changes, once each, in commit order
    const p = await page({ after: start, datasets: ['countries'] });
    expect(p.resync).toBe(false);
    expect(p.edges.map((e) => [e.node.id, e.node.op, e.node.dataset])).toEqual([
      [countryId('XA'), 'INSERT', 'countries'],
      [countryId('XA'), 'UPDATE', 'countries'],
      [countryId('XA'), 'DELETE', 'countries'],
    ]);
    expect(p.edges[2].node.committedAt >= p.edges[0].node.committedAt).toBe(true);
    expect(p.cursor).toBe(p.edges[2].cursor);
    expect(p.pageInfo.hasNextPage).toBe(false);
    // and from the stored cursor nothing comes again, the cursor stays
    const again = await page({ after: p.cursor, datasets: ['countries'] });
    expect(again.edges).toEqual([]);
    expect(again.cursor).toBe(p.cursor);
    // and from an edge's cursor, only what follows it
    const rest = await page({ after: p.edges[0].cursor, datasets: ['countries'] });
    expect(rest.edges.map((e) => e.node.op)).toEqual(['UPDATE', 'DELETE']);
  });

  it('pages through one large transaction a page at a time, each change once', async () => {
    const start = await head();
    await sql.query(
      `insert into country (code, name_zh, name_en, region, currency) select chr(89 + i / 10) || (i % 10), '测试', 'Bulk', 'Test', 'EUR' from generate_series(0, 19) i`,
    );
    const seen: string[] = [];
    let after = start;
    for (let i = 0; i < 10; i++) {
      const p = await page({ after, first: 7, datasets: ['countries'] });
      seen.push(...p.edges.map((e) => e.node.id));
      after = p.cursor;
      if (!p.pageInfo.hasNextPage) break;
    }
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
  });

  it('a transaction that wrote first and committed last is delivered after the cursor a reader stored in between (T1/T2)', async () => {
    // given two writers on their own connections
    const t1 = new pg.Client({ connectionString: s.databaseUrl });
    const t2 = new pg.Client({ connectionString: s.databaseUrl });
    await t1.connect();
    await t2.connect();
    try {
      const start = await head();
      // when T1 writes first, T2 writes and commits, a reader reads and stores its cursor, then T1 commits
      await t1.query('begin');
      await addCountry(t1, 'XB');
      await t2.query('begin');
      await addCountry(t2, 'XC');
      await t2.query('commit');
      const first = await page({ after: start, datasets: ['countries'] });
      await t1.query('commit');
      const second = await page({ after: first.cursor, datasets: ['countries'] });
      // then the reader has had each change exactly once: T2's first, T1's after its stored cursor
      expect(first.edges.map((e) => e.node.id)).toEqual([countryId('XC')]);
      expect(second.edges.map((e) => e.node.id)).toEqual([countryId('XB')]);
      // (ordering by change id would have put T1's change, written first, before the stored cursor)
      const ids = await sql.query<{ key: string; id: string }>(`select key, id from change_log where key in ('XB', 'XC') order by id`);
      expect(ids.rows.map((r) => r.key)).toEqual(['XB', 'XC']);
    } finally {
      await t1.end();
      await t2.end();
    }
  });

  describe('fair listings: the public view', () => {
    let w: FairWorld;
    let start: string;
    beforeAll(async () => {
      start = await head();
      w = await makeFairWorld(s.databaseUrl, [
        { ref: 'pub', owner: 'moto', kind: 'OFFER', nameZh: '摩托车', nameEn: 'Motorcycle', category: 'motorcycles-and-parts' },
        { ref: 'draft', owner: 'moto', kind: 'OFFER', status: 'DRAFT', nameZh: '草稿', nameEn: 'Draft bike', category: 'motorcycles-and-parts' },
      ]);
    });

    it('a published listing appears as an INSERT with its node; a draft logs nothing', async () => {
      const p = expectData(await s.gql(WITH_NODES, { after: start, datasets: ['fair-listings'] })).changes;
      expect(p.nodes).toEqual([
        { id: listingId(w.listings.pub), op: 'INSERT', node: { id: listingId(w.listings.pub), nameEn: 'Motorcycle', status: 'PUBLISHED' } },
      ]);
      const exhibitors = await page({ after: start, datasets: ['fair-exhibitors', 'fair-editions'] });
      // (the edition: inserted, then its sync version moves with each exhibitor and listing: updates)
      expect(exhibitors.edges.filter((e) => e.node.dataset === 'fair-exhibitors').map((e) => e.node.op)).toEqual(['INSERT', 'INSERT', 'INSERT']);
      expect(exhibitors.edges.filter((e) => e.node.dataset === 'fair-editions')[0].node.op).toBe('INSERT');
    });

    it('withdrawing a listing is a tombstone (DELETE, node null); publishing the draft an INSERT; editing the draft nothing', async () => {
      const from = await head();
      await sql.query(`update fair_listing set name_en = 'Still a draft' where id = $1`, [w.listings.draft]);
      await sql.query(`update fair_listing set status = 'WITHDRAWN', updated_at = now() where id = $1`, [w.listings.pub]);
      await sql.query(`update fair_listing set status = 'PUBLISHED', updated_at = now() where id = $1`, [w.listings.draft]);
      const p = expectData(await s.gql(WITH_NODES, { after: from, datasets: ['fair-listings'] })).changes;
      expect(p.nodes).toEqual([
        { id: listingId(w.listings.pub), op: 'DELETE', node: null },
        { id: listingId(w.listings.draft), op: 'INSERT', node: { id: listingId(w.listings.draft), nameEn: 'Still a draft', status: 'PUBLISHED' } },
      ]);
    });
  });

  it('the node is selectable through fragments, and null once the object is gone', async () => {
    const from = await head();
    await addCountry(sql, 'XD');
    await addCountry(sql, 'XE');
    await sql.query(`delete from country where code = 'XE'`);
    const p = expectData(await s.gql(WITH_NODES, { after: from, datasets: ['countries'] })).changes;
    expect(p.nodes).toEqual([
      { id: countryId('XD'), op: 'INSERT', node: { id: countryId('XD'), code: 'XD', nameEn: 'Test XD' } },
      { id: countryId('XE'), op: 'INSERT', node: null },
      { id: countryId('XE'), op: 'DELETE', node: null },
    ]);
  });

  it('unknown datasets and bad input are BAD_USER_INPUT naming them', async () => {
    const unknown = await s.gql(CHANGES, { datasets: ['countries', 'planets', 'moons'] });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toMatch(/"planets", "moons"/);
    expect(unknown.errors?.[0].extensions?.argument).toBe('datasets');
    for (const after of ['garbage', Buffer.from('c1:x').toString('base64'), Buffer.from('Country:DE').toString('base64'), '']) {
      const bad = await s.gql(CHANGES, { after });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
    for (const first of [0, 201]) {
      const bad = await s.gql(CHANGES, { first });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
    const many = await s.gql(CHANGES, { datasets: Array.from({ length: 31 }, () => 'countries') });
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a cursor older than the retained log is told to resync; a cursor at the end is not', async () => {
    // given a client's stored cursor and a change after it
    const old = await head();
    await addCountry(sql, 'XF');
    // when everything committed so far is pruned (retention 0 days)
    const pruned = await pruneChanges(sql, 0);
    expect(pruned.transactions).toBeGreaterThan(0);
    // then the old cursor must resync and gets no changes
    const stale = await page({ after: old });
    expect(stale).toMatchObject({ resync: true, edges: [], cursor: old });
    // and the cursor of now reads on without resync
    const now = await head();
    await addCountry(sql, 'XG');
    const fresh = await page({ after: now, datasets: ['countries'] });
    expect(fresh.resync).toBe(false);
    expect(fresh.edges.map((e) => e.node.id)).toEqual([countryId('XG')]);
  });
});
