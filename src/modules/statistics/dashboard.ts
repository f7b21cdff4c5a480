import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { badInput, ErrorCode, RETRY_AFTER_UNAVAILABLE_S } from '../../graphql/errors';
import { langFromAcceptLanguage, type Lang } from '../../graphql/lang';
import { explorerUrl } from '../../http/explorer';
import { notModified } from '../../http/graphql-http';
import { barChart, escapeXml, horizontalBarChart, lineChart, progressChart } from '../../http/svg-chart';
import type { GraphQLAnswer, HttpContext, HttpRoute } from '../../manifest';
import { DASHBOARD_CHARTS, type ChartData, type ChartSpec } from './dashboard.charts';

/**
 * GET /dashboard: the statistics-monitoring view of measure 13 (统计监测), for people who would
 * rather look than read. Server-rendered HTML with SVG charts and no script at all (the
 * Content-Security-Policy forbids scripts). Every chart is the answer to one query of the public
 * API, run through the API's own pipeline as the visitor (`HttpContext.execute`: anonymous, cost
 * model and budget, response cache), and links to that query in the explorer and to the dataset it
 * summarises. A chart whose figures include fictitious sample records says so.
 */

const esc = escapeXml;

const TEXT = {
  zh: {
    title: '重庆跨境电商统计监测',
    intro:
      '《重庆市推动跨境电商高质量发展若干措施》（渝府办发〔2023〕92号）第13条要求健全跨境电商统计监测。本页的每张图都来自本API的公开GraphQL查询，可下载其数据集，或在查询工具中打开查询自行修改。',
    other: 'English',
    otherLang: 'en',
    sample: '示例数据',
    sampleNote: '本图数据含虚构的示例记录，不代表真实情况。',
    sampleBanner: '本页部分图表基于虚构的示例数据（isSample），仅用于演示，不代表重庆市真实统计。',
    noData: '暂无数据。',
    table: '数据表',
    dataset: '数据集（CSV）',
    query: '在查询工具中打开GraphQL查询',
    showQuery: '查看查询语句',
    catalogue: '全部数据集',
    explorer: 'GraphQL 查询工具',
    licence: '数据以 CC BY 4.0 许可开放。',
    asOf: '数据计算时间',
  },
  en: {
    title: 'Chongqing CBEC statistics monitoring',
    intro:
      'Measure 13 of Chongqing’s policy on the high-quality development of cross-border e-commerce (渝府办发〔2023〕92号) asks for statistics monitoring. Every chart on this page is a public GraphQL query of this API: download its dataset, or open the query in the explorer and change it.',
    other: '中文',
    otherLang: 'zh',
    sample: 'Sample data',
    sampleNote: 'This chart includes fictitious sample records; it does not describe reality.',
    sampleBanner: 'Some charts on this page rest on fictitious sample data (isSample), for demonstration only: they are not Chongqing’s real statistics.',
    noData: 'No data yet.',
    table: 'Data table',
    dataset: 'Dataset (CSV)',
    query: 'Open the GraphQL query in the explorer',
    showQuery: 'Show the query',
    catalogue: 'All datasets',
    explorer: 'GraphQL explorer',
    licence: 'The data is open under CC BY 4.0.',
    asOf: 'Computed at',
  },
} as const;

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2933;background:#fff;line-height:1.5}
header,main,footer{max-width:1000px;margin:0 auto;padding:0 16px}
header{display:flex;justify-content:space-between;align-items:baseline;gap:16px;flex-wrap:wrap}
h1{font-size:1.6em;margin:.8em 0 .3em}
section{border-top:1px solid #d9e2ec;padding:8px 0 16px}
h2{font-size:1.2em;margin:.6em 0 .2em}
.badge{display:inline-block;background:#fff3c4;color:#8d2b0b;border:1px solid #f0b429;border-radius:4px;padding:0 6px;font-size:.8em;margin-left:8px;vertical-align:middle}
.banner{background:#fff3c4;border:1px solid #f0b429;padding:8px 12px;border-radius:4px}
.note,.meta{color:#616e7c;font-size:.9em;margin:.2em 0}
.empty{color:#616e7c;font-style:italic}
svg.chart{max-width:100%;height:auto;display:block;margin:8px 0}
table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #d9e2ec;padding:2px 8px;text-align:left}
td.num{text-align:right}
.links{display:flex;gap:16px;flex-wrap:wrap;font-size:.95em}
pre{background:#f5f7fa;padding:8px;overflow:auto}`;

/** The page's policy: no script, no frame, nothing from elsewhere; only this stylesheet (by its hash). */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** `?lang=zh|en` (zh-CN, en-GB… too), else Accept-Language, else Chinese. */
function pageLang(query: unknown, acceptLanguage: string | undefined): Lang {
  if (query === undefined) return langFromAcceptLanguage(acceptLanguage);
  const m = typeof query === 'string' ? /^(zh|en)(?:-[a-z0-9-]+)?$/i.exec(query) : null;
  if (!m) throw badInput('`lang` is zh or en (语言：zh 或 en)', 'lang');
  return m[1].toLowerCase() as Lang;
}

/** The chart's data, or the error the API answered (the page refuses as the query was refused). */
function failure(answer: GraphQLAnswer<unknown>): GraphQLError | undefined {
  const e = answer.errors?.[0];
  if (!e) return undefined;
  const code = String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const retry = e.extensions?.retryAfterSeconds ?? (code === ErrorCode.SERVICE_UNAVAILABLE ? RETRY_AFTER_UNAVAILABLE_S : undefined);
  const status = code === ErrorCode.RATE_LIMITED ? 429 : undefined;
  return new GraphQLError(e.message, {
    extensions: { code, http: { ...(status ? { status } : {}), headers: new Map(retry != null ? [['retry-after', String(retry)]] : []) } },
  });
}

function chartSvg(spec: ChartSpec, c: ChartData, lang: Lang): string {
  const o = { id: `chart-${spec.id}`, title: spec.title[lang], desc: spec.desc[lang], format: c.format };
  switch (c.kind) {
    case 'progress':
      return progressChart(c.progress ?? [], { ...o, width: 900 });
    case 'bar':
      return barChart(c.data, { ...o, width: 720 });
    case 'hbar':
      return horizontalBarChart(c.data, { ...o, width: 720 });
    case 'line':
      return lineChart(c.data, { ...o, width: 720 });
  }
}

function section(spec: ChartSpec, c: ChartData, lang: Lang): string {
  const t = TEXT[lang];
  const [labelCol, valueCol] = spec.columns[lang];
  const empty = c.data.length === 0;
  const rows = c.data.map((d) => `<tr><td>${esc(d.label)}</td><td class="num">${esc(d.display ?? String(d.value))}</td></tr>`).join('');
  return `<section id="${esc(spec.id)}" data-chart="${esc(spec.id)}"${c.sample ? ' data-sample="true"' : ''}>
<h2>${esc(spec.title[lang])}${c.sample ? ` <span class="badge" title="${esc(t.sampleNote)}">${esc(t.sample)}</span>` : ''}</h2>
<p class="note">${esc(spec.desc[lang])}${c.note ? ` · ${esc(c.note)}` : ''}</p>
${c.sample ? `<p class="note">${esc(t.sampleNote)}</p>` : ''}
${empty ? `<p class="empty">${esc(t.noData)}</p>` : chartSvg(spec, c, lang)}
${empty ? '' : `<details><summary>${esc(t.table)}</summary><table><thead><tr><th scope="col">${esc(labelCol)}</th><th scope="col">${esc(valueCol)}</th></tr></thead><tbody>${rows}</tbody></table></details>`}
<p class="links"><a class="dataset" href="/datasets/${esc(spec.dataset)}.csv">${esc(t.dataset)}: ${esc(spec.dataset)}.csv</a> <a class="query" href="${esc(explorerUrl(spec.query))}">${esc(t.query)}</a></p>
<details><summary>${esc(t.showQuery)}</summary><pre><code>${esc(spec.query)}</code></pre></details>
</section>`;
}

export function renderDashboard(lang: Lang, charts: readonly { spec: ChartSpec; data: ChartData }[], asOf: string | undefined): string {
  const t = TEXT[lang];
  const anySample = charts.some((c) => c.data.sample);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)} · ${esc(TEXT[lang === 'zh' ? 'en' : 'zh'].title)}</title>
<link rel="icon" href="data:,">
<link rel="alternate" hreflang="${t.otherLang}" href="/dashboard?lang=${t.otherLang}">
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(t.title)}</h1><a class="lang-switch" hreflang="${t.otherLang}" lang="${t.otherLang === 'zh' ? 'zh-CN' : 'en'}" href="/dashboard?lang=${t.otherLang}">${esc(t.other)}</a></header>
<main>
<p>${esc(t.intro)}</p>
${anySample ? `<p class="banner" role="note">${esc(t.sampleBanner)}</p>` : ''}
${charts.map((c) => section(c.spec, c.data, lang)).join('\n')}
</main>
<footer><p class="meta">${asOf ? `${esc(t.asOf)}: ${esc(asOf)} · ` : ''}${esc(t.licence)} <a href="/datasets">${esc(t.catalogue)}</a> · <a href="/graphql">${esc(t.explorer)}</a></p></footer>
</body>
</html>
`;
}

/** Runs every chart's query (in parallel, as the visitor) and builds its chart. */
async function chartsFor(ctx: HttpContext, lang: Lang) {
  const answers = await Promise.all(DASHBOARD_CHARTS.map((spec) => ctx.execute(spec.query, undefined, lang)));
  for (const a of answers) {
    const e = failure(a);
    if (e) throw e;
  }
  const asOf = (answers[0].data as { policyProgress?: { asOf?: string } } | null)?.policyProgress?.asOf;
  return { charts: DASHBOARD_CHARTS.map((spec, i) => ({ spec, data: spec.build(answers[i].data, lang) })), asOf };
}

export const dashboardRoute: HttpRoute = {
  method: 'GET',
  path: '/dashboard',
  async handle(req, res, ctx) {
    const lang = pageLang(req.query.lang, req.header('accept-language'));
    const { charts, asOf } = await chartsFor(ctx, lang);
    // The time of computing is on the page; the ETag is of the figures, so an unchanged
    // dashboard revalidates to 304 within and across the 30 s the query answers are cached.
    const html = renderDashboard(lang, charts, asOf);
    const etag = `W/"${createHash('sha256')
      .update(renderDashboard(lang, charts, undefined))
      .digest('base64url')
      .slice(0, 27)}"`;
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.vary('Accept-Language');
    res.setHeader('cache-control', 'public, max-age=30');
    res.setHeader('etag', etag);
    if (notModified(req, etag)) {
      res.status(304).end();
      return;
    }
    res.type('html');
    if (req.method === 'HEAD') {
      res.setHeader('content-length', Buffer.byteLength(html));
      res.end();
      return;
    }
    res.send(html);
  },
};
