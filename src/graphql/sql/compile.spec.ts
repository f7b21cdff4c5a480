import 'reflect-metadata';
import {
  Kind,
  parse,
  validate,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { Arg, Args, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildSchemaFrom } from '../schema';
import { NestedPageArgs } from '../types/nested-args';
import { Connection, Node, PageArgsType } from '../types/relay';
import { collectFields, compileObject, newCompileCtx, subFieldNodes, type CompileCtx } from './compile';
import { selects, shapeConnection } from './connection';
import { Sql, SqlObject } from './declare';
import { col, connection, decimal, expr, inline, many, one, resolver } from './fields';
import { encodeCursor } from './keyset';
import { Params } from './params';

/*
 * The GraphQL→SQL compiler, pure: a small schema declared the way modules declare theirs, documents
 * parsed (and validated, so every document here is one a client may really send), and the SQL text
 * and parameters compared with what is written out by hand below. Cursor decoding and keyset
 * conditions have their own specs (keyset.spec.ts, keyset-sql.spec.ts); here they only appear as
 * the nested connection uses them.
 *
 * The domain: books and their authors.
 *   Book   (table book, Node)   title, year, author (one), price (inline Price), blurb (resolver),
 *                               titleLike(pattern) (an expression with a parameter)
 *   Author (table author, Node) name, books(since) (many), bookPage (connection, YEAR desc then ID),
 *                               authored (connection whose edge carries `role`), summary (resolver
 *                               that needs `born`)
 *   Price  (value object)       amount, currency, read from the book's own row
 */

type Row = Record<string, unknown>;

@SqlObject()
@ObjectType({ description: 'A price, read from the row it belongs to' })
class Price {
  @Sql(decimal('price_amount'))
  @Field({ description: 'Amount, as text' })
  amount!: string;

  @Sql(col('price_currency'))
  @Field({ description: 'ISO currency' })
  currency!: string;
}

@SqlObject({ table: 'author' })
@ObjectType({ implements: Node, description: 'An author' })
class Author extends Node {
  @Sql(col('name'))
  @Field({ description: 'Name' })
  name!: string;
}

@SqlObject({ table: 'book' })
@ObjectType({ implements: Node, description: 'A book' })
class Book extends Node {
  @Sql(col('title'))
  @Field({ description: 'Title' })
  title!: string;

  @Sql(col('year'))
  @Field(() => Int, { description: 'Year published' })
  year!: number;

  @Sql(one((t, c) => `author ${c} where ${c}.id = ${t}.author_id`))
  @Field(() => Author, { description: 'Who wrote it' })
  author!: Author;

  @Sql(inline())
  @Field(() => Price, { description: 'Its price' })
  price!: Price;
}

@ObjectType('AuthorshipFields', { description: 'What an author did on a book (the edge of `authored` adds it)' })
class AuthorshipFields {
  @Field({ description: 'Role (writer, editor …)' })
  role!: string;
}

const BookConnection = Connection(Book, 'Book', '书');
const AuthoredConnection = Connection(Book, 'Authored', '著作', AuthorshipFields);

@Resolver(() => Book)
class BookFields {
  @Sql(resolver())
  @FieldResolver(() => String, { description: 'Made in JavaScript from the row id' })
  blurb(@Root() row: Row): string {
    return `book ${String(row.$id)}`;
  }

  @Sql(expr((t, a) => `${t}.title ilike ${a.c.params.add(a.args.pattern)}`))
  @FieldResolver(() => Boolean, { description: 'Whether the title matches a LIKE pattern' })
  titleLike(@Root() row: Row, @Arg('pattern', { description: 'LIKE pattern' }) _pattern: string): unknown {
    return row.titleLike;
  }
}

@Resolver(() => Author)
class AuthorFields {
  @Sql(
    many(
      (t, c, a) => `book ${c} where ${c}.author_id = ${t}.id${a.args.since == null ? '' : ` and ${c}.year >= ${a.c.params.add(a.args.since)}`}`,
      (c) => `${c}.year, ${c}.id`,
    ),
  )
  @FieldResolver(() => [Book], { description: 'Books, oldest first' })
  books(@Root() row: Row, @Arg('since', () => Int, { nullable: true, description: 'From this year on' }) _since?: number): unknown {
    return row.books;
  }

  @Sql(
    connection({
      source: (t, c) => `book ${c} where ${c}.author_id = ${t}.id`,
      order: (c) => [
        { name: 'YEAR', expr: `${c}.year`, type: 'int', desc: true },
        { name: 'ID', expr: `${c}.id`, type: 'int', desc: false },
      ],
    }),
  )
  @FieldResolver(() => BookConnection, { description: 'Books, newest first, a page at a time' })
  bookPage(@Root() row: Row, @Args() _page: NestedPageArgs): unknown {
    return row.bookPage;
  }

  @Sql(
    connection({
      source: (t, c) => `authorship a_${c} join book ${c} on ${c}.id = a_${c}.book_id where a_${c}.author_id = ${t}.id`,
      order: (c) => [{ name: 'ID', expr: `${c}.id`, type: 'int', desc: false }],
      edge: { role: (c) => `a_${c}.role` },
    }),
  )
  @FieldResolver(() => AuthoredConnection, { description: 'Books worked on, with the role' })
  authored(@Root() row: Row, @Args() _page: NestedPageArgs): unknown {
    return row.authored;
  }

  @Sql(resolver({ born: (t) => `${t}.born` }))
  @FieldResolver(() => String, { description: 'Made in JavaScript from the row id and birth year' })
  summary(@Root() row: Row): string {
    return `${String(row.$id)}/${String(row.$born)}`;
  }
}

@Resolver()
class Queries {
  @Query(() => Book, { nullable: true, description: 'A book' })
  book(): null {
    return null;
  }

  @Query(() => Author, { nullable: true, description: 'An author' })
  author(): null {
    return null;
  }

  @Query(() => BookConnection, { description: 'Books as a root connection' })
  books(@Args() _page: PageArgsType): null {
    return null;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchemaFrom([Queries, BookFields, AuthorFields]);
});

/** The document's first root field and a compile context over it, the way runConnection makes one. */
function prepare(source: string, variableValues: Record<string, unknown> = {}, params = new Params()) {
  const document = parse(source);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`invalid document: ${errors.map((e) => e.message).join('; ')}`);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const root = op.selectionSet.selections[0] as FieldNode;
  const c = newCompileCtx({ schema, fragments, variableValues }, 'zh', params);
  return { root, c, params };
}

/** The object of `type` (default: the root field's type) the root field selects, over row alias `t`. */
function compile(source: string, variableValues: Record<string, unknown> = {}, type?: string) {
  const { root, c, params } = prepare(source, variableValues);
  const typeName = type ?? (root.name.value === 'book' ? 'Book' : 'Author');
  return { sql: compileObject(typeName, [root], 't', c), params: params.values, c };
}

const badInput = (argument: string, message: string) =>
  expect.objectContaining({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT', argument } });

describe('compileObject: the selection, and nothing else, becomes SQL', () => {
  it('selected fields only, keyed by response key; __typename is a literal', () => {
    // No id, author, price …: only what is asked for. The alias, not the field name, is the key.
    expect(compile('{ book { heading: title __typename year kind: __typename } }').sql).toBe(
      `json_build_object('heading', t.title, '__typename', 'Book', 'year', t.year, 'kind', 'Book')`,
    );
  });

  it('one field under two aliases with different arguments: two pairs, each with its own arguments', () => {
    const exprs = compile('{ book { a: titleLike(pattern: "A%") b: titleLike(pattern: "B%") } }');
    expect(exprs.sql).toBe(`json_build_object('a', t.title ilike $1, 'b', t.title ilike $2)`);
    expect(exprs.params).toEqual(['A%', 'B%']);

    // A relation twice: two sub-selects with their own aliases and parameters.
    const lists = compile('{ author { old: books(since: 1900) { title } recent: books(since: 2000) { title } all: books { title } } }');
    expect(lists.sql).toBe(
      `json_build_object(` +
        `'old', (select coalesce(json_agg(json_build_object('title', t1.title) order by t1.year, t1.id), '[]'::json) from book t1 where t1.author_id = t.id and t1.year >= $1), ` +
        `'recent', (select coalesce(json_agg(json_build_object('title', t2.title) order by t2.year, t2.id), '[]'::json) from book t2 where t2.author_id = t.id and t2.year >= $2), ` +
        `'all', (select coalesce(json_agg(json_build_object('title', t3.title) order by t3.year, t3.id), '[]'::json) from book t3 where t3.author_id = t.id))`,
    );
    expect(lists.params).toEqual([1900, 2000]);
  });

  it('the same response key selected twice (as execution merges it) is one pair', () => {
    expect(compile('{ book { title title ... on Book { title } } }').sql).toBe(`json_build_object('title', t.title)`);
  });

  it('an empty selection (nothing applies to the type) is an empty object', () => {
    expect(compile('{ node(id: "x") { ... on Author { name } } }', {}, 'Book').sql).toBe(`'{}'::json`);
  });
});

describe('@skip and @include', () => {
  const doc = `query ($yes: Boolean!, $no: Boolean!) { book {
    a: title @skip(if: true)   b: title @include(if: false)
    c: title @skip(if: false)  d: title @include(if: true)
    e: title @include(if: $yes) f: title @include(if: $no)
    g: title @skip(if: $yes)    h: title @skip(if: $no)
    i: title @skip(if: false) @include(if: false)
    j: title @skip(if: true) @include(if: true)
    k: title @skip(if: false) @include(if: true)
  } }`;

  it('literal conditions, variable conditions, and both directives (skipped if either says so)', () => {
    expect(compile(doc, { yes: true, no: false }).sql).toBe(`json_build_object('c', t.title, 'd', t.title, 'e', t.title, 'h', t.title, 'k', t.title)`);
    // The variables, not the document, decide e–h.
    expect(compile(doc, { yes: false, no: true }).sql).toBe(`json_build_object('c', t.title, 'd', t.title, 'f', t.title, 'g', t.title, 'k', t.title)`);
  });

  it('on inline fragments and fragment spreads', () => {
    const frags = `query ($v: Boolean!) { book {
      ... @include(if: $v) { year }
      ...Head @skip(if: $v)
      ... on Book @skip(if: true) { id }
    } } fragment Head on Book { title }`;
    expect(compile(frags, { v: true }).sql).toBe(`json_build_object('year', t.year)`);
    expect(compile(frags, { v: false }).sql).toBe(`json_build_object('title', t.title)`);
  });

  it('a skipped spread does not use the fragment up: a later spread of it still applies (as graphql-js executes)', () => {
    expect(compile('{ book { ...Head @skip(if: true) year ...Head } } fragment Head on Book { title }').sql).toBe(
      `json_build_object('year', t.year, 'title', t.title)`,
    );
  });

  it('on a relation: the sub-select is not built at all, and uses no alias', () => {
    const r = compile('query ($a: Boolean!) { book { author @include(if: $a) { name } title } }', { a: false });
    expect(r.sql).toBe(`json_build_object('title', t.title)`);
    expect(r.c.seq.n).toBe(0);
  });
});

describe('fragments', () => {
  it('inline and named fragments are expanded in place, in document order', () => {
    expect(
      compile('{ book { ...Head ... on Book { year } ... { author { ...Name } } } } fragment Head on Book { title } fragment Name on Author { name }').sql,
    ).toBe(
      `json_build_object('title', t.title, 'year', t.year, 'author', (select json_build_object('name', t1.name) from author t1 where t1.id = t.author_id))`,
    );
  });

  it('a fragment spread twice is expanded once per object (collectFields holds its field once)', () => {
    const { root, c } = prepare('{ book { ...Head ...Head ... on Book { ...Head } } } fragment Head on Book { title }');
    const fields = collectFields('Book', [root.selectionSet], c);
    expect([...fields.keys()]).toEqual(['title']);
    expect(fields.get('title')).toHaveLength(1);
  });

  it('fragments nested 4 deep, each spreading the next 30 times, still give one field node (not 30^3)', () => {
    const frag = (i: number) =>
      `fragment F${i} on Book { ${
        i === 3
          ? 'title'
          : Array(30)
              .fill(`...F${i + 1}`)
              .join(' ')
      } }`;
    const { root, c } = prepare(`{ book { ...F0 } } ${[0, 1, 2, 3].map(frag).join(' ')}`);
    expect(collectFields('Book', [root.selectionSet], c).get('title')).toHaveLength(1);
  });

  it('a fragment used at two levels applies at each (the once-only rule is per object, not per document)', () => {
    expect(compile('{ book { ...Head author { books { ...Head } } } } fragment Head on Book { title }').sql).toBe(
      `json_build_object('title', t.title, 'author', (select json_build_object('books', ` +
        `(select coalesce(json_agg(json_build_object('title', t2.title) order by t2.year, t2.id), '[]'::json) from book t2 where t2.author_id = t1.id)) ` +
        `from author t1 where t1.id = t.author_id))`,
    );
  });

  it('on an abstract field, fragments on another type do not apply; fragments on an interface the type implements do', () => {
    // node(id:) returns Node; the node resolver compiles the selection for the concrete type.
    const doc =
      '{ node(id: "x") { id ... on Book { title } ... on Author { name } ...Born ... on Node { __typename } } } fragment Born on Author { born: summary }';
    expect(compile(doc, {}, 'Book').sql).toBe(
      `json_build_object('id', encode(convert_to('Book:' || t.id, 'UTF8'), 'base64'), 'title', t.title, '__typename', 'Book')`,
    );
    expect(compile(doc, {}, 'Author').sql).toBe(
      `json_build_object('id', encode(convert_to('Author:' || t.id, 'UTF8'), 'base64'), 'name', t.name, '__typename', 'Author', '$id', t.id, '$born', t.born)`,
    );
  });
});

describe('relations', () => {
  it('one and many are correlated sub-selects, each with a fresh alias: nested ones never shadow, siblings never share', () => {
    const r = compile('{ book { author { name books { title author { name } } } again: author { name } } }');
    // book t → author t1 → its books t2 → their author t3; the sibling `again` is t4.
    expect(r.sql).toBe(
      `json_build_object(` +
        `'author', (select json_build_object('name', t1.name, 'books', (select coalesce(json_agg(json_build_object('title', t2.title, ` +
        `'author', (select json_build_object('name', t3.name) from author t3 where t3.id = t2.author_id)) order by t2.year, t2.id), '[]'::json) ` +
        `from book t2 where t2.author_id = t1.id)) from author t1 where t1.id = t.author_id), ` +
        `'again', (select json_build_object('name', t4.name) from author t4 where t4.id = t.author_id))`,
    );
    expect(r.c.seq.n).toBe(4);
  });

  it('an inline object reads the same row as its parent and takes no alias', () => {
    const top = compile('{ book { cost: price { value: amount currency __typename } } }');
    expect(top.sql).toBe(`json_build_object('cost', json_build_object('value', t.price_amount::text, 'currency', t.price_currency, '__typename', 'Price'))`);
    expect(top.c.seq.n).toBe(0);
    // Inside a relation it reads the related row.
    expect(compile('{ author { books { price { amount } } } }').sql).toBe(
      `json_build_object('books', (select coalesce(json_agg(json_build_object('price', json_build_object('amount', t1.price_amount::text)) order by t1.year, t1.id), '[]'::json) ` +
        `from book t1 where t1.author_id = t.id))`,
    );
  });
});

describe('fields resolved in JavaScript', () => {
  it('add the hidden $id (after the selected pairs), and select nothing themselves', () => {
    expect(compile('{ book { blurb title } }').sql).toBe(`json_build_object('title', t.title, '$id', t.id)`);
  });

  it('add what they need, once however often they are selected', () => {
    expect(compile('{ author { s1: summary s2: summary name } }').sql).toBe(`json_build_object('name', t.name, '$id', t.id, '$born', t.born)`);
  });

  it('read the related row inside a relation', () => {
    expect(compile('{ book { author { summary } } }').sql).toBe(
      `json_build_object('author', (select json_build_object('$id', t1.id, '$born', t1.born) from author t1 where t1.id = t.author_id))`,
    );
  });
});

describe('values are parameters, never SQL text', () => {
  it('a string with a quote, from the document or a variable, is only in params.values', () => {
    const lit = compile(`{ book { titleLike(pattern: "O'Brien%") } }`);
    expect(lit.sql).toBe(`json_build_object('titleLike', t.title ilike $1)`);
    expect(lit.params).toEqual(["O'Brien%"]);

    const evil = "x'; drop table book; --";
    const fromVar = compile('query ($p: String!) { book { titleLike(pattern: $p) } }', { p: evil });
    expect(fromVar.sql).toBe(`json_build_object('titleLike', t.title ilike $1)`);
    expect(fromVar.sql).not.toContain('drop');
    expect(fromVar.params).toEqual([evil]);
  });

  it('placeholders continue after parameters already used, and each value sits at its own placeholder', () => {
    const params = new Params();
    params.add('outer where');
    const { root, c } = prepare('{ author { books(since: 1990) { titleLike(pattern: "x%") } } }', {}, params);
    // The node object is compiled before the relation's source: the pattern is $2, the year $3.
    expect(compileObject('Author', [root], 't', c)).toBe(
      `json_build_object('books', (select coalesce(json_agg(json_build_object('titleLike', t1.title ilike $2) order by t1.year, t1.id), '[]'::json) ` +
        `from book t1 where t1.author_id = t.id and t1.year >= $3))`,
    );
    expect(params.values).toEqual(['outer where', 'x%', 1990]);
  });

  it('a string holding NUL is refused as BAD_USER_INPUT before it reaches PostgreSQL', () => {
    expect(() => compile('{ book { titleLike(pattern: "a\\u0000b") } }')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});

describe('large objects: json_build_object takes at most 100 arguments', () => {
  const titles = (n: number) => Array.from({ length: n }, (_, i) => `f${i + 1}: title`).join(' ');
  const pairs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `'f${from + i}', t.title`).join(', ');

  it('up to 50 arguments (25 key/value pairs): one json_build_object', () => {
    expect(compile(`{ book { ${titles(25)} } }`).sql).toBe(`json_build_object(${pairs(1, 25)})`);
  });

  it('more: jsonb chunks of 50 arguments each, joined with ||, cast back to json', () => {
    expect(compile(`{ book { ${titles(26)} } }`).sql).toBe(`(jsonb_build_object(${pairs(1, 25)}) || jsonb_build_object('f26', t.title))::json`);
    expect(compile(`{ book { ${titles(60)} } }`).sql).toBe(
      `(jsonb_build_object(${pairs(1, 25)}) || jsonb_build_object(${pairs(26, 50)}) || jsonb_build_object(${pairs(51, 60)}))::json`,
    );
  });

  it('hidden keys count too, and a chunk never splits a key from its value', () => {
    expect(compile(`{ book { ${titles(25)} blurb } }`).sql).toBe(`(jsonb_build_object(${pairs(1, 25)}) || jsonb_build_object('$id', t.id))::json`);
  });
});

describe('nested connections', () => {
  // The cursor of a row of bookPage (order YEAR desc, ID asc; child alias t1), made in SQL as
  // base64url of the JSON [signature, year, id], the format decodeCursor reads.
  const CUR = `rtrim(translate(encode(convert_to(json_build_array('YEAR-,ID+', t1.year::text, t1.id::text)::text, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
  const ORDER = 't1.year desc, t1.id asc';
  // (the cursor column only when a cursor is selected)
  const inner = (node: string, limit: number, where = '', cursors = true) =>
    `select ${node} as n, ${cursors ? `${CUR} as cur, ` : ''}row_number() over (order by ${ORDER}) as rn from book t1 where t1.author_id = t.id${where} order by ${ORDER} limit ${limit}`;

  it('one sub-select: the page (first + 1 rows, to know if more follow) aggregated into the pieces selected', () => {
    const r = compile('{ author { bookPage(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title } } } } }');
    // t1 the book rows, t2 the numbered page, t3 the count (over the whole relation, not the page).
    expect(r.sql).toBe(
      `json_build_object('bookPage', (select json_build_object(` +
        `'totalCount', (select count(*)::int from book t3 where t3.author_id = t.id), ` +
        `'pageInfo', json_build_object('hasNextPage', count(*) > 2, 'endCursor', (array_agg(t2.cur order by t2.rn) filter (where t2.rn <= 2))[least(count(*), 2)]), ` +
        `'edges', coalesce(json_agg(json_build_object('cursor', t2.cur, 'node', t2.n) order by t2.rn) filter (where t2.rn <= 2), '[]'::json)) ` +
        `from (${inner(`json_build_object('title', t1.title)`, 3)}) t2 having true))`,
    );
    expect(r.params).toEqual([]);
  });

  it('pageInfo and totalCount only when selected; default first is 20', () => {
    const r = compile('{ author { bookPage { nodes { title } } } }');
    expect(r.sql).toBe(
      `json_build_object('bookPage', (select json_build_object('nodes', coalesce(json_agg(t2.n order by t2.rn) filter (where t2.rn <= 20), '[]'::json)) ` +
        `from (${inner(`json_build_object('title', t1.title)`, 21, '', false)}) t2 having true))`,
    );
    expect(r.sql).not.toContain('count(');
    expect(r.sql).not.toContain('convert_to(');
    expect(r.c.seq.n).toBe(2);
  });

  it('totalCount alone: no node object is built', () => {
    expect(compile('{ author { bookPage { totalCount } } }').sql).toBe(
      `json_build_object('bookPage', (select json_build_object('totalCount', (select count(*)::int from book t3 where t3.author_id = t.id)) ` +
        `from (${inner('null', 21, '', false)}) t2 having true))`,
    );
  });

  it('aliases and __typename at every level; every pageInfo field', () => {
    const doc = `{ author { page: bookPage(first: 1) {
      kind: __typename total: totalCount
      info: pageInfo { kind: __typename more: hasNextPage back: hasPreviousPage start: startCursor end: endCursor }
      list: edges { kind: __typename at: cursor book: node { heading: title } }
    } } }`;
    expect(compile(doc).sql).toBe(
      `json_build_object('page', (select json_build_object(` +
        `'kind', 'BookConnection', ` +
        `'total', (select count(*)::int from book t3 where t3.author_id = t.id), ` +
        `'info', json_build_object('kind', 'PageInfo', 'more', count(*) > 1, 'back', false, 'start', min(t2.cur) filter (where t2.rn = 1), ` +
        `'end', (array_agg(t2.cur order by t2.rn) filter (where t2.rn <= 1))[least(count(*), 1)]), ` +
        `'list', coalesce(json_agg(json_build_object('kind', 'BookEdge', 'at', t2.cur, 'book', t2.n) order by t2.rn) filter (where t2.rn <= 1), '[]'::json)) ` +
        `from (${inner(`json_build_object('heading', t1.title)`, 2)}) t2 having true))`,
    );
  });

  it('nodes and edges.node are both read from the page rows', () => {
    const sql = compile('{ author { bookPage { nodes { title } edges { node { year } } } } }').sql;
    expect(sql).toContain(`'title', t1.title`);
    expect(sql).toContain(`'year', t1.year`);
  });

  // The node objects of a page are compiled apart when both `nodes` and `edges { node }` are
  // selected: GraphQL only merges fields within one selection set, so the same response key may
  // ask for different fields (or arguments) under each (once merged, edges got the title).
  it('the same alias under nodes and edges.node with different fields or arguments gets each its own value', () => {
    const fields = compile('{ author { bookPage { nodes { x: title } edges { node { x: year } } } } }').sql;
    expect(fields).toContain(`'x', t1.title`);
    expect(fields).toContain(`'x', t1.year`);
    const args = compile('{ author { bookPage { nodes { m: titleLike(pattern: "A%") } edges { node { m: titleLike(pattern: "B%") } } } } }');
    expect(args.params).toContain('B%');
  });

  it('edge fields of the relationship are columns of the page, read by field name under any alias', () => {
    const sql = compile('{ author { authored(first: 5) { edges { r: role node { title } } } } }').sql;
    expect(sql).toContain(
      `row_number() over (order by t1.id asc) as rn, a_t1.role as "e_role" from authorship a_t1 join book t1 on t1.id = a_t1.book_id where a_t1.author_id = t.id`,
    );
    expect(sql).toContain(`json_build_object('r', t2."e_role", 'node', t2.n)`);
  });

  it.each([0, -1, 101])('first: %i is refused as BAD_USER_INPUT naming the field', (first) => {
    expect(() => compile(`{ author { bookPage(first: ${first}) { totalCount } } }`)).toThrow(
      badInput('first', `\`first\` on Author.bookPage must be between 1 and 100 (got ${first})`),
    );
  });

  it('first: 1 and 100 are taken (from a variable too): the page reads one row more', () => {
    expect(compile('{ author { bookPage(first: 1) { nodes { title } } } }').sql).toContain('limit 2) t2');
    expect(compile('query ($n: Int) { author { bookPage(first: $n) { nodes { title } } } }', { n: 100 }).sql).toContain('limit 101) t2');
    expect(() => compile('query ($n: Int) { author { bookPage(first: $n) { nodes { title } } } }', { n: 1000 })).toThrow(badInput('first', '(got 1000)'));
  });

  it('after: the cursor’s values are parameters of a keyset condition on the relation; hasPreviousPage is true', () => {
    const r = compile(
      'query ($after: String) { author { bookPage(first: 2, after: $after) { pageInfo { hasPreviousPage } nodes { titleLike(pattern: "%x%") } } } }',
      { after: encodeCursor('YEAR-,ID+', [2001, 7]) },
    );
    expect(r.sql).toBe(
      `json_build_object('bookPage', (select json_build_object('pageInfo', json_build_object('hasPreviousPage', true), ` +
        `'nodes', coalesce(json_agg(t2.n order by t2.rn) filter (where t2.rn <= 2), '[]'::json)) ` +
        `from (${inner(`json_build_object('titleLike', t1.title ilike $3)`, 3, ' and ((t1.year < $1::int) or (t1.year = $1::int and t1.id > $2::int))', false)}) t2 having true))`,
    );
    expect(r.params).toEqual(['2001', '7', '%x%']);
  });

  it('after: a cursor as PostgreSQL writes it (JSON text with spaces) is read back', () => {
    const fromSql = Buffer.from('["YEAR-,ID+", "2001", "7"]', 'utf8').toString('base64url');
    const r = compile('query ($after: String) { author { bookPage(after: $after) { totalCount } } }', { after: fromSql });
    expect(r.params).toEqual(['2001', '7']);
  });

  it.each([
    ['another order', encodeCursor('YEAR+,ID+', [2001, 7]), 'made for a different `orderBy`'],
    ['a list ordered by ID only', encodeCursor('ID+', [7]), 'is not a cursor of this list'],
    ['a value the sort term cannot take', encodeCursor('YEAR-,ID+', ['2001; drop', 7]), 'is not a cursor of this list'],
    ['no cursor at all', 'hello', 'is not a cursor of this list'],
  ])('after: a cursor of %s is refused as BAD_USER_INPUT on `after`', (_, after, message) => {
    expect(() => compile('query ($after: String) { author { bookPage(after: $after) { nodes { title } } } }', { after })).toThrow(badInput('after', message));
  });
});

describe('subFieldNodes and selects: what a connection field asks for', () => {
  const info = (c: CompileCtx) => c.info as GraphQLResolveInfo;

  it('follows a path through aliases and fragments, honouring directives', () => {
    const { root, c } = prepare(
      '{ books { e: edges { node { title } } ... on BookConnection { edges { n: node { year } } } skipped: edges @skip(if: true) { node { id } } } }',
    );
    const nodes = subFieldNodes('BookConnection', [root], ['edges', 'node'], c);
    expect(nodes.map((n) => n.alias?.value ?? n.name.value)).toEqual(['node', 'n']);
    expect(subFieldNodes('BookConnection', [root], ['nodes'], c)).toEqual([]);
  });

  it('selects: directly, through a fragment, not when skipped', () => {
    const { root, c } = prepare('{ books { ...Total pageInfo @skip(if: true) { hasNextPage } } } fragment Total on BookConnection { count: totalCount }');
    expect(selects('BookConnection', [root], 'totalCount', info(c))).toBe(true);
    expect(selects('BookConnection', [root], 'pageInfo', info(c))).toBe(false);
    expect(selects('BookConnection', [root], 'edges', info(c))).toBe(false);
  });
});

describe('shapeConnection: the connection object keyed by response key', () => {
  const data = {
    edges: [
      { cursor: 'c1', node: { t: 'A' } },
      { cursor: 'c2', node: { t: 'B' } },
    ],
    pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
    totalCount: 7,
  };
  const shape = (doc: string, vars?: Record<string, unknown>) => {
    const { root, c } = prepare(doc, vars);
    return shapeConnection('BookConnection', [root], c, data);
  };

  it('edges, nodes, pageInfo and totalCount under their names', () => {
    const out = shape(
      '{ books { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { title } } nodes { title } } }',
    );
    expect(out).toEqual({
      totalCount: 7,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
      edges: [
        { cursor: 'c1', node: { t: 'A' } },
        { cursor: 'c2', node: { t: 'B' } },
      ],
      nodes: [{ t: 'A' }, { t: 'B' }],
    });
    expect(Object.keys(out)).toEqual(['totalCount', 'pageInfo', 'edges', 'nodes']);
  });

  it('aliases and __typename at every level, a piece twice under two aliases', () => {
    const out = shape(`{ books {
      kind: __typename total: totalCount
      info: pageInfo { kind: __typename more: hasNextPage end: endCursor }
      list: edges { kind: __typename at: cursor book: node { title } }
      a: nodes { title } b: nodes { title }
    } }`);
    expect(out).toEqual({
      kind: 'BookConnection',
      total: 7,
      info: { kind: 'PageInfo', more: true, end: 'c2' },
      list: [
        { kind: 'BookEdge', at: 'c1', book: { t: 'A' } },
        { kind: 'BookEdge', at: 'c2', book: { t: 'B' } },
      ],
      a: [{ t: 'A' }, { t: 'B' }],
      b: [{ t: 'A' }, { t: 'B' }],
    });
  });

  it('only what is selected, through fragments and directives', () => {
    const out = shape(
      'query ($v: Boolean!) { books { ...on BookConnection { nodes { title } } pageInfo @include(if: $v) { endCursor } ...Count @skip(if: $v) } } fragment Count on BookConnection { totalCount }',
      { v: false },
    );
    expect(out).toEqual({ nodes: [{ t: 'A' }, { t: 'B' }], totalCount: 7 });
    expect(Object.keys(out)).not.toContain('pageInfo');
  });
});
