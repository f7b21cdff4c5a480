import pg from 'pg';
import { parseCsv } from './helpers/csv';
import { request } from './helpers/http';
import { expectData, startTestServer, type TestServer } from './helpers/server';

/*
 * Issue 17: the figures the 2027 targets are counted from are open data. A statistics office
 * downloads enterprise-annual-figures and enterprise-market-figures, recomputes the totals the
 * database holds, and follows later changes on the change feed. On a fresh copy of the seeded database.
 */

let s: TestServer;
let sql: pg.Client;

beforeAll(async () => {
  s = await startTestServer(__filename, { config: { datasetDigestMs: 3_600_000 } });
  sql = new pg.Client({ connectionString: s.databaseUrl });
  await sql.connect();
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await s?.close();
});

/** The CSV as objects by column key (the header is `key (中文)`). */
async function download(name: string): Promise<Record<string, string>[]> {
  const res = await request(`${s.url}/datasets/${name}.csv`);
  expect([name, res.status]).toEqual([name, 200]);
  const [header, ...records] = parseCsv(res.body.toString('utf8'));
  const keys = header.map((h) => h.split(' ')[0]);
  return records.map((cells) => {
    expect(cells.length).toBe(keys.length);
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
  });
}

/** An exact CNY amount ("123.45", "7", "0.5") in fen, so sums never go through a float. */
function fen(amount: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}
const sumFen = (values: string[]) => values.reduce((a, v) => a + fen(v), 0n);

async function one<T extends pg.QueryResultRow>(query: string, params: unknown[] = []): Promise<T> {
  return (await sql.query<T>(query, params)).rows[0];
}

const CHANGES = /* GraphQL */ `
  query ($after: String, $datasets: [String!]) {
    changes(after: $after, datasets: $datasets) {
      nodes {
        id dataset op
        node {
          id
          ... on EnterpriseAnnualFigure { year exports { amount } }
          ... on EnterpriseMarketFigure { year direction country { code } amount { amount } }
        }
      }
    }
  }`;
const head = async () => expectData(await s.gql<{ changeCursor: string }>('{ changeCursor }')).changeCursor;
type Changes = { changes: { nodes: { id: string; dataset: string; op: string; node: Record<string, any> | null }[] } };
const changesAfter = async (after: string, dataset: string) => expectData(await s.gql<Changes>(CHANGES, { after, datasets: [dataset] })).changes.nodes;

describe('enterprise-annual-figures', () => {
  it('has one row per enterprise and year whose enterprise is public, and its 2025 exports add up to the database’s', async () => {
    // Given: what an anonymous caller may see (every enterprise is public, as in the enterprises dataset)
    const db = await one<{ n: number; exports: string; credit_codes: number }>(
      `select count(*)::int as n, sum(f.exports_cny) filter (where f.year = 2025)::text as exports, count(distinct e.credit_code)::int as credit_codes
       from enterprise_annual_figure f join enterprise e on e.id = f.enterprise_id`,
    );
    expect(db.n).toBeGreaterThan(0);
    // When
    const rows = await download('enterprise-annual-figures');
    // Then
    expect(rows.length).toBe(db.n);
    expect(new Set(rows.map((r) => `${r.creditCode}/${r.year}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.creditCode)).size).toBe(db.credit_codes);
    const exports2025 = rows.filter((r) => r.year === '2025').map((r) => r.exportsCny);
    expect(exports2025.length).toBeGreaterThan(0);
    expect(sumFen(exports2025)).toBe(fen(db.exports));
    // Sample data says so in every row
    const sample = await one<{ n: number }>(
      'select count(*)::int as n from enterprise_annual_figure f join enterprise e on e.id = f.enterprise_id where e.is_sample',
    );
    expect(rows.filter((r) => r.isSample === 'true').length).toBe(sample.n);
  });

  it('an update and a delete of a figure appear in changes(datasets: ["enterprise-annual-figures"]), under the download’s id', async () => {
    // Given
    const after = await head();
    const f = await one<{ id: number; code: string }>(
      `select f.id, e.credit_code as code from enterprise_annual_figure f join enterprise e on e.id = f.enterprise_id where f.year = 2025 order by f.id limit 1`,
    );
    const id = (await download('enterprise-annual-figures')).find((r) => r.creditCode === f.code && r.year === '2025')!.id;
    // When
    await sql.query(`update enterprise_annual_figure set exports_cny = exports_cny + 1, cbec_transactions_cny = cbec_transactions_cny + 1 where id = $1`, [
      f.id,
    ]);
    const { exports } = await one<{ exports: string }>('select exports_cny::text as exports from enterprise_annual_figure where id = $1', [f.id]);
    const updated = await changesAfter(after, 'enterprise-annual-figures');
    const middle = await head();
    await sql.query('delete from enterprise_annual_figure where id = $1', [f.id]);
    const deleted = await changesAfter(middle, 'enterprise-annual-figures');
    // Then
    expect(updated).toEqual([{ id, dataset: 'enterprise-annual-figures', op: 'UPDATE', node: { id, year: 2025, exports: { amount: exports } } }]);
    expect(deleted).toEqual([{ id, dataset: 'enterprise-annual-figures', op: 'DELETE', node: null }]);
    expect((await download('enterprise-annual-figures')).some((r) => r.id === id)).toBe(false);
  });
});

describe('enterprise-market-figures', () => {
  it('has one row per market figure whose enterprise is public, and its 2025 exports add up to the database’s', async () => {
    // Given
    const db = await one<{ n: number; exports: string }>(
      `select count(*)::int as n, sum(f.amount_cny) filter (where f.year = 2025 and f.direction = 'EXPORT')::text as exports
       from enterprise_market_figure f join enterprise e on e.id = f.enterprise_id`,
    );
    expect(db.n).toBeGreaterThan(0);
    // When
    const rows = await download('enterprise-market-figures');
    // Then
    expect(rows.length).toBe(db.n);
    expect(new Set(rows.map((r) => `${r.creditCode}/${r.year}/${r.direction}/${r.countryCode}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.direction))).toEqual(new Set(['EXPORT', 'IMPORT']));
    const exports2025 = rows.filter((r) => r.year === '2025' && r.direction === 'EXPORT').map((r) => r.amountCny);
    expect(exports2025.length).toBeGreaterThan(0);
    expect(sumFen(exports2025)).toBe(fen(db.exports));
  });

  it('a new market figure appears in changes(datasets: ["enterprise-market-figures"]) with its node', async () => {
    // Given: a firm's 2025 exports, one market it has no figure for
    const after = await head();
    const g = await one<{ enterprise_id: number; code: string }>(
      `select f.enterprise_id, (select c.code from country c where not exists (
          select 1 from enterprise_market_figure m where m.enterprise_id = f.enterprise_id and m.year = 2025 and m.direction = 'EXPORT' and m.country_code = c.code)
        order by c.code limit 1) as code
       from enterprise_annual_figure f where f.year = 2025 and f.exports_cny > 0 order by f.id limit 1`,
    );
    // When
    const { id: key } = await one<{ id: number }>(
      `insert into enterprise_market_figure (enterprise_id, year, direction, country_code, amount_cny, created_at, updated_at)
       values ($1, 2025, 'EXPORT', $2, 0.01, now(), now()) returning id`,
      [g.enterprise_id, g.code],
    );
    const got = await changesAfter(after, 'enterprise-market-figures');
    // Then
    const id = Buffer.from(`EnterpriseMarketFigure:${key}`).toString('base64');
    expect(got).toEqual([
      {
        id,
        dataset: 'enterprise-market-figures',
        op: 'INSERT',
        node: { id, year: 2025, direction: 'EXPORT', country: { code: g.code }, amount: { amount: '0.01' } },
      },
    ]);
    expect((await download('enterprise-market-figures')).filter((r) => r.id === id).map((r) => r.amountCny)).toEqual(['0.01']);
    const fetched = expectData(
      await s.gql<{ node: Record<string, unknown> }>('query ($id: ID!) { node(id: $id) { id ... on EnterpriseMarketFigure { year amount { amount } } } }', {
        id,
      }),
    );
    expect(fetched.node).toEqual({ id, year: 2025, amount: { amount: '0.01' } });
    // and another dataset's feed does not carry it
    expect(await changesAfter(after, 'enterprise-annual-figures')).toEqual([]);
  });
});
