/** The SDL over HTTP at /schema.graphql: what is committed as schema/schema.graphql, cacheable. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from './helpers/server';

describe('GET /schema.graphql', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(__filename);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves the committed SDL as text, with an ETag; a matching If-None-Match gets 304', async () => {
    const res = await fetch(`${s.url}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.text()).toBe(readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await fetch(`${s.url}/schema.graphql`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // a browser app on another origin can read it (CORS)
    const cors = await fetch(`${s.url}/schema.graphql`, { headers: { origin: 'https://fair.example.cn' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('*');
  });
});
