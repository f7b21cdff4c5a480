import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { codePointName, controlCharIn } from '../graphql/text';
import { exec } from '../db/write';
import { checkStoredDataset, storedKeys, writeDataset } from './engine';
import type { ImportCounts, ImportIssue } from './problems';
import { codeOf, problem, type RowProblem } from './report';
import type { SourcedRow } from './tabular';
import type { ImportUnit } from './unit';
import { validateDataset } from './validate';
import { ImportTx } from './write';

/*
 * The import of one kind of record from a file, row by row (issue 16, point 4): every row is
 * validated as the dataset import validates records (types, codes, check characters, references
 * to the file and the database, duplicates, control characters), and each problem is reported
 * with the row's line. Without `acceptValid` one bad row refuses the file; with it the bad rows,
 * and the rows that point at them, are left out and the rest is written as the dataset import
 * writes (an upsert by natural key that leaves unchanged rows, and their updated_at, alone).
 * The records written get their provenance (record_source).
 */

export interface RowsOptions {
  acceptValid: boolean;
  dryRun: boolean;
  defaultIsSample?: boolean;
  /** Where the rows come from, for provenance: the file's base name (never a path) and format. */
  fileName: string;
  format: string;
  /** Problems found while reading the file: of the file (refuse it), and of cells (refuse their rows). */
  fileProblems?: readonly RowProblem[];
  cellProblems?: readonly RowProblem[];
  /** Told which phase the import is in. */
  onPhase?: (phase: 'validating' | 'checking stored' | 'writing', rows: number) => void;
}

export interface RowsResult {
  read: number;
  /** Rows that passed (written, unless a dry run or the file was refused). */
  valid: number;
  rejected: number;
  problems: RowProblem[];
  /** Whether anything was written. */
  written: boolean;
  counts: ImportCounts;
  /** The import run recorded, when something was written. */
  runId?: number;
  /** Records whose provenance this run set (inserted or changed). */
  sourced: number;
}

/** Fields with control characters in their text (C0 but tab and line breaks, DEL, C1; NUL included: graphql/text.ts), with the first one. */
function controlCharFields(value: unknown, at: string, out: [string, number][]): void {
  if (typeof value === 'string') {
    const cp = controlCharIn(value);
    if (cp !== undefined) out.push([at, cp]);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) controlCharFields(v, `${at}[${i}]`, out);
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) controlCharFields(v, at ? `${at}.${k}` : k, out);
}

/** The value at `field` (with a nested path from the issue) of a record, as text for the report. */
function valueAt(record: unknown, nested: string, field: string): string {
  let v: unknown = record;
  for (const part of `${nested}.${field}`.split(/[.[\]]+/).filter(Boolean)) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[part];
  }
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

/**
 * Validates the rows of one unit's records and, unless refused or a dry run, writes the valid
 * ones in one transaction with their provenance. See the file's comment for the rules.
 */
export async function importRows(
  units: readonly ImportUnit[],
  em: EntityManager,
  unit: ImportUnit,
  rows: readonly SourcedRow[],
  opts: RowsOptions,
): Promise<RowsResult> {
  return em.fork().transactional(async (fork) => {
    const tem = fork as SqlEntityManager;
    const problems: RowProblem[] = [...(opts.fileProblems ?? []), ...(opts.cellProblems ?? [])];
    const rejected = new Set<number>(); // indices into rows
    const lineIndex = new Map(rows.map((r, i) => [r.line, i]));
    for (const p of opts.cellProblems ?? []) if (lineIndex.has(p.line)) rejected.add(lineIndex.get(p.line)!);
    const result = (written: boolean, counts: ImportCounts = {}, runId?: number, sourced = 0): RowsResult => ({
      read: rows.length,
      valid: rows.length - rejected.size,
      rejected: rejected.size,
      problems: problems.sort((a, b) => a.line - b.line),
      written,
      counts,
      runId,
      sourced,
    });
    if ((opts.fileProblems ?? []).length > 0) {
      for (let i = 0; i < rows.length; i++) rejected.add(i);
      return result(false);
    }
    const cellAt = new Set((opts.cellProblems ?? []).map((p) => `${p.line}\u0000${p.field}`));
    const keyOfRow = new Map<number, string>();
    const rejectedKeys = new Map<string, number>(); // natural key of a rejected row → its line
    const report = (i: number, issue: ImportIssue, nested: string, later: boolean, live: number[]) => {
      const row = rows[i];
      const field = [nested, issue.field].filter(Boolean).join('.');
      if (cellAt.has(`${row.line}\u0000${issue.field}`)) return; // the cell was refused already, with its reason
      let code = codeOf(issue.message);
      // "(first at enterprises[4])" names the record by its place in the dataset; the file has lines.
      let reason = issue.message.replace(/\(first at [^[\s]+\[(\d+)\]\)/, (m, j: string) =>
        live[Number(j)] === undefined ? m : `(first on line ${rows[live[Number(j)]].line})`,
      );
      const ref = /"(.+)" \(neither in this dataset nor in the database\)$/.exec(issue.message);
      if (later && ref && rejectedKeys.has(ref[1])) {
        code = 'DEPENDS_ON_REJECTED';
        reason = `refers to "${ref[1]}", defined on line ${rejectedKeys.get(ref[1])}, which was rejected`;
      }
      problems.push(problem(row.line, row.sheet, field, valueAt(row.record, nested, issue.field), code, reason, issue.key));
    };
    const reportIssues = (live: number[], issues: ImportIssue[], later: boolean): Set<number> => {
      const bad = new Set<number>();
      const at = new RegExp(`^${unit.key.replace(/[^a-zA-Z0-9]/g, '\\$&')}\\[(\\d+)\\]\\.?(.*)$`);
      for (const issue of issues) {
        const m = at.exec(issue.path);
        if (!m) {
          // A problem of no one row: nothing can be written.
          problems.push(problem(0, undefined, issue.field, '', codeOf(issue.message), `${issue.path}: ${issue.message}`));
          for (const i of live) bad.add(i);
          continue;
        }
        const i = live[Number(m[1])];
        bad.add(i);
        report(i, issue, m[2], later, live);
      }
      return bad;
    };
    const reject = (bad: Set<number>) => {
      for (const i of bad) {
        rejected.add(i);
        const k = keyOfRow.get(i);
        if (k !== undefined && !rejectedKeys.has(k)) rejectedKeys.set(k, rows[i].line);
      }
    };

    // Control characters anywhere in a row's text that no field check named (the text fields' own
    // checks name most of them; this catches the rest, e.g. in a list or an unknown field).
    const controlCharRows = (indices: number[]): Set<number> => {
      const named = new Set(problems.filter((p) => p.code === 'CONTROL_CHARACTER').map((p) => `${p.line}\u0000${p.field}`));
      const out = new Set<number>();
      for (const i of indices) {
        const row = rows[i];
        const found: [string, number][] = [];
        controlCharFields(row.record, '', found);
        for (const [f, cp] of found) {
          out.add(i);
          if (named.has(`${row.line}\u0000${f}`)) continue;
          problems.push(
            problem(row.line, row.sheet, f, valueAt(row.record, '', f), 'CONTROL_CHARACTER', `contains the control character ${codePointName(cp)}`),
          );
        }
      }
      return out;
    };

    // Validate, leave out the bad rows, and again, until what is left is valid (a row pointing at
    // a rejected row fails the next round).
    // Rows with a refused cell are validated too in the first round (their other problems are
    // reported, their keys known to the rows pointing at them), then left out.
    let live = rows.map((_, i) => i);
    const stored = storedKeys(tem);
    for (let round = 0; ; round++) {
      opts.onPhase?.('validating', live.length);
      const current = live;
      const issues = await validateDataset(units, { [unit.key]: current.map((i) => rows[i].record) }, stored, (u, j, k) => {
        if (u === unit.key) keyOfRow.set(current[j], k);
      });
      const bad = reportIssues(current, issues, round > 0);
      if (round === 0) for (const i of controlCharRows(current)) bad.add(i);
      // Rows with a refused cell are out whatever validation says, and their keys count as rejected.
      if (round === 0) for (const i of rejected) bad.add(i);
      reject(bad);
      if (bad.size === 0 || !opts.acceptValid) break;
      live = live.filter((i) => !rejected.has(i));
      if (live.length === 0) break;
    }
    if (rejected.size > 0 && !opts.acceptValid) return result(false);
    live = rows.map((_, i) => i).filter((i) => !rejected.has(i));

    // Checks against stored records (a unit's rules that read the database), the same way.
    const tx = new ImportTx(tem, new Map(units.map((u) => [u.key, u])), { defaultIsSample: opts.defaultIsSample ?? false });
    for (;;) {
      if (live.length === 0) break;
      opts.onPhase?.('checking stored', live.length);
      const current = live;
      const issues = await checkStoredDataset(units, { [unit.key]: current.map((i) => rows[i].record) }, tx);
      const bad = reportIssues(current, issues, true);
      reject(bad);
      if (bad.size === 0) break;
      if (!opts.acceptValid) return result(false);
      live = live.filter((i) => !rejected.has(i));
    }
    if (opts.dryRun || live.length === 0) return result(false);

    opts.onPhase?.('writing', live.length);
    await writeDataset(units, { [unit.key]: live.map((i) => rows[i].record) }, tx);
    const { runId, sourced } = await recordSources(
      tx,
      unit,
      opts,
      rows.length,
      live.length,
      rows.length - live.length,
      live.map((i) => ({ key: keyOfRow.get(i), row: rows[i] })),
    );
    return result(true, tx.counts, runId, sourced);
  });
}

/**
 * Records the run and the provenance of the records it inserted or changed: those of its rows
 * whose table row was written by this transaction (PostgreSQL's `xmin`). A record the file states
 * unchanged keeps the source it had, so an import run twice changes nothing the second time.
 */
async function recordSources(
  tx: ImportTx,
  unit: ImportUnit,
  opts: RowsOptions,
  read: number,
  valid: number,
  rejected: number,
  written: { key: string | undefined; row: SourcedRow }[],
): Promise<{ runId: number; sourced: number }> {
  const [run] = await exec<{ id: number }>(
    tx.em,
    sql`insert into import_run (kind, file_name, format, rows_read, rows_valid, rows_rejected)
      values (${unit.key}, ${opts.fileName}, ${opts.format}, ${read}, ${valid}, ${rejected}) returning id`,
  );
  const keyed = written.filter((w): w is { key: string; row: SourcedRow } => w.key !== undefined);
  let ids: Map<string, number>;
  try {
    ids = await tx.ids(
      unit.key,
      keyed.map((w) => w.key),
    );
  } catch {
    // A unit whose natural key is no column it can be found by: no provenance for its records.
    return { runId: Number(run.id), sourced: 0 };
  }
  const found = keyed.filter((w) => ids.has(w.key));
  if (found.length === 0) return { runId: Number(run.id), sourced: 0 };
  const rows = await exec<{ n: number }>(
    tx.em,
    sql`with src as (
        select * from unnest(${sql.array(
          found.map((w) => ids.get(w.key)!),
          'int',
        )}, ${sql.array(
          found.map((w) => w.row.line),
          'int',
        )}, ${sql.array(
          found.map((w) => w.row.sheet ?? null),
          'text',
        )}) as s(record_id, line, sheet)
      ), changed as (
        select src.* from src join ${sql.ident(unit.table)} t on t.id = src.record_id
        where t.xmin = pg_current_xact_id()::xid
      )
      insert into record_source (table_name, record_id, run_id, file_name, sheet, line, imported_at)
      select ${unit.table}, record_id, ${Number(run.id)}, ${opts.fileName}, sheet, line, now() from changed
      on conflict (table_name, record_id) do update set run_id = excluded.run_id, file_name = excluded.file_name,
        sheet = excluded.sheet, line = excluded.line, imported_at = excluded.imported_at
      returning 1`,
  );
  return { runId: Number(run.id), sourced: rows.length };
}
