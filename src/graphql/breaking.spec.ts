import { breakingChanges } from './breaking';

const RELEASED = `
  "A warehouse"
  type Warehouse { id: ID! slug: String! nameZh: String! capacity: Int }
  enum Unit { CBM PALLET }
  type Query { warehouse(slug: String!): Warehouse units: [Unit!]! }
`;

describe('breaking changes against the released schema', () => {
  it('finds none when the schema only grows or deprecates', async () => {
    const grown = `
      "A warehouse"
      type Warehouse { id: ID! slug: String! nameZh: String! nameEn: String capacity: Int @deprecated(reason: "Use capacityCbm; removed after 2027-03-01") capacityCbm: Int }
      enum Unit { CBM PALLET SQUARE_METRE }
      type Query { warehouse(slug: String!, lang: String): Warehouse units: [Unit!]! }
    `;
    expect(await breakingChanges(RELEASED, grown)).toEqual([]);
  });

  it('names a removed field, a removed enum value, a changed type and a new required argument', async () => {
    const broken = `
      "A warehouse"
      type Warehouse { id: ID! slug: String! nameZh: Int }
      enum Unit { CBM }
      type Query { warehouse(slug: String!, country: String!): Warehouse units: [Unit!]! }
    `;
    const found = (await breakingChanges(RELEASED, broken)).map((c) => c.path).sort();
    expect(found).toEqual(['Query.warehouse.country', 'Unit.PALLET', 'Warehouse.capacity', 'Warehouse.nameZh'].sort());
  });
});
