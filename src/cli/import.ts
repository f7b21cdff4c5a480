import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../orm';
import { IMPORT_UNITS, importDataset, importRowsOf } from '../composition';
import { ImportValidationError, kindsList, readRows, unitOfKind, writeReport, type Dataset, type ImportReport, type RowProblem } from '../import';
import { toolDatabaseUrl } from '../config';

/*
 * Imports into DATABASE_URL through the same path as the seeds (docs/import.md).
 *
 * One kind of record from a spreadsheet or JSON file, row by row, with a row report:
 *
 *   npm run import -- <kind> <file.csv|file.xlsx|file.json> [--accept-valid] [--dry-run] [--report <base>] [--sample]
 *
 * `kind` is a dataset name (`enterprises`, `industrial-parks`, `service-offerings`) or an import
 * unit's key (`serviceOfferings`). Without --accept-valid one bad row refuses the file; with it the
 * valid rows are imported (upsert by natural key) and the bad ones, and the rows that point at
 * them, go to the report (`<base>.csv`, `<base>.json`).
 *
 * A whole dataset (one array per unit key) from one JSON file, all or nothing:
 *
 *   npm run import -- data.json [--dry-run] [--sample] [--max-errors N]
 *
 * Exit codes: 0 everything imported (or valid, with --dry-run), 2 refused (nothing imported),
 * 3 partly imported with --accept-valid (or would be, with --dry-run), 1 anything else.
 */

const USAGE = `usage: import <kind> <file.csv|file.xlsx|file.json> [--accept-valid] [--dry-run] [--report <base>] [--sample]
       import <dataset.json> [--dry-run] [--sample] [--max-errors N]`;

function parseArgs(argv: string[]) {
  const out = { files: [] as string[], dryRun: false, sample: false, maxErrors: 200, acceptValid: false, report: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--sample') out.sample = true;
    else if (a === '--accept-valid') out.acceptValid = true;
    else if (a === '--report') out.report = argv[++i] ?? '';
    else if (a === '--max-errors') out.maxErrors = Number(argv[++i]);
    else if (a === '-h' || a === '--help') throw new Error(USAGE);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else out.files.push(a);
  }
  if (out.files.length === 0 || out.files.length > 2) throw new Error(USAGE);
  if (out.report === '' && argv.includes('--report')) throw new Error('--report takes a base path (the report is written to <base>.csv and <base>.json)');
  if (!Number.isInteger(out.maxErrors) || out.maxErrors < 1) throw new Error('--max-errors takes a positive integer');
  return out;
}

/** A one-line progress display on stderr, only on a terminal. */
function progress(total: () => number) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    show(phase: string, n: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const t = total();
      const width = 30;
      const done = t > 0 ? Math.min(width, Math.round((n / t) * width)) : 0;
      process.stderr.write(`\r${phase.padEnd(16)} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${n.toLocaleString('en')} rows   `);
    },
    end() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

function printProblems(problems: readonly RowProblem[], max: number): void {
  for (const p of problems.slice(0, max)) {
    const where = `${p.sheet ? `${p.sheet}!` : ''}line ${p.line}${p.field ? `, ${p.field}` : ''}`;
    console.error(`  ${where}: ${p.reasonEn} [${p.code}]${p.value ? ` (value: ${JSON.stringify(p.value)})` : ''}`);
  }
  if (problems.length > max) console.error(`  … and ${problems.length - max} more (--report writes them all; --max-errors to print more)`);
}

async function importKind(kind: string, file: string, args: ReturnType<typeof parseArgs>, orm: MikroORM): Promise<number> {
  const unit = unitOfKind(IMPORT_UNITS, kind);
  if (!unit) {
    console.error(`unknown kind "${kind}"; the kinds are: ${kindsList(IMPORT_UNITS)}`);
    return 1;
  }
  const bar = progress(() => 0);
  let read: Awaited<ReturnType<typeof readRows>>;
  try {
    read = await readRows(unit, file, (n) => bar.show('reading', n));
  } catch (e) {
    bar.end();
    console.error(`cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const total = read.rows.length;
  const bar2 = progress(() => total);
  const result = await importRowsOf(orm.em.fork(), unit, read.rows, {
    acceptValid: args.acceptValid,
    dryRun: args.dryRun,
    defaultIsSample: args.sample,
    fileName: path.basename(file),
    format: read.format,
    fileProblems: read.fileProblems,
    cellProblems: read.cellProblems,
    onPhase: (phase, n) => bar2.show(phase, n),
  });
  bar2.end();
  const outcome: ImportReport['outcome'] = result.rejected === 0 ? 'imported' : result.valid > 0 && args.acceptValid ? 'partial' : 'rejected';
  const exitCode = outcome === 'imported' ? 0 : outcome === 'partial' ? 3 : 2;
  if (args.report) {
    await writeReport(args.report, {
      file: path.basename(file),
      kind: unit.key,
      format: read.format,
      outcome,
      dryRun: args.dryRun,
      exitCode,
      rows: { read: result.read, valid: result.valid, rejected: result.rejected },
      problems: result.problems,
    });
  }
  const name = path.basename(file);
  const rowsText = `${result.read} rows: ${result.valid} valid, ${result.rejected} rejected`;
  if (outcome === 'rejected') console.error(`${name}: refused (${rowsText}); nothing was written.`);
  else if (args.dryRun) console.log(`${name}: ${rowsText}; nothing written (--dry-run)`);
  else {
    console.log(`${name}: ${rowsText}; imported${outcome === 'partial' ? ' the valid rows' : ''}`);
    const changed = Object.entries(result.counts).filter(([, n]) => n > 0);
    if (changed.length === 0) console.log('  nothing changed (everything was already there)');
    for (const [table, n] of changed) console.log(`  ${table.padEnd(28)} ${String(n).padStart(8)} rows inserted or updated`);
  }
  if (result.problems.length > 0) printProblems(result.problems, args.maxErrors);
  if (args.report) console.error(`report: ${args.report}.csv, ${args.report}.json`);
  return exitCode;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.files.length === 2) {
    const [kind, file] = parsed.files;
    if (!unitOfKind(IMPORT_UNITS, kind)) {
      console.error(`unknown kind "${kind}"; the kinds are: ${kindsList(IMPORT_UNITS)}`);
      return 1;
    }
    const orm = await MikroORM.init(ormConfig(toolDatabaseUrl()));
    try {
      return await importKind(kind, file, parsed, orm);
    } finally {
      await orm.close(true);
    }
  }
  if (parsed.acceptValid || parsed.report) {
    console.error(`--accept-valid and --report work on one kind at a time: import <kind> <file>\n${USAGE}`);
    return 1;
  }
  const args = { ...parsed, file: parsed.files[0] };
  let dataset: Dataset;
  try {
    dataset = JSON.parse(await readFile(args.file, 'utf8')) as Dataset;
  } catch (e) {
    console.error(`cannot read ${args.file}: ${(e as Error).message}`);
    return 1;
  }
  const url = toolDatabaseUrl();
  const orm = await MikroORM.init(ormConfig(url));
  try {
    const result = await importDataset(orm.em.fork(), dataset, { dryRun: args.dryRun, defaultIsSample: args.sample });
    if (args.dryRun) {
      console.log(`${args.file}: valid (${result.validateMs.toFixed(0)} ms); nothing written (--dry-run)`);
    } else {
      const changed = Object.entries(result.counts).filter(([, n]) => n > 0);
      console.log(`${args.file}: imported in ${(result.validateMs + result.writeMs).toFixed(0)} ms`);
      if (changed.length === 0) console.log('  nothing changed (everything was already there)');
      for (const [table, n] of changed) console.log(`  ${table.padEnd(28)} ${String(n).padStart(8)} rows inserted or updated`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof ImportValidationError)) throw e;
    const issues = e.issues;
    console.error(`${args.file}: rejected, ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written.`);
    // Grouped by record so that a record's problems read together.
    let last = '';
    for (const issue of issues.slice(0, args.maxErrors)) {
      const record = issue.path.replace(/\.[a-zA-Z]+\[\d+\]$/, '');
      if (record !== last) {
        console.error(`\n${record}${issue.key ? ` (${issue.key})` : ''}`);
        last = record;
      }
      const sub = issue.path.slice(record.length).replace(/^\./, '');
      const where = [sub, issue.field].filter(Boolean).join('.');
      console.error(`  - ${where ? `${where}: ` : ''}${issue.message}`);
    }
    if (issues.length > args.maxErrors) console.error(`\n… and ${issues.length - args.maxErrors} more (--max-errors to see them)`);
    return 2;
  } finally {
    await orm.close(true);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
