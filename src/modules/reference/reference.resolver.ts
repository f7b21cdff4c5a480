import { NameResolver } from '../../graphql/types/name-resolver';
import { registerNodeType } from '../../graphql/node.resolver';
import { Corridor, Country, District } from './reference.types';

registerNodeType('District', 'code', 'text');
registerNodeType('Country', 'code', 'text');
registerNodeType('Corridor');

export const referenceResolvers = [NameResolver(District), NameResolver(Country), NameResolver(Corridor)] as const;
