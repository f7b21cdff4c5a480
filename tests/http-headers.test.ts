/**
 * What every /graphql answer carries for caches and browsers, from the lean HTTP layer
 * (src/http/lean.ts): compression only when worth it and accepted, Vary for every header the
 * answer depends on, and CORS for any origin or for a configured list.
 */
import http from 'node:http';
import { issueKey } from './helpers/keys';
import { startTestServer, type TestServer } from './helpers/server';

function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; length: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let length = 0;
      res.on('data', (b: Buffer) => {
        length += b.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, length }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP headers of /graphql answers', () => {
  let s: TestServer;
  let listed: TestServer;
  beforeAll(async () => {
    s = await startTestServer(__filename);
    listed = await startTestServer(__filename, { config: { corsOrigins: ['https://fair.example.cn'] } });
  });
  afterAll(async () => {
    await s?.close();
    await listed?.close();
  });
  const SMALL = JSON.stringify({ query: '{ __typename }' });
  const LARGE = JSON.stringify({ query: '{ districts(first: 50) { nodes { code nameZh nameEn } } }' });

  it('a small answer is sent as it is, whatever the client accepts; Vary names Accept-Encoding and the rest', async () => {
    const res = await post(`${s.url}/graphql`, SMALL, { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    const vary = String(res.headers.vary).toLowerCase();
    for (const h of ['accept-encoding', 'accept-language', 'authorization', 'x-api-key']) expect(vary).toContain(h);
  });

  it('a large answer comes in the encoding preferred and not refused (q=0 refuses)', async () => {
    expect((await post(`${s.url}/graphql`, LARGE, { 'accept-encoding': 'gzip, br' })).headers['content-encoding']).toBe('br');
    expect((await post(`${s.url}/graphql`, LARGE, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    const plain = await post(`${s.url}/graphql`, LARGE, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await post(`${s.url}/graphql`, LARGE, { 'accept-encoding': 'gzip' });
    expect(Number(gz.headers['content-length'])).toBe(gz.length);
    expect(gz.length).toBeLessThan(plain.length);
  });

  it('CORS: any origin by default, exposing the rate-limit and request-id headers', async () => {
    const res = await post(`${s.url}/graphql`, SMALL, { origin: 'https://anywhere.example' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers'])).toContain('X-RateLimit-Remaining');
  });

  it('CORS with a list: a listed origin is allowed by name, another gets no allow header; Vary names Origin', async () => {
    const ok = await post(`${listed.url}/graphql`, SMALL, { origin: 'https://fair.example.cn' });
    expect(ok.headers['access-control-allow-origin']).toBe('https://fair.example.cn');
    expect(String(ok.headers.vary).toLowerCase()).toContain('origin');
    const other = await post(`${listed.url}/graphql`, SMALL, { origin: 'https://elsewhere.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('Cache-Control of /graphql answers: one policy per operation (src/graphql/plugins/cache-policy.ts)', () => {
  let s: TestServer;
  let key: string;
  beforeAll(async () => {
    s = await startTestServer(__filename);
    key = await issueKey(s.databaseUrl, 1);
  });
  afterAll(() => s?.close());
  const cacheControl = async (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) =>
    (await s.gql(query, variables, headers)).headers.get('cache-control');

  it('public reads may be kept 30 s, by every cache, with or without a key', async () => {
    expect(await cacheControl('{ districts(first: 2) { nodes { code } } }')).toBe('max-age=30, public');
    expect(await cacheControl('query Q { ...F } fragment F on Query { countries(first: 1) { nodes { code } } }')).toBe('max-age=30, public');
    expect(await cacheControl('{ districts(first: 1) { nodes { code } } }', { authorization: `Bearer ${key}` })).toBe('max-age=30, public');
    // The policy of a document is kept; variables that do not coerce (an error, no-store) do not stick to it.
    const q = 'query V($n: Int) { countries(first: $n) { nodes { code } } }';
    expect(await cacheControl(q, {}, { n: 'many' })).toBe('no-store');
    expect(await cacheControl(q, {}, { n: 2 })).toBe('max-age=30, public');
  });

  it('an answer that depends on the caller is no-store, even beside public fields', async () => {
    expect(await cacheControl('{ rateLimit { tier } districts(first: 1) { nodes { code } } }')).toBe('no-store');
    expect(await cacheControl('{ capacityDemands(first: 1) { totalCount } }', { authorization: `Bearer ${key}` })).toBe('no-store');
  });

  it('answers that ask nothing of the data, answers with errors and mutations are no-store', async () => {
    expect(await cacheControl('{ __typename }')).toBe('no-store');
    expect(await cacheControl('{ __schema { queryType { name } } }')).toBe('no-store');
    expect(await cacheControl('query Q($skip: Boolean!) { districts(first: 1) @skip(if: $skip) { nodes { code } } __typename }', {}, { skip: true })).toBe(
      'no-store',
    );
    expect(await cacheControl('{ districts(first: 1000) { nodes { code } } }')).toBe('no-store');
    expect(await cacheControl('mutation { __typename }', { authorization: `Bearer ${key}` })).toBe('no-store');
  });
});

describe('the /graphql HTTP layer (src/http/graphql-http.ts)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(__filename);
  });
  afterAll(() => s?.close());

  it('keeps a well-formed X-Request-Id, makes one otherwise, and answers bodies that are not JSON with a 400', async () => {
    const kept = await post(`${s.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'trace-42.a_b' });
    expect(kept.headers['x-request-id']).toBe('trace-42.a_b');
    const made = await post(`${s.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'bad id with spaces' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'r1' }, body: '[1,' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST', requestId: 'r1' } }] });
  });

  it('refuses a body over 1 MB with 413 and a code, and a body it cannot decode with 415', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const latin = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=klingon' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(latin.status).toBe(415);
  });

  it('reads JSON bodies as body-parser does: objects only, any charset spelling of UTF-8, or chunked', async () => {
    const send = (body: string, type = 'application/json') => fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
    const scalar = await send('"{ __typename }"');
    expect(scalar.status).toBe(400);
    expect(((await scalar.json()) as any).errors[0].message).toBe('The request body is not valid JSON');
    for (const type of ['application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      expect(((await (await send(JSON.stringify({ query: '{ __typename }' }), type)).json()) as any).data.__typename).toBe('Query');
    }
    const chunked = await post(`${s.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(200);
  });

  it('accepts a gzip-compressed request body', async () => {
    const { gzipSync } = await import('node:zlib');
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ districts(first: 1) { nodes { code } } }' })),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.districts.nodes).toHaveLength(1);
  });

  it('a GET answer revalidates with its ETag (304 without a body), unless the client says no-cache', async () => {
    const url = `${s.url}/graphql?query=${encodeURIComponent('{ districts(first: 2) { nodes { code } } }')}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    // fetch() itself sends Cache-Control: no-cache with If-None-Match unless told otherwise.
    const again = await fetch(url, { headers: { 'if-none-match': `"other", ${etag}`, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await fetch(url, { headers: { 'if-none-match': etag, 'cache-control': 'no-cache' } })).status).toBe(200);
    expect((await fetch(url, { headers: { 'if-none-match': '"other"', 'cache-control': 'max-age=0' } })).status).toBe(200);
  });

  it('a browser asking for HTML gets the explorer, a client preferring JSON gets GraphQL, and other paths stay JSON 404s', async () => {
    const page = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const json = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json, text/html;q=0.9' } });
    expect(((await json.json()) as any).data.__typename).toBe('Query');
    const missing = await fetch(`${s.url}/graphqlx`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
