import { Snapshot } from '../db/snapshot';
import type { ReadPool } from '../db/read-db';
import { csvHeader, type DatasetFormat, linesSql, specStamp } from './rows';
import type { DatasetSpec } from './spec';
import { cursorLines, STALL_MS } from './stream';
import { datasetVersions, type DatasetVersion } from './version';

/** Rows per FETCH: a few hundred kilobytes of lines. */
export const BATCH = 1000;

/** The files of a dataset: `<name>.<ext>`, and `<name>.<ext>.gz`. */
export type DatasetFile = 'csv' | 'csv.gz' | 'ndjson' | 'ndjson.gz';
export const FILES: readonly DatasetFile[] = ['csv', 'csv.gz', 'ndjson', 'ndjson.gz'];

export const formatOf = (file: DatasetFile): DatasetFormat => (file.startsWith('csv') ? 'csv' : 'ndjson');

/** The version string the ETags and the digests carry: the data's version and the columns' shape. */
export const fileVersion = (spec: DatasetSpec, v: DatasetVersion) => `${v.version}.${specStamp(spec)}`;

/** UTF-8 byte order mark, for Excel (`?bom=1`). */
export const BOM = '\uFEFF';

/**
 * A dataset's content in one format, in the snapshot: the header row (CSV) and every public row,
 * a batch of lines at a time. CSV records end with CRLF (RFC 4180), JSON lines with LF.
 */
export async function* datasetLines(
  snapshot: Snapshot,
  spec: DatasetSpec,
  format: DatasetFormat,
  opts: { bom?: boolean; counted?: (rows: number) => void } = {},
): AsyncGenerator<string> {
  if (format === 'csv') yield `${opts.bom ? BOM : ''}${csvHeader(spec)}`;
  yield* cursorLines(snapshot, linesSql(spec, format), BATCH, format === 'csv' ? '\r\n' : '\n', opts.counted);
}

/** Opens a snapshot and reads the dataset's version in it (the first statement: it fixes what the rows are). */
export async function openDataset(
  read: ReadPool,
  spec: DatasetSpec,
  specs: readonly DatasetSpec[],
  signal?: AbortSignal,
): Promise<{ snapshot: Snapshot; version: DatasetVersion }> {
  const snapshot = await Snapshot.begin(read, signal, { idleMs: 2 * STALL_MS });
  try {
    const version = (await datasetVersions(snapshot, [spec.name], specs)).get(spec.name) ?? { version: '0', modified: null };
    return { snapshot, version };
  } catch (e) {
    await snapshot.end();
    throw e;
  }
}
