/**
 * The open-data catalogue and bulk downloads (src/datasets, docs/datasets.md): GET /datasets (DCAT
 * JSON-LD or HTML), /datasets/<name>, and every dataset whole as CSV and NDJSON (and .gz), checked
 * against what an anonymous caller of its list query sees.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import pg from 'pg';
import { DATASET_DOCUMENTS, DATASETS } from '../src/composition';
import { digestDatasets } from '../src/datasets/digest';
import { parseCsv } from './helpers/csv';
import { request } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/server';
import { PUBLIC_DATASETS } from './helpers/public-datasets';

const ndjson = (b: Buffer) =>
  b
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Entry = Record<string, any>;

describe('open datasets (/datasets)', () => {
  let s: TestServer;
  let db: pg.Client;
  const url = (path: string) => `${s.url}${path}`;

  beforeAll(async () => {
    s = await startTestServer(__filename, { config: { datasetDigestMs: 3_600_000 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await s?.close();
  });

  it('lists every dataset and the policy document in DCAT JSON-LD, with licence, publisher, modified, frequency and four distributions', async () => {
    // When
    const res = await request(url('/datasets'), { accept: 'application/ld+json' });
    // Then
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(String(res.headers.vary)).toMatch(/Accept/);
    const cat = JSON.parse(res.body.toString('utf8')) as Entry;
    expect(cat['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    expect(cat['@type']).toBe('dcat:Catalog');
    const entries = cat['dcat:dataset'] as Entry[];
    expect(entries.map((e) => e['dct:identifier'])).toEqual([...DATASETS.map((d) => d.name), ...DATASET_DOCUMENTS.map((d) => d.name)]);
    // Every public dataset, and the policy as a document, is here.
    for (const name of [...PUBLIC_DATASETS, 'policy']) {
      expect(entries.map((e) => e['dct:identifier'])).toContain(name);
    }
    const enterprises = entries.find((e) => e['dct:identifier'] === 'enterprises') as Entry;
    expect(enterprises['dct:title']).toEqual([
      { '@value': '跨境电商经营主体', '@language': 'zh' },
      { '@value': 'Cross-border e-commerce enterprises', '@language': 'en' },
    ]);
    expect(enterprises['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    expect(enterprises['dct:publisher']['foaf:name']).toEqual([
      { '@value': '重庆跨境电商开放数据平台', '@language': 'zh' },
      { '@value': 'Chongqing Cross-border E-commerce Open Data', '@language': 'en' },
    ]);
    expect(enterprises['dct:accrualPeriodicity']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/frequency/CONT' });
    // Modified is when the data last changed (the commit of its last change, from the change feed), not the clock.
    const { rows } = await db.query<{ at: Date }>(`select last_modified as at from change_dataset_state where dataset = 'enterprises'`);
    expect(enterprises['dct:modified']['@value']).toBe(rows[0].at.toISOString());
    const files = (enterprises['dcat:distribution'] as Entry[]).map((d) => [d['dcat:downloadURL']['@id'], d['dcat:mediaType']['@id']]);
    expect(files).toEqual([
      [url('/datasets/enterprises.csv'), 'https://www.iana.org/assignments/media-types/text/csv'],
      [url('/datasets/enterprises.csv.gz'), 'https://www.iana.org/assignments/media-types/application/gzip'],
      [url('/datasets/enterprises.ndjson'), 'https://www.iana.org/assignments/media-types/application/x-ndjson'],
      [url('/datasets/enterprises.ndjson.gz'), 'https://www.iana.org/assignments/media-types/application/gzip'],
    ]);
    // The columns as a CSVW table schema, each with its Chinese header and English description.
    const cols = enterprises['csvw:tableSchema']['csvw:column'] as Entry[];
    expect(cols.find((c) => c['csvw:name'] === 'creditCode')).toMatchObject({
      'csvw:titles': [{ '@value': 'creditCode (统一社会信用代码)', '@language': 'zh' }],
      'csvw:datatype': 'xsd:string',
    });
    const policy = entries.find((e) => e['dct:identifier'] === 'policy') as Entry;
    expect(policy['dct:hasPart']).toEqual([
      { '@id': url('/datasets/policy-measures') },
      { '@id': url('/datasets/policy-provisions') },
      { '@id': url('/datasets/policy-targets') },
    ]);
  });

  it('shows the catalogue as a page in Chinese and English to a browser', async () => {
    // When
    const res = await request(url('/datasets'), { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    // Then
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(res.headers.vary)).toMatch(/Accept/);
    const page = res.body.toString('utf8');
    for (const d of DATASETS) {
      expect(page).toContain(d.title.zh);
      expect(page).toContain(d.title.en);
      expect(page).toContain(`href="/datasets/${d.name}.csv"`);
    }
    expect(page).toContain('CC BY 4.0');
  });

  it('describes one dataset at /datasets/<name>, and answers 404 NOT_FOUND for an unknown name or file', async () => {
    // When
    const one = await request(url('/datasets/hs-codes'));
    const unknown = await request(url('/datasets/no-such-thing'));
    const unknownFile = await request(url('/datasets/no-such-thing.csv'));
    const odd = await request(url('/datasets/Enterprises.xlsx'));
    // Then
    expect(one.status).toBe(200);
    const entry = JSON.parse(one.body.toString('utf8')) as Entry;
    expect(entry['@context']).toBeDefined();
    expect(entry['dct:identifier']).toBe('hs-codes');
    for (const a of [unknown, unknownFile, odd]) {
      expect(a.status).toBe(404);
      expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(a.body.toString('utf8')).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('gives every dataset whole as CSV and NDJSON, as many rows as an anonymous caller of its list query counts, with a bilingual header row', async () => {
    // Lists whose default filter narrows what anyone may ask for: the dataset has every row anyone can see.
    const everyone: Record<string, string> = { 'park-spaces': '(filter: { statuses: [AVAILABLE, LET, WITHDRAWN] })' };
    for (const spec of DATASETS) {
      // Given: the list's count; a dataset no root list serves (the enterprises' figures) counts every row of its table, all public
      let total: number | undefined;
      if (spec.query) {
        const res = await s.gql<Record<string, { totalCount: number }>>(`{ ${spec.query}${everyone[spec.name] ?? ''} { totalCount } }`);
        expect(res.errors).toBeUndefined();
        total = res.data?.[spec.query].totalCount;
        expect({ name: spec.name, query: camel(spec.name) }).toEqual({ name: spec.name, query: spec.query });
      } else {
        expect([spec.name, spec.where]).toEqual([spec.name, 'true']);
        const table = spec.from.split(' ')[0];
        total = Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0].n);
        expect([spec.name, total > 0]).toEqual([spec.name, true]);
      }
      // When
      const csv = await request(url(`/datasets/${spec.name}.csv`));
      const json = await request(url(`/datasets/${spec.name}.ndjson`));
      // Then
      const said = (r: { status: number; body: Buffer }) => (r.status === 200 ? 200 : `${r.status} ${r.body.toString('utf8').slice(0, 300)}`);
      expect([spec.name, said(csv), said(json)]).toEqual([spec.name, 200, 200]);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(json.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${spec.name}.csv"`);
      const records = parseCsv(csv.body.toString('utf8'));
      expect(records[0]).toEqual(spec.columns.map((c) => `${c.key} (${c.zh})`));
      expect([spec.name, records.length - 1]).toEqual([spec.name, total]);
      const objects = ndjson(json.body);
      expect([spec.name, objects.length]).toEqual([spec.name, total]);
      if (objects.length) expect(Object.keys(objects[0])).toEqual(spec.columns.map((c) => c.key));
      for (const r of records) expect(r.length).toBe(spec.columns.length);
    }
  });

  it('never writes a contact, a draft or an unpublished row', async () => {
    // Given: every contact the database holds, and rows that are not public
    const contacts: string[] = [];
    for (const table of ['park_space', 'service_offering', 'talent_cohort', 'capacity_offer', 'fair_exhibitor']) {
      const { rows } = await db.query<{ v: string }>(
        `select unnest(array[contact_email, contact_phone]) as v from ${table} where contact_email is not null or contact_phone is not null`,
      );
      contacts.push(...rows.map((r) => r.v).filter((v) => v && v.length > 5));
    }
    expect(contacts.length).toBeGreaterThan(0);
    await db.query(`update service_offering set status = 'DRAFT', name_en = 'NOT-PUBLIC-OFFERING' where id = (select min(id) from service_offering)`);
    // When / Then
    for (const spec of DATASETS) {
      expect(spec.columns.filter((c) => /contact/i.test(c.key) || /contact/i.test(c.sql))).toEqual([]);
      for (const ext of ['csv', 'ndjson']) {
        const body = (await request(url(`/datasets/${spec.name}.${ext}`))).body.toString('utf8');
        for (const c of contacts) expect([spec.name, body.includes(c)]).toEqual([spec.name, false]);
        expect(body).not.toContain('NOT-PUBLIC-');
      }
    }
  });

  it('quotes CSV fields as RFC 4180 has it: a value with a comma, a quote and a line break round-trips; arrays are ;-joined, NULL is empty', async () => {
    // Given
    const tricky = 'Comma, "quoted" and\nnew line';
    const { rows } = await db.query<{ id: number; credit_code: string }>(
      `update enterprise set name_en = $1, website = null, certifications = '{CE,FDA}' where id = (select min(id) from enterprise) returning id, credit_code`,
      [tricky],
    );
    // When
    const csv = await request(url('/datasets/enterprises.csv'));
    const json = await request(url('/datasets/enterprises.ndjson'));
    // Then
    const [header, ...records] = parseCsv(csv.body.toString('utf8'));
    const at = (k: string) => header.findIndex((h) => h.startsWith(`${k} (`));
    const row = records.find((r) => r[at('creditCode')] === rows[0].credit_code) as string[];
    expect(row[at('nameEn')]).toBe(tricky);
    expect(row[at('website')]).toBe('');
    expect(row[at('certifications')]).toBe('CE;FDA');
    const obj = ndjson(json.body).find((o) => o.creditCode === rows[0].credit_code) as Entry;
    expect(obj).toMatchObject({ nameEn: tricky, website: null, certifications: ['CE', 'FDA'] });
  });

  it('writes a text a spreadsheet would run as a formula with an apostrophe first in CSV (as is in NDJSON), and changes a file whose joined dataset changed', async () => {
    // Given an enterprise whose name would be a formula, and a park file before its zone changes
    const formula = '=HYPERLINK("http://evil.example","x")';
    const { rows } = await db.query<{ credit_code: string }>(
      `update enterprise set name_en = $1 where id = (select max(id) from enterprise) returning credit_code`,
      [formula],
    );
    const parks = await request(url('/datasets/industrial-parks.csv'));
    // When
    const csv = await request(url('/datasets/enterprises.csv'));
    const json = await request(url('/datasets/enterprises.ndjson'));
    await db.query(`update zone set name_en = name_en || ' ' where id = (select min(zone_id) from industrial_park)`);
    const parksAfter = await request(url('/datasets/industrial-parks.csv'), { 'if-none-match': String(parks.headers.etag) });
    // Then
    const [header, ...records] = parseCsv(csv.body.toString('utf8'));
    const at = (k: string) => header.findIndex((h) => h.startsWith(`${k} (`));
    expect(records.find((r) => r[at('creditCode')] === rows[0].credit_code)?.[at('nameEn')]).toBe(`'${formula}`);
    expect(ndjson(json.body).find((o) => o.creditCode === rows[0].credit_code)?.nameEn).toBe(formula);
    expect(parksAfter.status).toBe(200);
    expect(parksAfter.headers.etag).not.toBe(parks.headers.etag);
  });

  it('writes decimals exactly, as strings in NDJSON', async () => {
    // When
    const json = ndjson((await request(url('/datasets/exchange-rates.ndjson'))).body);
    const { rows } = await db.query<{ rate: string }>('select rate::text from exchange_rate order by id limit 1');
    // Then
    expect(json[0].rate).toBe(rows[0].rate);
  });

  it('adds a UTF-8 BOM for Excel with ?bom=1, and only then', async () => {
    // When
    const plain = await request(url('/datasets/districts.csv'));
    const bom = await request(url('/datasets/districts.csv?bom=1'));
    // Then
    expect([...plain.body.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...bom.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.body.subarray(3).equals(plain.body)).toBe(true);
    expect(bom.headers.etag).not.toBe(plain.headers.etag);
  });

  it('compresses with gzip when the client accepts it, and serves .gz files as application/gzip', async () => {
    // When
    const plain = await request(url('/datasets/countries.ndjson'));
    const encoded = await request(url('/datasets/countries.ndjson'), { 'accept-encoding': 'gzip, deflate' });
    const file = await request(url('/datasets/countries.ndjson.gz'));
    // Then
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(String(encoded.headers.vary)).toMatch(/Accept-Encoding/);
    expect(zlib.gunzipSync(encoded.body).equals(plain.body)).toBe(true);
    expect(file.headers['content-type']).toBe('application/gzip');
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.headers['content-disposition']).toBe('attachment; filename="countries.ndjson.gz"');
    expect(zlib.gunzipSync(file.body).equals(plain.body)).toBe(true);
    // Brotli only: the identity bytes, which the strong ETag names (no-transform keeps the compression middleware off).
    const brOnly = await request(url('/datasets/countries.ndjson'), { 'accept-encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.equals(plain.body)).toBe(true);
    expect(brOnly.headers.etag).toBe(plain.headers.etag);
    // A strong ETag per representation.
    expect(new Set([plain.headers.etag, encoded.headers.etag, file.headers.etag]).size).toBe(3);
    expect(plain.headers.etag).toMatch(/^"/);
  });

  it('answers conditional requests with 304 and HEAD with the headers alone; a change gives a new ETag and Last-Modified', async () => {
    // Given
    const first = await request(url('/datasets/corridors.csv'));
    const etag = String(first.headers.etag);
    const modified = String(first.headers['last-modified']);
    // Last-Modified is when the dataset last changed, from the change feed's record of its commits
    const { rows } = await db.query<{ at: Date }>(`select last_modified as at from change_dataset_state where dataset = 'corridors'`);
    expect(modified).toBe(rows[0].at.toUTCString());
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, no-transform$/);
    // When
    const byTag = await request(url('/datasets/corridors.csv'), { 'if-none-match': etag });
    const byDate = await request(url('/datasets/corridors.csv'), { 'if-modified-since': modified });
    const head = await request(url('/datasets/corridors.csv'), {}, 'HEAD');
    // Then
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byDate.status).toBe(304);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(etag);
    expect(head.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    // When the data changes, even by a write that leaves updated_at alone
    await db.query(`update corridor set name_en = name_en || ' ' where id = (select min(id) from corridor)`);
    const after = await request(url('/datasets/corridors.csv'), { 'if-none-match': etag });
    // Then
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(Date.parse(String(after.headers['last-modified']))).toBeGreaterThanOrEqual(Date.parse(modified));
  });

  it('says in X-Change-Cursor where the change feed stands for the rows sent: changes after it are exactly the later writes', async () => {
    // Given a download and its cursor
    const file = await request(url('/datasets/corridors.ndjson'));
    const cursor = String(file.headers['x-change-cursor']);
    expect(cursor).toMatch(/^[A-Za-z0-9_=+/-]+$/);
    expect(String(file.headers['access-control-expose-headers'] ?? '')).toMatch(/X-Change-Cursor/);
    const CHANGES = `query ($after: String) { changes(after: $after, datasets: ["corridors"], first: 50) { cursor resync nodes { dataset op id } } }`;
    const none = await s.gql<any>(CHANGES, { after: cursor });
    expect(none.errors).toBeUndefined();
    expect(none.data.changes.nodes).toEqual([]);
    // When one corridor changes after the download
    const { rows } = await db.query<{ id: number }>(`update corridor set name_en = name_en || '.' where id = (select max(id) from corridor) returning id`);
    const later = await s.gql<any>(CHANGES, { after: cursor });
    // Then the feed after the download's cursor holds that change alone
    expect(later.errors).toBeUndefined();
    expect(later.data.changes.resync).toBe(false);
    expect(later.data.changes.nodes).toHaveLength(1);
    expect(later.data.changes.nodes[0]).toMatchObject({ dataset: 'corridors', op: 'UPDATE' });
    expect(Buffer.from(later.data.changes.nodes[0].id, 'base64').toString()).toMatch(new RegExp(`:${rows[0].id}$`));
  });

  it('publishes the size and SHA-256 of exactly the bytes served, computed by the digest task for the version it names', async () => {
    // Given: the leader's task, run once by hand
    const em = s.app.orm.em.fork();
    const done = await digestDatasets(s.app.read, em, DATASETS);
    expect(done).toEqual(DATASETS.map((d) => d.name));
    // A second run finds nothing changed.
    expect(await digestDatasets(s.app.read, em, DATASETS)).toEqual([]);
    // When
    const entry = JSON.parse((await request(url('/datasets/policy-targets'))).body.toString('utf8')) as Entry;
    // Then
    for (const d of entry['dcat:distribution'] as Entry[]) {
      const file = await request(d['dcat:downloadURL']['@id']);
      expect(d['cbec:digestVersion']).toBe(d['cbec:version']);
      expect(d['dcat:byteSize']['@value']).toBe(file.body.length);
      expect(d['spdx:checksum']['spdx:checksumValue']).toBe(sha256(file.body));
      expect(String(file.headers['x-dataset-version'])).toBe(d['cbec:version']);
    }
  });
});
