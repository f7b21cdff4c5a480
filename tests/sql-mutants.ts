/**
 * SQL mutants: deliberate, one-at-a-time edits to the SQL text in `src` (constraints, guards,
 * access rules, ORDER BY, keyset conditions), each of which must make the relevant jest files
 * fail. Mutation testing tools (Stryker, `npm run mutation`) mutate TypeScript operators, not the
 * inside of SQL strings, so this list covers what they cannot see.
 *
 *   npm run mutation:sql                 every edit
 *   npm run mutation:sql -- period hold  only the edits whose name contains one of the words
 *
 * It never touches this checkout: the last commit (or, with SQL_MUTANTS_FROM=worktree, the work
 * tree's tracked and new files) is copied into a temporary directory with `node_modules`
 * symlinked, each edit is applied there, jest runs there
 * against TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), the file is
 * restored, and the directory is removed at the end. Tests that already fail without any edit are
 * listed and not counted. Exit code 1 when an edit survives.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

interface SqlMutant {
  name: string;
  file: string;
  find: string;
  replace: string;
  /** The behaviour the edit breaks, in words a failing test should also use. */
  breaks: string;
  /** Jest path patterns (regexes) of the test files that should catch it. */
  tests: string[];
}

const MATCH_TESTS = ['tests/match'];
const PAGING_TESTS = ['tests/(paging|read-api|warehouses|providers-talent|input-bounds)'];

export const MUTANTS: SqlMutant[] = [
  {
    name: 'period-last-day',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'o.available_to >= ${endDate}`',
    replace: 'o.available_to > ${endDate}`',
    breaks: "PERIOD: a stay whose last day is the offer's last available day no longer matches",
    tests: MATCH_TESTS,
  },
  {
    name: 'period-first-day',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'sql: `o.available_from <= d.start_date and',
    replace: 'sql: `o.available_from < d.start_date and',
    breaks: "PERIOD: a stay starting on the offer's first available day no longer matches",
    tests: MATCH_TESTS,
  },
  {
    name: 'capacity-exact',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'sql: `o.remaining_cbm >= d.quantity_cbm::float8`',
    replace: 'sql: `o.remaining_cbm > d.quantity_cbm::float8`',
    breaks: 'CAPACITY: a demand for exactly the remaining volume no longer matches',
    tests: MATCH_TESTS,
  },
  {
    name: 'min-term-exact',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'd.duration_days >= o.min_term_days`',
    replace: 'd.duration_days > o.min_term_days`',
    breaks: 'MIN: a stay of exactly the minimum term no longer matches',
    tests: MATCH_TESTS,
  },
  {
    name: 'budget-total-equal',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'and ${totalCost} <= d.max_total))',
    replace: 'and ${totalCost} < d.max_total))',
    breaks: 'BUDGET: a total cost equal to the budget no longer matches',
    tests: MATCH_TESTS,
  },
  {
    name: 'budget-monthly-equal',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'and ${monthly} <= d.max_monthly_price_per_cbm)))`',
    replace: 'and ${monthly} < d.max_monthly_price_per_cbm)))`',
    breaks: 'BUDGET: a monthly price equal to the limit no longer matches',
    tests: MATCH_TESTS,
  },
  {
    name: 'transit-equal',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'coalesce(${TRANSIT} <= coalesce(d.max_transit_days, 32767), false)',
    replace: 'coalesce(${TRANSIT} < coalesce(d.max_transit_days, 32767), false)',
    breaks: 'TRANSIT: transit days equal to the maximum no longer match',
    tests: MATCH_TESTS,
  },
  {
    name: 'services-ignored',
    file: 'src/modules/matchmaking/capacity.profile.ts',
    find: 'sql: `o.services @> d.required_services`',
    replace: 'sql: `true`',
    breaks: 'SERVICES: an offer lacking a required service still matches',
    tests: MATCH_TESTS,
  },
  {
    name: 'match-order-score-asc',
    file: 'src/matching/engine.ts',
    find: '`${x}.score desc`',
    replace: '`${x}.score asc`',
    breaks: 'ranking: matches come out worst score first',
    tests: MATCH_TESTS,
  },
  {
    name: 'keyset-no-id-tiebreaker',
    file: 'src/graphql/sql/keyset.ts',
    find: 'export function keysetSql(order: KeysetTerm[], values: string[], params: Params, reverse: boolean): string {\n',
    replace:
      'export function keysetSql(order: KeysetTerm[], values: string[], params: Params, reverse: boolean): string {\n  if (order.length > 1) order = order.slice(0, -1);\n',
    breaks: 'paging: rows tied on the sort keys at a page boundary are skipped (the ID tie-breaker is dropped)',
    tests: PAGING_TESTS,
  },
  {
    name: 'connection-backward-order',
    file: 'src/graphql/sql/connection.ts',
    find: "`${o.expr} ${o.desc !== backward ? 'desc' : 'asc'}`",
    replace: "`${o.expr} ${o.desc ? 'desc' : 'asc'}`",
    breaks: 'paging backwards (`last`/`before`) reads from the wrong end of the list',
    tests: PAGING_TESTS,
  },
  {
    name: 'hold-no-capacity-guard',
    file: 'src/modules/matchmaking/hold.service.ts',
    find: "and status = 'PUBLISHED' and quantity - held_quantity >= ${sql.typed(input.quantity, 'numeric')} returning id",
    replace: "and status = 'PUBLISHED' and (quantity - held_quantity >= ${sql.typed(input.quantity, 'numeric')} or true) returning id",
    breaks: 'holdCapacity: a hold larger than the remaining capacity is taken instead of INSUFFICIENT_CAPACITY',
    tests: MATCH_TESTS,
  },
  {
    name: 'hold-on-withdrawn-offer',
    file: 'src/modules/matchmaking/hold.service.ts',
    find: "where id = ${offerId} and status = 'PUBLISHED' and quantity",
    replace: 'where id = ${offerId} and quantity',
    breaks: 'holdCapacity: a withdrawn offer can still be held (OFFER_NOT_PUBLISHED)',
    tests: MATCH_TESTS,
  },
  {
    name: 'confirm-expired-hold',
    file: 'src/modules/matchmaking/hold.service.ts',
    find: "status = 'HELD' and expires_at > now() returning id`",
    replace: "status = 'HELD' returning id`",
    breaks: 'confirmHold: a hold past its expiry (not yet swept) can still be confirmed',
    tests: MATCH_TESTS,
  },
  {
    name: 'release-expired-hold',
    file: 'src/modules/matchmaking/hold.service.ts',
    find: "status = 'HELD' and expires_at > now() returning offer_id, quantity)",
    replace: "status = 'HELD' returning offer_id, quantity)",
    breaks: 'releaseHold: a hold past its expiry (not yet swept) can still be released',
    tests: MATCH_TESTS,
  },
  {
    name: 'demand-access-true',
    file: 'src/modules/matchmaking/matchmaking.access.ts',
    find: "export const demandAccess: NodeAccess = (t, viewer, p) => viewer === undefined\n  ? `${t}.status = 'OPEN'`\n  : `(${t}.status = 'OPEN' or ${t}.seller_id = ${p.add(viewer)}::int)`;",
    replace: "export const demandAccess: NodeAccess = () => 'true';",
    breaks: 'access: closed demands are visible to everyone, not only to their seller',
    tests: MATCH_TESTS,
  },
  {
    name: 'offer-access-anonymous',
    file: 'src/modules/matchmaking/matchmaking.access.ts',
    find: "export const offerAccess: NodeAccess = (t, viewer, p) => viewer === undefined\n  ? `${t}.status = 'PUBLISHED'`",
    replace: "export const offerAccess: NodeAccess = (t, viewer, p) => viewer === undefined\n  ? 'true'",
    breaks: 'access: withdrawn/draft offers are visible to anonymous callers',
    tests: MATCH_TESTS,
  },
  {
    name: 'hold-access-anyone',
    file: 'src/modules/matchmaking/matchmaking.access.ts',
    find: 'return `(${t}.holder_id = ${v}::int or exists',
    replace: 'return `(true or ${t}.holder_id = ${v}::int or exists',
    breaks: 'access: any signed-in enterprise sees every hold',
    tests: MATCH_TESTS,
  },
];

const ROOT = resolve(__dirname, '..');
const DB = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const NODE_OPTIONS = '--experimental-vm-modules --disable-warning=ExperimentalWarning --disable-warning=MODULE_TYPELESS_PACKAGE_JSON';

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * A copy of the last commit (`git archive HEAD`), or with SQL_MUTANTS_FROM=worktree of the work
 * tree's tracked and new (not ignored) files, with node_modules linked.
 */
function makeSandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sql-mutants-'));
  if (process.env.SQL_MUTANTS_FROM === 'worktree') {
    const files = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
    for (const f of files) {
      const from = join(ROOT, f);
      if (!existsSync(from)) continue; // deleted in the work tree
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(from, join(dir, f));
    }
  } else {
    const r = spawnSync('sh', ['-c', `git archive HEAD | tar -x -C '${dir}'`], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git archive: ${r.stderr}`);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

interface JestOutcome {
  passed: boolean;
  failures: string[];
  seconds: number;
}

function runJest(dir: string, patterns: string[]): JestOutcome {
  const t0 = Date.now();
  const r = spawnSync(join(ROOT, 'node_modules/.bin/jest'), ['--ci', ...patterns], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, TEST_DATABASE_URL: DB, NODE_OPTIONS, FORCE_COLOR: '0' },
  });
  const out = `${r.stdout}\n${r.stderr}`;
  const failures = [...new Set([...out.matchAll(/^\s*● (.+)$/gm)].map((m) => m[1].trim()))];
  return { passed: r.status === 0, failures, seconds: (Date.now() - t0) / 1000 };
}

function main(): void {
  const only = process.argv.slice(2);
  const list = only.length ? MUTANTS.filter((m) => only.some((w) => m.name.includes(w))) : MUTANTS;
  const dir = makeSandbox();
  console.log(`sandbox ${dir}; database ${DB}`);
  let survived = 0;
  const rows: string[] = [];
  try {
    // Every edit must apply to the copied source, exactly once, before anything runs.
    for (const m of list) {
      const text = readFileSync(join(dir, m.file), 'utf8');
      const n = text.split(m.find).length - 1;
      if (n !== 1) throw new Error(`${m.name}: the text to find occurs ${n} times in ${m.file} (must be exactly once); update the list`);
    }
    const patterns = [...new Set(list.flatMap((m) => m.tests))];
    // Tests failing without any edit (broken at this commit, or flaky under load) do not count:
    // an edit is caught when a test that passed without it fails with it.
    const base = runJest(dir, patterns);
    const known = new Set(base.failures);
    console.log(`baseline (no edit, ${base.seconds.toFixed(0)} s): ${base.passed ? 'passes' : `${known.size} failing, not counted:`}`);
    for (const f of known) console.log(`           ! ${f}`);
    for (const m of list) {
      const path = join(dir, m.file);
      const original = readFileSync(path, 'utf8');
      writeFileSync(
        path,
        original.replace(m.find, () => m.replace),
      );
      let res: JestOutcome;
      try {
        res = runJest(dir, m.tests);
      } finally {
        writeFileSync(path, original);
      }
      const fresh = res.failures.filter((f) => !known.has(f));
      const caught = !res.passed && (fresh.length > 0 || known.size === 0);
      if (!caught) survived++;
      const line = `${caught ? 'CAUGHT  ' : 'SURVIVED'} ${m.name} (${res.seconds.toFixed(0)} s): ${m.breaks}`;
      console.log(line);
      for (const f of fresh.slice(0, 3)) console.log(`           ✗ ${f}`);
      rows.push(line);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${list.length - survived}/${list.length} SQL mutants caught`);
  for (const r of rows) console.log(r);
  if (survived) process.exitCode = 1;
}

main();
