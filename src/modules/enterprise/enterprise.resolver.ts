import { NameResolver } from '../../graphql/types/name-resolver';
import { registerNodeType } from '../../graphql/node.resolver';
import { Enterprise } from './enterprise.types';

registerNodeType('Enterprise');

export const enterpriseResolvers = [NameResolver(Enterprise)] as const;
