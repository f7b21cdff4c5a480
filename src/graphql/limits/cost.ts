import {
  getNamedType, getNullableType, isAbstractType, isCompositeType, isListType, isObjectType, Kind,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLObjectType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
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
  /** With `size` on a field returning an object: the list field inside it that `size` describes (e.g. `matches`). */
  sizedField?: string;
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

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Field nodes of `sets` that apply to the object type, by response key (the compiler's own collection). */
function collect(w: Walk, type: GraphQLObjectType, sets: readonly (SelectionSetNode | undefined)[]): Map<string, FieldNode[]> {
  return collectFields(type.name, sets, { info: { schema: w.schema, fragments: w.fragments, variableValues: w.variables } });
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

/** Items of a response list, or undefined when there is no data to count (requested cost). */
function itemsOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Cost of a selection on `type`, for each of `data`'s objects when given (actual), else once (requested). */
function selectionCost(w: Walk, type: GraphQLCompositeType, sets: readonly (SelectionSetNode | undefined)[], data: Data | 'estimate', sized?: { field: string; size: number }): number {
  if (data === null) return 0;
  const types = isAbstractType(type) ? w.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
  let worst = 0;
  for (const t of types) {
    let sum = 0;
    for (const [key, nodes] of collect(w, t, sets)) sum += fieldCost(w, t, key, nodes, data === 'estimate' ? 'estimate' : (data?.[key] as Data | undefined), sized);
    worst = Math.max(worst, sum);
  }
  return worst;
}

function fieldCost(w: Walk, parent: GraphQLObjectType, key: string, nodes: FieldNode[], data: unknown | 'estimate', sized?: { field: string; size: number }): number {
  const name = nodes[0].name.value;
  if (name === '__typename') return 0;
  if (name === '__schema') return COST.schema;
  if (name === '__type') return COST.introspection;
  const def = parent.getFields()[name];
  if (!def) return 0;
  const named = getNamedType(def.type);
  const ext = costOf(def);
  // The field's own weight, charged once: declared on expensive fields, 10 for a mutation.
  const weight = (ext?.weight ?? 0) + (parent === w.schema.getMutationType() ? COST.mutation : 0);
  if (!isCompositeType(named)) return weight;
  const estimate = data === 'estimate';
  // Actual cost of an object field that returned nothing: only its weight (the work was done).
  if (!estimate && (data === null || data === undefined)) return weight;
  const sets = nodes.map((n) => n.selectionSet);
  const args = def.args.length ? getArgumentValues(def, nodes[0], w.variables) : {};
  // A record (a type with an `id`, or any Node) is a row looked up: 1 each. A value object built
  // from its parent's row (money, a point, score parts, a payload) costs nothing of its own.
  const each = isRecord(named) ? 1 : 0;

  if (isConnection(named)) {
    const page = clamp(args.first ?? args.last, COST.defaultPageSize, COST.maxPageSize);
    return weight + 1 + connectionCost(w, named as GraphQLObjectType, sets, estimate ? 'estimate' : (data as Data), page);
  }
  const size = ext?.size ? clamp(ext.size(args), 0, ext.maxSize ?? COST.maxPageSize) : undefined;
  if (isListType(getNullableType(def.type))) {
    const n = size ?? (sized?.field === key ? sized.size : ext?.listSize ?? COST.defaultListSize);
    if (estimate) return weight + n * (each + selectionCost(w, named, sets, 'estimate'));
    let sum = weight;
    for (const item of itemsOf(data) ?? []) sum += item === null ? 0 : each + selectionCost(w, named, sets, item as Data);
    return sum;
  }
  const inner = ext?.sizedField && size !== undefined ? { field: ext.sizedField, size } : undefined;
  // An expensive field's weight stands for its lookup.
  return weight + (ext?.weight !== undefined ? 0 : each) + selectionCost(w, named, sets, estimate ? 'estimate' : (data as Data), inner);
}

/** A connection's rows: `edges { node }` and `nodes` each multiply by the page (or the rows returned). */
function connectionCost(w: Walk, conn: GraphQLObjectType, sets: readonly (SelectionSetNode | undefined)[], data: Data | 'estimate', page: number): number {
  if (data === null) return 0;
  let sum = 0;
  for (const [key, nodes] of collect(w, conn, sets)) {
    const name = nodes[0].name.value;
    if (name === 'totalCount') sum += COST.count;
    if (name !== 'edges' && name !== 'nodes') continue;
    const def = conn.getFields()[name];
    const itemType = getNamedType(def.type) as GraphQLObjectType;
    const rows = data === 'estimate' ? undefined : itemsOf(data?.[key]);
    const childSets = nodes.map((n) => n.selectionSet);
    if (name === 'nodes') {
      if (!rows) sum += page * (1 + selectionCost(w, itemType, childSets, 'estimate'));
      else for (const r of rows) sum += r === null ? 0 : 1 + selectionCost(w, itemType, childSets, r as Data);
      continue;
    }
    // edges: the edge itself is free; its node is the row.
    const edgeFields = collect(w, itemType, childSets);
    for (const [ek, en] of edgeFields) {
      if (en[0].name.value !== 'node') continue;
      const nodeType = getNamedType(itemType.getFields().node.type) as GraphQLCompositeType;
      const nodeSets = en.map((n) => n.selectionSet);
      if (!rows) sum += page * (1 + selectionCost(w, nodeType, nodeSets, 'estimate'));
      else for (const r of rows) {
        const node = (r as Data)?.[ek] as Data | undefined;
        sum += node == null ? 0 : 1 + selectionCost(w, nodeType, nodeSets, node);
      }
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
  return (operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()) ?? undefined;
}

/** The cost of an operation before it runs (its upper bound under the model), at least 1. */
export function requestedCost(input: CostInput): number {
  const root = rootType(input);
  if (!root) return 1;
  const w: Walk = { schema: input.schema, fragments: input.fragments, variables: input.variables ?? {} };
  return Math.max(1, selectionCost(w, root, [input.operation.selectionSet], 'estimate'));
}

/** The cost of what was actually returned (`data` of the response), at least 1; never above `requestedCost`. */
export function actualCost(input: CostInput, data: Record<string, unknown> | null | undefined): number {
  const root = rootType(input);
  if (!root || !data) return 1;
  const w: Walk = { schema: input.schema, fragments: input.fragments, variables: input.variables ?? {} };
  return Math.max(1, selectionCost(w, root, [input.operation.selectionSet], data));
}

/** Fragment definitions of a document by name. */
export function fragmentsOf(document: { definitions: readonly { kind: string }[] }): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[(d as FragmentDefinitionNode).name.value] = d as FragmentDefinitionNode;
  return out;
}
