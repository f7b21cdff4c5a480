import type { NonEmptyArray } from 'type-graphql';
import { beltResolvers } from '../modules/belt/belt.resolver';
import { enterpriseResolvers } from '../modules/enterprise/enterprise.resolver';
import { parkResolvers } from '../modules/park/park.resolver';
import { referenceResolvers } from '../modules/reference/reference.resolver';
import { warehouseResolvers } from '../modules/warehouse/warehouse.resolver';
import { NodeResolver } from './node.resolver';

/** Every resolver class of the API; each module exports its list and adds one line here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ...referenceResolvers,
  ...enterpriseResolvers,
  ...warehouseResolvers,
  ...parkResolvers,
  ...beltResolvers,
];
