import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * The cookbook never rots: every ```graphql block in docs/*.md is validated against the published
 * schema and run against the seeded sample data, with the variables, headers, expected error and
 * response excerpt written next to it (the conventions are in docs/cookbook.md, section 4).
 */

const DOCS_DIR = path.join(__dirname, '..', 'docs');
const SCHEMA = buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));

interface Example {
  /** `docs/cookbook.md § 1.1 Paging with cursors · 游标分页 › FirstPageOfEnterprises` */
  title: string;
  /** `docs/cookbook.md:42`, where the graphql block starts. */
  where: string;
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The `extensions.code` an error example must fail with. */
  expectError?: string;
  method: 'POST' | 'GET';
  /** Trimmed copies of the real response, shown after the example. */
  excerpts: unknown[];
}

type Token = { kind: 'text'; line: number; text: string } | { kind: 'block'; line: number; lang: string; body: string };

const FENCE = /^ {0,3}```\s*([\w-]*)\s*$/;
const HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;
const MARKER = /^<!--\s*(expect-error|http)\s*:\s*(\S+)\s*-->$/;
const HEADERS = /^Headers:\s*(\{.*\})\s*$/;
const VARIABLES = /^Variables:\s*$/;
const EXCERPT = /^Response \(excerpt\)/;

/** Lines of a markdown file as text lines and fenced blocks, with the section each one is in. */
function tokenize(source: string): (Token & { section: string })[] {
  const lines = source.split(/\r?\n/);
  const tokens: (Token & { section: string })[] = [];
  let h2 = '';
  let h3 = '';
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]);
    const section = h3 || h2 || '(top)';
    if (fence) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^ {0,3}```\s*$/.test(lines[i]); i++) body.push(lines[i]);
      tokens.push({ kind: 'block', line: start + 1, lang: fence[1].toLowerCase(), body: body.join('\n'), section });
      continue;
    }
    const heading = HEADING.exec(lines[i]);
    if (heading) {
      if (heading[1] === '##') [h2, h3] = [heading[2], ''];
      else h3 = heading[2];
    }
    tokens.push({ kind: 'text', line: i + 1, text: lines[i].trim(), section: h3 || h2 || '(top)' });
  }
  return tokens;
}

function parseJson(text: string, what: string, problems: string[]): any {
  try {
    return JSON.parse(text);
  } catch (e) {
    problems.push(`${what}: not valid JSON (${(e as Error).message})`);
    return undefined;
  }
}

/** Every graphql block of every docs/*.md file, with what the text around it says about it. */
function collectExamples(): { examples: Example[]; problems: string[] } {
  const examples: Example[] = [];
  const problems: string[] = [];
  const files = readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort();
  if (!files.length) problems.push('no markdown files in docs/');
  for (const file of files) {
    const rel = `docs/${file}`;
    const tokens = tokenize(readFileSync(path.join(DOCS_DIR, file), 'utf8'));
    const names = new Map<string, string>();
    const nextNonBlank = (from: number) => {
      let j = from;
      while (j < tokens.length && tokens[j].kind === 'text' && (tokens[j] as { text: string }).text === '') j++;
      return j;
    };
    for (let k = 0; k < tokens.length; k++) {
      const block = tokens[k];
      // An operation in a block of another language (or none) would be shown but never run.
      if (block.kind === 'block' && block.lang !== 'graphql' && /^\s*(query|mutation|subscription)\b/.test(block.body)) {
        problems.push(`${rel}:${block.line}: a GraphQL operation in a \`\`\`${block.lang} block is never run: fence it as \`\`\`graphql`);
      }
      if (block.kind !== 'block' || block.lang !== 'graphql') continue;
      const where = `${rel}:${block.line}`;
      const example: Partial<Example> = { where, query: block.body, method: 'POST', excerpts: [] };

      // Markers and a Headers: line, right before the block (blank lines between them are fine).
      for (let j = k - 1; j >= 0; j--) {
        const t = tokens[j];
        if (t.kind !== 'text') break;
        if (t.text === '') continue;
        const marker = MARKER.exec(t.text);
        const headers = HEADERS.exec(t.text);
        if (marker?.[1] === 'expect-error') example.expectError = marker[2];
        else if (marker?.[1] === 'http') {
          if (marker[2] !== 'GET' && marker[2] !== 'POST') problems.push(`${where}: unknown http method ${marker[2]}`);
          example.method = marker[2] as 'GET' | 'POST';
        } else if (headers) example.headers = parseJson(headers[1], `${where}: Headers`, problems);
        else break;
      }

      // Variables: and Response (excerpt): after the block, each followed by a json block.
      let j = nextNonBlank(k + 1);
      for (const [label, apply] of [
        [VARIABLES, (v: unknown) => (example.variables = v as Record<string, unknown>)],
        [EXCERPT, (v: unknown) => example.excerpts!.push(v)],
      ] as const) {
        const t = tokens[j];
        if (t?.kind !== 'text' || !label.test(t.text)) continue;
        const json = tokens[nextNonBlank(j + 1)];
        if (json?.kind !== 'block' || json.lang !== 'json') {
          problems.push(`${rel}:${t.line}: "${t.text}" must be followed by a \`\`\`json block`);
          continue;
        }
        const value = parseJson(json.body, `${rel}:${json.line}`, problems);
        if (value !== undefined) apply(value);
        j = nextNonBlank(nextNonBlank(j + 1) + 1);
      }

      // One named operation per block; its name names the test.
      let doc: DocumentNode;
      try {
        doc = parse(block.body);
      } catch (e) {
        problems.push(`${where} (§ ${block.section}): not valid GraphQL: ${(e as Error).message}`);
        continue;
      }
      const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (operations.length !== 1 || !operations[0].name) {
        problems.push(`${where} (§ ${block.section}): needs exactly one named operation, e.g. \`query FindWarehouses { … }\``);
        continue;
      }
      const name = operations[0].name.value;
      if (names.has(name)) problems.push(`${where}: operation name ${name} is already used at ${names.get(name)}`);
      names.set(name, where);
      examples.push({ ...(example as Example), operationName: name, title: `${rel} § ${block.section} › ${name}` });
    }
  }
  return { examples, problems };
}

/** Why `data` would make a useless example: a null root field, or only empty lists. */
function emptiness(data: Record<string, unknown> | null | undefined): string | undefined {
  if (!data || !Object.keys(data).length) return 'the response has no data';
  for (const [field, value] of Object.entries(data)) {
    if (value === null || value === undefined) return `root field \`${field}\` is null`;
    if (typeof value === 'object' && !Array.isArray(value) && (value as { totalCount?: unknown }).totalCount === 0) {
      return `root field \`${field}\` has totalCount 0`;
    }
    const lists: unknown[][] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) {
        lists.push(v);
        v.forEach(walk);
      } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(value);
    if (lists.length && !lists.some((l) => l.some((x) => x !== null))) return `every list under \`${field}\` is empty`;
  }
  return undefined;
}

/**
 * Where an excerpt differs from the real response: objects may leave keys out, lists may leave
 * trailing elements out; everything shown must be there with the same value.
 */
function excerptMismatch(excerpt: unknown, actual: unknown, at = '$'): string | undefined {
  if (Array.isArray(excerpt)) {
    if (!Array.isArray(actual)) return `${at}: the excerpt shows a list, the response has ${JSON.stringify(actual)}`;
    if (excerpt.length > actual.length) return `${at}: the excerpt shows ${excerpt.length} elements, the response has ${actual.length}`;
    for (let i = 0; i < excerpt.length; i++) {
      const m = excerptMismatch(excerpt[i], actual[i], `${at}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (excerpt && typeof excerpt === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: the excerpt shows an object, the response has ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(excerpt)) {
      if (!(key in actual)) return `${at}.${key}: not in the response`;
      const m = excerptMismatch(value, (actual as Record<string, unknown>)[key], `${at}.${key}`);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(excerpt, actual) ? undefined : `${at}: the excerpt shows ${JSON.stringify(excerpt)}, the response has ${JSON.stringify(actual)}`;
}

interface RawResponse {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  headers: Headers;
}

function getUrl(s: TestServer, e: Example): string {
  const params = new URLSearchParams({ query: e.query, operationName: e.operationName });
  if (e.variables) params.set('variables', JSON.stringify(e.variables));
  return `${s.url}/graphql?${params}`;
}

async function run(s: TestServer, e: Example): Promise<RawResponse> {
  if (e.method === 'GET') {
    const res = await fetch(getUrl(s, e), { headers: { accept: 'application/json', ...e.headers } });
    return { status: res.status, body: (await res.json()) as RawResponse['body'], headers: res.headers };
  }
  const res = await s.gql(e.query, e.variables, e.headers);
  return { status: res.status, body: { data: res.data, errors: res.errors }, headers: res.headers };
}

const { examples, problems } = collectExamples();

describe('the query cookbook (docs/*.md)', () => {
  let s: TestServer;

  beforeAll(async () => {
    // Every example must fit the per-request limits (cost, depth, aliases, tokens) as they ship
    // (startTestServer raises only the budgets per window: one client runs them all in seconds).
    s = await startTestServer(__filename);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is well-formed: named operations, JSON variables, headers and excerpts', () => {
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [e.title, e] as const))('%s', async (_title, e) => {
    // given an example that fits the published schema
    const errors = validate(SCHEMA, parse(e.query)).map((err) => err.message);
    if (e.expectError === 'GRAPHQL_VALIDATION_FAILED') {
      if (!errors.length) throw new Error(`${e.title} (${e.where}) should not fit the schema, but it does`);
    } else if (errors.length) {
      throw new Error(`${e.title} (${e.where}) does not fit schema/schema.graphql:\n  ${errors.join('\n  ')}`);
    }

    // when it is sent as the docs say
    const res = await run(s, e);

    // then it fails with the code the docs show, or succeeds with data worth showing
    if (e.expectError) {
      expect(res.status).toBeLessThan(500);
      expect({ example: e.title, codes: res.body.errors?.map((err) => err.extensions?.code) }).toEqual({ example: e.title, codes: [e.expectError] });
    } else {
      if (res.body.errors?.length) throw new Error(`${e.title} (${e.where}) answered with errors:\n${JSON.stringify(res.body.errors, null, 2)}`);
      expect(res.status).toBe(200);
      expect({ example: e.title, empty: emptiness(res.body.data) }).toEqual({ example: e.title, empty: undefined });
    }
    if (e.method === 'GET' && !e.expectError) {
      // The docs promise that GET answers may be cached, and revalidated with their ETag.
      expect(res.headers.get('cache-control') ?? '').toMatch(/\bpublic\b.*max-age=[1-9]|max-age=[1-9].*\bpublic\b/);
      const etag = res.headers.get('etag');
      expect(etag).toBeTruthy();
      // (fetch would add `cache-control: no-cache` to a conditional request; a browser revalidates with max-age=0)
      const again = await fetch(getUrl(s, e), { headers: { accept: 'application/json', ...e.headers, 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
      expect(again.status).toBe(304);
    }
    for (const excerpt of e.excerpts) {
      expect({ example: e.title, mismatch: excerptMismatch(excerpt, res.body) }).toEqual({ example: e.title, mismatch: undefined });
    }
  });
});
