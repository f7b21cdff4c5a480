import 'reflect-metadata';
import { execute, GraphQLScalarType, type GraphQLSchema, parse, type OperationDefinitionNode } from 'graphql';
import { Field, FieldResolver, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { executeOperation } from './execute';
import { buildSchemaFrom } from './schema';
import { Sql, SqlObject } from './sql/declare';
import { col, one, resolver } from './sql/fields';

/*
 * The compiled executor against graphql-js on the same schema and the same rows: what the rows hold
 * is whatever a test puts in `rows` (the root resolvers hand them out as the SQL compiler would,
 * keyed by response key).
 */

enum Mode {
  SEA = 'sea',
  AIR = 'air',
}
registerEnumType(Mode, { name: 'ExecMode', description: 'A mode' });

const Stamp = new GraphQLScalarType({
  name: 'ExecStamp',
  description: 'Seconds, served as an ISO string',
  serialize: (v) => new Date(Number(v) * 1000).toISOString(),
});

@SqlObject({ table: 'owner' })
@ObjectType({ description: 'An owner' })
class ExecOwner {
  @Sql(col('name'))
  @Field({ description: 'Name' })
  name!: string;
}

@SqlObject({ table: 'thing' })
@ObjectType({ description: 'A thing' })
class ExecThing {
  @Sql(col('name'))
  @Field({ description: 'Name' })
  name!: string;

  @Sql(col('size'))
  @Field(() => Int, { nullable: true, description: 'Size' })
  size?: number;

  @Sql(col('mode'))
  @Field(() => Mode, { description: 'Mode' })
  mode!: Mode;

  @Sql(col('tags'))
  @Field(() => [String], { description: 'Tags' })
  tags!: string[];

  @Sql(col('at'))
  @Field(() => Stamp, { nullable: true, description: 'When' })
  at?: number;

  @Sql(one((t, c) => `owner ${c} where ${c}.id = ${t}.owner_id`))
  @Field(() => ExecOwner, { nullable: true, description: 'Owner' })
  owner?: ExecOwner;
}

let rows: unknown = [];
let calls = 0;

@Resolver(() => ExecThing)
class ExecQueries {
  @Query(() => [ExecThing], { description: 'Things' })
  things() {
    calls += 1;
    if (rows instanceof Error) throw rows;
    return rows;
  }

  @Query(() => ExecThing, { nullable: true, description: 'One thing' })
  thing() {
    return (rows as unknown[])[0] ?? null;
  }

  @Sql(resolver())
  @FieldResolver(() => String, { description: 'Made in JavaScript' })
  label(@Root() row: Record<string, unknown>) {
    return `label of ${String(row.$id)}`;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchemaFrom([ExecQueries]);
});

function both(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const context = { usage: {} as { executor?: string } };
  const rc = { schema, document, operation, context, variables };
  return {
    compiled: async () => ({ result: JSON.parse(JSON.stringify(await executeOperation(rc))), executor: context.usage.executor }),
    reference: async () => JSON.parse(JSON.stringify(await execute({ schema, document, contextValue: {}, variableValues: variables }))),
  };
}

// Rows are keyed by response key, as the compiler builds them (`n` for the alias `n: name`).
const row = (over: Record<string, unknown> = {}) => ({ name: 'a', n: 'a', size: 3, mode: 'sea', tags: ['x', 'y'], at: 0, owner: { name: 'o' }, ...over });

describe('compiled execution (src/graphql/execute.ts)', () => {
  it('answers as graphql-js does: aliases, __typename, enums by name, custom scalars, nested objects, fragments', async () => {
    rows = [row(), row({ name: 'b', n: 'b', size: null, mode: 'air', at: null, owner: null })];
    const q = both(`query { __typename list: things { __typename n: name size mode tags at ...F } } fragment F on ExecThing { owner { name } }`);
    const compiled = await q.compiled();
    expect(compiled.executor).toBe('compiled');
    expect(compiled.result).toEqual(await q.reference());
    expect(compiled.result.data.list[0]).toEqual({
      __typename: 'ExecThing',
      n: 'a',
      size: 3,
      mode: 'SEA',
      tags: ['x', 'y'],
      at: '1970-01-01T00:00:00.000Z',
      owner: { name: 'o' },
    });
    expect(Object.keys(compiled.result.data.list[0])).toEqual(['__typename', 'n', 'size', 'mode', 'tags', 'at', 'owner']);
  });

  it('a row that breaks the schema (null where non-null, a bad enum value) is answered by graphql-js, with its error', async () => {
    for (const bad of [row({ name: null }), row({ mode: 'rail' }), row({ tags: 'x' })]) {
      rows = [bad];
      const q = both('{ things { name mode tags } }');
      const compiled = await q.compiled();
      expect(compiled.executor).toBe('graphql-js');
      expect(compiled.result).toEqual(await q.reference());
      expect(compiled.result.errors).toHaveLength(1);
    }
  });

  it('a root resolver that throws: the error is located at its field; a non-null root field nulls the data', async () => {
    rows = new Error('boom');
    const q = both('{ things { name } }');
    const compiled = await q.compiled();
    expect(compiled.executor).toBe('compiled');
    expect(compiled.result).toEqual(await q.reference());
    expect(compiled.result).toEqual({ data: null, errors: [{ message: 'boom', locations: [{ line: 1, column: 3 }], path: ['things'] }] });
    rows = [];
    const nullable = both('{ thing { name } }');
    expect((await nullable.compiled()).result).toEqual({ data: { thing: null } });
  });

  it('operations it has no plan for run on graphql-js: fields with resolvers, directives, introspection, bad variables', async () => {
    rows = [row()];
    for (const [query, variables] of [
      ['{ things { name label } }', undefined],
      ['query($s: Boolean!) { things { name @skip(if: $s) } }', { s: true }],
      ['{ __schema { queryType { name } } }', undefined],
      ['query($n: Int!) { things { name } }', { n: 'many' }],
    ] as const) {
      const q = both(query, variables);
      const compiled = await q.compiled();
      expect(compiled.executor).toBe('graphql-js');
      expect(compiled.result).toEqual(await q.reference());
    }
  });

  it('each response key of a root field runs its resolver, as on graphql-js', async () => {
    rows = [row()];
    calls = 0;
    const q = both('{ a: things { name } b: things { name } }');
    expect((await q.compiled()).result.data).toEqual({ a: [{ name: 'a' }], b: [{ name: 'a' }] });
    expect(calls).toBe(2);
  });
});
