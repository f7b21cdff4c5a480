import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { importWith, storedKeys, writeDataset } from './engine';
import { children, field, int, manyOf, oneOf, slug, text, type RecordOf } from './fields';
import { ImportValidationError } from './problems';
import { defineUnit, orderUnits, type ImportUnit } from './unit';
import { validateDataset, type StoredKeys } from './validate';
import type { ImportTx } from './write';

/*
 * The engine with two made-up units, shelves and the books on them: it knows no domain, so its
 * rules (order, references, paths, the shape of a file) are pinned here without one.
 */

enum Access {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

let written: string[] = [];

const shelves = defineUnit({
  key: 'shelves',
  table: 'shelf',
  fields: { slug: slug({ max: 20 }), name: text({ max: 10 }), access: oneOf(Access, 'Access') },
  naturalKey: { field: 'slug', unique: 'shelf slug', label: 'shelf', info: (v) => v.access, infoColumn: 'access' },
  write: async (records) => void written.push(`shelves:${records.length}`),
});

const chapterFields = { title: text({ max: 10, unique: 'chapter' }), pages: int({ min: 1, max: 999 }) };

const bookFields = {
  slug: slug({ max: 20 }),
  shelf: field<string, false>({
    optional: false,
    check(r, f) {
      const v = r.str(f, { max: 20 });
      if (v !== undefined) r.ref('shelves', v, f, (access) => (access === 'OPEN' ? undefined : `shelf "${v}" is closed`));
      return v;
    },
  }),
  chapters: children(chapterFields, { table: 'chapter', parent: 'book_id', by: ['title'], key: 'title' }),
};

const books = defineUnit({
  key: 'books',
  table: 'book',
  dependsOn: ['shelves'],
  fields: bookFields,
  naturalKey: { field: 'slug', unique: 'book slug' },
  write: async (records) => void written.push(`books:${records.length}`),
});

/** The database of these specs: one stored shelf of each kind of access. */
const stored: StoredKeys = async (unit, keys) => {
  const rows = new Map<string, unknown>([
    ['stored-open', 'OPEN'],
    ['stored-closed', 'CLOSED'],
  ]);
  return new Map(unit.key === 'shelves' ? keys.filter((k) => rows.has(k)).map((k) => [k, rows.get(k)]) : []);
};

const shelf = (s: string, access = 'OPEN') => ({ slug: s, name: 'A shelf', access });

describe('the import engine', () => {
  beforeEach(() => {
    written = [];
  });

  it('orders units after the units they depend on, otherwise as given', () => {
    expect(orderUnits([books, shelves]).map((u) => u.key)).toEqual(['shelves', 'books']);
    expect(orderUnits([shelves, books]).map((u) => u.key)).toEqual(['shelves', 'books']);
    // A dependency that is not among the units can only be in the database: no error.
    expect(orderUnits([books]).map((u) => u.key)).toEqual(['books']);
  });

  it('refuses units that depend on each other in a loop, and two units for one key', () => {
    const a = { ...shelves, key: 'a', dependsOn: ['b'] } as ImportUnit;
    const b = { ...shelves, key: 'b', dependsOn: ['a'] } as ImportUnit;
    expect(() => orderUnits([a, b])).toThrow('import units depend on each other in a loop: a → b → a');
    expect(() => orderUnits([shelves, shelves])).toThrow('two import units for the dataset key "shelves"');
  });

  it('resolves a reference among the records its dependency defined, and asks the database only for the rest', async () => {
    const ask = jest.fn(stored);
    const issues = await validateDataset(
      [shelves, books],
      {
        books: [
          { slug: 'b1', shelf: 's1' },
          { slug: 'b2', shelf: 'stored-open' },
          { slug: 'b3', shelf: 'nowhere' },
          { slug: 'b4', shelf: 's1' },
        ],
        shelves: [shelf('s1')],
      },
      ask,
    );
    expect(issues).toEqual([{ path: 'books[2]', key: 'b3', field: 'shelf', message: 'unknown shelf "nowhere" (neither in this dataset nor in the database)' }]);
    expect(ask.mock.calls.map(([unit, keys]) => [unit.key, keys])).toEqual([['shelves', ['stored-open', 'nowhere']]]);
  });

  it('lets a reference check what it points at, in the dataset or stored', async () => {
    const issues = await validateDataset(
      [shelves, books],
      {
        shelves: [shelf('s1', 'CLOSED')],
        books: [
          { slug: 'b1', shelf: 's1' },
          { slug: 'b2', shelf: 'stored-closed' },
        ],
      },
      stored,
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['books[0]', 'shelf "s1" is closed'],
      ['books[1]', 'shelf "stored-closed" is closed'],
    ]);
  });

  it('reports in file order: by unit, record and nested record; a record’s field problems before its references', async () => {
    const issues = await validateDataset([shelves, books], {
      books: [
        {
          slug: 'b1',
          shelf: 'nowhere',
          chapters: [
            { title: 'One', pages: 0 },
            { title: 'One', pages: 3 },
          ],
        },
        { slug: 'b1', shelf: 'Not A Slug' },
      ],
      shelves: [shelf('s1', 'AJAR')],
    });
    expect(issues).toEqual([
      { path: 'shelves[0]', key: 's1', field: 'access', message: '"AJAR" is not a Access (one of: OPEN, CLOSED)' },
      { path: 'books[0]', key: 'b1', field: 'shelf', message: 'unknown shelf "nowhere" (neither in this dataset nor in the database)' },
      { path: 'books[0].chapters[0]', key: 'One', field: 'pages', message: 'must be between 1 and 999, got 0' },
      { path: 'books[0].chapters[1]', key: 'One', field: 'title', message: 'duplicate chapter "One" (first at books[0].chapters[0])' },
      { path: 'books[1]', key: 'b1', field: 'slug', message: 'duplicate book slug "b1" (first at books[0])' },
      { path: 'books[1]', key: 'b1', field: 'shelf', message: 'unknown shelf "Not A Slug" (neither in this dataset nor in the database)' },
    ]);
  });

  it('reports the shape of the file: unknown kinds and fields, lists that are not lists, records that are not objects', async () => {
    expect(await validateDataset([shelves, books], [])).toEqual([
      { path: '', key: undefined, field: '', message: 'the dataset must be an object with arrays per kind' },
    ]);
    const issues = await validateDataset([books, shelves], { shelfs: [], books: {}, shelves: [5, { ...shelf('s1'), Name: 'x' }] });
    expect(issues.map((i) => [i.path, i.field, i.message])).toEqual([
      ['shelfs', '', 'unknown kind (expected one of: shelves, books)'],
      ['shelves[0]', '', 'must be an object'],
      ['shelves[1]', 'Name', 'unknown field (expected one of: slug, name, access)'],
      ['books', '', 'must be an array'],
    ]);
  });

  it('refuses a unit that points at a unit it does not depend on: a programming error, not a problem of the file', async () => {
    const loose = { ...books, key: 'loose', dependsOn: [] } as ImportUnit;
    await expect(validateDataset([shelves, loose], { loose: [{ slug: 'b1', shelf: 's1' }] })).rejects.toThrow(
      'import unit "loose" points at "shelves" but does not depend on it',
    );
  });

  it('writes unit after unit in dependency order, skipping units without records', async () => {
    const empty = { ...shelves, key: 'empty', write: async () => void written.push('empty') } as ImportUnit;
    await writeDataset([books, empty, shelves], { books: [{ slug: 'b1', shelf: 's1' }], shelves: [shelf('s1'), shelf('s2')], empty: [] }, {} as ImportTx);
    expect(written).toEqual(['shelves:2', 'books:1']);
  });

  it('gives references several columns of what they point at, and lets their checks report at other fields of the record', async () => {
    const lamps = defineUnit({
      key: 'lamps',
      table: 'lamp',
      fields: { slug: slug({ max: 20 }), bulbs: manyOf(Access, 'Access'), colours: manyOf(Access, 'Access') },
      naturalKey: { field: 'slug', unique: 'lamp slug', infoColumns: ['bulbs', 'colours'], info: (v) => ({ bulbs: v.bulbs, colours: v.colours }) },
    });
    const wanted = { bulb: 'OPEN', colour: 'CLOSED' };
    const readers = defineUnit({
      key: 'readers',
      table: 'reader',
      dependsOn: ['lamps'],
      fields: {
        slug: slug({ max: 20 }),
        lamp: field<string, false>({
          optional: false,
          check(r, f) {
            const v = r.str(f, { max: 20 });
            if (v === undefined) return v;
            r.ref('lamps', v, f, (info, report) => {
              const { bulbs, colours } = info as { bulbs: string[]; colours: string[] };
              if (!bulbs.includes(wanted.bulb)) report('bulb', `lamp "${v}" has no ${wanted.bulb} bulb`);
              if (!colours.includes(wanted.colour)) report('colour', `lamp "${v}" has no ${wanted.colour} colour`);
              return bulbs.length + colours.length === 0 ? `lamp "${v}" is bare` : undefined;
            });
            return v;
          },
        }),
      },
      naturalKey: { field: 'slug', unique: 'reader slug' },
    });
    expect(lamps.naturalKey.infoColumns).toEqual(['bulbs', 'colours']);
    // Stored lamps: the info columns are read with the key, and each reference gets them by column name.
    const statements: string[] = [];
    const em = {
      getTransactionContext: () => ({
        executeQuery: async (q: { sql: string; parameters: unknown[] }) => {
          statements.push(q.sql);
          const keys = q.parameters[0] as string[];
          return { rows: [{ k: 'stored', info: null, bulbs: ['OPEN'], colours: [] }].filter((r) => keys.includes(r.k)) };
        },
      }),
    } as unknown as SqlEntityManager;
    const issues = await validateDataset(
      [lamps, readers],
      {
        lamps: [{ slug: 'desk', bulbs: ['CLOSED'], colours: ['CLOSED'] }, { slug: 'bare' }],
        readers: [
          { slug: 'r1', lamp: 'desk' },
          { slug: 'r2', lamp: 'stored' },
          { slug: 'r3', lamp: 'bare' },
        ],
      },
      storedKeys(em),
    );
    expect(statements).toEqual([expect.stringMatching(/select "slug"::text as k, null as info, "bulbs", "colours" from "lamp"/)]);
    expect(issues.map((i) => [i.path, i.field, i.message])).toEqual([
      ['readers[0]', 'bulb', 'lamp "desk" has no OPEN bulb'],
      ['readers[1]', 'colour', 'lamp "stored" has no CLOSED colour'],
      ['readers[2]', 'bulb', 'lamp "bare" has no OPEN bulb'],
      ['readers[2]', 'colour', 'lamp "bare" has no CLOSED colour'],
      ['readers[2]', 'lamp', 'lamp "bare" is bare'],
    ]);
  });

  it('checks against stored records once the dataset is valid and before anything is written, dry runs too', async () => {
    const checked: string[] = [];
    // A unit whose checks against the database refuse a book called "stale".
    const stale: ImportUnit = {
      ...books,
      async checkStored(records, _tx, findings) {
        checked.push(`books:${records.length}`);
        records.forEach((r, i) => {
          if ((r as { slug: string }).slug === 'stale') findings.add({ path: `books[${i}]`, key: 'stale' }, 'slug', 'is stale');
        });
      },
    };
    const em = { fork: () => ({ transactional: (cb: (em: unknown) => unknown) => cb({}) }) } as unknown as EntityManager;
    const dataset = { shelves: [shelf('s1')], books: [{ slug: 'b1', shelf: 's1' }] };

    await importWith([stale, shelves], em, dataset, { dryRun: true });
    expect([checked, written]).toEqual([['books:1'], []]);
    await importWith([stale, shelves], em, dataset);
    expect([checked, written]).toEqual([
      ['books:1', 'books:1'],
      ['shelves:1', 'books:1'],
    ]);

    checked.length = 0;
    written = [];
    const refused = {
      shelves: [shelf('s1')],
      books: [
        { slug: 'b1', shelf: 's1' },
        { slug: 'stale', shelf: 's1' },
      ],
    };
    for (const dryRun of [true, false]) {
      const error = await importWith([stale, shelves], em, refused, { dryRun }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportValidationError);
      expect((error as ImportValidationError).issues).toEqual([{ path: 'books[1]', key: 'stale', field: 'slug', message: 'is stale' }]);
    }
    expect(written).toEqual([]);
    // A dataset that fails validation never reaches them; a unit without records is not asked.
    await expect(
      importWith([stale, shelves], em, { shelves: [shelf('s1')], books: [{ slug: 'stale', shelf: 's1', chapters: [{ title: 'One', pages: 0 }] }] }),
    ).rejects.toThrow(ImportValidationError);
    await importWith([stale, shelves], em, { shelves: [shelf('s2')], books: [] });
    expect(checked).toEqual(['books:2', 'books:2']);
  });

  it('types records from the field table: required fields, optional ones that may be null, nested lists', () => {
    const book: RecordOf<typeof bookFields> = { slug: 'b1', shelf: 's1', chapters: [{ title: 'One', pages: 3 }] };
    const bare: RecordOf<typeof bookFields> = { slug: 'b2', shelf: 's1', chapters: null };
    expect([book.chapters?.length, bare.chapters]).toEqual([1, null]);
  });
});
