import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type App } from '../../src/app';
import type { Config } from '../../src/config';
import type { Context } from '../../src/graphql/context';
import { createLogger } from '../../src/logger';
import { testDatabase } from './db';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  /** The response's extensions (cost and budget: docs/limits.md). */
  extensions?: Record<string, any>;
  headers: Headers;
}

export interface TestServer {
  url: string;
  app: App;
  databaseUrl: string;
  /** SQL statements of the last finished GraphQL request. */
  lastStatements(): number;
  /** What the last finished GraphQL request did (operation, cost, which executor answered). */
  lastUsage(): Context['usage'] | undefined;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Budgets per window big enough for a test file that sends hundreds of requests in seconds; the
 * per-request limits (cost, depth, aliases, tokens) stay as they ship. tests/limits.test.ts passes
 * the shipped budgets to test them.
 */
const ROOMY = { windowSeconds: 60, anonymous: 10_000_000, tiers: { STANDARD: 10_000_000, PARTNER: 10_000_000, INTERNAL: 10_000_000 } };

/** The app on a random port over a fresh copy of the seeded database. */
export async function startTestServer(testFile: string, opts: { responseCache?: boolean; config?: Partial<Config> } = {}): Promise<TestServer> {
  const db = await testDatabase(testFile);
  let statements = 0;
  let usage: Context['usage'] | undefined;
  const app = await createApp({
    databaseUrl: db.url,
    config: { dbPoolSize: 5, seedWhenEmpty: false, responseCache: opts.responseCache ?? false, accessLog: false, rateLimits: ROOMY, ...opts.config },
    logger: createLogger('error', process.env.TEST_LOG ? undefined : () => undefined),
    onContextDone: (ctx: Context) => {
      statements = ctx.db.statements;
      usage = ctx.usage;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  app.attach(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    databaseUrl: db.url,
    lastStatements: () => statements,
    lastUsage: () => usage,
    async gql(query, variables, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any; extensions?: any };
      return { status: res.status, data: body.data, errors: body.errors, extensions: body.extensions, headers: res.headers };
    },
    async close() {
      await new Promise((r) => server.close(r));
      await app.close();
      await db.drop();
    },
  };
}

/** Hive's expectNoGraphQLErrors: fail with the errors themselves, then hand back the data. */
export function expectData<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
  expect(res.status).toBe(200);
  return res.data as T;
}
