import pg from 'pg';
import { copyRow, handoff, ScaleRun, scalePlan, type ScaleUnit } from './scale';
import { withDatabase } from './database';

const unit = (name: string, after: string[] = [], more: Partial<ScaleUnit> = {}): ScaleUnit => ({
  name,
  after,
  tables: [name],
  options: [],
  fill: async () => undefined,
  ...more,
});

describe('COPY text format (copyRow)', () => {
  it('separates fields with tabs and ends the row with a newline', () => {
    expect(copyRow([1, 'a', true, false, 2.5])).toBe('1\ta\ttrue\tfalse\t2.5\n');
  });

  it('writes NULL as \\N, and a text that reads \\N with its backslash doubled', () => {
    expect(copyRow([null, undefined, '\\N', ''])).toBe('\\N\t\\N\t\\\\N\t\n');
  });

  it('escapes backslashes, tabs, newlines and carriage returns in text', () => {
    expect(copyRow(['a\\b', 'c\td', 'e\nf', 'g\rh'])).toBe('a\\\\b\tc\\td\te\\nf\tg\\rh\n');
  });

  it('leaves commas, quotes and non-ASCII text alone outside arrays', () => {
    expect(copyRow(['a,b', 'say "hi"', "it's", '重庆两江 Bogotá Ørsted ≤30d 🚢'])).toBe('a,b\tsay "hi"\tit\'s\t重庆两江 Bogotá Ørsted ≤30d 🚢\n');
  });

  it('writes arrays as quoted literals: commas stay inside their element', () => {
    expect(copyRow([['a,b', 'c'], []])).toBe('{"a,b","c"}\t{}\n');
  });

  it('escapes quotes and backslashes in array elements, then escapes the literal for COPY', () => {
    // The literal is {"c\"d","e\\f"}; COPY doubles each of its backslashes.
    expect(copyRow([['c"d', 'e\\f']])).toBe('{"c\\\\"d","e\\\\\\\\f"}\n');
  });

  it('writes a NULL element unquoted and the text "NULL" quoted', () => {
    expect(copyRow([[null, 'NULL', '']])).toBe('{NULL,"NULL",""}\n');
  });

  it('keeps non-ASCII text in array elements as it is', () => {
    expect(copyRow([['重庆', 'Bogotá', 'Ørsted']])).toBe('{"重庆","Bogotá","Ørsted"}\n');
  });

  it('refuses what PostgreSQL cannot store or the writer does not know', () => {
    expect(() => copyRow(['a\u0000b'])).toThrow(/U\+0000/);
    expect(() => copyRow([['a\u0000b']])).toThrow(/U\+0000/);
    expect(() => copyRow([{ a: 1 }])).toThrow(/does not write \[object Object\]/);
    expect(() => copyRow([[['nested']]])).toThrow(/nested arrays/);
  });
});

describe('the bulk writer against PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: withDatabase(process.env.TEST_SERVER_URL!) });
    await client.connect();
    // Temporary tables: this session's own, so nothing is shared with other test files.
    await client.query('create temp table parent (id int primary key, label text, tags text[], price numeric, ok bool, on_day date)');
    await client.query('create temp table child (parent_id int not null references parent (id), note text)');
  });
  afterAll(() => client.end());

  const tricky: [string | null, (string | null)[]][] = [
    ['a,b', ['a,b', 'c']],
    ['say "hi" \\ back\\slash', ['c"d', 'e\\f', '\\']],
    [null, [null, 'NULL', '']],
    ['\\N', []],
    ['tab\there\nnew line\rcr', ['tab\t', 'line\n']],
    ['重庆两江新区 Bogotá Ørsted 🚢', ['重庆', 'Ørsted', '🚢']],
    ['{"not":"an array"}', ['{', '}', ',']],
  ];

  it('given tricky text, when it is copied in batches, then it reads back unchanged', async () => {
    const run = new ScaleRun(client, [], { seed: 1, batch: 3, values: {}, progress: () => ({ add: () => undefined, done: () => 0 }), note: () => undefined });
    const ctx = run.context(unit('t', [], { tables: ['parent', 'child'] }));
    const parent = ctx.table('parent', ['id', 'label', 'tags', 'price', 'ok', 'on_day']);
    const child = ctx.table('child', ['parent_id', 'note'], { parents: [parent] });
    for (const [i, [label, tags]] of tricky.entries()) {
      await parent.push(i + 1, label, tags, '12.50', i % 2 === 0, '2026-12-01');
      // A child row may be flushed before its parent's batch is full: the parent goes first.
      await child.push(i + 1, label);
    }
    await child.flush();
    await parent.flush();

    const { rows } = await client.query('select id, label, tags, price::text, ok, on_day::text from parent order by id');
    expect(rows).toEqual(tricky.map(([label, tags], i) => ({ id: i + 1, label, tags, price: '12.50', ok: i % 2 === 0, on_day: '2026-12-01' })));
    expect((await client.query('select count(*)::int as n from child')).rows[0].n).toBe(tricky.length);
    expect([parent.written, child.written]).toEqual([tricky.length, tricky.length]);
  });

  it('given a row the table refuses, when it is copied, then the COPY fails and the connection stays usable', async () => {
    const run = new ScaleRun(client, [], { seed: 1, batch: 100, values: {}, progress: () => ({ add: () => undefined, done: () => 0 }), note: () => undefined });
    const child = run.context(unit('t', [], { tables: ['child'] })).table('child', ['parent_id', 'note']);
    await child.push(999_999, 'no such parent');
    await expect(child.flush()).rejects.toThrow(/foreign key/);
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('scalePlan', () => {
  it('runs a unit after those it names, otherwise in the given order', () => {
    const plan = scalePlan([unit('b', ['a']), unit('c'), unit('a'), unit('d', ['b'])], {});
    expect(plan.map((u) => u.name)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('leaves out units that are not active for the options, reading only what they declared', () => {
    const units = [unit('a'), unit('m', ['a'], { options: ['offers'], active: (o) => o.int('offers') > 0 })];
    expect(scalePlan(units, { offers: 0 }).map((u) => u.name)).toEqual(['a']);
    expect(scalePlan(units, { offers: 5 }).map((u) => u.name)).toEqual(['a', 'm']);
    expect(() => scalePlan([unit('x', [], { active: (o) => o.int('offers') > 0 })], { offers: 1 })).toThrow(
      'scale unit x reads option offers without declaring it',
    );
  });

  it('refuses unknown dependencies, cycles, twin names and options the command line lacks', () => {
    expect(() => scalePlan([unit('a', ['z'])], {})).toThrow('scale unit a runs after z, which no module declares');
    expect(() => scalePlan([unit('a', ['b']), unit('b', ['a'])], {})).toThrow('cycle: a, b');
    expect(() => scalePlan([unit('a'), unit('a')], {})).toThrow('two scale units are named a');
    expect(() => scalePlan([unit('a', [], { options: ['parks'] })], {})).toThrow('reads option parks, which the command line does not have');
  });
});

describe('a unit context', () => {
  const A_IDS = handoff<number[]>('a', 'ids');
  const client = {} as pg.Client;
  const plan = [unit('a', [], { options: ['n'] }), unit('b', ['a']), unit('c')];
  const run = () =>
    new ScaleRun(client, plan, {
      seed: 42,
      batch: 100,
      values: { n: 3, more: true },
      progress: () => ({ add: () => undefined, done: () => 0 }),
      note: () => undefined,
    });

  it('hands values from a unit to the units that run after it', () => {
    const r = run();
    const [a, b] = [r.context(plan[0]), r.context(plan[1])];
    expect(a.wanted(A_IDS)).toBe(true);
    a.provide(A_IDS, [1, 2, 3]);
    expect(b.need(A_IDS)).toEqual([1, 2, 3]);
  });

  it('says a handoff is not wanted when no later unit runs after its producer', () => {
    expect(run().context(plan[0]).wanted(handoff('c', 'x'))).toBe(false);
  });

  it('refuses handoffs across undeclared dependencies, and keys of another unit', () => {
    const r = run();
    expect(() => r.context(plan[2]).need(A_IDS)).toThrow('scale unit c reads a/ids but does not run after a');
    expect(() => r.context(plan[1]).provide(A_IDS, [])).toThrow('scale unit b provides a/ids, which belongs to a');
    expect(() => r.context(plan[1]).need(A_IDS)).toThrow('which a did not provide in this run');
  });

  it('reads only declared options, and writes only declared tables', () => {
    const a = run().context(plan[0]);
    expect(a.int('n')).toBe(3);
    expect(() => a.flag('more')).toThrow('scale unit a reads option more without declaring it');
    expect(() => a.flag('n')).toThrow('option n is not a switch');
    expect(() => a.table('elsewhere', ['id'])).toThrow('scale unit a writes elsewhere, which is not among its tables');
  });

  it('gives the same draws for the same seed and label, and other draws for another label', () => {
    const [x, y, z] = [run().context(plan[0]).rng('scale-x'), run().context(plan[1]).rng('scale-x'), run().context(plan[0]).rng('scale-y')];
    const draws = (r: typeof x) => [r.next(), r.next(), r.next()];
    const first = draws(x);
    expect(draws(y)).toEqual(first);
    expect(draws(z)).not.toEqual(first);
  });
});
