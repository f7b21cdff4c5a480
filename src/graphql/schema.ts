import 'reflect-metadata';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { getPubSub } from './pubsub';
import { RateLimitResolver } from './limits/rate-limit.resolver';
import { NodeResolver } from './node.resolver';
import { sqlRegistry } from './sql/registry';

/**
 * Reads a value object's field by its name: objects PostgreSQL builds as JSON inside a compiled
 * field (Money in a price card), keyed by field name, not by alias.
 */
export const byFieldName: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) => source[info.fieldName];

/**
 * True when type-graphql's resolver of `field` is a plain read of the property of the same name
 * (no middleware, no field resolver): it hands back exactly what a probe object holds, at once.
 */
function readsProperty(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): boolean {
  if (!field.resolve) return true;
  const probe = {};
  try {
    return field.resolve({ [field.name]: probe }, {}, {}, { fieldName: field.name, parentType: type } as GraphQLResolveInfo) === probe;
  } catch {
    return false;
  }
}

/** Reads a compiled object's value by response key (alias), the way the SQL compiler built it. */
export const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) => source[info.path.key as string];

/**
 * The executable schema over the modules' resolvers (src/composition.ts hands them in) and the
 * API's own (node lookup, rate limit). type-graphql builds it from the decorated classes; its SQL
 * registry is read from the declarations it carries (sql/registry.ts: a field without SQL fails
 * here); then every field the SQL compiler produces gets a plain property read as its resolver (no
 * per-field middleware), which keeps CPU per row close to a hand-written server.
 */
export async function buildSchemaFrom(moduleResolvers: readonly Function[]): Promise<GraphQLSchema> {
  {
    const resolvers = [NodeResolver, RateLimitResolver, ...moduleResolvers] as NonEmptyArray<Function>;
    const schema = await buildSchema({
      resolvers,
      validate: false,
      // The schema is cached, the bus can be swapped for Redis later (setPubSub): always ask for the current one.
      pubSub: {
        publish: (topic, ...args) => (getPubSub() as unknown as PubSub).publish(topic, ...args),
        subscribe: (topic, id) => (getPubSub() as unknown as PubSub).subscribe(topic, id),
      },
    });
    const query = schema.getQueryType();
    if (query) {
      query.description =
        'Read the CBEC ecosystem of Chongqing: lists with filters and cursors, lookups by ID or natural key, search, geography, statistics and policy progress (查询入口)';
    }
    const mutation = schema.getMutationType();
    if (mutation) {
      mutation.description = 'Change data with an API key (each mutation says whose); expected problems come back in each payload’s `errors` (变更入口)';
    }
    const subscription = schema.getSubscriptionType();
    if (subscription) {
      subscription.description =
        'Live updates over WebSocket (graphql-ws protocol, same /graphql URL) with an API key in the connection_init payload (订阅入口)';
    }
    const registry = sqlRegistry(schema);
    const values = new Set<GraphQLObjectType>();
    const valueType = (type: GraphQLObjectType) => {
      if (values.has(type) || registry.types[type.name]) return;
      const fields = Object.values(type.getFields());
      if (!fields.every((f) => readsProperty(type, f))) return;
      values.add(type);
      for (const f of fields) {
        const named = getNamedType(f.type);
        if (isObjectType(named)) valueType(named);
      }
    };
    for (const name of registry.compiledTypes) {
      const type = schema.getType(name) as GraphQLObjectType;
      const spec = registry.types[name];
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        const kind = spec.fields[fieldName].kind;
        if (kind !== 'resolver') field.resolve = byResponseKey;
        const named = getNamedType(field.type);
        // JSON built by a field's SQL (Money), or the nodes of a connection built in JavaScript (search hits).
        if ((kind === 'expr' || kind === 'produced') && isObjectType(named)) valueType(named);
      }
    }
    // Value objects (built as JSON by a field's SQL, or in JavaScript for a produced connection):
    // each field a read of the same name, as before, but one that compiled execution (execute.ts) recognises.
    for (const type of values) for (const field of Object.values(type.getFields())) field.resolve = byFieldName;
    return schema;
  }
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs show real changes only). */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
