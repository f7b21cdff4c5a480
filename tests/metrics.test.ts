/** Prometheus metrics at /metrics: what an operator watches, counted as requests are served. */
import { startTestServer, type TestServer } from './helpers/server';

describe('GET /metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(__filename, { config: { holdSweepMs: 100, maxQueryCost: 1000 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  const metrics = async () => {
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : NaN;
  };

  it('counts requests by operation and status, their cost, errors by code, the pool, sockets and sweeps', async () => {
    // given two named queries, one refused for its cost, and an anonymous one
    for (let i = 0; i < 2; i++) expect((await s.gql('query Districts { districts(first: 3) { nodes { code } } }')).errors).toBeUndefined();
    const refused = await s.gql('query TooMuch { enterprises(first: 100) { nodes { warehouses(first: 100) { nodes { id } } } } }');
    expect(refused.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    await s.gql('{ __typename }');
    await new Promise((r) => setTimeout(r, 350));

    // when the operator scrapes
    const text = await metrics();

    // then
    expect(value(text, 'cbec_http_requests_total{operation="Districts",status="200"}')).toBe(2);
    expect(value(text, 'cbec_http_requests_total{operation="TooMuch",status="400"}')).toBe(1);
    expect(value(text, 'cbec_http_requests_total{operation="anonymous",status="200"}')).toBe(1);
    expect(value(text, 'cbec_http_request_duration_seconds_count{operation="Districts"}')).toBe(2);
    expect(value(text, 'cbec_graphql_errors_total{code="QUERY_TOO_COMPLEX"}')).toBe(1);
    expect(value(text, 'cbec_query_cost_points_total')).toBeGreaterThanOrEqual(2);
    expect(value(text, 'cbec_db_read_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'cbec_db_read_pool_connections{state="waiting"}')).toBe(0);
    expect(value(text, 'cbec_subscription_sockets')).toBe(0);
    expect(value(text, 'cbec_task_runs_total{task="hold-sweep",result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^cbec_process_process_cpu_user_seconds_total /m);
  });

  it('keeps operation names a client makes up from growing the label set: odd ones are "other"', async () => {
    await s.gql('query weird_name_ok { __typename }');
    await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', operationName: 'not a name!' }),
    });
    const text = await metrics();
    expect(value(text, 'cbec_http_requests_total{operation="weird_name_ok",status="200"}')).toBe(1);
    expect(text).not.toMatch(/not a name/);
  });
});
