import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  Kind,
  print,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { Lang } from '../lang';
import type { Params } from './params';
import { badInput as badInputError } from '../errors';
import { decodeCursorValues, keysetSql } from './keyset';
import { sqlRegistry, type NodeKey } from './registry';

/**
 * A small GraphQL-to-SQL compiler in the spirit of PostGraphile: the selection set of a list or
 * object is turned into one `json_build_object(...)` expression per row, with to-one and to-many
 * relations as correlated sub-selects. A page of warehouses with their operators and corridors is
 * one SQL statement, whatever the page size, and only the selected columns are read.
 *
 * Each GraphQL object type that PostgreSQL can produce declares its SQL next to its fields
 * (`@SqlObject`, `@Sql`: sql/declare.ts); the schema's SQL registry (sql/registry.ts) collects them
 * into one `SqlType` per type. Objects built this way are keyed by response key (alias), so the
 * schema's field resolver reads `source[alias]` for these types (see `byResponseKey` in schema.ts).
 */

export interface CompileCtx {
  lang: Lang;
  params: Params;
  info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;
  /** Alias counter, so nested sub-selects never shadow each other. */
  seq: { n: number };
  /** Request-level values fields may use, e.g. the point of a `near` filter for `distanceKm`. */
  vars: Record<string, unknown>;
}

export interface FieldArgs {
  args: Record<string, unknown>;
  c: CompileCtx;
  /**
   * The type being compiled. A field declared once on a base class (`Node.id`) serves every type
   * that extends it, so its SQL may depend on which one (the type name and key column of an ID).
   */
  type: SqlType;
}

export type FieldSpec =
  /** A scalar (or list of scalars) computed from the row aliased `t`. */
  | { kind: 'expr'; sql: (t: string, a: FieldArgs) => string }
  /** Another compiled object: `source` is "table alias where …" (or with joins) for child alias `c`. */
  | { kind: 'one'; type: string; source: (t: string, c: string, a: FieldArgs) => string }
  /** A list of compiled objects, ordered. */
  | { kind: 'many'; type: string; source: (t: string, c: string, a: FieldArgs) => string; orderBy: (c: string) => string }
  /**
   * A nested Relay connection (forward paging: `first`, `after`), one sub-select per parent row.
   * `source` must end in a WHERE clause (more conditions are appended with AND); `order` must end
   * in a unique key. `edge` adds relationship fields to the edge (e.g. a tenant's move-in date).
   */
  | {
      kind: 'connection';
      type: string;
      source: (t: string, c: string, a: FieldArgs) => string;
      order: (c: string) => { name: string; expr: string; type: string; desc: boolean }[];
      edge?: Record<string, (c: string) => string>;
    }
  /** Produced by the enclosing field's compilation (connection, edge and page-info shapes). */
  | { kind: 'produced' }
  /** A nested object computed from the same row (e.g. a price card or a point). */
  | { kind: 'inline'; type: string }
  /** Resolved by a field resolver from the row's hidden keys (`$id`, or `needs`). */
  | { kind: 'resolver'; needs?: Record<string, (t: string) => string> };

export interface SqlType {
  name: string;
  /** '' for value objects (read from their parent's row) and for shapes the compiler produces. */
  table: string;
  /** Primary-key expression; exposed to field resolvers as `$id`. */
  key: (t: string) => string;
  fields: Readonly<Record<string, FieldSpec>>;
  /** Set for the types `node(id:)` can fetch (those implementing Node). */
  node?: NodeKey;
}

/** The SQL of `typeName` in the schema being executed. */
export function sqlType(c: Pick<CompileCtx, 'info'>, name: string): SqlType {
  const t = sqlRegistry(c.info.schema).types[name];
  if (!t) throw new Error(`No SQL mapping for GraphQL type ${name}`);
  return t;
}

export function nextAlias(c: CompileCtx): string {
  c.seq.n += 1;
  return `t${c.seq.n}`;
}

function included(node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1], c: Pick<CompileCtx, 'info'>): boolean {
  if (!node.directives || node.directives.length === 0) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, c.info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, c.info.variableValues);
  return include?.if !== false;
}

function typeApplies(typeName: string, condition: string | undefined, c: Pick<CompileCtx, 'info'>): boolean {
  if (!condition || condition === typeName) return true;
  const cond = c.info.schema.getType(condition);
  const obj = c.info.schema.getType(typeName);
  if (!cond || !obj || !isAbstractType(cond)) return false;
  return c.info.schema.isSubType(cond, obj as GraphQLObjectType);
}

/**
 * Field nodes of `selections` that apply to `typeName`, grouped by response key, in order (as
 * execution merges them; @skip/@include honoured). The cost model walks documents with it too.
 */
export function collectFields(typeName: string, sets: readonly (SelectionSetNode | undefined)[], c: Pick<CompileCtx, 'info'>): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  // Each named fragment once per collection, as graphql-js's execution does: a fragment spread
  // again adds nothing, and expanding every spread is exponential (F0 spreads F1 90 times, F1
  // spreads F2 90 times …: 90^4 visits for a 2 KB document).
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (!included(sel, c)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const list = out.get(key);
        if (list) list.push(sel);
        else out.set(key, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (typeApplies(typeName, sel.typeCondition?.name.value, c)) visit(sel.selectionSet);
      } else {
        if (visited.has(sel.name.value)) continue;
        visited.add(sel.name.value);
        const frag = c.info.fragments[sel.name.value];
        if (frag && typeApplies(typeName, frag.typeCondition.name.value, c)) visit(frag.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/** The field nodes reached by following `path` (e.g. ['edges', 'node']) from `nodes`. */
export function subFieldNodes(typeName: string, nodes: readonly FieldNode[], path: string[], c: CompileCtx): FieldNode[] {
  let current: readonly FieldNode[] = nodes;
  let currentType = typeName;
  for (const name of path) {
    const next: FieldNode[] = [];
    const fields = collectFields(
      currentType,
      current.map((n) => n.selectionSet),
      c,
    );
    for (const list of fields.values()) for (const f of list) if (f.name.value === name) next.push(f);
    if (next.length === 0) return [];
    const parent = c.info.schema.getType(currentType) as GraphQLObjectType;
    currentType = getNamedType(parent.getFields()[name].type).name;
    current = next;
  }
  return [...current];
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** json_build_object takes at most 100 arguments; larger objects are joined as jsonb. */
function buildObject(pairs: string[]): string {
  if (pairs.length === 0) return `'{}'::json`;
  if (pairs.length <= 50) return `json_build_object(${pairs.join(', ')})`;
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) chunks.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  return `(${chunks.join(' || ')})::json`;
}

/**
 * The JSON expression for one object of `typeName` read from alias `t`, for the fields selected by
 * `nodes` (the field nodes whose selection sets describe the object).
 */
export function compileObject(typeName: string, nodes: readonly FieldNode[], t: string, c: CompileCtx): string {
  const spec = sqlType(c, typeName);
  const gqlType = c.info.schema.getType(typeName) as GraphQLObjectType;
  const gqlFields = gqlType.getFields();
  const fields = collectFields(
    typeName,
    nodes.map((n) => n.selectionSet),
    c,
  );
  const pairs: string[] = [];
  let needsId = false;
  const needs = new Map<string, string>();
  for (const [key, fieldNodes] of fields) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') {
      pairs.push(lit(key), lit(typeName));
      continue;
    }
    const f = spec.fields[name];
    const def = gqlFields[name] as GraphQLField<unknown, unknown> | undefined;
    if (!f || !def) throw new Error(`No SQL mapping for ${typeName}.${name}`);
    const args = def.args.length ? getArgumentValues(def, fieldNodes[0], c.info.variableValues) : {};
    if (fieldNodes.length > 1) sameField(typeName, key, fieldNodes, def, args, c);
    const a: FieldArgs = { args, c, type: spec };
    switch (f.kind) {
      case 'expr':
        pairs.push(lit(key), f.sql(t, a));
        break;
      case 'one': {
        const ca = nextAlias(c);
        pairs.push(lit(key), `(select ${compileObject(f.type, fieldNodes, ca, c)} from ${f.source(t, ca, a)})`);
        break;
      }
      case 'many': {
        const ca = nextAlias(c);
        pairs.push(
          lit(key),
          `(select coalesce(json_agg(${compileObject(f.type, fieldNodes, ca, c)} order by ${f.orderBy(ca)}), '[]'::json) from ${f.source(t, ca, a)})`,
        );
        break;
      }
      case 'connection':
        pairs.push(lit(key), compileNestedConnection(gqlType, name, f, fieldNodes, t, a, c));
        break;
      case 'produced':
        throw new Error(`${typeName}.${name} is produced by its parent and cannot be compiled alone`);
      case 'inline':
        pairs.push(lit(key), compileObject(f.type, fieldNodes, t, c));
        break;
      case 'resolver':
        needsId = true;
        for (const [k, expr] of Object.entries(f.needs ?? {})) needs.set(k, expr(t));
        break;
    }
  }
  if (needsId) pairs.push(`'$id'`, spec.key(t));
  for (const [k, expr] of needs) pairs.push(lit(`$${k}`), expr);
  return buildObject(pairs);
}

/**
 * One compiled object serves every selection merged into it (e.g. two aliases of one `offer`
 * field); GraphQL only forbids a response key to ask for two things within one selection set, so
 * across merged ones it is refused here, naming the key, rather than answered with one of them.
 */
function sameField(
  typeName: string,
  key: string,
  nodes: readonly FieldNode[],
  def: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  c: Pick<CompileCtx, 'info'>,
): void {
  const first = JSON.stringify(args);
  for (const n of nodes) {
    const differs = n.name.value !== nodes[0].name.value || (def.args.length > 0 && JSON.stringify(getArgumentValues(def, n, c.info.variableValues)) !== first);
    if (differs) {
      throw badInputError(
        `\`${key}\` on ${typeName} asks for ${nodes[0].name.value} and for ${n.name.value === nodes[0].name.value ? `${n.name.value} with other arguments` : n.name.value} under two aliases of the same field; give them different aliases`,
        key,
      );
    }
  }
}

export function newCompileCtx(info: CompileCtx['info'], lang: Lang, params: Params, vars: Record<string, unknown> = {}): CompileCtx {
  return { info, lang, params, seq: { n: 0 }, vars };
}

/** The `columnOf` key of the node under `edges` key `edgesKey`, aliased `nodeKey`. */
export const edgeNodeKey = (edgesKey: string, nodeKey: string) => `${edgesKey}\u0000${nodeKey}`;

/**
 * The node objects of a page, one SQL column each (`columns`), and which column each response key
 * of the connection reads (`columnOf`: a `nodes` key, or an `edges` key for its `node`). Keys that
 * select the node alike share one column; keys that select it otherwise get their own, since the
 * same alias may ask for different fields or arguments under `nodes`, `edges { node }` and an
 * aliased `edges` (valid GraphQL: they are different selection sets, merged by nobody).
 */
export function pageNodes(
  type: string,
  connType: string,
  fieldNodes: readonly FieldNode[],
  t: string,
  c: CompileCtx,
): { columns: string[]; columnOf: Map<string, number> } {
  const edgeType = connType.replace(/Connection$/, 'Edge');
  const selections: [string, FieldNode[]][] = [];
  for (const [key, nodes] of collectFields(
    connType,
    fieldNodes.map((n) => n.selectionSet),
    c,
  )) {
    const name = nodes[0].name.value;
    if (name === 'nodes') selections.push([key, nodes]);
    else if (name === 'edges') {
      // Each alias of `node` under each `edges` key: `edges { zh: node { … } en: node { … } }`.
      for (const [nodeKey, node] of collectFields(
        edgeType,
        nodes.map((n) => n.selectionSet),
        c,
      )) {
        if (node[0].name.value === 'node') selections.push([edgeNodeKey(key, nodeKey), node]);
      }
    }
  }
  const columns: string[] = [];
  const columnOf = new Map<string, number>();
  const bySelection = new Map<string, number>();
  for (const [key, nodes] of selections) {
    const signature = nodes.map((n) => (n.selectionSet ? print(n.selectionSet) : '')).join(' ');
    let i = bySelection.get(signature);
    if (i === undefined) {
      i = columns.push(compileObject(type, nodes, t, c)) - 1;
      bySelection.set(signature, i);
    }
    columnOf.set(key, i);
  }
  return { columns, columnOf };
}

const NESTED_DEFAULT = 20;
const NESTED_MAX = 100;

/** base64url of the cursor JSON, computed in SQL; decodes with the same decodeCursor as root lists. */
function cursorSql(sig: string, exprs: string[]): string {
  const json = `json_build_array(${lit(sig)}, ${exprs.map((e) => `${e}::text`).join(', ')})::text`;
  return `rtrim(translate(encode(convert_to(${json}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
}

function compileNestedConnection(
  parentType: GraphQLObjectType,
  fieldName: string,
  f: Extract<FieldSpec, { kind: 'connection' }>,
  fieldNodes: FieldNode[],
  t: string,
  a: FieldArgs,
  c: CompileCtx,
): string {
  const connType = getNamedType(parentType.getFields()[fieldName].type) as GraphQLObjectType;
  const edgeType = getNamedType(connType.getFields().edges.type) as GraphQLObjectType;
  const first = (a.args.first as number | undefined) ?? NESTED_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > NESTED_MAX) {
    throw badInputError(`\`first\` on ${parentType.name}.${fieldName} must be between 1 and ${NESTED_MAX} (got ${first})`, 'first');
  }
  const ca = nextAlias(c);
  const order = f.order(ca);
  const sig = order.map((o) => `${o.name}${o.desc ? '-' : '+'}`).join(',');
  let source = f.source(t, ca, a);
  const after = a.args.after as string | undefined;
  if (after != null) {
    const values = decodeCursorValues(
      after,
      sig,
      'after',
      order.map((o) => o.type),
    );
    source += ` and ${keysetSql(order, values, c.params, false)}`;
  }
  const page = pageNodes(f.type, connType.name, fieldNodes, ca, c);
  const orderSql = order.map((o) => `${o.expr} ${o.desc ? 'desc' : 'asc'}`).join(', ');
  const extras = Object.entries(f.edge ?? {}).map(([k, e]) => `${e(ca)} as "e_${k}"`);
  const nodeColumns = page.columns.length ? page.columns.map((sql, i) => `${sql} as n${i || ''}`).join(', ') : 'null as n';
  const x = nextAlias(c);
  // The cursor is base64 of JSON built per row: only when a cursor is asked for.
  let cursors = false;
  const cur = () => {
    cursors = true;
    return `${x}.cur`;
  };
  const within = `filter (where ${x}.rn <= ${first})`;
  const pairs: string[] = [];
  for (const [key, nodes] of collectFields(
    connType.name,
    fieldNodes.map((n) => n.selectionSet),
    c,
  )) {
    switch (nodes[0].name.value) {
      case '__typename':
        pairs.push(lit(key), lit(connType.name));
        break;
      case 'nodes':
        pairs.push(lit(key), `coalesce(json_agg(${x}.n${page.columnOf.get(key) || ''} order by ${x}.rn) ${within}, '[]'::json)`);
        break;
      case 'edges': {
        const edgePairs: string[] = [];
        for (const [ek, en] of collectFields(
          edgeType.name,
          nodes.map((n) => n.selectionSet),
          c,
        )) {
          const name = en[0].name.value;
          edgePairs.push(
            lit(ek),
            name === '__typename'
              ? lit(edgeType.name)
              : name === 'cursor'
                ? cur()
                : name === 'node'
                  ? `${x}.n${page.columnOf.get(edgeNodeKey(key, ek)) || ''}`
                  : `${x}."e_${name}"`,
          );
        }
        pairs.push(lit(key), `coalesce(json_agg(${buildObject(edgePairs)} order by ${x}.rn) ${within}, '[]'::json)`);
        break;
      }
      case 'pageInfo': {
        const pi: string[] = [];
        for (const [pk, pn] of collectFields(
          'PageInfo',
          nodes.map((n) => n.selectionSet),
          c,
        )) {
          const name = pn[0].name.value;
          const v =
            name === '__typename'
              ? lit('PageInfo')
              : name === 'hasNextPage'
                ? `count(*) > ${first}`
                : name === 'hasPreviousPage'
                  ? after != null
                    ? 'true'
                    : 'false'
                  : name === 'startCursor'
                    ? `min(${cur()}) filter (where ${x}.rn = 1)`
                    : `(array_agg(${cur()} order by ${x}.rn) ${within})[least(count(*), ${first})]`;
          pi.push(lit(pk), v);
        }
        pairs.push(lit(key), buildObject(pi));
        break;
      }
      case 'totalCount': {
        const cc = nextAlias(c);
        pairs.push(lit(key), `(select count(*)::int from ${f.source(t, cc, a)})`);
        break;
      }
    }
  }
  const curColumn = cursors
    ? `${cursorSql(
        sig,
        order.map((o) => o.expr),
      )} as cur, `
    : '';
  const inner = `select ${nodeColumns}, ${curColumn}row_number() over (order by ${orderSql}) as rn${extras.length ? `, ${extras.join(', ')}` : ''} from ${source} order by ${orderSql} limit ${first + 1}`;
  // HAVING makes it one group: exactly one row even when the relation is empty.
  return `(select ${buildObject(pairs)} from (${inner}) ${x} having true)`;
}
