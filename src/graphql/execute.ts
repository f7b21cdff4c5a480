import { type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap, type HTTPGraphQLHead } from '@apollo/server';
import {
  execute,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLAbstractType,
  type GraphQLFormattedError,
  isAbstractType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  locatedError,
  type OperationDefinitionNode,
  type DocumentNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { Context } from './context';
import { fragmentsOf, hasDirectives } from './document';
import { byFieldName, byResponseKey } from './schema';
import { collectFields } from './sql/compile';
import { sqlRegistry } from './sql/registry';

/**
 * Execution of operations whose answer PostgreSQL builds whole.
 *
 * A page of warehouses with their operators is one SQL statement whose rows are already the
 * objects of the answer, keyed by response key (sql/compile.ts). graphql-js would still visit each
 * of those values field by field: a resolver call, a promise check, a path object and a type check
 * per field and row (a fifth of a 20-row list's CPU in the profile). For an operation whose every
 * field below the root is such a key read (`byResponseKey`) of a compiled type, a plan made once per
 * operation completes the rows directly: the same checks graphql-js makes (non-null fields, lists,
 * leaf values through their scalar's or enum's `serialize`), none of its per-field machinery. The
 * root fields' resolvers run as graphql-js runs them (arguments coerced, an `info`, errors located
 * at their field), so the public-service gate, access rules and errors are those of every request.
 *
 * Anything else — introspection, abstract types, fields with their own resolvers (contacts,
 * matchmaking, statistics), directives, subscriptions, mutations — runs on graphql-js, and so does
 * an operation whose rows break the plan's assumptions (a null where the schema says non-null):
 * graphql-js then reports it exactly as it always did.
 *
 * Apollo Server runs it from a plugin (`compiledExecutionPlugin`, Apollo's `responseForOperation`):
 * the request pipeline and the other plugins are Apollo's, unchanged.
 */

/** Thrown while completing when a value is not what the plan expects: the operation reruns on graphql-js. */
class Unplanned extends Error {}

type Complete = (value: unknown) => unknown;

/** An operation's plan: its root fields, and the document's fragments the root resolvers see in `info`. */
interface Plan {
  steps: RootStep[];
  fragments: Record<string, FragmentDefinitionNode>;
}

interface RootStep {
  key: string;
  typename?: string;
  field?: GraphQLField<unknown, unknown>;
  nodes?: FieldNode[];
  complete?: Complete;
  nonNull?: boolean;
}

function completer(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  /** The field's values name their type in this key (a field's `typedBy` extension). */
  typedBy?: string,
): Complete | null {
  if (isNonNullType(type)) {
    const inner = completer(schema, type.ofType, nodes, fragments, typedBy);
    if (!inner) return null;
    return (v) => {
      if (v == null) throw new Unplanned();
      return inner(v);
    };
  }
  if (isListType(type)) {
    const item = completer(schema, type.ofType, nodes, fragments, typedBy);
    if (!item) return null;
    return (v) => {
      if (v == null) return null;
      if (!Array.isArray(v)) throw new Unplanned();
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = item(v[i]);
      return out;
    };
  }
  if (isLeafType(type)) {
    // Enums and custom scalars serialize as graphql-js would; the built-in scalars check the value.
    const serialize = type.serialize.bind(type);
    // String and Boolean hand a value of their own JavaScript type back as it is.
    const plain = isEnumType(type) ? undefined : type.name === 'String' ? 'string' : type.name === 'Boolean' ? 'boolean' : undefined;
    return (v) => {
      if (v == null) return null;
      if (plain && typeof v === plain) return v;
      let out: unknown;
      try {
        out = serialize(v);
      } catch {
        throw new Unplanned();
      }
      if (out == null) throw new Unplanned();
      return out;
    };
  }
  if (isAbstractType(type)) return abstractCompleter(schema, type, nodes, fragments, typedBy);
  if (!isObjectType(type)) return null;
  return objectCompleter(schema, type, nodes, fragments);
}

/**
 * An interface or union whose rows name their type in a key (`typedBy`, declared on the type, as
 * Node's `$t`, or on the field, as a search hit's node; their resolveType reads the same key): one
 * plan per possible type, chosen by that key. A row naming no planned type sends the operation to
 * graphql-js.
 */
function abstractCompleter(
  schema: GraphQLSchema,
  type: GraphQLAbstractType,
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  fieldTypedBy?: string,
): Complete | null {
  const typedBy = fieldTypedBy ?? (type.extensions as { typedBy?: string }).typedBy;
  if (!typedBy) return null;
  const byName = new Map<string, Complete>();
  for (const possible of schema.getPossibleTypes(type)) {
    const complete = objectCompleter(schema, possible, nodes, fragments);
    if (!complete) return null;
    byName.set(possible.name, complete);
  }
  return (v) => {
    if (v == null) return null;
    const name = (v as Record<string, unknown>)[typedBy];
    const complete = typeof name === 'string' ? byName.get(name) : undefined;
    if (!complete) throw new Unplanned();
    return complete(v);
  };
}

function objectCompleter(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): Complete | null {
  const spec = sqlRegistry(schema).types[type.name];
  if (type.isTypeOf) return null;
  // A compiled type's objects are keyed by response key; a value object's (Money) by field name.
  const read = spec ? byResponseKey : byFieldName;
  const defs = type.getFields();
  const keys: string[] = [];
  /** Where each key's value is read from: the response key, or the field name. */
  const from: string[] = [];
  const steps: (Complete | string)[] = [];
  const collected = collectFields(
    type.name,
    nodes.map((n) => n.selectionSet),
    { info: { schema, fragments, variableValues: {} } },
  );
  for (const [key, fieldNodes] of collected) {
    const name = fieldNodes[0].name.value;
    keys.push(key);
    from.push(spec ? key : name);
    if (name === '__typename') {
      steps.push(type.name);
      continue;
    }
    const def = defs[name];
    if (!def || def.resolve !== read || spec?.fields[name]?.kind === 'resolver') return null;
    const sub = completer(schema, def.type, fieldNodes, fragments, (def.extensions as { typedBy?: string }).typedBy);
    if (!sub) return null;
    steps.push(sub);
  }
  const n = keys.length;
  return (v) => {
    if (v == null) return null;
    if (typeof v !== 'object') throw new Unplanned();
    const source = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const step = steps[i];
      out[keys[i]] = typeof step === 'string' ? step : step(source[from[i]]);
    }
    return out;
  };
}

/** The plan of an operation, or null when it runs on graphql-js. */
function planOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Plan | null {
  if (operation.operation !== 'query' || hasDirectives(document)) return null;
  const query = schema.getQueryType();
  if (!query) return null;
  const fragments = fragmentsOf(document);
  const compiled = sqlRegistry(schema).types;
  const steps: RootStep[] = [];
  for (const [key, nodes] of collectFields(query.name, [operation.selectionSet], { info: { schema, fragments, variableValues: {} } })) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      steps.push({ key, typename: query.name });
      continue;
    }
    const field = query.getFields()[name];
    if (!field) return null;
    // The root resolver hands out compiled objects: of a compiled type, or of an interface all of whose types are.
    const named = getNamedType(field.type);
    if (isAbstractType(named) ? !schema.getPossibleTypes(named).every((t) => compiled[t.name]) : !compiled[named.name]) return null;
    const complete = completer(schema, field.type, nodes, fragments);
    if (!complete) return null;
    steps.push({ key, field, nodes, complete, nonNull: isNonNullType(field.type) });
  }
  return { steps, fragments };
}

const plans = new WeakMap<OperationDefinitionNode, Plan | null>();

async function runPlan(
  { steps, fragments }: Plan,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variableValues: Record<string, unknown>,
  contextValue: unknown,
): Promise<ExecutionResult> {
  const query = schema.getQueryType()!;
  const errors: GraphQLError[] = [];
  let nulled = false;
  const values = await Promise.all(
    steps.map(async (step) => {
      if (step.typename) return step.typename;
      const field = step.field!;
      const nodes = step.nodes!;
      const path = { prev: undefined, key: step.key, typename: query.name };
      try {
        const args = getArgumentValues(field, nodes[0], variableValues);
        const info: GraphQLResolveInfo = {
          fieldName: field.name,
          fieldNodes: nodes,
          returnType: field.type,
          parentType: query,
          path,
          schema,
          fragments,
          rootValue: undefined,
          operation,
          variableValues,
        };
        const value = await (field.resolve ?? (() => undefined))(undefined, args, contextValue, info);
        if (value instanceof Error) throw value;
        return step.complete!(value);
      } catch (e) {
        if (e instanceof Unplanned) throw e;
        errors.push(locatedError(e, nodes, [step.key]));
        if (step.nonNull) nulled = true;
        return null;
      }
    }),
  );
  let data: Record<string, unknown> | null = null;
  if (!nulled) {
    data = {};
    for (let i = 0; i < steps.length; i++) data[steps[i].key] = values[i];
  }
  return errors.length ? { data, errors } : { data };
}

/** What an operation is run with: Apollo's request context or a test's, in the same terms. */
export interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation?: OperationDefinitionNode | null;
  context: unknown;
  variables?: Record<string, unknown>;
}

/**
 * Runs one operation by its plan, or returns null when it has none (or when its rows break the
 * plan, or its variables do not coerce): graphql-js answers those, errors and all.
 */
export async function executeCompiled({ schema, document, operation, context, variables }: Operation): Promise<ExecutionResult | null> {
  const usage = (context as Partial<Context>).usage;
  if (usage) usage.executor = 'graphql-js';
  if (!operation) return null;
  let plan = plans.get(operation);
  if (plan === undefined) {
    plan = planOf(schema, document, operation);
    plans.set(operation, plan);
  }
  if (!plan) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
  if (coerced.errors) return null;
  try {
    const result = await runPlan(plan, schema, operation, coerced.coerced, context);
    if (usage) usage.executor = 'compiled';
    return result;
  } catch (e) {
    if (e instanceof Unplanned) return null;
    throw e;
  }
}

/** Runs one operation: by its plan when it has one, else on graphql-js. */
export async function executeOperation(op: Operation & { operationName?: string | null }): Promise<ExecutionResult> {
  return (
    (await executeCompiled(op)) ??
    ((await execute({
      schema: op.schema,
      document: op.document,
      contextValue: op.context,
      variableValues: op.variables,
      operationName: op.operationName,
    })) as ExecutionResult)
  );
}

/**
 * Apollo Server runs operations through this plugin: a planned one is answered here (Apollo's
 * `responseForOperation`), anything else goes on to Apollo's own execution on graphql-js. After
 * the response cache's plugin, so a cached answer is served before any plan runs.
 *
 * (Apollo's gateway interface, the other way to hand it an executor, costs every request more than
 * the plan saves on small ones: `{ __typename }` ran at 12.0k req/s through it against 15.5k here,
 * p99 15.4 ms against 4.9 ms, with ~9 MB promoted to the old generation at each scavenge; bench:
 * wrk, 16 connections, --trace-gc.)
 *
 * Errors of a planned operation are formatted here as Apollo formats those of its own execution
 * (`formatError`, a code on every error, an `extensions.http` status taken out into the response).
 * Apollo's execution hooks (`executionDidStart`, `willResolveField`, `didEncounterErrors`) do not
 * see a planned operation: a plugin that needs them (Apollo's usage reporting, tracing) needs
 * COMPILED_EXECUTION=false.
 */
export function compiledExecutionPlugin(formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError): ApolloServerPlugin<Context> {
  const listener: GraphQLRequestListener<Context> = {
    async responseForOperation(rc) {
      let result: ExecutionResult | null;
      try {
        result = await executeCompiled({
          schema: rc.schema,
          document: rc.document,
          operation: rc.operation,
          context: rc.contextValue,
          variables: rc.request.variables,
        });
      } catch (e) {
        // Resolvers' errors are in the result; anything thrown is the plan's own failure: graphql-js
        // answers instead, through Apollo's pipeline (its errors, its hooks), as for an unplanned operation.
        rc.contextValue.logger?.warn('compiled execution failed; answered by graphql-js', { err: (e as Error)?.message, requestId: rc.contextValue.requestId });
        const usage = rc.contextValue.usage;
        if (usage) usage.executor = 'graphql-js';
        return null;
      }
      if (!result) return null;
      const http: HTTPGraphQLHead = { headers: new HeaderMap(), status: undefined };
      if (!result.errors) return { http, body: { kind: 'single', singleResult: result } };
      const errors = result.errors.map((e) => {
        const extensions: Record<string, unknown> = { ...e.extensions, code: e.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
        const head = extensions.http as Partial<HTTPGraphQLHead> | undefined;
        if (head && typeof head === 'object') {
          if (typeof head.status === 'number') http.status = head.status;
          if (head.headers instanceof Map) for (const [k, v] of head.headers) http.headers.set(k, v);
          delete extensions.http;
        }
        try {
          return formatError({ ...e.toJSON(), extensions }, e);
        } catch {
          return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
        }
      });
      return { http, body: { kind: 'single', singleResult: { ...result, errors } } };
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
