import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { searchTypes } from './search.types';

@ObjectType('Shop', { description: 'A type whose GraphQL name is not its class name' })
class ShopType {
  @Field({ description: 'Name' })
  nameZh!: string;
}

class NotAType {}

describe('searchTypes: the search types made from the modules’ kinds', () => {
  it('makes the kind enum in the order given, and finds each kind’s GraphQL type name', () => {
    const { SearchKind, typeNames } = searchTypes([{ kind: 'SHOP', type: ShopType, description: '商店 — Shop' }]);
    expect(SearchKind).toEqual({ SHOP: 'SHOP' });
    expect([...typeNames]).toEqual([['SHOP', 'Shop']]);
  });

  it('refuses no kinds, a kind declared twice and a class that is no @ObjectType', () => {
    expect(() => searchTypes([])).toThrow('Name search needs at least one kind');
    const shop = { kind: 'SHOP', type: ShopType, description: '商店 — Shop' };
    expect(() => searchTypes([shop, shop])).toThrow('Search kind SHOP is declared twice');
    expect(() => searchTypes([{ kind: 'THING', type: NotAType, description: '东西 — Thing' }])).toThrow('Search kind type NotAType is not an @ObjectType');
  });
});
