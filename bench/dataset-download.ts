import pg from 'pg';
import { DATASETS } from '../src/composition';
import { download, measured, type Memory, type Result, spawnServer } from './download';
import { record } from './record';

/**
 * Bulk downloads of the open datasets (GET /datasets/<name>.csv, .ndjson and .gz, src/datasets)
 * against a scale database: rows per second and the server process's resident memory while it
 * streams, to show that memory stays flat whatever the dataset's size.
 *
 *   DATABASE_URL=postgresql://…/cbec_datasets_1m npm run bench:dataset-download -- --label 1m               # enterprises
 *   DATABASE_URL=… npm run bench:dataset-download -- --label 1m enterprises overseas-warehouses             # these datasets
 *   DATABASE_URL=… npm run bench:dataset-download -- --label 1m-heap128 --heap-mb 128 --files csv,ndjson    # a capped V8 heap, some files
 *
 * A scale database: `npm run seed:scale -- --enterprises 1000000` after `migration:up`. The server
 * is bench/serve.ts in a process of its own, its dataset digest task off (it would read the same
 * million rows at the same time); RSS sampled from /proc every 20 ms, the V8 heap and external
 * memory from /metrics every 250 ms (bench/download.ts). Each dataset: CSV plain, CSV with
 * Content-Encoding gzip, the .csv.gz file, NDJSON plain and gzip, then a slow client (256 KB/s,
 * gone after 5 s: backpressure and cancellation). Every complete download is checked against the
 * number of public rows. Results: bench/results/dataset-download-<label>-<date>.{json,md}.
 */

const url = process.env.DATABASE_URL ?? '';
if (!url) {
  console.error('DATABASE_URL: the database to download from (a scale database; see the header of bench/dataset-download.ts)');
  process.exit(2);
}

const MODES: { mode: string; file: string; gzip: boolean; slow?: boolean }[] = [
  { mode: 'CSV', file: 'csv', gzip: false },
  { mode: 'CSV, Content-Encoding gzip', file: 'csv', gzip: true },
  { mode: 'CSV .gz file', file: 'csv.gz', gzip: false },
  { mode: 'NDJSON', file: 'ndjson', gzip: false },
  { mode: 'NDJSON, Content-Encoding gzip', file: 'ndjson', gzip: true },
  { mode: 'NDJSON .gz file', file: 'ndjson.gz', gzip: false },
  { mode: 'slow client (CSV gzip, 256 KB/s, gone after 5 s)', file: 'csv', gzip: true, slow: true },
];

const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let label = 'local';
  let heapMb: number | undefined;
  let only: Set<string> | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--label') label = args[++i];
    else if (args[i] === '--heap-mb') heapMb = Number(args[++i]);
    else if (args[i] === '--files') only = new Set(args[++i].split(','));
    else names.push(args[i]);
  }
  if (names.length === 0) names.push('enterprises');
  const specs = names.map((n) => {
    const spec = DATASETS.find((d) => d.name === n);
    if (!spec) throw new Error(`No dataset "${n}"; the datasets are ${DATASETS.map((d) => d.name).join(', ')}`);
    return spec;
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const counts = new Map<string, number>();
  for (const s of specs) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${s.from} where ${s.where}`);
    counts.set(s.name, rows[0].n);
  }
  const { rows: pgVersion } = await db.query<{ v: string }>("select current_setting('server_version') as v");
  await db.end();

  const server = await spawnServer(url, heapMb, { BENCH_DATASET_DIGEST_MS: String(86_400_000) });
  const rows: object[] = [];
  try {
    // Warm: the first request of a process compiles and connects.
    await download(`${server.base}/datasets/districts.csv`, { gzip: true });
    for (const spec of specs) {
      const expected = counts.get(spec.name) ?? 0;
      for (const m of MODES.filter((x) => !only || only.has(x.file))) {
        const target = `${server.base}/datasets/${spec.name}.${m.file}`;
        const run = await measured(server.base, server.pid, () =>
          download(target, m.slow ? { gzip: m.gzip, bytesPerSecond: 256 * 1024, stopAfterMs: 5000 } : { gzip: m.gzip }),
        );
        const r: Result = run.value;
        const dataLines = r.lines - (m.file.startsWith('csv') ? 1 : 0);
        if (!m.slow && (!r.complete || dataLines !== expected)) {
          throw new Error(`${spec.name} ${m.mode}: ${dataLines} rows, the database has ${expected} public rows (complete: ${r.complete})`);
        }
        const mem: Memory = run;
        rows.push({
          dataset: spec.name,
          rows: expected,
          mode: m.mode,
          status: r.status,
          complete: r.complete,
          lines: r.lines,
          wireMB: mb(r.wireBytes),
          fileMB: mb(r.bytes),
          ttfbMs: round(r.ttfbMs),
          seconds: round(r.ms / 1000, 2),
          'rows/s': round(dataLines / (r.ms / 1000)),
          serverCpuS: round(mem.cpuS, 1),
          rssBeforeMB: round(mem.rssBeforeMb),
          rssPeakMB: round(mem.rssPeakMb),
          rssGrowthMB: round(mem.rssPeakMb - mem.rssBeforeMb, 1),
          heapBeforeMB: round(mem.heapBeforeMb),
          heapPeakMB: round(mem.heapPeakMb),
          externalPeakMB: round(mem.externalPeakMb),
        });
        console.log(JSON.stringify(rows.at(-1)));
      }
    }
  } finally {
    server.stop();
  }
  const out = record(`dataset-download-${label}`, rows, {
    database: url.replace(/:\/\/[^@]*@/, '://'),
    postgres: pgVersion[0].v,
    datasets: specs.map((s) => `${s.name}: ${counts.get(s.name)} public rows, ${s.columns.length} columns`),
    serverHeapLimit: heapMb ? `--max-old-space-size=${heapMb}` : 'V8 default',
    rss: 'server process VmRSS sampled every 20 ms (growth = peak during the download minus before it); V8 heap in use and external memory from its /metrics every 250 ms',
  });
  console.log(`recorded ${out.md}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
