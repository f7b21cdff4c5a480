import type { CachePolicy } from '@apollo/cache-control-types';
import { type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { fragmentsOf, hasDirectives } from '../document';
import { collectFields } from '../sql/compile';
import type { Context } from '../context';
import type { RequestHooks } from './hooks';

/**
 * How long an answer may be cached, worked out once per operation instead of per field.
 *
 * Open data: a query's answer may be kept by browsers, proxies and the response cache for
 * `defaultMaxAge` seconds (`Cache-Control: max-age=30, public`). A resolver whose answer depends on
 * the caller calls `privateAnswer(ctx)`, and the whole answer becomes `no-store` (and is never put in
 * the response cache). Answers with errors, mutations, and operations that ask nothing of the schema
 * (only `__typename` or introspection) are `no-store` too.
 *
 * This is what Apollo's cache-control plugin computed here (the schema has no @cacheControl hints,
 * so every field had the default), without its cost: that plugin hooks every field of every
 * request to collect per-field hints (willResolveField wraps each resolver), a few per cent of a
 * list's CPU (bench:peer profile). Apollo's own is switched off (ApolloServerPluginCacheControlDisabled).
 */

/** This answer depends on the caller (or changes with every request): never store or share it. */
export function privateAnswer(ctx: Pick<Context, 'cachePolicy'>): void {
  ctx.cachePolicy?.restrict({ maxAge: 0, scope: 'PRIVATE' });
}

/**
 * True when the operation's root selection asks for a field of the schema, not only meta fields
 * (__typename, introspection); `@skip`/`@include` are honoured, as execution will.
 */
function asksSchema(schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode, raw: Record<string, unknown>): boolean {
  // Directives see the variables as execution will (defaults applied); ones that do not coerce are refused by execution anyway.
  let variables = raw;
  if (operation.variableDefinitions?.length) {
    const coerced = getVariableValues(schema, operation.variableDefinitions, raw, { maxErrors: 1 });
    if (coerced.errors) return false;
    variables = coerced.coerced;
  }
  const root = collectFields('Query', [operation.selectionSet], { info: { schema, fragments: fragmentsOf(document), variableValues: variables } });
  for (const nodes of root.values()) if (!nodes[0].name.value.startsWith('__')) return true;
  return false;
}

/**
 * The answer for an operation whose document has no directive: it cannot depend on the variables,
 * so it is worked out once (Apollo keeps parsed documents, so a repeated query finds it here).
 */
const withoutDirectives = new WeakMap<OperationDefinitionNode, boolean>();

function asksSchemaOnce(schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode, raw: Record<string, unknown>): boolean {
  const known = withoutDirectives.get(operation);
  if (known !== undefined) return known;
  if (hasDirectives(document)) return asksSchema(schema, operation, document, raw);
  // No directive reads a variable: the answer is the same for any variables (none are coerced).
  const answer = asksSchema(schema, { ...operation, variableDefinitions: [] }, document, {});
  withoutDirectives.set(operation, answer);
  return answer;
}

export function cachePolicyHooks(defaultMaxAge: number): RequestHooks<Context> {
  return {
    didResolveOperation({ operation, document, overallCachePolicy, contextValue, schema, request }) {
      if (!operation) return;
      if (operation.operation === 'query' && asksSchemaOnce(schema, operation, document, request.variables ?? {}))
        overallCachePolicy.restrict({ maxAge: defaultMaxAge });
      // Resolvers lower it through the context (privateAnswer).
      contextValue.cachePolicy = overallCachePolicy as CachePolicy;
    },
    willSendResponse({ response, overallCachePolicy }) {
      const policy = overallCachePolicy.policyIfCacheable();
      const single = response.body.kind === 'single' && !response.body.singleResult.errors;
      response.http.headers.set('cache-control', policy && single ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store');
    },
  };
}
