import { Params } from '../graphql/sql/params';

/**
 * The one way to write SQL here: a tagged template whose interpolations are parameters, never
 * text. Fragments nest (`sql\`… ${other} …\``), so conditions are built as values and joined;
 * rendering numbers the placeholders once, into the statement's `Params`, which is how fragments
 * mix with the SQL compiler's output (itself written with `Params`).
 *
 *   const where = [sql`t.country_code = any(${sql.array(codes, 'text')})`];
 *   if (since) where.push(sql`t.updated_at >= ${sql.typed(since, 'timestamptz')}`);
 *   const { text, values } = toQuery(sql`select id from overseas_warehouse t where ${sql.and(where)}`);
 *
 * - `${value}`                 a parameter `$n` (PostgreSQL infers its type);
 * - `${sql.typed(v, 'int')}`   a parameter with a cast, `$n::int`;
 * - `${sql.array(vs, 'text')}` a JavaScript array as one parameter, `$n::text[]` (the driver
 *                              writes the array literal, with its quoting and NULLs);
 * - `${sql.known(vs, 'text')}` values of a small closed set, checked before (country and district
 *                              codes, enum values): written into the text as an array literal;
 * - `${sql.ident('name')}`     a checked, quoted identifier;
 * - `${sql.raw(text)}`         SQL text written by the code itself (the compiler's expressions),
 *                              never a value from a request;
 * - `${fragment}`              another fragment, inlined.
 *
 * Text holding U+0000 is refused (BAD_USER_INPUT) as it is added: PostgreSQL cannot store it.
 */
export class Sql {
  /** @internal use the `sql` tag */
  constructor(readonly parts: readonly (string | Piece)[]) {}

  /** Appends this fragment's text to `params`' statement, adding its values; returns the text. */
  render(params: Params): string {
    let out = '';
    for (const part of this.parts) {
      if (typeof part === 'string') out += part;
      else if (part.kind === 'param') out += params.add(part.value) + (part.cast ? `::${part.cast}` : '');
      else out += part.sql.render(params);
    }
    return out;
  }

  /** True when the fragment has no text at all (e.g. `sql.and([])` is not empty: it is `true`). */
  get isEmpty(): boolean {
    return this.parts.every((p) => typeof p === 'string' && p === '');
  }
}

type Piece = { kind: 'param'; value: unknown; cast?: string } | { kind: 'sql'; sql: Sql };

/** SQL type names a parameter may be cast to (the casts the API uses; extend as needed). */
export type SqlType = 'int' | 'bigint' | 'numeric' | 'float8' | 'text' | 'bool' | 'date' | 'timestamptz' | 'jsonb' | 'uuid' | 'interval';

/** Marks a value as a typed parameter (see `sql.typed`). */
class Typed {
  constructor(
    readonly value: unknown,
    readonly cast: string,
  ) {}
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function piece(value: unknown): string | Piece {
  if (value instanceof Sql) return { kind: 'sql', sql: value };
  if (value instanceof Typed) return { kind: 'param', value: value.value, cast: value.cast };
  return { kind: 'param', value };
}

/** The tag: `sql\`select … where id = ${id}\``. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: (string | Piece)[] = [strings[0]];
  values.forEach((v, i) => {
    parts.push(piece(v), strings[i + 1]);
  });
  return new Sql(parts);
}

/** A parameter cast to `type`: `$n::type`. */
sql.typed = (value: unknown, type: SqlType): Typed => new Typed(value, type);

/** A JavaScript array as one parameter of `type[]` (null stays NULL). */
sql.array = (values: readonly unknown[] | null | undefined, type: SqlType): Typed => new Typed(values ?? null, `${type}[]`);

/** What `sql.known` writes into a statement: codes and enum values, nothing that needs quoting. */
const KNOWN = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Values of a small closed set that the caller has already checked (country codes against the
 * reference list, district codes, GraphQL enum values), written into the statement text as an
 * array literal, `'{DE,FR}'::text[]`, instead of a parameter. The statement then names its values:
 * PostgreSQL plans it once per connection for each set (as a named prepared statement with no
 * parameters), where a parameter makes it plan again on every execution (plan_cache_mode
 * force_custom_plan on the read pool, so that skewed values never get a generic plan). The set is
 * small, so the statements are few; the statement cache is bounded anyway (read-db.ts).
 * Anything else throws: free text, slugs and numbers stay parameters.
 */
sql.known = (values: readonly string[], type: 'text'): Sql => {
  for (const v of values) if (!KNOWN.test(v)) throw new Error(`sql.known: ${JSON.stringify(v)} is not a code; pass it as a parameter`);
  return new Sql([`'{${values.join(',')}}'::${type}[]`]);
};

/** A lower-case identifier (table, column, alias), checked and quoted. */
sql.ident = (name: string): Sql => {
  if (!IDENT.test(name)) throw new Error(`Not an identifier: ${JSON.stringify(name)}`);
  return new Sql([`"${name}"`]);
};

/** SQL text the code wrote itself (never a value from a request). */
sql.raw = (text: string): Sql => new Sql([text]);

/** Fragments joined with `separator` (default `, `). */
sql.join = (fragments: readonly Sql[], separator = ', '): Sql => {
  const parts: (string | Piece)[] = [];
  fragments.forEach((f, i) => {
    if (i > 0) parts.push(separator);
    parts.push({ kind: 'sql', sql: f });
  });
  return new Sql(parts);
};

/** Conditions joined with AND, each in parentheses; `true` when there are none. */
sql.and = (conditions: readonly Sql[]): Sql =>
  conditions.length === 0
    ? sql.raw('true')
    : sql.join(
        conditions.map((c) => sql`(${c})`),
        ' and ',
      );

/** Conditions joined with OR, each in parentheses; `false` when there are none. */
sql.or = (conditions: readonly Sql[]): Sql =>
  conditions.length === 0
    ? sql.raw('false')
    : sql.join(
        conditions.map((c) => sql`(${c})`),
        ' or ',
      );

/** A whole statement: its text with `$1 … $n` and the values, for `pool.query(text, values)`. */
export function toQuery(statement: Sql): { text: string; values: unknown[] } {
  const params = new Params();
  const text = statement.render(params);
  return { text, values: params.values };
}
