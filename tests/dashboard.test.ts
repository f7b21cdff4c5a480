import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type App } from '../src/app';
import { createLogger } from '../src/logger';
import { escapeXml } from '../src/http/svg-chart';
import { DASHBOARD_CHARTS, DASHBOARD_ENTERPRISES_BY_DISTRICT, districtLabel } from '../src/modules/statistics/dashboard.charts';
import { testDatabase } from './helpers/db';
import { CHROMIUM_ARGS, CHROMIUM_PATH, itInBrowserFor, requireChromium } from './helpers/chromium';
import { expectData, startTestServer, type TestServer } from './helpers/server';

/**
 * /dashboard: the statistics-monitoring page. Over HTTP: its headers (HTML, CSP without scripts,
 * caching), both languages, its charts made from the API's own queries and charged as anonymous
 * queries, every text escaped, an empty database. In headless Chromium (as explorer.test.ts): each
 * chart renders (its screenshot is not blank), the sample badge shows, the links lead to the
 * dataset and to the explorer with the query in its editor, and no request leaves the origin.
 */

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const itInBrowser = itInBrowserFor('dashboard.test.ts');

const HOSTILE = `<script>alert("x")</script>&'`;

/**
 * Pixels of a PNG that are not background (near-white or transparent), counted in the page's own
 * canvas. The function is text: it runs in the browser, and the tests compile without the DOM types.
 */
const COUNT_INK = `async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink += 1;
  return { ink, total: canvas.width * canvas.height };
}`;

async function inkPixels(page: Page, png: Buffer): Promise<{ ink: number; total: number }> {
  return page.evaluate(`(${COUNT_INK})(${JSON.stringify(png.toString('base64'))})`);
}

describe('/dashboard', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer(__filename);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves a script-free, cacheable HTML page in English and Chinese', async () => {
    // when the page is asked for in English
    const res = await fetch(`${s.url}/dashboard`, { headers: { accept: BROWSER_ACCEPT, 'accept-language': 'en-GB,en;q=0.9' } });
    // then HTML, with a policy that allows no script and caching like the API's answers
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Chongqing CBEC statistics monitoring');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // one section per chart, each with its SVG, its dataset and its query
    for (const c of DASHBOARD_CHARTS) {
      const at = html.indexOf(`data-chart="${c.id}"`);
      expect([c.id, at]).not.toEqual([c.id, -1]);
      const part = html.slice(at, html.indexOf('</section>', at));
      expect(part).toContain('<svg');
      expect(part).toContain(`href="/datasets/${c.dataset}.csv"`);
      expect(part).toContain('href="/graphql?explore=');
    }
    // and the seeded data is fictitious: said on the page and on the charts
    expect(html).toContain('class="banner"');
    expect(html).toContain('class="badge"');

    // given the same ETag, then 304
    const again = await fetch(`${s.url}/dashboard`, { headers: { 'accept-language': 'en', 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);

    // when ?lang=zh overrides the header, then Chinese, with a link back to English
    const zh = await (await fetch(`${s.url}/dashboard?lang=zh`, { headers: { 'accept-language': 'en' } })).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('重庆跨境电商统计监测');
    expect(zh).toContain('href="/dashboard?lang=en"');
    expect(zh).toContain('示例数据');

    // and a language it does not have is refused by name
    const fr = await fetch(`${s.url}/dashboard?lang=fr`);
    expect(fr.status).toBe(400);
    expect(((await fr.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('charts what its query answers', async () => {
    // given the districts' enterprise counts, as the linked query answers them
    const data = expectData<{ statistics: { enterprises: { district: { code: string; name: string; confidence: string }; enterpriseCount: number }[] } }>(
      await s.gql(DASHBOARD_ENTERPRISES_BY_DISTRICT, undefined, { 'accept-language': 'en' }),
    );
    const groups = data.statistics.enterprises;
    expect(groups.length).toBeGreaterThan(3);
    // when the page is read
    const html = await (await fetch(`${s.url}/dashboard?lang=en`)).text();
    const at = html.indexOf('data-chart="enterprises-by-district"');
    const part = html.slice(at, html.indexOf('</section>', at));
    // then its table holds each group's figure
    for (const g of groups)
      expect(part).toContain(`<tr><td>${escapeXml(districtLabel(g.district, 'en'))}</td><td class="num">${g.enterpriseCount.toLocaleString('en')}</td></tr>`);
    // and a district whose code rests on one source (500157 两江新区) says so beside its figure
    const liangjiang = groups.find((g) => g.district.code === '500157');
    expect(liangjiang?.district.confidence).toBe('SINGLE_SOURCE');
    expect(part).toContain('Liangjiang New Area (code 500157, one source only)');
    // and the explorer link carries that very document
    const href = /class="query" href="([^"]+)"/.exec(part)![1].replace(/&amp;/g, '&');
    expect(new URL(href, s.url).searchParams.get('explore')).toBe(DASHBOARD_ENTERPRISES_BY_DISTRICT);
  });

  it('opens the explorer with a query from its address, escaped inside the page', async () => {
    const doc = `{ __typename } # </SCRIPT><script>alert(1)</script>`;
    const res = await fetch(`${s.url}/graphql?explore=${encodeURIComponent(doc)}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('"initialQuery":"{ __typename } # \\u003c/SCRIPT>\\u003cscript>alert(1)\\u003c/script>"');
    expect(html).not.toMatch(/<\/SCRIPT>|<script>alert/);
  });

  itInBrowser('renders every chart in Chromium, links to the data and the query, and stays on its origin', async () => {
    requireChromium();
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
      const requested: string[] = [];
      context.on('request', (r) => requested.push(r.url()));
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });

      // when the page is opened in a Chinese browser
      await page.goto(`${s.url}/dashboard`);
      // then Chinese, every chart drawn (its screenshot has ink), the sample badge shown
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await expect(page.locator('h1').textContent()).resolves.toBe('重庆跨境电商统计监测');
      const charts = page.locator('section[data-chart] svg.chart');
      expect(await charts.count()).toBe(DASHBOARD_CHARTS.length);
      for (let i = 0; i < DASHBOARD_CHARTS.length; i++) {
        const svg = charts.nth(i);
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(50);
        const { ink, total } = await inkPixels(page, await svg.screenshot());
        expect([DASHBOARD_CHARTS[i].id, ink > Math.max(400, total * 0.02)]).toEqual([DASHBOARD_CHARTS[i].id, true]);
      }
      expect(await page.locator('.badge').count()).toBeGreaterThan(0);
      await expect(page.locator('.badge').first().textContent()).resolves.toBe('示例数据');
      // the table under a chart opens without script
      await page.locator('#warehouses-by-country details summary').first().click();
      expect(await page.locator('#warehouses-by-country table tbody tr').count()).toBeGreaterThan(0);
      if (process.env.DASHBOARD_SCREENSHOT) await page.screenshot({ path: process.env.DASHBOARD_SCREENSHOT, fullPage: true });

      // and every chart links to its dataset by the catalogue's names
      const datasets = await page.locator('a.dataset').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(datasets).toEqual(DASHBOARD_CHARTS.map((c) => `/datasets/${c.dataset}.csv`));

      // when the language switch is followed, then English
      await page.click('a.lang-switch');
      await page.waitForURL(/lang=en/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Chongqing CBEC statistics monitoring');
      expect(await page.locator('section[data-chart] svg.chart').count()).toBe(DASHBOARD_CHARTS.length);

      // when a chart's query link is followed, then the explorer opens with that query in its editor
      await page.locator('#warehouses-by-country a.query').click();
      await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 30_000 });
      await page.locator('.graphiql-query-editor').getByText('DashboardWarehousesByCountry').first().waitFor({ timeout: 30_000 });
      // and runs it
      await page.click('.graphiql-execute-button');
      await page.locator('.graphiql-response').getByText('warehouseCount').first().waitFor({ timeout: 30_000 });
      expect(await page.textContent('.graphiql-response')).not.toContain('"errors"');

      // and not one request left the origin
      expect(requested.filter((u) => !u.startsWith('data:') && new URL(u).origin !== s.url)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser?.close();
    }
  });

  it('charges its queries to the visitor’s anonymous budget', async () => {
    // given a visitor with a budget smaller than the dashboard's queries
    const small = await startTestServer(__filename, {
      config: { rateLimits: { windowSeconds: 60, anonymous: 30, tiers: { STANDARD: 10_000, PARTNER: 10_000, INTERNAL: 10_000 } } },
    });
    try {
      // when the page is asked for, then it is refused as its queries were: 429 with Retry-After
      const res = await fetch(`${small.url}/dashboard`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await small.close();
    }
  });

  it('says "no data" over an empty database', async () => {
    // given a migrated database without a row
    const db = await testDatabase(__filename, { empty: true });
    let app: App | undefined;
    let server: Server | undefined;
    try {
      app = await createApp({
        databaseUrl: db.url,
        config: { dbPoolSize: 2, seedWhenEmpty: false, responseCache: false, accessLog: false },
        logger: createLogger('error', () => undefined),
      });
      server = await new Promise<Server>((resolve) => {
        const srv = app!.listen(0, '127.0.0.1', () => resolve(srv));
      });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // when the page is asked for
      const res = await fetch(`${url}/dashboard?lang=en`);
      // then every chart says there is nothing yet, and nothing claims sample data
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html.match(/No data yet\./g)).toHaveLength(DASHBOARD_CHARTS.length);
      expect(html).not.toContain('<svg');
      expect(html).not.toContain('class="badge"');
      expect(html).not.toContain('class="banner"');
    } finally {
      if (server) await new Promise((r) => server!.close(r));
      await app?.close();
      await db.drop();
    }
  });

  it('escapes every name it shows', async () => {
    // given a district and a country whose names carry markup
    const client = new pg.Client({ connectionString: s.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `update district set name_en = $1, name_zh = $1 where code = (select district_code from enterprise where district_code is not null limit 1)`,
        [HOSTILE],
      );
      await client.query(`update country set name_en = $1, name_zh = $1 where code = (select country_code from overseas_warehouse limit 1)`, [HOSTILE]);
    } finally {
      await client.end();
    }
    for (const lang of ['en', 'zh']) {
      // when the page is read
      const html = await (await fetch(`${s.url}/dashboard?lang=${lang}`)).text();
      // then the names are text, in the charts and in the tables
      expect(html).not.toContain('<script');
      expect(html).not.toContain(HOSTILE);
      const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';
      expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(4);
    }
  });

  it('drops the sample marks when no record is sample data', async () => {
    // given the same records, none of them sample data any more
    const client = new pg.Client({ connectionString: s.databaseUrl });
    await client.connect();
    try {
      for (const table of ['enterprise', 'overseas_warehouse', 'industrial_park', 'industrial_belt'])
        await client.query(`update ${table} set is_sample = false`);
    } finally {
      await client.end();
    }
    // then the queries count no sample record
    const progress = expectData<{ policyProgress: { targets: { progress: { currentValue: number; sampleValue: number; dataBasis: string } }[] } }>(
      await s.gql(`{ policyProgress { targets { progress { currentValue sampleValue dataBasis } } } }`),
    );
    expect(progress.policyProgress.targets.filter((t) => !['RECORDED_ONLY', 'NO_DATA'].includes(t.progress.dataBasis))).toEqual([]);
    expect(progress.policyProgress.targets.some((t) => t.progress.currentValue > 0)).toBe(true);
    expect(progress.policyProgress.targets.map((t) => t.progress.sampleValue).filter((v) => v !== 0)).toEqual([]);
    // and the page marks nothing, while it still draws every chart
    const html = await (await fetch(`${s.url}/dashboard?lang=en`)).text();
    expect(html).not.toContain('class="badge"');
    expect(html).not.toContain('class="banner"');
    expect(html.match(/<svg /g)).toHaveLength(DASHBOARD_CHARTS.length);
  });
});
