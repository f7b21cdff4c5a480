import { buildSchema, parse, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import 'reflect-metadata';
import { buildApiSchema } from '../../composition';
import { fragmentsOf } from '../document';
import { actualCost, requestedCost, type FieldCost } from './cost';

/**
 * The cost model on a small schema of its own, every expectation worked out by hand from the rules
 * in docs/limits.md (record 1, value object 0, connection 1 + rows × page, list × 5, weights).
 */
const schema = buildSchema(`
  interface Node { id: ID! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Money { amount: String! currency: String! }
  type District implements Node { id: ID! name: String! enterprises(first: Int, last: Int): EnterpriseConnection! }
  type Enterprise implements Node { id: ID! name: String! district: District! brands: [Brand!]! revenue: Money }
  type Brand implements Node { id: ID! name: String! }
  type EnterpriseEdge { cursor: String! node: Enterprise! }
  type EnterpriseConnection { edges: [EnterpriseEdge!]! nodes: [Enterprise!]! pageInfo: PageInfo! totalCount: Int! }
  type DistrictEdge { cursor: String! node: District! }
  type DistrictConnection { edges: [DistrictEdge!]! nodes: [District!]! pageInfo: PageInfo! totalCount: Int! }
  type Match { score: Float! enterprise: Enterprise! }
  type MatchResult { count: Int! matches: [Match!]! }
  type Query {
    districts(first: Int, last: Int): DistrictConnection!
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    search(query: String!, first: Int): EnterpriseConnection!
    matches(first: Int, near: Boolean): MatchResult!
  }
  type Mutation { rename(id: ID!, name: String!): Enterprise }
`);

function setCost(type: string, field: string, cost: FieldCost): void {
  const f = (schema.getType(type) as GraphQLObjectType).getFields()[field];
  (f as { extensions: Record<string, unknown> }).extensions = { ...f.extensions, cost };
}
setCost('Query', 'search', { weight: 10 });
setCost('Query', 'nodes', { size: (a) => (a.ids as unknown[]).length });
setCost('Query', 'matches', { weight: 25, sizedField: 'matches', maxSize: 100, size: (a) => ((a.first as number) ?? 20) * (a.near ? 2 : 1) });

function cost(query: string, variables: Record<string, unknown> = {}, data?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const input = { schema, operation, fragments: fragmentsOf(document), variables };
  return data === undefined ? requestedCost(input) : actualCost(input, data);
}

describe('requested cost', () => {
  it('a scalar-only query costs the minimum, 1', () => {
    expect(cost('{ __typename }')).toBe(1);
  });

  it('a connection: 1, plus 1 per row of the page asked for (default 20)', () => {
    expect(cost('{ districts(first: 10) { nodes { name } } }')).toBe(1 + 10);
    expect(cost('{ districts { nodes { name } } }')).toBe(1 + 20);
    expect(cost('{ districts(last: 3) { edges { cursor node { name } } pageInfo { hasNextPage } } }')).toBe(1 + 3);
  });

  it('totalCount costs 1; edges and nodes both selected count both', () => {
    expect(cost('{ districts(first: 5) { totalCount nodes { id } edges { node { id } } } }')).toBe(1 + 1 + 5 + 5);
  });

  it('page sizes above 100 are costed as 100 (the resolver refuses them with BAD_USER_INPUT)', () => {
    expect(cost('{ districts(first: 100000) { nodes { id } } }')).toBe(1 + 100);
  });

  it('nested connections multiply: the cycle bomb', () => {
    const bomb = `{ districts(first: 100) { nodes { enterprises(first: 100) { nodes { district { enterprises(first: 100) { nodes { name } } } } } } } }`;
    // per inner enterprise: row 1 + district 1 + connection 1 + 100 rows = 103
    // per district: row 1 + connection 1 + 100 × 103 = 10,302; the page: 1 + 100 × 10,302
    expect(cost(bomb)).toBe(1_030_201);
  });

  it('variables set page sizes; @skip and @include are honoured', () => {
    const q = 'query($n: Int, $deep: Boolean!) { districts(first: $n) { nodes { name enterprises(first: 10) @include(if: $deep) { nodes { id } } } } }';
    expect(cost(q, { n: 4, deep: false })).toBe(1 + 4);
    expect(cost(q, { n: 4, deep: true })).toBe(1 + 4 * (1 + 1 + 10));
  });

  it('lists that are not connections count 5 items; value objects cost nothing', () => {
    // row 1 + brands 5 × 1 + revenue (Money, no id) 0
    expect(cost('{ districts(first: 2) { nodes { enterprises(first: 3) { nodes { brands { name } revenue { amount } } } } } }')).toBe(
      1 + 2 * (1 + 1 + 3 * (1 + 5)),
    );
  });

  it('fragments and aliases count every time they are used', () => {
    const q = `fragment E on Enterprise { district { name } }
      { a: districts(first: 2) { nodes { enterprises(first: 2) { nodes { ...E } } } }
        b: districts(first: 1) { nodes { id } } }`;
    expect(cost(q)).toBe(1 + 2 * (1 + 1 + 2 * (1 + 1)) + (1 + 1));
  });

  it('weights: search 10 + its connection; matches 25 + rows × first (twice with near misses)', () => {
    expect(cost('{ search(query: "x", first: 10) { nodes { name } } }')).toBe(10 + 1 + 10);
    // each match: value object 0 + enterprise 1
    expect(cost('{ matches(first: 10) { count matches { score enterprise { name } } } }')).toBe(25 + 10);
    expect(cost('{ matches(first: 10, near: true) { matches { enterprise { name } } } }')).toBe(25 + 20);
    expect(cost('{ matches { matches { enterprise { name } } } }')).toBe(25 + 20);
  });

  it('nodes(ids:) multiplies by the number of IDs; an interface takes its costliest type', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(3);
    // as an Enterprise: 1 + district 1 + brands 5; as a District: 1 + connection 1 + 2
    expect(cost('{ node(id: "x") { ... on Enterprise { district { id } brands { id } } ... on District { enterprises(first: 2) { nodes { id } } } } }')).toBe(
      1 + 1 + 5,
    );
  });

  it('a mutation field costs 10 plus its payload', () => {
    expect(cost('mutation { rename(id: "1", name: "n") { district { name } } }')).toBe(10 + 1 + 1);
  });

  it('introspection: the whole schema costs 200, one type 10, whatever they select', () => {
    expect(cost('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBe(200);
    expect(cost('{ a: __schema { queryType { name } } b: __schema { types { name } } }')).toBe(400);
    expect(cost('{ __type(name: "Query") { name fields { name } } }')).toBe(10);
  });
});

describe('actual cost', () => {
  it('counts the rows that came back, never more than were asked for', () => {
    const q = '{ districts(first: 10) { totalCount nodes { name enterprises(first: 10) { nodes { id } } } } }';
    expect(cost(q)).toBe(1 + 1 + 10 * (1 + 1 + 10));
    const data = {
      districts: {
        totalCount: 2,
        nodes: [
          { name: 'a', enterprises: { nodes: [{ id: '1' }, { id: '2' }] } },
          { name: 'b', enterprises: { nodes: [] } },
        ],
      },
    };
    // connection 1 + totalCount 1 + district a (1 + 1 + 2) + district b (1 + 1 + 0)
    expect(cost(q, {}, data)).toBe(1 + 1 + (1 + 1 + 2) + (1 + 1));
  });

  it('a null answer costs only the field weights', () => {
    expect(cost('{ search(query: "x") { nodes { name } } }', {}, { search: null })).toBe(10);
    expect(cost('{ node(id: "x") { id } }', {}, { node: null })).toBe(1);
  });

  it('lists count their real length', () => {
    const q = '{ matches(first: 50) { matches { enterprise { name } } } }';
    expect(cost(q, {}, { matches: { matches: [{ enterprise: { name: 'a' } }, { enterprise: { name: 'b' } }] } })).toBe(25 + 2);
  });
});

describe('on the API’s own schema', () => {
  it('the worked example of docs/limits.md costs what the page says: 82', async () => {
    const api = await buildApiSchema();
    const document = parse(`query WorkedExample { overseasWarehouses(first: 10) { totalCount nodes { nameZh country { code } operator { nameZh }
      priceCard { monthlyStoragePricePerCbm { amount currency } } corridors { transitDays corridor { slug } } } } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    // connection 1 + totalCount 1 + 10 × (warehouse 1 + country 1 + operator 1 + price card 0 + corridors 5 × (link 0 + corridor 1))
    expect(requestedCost({ schema: api, operation, fragments: {}, variables: {} })).toBe(1 + 1 + 10 * (1 + 1 + 1 + 0 + 5));
  });
});
