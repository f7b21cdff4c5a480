import 'reflect-metadata';
import {
  GraphQLID,
  GraphQLInterfaceType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { Args, buildSchema, Field, FieldResolver, Float, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { globalIdSql } from '../ids';
import { buildSchemaFrom } from '../schema';
import { NameResolver } from '../types/name-resolver';
import { NestedPageArgs } from '../types/nested-args';
import { Connection, NamedNode, Node } from '../types/relay';
import { compileObject, newCompileCtx, type FieldArgs, type SqlType } from './compile';
import { Sql, SqlObject, SQL_EXTENSION } from './declare';
import { col, connection, expr, globalId, inline, many, one, resolver } from './fields';
import { Params } from './params';
import { buildSqlRegistry, sqlRegistry, type NodeAccess, type SqlRegistry } from './registry';

/*
 * A small domain declared the way modules declare theirs: a value object, two node types that
 * inherit Node.id and NamedNode's fields, a relation declared by a field resolver in another
 * class (as a module declares Enterprise.warehouses), a connection, and two localized fields on
 * one type.
 */

@SqlObject()
@ObjectType({ description: 'A point' })
class Spot {
  @Sql(col('lat'))
  @Field(() => Float, { description: 'Latitude' })
  lat!: number;
}

@SqlObject({ table: 'region', node: { column: 'code', keyType: 'text' } })
@ObjectType({ implements: Node, description: 'A region' })
class Region extends NamedNode {
  @Sql(col('code'))
  @Field({ description: 'Code' })
  code!: string;
}

const onlyOpen: NodeAccess = (t) => `${t}.is_open`;

@SqlObject({ table: 'place', node: { access: onlyOpen } })
@ObjectType({ implements: Node, description: 'A place' })
class Place extends NamedNode {
  @Sql(one((t, c) => `region ${c} where ${c}.code = ${t}.region_code`))
  @Field(() => Region, { description: 'Its region' })
  region!: Region;

  @Sql(inline())
  @Field(() => Spot, { description: 'Where' })
  spot!: Spot;

  @Sql(
    many(
      (t, c) => `region ${c} where ${c}.code = any(${t}.nearby_codes)`,
      (c) => `${c}.code`,
    ),
  )
  @Field(() => [Region], { description: 'Regions nearby' })
  nearby!: Region[];
}

const PlaceConnection = Connection(Place, 'Place', '地点');

@Resolver(() => Region)
class RegionPlacesResolver {
  @Sql(
    connection({
      source: (t, c) => `place ${c} where ${c}.region_code = ${t}.code`,
      order: (c) => [{ name: 'ID', expr: `${c}.id`, type: 'int', desc: false }],
    }),
  )
  @FieldResolver(() => PlaceConnection, { description: 'Places in the region' })
  places(@Root() row: Record<string, unknown>, @Args() _page: NestedPageArgs) {
    return row.places;
  }
}

@Resolver(() => Place)
class PlaceQueries {
  @Query(() => Place, { nullable: true, description: 'A place' })
  place() {
    return null;
  }

  /** Computed in JavaScript from the hidden keys the compiler adds to the row. */
  @Sql(resolver({ regionCode: (t) => `${t}.region_code` }))
  @FieldResolver(() => String, { description: 'A label made in JavaScript' })
  label(@Root() row: Record<string, unknown>) {
    return `${String(row.$regionCode)}/${String(row.$id)}`;
  }
}

const placeResolvers = [PlaceQueries, RegionPlacesResolver, NameResolver(Place), NameResolver(Place, 'city', 'City')];

/** Only reachable from its own query, so the good schema never holds it. */
@SqlObject({ table: 'gadget' })
@ObjectType({ description: 'A gadget' })
class Gadget {
  @Sql(col('a'))
  @Field({ description: 'Declared' })
  a!: string;

  @Field({ description: 'Not declared' })
  b!: string;
}

@Resolver()
class GadgetQueries {
  @Query(() => Gadget, { description: 'A gadget' })
  gadget() {
    return null;
  }
}

@ObjectType({ description: 'Built in JavaScript, no SQL' })
class Plain {
  @Field({ description: 'x' })
  x!: string;
}

@SqlObject({ table: 'widget' })
@ObjectType({ description: 'A widget' })
class Widget {
  @Sql(one((_t, c) => `plain ${c}`))
  @Field(() => Plain, { description: 'A relation to a type without SQL' })
  plain!: Plain;
}

@Resolver()
class WidgetQueries {
  @Query(() => Widget, { description: 'A widget' })
  widget() {
    return null;
  }
}

function argsFor(type: SqlType, args: Record<string, unknown> = {}): FieldArgs {
  const c = newCompileCtx({ schema: new GraphQLSchema({}), fragments: {}, variableValues: {} }, 'zh', new Params());
  return { args, c, type };
}

function exprSql(type: SqlType, field: string, args?: Record<string, unknown>): string {
  const f = type.fields[field];
  if (f.kind !== 'expr') throw new Error(`${type.name}.${field} is ${f.kind}`);
  return f.sql('t', argsFor(type, args));
}

describe('buildSqlRegistry: the SQL declared on a type-graphql schema', () => {
  let schema: GraphQLSchema;
  let registry: SqlRegistry;
  beforeAll(async () => {
    schema = await buildSchemaFrom(placeResolvers);
    registry = sqlRegistry(schema);
  });

  it('collects tables, value objects and the shapes Connection produces, nothing else', () => {
    expect([...registry.compiledTypes].sort()).toEqual(['PageInfo', 'Place', 'PlaceConnection', 'PlaceEdge', 'Region', 'Spot']);
    expect(registry.types.Place.table).toBe('place');
    expect(registry.types.Spot.table).toBe('');
    expect(registry.types.Spot.key('t')).toBe('null');
    expect(registry.types.PlaceConnection.fields).toEqual({
      edges: { kind: 'produced' },
      nodes: { kind: 'produced' },
      pageInfo: { kind: 'produced' },
      totalCount: { kind: 'produced' },
    });
    expect(registry.types.RateLimit).toBeUndefined();
  });

  it('fills in the related type of a relation from the field’s GraphQL type', () => {
    const f = registry.types.Place.fields;
    expect(f.region).toMatchObject({ kind: 'one', type: 'Region' });
    expect(f.spot).toEqual({ kind: 'inline', type: 'Spot' });
    expect(f.nearby).toMatchObject({ kind: 'many', type: 'Region' });
    // A connection's related type is its nodes' type; the field was declared by another resolver class.
    expect(registry.types.Region.fields.places).toMatchObject({ kind: 'connection', type: 'Place' });
    expect(f.label).toMatchObject({ kind: 'resolver' });
  });

  it('knows the node types: table, key column, key type and access rule; the key defaults to the node column', () => {
    expect(Object.keys(registry.nodes).sort()).toEqual(['Place', 'Region']);
    expect(registry.nodes.Region).toEqual({ table: 'region', column: 'code', keyType: 'text', access: undefined });
    expect(registry.nodes.Place).toEqual({ table: 'place', column: 'id', keyType: 'int', access: onlyOpen });
    expect(registry.types.Region.key('t')).toBe('t.code');
    expect(registry.types.Place.key('t')).toBe('t.id');
    expect(registry.types.Region.node).toBe(registry.nodes.Region);
  });

  it('gives every type the fields it inherits from Node and NamedNode, with SQL for that type', () => {
    const { Place: place, Region: region } = registry.types;
    for (const type of [place, region]) {
      expect(exprSql(type, 'nameZh')).toBe('t.name_zh');
      expect(exprSql(type, 'nameEn')).toBe('t.name_en');
      expect(exprSql(type, 'createdAt')).toBe('t.created_at');
      expect(exprSql(type, 'updatedAt')).toBe('t.updated_at');
    }
    // One declaration on Node.id, two IDs: each type's name and key column.
    expect(exprSql(place, 'id')).toBe(globalIdSql('Place', 't.id'));
    expect(exprSql(region, 'id')).toBe(globalIdSql('Region', 't.code'));
  });

  it('keeps each localized field’s own SQL when a type has two (type-graphql pairs resolvers by method name)', () => {
    const place = registry.types.Place;
    expect(exprSql(place, 'name')).toBe('t.name_zh');
    expect(exprSql(place, 'name', { lang: 'EN' })).toBe('t.name_en');
    expect(exprSql(place, 'city')).toBe('t.city_zh');
    expect(exprSql(place, 'city', { lang: 'EN' })).toBe('t.city_en');
  });

  it('is frozen throughout', () => {
    const place = registry.types.Place;
    for (const o of [registry, registry.types, registry.compiledTypes, registry.nodes, registry.nodes.Place, place, place.fields, place.fields.region]) {
      expect(Object.isFrozen(o)).toBe(true);
    }
    expect(() => {
      (registry.types as Record<string, SqlType>).Extra = place;
    }).toThrow(TypeError);
    expect(() => {
      (place.fields as Record<string, unknown>).region = { kind: 'expr', sql: () => 'null' };
    }).toThrow(TypeError);
  });

  it('is built once per schema and found from it; a schema has its own', async () => {
    expect(sqlRegistry(schema)).toBe(registry);
    const other = await buildSchemaFrom(placeResolvers);
    expect(sqlRegistry(other)).not.toBe(registry);
    expect(sqlRegistry(other).compiledTypes).toEqual(registry.compiledTypes);
  });

  it('reads compiled fields by response key, and leaves a resolver field its resolver; the compiler finds the registry through info.schema', () => {
    const placeType = schema.getType('Place') as GraphQLObjectType;
    const read = placeType.getFields().nameZh.resolve!;
    expect(read({ chosen: 'A' }, {}, {}, { path: { key: 'chosen' } } as never)).toBe('A');
    const label = placeType.getFields().label.resolve!;
    expect(label({ $id: 7, $regionCode: 'R1' }, {}, {}, { path: { key: 'label' } } as never)).toBe('R1/7');

    const op = parse('{ place { id nameZh name(lang: EN) city region { code } spot { lat } } }').definitions[0] as OperationDefinitionNode;
    const c = newCompileCtx({ schema, fragments: {}, variableValues: {} }, 'zh', new Params());
    expect(compileObject('Place', [op.selectionSet.selections[0] as FieldNode], 't', c)).toBe(
      `json_build_object('id', ${globalIdSql('Place', 't.id')}, 'nameZh', t.name_zh, 'name', t.name_en, 'city', t.city_zh, ` +
        `'region', (select json_build_object('code', t1.code) from region t1 where t1.code = t.region_code), 'spot', json_build_object('lat', t.lat))`,
    );
    // A resolver field selects nothing itself; the row carries the hidden keys its resolver reads.
    const withLabel = parse('{ place { label } }').definitions[0] as OperationDefinitionNode;
    expect(compileObject('Place', [withLabel.selectionSet.selections[0] as FieldNode], 't', c)).toBe(
      `json_build_object('$id', t.id, '$regionCode', t.region_code)`,
    );
  });
});

describe('buildSqlRegistry: what it refuses, when the schema is built', () => {
  it('a field of a compiled type without SQL, naming type and field', async () => {
    const schema = await buildSchema({ resolvers: [GadgetQueries], validate: false });
    expect(() => buildSqlRegistry(schema)).toThrow('Gadget.b has no SQL');
    await expect(buildSchemaFrom([GadgetQueries])).rejects.toThrow('Gadget.b has no SQL');
  });

  it('a relation to a type the compiler cannot build', async () => {
    const schema = await buildSchema({ resolvers: [WidgetQueries], validate: false });
    expect(() => buildSqlRegistry(schema)).toThrow('Widget.plain is one Plain, which declares no SQL');
  });

  /** Schemas written with graphql-js, to reach what type-graphql's decorators would not let through. */
  const nodeInterface = new GraphQLInterfaceType({ name: 'Node', fields: { id: { type: new GraphQLNonNull(GraphQLID) } } });
  const schemaOf = (...types: GraphQLObjectType[]) =>
    new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: Object.fromEntries(types.map((t) => [t.name.toLowerCase(), { type: t }])) }) });
  const idField = { type: new GraphQLNonNull(GraphQLID), extensions: { [SQL_EXTENSION]: globalId() } };

  it('a Node type without SQL: node(id:) could never fetch it', () => {
    const bare = new GraphQLObjectType({ name: 'Bare', interfaces: [nodeInterface], fields: { id: idField } });
    expect(() => buildSqlRegistry(schemaOf(bare))).toThrow('Bare implements Node but declares no SQL');
  });

  it('a Node type without a table', () => {
    const valueNode = new GraphQLObjectType({
      name: 'ValueNode',
      interfaces: [nodeInterface],
      fields: { id: idField },
      extensions: { [SQL_EXTENSION]: { kind: 'object', table: '' } },
    });
    expect(() => buildSqlRegistry(schemaOf(valueNode))).toThrow('ValueNode implements Node but has no table');
  });

  it('node options on a type that is not a Node', () => {
    const notNode = new GraphQLObjectType({
      name: 'NotNode',
      fields: { a: { type: GraphQLString, extensions: { [SQL_EXTENSION]: col('a') } } },
      extensions: { [SQL_EXTENSION]: { kind: 'object', table: 'not_node', node: { column: 'code' } } },
    });
    expect(() => buildSqlRegistry(schemaOf(notNode))).toThrow('NotNode has node options but does not implement Node');
  });

  it('a connection whose type is no Connection(…), and a connection of a type without SQL', () => {
    const row = new GraphQLObjectType({
      name: 'Row',
      fields: { a: { type: GraphQLString, extensions: { [SQL_EXTENSION]: col('a') } } },
      extensions: { [SQL_EXTENSION]: { kind: 'object', table: 'row' } },
    });
    const spec = connection({ source: (_t, c) => `row ${c}`, order: (c) => [{ name: 'ID', expr: `${c}.id`, type: 'int', desc: false }] });
    const holder = new GraphQLObjectType({
      name: 'Holder',
      fields: { rows: { type: row, extensions: { [SQL_EXTENSION]: spec } } },
      extensions: { [SQL_EXTENSION]: { kind: 'object', table: 'holder' } },
    });
    expect(() => buildSqlRegistry(schemaOf(holder))).toThrow('Holder.rows is a connection but Row is not a Connection(…) type');

    const plainConn = new GraphQLObjectType({
      name: 'PlainConnection',
      fields: { nodes: { type: new GraphQLObjectType({ name: 'Loose', fields: { x: { type: GraphQLString } } }) } },
      extensions: { [SQL_EXTENSION]: { kind: 'produced' } },
    });
    const owner = new GraphQLObjectType({
      name: 'Owner',
      fields: { loose: { type: plainConn, extensions: { [SQL_EXTENSION]: spec } } },
      extensions: { [SQL_EXTENSION]: { kind: 'object', table: 'owner' } },
    });
    expect(() => buildSqlRegistry(schemaOf(owner))).toThrow('Owner.loose is a connection of Loose, which declares no SQL');
  });

  it('a field kind it does not know', () => {
    const odd = new GraphQLObjectType({
      name: 'Odd',
      fields: { a: { type: GraphQLString, extensions: { [SQL_EXTENSION]: { kind: 'guess' } } } },
      extensions: { [SQL_EXTENSION]: { kind: 'object', table: 'odd' } },
    });
    expect(() => buildSqlRegistry(schemaOf(odd))).toThrow('Odd.a: unknown SQL field kind guess');
  });
});

describe('declarations type-graphql would silently override', () => {
  it('@SqlObject on a subclass of a class that has one (the base class’s would win)', () => {
    expect(() => {
      @SqlObject({ table: 'special_widget' })
      @ObjectType({ description: 'A special widget' })
      class SpecialWidget extends Widget {}
      return SpecialWidget;
    }).toThrow('SpecialWidget: Widget already declares its SQL');
  });

  it('@Sql on a field its base class already declares', () => {
    expect(() => {
      @ObjectType({ description: 'A gadget with its own a' })
      class OwnGadget extends Gadget {
        @Sql(expr((t) => `upper(${t}.a)`))
        @Field({ description: 'Declared again' })
        a!: string;
      }
      return OwnGadget;
    }).toThrow('OwnGadget.a: Gadget already declares its SQL');
  });
});
