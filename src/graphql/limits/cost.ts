import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { collectFields } from '../sql/compile';

/**
 * The published cost model (docs/limits.md), computed from the document and its variables before
 * anything runs, in the spirit of GitHub's and Shopify's:
 *
 * - a scalar or enum field costs 0; a record (an object with an `id`) costs 1, a row looked up; a
 *   value object built from its parent's row (money, a point, score parts, a payload) costs 0;
 * - a connection costs 1 for its statement, and what its rows select is multiplied by the page
 *   size asked for (`first` or `last`, else the default 20, at most 100), so nested connections
 *   multiply; `totalCount` costs 1 (a count); `pageInfo` and edges cost nothing of their own;
 * - a list that is not a connection multiplies by its declared size (`listSize`, 5 when
 *   none is declared: brands, tenancies, corridors and the like are short), or by an argument (`nodes(ids:)` by the number of IDs);
 * - expensive fields declare a `weight` (search, statistics, policy progress, matching …) in the
 *   field's `cost` extension, next to the field in its module;
 * - a mutation field costs 10; introspection costs 200 for `__schema` (the whole schema, whatever
 *   it selects) and 10 for `__type`;
 * - on an interface or union, the costliest possible type counts;
 * - every request costs at least 1.
 *
 * The same walk over the response data gives the actual cost: real page and list lengths instead of
 * the sizes asked for (Shopify's requested and actual cost).
 */

export interface FieldCost {
  /** Points for the field itself, each time it is resolved (default: 1 for objects, 0 for scalars). */
  weight?: number;
  /** A list field's assumed length when it is not a connection (default 5). */
  listSize?: number;
  /**
   * The number of items this field (a list) or its `sizedField` returns, from the arguments, for
   * fields whose size the client chooses (`first`, a list of IDs). Clamped to `maxSize`.
   */
  size?: (args: Record<string, unknown>) => number;
  /** With `size` on a field returning an object: the list field(s) inside it that `size` describes (e.g. `matches` and `edges`). */
  sizedField?: string | string[];
  /** Upper bound for `size`. */
  maxSize?: number;
}

/** The `cost` extension of a field (set with type-graphql's `@Extensions({ cost: … })`). */
export function costOf(field: GraphQLField<unknown, unknown>): FieldCost | undefined {
  return (field.extensions as { cost?: FieldCost } | undefined)?.cost;
}

export const COST = {
  defaultPageSize: 20,
  maxPageSize: 100,
  defaultListSize: 5,
  mutation: 10,
  /** `__schema`: the whole schema, a few MB with descriptions; a page load of the explorer asks once. */
  schema: 200,
  /** `__type`: one type. */
  introspection: 10,
  count: 1,
} as const;

/** Where a selection comes from: the operation (the root), or the merged nodes of a field. */
type Source = OperationDefinitionNode | readonly FieldNode[];

/** What a field costs that does not depend on the data, worked out once per walk. */
interface FieldInfo {
  /** The field's own weight: declared on expensive fields, 10 for a mutation. */
  weight: number;
  kind: 'leaf' | 'connection' | 'list' | 'object';
  named?: GraphQLCompositeType;
  /** 1 for a record (a type with an `id`, or any Node: a row looked up), 0 for a value object. */
  each: number;
  /** A connection's page, or a list's assumed length. */
  n: number;
  /** For an object whose list field is sized by this field's arguments (matches by `first`). */
  inner?: { fields: string[]; size: number };
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Collections by source and type: a response's rows share the selection they answer. */
  collected: Map<Source, Map<string, Map<string, FieldNode[]>>>;
  infos: Map<readonly FieldNode[], FieldInfo>;
  /** Requested costs by source and type (they do not depend on data). */
  estimates: Map<Source, Map<string, number>>;
  /** The object types a selection on a type may meet (itself, or an abstract type's members). */
  possible: Map<GraphQLCompositeType, readonly GraphQLObjectType[]>;
  /** A connection's selection, laid out once: what counts, and where its rows are. */
  connections: Map<Source, ConnectionPart[]>;
}

type ConnectionPart =
  | { kind: 'count' }
  | { kind: 'nodes'; key: string; type: GraphQLObjectType; nodes: readonly FieldNode[] }
  | { kind: 'edges'; key: string; nodeKey: string; type: GraphQLCompositeType; nodes: readonly FieldNode[] };

/**
 * The walk of an input: collections, field facts and estimates do not depend on the data, so the
 * requested cost and every actual cost of the same operation and variables share them.
 */
const walks = new WeakMap<CostInput, Walk>();
function walkOf(input: CostInput): Walk {
  let w = walks.get(input);
  if (!w) {
    w = {
      schema: input.schema,
      fragments: input.fragments,
      variables: input.variables ?? {},
      collected: new Map(),
      infos: new Map(),
      estimates: new Map(),
      possible: new Map(),
      connections: new Map(),
    };
    walks.set(input, w);
  }
  return w;
}

function setsOf(from: Source): readonly (SelectionSetNode | undefined)[] {
  return 'kind' in from ? [from.selectionSet] : from.map((n) => n.selectionSet);
}

/** Field nodes of a selection that apply to the object type, by response key (the compiler's own collection). */
function collect(w: Walk, type: GraphQLObjectType, from: Source): Map<string, FieldNode[]> {
  let byType = w.collected.get(from);
  if (!byType) w.collected.set(from, (byType = new Map()));
  let fields = byType.get(type.name);
  if (!fields) {
    fields = collectFields(type.name, setsOf(from), { info: { schema: w.schema, fragments: w.fragments, variableValues: w.variables } });
    byType.set(type.name, fields);
  }
  return fields;
}

function isRecord(type: GraphQLCompositeType): boolean {
  return !isObjectType(type) || 'id' in type.getFields();
}

function isConnection(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function clamp(n: unknown, fallback: number, max: number): number {
  const v = typeof n === 'number' && Number.isFinite(n) ? Math.floor(n) : fallback;
  return Math.max(0, Math.min(v, max));
}

type Data = Record<string, unknown> | null | undefined;

/** Cost of a selection on `type`: for `data`'s object when given (actual), else its estimate (requested). */
function selectionCost(w: Walk, type: GraphQLCompositeType, from: Source, data: Data | 'estimate', sized?: { fields: string[]; size: number }): number {
  if (data === null || data === undefined) return 0;
  if (data === 'estimate') {
    let byType = w.estimates.get(from);
    if (!byType) w.estimates.set(from, (byType = new Map()));
    const known = byType.get(type.name);
    if (known !== undefined) return known;
    const cost = worstOver(w, type, from, 'estimate', sized);
    byType.set(type.name, cost);
    return cost;
  }
  return worstOver(w, type, from, data, sized);
}

/** On an interface or union the costliest possible type counts. */
function worstOver(w: Walk, type: GraphQLCompositeType, from: Source, data: Data | 'estimate', sized?: { fields: string[]; size: number }): number {
  let types = w.possible.get(type);
  if (!types) w.possible.set(type, (types = isAbstractType(type) ? w.schema.getPossibleTypes(type) : [type as GraphQLObjectType]));
  let worst = 0;
  for (const t of types) {
    let sum = 0;
    for (const [key, nodes] of collect(w, t, from))
      sum += fieldCost(w, t, nodes, data === 'estimate' ? 'estimate' : (data as Record<string, unknown>)[key], sized);
    if (sum > worst) worst = sum;
  }
  return worst;
}

function fieldInfo(w: Walk, parent: GraphQLObjectType, nodes: readonly FieldNode[], sized?: { fields: string[]; size: number }): FieldInfo {
  const known = w.infos.get(nodes);
  if (known) return known;
  const name = nodes[0].name.value;
  let info: FieldInfo;
  if (name === '__schema' || name === '__type') info = { weight: name === '__schema' ? COST.schema : COST.introspection, kind: 'leaf', each: 0, n: 0 };
  else if (name === '__typename' || !parent.getFields()[name]) info = { weight: 0, kind: 'leaf', each: 0, n: 0 };
  else {
    const def = parent.getFields()[name];
    const named = getNamedType(def.type);
    const ext = costOf(def);
    const weight = (ext?.weight ?? 0) + (parent === w.schema.getMutationType() ? COST.mutation : 0);
    if (!isCompositeType(named)) info = { weight, kind: 'leaf', each: 0, n: 0 };
    else {
      const args = def.args.length ? getArgumentValues(def, nodes[0], w.variables) : {};
      const each = isRecord(named) ? 1 : 0;
      const size = ext?.size ? clamp(ext.size(args), 0, ext.maxSize ?? COST.maxPageSize) : undefined;
      // A connection with its own page bounds (`changes`: up to 200) declares them as `size` and `maxSize`.
      if (isConnection(named))
        info = { weight, kind: 'connection', named, each, n: size ?? clamp(args.first ?? args.last, COST.defaultPageSize, COST.maxPageSize) };
      else if (isListType(getNullableType(def.type))) {
        info = { weight, kind: 'list', named, each, n: size ?? (sized?.fields.includes(name) ? sized.size : (ext?.listSize ?? COST.defaultListSize)) };
      } else {
        // An expensive field's weight stands for its lookup.
        info = {
          weight,
          kind: 'object',
          named,
          each: ext?.weight !== undefined ? 0 : each,
          n: 1,
          inner: ext?.sizedField && size !== undefined ? { fields: [ext.sizedField].flat(), size } : undefined,
        };
      }
    }
  }
  w.infos.set(nodes, info);
  return info;
}

function fieldCost(w: Walk, parent: GraphQLObjectType, nodes: readonly FieldNode[], data: unknown, sized?: { fields: string[]; size: number }): number {
  const f = fieldInfo(w, parent, nodes, sized);
  if (f.kind === 'leaf') return f.weight;
  const estimate = data === 'estimate';
  // Actual cost of an object field that returned nothing: only its weight (the work was done).
  if (!estimate && (data === null || data === undefined)) return f.weight;
  const named = f.named!;
  switch (f.kind) {
    case 'connection':
      return f.weight + 1 + connectionCost(w, named as GraphQLObjectType, nodes, estimate ? 'estimate' : (data as Data), f.n);
    case 'list': {
      if (estimate) return f.weight + f.n * (f.each + selectionCost(w, named, nodes, 'estimate'));
      let sum = f.weight;
      if (Array.isArray(data)) for (const item of data) sum += item === null ? 0 : f.each + selectionCost(w, named, nodes, item as Data);
      return sum;
    }
    default:
      return f.weight + f.each + selectionCost(w, named, nodes, estimate ? 'estimate' : (data as Data), f.inner);
  }
}

function connectionParts(w: Walk, conn: GraphQLObjectType, from: Source): ConnectionPart[] {
  let parts = w.connections.get(from);
  if (parts) return parts;
  parts = [];
  for (const [key, nodes] of collect(w, conn, from)) {
    const name = nodes[0].name.value;
    if (name === 'totalCount') parts.push({ kind: 'count' });
    else if (name === 'nodes') parts.push({ kind: 'nodes', key, type: getNamedType(conn.getFields().nodes.type) as GraphQLObjectType, nodes });
    else if (name === 'edges') {
      const edgeType = getNamedType(conn.getFields().edges.type) as GraphQLObjectType;
      const nodeType = getNamedType(edgeType.getFields().node.type) as GraphQLCompositeType;
      // The edge itself is free; its node is the row.
      for (const [ek, en] of collect(w, edgeType, nodes)) {
        if (en[0].name.value === 'node') parts.push({ kind: 'edges', key, nodeKey: ek, type: nodeType, nodes: en });
      }
    }
  }
  w.connections.set(from, parts);
  return parts;
}

/** A connection's rows: `edges { node }` and `nodes` each multiply by the page (or the rows returned). */
function connectionCost(w: Walk, conn: GraphQLObjectType, from: Source, data: Data | 'estimate', page: number): number {
  if (data === null || data === undefined) return 0;
  let sum = 0;
  for (const part of connectionParts(w, conn, from)) {
    if (part.kind === 'count') {
      sum += COST.count;
      continue;
    }
    if (data === 'estimate') {
      sum += page * (1 + selectionCost(w, part.type, part.nodes, 'estimate'));
      continue;
    }
    const rows = data[part.key];
    if (!Array.isArray(rows)) continue;
    for (const r of rows) {
      const row = (part.kind === 'edges' ? (r as Data)?.[part.nodeKey] : r) as Data | undefined;
      if (row != null) sum += 1 + selectionCost(w, part.type, part.nodes, row);
    }
  }
  return sum;
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables?: Record<string, unknown> | null;
}

function rootType(input: CostInput): GraphQLObjectType | undefined {
  const { schema, operation } = input;
  return (
    (operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()) ??
    undefined
  );
}

/** The cost of an operation before it runs (its upper bound under the model), at least 1. */
export function requestedCost(input: CostInput): number {
  const root = rootType(input);
  if (!root) return 1;
  return Math.max(1, selectionCost(walkOf(input), root, input.operation, 'estimate'));
}

/** The cost of what was actually returned (`data` of the response), at least 1; above `requestedCost` when a list was longer than the model assumed. */
export function actualCost(input: CostInput, data: Record<string, unknown> | null | undefined): number {
  const root = rootType(input);
  if (!root || !data) return 1;
  return Math.max(1, selectionCost(walkOf(input), root, input.operation, data));
}
