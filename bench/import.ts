import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import writeXlsxFile from 'write-excel-file/node';
import { importRowsOf, IMPORT_UNITS } from '../src/composition';
import { ensureDatabase, dropDatabase } from '../src/db/database';
import { readRows, unitOfKind } from '../src/import';
import { creditCodeFor } from '../src/modules/enterprise/credit-code';
import { ormConfig } from '../src/orm';
import { referenceDataset } from '../seeds/data';
import { importDataset } from '../src/composition';
import { record } from './record';

/**
 * Spreadsheet import speed (issue 16, point 4): rows per second of `npm run import -- enterprises
 * <file> --accept-valid` on a file of N generated enterprises (valid credit codes, districts and
 * roles; 1 % bad rows: a wrong check character, a NUL in a name, an unknown district, in turn)
 * into a fresh database, migrated and holding the reference data only (districts, countries …).
 * The same path as the CLI: read (csv-parse / read-excel-file), validate every row, leave out the
 * bad ones, upsert the rest, record their provenance. Then the same file again (nothing changes).
 *
 *   npm run bench:import                                   # 100,000 rows, CSV
 *   npm run bench:import -- --rows 20000 --xlsx --label small
 *
 * TEST_DATABASE_URL or DATABASE_URL names the server (its database is replaced by a fresh one,
 * cbec_bench_import, dropped at the end). Results: bench/results/import-<label>-<date>.{json,md}.
 */

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ROWS = Number(arg('--rows') ?? 100_000);
const LABEL = arg('--label') ?? 'csv';
const XLSX = process.argv.includes('--xlsx');
const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const url = server.replace(/\/[^/?]*(\?|$)/, '/cbec_bench_import$1');

/** [credit-code region, district now]: firms registered in 江北区/渝北区 before 2026 are in 两江新区 now. */
const DISTRICTS = [
  ['500103', '500103'],
  ['500105', '500157'],
  ['500106', '500106'],
  ['500107', '500107'],
  ['500108', '500108'],
  ['500112', '500157'],
];
const ROLES = ['EXPORT_SELLER', 'MANUFACTURER', 'INDEPENDENT_SITE'];

/** Row i of the file: a valid enterprise, or (1 in 100) one with a problem. */
function row(i: number): string[] {
  const [region, district] = DISTRICTS[i % DISTRICTS.length];
  let code = creditCodeFor(region, 1_000_000 + i);
  let nameZh = `基准企业${i}`;
  let districtCode = district;
  if (i % 100 === 99) {
    const kind = Math.floor(i / 100) % 3;
    if (kind === 0) code = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    else if (kind === 1) nameZh = `基准\u0000${i}`;
    else districtCode = '999999';
  }
  return [code, nameZh, `Benchmark Enterprise ${i}`, districtCode, ROLES[i % ROLES.length], 'US;DE', String(2000 + (i % 25))];
}

const HEADER = ['creditCode (统一社会信用代码)', 'nameZh (中文名称)', 'nameEn (英文名称)', 'districtCode', 'roles', 'exportMarkets', 'foundedYear'];

function csv(): string {
  const lines = [HEADER.join(',')];
  for (let i = 0; i < ROWS; i++) lines.push(row(i).join(','));
  return `\uFEFF${lines.join('\n')}\n`;
}

async function main() {
  await dropDatabase(url);
  await ensureDatabase(url);
  const orm = await MikroORM.init(ormConfig(url));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
  const results: Record<string, unknown>[] = [];
  try {
    await orm.migrator.up();
    await importDataset(orm.em.fork(), referenceDataset(), { defaultIsSample: false });
    const file = path.join(dir, XLSX ? 'enterprises.xlsx' : 'enterprises.csv');
    if (XLSX) {
      const data = [HEADER.map((value) => ({ value })), ...Array.from({ length: ROWS }, (_, i) => row(i).map((value) => ({ value })))];
      await writeXlsxFile(data).toFile(file);
    } else writeFileSync(file, csv());
    const unit = unitOfKind(IMPORT_UNITS, 'enterprises')!;
    for (const run of ['first', 'again']) {
      const t0 = performance.now();
      const read = await readRows(unit, file);
      const t1 = performance.now();
      const phases: Record<string, number> = {};
      let at = t1;
      let phase = 'validating';
      const result = await importRowsOf(orm.em.fork(), unit, read.rows, {
        acceptValid: true,
        dryRun: false,
        fileName: path.basename(file),
        format: read.format,
        fileProblems: read.fileProblems,
        cellProblems: read.cellProblems,
        onPhase: (p) => {
          const now = performance.now();
          phases[phase] = (phases[phase] ?? 0) + (now - at);
          at = now;
          phase = p;
        },
      });
      const t2 = performance.now();
      phases[phase] = (phases[phase] ?? 0) + (t2 - at);
      const seconds = (t2 - t0) / 1000;
      results.push({
        run,
        format: read.format,
        rows: result.read,
        imported: result.valid,
        rejected: result.rejected,
        'enterprise rows written': result.counts.enterprise ?? 0,
        'sources set': result.sourced,
        'read s': ((t1 - t0) / 1000).toFixed(2),
        'validate s': ((phases.validating ?? 0) / 1000).toFixed(2),
        'stored checks s': ((phases['checking stored'] ?? 0) / 1000).toFixed(2),
        'write s': ((phases.writing ?? 0) / 1000).toFixed(2),
        'total s': seconds.toFixed(2),
        'rows/s': Math.round(result.read / seconds),
        'peak RSS MiB': Math.round(process.resourceUsage().maxRSS / 1024),
      });
      console.log(results.at(-1));
    }
  } finally {
    await orm.close(true);
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(url);
  }
  record(`import-${LABEL}`, results, {
    rowsInFile: ROWS,
    badRows: '1 % (check character, NUL, unknown district in turn)',
    database: 'fresh, migrated, reference data only',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
