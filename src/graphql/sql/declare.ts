import { Extensions, getMetadataStorage } from 'type-graphql';
import type { FieldSpec } from './compile';
import type { NodeAccess } from './registry';

/**
 * How a type and its fields say what SQL produces them: decorators beside the GraphQL ones, so a
 * field's SQL is written once, where the field is. They are type-graphql `@Extensions`, which puts
 * them into the built schema; sql/registry.ts reads them from there. Nothing is registered on
 * import: a schema only knows the SQL of the types and fields it was built from.
 *
 * ```ts
 * @SqlObject({ table: 'overseas_warehouse' })
 * @ObjectType({ implements: Node, description: '…' })
 * export class OverseasWarehouse extends NamedNode {
 *   @Sql(col('slug'))
 *   @Field({ description: '…' })
 *   slug!: string;
 * }
 * ```
 *
 * Fields inherited from a base class (Node.id, NamedNode's names and timestamps) carry the base
 * class's declaration, shared by every type that extends it; FieldArgs.type tells such SQL which
 * type it is compiling.
 */

/** The extension key, on object types and on fields. */
export const SQL_EXTENSION = 'sql';

/** What `@SqlObject` / `@SqlProduced` leave on an object type. */
export type SqlObjectExtension =
  /** Rows of `table`; with table '', a value object read from its parent's row. */
  | { kind: 'object'; table: string; key?: (t: string) => string; node?: SqlNodeOptions }
  /** Connection, edge and page-info shapes: the enclosing field's compilation builds them. */
  | { kind: 'produced' };

export interface SqlNodeOptions {
  /** Key column a global ID carries, default `id`. */
  column?: string;
  /** SQL type of that column, default `int`. */
  keyType?: 'int' | 'text';
  /** Row-level access when not everyone may read every row (matchmaking). */
  access?: NodeAccess;
}

export interface SqlObjectOptions {
  /** The table rows come from. */
  table: string;
  /** Primary-key expression over alias `t` (given to field resolvers as `$id`); default the node key column, else `id`. */
  key?: (t: string) => string;
  /**
   * For types implementing Node: how `node(id:)` finds a row. Every such type is a node type;
   * this only changes the defaults (`id`, int, no access rule).
   */
  node?: SqlNodeOptions;
}

/**
 * A field's SQL as declared: the related type of `one`, `many`, `connection` and `inline` is the
 * field's own GraphQL type, so the registry fills it in and a declaration cannot contradict it.
 */
export type DeclaredFieldSpec = Declared<FieldSpec>;
type Declared<S> = S extends { kind: 'produced' } ? never : S extends { type: string } ? Omit<S, 'type'> : S;

/**
 * Marks a GraphQL object type as one the SQL compiler builds. With a table, its objects are rows of
 * that table; without (`@SqlObject()`), a value object read from its parent's row, e.g. a price
 * card or a point, or a group row of a statistics query. A subclass without one of its own
 * inherits it (type-graphql merges class extensions down the prototype chain).
 */
export function SqlObject(options?: SqlObjectOptions): ClassDecorator {
  const ext: SqlObjectExtension = { kind: 'object', table: options?.table ?? '', key: options?.key, node: options?.node };
  return classExtension(ext);
}

/** Marks connection, edge and page-info types, whose objects the compiler shapes itself (relay.ts). */
export function SqlProduced(): ClassDecorator {
  return classExtension({ kind: 'produced' });
}

/** The SQL of one field: a helper of sql/fields.ts (`col`, `expr`, `one`, `connection` …). */
export function Sql(spec: DeclaredFieldSpec): PropertyDecorator & MethodDecorator {
  const extension: PropertyDecorator = Extensions({ [SQL_EXTENSION]: spec });
  return (prototype: object, property: string | symbol) => {
    refuseInheritedDeclaration(prototype.constructor, String(property));
    extension(prototype, property);
  };
}

function classExtension(ext: SqlObjectExtension): ClassDecorator {
  const extension = Extensions({ [SQL_EXTENSION]: ext });
  return (target) => {
    refuseInheritedDeclaration(target);
    extension(target);
  };
}

/**
 * type-graphql merges a class's extensions with its ancestors', and the ancestor's win (it reverses
 * the declaration order when it builds). A declaration on a class whose ancestor already has one
 * would be silently replaced, so it is refused here, where the mistake is made.
 */
function refuseInheritedDeclaration(target: Function, field?: string): void {
  const storage = getMetadataStorage();
  const entries = field === undefined ? storage.classExtensions : storage.fieldExtensions.filter((e) => e.fieldName === field);
  for (const e of entries) {
    if (e.target !== target && Object.prototype.isPrototypeOf.call(e.target, target) && SQL_EXTENSION in e.extensions) {
      const what = field === undefined ? target.name : `${target.name}.${field}`;
      throw new Error(
        `${what}: ${e.target.name} already declares its SQL, and type-graphql would keep the base class's declaration; declare it on one of them`,
      );
    }
  }
}
