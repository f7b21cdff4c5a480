import type { NonEmptyArray } from 'type-graphql';
import { beltResolvers } from '../modules/belt/belt.resolver';
import { enterpriseResolvers } from '../modules/enterprise/enterprise.resolver';
import { parkResolvers } from '../modules/park/park.resolver';
import { referenceResolvers } from '../modules/reference/reference.resolver';
import { matchmakingResolvers } from '../modules/matchmaking/matchmaking.resolver';
import { matchmakingSubscriptions } from '../modules/matchmaking/matchmaking.subscriptions';
import { searchResolvers } from '../modules/search/search.resolver';
import { warehouseResolvers } from '../modules/warehouse/warehouse.resolver';
import { policyResolvers } from '../modules/policy/policy.resolver';
import { serviceProviderResolvers } from '../modules/service-provider/service-provider.resolver';
import { statisticsResolvers } from '../modules/statistics/statistics.resolver';
import { talentResolvers } from '../modules/talent/talent.resolver';
import { RateLimitResolver } from './limits/rate-limit.resolver';
import { NodeResolver } from './node.resolver';

/** Every resolver class of the API; each module exports its list and adds one line here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  RateLimitResolver,
  ...referenceResolvers,
  ...enterpriseResolvers,
  ...warehouseResolvers,
  ...parkResolvers,
  ...beltResolvers,
  ...serviceProviderResolvers,
  ...talentResolvers,
  ...policyResolvers,
  ...statisticsResolvers,
  ...searchResolvers,
  ...matchmakingResolvers,
  ...matchmakingSubscriptions,
];
