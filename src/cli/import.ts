import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../orm';
import { importDataset } from '../composition';
import { ImportValidationError, type Dataset } from '../import';
import { toolDatabaseUrl } from '../config';

/*
 * Imports a JSON file of the dataset shape (one array per import unit's key: `districts`,
 * `enterprises` …; the record types are in each module's `<domain>.import.ts`) into DATABASE_URL
 * through the same path as the seeds, with every module's units: everything validated first,
 * nothing written on any error.
 *
 *   DATABASE_URL=postgresql://… node -r @swc-node/register src/cli/import.ts data.json [--dry-run] [--sample] [--max-errors N]
 *
 * Exit codes: 0 imported (or valid, with --dry-run), 2 rejected by validation, 1 anything else.
 */

const USAGE = 'usage: import <file.json> [--dry-run] [--sample] [--max-errors N]';

function parseArgs(argv: string[]) {
  const out = { file: '', dryRun: false, sample: false, maxErrors: 200 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--sample') out.sample = true;
    else if (a === '--max-errors') out.maxErrors = Number(argv[++i]);
    else if (a === '-h' || a === '--help') throw new Error(USAGE);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (!out.file) out.file = a;
    else throw new Error(`one file at a time\n${USAGE}`);
  }
  if (!out.file) throw new Error(USAGE);
  if (!Number.isInteger(out.maxErrors) || out.maxErrors < 1) throw new Error('--max-errors takes a positive integer');
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
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
