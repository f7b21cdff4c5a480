import type { SearchKindSpec } from '../../graphql/types/search-kind';
import type { ModuleManifest } from '../../manifest';
import { searchResolvers } from './search.resolver';

/**
 * The search module (see src/manifest.ts), made from the kinds the other modules declare
 * (src/composition.ts): it imports none of them.
 */
export function searchModule(kinds: readonly SearchKindSpec[]): ModuleManifest {
  return {
    name: 'search',
    resolvers: [...searchResolvers(kinds)],
  };
}
