import { chromium, type Browser } from 'playwright-core';
import { EXPLORER_ASSETS_PATH } from '../src/http/explorer';
import { CHROMIUM_ARGS, CHROMIUM_PATH, itInBrowserFor, requireChromium } from './helpers/chromium';
import { expectData, startTestServer, type TestServer } from './helpers/server';

/**
 * The explorer works from our own origin alone: a real browser opens GET /graphql, the page loads
 * GraphiQL from /explorer/assets, runs the default query against /graphql and shows seeded data,
 * and not one request goes anywhere else (no CDN, no fonts, no telemetry).
 */

const FIRST_WAREHOUSE = /* GraphQL */ `{ overseasWarehouses(first: 1) { nodes { nameZh } } }`;

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const itInBrowser = itInBrowserFor('explorer.test.ts');

describe('GraphQL explorer', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer(__filename);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves the page to browsers and leaves GraphQL GETs to Apollo', async () => {
    // given a browser's Accept header and no query
    const page = await fetch(`${s.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    // then the explorer page, which loads only our own assets
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('vary')).toMatch(/accept/i);
    const html = await page.text();
    expect(html).toContain(`${EXPLORER_ASSETS_PATH}ruru.js`);
    expect(html).not.toMatch(/https?:\/\//);

    // given a GET with a query, then Apollo answers it
    const query = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(query.status).toBe(200);
    const answer = (await query.json()) as { data: unknown; errors?: unknown; extensions: { cost: { requestedQueryCost: number } } };
    expect(answer.data).toEqual({ __typename: 'Query' });
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions.cost.requestedQueryCost).toBe(1);

    // given a GraphQL client without a preference (Accept: */*), then no HTML
    const plain = await fetch(`${s.url}/graphql`, { headers: { accept: '*/*' } });
    expect(plain.headers.get('content-type')).not.toMatch(/html/);
  });

  it('serves the bundled assets with long cache lifetimes, and nothing else', async () => {
    // when the entry script is fetched
    const js = await fetch(`${s.url}${EXPLORER_ASSETS_PATH}ruru.js`);
    // then it comes from the bundle, cacheable for a year (the version is in the path)
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = js.headers.get('etag');
    expect(etag).toBeTruthy();
    await js.arrayBuffer();
    const again = await fetch(`${s.url}${EXPLORER_ASSETS_PATH}ruru.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);

    // and nothing outside the bundle's own file list is served
    for (const path of [
      EXPLORER_ASSETS_PATH,
      `${EXPLORER_ASSETS_PATH}ruru.js.map`,
      `${EXPLORER_ASSETS_PATH}nope.js`,
      `${EXPLORER_ASSETS_PATH}..%2F..%2Fpackage.json`,
      '/explorer/assets/ruru-0.0.0/ruru.js',
    ]) {
      const res = await fetch(`${s.url}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  itInBrowser('runs the default query in headless Chromium without leaving the origin', async () => {
    requireChromium();
    // given the first seeded warehouse, as the API itself reports it
    const { nodes } = expectData<{ overseasWarehouses: { nodes: { nameZh: string }[] } }>(await s.gql(FIRST_WAREHOUSE)).overseasWarehouses;
    expect(nodes).toHaveLength(1);
    const expected = nodes[0].nameZh;
    expect(expected).toMatch(/[\u4e00-\u9fff]/);

    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
      const requested: string[] = [];
      context.on('request', (r) => requested.push(r.url()));
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));

      // when the explorer is opened and its default query is run
      await page.goto(`${s.url}/graphql`);
      await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 30_000 });
      await page.locator('.graphiql-query-editor').getByText('overseasWarehouses').first().waitFor({ timeout: 30_000 });
      await page.click('.graphiql-execute-button');

      // then the result pane shows the seeded warehouse
      await page.locator('.graphiql-response').getByText(expected).first().waitFor({ timeout: 30_000 });
      const result = (await page.textContent('.graphiql-response')) ?? '';
      expect(result).toContain('"overseasWarehouses"');
      expect(result).not.toContain('"errors"');
      if (process.env.EXPLORER_SCREENSHOT) await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });

      // and every request stayed on this server
      expect(requested).toContain(`${s.url}${EXPLORER_ASSETS_PATH}ruru.js`);
      expect(requested.filter((u) => new URL(u).origin !== s.url)).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});
