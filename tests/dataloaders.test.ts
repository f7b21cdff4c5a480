/**
 * By-key loads are batched: every `node` / `nodes` field of a request (aliases included) is read
 * with one statement per type, each field with its own selection; API keys that arrive together
 * are looked up with one statement.
 */
import 'reflect-metadata';
import pg from 'pg';
import { authenticate, clearApiKeyCache } from '../src/modules/auth/api-key.service';
import { toGlobalId } from '../src/graphql/ids';
import { issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';

describe('batched by-key loads', () => {
  let s: TestServer;
  let sql: pg.Client;
  let enterprises: { id: number; name_zh: string; credit_code: string }[];
  let warehouse: { id: number; slug: string };

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    enterprises = (await sql.query('select id, name_zh, credit_code from enterprise order by id limit 3')).rows;
    [warehouse] = (await sql.query('select id, slug from overseas_warehouse order by id limit 1')).rows;
  });
  afterAll(async () => {
    await sql?.end();
    await s?.close();
  });

  const E = (i: number) => toGlobalId('Enterprise', enterprises[i].id);

  it('reads node aliases of one type, each with its own selection, in one statement', async () => {
    const res = await s.gql<any>(
      `query($a: ID!, $b: ID!, $c: ID!) {
      a: node(id: $a) { ... on Enterprise { nameZh } }
      b: node(id: $b) { ... on Enterprise { creditCode } }
      c: node(id: $c) { id ... on Enterprise { nameZh creditCode } }
    }`,
      { a: E(0), b: E(1), c: E(2) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      a: { nameZh: enterprises[0].name_zh },
      b: { creditCode: enterprises[1].credit_code },
      c: { id: E(2), nameZh: enterprises[2].name_zh, creditCode: enterprises[2].credit_code },
    });
    expect(s.lastStatements()).toBe(1);
  });

  it('folds `nodes` and `node` fields together: one statement per type asked for', async () => {
    const W = toGlobalId('OverseasWarehouse', warehouse.id);
    const res = await s.gql<any>(
      `query($ids: [ID!]!, $w: ID!, $e: ID!) {
      many: nodes(ids: $ids) { ... on Enterprise { nameZh } ... on OverseasWarehouse { slug } }
      one: node(id: $w) { ... on OverseasWarehouse { slug } }
      again: node(id: $e) { ... on Enterprise { nameZh } }
    }`,
      { ids: [E(0), W, E(1), toGlobalId('Enterprise', 2_000_000_000)], w: W, e: E(0) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      many: [{ nameZh: enterprises[0].name_zh }, { slug: warehouse.slug }, { nameZh: enterprises[1].name_zh }, null],
      one: { slug: warehouse.slug },
      again: { nameZh: enterprises[0].name_zh },
    });
    expect(s.lastStatements()).toBe(2);
  });

  it('reads an ID with leading zeros in its key as the same row', async () => {
    const id = Buffer.from(`Enterprise:00${enterprises[0].id}`).toString('base64url');
    const res = await s.gql<any>(`query($id: ID!) { node(id: $id) { ... on Enterprise { nameZh } } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toEqual({ nameZh: enterprises[0].name_zh });
  });

  it('looks up API keys that arrive together with one statement', async () => {
    const keys = await Promise.all(enterprises.map((e) => issueKey(s.databaseUrl, e.id)));
    clearApiKeyCache();
    const pool = new pg.Pool({ connectionString: s.databaseUrl, max: 2 });
    const statements: string[] = [];
    const counting = {
      query: (text: string, values: unknown[]) => {
        statements.push(text);
        return pool.query(text, values);
      },
    } as unknown as pg.Pool;
    try {
      const viewers = await Promise.all(keys.map((k) => authenticate(counting, k)));
      expect(viewers.map((v) => v.enterpriseId)).toEqual(enterprises.map((e) => e.id));
      expect(statements).toHaveLength(1);
      // a wrong key among right ones is refused alone
      clearApiKeyCache();
      const wrong = `${keys[0].slice(0, -4)}AAAA`;
      const results = await Promise.allSettled([authenticate(counting, keys[1]), authenticate(counting, wrong)]);
      expect(results[0]).toMatchObject({ status: 'fulfilled', value: { enterpriseId: enterprises[1].id } });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'UNAUTHENTICATED' } } });
      expect(statements).toHaveLength(2);
    } finally {
      await pool.end();
    }
  });
});
