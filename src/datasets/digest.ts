import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Readable } from 'node:stream';
import { startPeriodic } from '../db/periodic';
import type { ReadPool } from '../db/read-db';
import { sql } from '../db/sql';
import { exec } from '../db/write';
import type { DbHealth } from '../db/health';
import type { Logger } from '../logger';
import { datasetLines, fileVersion, openDataset, type DatasetFile } from './files';
import type { DatasetFormat } from './rows';
import type { DatasetSpec } from './spec';
import { GZIP_LEVEL } from './stream';

/*
 * The catalogue gives each file of a dataset its size and SHA-256, which takes reading the whole
 * dataset: too slow for a request, so a background task does it, in the leader process only (the
 * app's background tasks, src/db/leader.ts). Every DATASET_DIGEST_MS it reads each dataset's version
 * (datasetVersions, cheap) and, for a dataset whose version differs from the stored digests'
 * (or whose columns changed), streams its CSV and NDJSON once each through SHA-256 and through
 * gzip (at the level downloads use) into a second SHA-256: exactly the bytes a download of that
 * version sends. The four rows of dataset_distribution are replaced in one statement. The catalogue
 * shows the stored numbers with the version they are of, so a client can tell when a download's
 * ETag is of a newer version than the digest (it then matches after the next run).
 */

interface Measured {
  bytes: number;
  sha256: string;
}

/** Bytes and hash of what flows into it. */
function measure(): { sink: Writable; result: () => Measured } {
  const hash = createHash('sha256');
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done();
    },
  });
  return { sink, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/** One pass over a format: the plain file's and the gzip file's size and hash, and the rows. */
async function digestFormat(lines: AsyncIterable<string>): Promise<{ plain: Measured; gz: Measured }> {
  const plain = measure();
  const gz = measure();
  const gzip = zlib.createGzip({ level: GZIP_LEVEL });
  const compressed = pipeline(gzip, gz.sink);
  const source = Readable.from(lines, { objectMode: false });
  // Each chunk goes to the plain hash and into gzip, waiting for gzip's room (backpressure).
  await pipeline(
    source,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        plain.sink.write(chunk);
        if (gzip.write(chunk)) done();
        else gzip.once('drain', () => done());
      },
      final(done) {
        gzip.end();
        done();
      },
    }),
  );
  await compressed;
  return { plain: plain.result(), gz: gz.result() };
}

/** Computes and stores the digests of `spec` when its stored ones are of another version; returns whether it did. */
export async function digestDataset(
  read: ReadPool,
  em: EntityManager,
  spec: DatasetSpec,
  specs: readonly DatasetSpec[],
  signal?: AbortSignal,
): Promise<boolean> {
  const { snapshot, version } = await openDataset(read, spec, specs, signal);
  try {
    const v = fileVersion(spec, version);
    const stored = await exec<{ n: number }>(em, sql`select count(*)::int as n from dataset_distribution where dataset = ${spec.name} and version = ${v}`);
    if (stored[0].n === 4) return false;
    const rows: { file: DatasetFile; m: Measured; n: number }[] = [];
    for (const format of ['csv', 'ndjson'] as DatasetFormat[]) {
      let n = 0;
      const { plain, gz } = await digestFormat(datasetLines(snapshot, spec, format, { counted: (k) => (n += k) }));
      rows.push({ file: format, m: plain, n }, { file: `${format}.gz`, m: gz, n });
    }
    await exec(
      em,
      sql`insert into dataset_distribution (dataset, file, version, byte_size, sha256, rows, modified, computed_at)
        select ${spec.name}, f.file, ${v}, f.size, f.sha256, f.rows, ${sql.typed(version.modified, 'timestamptz')}, now()
        from unnest(${sql.array(
          rows.map((r) => r.file),
          'text',
        )}, ${sql.array(
          rows.map((r) => r.m.bytes),
          'bigint',
        )}, ${sql.array(
          rows.map((r) => r.m.sha256),
          'text',
        )}, ${sql.array(
          rows.map((r) => r.n),
          'bigint',
        )}) as f(file, size, sha256, rows)
        on conflict (dataset, file) do update set version = excluded.version, byte_size = excluded.byte_size, sha256 = excluded.sha256,
          rows = excluded.rows, modified = excluded.modified, computed_at = excluded.computed_at`,
    );
    return true;
  } finally {
    await snapshot.end();
  }
}

/** Digests every dataset whose version moved; returns the names done. */
export async function digestDatasets(read: ReadPool, em: EntityManager, specs: readonly DatasetSpec[], signal?: AbortSignal): Promise<string[]> {
  const done: string[] = [];
  for (const spec of specs) {
    if (signal?.aborted) break;
    if (await digestDataset(read, em, spec, specs, signal)) done.push(spec.name);
  }
  return done;
}

/** The leader's task (src/app.ts starts it with the modules' tasks). */
export function datasetDigestTask(o: {
  read: ReadPool;
  em: () => EntityManager;
  specs: readonly DatasetSpec[];
  everyMs: number;
  logger: Logger;
  health: DbHealth;
  taskRun(task: string, result: 'ok' | 'error'): void;
}): { stop(): void } {
  const stopped = new AbortController();
  const periodic = startPeriodic({
    everyMs: o.everyMs,
    logger: o.logger,
    health: o.health,
    failure: 'dataset digest failed',
    onRun: (result) => o.taskRun('dataset-digest', result),
    work: async () => {
      const done = await digestDatasets(o.read, o.em(), o.specs, stopped.signal);
      if (done.length) o.logger.info('dataset files digested', { datasets: done });
    },
  });
  return {
    stop() {
      stopped.abort();
      periodic.stop();
    },
  };
}
