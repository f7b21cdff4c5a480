import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Keeps a benchmark's figures: `record('peer', rows, meta)` writes
 * bench/results/<name>-<YYYY-MM-DD>.json and .md (a later run on the same day replaces them), with
 * the machine (CPU model and count, memory, OS, Node version), the git commit (and whether the work
 * tree had changes), the load average and the date, so the next change can be compared with them. `meta` adds what
 * the caller knows (PostgreSQL version, database size, settings); rows are the table, one object
 * per line, columns in the order of their keys.
 */

export interface Machine {
  cpu: string;
  cpus: number;
  memoryGiB: number;
  os: string;
  node: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

const ROOT = path.join(__dirname, '..');

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function cell(v: unknown): string {
  if (v == null) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table of `rows`, columns from the keys of all rows in order of first appearance. */
export function markdownTable(rows: object[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (!columns.length) return '(no rows)\n';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map((r) => line(columns.map((c) => cell((r as Record<string, unknown>)[c])))), ''].join('\n');
}

/** JSON as the formatter (Biome) writes it: two spaces, arrays of plain values on one line. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_, inner: string) => `[${inner.split(/,\n\s*/).join(', ')}]`);
}

/** Writes the two files; returns their paths. */
export function record(name: string, rows: object[], meta: Record<string, unknown> = {}): { json: string; md: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  const commit = { commit: git(['rev-parse', 'HEAD']) ?? 'unknown', changed: status ? status.split('\n').length : 0 };
  const m = machine();
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${name}-${day}`);
  // How busy the machine was (1, 5 and 15 minutes) as the figures were taken: a noisy run shows here.
  const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const doc = { name, date: now.toISOString(), machine: m, git: commit, loadAverage, meta, rows };
  writeFileSync(`${base}.json`, `${toJson(doc)}\n`);
  const md = [
    `# ${name} — ${now.toISOString()}`,
    '',
    `- machine: ${m.cpu}, ${m.cpus} CPUs, ${m.memoryGiB} GiB, ${m.os}`,
    `- Node ${m.node}`,
    `- load average at the end (1, 5, 15 min): ${loadAverage.join(', ')}`,
    `- commit ${commit.commit}${commit.changed ? ` with ${commit.changed} changed tracked file(s)` : ''}`,
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${cell(v)}`),
    '',
    markdownTable(rows),
  ].join('\n');
  writeFileSync(`${base}.md`, md);
  return { json: `${base}.json`, md: `${base}.md` };
}
