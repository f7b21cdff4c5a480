import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

/*
 * What the download benchmarks share (bench/fair-download.ts, bench/dataset-download.ts): a server
 * of bench/serve.ts in a process of its own (so its RSS is the API's alone), a client that counts
 * bytes and lines as they arrive (optionally slow, or gone after a while), and the server's memory
 * and CPU sampled while a download runs.
 */

/** Resident memory of a process, MB (Linux /proc). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** CPU time a process has used, seconds (Linux /proc; 10 ms ticks). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface Result {
  wireBytes: number;
  bytes: number;
  lines: number;
  first?: Record<string, unknown>;
  last?: Record<string, unknown>;
  ttfbMs: number;
  ms: number;
  status: number;
  complete: boolean;
}

/**
 * Downloads one file. `gzip`: asks for it and inflates here to count the lines; `bytesPerSecond`:
 * reads no faster than that, and goes away after `stopAfterMs`.
 */
export function download(
  target: string,
  opts: { gzip: boolean; bytesPerSecond?: number; stopAfterMs?: number; headers?: Record<string, string> },
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = 0;
    let wireBytes = 0;
    let bytes = 0;
    let lines = 0;
    let head = '';
    let tail = '';
    const req = http.get(target, { headers: { ...(opts.gzip ? { 'accept-encoding': 'gzip' } : {}), ...opts.headers } }, (res) => {
      ttfbMs = performance.now() - started;
      const gz = res.headers['content-encoding'] === 'gzip' || res.headers['content-type'] === 'application/gzip';
      const body = gz ? res.pipe(zlib.createGunzip()) : res;
      res.on('data', (b: Buffer) => {
        wireBytes += b.length;
        if (opts.bytesPerSecond) {
          res.pause();
          setTimeout(() => res.resume(), (b.length / opts.bytesPerSecond) * 1000);
        }
      });
      body.on('data', (b: Buffer) => {
        bytes += b.length;
        for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
        if (head.length < 4096) head += b.toString('utf8', 0, Math.min(b.length, 4096));
        tail = (tail + b.toString('utf8', Math.max(0, b.length - 4096))).slice(-4096);
      });
      const done = (complete: boolean) => {
        const parse = (s: string | undefined) => {
          try {
            return s ? (JSON.parse(s) as Record<string, unknown>) : undefined;
          } catch {
            return undefined; // a CSV line
          }
        };
        const endLines = tail.split('\n').filter((l) => l !== '');
        resolve({
          wireBytes,
          bytes,
          lines,
          first: complete ? parse(head.split('\n')[0]) : undefined,
          last: complete ? parse(endLines.at(-1)) : undefined,
          ttfbMs,
          ms: performance.now() - started,
          status: res.statusCode ?? 0,
          complete,
        });
      };
      body.on('end', () => done(true));
      body.on('error', () => done(false));
      res.on('error', () => done(false));
      if (opts.stopAfterMs) {
        setTimeout(() => {
          req.destroy();
          done(false);
        }, opts.stopAfterMs);
      }
    });
    req.on('error', (e) => (opts.stopAfterMs ? undefined : reject(e)));
  });
}

/** A server of bench/serve.ts on DATABASE_URL in a process of its own. */
export async function spawnServer(url: string, heapMb?: number, env: Record<string, string> = {}): Promise<{ base: string; pid: number; stop(): void }> {
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const child = spawn(process.execPath, [...process.execArgv, ...flags, path.join(__dirname, 'serve.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env, BENCH_DATABASE_URL: url },
  });
  const target = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim().split('\n')[0]));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { base: target.replace(/\/graphql$/, ''), pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** The server's V8 heap in use and its memory outside the heap (Buffers), MB, from its /metrics. */
export async function heapMb(base: string): Promise<{ heap: number; external: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
  return { heap: value('cbec_process_nodejs_heap_size_used_bytes'), external: value('cbec_process_nodejs_external_memory_bytes') };
}

export interface Memory {
  rssBeforeMb: number;
  rssPeakMb: number;
  heapBeforeMb: number;
  heapPeakMb: number;
  externalPeakMb: number;
  cpuS: number;
}

/**
 * Runs `work` while sampling the server: RSS every 20 ms (/proc), the V8 heap in use and external
 * memory every 250 ms (/metrics). RSS alone rises to where V8 and malloc settle and stays there,
 * whatever the edition; the heap in use says what the download itself holds.
 */
export async function measured<T>(base: string, pid: number, work: () => Promise<T>): Promise<{ value: T } & Memory> {
  const rssBeforeMb = rssMb(pid);
  const before = await heapMb(base);
  const cpuBefore = cpuSeconds(pid);
  let rssPeakMb = rssBeforeMb;
  let heapPeakMb = before.heap;
  let externalPeakMb = before.external;
  const rssTimer = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMb(pid));
  }, 20);
  const heapTimer = setInterval(() => {
    void heapMb(base).then((m) => {
      heapPeakMb = Math.max(heapPeakMb, m.heap);
      externalPeakMb = Math.max(externalPeakMb, m.external);
    });
  }, 250);
  try {
    const value = await work();
    return {
      value,
      rssBeforeMb,
      rssPeakMb: Math.max(rssPeakMb, rssMb(pid)),
      heapBeforeMb: before.heap,
      heapPeakMb,
      externalPeakMb,
      cpuS: cpuSeconds(pid) - cpuBefore,
    };
  } finally {
    clearInterval(rssTimer);
    clearInterval(heapTimer);
  }
}
