import { FILES, type DatasetFile, fileVersion, formatOf } from './files';
import { FORMATS, csvHeaderName } from './rows';
import type { Bilingual, ColumnKind, DatasetSpec, DocumentSpec, UpdateFrequency } from './spec';
import type { DatasetVersion } from './version';

/*
 * The catalogue at /datasets, in the DCAT vocabulary (DCAT-AP style) as JSON-LD, and the same as a
 * page for people. Each dataset: bilingual title, description and keywords, licence, publisher,
 * `modified` (from the data: datasetVersions), accrualPeriodicity, the GraphQL list query serving
 * the same rows, its columns as a CSVW tableSchema, and four distributions (CSV, NDJSON, and their
 * .gz) with format, media type, download URL and, once the digest task has read that version,
 * byteSize and SHA-256 (spdx:checksum), marked with the version they are of.
 */

export const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';
const FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const MEDIA_TYPE = 'https://www.iana.org/assignments/media-types/';

export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  csvw: 'http://www.w3.org/ns/csvw#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
  cbec: 'https://github.com/cq-cbec/open-data-api/ns#',
};

/** The stored digest of one file (dataset_distribution). */
export interface Digest {
  file: DatasetFile;
  version: string;
  byteSize: string;
  sha256: string;
  computedAt: Date;
}

export interface CatalogueInput {
  /** Absolute origin of the API, e.g. `https://api.example.cn`. */
  base: string;
  publisher: Bilingual;
  specs: readonly DatasetSpec[];
  documents: readonly DocumentSpec[];
  versions: Map<string, DatasetVersion>;
  digests: Map<string, Digest[]>;
}

const langs = (b: Bilingual) => [
  { '@value': b.zh, '@language': 'zh' },
  { '@value': b.en, '@language': 'en' },
];
const keywords = (k: { zh: string[]; en: string[] }) => [
  ...k.zh.map((w) => ({ '@value': w, '@language': 'zh' })),
  ...k.en.map((w) => ({ '@value': w, '@language': 'en' })),
];
const frequency = (f: UpdateFrequency) => ({ '@id': `${FREQUENCY}${f}` });
const dateTime = (d: Date) => ({ '@value': d.toISOString(), '@type': 'xsd:dateTime' });

/** CSVW datatypes of the column kinds (as they appear in the CSV). */
const DATATYPE: Record<ColumnKind, string> = {
  text: 'string',
  code: 'string',
  int: 'integer',
  float: 'double',
  decimal: 'decimal',
  bool: 'boolean',
  date: 'date',
  datetime: 'dateTime',
  'text[]': 'string',
  'code[]': 'string',
};

export const datasetUrl = (base: string, name: string) => `${base}/datasets/${name}`;

function tableSchema(spec: DatasetSpec) {
  return {
    '@type': 'csvw:Schema',
    'csvw:column': spec.columns.map((c) => ({
      'csvw:name': c.key,
      'csvw:titles': [{ '@value': csvHeaderName(c), '@language': 'zh' }],
      'dct:description': { '@value': c.en, '@language': 'en' },
      'csvw:datatype': `xsd:${DATATYPE[c.kind]}`,
      ...(c.kind.endsWith('[]') ? { 'csvw:separator': ';' } : {}),
      'cbec:kind': c.kind,
    })),
    'csvw:primaryKey': spec.columns[0].key,
  };
}

function distribution(base: string, spec: DatasetSpec, file: DatasetFile, current: string, digest: Digest | undefined) {
  const format = FORMATS[formatOf(file)];
  const gz = file.endsWith('.gz');
  const url = `${datasetUrl(base, spec.name)}.${file}`;
  return {
    '@id': url,
    '@type': 'dcat:Distribution',
    'dct:title': { '@value': `${spec.name}.${file}`, '@language': 'en' },
    'dct:format': { '@id': `${FILE_TYPE}${format.format}` },
    'dcat:mediaType': { '@id': `${MEDIA_TYPE}${gz ? 'application/gzip' : format.mediaType}` },
    ...(gz ? { 'dcat:compressFormat': { '@id': `${MEDIA_TYPE}application/gzip` }, 'dcat:packageFormat': { '@id': `${MEDIA_TYPE}${format.mediaType}` } } : {}),
    'dcat:downloadURL': { '@id': url },
    'dcat:accessURL': { '@id': url },
    'dct:license': { '@id': LICENCE },
    ...(digest
      ? {
          'dcat:byteSize': { '@value': Number(digest.byteSize), '@type': 'xsd:nonNegativeInteger' },
          'spdx:checksum': {
            '@type': 'spdx:Checksum',
            'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
            'spdx:checksumValue': digest.sha256,
          },
          // The digest is of this version: equal to cbec:version when up to date, older until the task has run.
          'cbec:digestVersion': digest.version,
          'cbec:digestComputed': dateTime(digest.computedAt),
        }
      : {}),
    'cbec:version': current,
  };
}

/** One dataset's DCAT description (without @context). */
export function datasetEntry(input: CatalogueInput, spec: DatasetSpec) {
  const v = input.versions.get(spec.name) ?? { version: '0', modified: null };
  const current = fileVersion(spec, v);
  const digests = new Map((input.digests.get(spec.name) ?? []).map((d) => [d.file, d]));
  return {
    '@id': datasetUrl(input.base, spec.name),
    '@type': 'dcat:Dataset',
    'dct:identifier': spec.name,
    'dct:title': langs(spec.title),
    'dct:description': langs(spec.description),
    'dcat:keyword': keywords(spec.keywords),
    'dct:license': { '@id': LICENCE },
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': langs(input.publisher) },
    ...(v.modified ? { 'dct:modified': dateTime(v.modified) } : {}),
    'dct:accrualPeriodicity': frequency(spec.frequency),
    'dct:language': [
      { '@id': 'http://publications.europa.eu/resource/authority/language/ZHO' },
      { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
    ],
    'dct:conformsTo': { '@id': 'https://www.rfc-editor.org/rfc/rfc4180' },
    ...(spec.related?.length ? { 'dct:relation': spec.related.map((r) => ({ '@id': datasetUrl(input.base, r) })) } : {}),
    'cbec:graphqlType': spec.type,
    ...(spec.query ? { 'cbec:graphqlQuery': spec.query } : {}),
    'cbec:version': current,
    'dcat:landingPage': { '@id': datasetUrl(input.base, spec.name) },
    'dcat:distribution': FILES.map((f) => distribution(input.base, spec, f, current, digests.get(f))),
    'csvw:tableSchema': tableSchema(spec),
  };
}

/** A document's DCAT description: a dataset with its parts and no files of its own. */
export function documentEntry(input: CatalogueInput, doc: DocumentSpec) {
  const modified = doc.parts
    .map((p) => input.versions.get(p)?.modified)
    .filter((d): d is Date => d instanceof Date)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    '@id': datasetUrl(input.base, doc.name),
    '@type': 'dcat:Dataset',
    'dct:identifier': doc.name,
    'dct:type': { '@id': 'http://purl.org/dc/dcmitype/Text' },
    'dct:title': langs(doc.title),
    'dct:description': langs(doc.description),
    'dcat:keyword': keywords(doc.keywords),
    'dct:license': { '@id': LICENCE },
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': langs(input.publisher) },
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    ...(doc.issued ? { 'dct:issued': { '@value': doc.issued, '@type': 'xsd:date' } } : {}),
    'dct:accrualPeriodicity': frequency(doc.frequency),
    ...(doc.landingPage ? { 'dcat:landingPage': { '@id': doc.landingPage } } : {}),
    'dct:hasPart': doc.parts.map((p) => ({ '@id': datasetUrl(input.base, p) })),
    'dcat:distribution': [],
  };
}

/** The whole catalogue as JSON-LD. */
export function catalogue(input: CatalogueInput) {
  return {
    '@context': CONTEXT,
    '@id': `${input.base}/datasets`,
    '@type': 'dcat:Catalog',
    'dct:title': langs({ zh: '重庆跨境电商开放数据目录', en: 'Chongqing cross-border e-commerce open data catalogue' }),
    'dct:description': langs({
      zh: '本 API 发布的全部开放数据集：每个数据集可整体下载（CSV、NDJSON 及其 gzip 压缩文件），也可经 GraphQL 分页查询。数据采用 CC BY 4.0 许可。',
      en: 'Every open dataset this API publishes: each downloadable whole (CSV, NDJSON and their gzip files) or paged through GraphQL. The data is licensed CC BY 4.0.',
    }),
    'dct:license': { '@id': LICENCE },
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': langs(input.publisher) },
    'dcat:dataset': [...input.specs.map((s) => datasetEntry(input, s)), ...input.documents.map((d) => documentEntry(input, d))],
  };
}

// ---- The page for people ----

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const FREQUENCY_WORDS: Record<UpdateFrequency, Bilingual> = {
  CONT: { zh: '持续更新', en: 'continuously' },
  DAILY: { zh: '每日', en: 'daily' },
  WEEKLY: { zh: '每周', en: 'weekly' },
  MONTHLY: { zh: '每月', en: 'monthly' },
  ANNUAL: { zh: '每年', en: 'yearly' },
  IRREG: { zh: '不定期', en: 'irregularly' },
  NEVER: { zh: '不再更新', en: 'never' },
};

function size(bytes: string | undefined): string {
  if (bytes === undefined) return '—';
  const n = Number(bytes);
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function specSection(input: CatalogueInput, spec: DatasetSpec): string {
  const v = input.versions.get(spec.name);
  const digests = new Map((input.digests.get(spec.name) ?? []).map((d) => [d.file, d]));
  const current = v ? fileVersion(spec, v) : '';
  const files = FILES.map((f) => {
    const d = digests.get(f);
    const stale = d && d.version !== current ? ' <span class="stale">(上一版本 · previous version)</span>' : '';
    return `<tr><td><a href="/datasets/${esc(spec.name)}.${f}" download>${esc(spec.name)}.${f}</a></td><td>${size(d?.byteSize)}</td><td><code>${d ? esc(d.sha256) : '—'}</code>${stale}</td></tr>`;
  }).join('');
  const columns = spec.columns
    .map((c) => `<tr><td><code>${esc(c.key)}</code></td><td>${esc(c.zh)}</td><td>${esc(c.en)}</td><td>${esc(c.kind)}</td></tr>`)
    .join('');
  return `<section id="${esc(spec.name)}">
<h2>${esc(spec.title.zh)} <small>${esc(spec.title.en)}</small></h2>
<p lang="zh">${esc(spec.description.zh)}</p>
<p lang="en">${esc(spec.description.en)}</p>
<dl>
<dt>名称 · Name</dt><dd><code>${esc(spec.name)}</code> (GraphQL ${spec.query ? `<code>${esc(spec.query)}</code>, ` : ''}<code>${esc(spec.type)}</code>)</dd>
<dt>最后更新 · Last modified</dt><dd>${v?.modified ? esc(v.modified.toISOString()) : '—'}</dd>
<dt>更新频率 · Updated</dt><dd>${FREQUENCY_WORDS[spec.frequency].zh} · ${FREQUENCY_WORDS[spec.frequency].en}</dd>
<dt>关键词 · Keywords</dt><dd>${esc([...spec.keywords.zh, ...spec.keywords.en].join(', '))}</dd>
<dt>许可 · Licence</dt><dd><a href="${LICENCE}">CC BY 4.0</a></dd>
</dl>
<table><thead><tr><th>下载 · Download</th><th>大小 · Size</th><th>SHA-256</th></tr></thead><tbody>${files}</tbody></table>
<details><summary>列 · Columns (${spec.columns.length})</summary>
<table><thead><tr><th>key</th><th>中文</th><th>English</th><th>kind</th></tr></thead><tbody>${columns}</tbody></table></details>
</section>`;
}

function documentSection(doc: DocumentSpec): string {
  const parts = doc.parts.map((p) => `<a href="#${esc(p)}"><code>${esc(p)}</code></a>`).join(', ');
  return `<section id="${esc(doc.name)}">
<h2>${esc(doc.title.zh)} <small>${esc(doc.title.en)}</small></h2>
<p lang="zh">${esc(doc.description.zh)}</p>
<p lang="en">${esc(doc.description.en)}</p>
<dl><dt>数据集 · Datasets</dt><dd>${parts}</dd>${doc.landingPage ? `<dt>原文 · Text</dt><dd><a href="${esc(doc.landingPage)}">${esc(doc.landingPage)}</a></dd>` : ''}</dl>
</section>`;
}

/** The catalogue as a page (Chinese and English side by side); `only` limits it to one dataset or document. */
export function cataloguePage(input: CatalogueInput, only?: string): string {
  const specs = input.specs.filter((s) => !only || s.name === only);
  const documents = input.documents.filter((d) => !only || d.name === only);
  const toc = only
    ? '<p><a href="/datasets">← 全部数据集 · All datasets</a></p>'
    : `<nav><ul>${[...specs, ...documents].map((s) => `<li><a href="#${esc(s.name)}">${esc(s.title.zh)} · ${esc(s.title.en)}</a></li>`).join('')}</ul></nav>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>开放数据目录 · Open data catalogue</title>
<link rel="alternate" type="application/ld+json" href="/datasets${only ? `/${esc(only)}` : ''}">
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}code{word-break:break-all}small{color:#555;font-weight:normal}dt{font-weight:bold}.stale{color:#a60}section{border-top:1px solid #ddd;margin-top:2rem}</style>
</head><body>
<h1>开放数据目录 <small>Open data catalogue</small></h1>
<p>发布者 · Publisher: ${esc(input.publisher.zh)} · ${esc(input.publisher.en)}. 数据采用 <a href="${LICENCE}">CC BY 4.0</a> 许可 · The data is licensed <a href="${LICENCE}">CC BY 4.0</a>.
机器可读版本 · Machine-readable: <code>Accept: application/ld+json</code> (DCAT). CSV 加 <code>?bom=1</code> 便于 Excel 打开 · add <code>?bom=1</code> to a CSV link for Excel.</p>
${toc}
${specs.map((s) => specSection(input, s)).join('\n')}
${documents.map(documentSection).join('\n')}
</body></html>
`;
}
