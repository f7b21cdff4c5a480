import { ArgsType, Extensions, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { Sql, SqlProduced } from '../sql/declare';
import { col, globalId } from '../sql/fields';
import { DateTimeScalar } from './scalars';

/**
 * Anything with a global ID; `node(id:)` and `nodes(ids:)` fetch any of them. The rows they hand
 * out carry the name of their type in `$t` (node.resolver.ts), which is how compiled execution
 * (execute.ts: `typedBy`) and `resolveType` tell them apart.
 */
@Extensions({ typedBy: '$t' })
@InterfaceType('Node', {
  description: 'An object with a stable, opaque global ID (全局唯一标识的对象)',
  resolveType: (value: { $t?: string }) => value.$t,
})
export abstract class Node {
  // One declaration for every node type: the SQL takes the type's name and key column.
  @Sql(globalId())
  @Field(() => ID, { description: 'Opaque global ID; stable across releases (不透明的全局ID)' })
  id!: string;
}

@SqlProduced()
@ObjectType({ description: 'Where a page sits in a list (分页信息)' })
export class PageInfo {
  @Field({ description: 'More rows follow this page (是否有下一页)' })
  hasNextPage!: boolean;

  @Field({ description: 'Rows come before this page (是否有上一页)' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row; pass as `before` for the previous page' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row; pass as `after` for the next page' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true, description: 'Rows from the start (or after `after`): 1–100, default 20 (每页条数)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows after this cursor (游标之后)' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows from the end (or before `before`): 1–100' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows before this cursor (游标之前)' })
  before?: string | null;
}

/**
 * Builds `XEdge` and `XConnection` for a node type. `edgeBase` (an abstract @ObjectType) adds
 * relationship fields to the edge, e.g. when a tenant moved into a park; give such connections
 * their own `name`.
 */
export function Connection<T extends object>(node: ClassType<T>, name: string, zh: string, edgeBase?: ClassType) {
  const Base = (edgeBase ?? class {}) as ClassType;
  @SqlProduced()
  @ObjectType(`${name}Edge`, { description: `One ${node.name} in a ${name} list, with its cursor (${zh}及其游标)` })
  class EdgeType extends Base {
    @Field({ description: 'Opaque cursor of this row (游标)' })
    cursor!: string;

    @Field(() => node, { description: `The ${node.name} (${zh})` })
    node!: T;
  }

  @SqlProduced()
  @ObjectType(`${name}Connection`, { description: `A page of a ${name} list of ${node.name} objects (${zh}分页列表)` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'Rows with their cursors (带游标的行)' })
    edges!: EdgeType[];

    @Field(() => [node], { description: `The ${node.name} objects of this page, without cursors (本页${zh})` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging state (分页信息)' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter, all pages together; computed only when asked for (符合条件的总数)' })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * The fields every named record shares: bilingual names and timestamps. Types extend it instead of
 * repeating them (the localized `name(lang)` comes from NameResolver).
 */
@ObjectType('NamedNodeFields', { description: 'Bilingual names and timestamps (名称与时间戳)' })
export abstract class NamedNode extends Node {
  @Sql(col('name_zh'))
  @Field({ description: 'Chinese name (中文名称)' })
  nameZh!: string;

  @Sql(col('name_en'))
  @Field({ description: 'English name (英文名称)' })
  nameEn!: string;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, {
    description: 'When the record last changed; `updatedSince` filters on it (inclusive); for sync use the `changes` feed (更新时间)',
  })
  updatedAt!: string;
}
