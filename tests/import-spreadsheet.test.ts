import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import writeXlsxFile from 'write-excel-file/node';
import { IMPORT_UNITS, importRowsOf } from '../src/composition';
import { readRows, unitOfKind, type RowsResult } from '../src/import';
import { creditCodeFor } from '../src/modules/enterprise/credit-code';
import { ormConfig } from '../src/orm';
import { exitCode } from './helpers/process';
import { expectData, startTestServer, type TestServer } from './helpers/server';

/*
 * Spreadsheet import (issue 16, point 4): one kind of record from CSV, XLSX or JSON, every row
 * validated and reported by line; all or nothing, or with --accept-valid the valid rows upserted
 * by natural key; a dry run writes nothing; each imported record shows its source in the API.
 */

let server: TestServer;
let orm: MikroORM;
let sql: pg.Client;
const dir = mkdtempSync(path.join(os.tmpdir(), 'import-spreadsheet-'));

const code = (n: number) => creditCodeFor('500103', 880_000 + n);
const wrongCheck = (n: number) => {
  const c = code(n);
  return c.slice(0, 17) + (c[17] === '0' ? '1' : '0');
};

const HEADER = 'creditCode (统一社会信用代码),nameZh (中文名称),nameEn,districtCode,roles,exportMarkets,foundedYear,website,annualFigures';

/** 15 rows, the 3 good ones on lines 2, 9 and 16; every other row has one problem. */
function fifteenRows(prefix: string, base: number): string {
  const good = (n: number, i: number) =>
    `${code(base + n)},${prefix}企业${i},${prefix} Co ${i},500103,EXPORT_SELLER;MANUFACTURER,US;DE,2019,https://example.com,`;
  const rows = [
    good(1, 1), // line 2
    `${code(base + 2)},${prefix}有\u0000空字符,${prefix} NUL,500103,EXPORT_SELLER,,,,`, // 3: NUL
    `${wrongCheck(base + 3)},${prefix}校验位,${prefix} Check,500103,EXPORT_SELLER,,,,`, // 4: check character
    `${code(base + 1)},${prefix}重复,${prefix} Duplicate,500103,EXPORT_SELLER,,,,`, // 5: duplicate of line 2
    `${code(base + 5)},${prefix}区县,${prefix} District,999999,EXPORT_SELLER,,,,`, // 6: unknown district
    `${code(base + 6)},${prefix}缺英文,,500103,EXPORT_SELLER,,,,`, // 7: nameEn missing
    `${code(base + 7)},${prefix}角色,${prefix} Role,500103,SELLER,,,,`, // 8: no such role
    good(8, 2), // line 9
    `${code(base + 9)},${prefix}年份,${prefix} Year,500103,EXPORT_SELLER,,abc,,`, // 10: year not a number
    `${code(base + 10)},${prefix}网址,${prefix} Site,500103,EXPORT_SELLER,,,not a url,`, // 11
    `${code(base + 11)},${prefix}市场,${prefix} Market,500103,EXPORT_SELLER,ZZ,,,`, // 12: unknown country
    `${code(base + 12)},${prefix}控制,${prefix} C1\u0085,500103,EXPORT_SELLER,,,,`, // 13: C1 control character
    `,${prefix}无代码,${prefix} No code,500103,EXPORT_SELLER,,,,`, // 14: credit code missing
    `${code(base + 14)},${prefix}年报,${prefix} Figures,500103,EXPORT_SELLER,,,,"[{""year"": 2020"`, // 15: not JSON
    good(15, 3), // line 16
  ];
  return `\uFEFF${HEADER}\n${rows.join('\n')}\n`;
}

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function importFile(kind: string, p: string, o: { acceptValid?: boolean; dryRun?: boolean } = {}): Promise<RowsResult> {
  const unit = unitOfKind(IMPORT_UNITS, kind)!;
  const read = await readRows(unit, p);
  return importRowsOf(orm.em.fork(), unit, read.rows, {
    acceptValid: o.acceptValid ?? false,
    dryRun: o.dryRun ?? false,
    fileName: path.basename(p),
    format: read.format,
    fileProblems: read.fileProblems,
    cellProblems: read.cellProblems,
  });
}

async function enterprisesWithCodes(codes: string[]): Promise<{ credit_code: string; updated_at: Date }[]> {
  return (await sql.query('select credit_code, updated_at from enterprise where credit_code = any($1) order by credit_code', [codes])).rows;
}

/** Runs the built CLI (dist/, built by the global setup) as `npm run import` does. */
async function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: server.databaseUrl };
  for (const k of ['NODE_OPTIONS', 'NODE_ENV', 'JEST_WORKER_ID']) delete env[k];
  const child = spawn(process.execPath, ['dist/src/cli/import.js', ...args], { cwd: path.join(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return { code: await exitCode(child), out };
}

beforeAll(async () => {
  server = await startTestServer(__filename);
  orm = await MikroORM.init(ormConfig(server.databaseUrl));
  sql = new pg.Client({ connectionString: server.databaseUrl });
  await sql.connect();
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await orm?.close(true);
  await server?.close();
});

describe('a CSV of 15 enterprises, 12 of them bad', () => {
  const p = () => file('enterprises-a.csv', fifteenRows('甲', 100));
  const goodCodes = [code(101), code(108), code(115)];

  it('imports none of them without --accept-valid, and reports every bad row by line', async () => {
    // given the file; when it is imported all or nothing
    const result = await importFile('enterprises', p());
    // then nothing is written, and each of the 12 bad rows is reported
    expect(result.written).toBe(false);
    expect(result.rejected).toBe(12);
    expect(await enterprisesWithCodes(goodCodes)).toEqual([]);
    expect(new Set(result.problems.map((x) => x.line))).toEqual(new Set([3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15]));
  });

  it('imports the 3 good ones with --accept-valid; NUL, check character and duplicate named by line and field', async () => {
    // when
    const result = await importFile('enterprises', p(), { acceptValid: true });
    // then
    expect(result.written).toBe(true);
    expect({ valid: result.valid, rejected: result.rejected }).toEqual({ valid: 3, rejected: 12 });
    expect((await enterprisesWithCodes(goodCodes)).map((r) => r.credit_code)).toEqual([...goodCodes].sort());
    const at = (line: number) => result.problems.filter((x) => x.line === line);
    expect(at(3)).toEqual([expect.objectContaining({ field: 'nameZh', code: 'CONTROL_CHARACTER', value: '甲有\\u0000空字符' })]);
    expect(at(3)[0].reasonEn).toMatch(/U\+0000/);
    expect(at(4)).toEqual([expect.objectContaining({ field: 'creditCode', code: 'CHECK_CHARACTER', value: wrongCheck(103) })]);
    expect(at(5)).toEqual([expect.objectContaining({ field: 'creditCode', code: 'DUPLICATE' })]);
    expect(at(5)[0].reasonEn).toMatch(/first on line 2\)/);
    expect(at(6)).toEqual([expect.objectContaining({ field: 'districtCode', code: 'UNKNOWN_REFERENCE', value: '999999' })]);
    expect(at(7)).toEqual([expect.objectContaining({ field: 'nameEn', code: 'REQUIRED' })]);
    expect(at(13)).toEqual([expect.objectContaining({ field: 'nameEn', code: 'CONTROL_CHARACTER' })]);
    expect(at(15)).toEqual([expect.objectContaining({ field: 'annualFigures', code: 'BAD_CELL' })]);
    for (const x of result.problems) expect(x.reasonZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('changes nothing when the same file is imported again (no updated_at churn)', async () => {
    // given the first import's rows
    const before = await enterprisesWithCodes(goodCodes);
    const sourcesBefore = (await sql.query('select * from record_source order by id')).rows;
    // when
    const result = await importFile('enterprises', p(), { acceptValid: true });
    // then
    expect(Object.values(result.counts).every((n) => n === 0)).toBe(true);
    expect(result.sourced).toBe(0);
    expect(await enterprisesWithCodes(goodCodes)).toEqual(before);
    expect((await sql.query('select * from record_source order by id')).rows).toEqual(sourcesBefore);
  });

  it('shows each imported record’s source in the API, in the same number of statements', async () => {
    // when
    const q = `query($c: String!) { enterprise(creditCode: $c) { creditCode source { fileName sheet line importedAt } } }`;
    const res = await server.gql(q, { c: code(108) });
    const withSource = server.lastStatements();
    // then
    expect(expectData(res).enterprise).toEqual({
      creditCode: code(108),
      source: { fileName: 'enterprises-a.csv', sheet: null, line: 9, importedAt: expect.any(String) },
    });
    await server.gql(`query($c: String!) { enterprise(creditCode: $c) { creditCode } }`, { c: code(108) });
    expect(withSource).toBe(server.lastStatements());
    // a seeded record has none
    const list = expectData(await server.gql('{ enterprises(first: 1) { nodes { source { fileName } } } }'));
    expect(list.enterprises.nodes[0].source).toBeNull();
  });
});

describe('the header row', () => {
  it('refuses the whole file for an unknown column, even with --accept-valid (a typo would drop the column)', async () => {
    const p = file('typo.csv', `creditCode,nmeZh,nameEn,districtCode,roles\n${code(701)},名,Name,500103,EXPORT_SELLER\n`);
    const result = await importFile('enterprises', p, { acceptValid: true });
    expect(result.written).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, field: 'nmeZh', code: 'UNKNOWN_COLUMN' })]);
    expect(await enterprisesWithCodes([code(701)])).toEqual([]);
  });
});

describe('districts that are no longer in force', () => {
  it('refuses an enterprise placed in a retired district, naming its last day and successor; its credit code may still carry the old code', async () => {
    const old = creditCodeFor('500105', 880_801); // issued in 江北区 before 2026
    const p = file(
      'retired.csv',
      `creditCode,nameZh,nameEn,districtCode,roles\n${old},旧区企业,Old District Co,500105,EXPORT_SELLER\n${creditCodeFor('500105', 880_802)},新区企业,New District Co,500157,EXPORT_SELLER\n`,
    );
    const result = await importFile('enterprises', p, { acceptValid: true });
    expect({ valid: result.valid, rejected: result.rejected }).toEqual({ valid: 1, rejected: 1 });
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, field: 'districtCode', code: 'RETIRED_CODE', value: '500105' })]);
    expect(result.problems[0].reasonEn).toMatch(/in force until 2025-12-31; give its successor 500157/);
    expect(await enterprisesWithCodes([old])).toEqual([]);
  });
});

describe('references to rows that were rejected', () => {
  it('sends a row pointing at a rejected row of the file to the report too', async () => {
    // given a category with a bad name and a child of it
    const p = file(
      'categories.csv',
      'slug,nameZh,nameEn,parentSlug\nimport-test-root,根,Root,\nimport-test-bad,坏\u0000,Bad,\nimport-test-child,子,Child,import-test-bad\nimport-test-leaf,叶,Leaf,import-test-root\n',
    );
    // when
    const result = await importFile('product-categories', p, { acceptValid: true });
    // then
    expect(result.problems.map((x) => [x.line, x.field, x.code])).toEqual([
      [3, 'nameZh', 'CONTROL_CHARACTER'],
      [4, 'parentSlug', 'DEPENDS_ON_REJECTED'],
    ]);
    expect(result.problems[1].reasonEn).toMatch(/line 3/);
    const slugs = (await sql.query(`select slug from product_category where slug like 'import-test-%' order by slug`)).rows.map((r) => r.slug);
    expect(slugs).toEqual(['import-test-leaf', 'import-test-root']);
  });
});

describe('XLSX and JSON', () => {
  it('reads an XLSX sheet, refusing a credit code Excel turned into a number', async () => {
    // given a workbook made with the same family of library (write-excel-file)
    const p = path.join(dir, 'enterprises.xlsx');
    const head = ['creditCode', 'nameZh', 'nameEn', 'districtCode', 'roles', 'foundedYear', 'isSample'].map((value) => ({ value }));
    const row = (c: string | number, i: number) => [
      { value: c },
      { value: `表格企业${i}` },
      { value: `Sheet Co ${i}` },
      { value: '500103' },
      { value: 'EXPORT_SELLER' },
      { value: 2020 },
      { value: false },
    ];
    await writeXlsxFile([head, row(code(201), 1), row(915001030000000000, 2), row(code(203), 3)], { sheet: 'enterprises' }).toFile(p);
    // when
    const result = await importFile('enterprises', p, { acceptValid: true });
    // then
    expect(result.problems).toEqual([expect.objectContaining({ line: 3, sheet: 'enterprises', field: 'creditCode', code: 'NUMBER_CELL' })]);
    expect((await enterprisesWithCodes([code(201), code(203)])).length).toBe(2);
    const src = (
      await sql.query(
        `select s.sheet, s.line from record_source s join enterprise e on e.id = s.record_id and s.table_name = 'enterprise' where e.credit_code = $1`,
        [code(203)],
      )
    ).rows;
    expect(src).toEqual([{ sheet: 'enterprises', line: 4 }]);
  });

  it('reads park spaces from XLSX with a date cell and one column per contact member, and keeps their source', async () => {
    // given a park of the seed and a workbook of two spaces
    const park = (await sql.query('select slug from industrial_park order by id limit 1')).rows[0].slug as string;
    const p = path.join(dir, 'spaces.xlsx');
    const head = ['parkSlug', 'ref', 'nameZh', 'nameEn', 'kind', 'areaM2', 'monthlyRentPerM2', 'availableFrom', 'contact.email'].map((value) => ({ value }));
    const space = (ref: string, area: number) => [
      { value: park },
      { value: ref },
      { value: `空间${ref}` },
      { value: `Space ${ref}` },
      { value: 'OFFICE' },
      { value: area },
      { value: 45.5 },
      { value: new Date(Date.UTC(2027, 2, 1)), format: 'yyyy-mm-dd' },
      { value: 'leasing@example.com' },
    ];
    await writeXlsxFile([head, space('IMP-1', 120), space('IMP-2', 0)], { sheet: '空间' }).toFile(p);
    // when
    const result = await importFile('park-spaces', p, { acceptValid: true });
    // then the second (area 0) is refused, the first written with its date, contact and source
    expect(result.problems.map((x) => [x.line, x.sheet, x.field, x.code])).toEqual([[3, '空间', 'areaM2', 'OUT_OF_RANGE']]);
    const rows = (
      await sql.query(
        `select s.ref, s.available_from::text as "from", s.contact_email as email, rs.file_name, rs.sheet, rs.line
         from park_space s join record_source rs on rs.table_name = 'park_space' and rs.record_id = s.id where s.ref like 'IMP-%'`,
      )
    ).rows;
    expect(rows).toEqual([{ ref: 'IMP-1', from: '2027-03-01', email: 'leasing@example.com', file_name: 'spaces.xlsx', sheet: '空间', line: 2 }]);
  });

  it('reads a JSON array of one kind, lines being positions', async () => {
    const p = file(
      'enterprises.json',
      JSON.stringify([
        { creditCode: code(301), nameZh: 'JSON企业', nameEn: 'JSON Co', districtCode: '500103', roles: ['EXPORT_SELLER'] },
        { creditCode: code(302), nameZh: 'JSON\u0000', nameEn: 'JSON Bad', districtCode: '500103', roles: ['EXPORT_SELLER'] },
      ]),
    );
    const result = await importFile('enterprises', p, { acceptValid: true });
    expect(result.problems.map((x) => [x.line, x.field, x.code])).toEqual([[2, 'nameZh', 'CONTROL_CHARACTER']]);
    expect((await enterprisesWithCodes([code(301), code(302)])).map((r) => r.credit_code)).toEqual([code(301)]);
  });
});

describe('the CLI, as a process', () => {
  it('--dry-run writes the report and nothing else', async () => {
    // given
    const p = file('enterprises-b.csv', fifteenRows('乙', 400));
    const base = path.join(dir, 'dry');
    const runs = Number((await sql.query('select count(*) from import_run')).rows[0].count);
    // when
    const { code: exit, out } = await runCli(['enterprises', p, '--accept-valid', '--dry-run', '--report', base]);
    // then
    expect({ exit, out }).toEqual({ exit: 3, out: expect.stringContaining('nothing written (--dry-run)') });
    expect(await enterprisesWithCodes([code(401), code(408), code(415)])).toEqual([]);
    expect(Number((await sql.query('select count(*) from import_run')).rows[0].count)).toBe(runs);
    const csv = readFileSync(`${base}.csv`, 'utf8');
    expect(csv.startsWith('\uFEFFline (行号),sheet (工作表),field (字段),value (值),code (代码),reasonZh (原因),reasonEn (reason)')).toBe(true);
    expect(csv).toContain('3,,nameZh,乙有\\u0000空字符,CONTROL_CHARACTER,含有控制字符（如 NUL）,');
    const json = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    expect(json).toMatchObject({
      file: 'enterprises-b.csv',
      kind: 'enterprises',
      outcome: 'partial',
      dryRun: true,
      exitCode: 3,
      rows: { read: 15, valid: 3, rejected: 12 },
    });
    expect(json.problems).toHaveLength(json.problems.length);
    expect(json.problems[0]).toEqual(
      expect.objectContaining({ line: 3, field: 'nameZh', code: 'CONTROL_CHARACTER', reasonZh: expect.any(String), reasonEn: expect.any(String) }),
    );
  }, 60_000);

  it('exits 3 on a partial import, 2 on a refused file, 1 on an unknown kind (listing the kinds)', async () => {
    const p = file('enterprises-c.csv', fifteenRows('丙', 500));
    const refused = await runCli(['enterprises', p]);
    expect(refused.code).toBe(2);
    const partial = await runCli(['enterprises', p, '--accept-valid', '--report', path.join(dir, 'c')]);
    expect(partial.code).toBe(3);
    expect((await enterprisesWithCodes([code(501), code(508), code(515)])).length).toBe(3);
    expect(existsSync(path.join(dir, 'c.json'))).toBe(true);
    // the whole-dataset JSON form still works, all or nothing
    const whole = file(
      'dataset.json',
      JSON.stringify({ enterprises: [{ creditCode: code(601), nameZh: '整体', nameEn: 'Whole', districtCode: '500103', roles: ['EXPORT_SELLER'] }] }),
    );
    expect((await runCli([whole])).code).toBe(0);
    expect((await enterprisesWithCodes([code(601)])).length).toBe(1);
    const unknown = await runCli(['enterprize', p]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/unknown kind "enterprize".*enterprises.*industrial-parks \(parks\)/s);
  }, 60_000);
});
