/**
 * What every /graphql answer carries for caches and browsers, from the lean HTTP layer
 * (src/http/lean.ts): compression only when worth it and accepted, Vary for every header the
 * answer depends on, and CORS for any origin or for a configured list.
 */
import http from 'node:http';
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
