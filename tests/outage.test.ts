import 'reflect-metadata';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../src/app';
import { startEmbedded, type EmbeddedDatabase } from '../src/db/embedded';
import { createLogger } from '../src/logger';
import { generateApiKey } from '../src/modules/auth/api-key.service';
import { freePort } from './helpers/process';

/**
 * The database stopped and started again under a running server (issue 8, "honest failures";
 * docs/limits.md "When the database is down"). The database is an embedded PostgreSQL of this
 * file's own, on a free port and a fresh data folder: the machine's PostgreSQL, which the other
 * test files use, is never touched.
 */

const CHEAP = /* GraphQL */ `query Cheap { countries(first: 3) { nodes { code } } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function until(check: () => Promise<boolean>, limitMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

/** The one error of an answer, with the request id checked against the header. */
function onlyError(a: Answer): Record<string, any> {
  expect(a.body.errors).toHaveLength(1);
  const ext = a.body.errors![0].extensions!;
  expect(ext.requestId).toBe(a.headers.get('x-request-id'));
  return ext;
}

describe('database stopped and restarted under the running server', () => {
  const dataDir = path.join(os.tmpdir(), `cbec-outage-test-${process.pid}-${Date.now()}`);
  let port: number;
  let db: EmbeddedDatabase | undefined;
  let app: App;
  let server: http.Server;
  let url: string;
  const lines: { level: string; msg: string; err?: string; stack?: string }[] = [];

  beforeAll(async () => {
    port = await freePort();
    db = await startEmbedded({ dataDir, port });
    app = await createApp({
      databaseUrl: db.url,
      config: { seedWhenEmpty: true, responseCache: false, accessLog: false, dbPoolSize: 4 },
      logger: createLogger('debug', (line) => lines.push(JSON.parse(line))),
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    if (server) await new Promise((r) => server.close(r));
    await app?.close().catch(() => undefined);
    await db?.stop();
    rmSync(db?.dataDir ?? dataDir, { recursive: true, force: true });
  }, 60_000);

  test('503 SERVICE_UNAVAILABLE with Retry-After while it is down (API-key checks included), logged once; back by itself, logged once', async () => {
    // Given: the server answers, and an API key exists that the server has never seen (not cached).
    const ok = await post(url, CHEAP);
    expect(ok.status).toBe(200);
    expect(ok.body.data.countries.nodes).toHaveLength(3);
    const { key, prefix, secretHash } = generateApiKey();
    const admin = new pg.Client({ connectionString: db!.url });
    await admin.connect();
    await admin.query('insert into api_key (enterprise_id, prefix, secret_hash, label) values ((select min(id) from enterprise), $1, $2, $3)', [
      prefix,
      secretHash,
      'outage',
    ]);
    await admin.end();
    const mark = lines.length;

    // When: the database stops under the running server.
    await db!.stop();

    // Then: the first request, with the new key (its check needs the database), is 503, not 500.
    const keyed = await post(url, CHEAP, { authorization: `Bearer ${key}` });
    expect(keyed.status).toBe(503);
    expect(onlyError(keyed).code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(keyed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // And: 50 more GraphQL requests, anonymous and with the key, are 503 with Retry-After: 5.
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(url, CHEAP, i % 2 ? { authorization: `Bearer ${key}` } : {})));
    for (const a of answers) {
      expect(a.status).toBe(503);
      const ext = onlyError(a);
      expect(ext.code).toBe('SERVICE_UNAVAILABLE');
      expect(ext.retryAfterSeconds).toBe(5);
      expect(a.headers.get('retry-after')).toBe('5');
      expect(a.body.errors![0].message).toMatch(/retry/i);
    }
    // … /healthz stays 200 (the process is alive), /readyz is 503.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);

    // And: the log has the outage once, no stack and no other warning or error for the 50 requests
    // (nor for the readiness probe: an orchestrator calls it every few seconds).
    const during = lines.slice(mark);
    expect(during.filter((l) => /database unavailable/.test(l.msg))).toHaveLength(1);
    expect(during.filter((l) => l.stack)).toEqual([]);
    expect(during.filter((l) => (l.level === 'warn' || l.level === 'error') && !/database unavailable/.test(l.msg))).toEqual([]);

    // When: the database starts again (same folder, same port).
    const back = lines.length;
    db = await startEmbedded({ dataDir, port });

    // Then: within a bounded wait the server answers 200 again by itself, with the same data.
    expect(await until(async () => (await post(url, CHEAP)).status === 200, 30_000)).toBe(true);
    const again = await post(url, CHEAP);
    expect(again.body.data).toEqual(ok.body.data);
    // … the new key works now …
    expect((await post(url, CHEAP, { authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // … and the log says it is back, once.
    const after = lines.slice(back);
    expect(after.filter((l) => /available again/.test(l.msg))).toHaveLength(1);
    expect(after.filter((l) => l.level === 'error')).toEqual([]);
  }, 120_000);
});
