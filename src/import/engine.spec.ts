import { writeDataset } from './engine';
import { children, field, int, oneOf, slug, text, type RecordOf } from './fields';
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

  it('types records from the field table: required fields, optional ones that may be null, nested lists', () => {
    const book: RecordOf<typeof bookFields> = { slug: 'b1', shelf: 's1', chapters: [{ title: 'One', pages: 3 }] };
    const bare: RecordOf<typeof bookFields> = { slug: 'b2', shelf: 's1', chapters: null };
    expect([book.chapters?.length, bare.chapters]).toEqual([1, null]);
  });
});
