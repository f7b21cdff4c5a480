import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { FieldSpec, SqlType } from './compile';
import { SQL_EXTENSION, type DeclaredFieldSpec, type SqlObjectExtension } from './declare';
import type { Params } from './params';

/**
 * The SQL registry of one schema: what the compiler may build and how, read once from the
 * declarations the schema carries (sql/declare.ts). It is made from the built schema rather than
 * filled as modules are imported, so it holds exactly the types and fields that schema serves, a
 * field declared by another module (Enterprise.warehouses by the warehouse module) needs no import
 * order, and a gap is found when the schema is built, not when a query first reaches it.
 */
export interface SqlRegistry {
  /** Every type whose objects the compiler builds (tables, value objects, produced shapes), by name. */
  readonly types: Readonly<Record<string, SqlType>>;
  /** Names of those types: their fields read the compiled object by response key (schema.ts). */
  readonly compiledTypes: readonly string[];
  /** Types `node(id:)` and `nodes(ids:)` can fetch, by name. */
  readonly nodes: Readonly<Record<string, NodeKey>>;
}

/**
 * Row-level access for types not everyone may read: a condition over alias `t` (params via `p`);
 * `viewerId` is the caller's enterprise, undefined when anonymous.
 */
export type NodeAccess = (t: string, viewerId: number | undefined, p: Params) => string;

/** How a node type's rows are found by the key of a global ID. */
export interface NodeKey {
  table: string;
  column: string;
  keyType: 'int' | 'text';
  access?: NodeAccess;
}

/** The interface every type with a global ID implements (types/relay.ts). */
const NODE_INTERFACE = 'Node';

const bySchema = new WeakMap<GraphQLSchema, SqlRegistry>();

/**
 * The registry of `schema`, built on first use and kept as long as the schema (buildSchemaFrom
 * builds it up front, so a missing declaration fails the build). The compiler finds it through
 * `info.schema`.
 */
export function sqlRegistry(schema: GraphQLSchema): SqlRegistry {
  let registry = bySchema.get(schema);
  if (!registry) {
    registry = buildSqlRegistry(schema);
    bySchema.set(schema, registry);
  }
  return registry;
}

/**
 * Walks the schema's object types once. Throws, naming the type and field, when a compiled type has
 * a field without SQL, when a relation leads to a type the compiler cannot build, or when a type
 * implementing Node cannot be fetched by `node(id:)`. The result is frozen throughout.
 */
export function buildSqlRegistry(schema: GraphQLSchema): SqlRegistry {
  const objects = Object.values(schema.getTypeMap()).filter(isObjectType);
  const declared = new Map<string, SqlObjectExtension>();
  for (const type of objects) {
    const ext = type.extensions[SQL_EXTENSION] as SqlObjectExtension | undefined;
    if (ext) declared.set(type.name, ext);
  }

  const types: Record<string, SqlType> = Object.create(null);
  const nodes: Record<string, NodeKey> = Object.create(null);
  for (const type of objects) {
    const ext = declared.get(type.name);
    const isNode = type.getInterfaces().some((i) => i.name === NODE_INTERFACE);
    if (!ext) {
      if (isNode) throw new Error(`${type.name} implements ${NODE_INTERFACE} but declares no SQL: add @SqlObject({ table }) so node(id:) can fetch it`);
      continue;
    }
    if (ext.kind === 'produced') {
      const fields = Object.fromEntries(Object.keys(type.getFields()).map((f) => [f, Object.freeze({ kind: 'produced' }) as FieldSpec]));
      types[type.name] = Object.freeze({ name: type.name, table: '', key: () => 'null', fields: Object.freeze(fields) });
      continue;
    }
    let node: NodeKey | undefined;
    if (isNode) {
      if (!ext.table) throw new Error(`${type.name} implements ${NODE_INTERFACE} but has no table: node(id:) could not fetch it`);
      node = Object.freeze({ table: ext.table, column: ext.node?.column ?? 'id', keyType: ext.node?.keyType ?? 'int', access: ext.node?.access });
      nodes[type.name] = node;
    } else if (ext.node) {
      throw new Error(`${type.name} has node options but does not implement ${NODE_INTERFACE}`);
    }
    const keyColumn = node?.column ?? 'id';
    const key = ext.key ?? (ext.table ? (t: string) => `${t}.${keyColumn}` : () => 'null');
    const fields: Record<string, FieldSpec> = {};
    for (const [name, field] of Object.entries(type.getFields())) fields[name] = resolveField(type, field, declared);
    types[type.name] = Object.freeze({ name: type.name, table: ext.table, key, fields: Object.freeze(fields), node });
  }
  return Object.freeze({ types: Object.freeze(types), compiledTypes: Object.freeze(Object.keys(types)), nodes: Object.freeze(nodes) });
}

/** A field's declaration with the related type filled in from the schema, and checked. */
function resolveField(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, declared: ReadonlyMap<string, SqlObjectExtension>): FieldSpec {
  const where = `${type.name}.${field.name}`;
  const spec = field.extensions[SQL_EXTENSION] as DeclaredFieldSpec | undefined;
  if (!spec) throw new Error(`${where} has no SQL: declare it with @Sql(…) beside its @Field or @FieldResolver`);
  switch (spec.kind) {
    case 'expr':
    case 'resolver':
      return Object.freeze({ ...spec });
    case 'one':
    case 'many':
    case 'inline': {
      const related = getNamedType(field.type).name;
      if (declared.get(related)?.kind !== 'object') throw new Error(`${where} is ${spec.kind} ${related}, which declares no SQL (@SqlObject)`);
      return Object.freeze({ ...spec, type: related });
    }
    case 'connection': {
      const conn = getNamedType(field.type);
      const nodesField = isObjectType(conn) ? conn.getFields().nodes : undefined;
      if (!nodesField || declared.get(conn.name)?.kind !== 'produced') throw new Error(`${where} is a connection but ${conn.name} is not a Connection(…) type`);
      const related = getNamedType(nodesField.type).name;
      if (declared.get(related)?.kind !== 'object') throw new Error(`${where} is a connection of ${related}, which declares no SQL (@SqlObject)`);
      return Object.freeze({ ...spec, type: related });
    }
    default:
      throw new Error(`${where}: unknown SQL field kind ${(spec as { kind: unknown }).kind}`);
  }
}
