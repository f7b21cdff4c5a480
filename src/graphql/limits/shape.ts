import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * Shape limits, checked when a document is parsed and validated (so once per distinct document:
 * Apollo keeps validated documents). graphql-armor counts depth, aliases and directives; the
 * token limit is graphql-js's own parser option (`maxTokens`), which stops parsing at the limit.
 * Every refusal comes out as QUERY_TOO_COMPLEX with `extensions.limit`, `maximum` and `found`.
 */

export interface ShapeLimits {
  /** Nesting of fields (introspection not counted). */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` aliases not counted). */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in a document (names, punctuation, values). */
  maxTokens: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = { maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 3000 };

const WHAT: Record<string, (max: number, found: number) => string> = {
  depth: (max, found) => `This query nests fields ${found} levels deep; the limit is ${max}. Ask for the deeper objects in a second query, by their IDs`,
  aliases: (max, found) =>
    `This query has ${found} aliased fields; the limit is ${max}. Send fewer aliases, or page with \`first\`/\`after\` instead of aliasing pages`,
  directives: (max, found) => `This query has ${found} directives; the limit is ${max}`,
};

/** armor's message carries the numbers ("… limit of 12 exceeded, found 14."). */
function refusal(limit: string, ctx: ValidationContext) {
  return (_c: ValidationContext | null, err: GraphQLError) => {
    const m = /limit of (\d+) exceeded, found (\d+)/.exec(err.message);
    const maximum = m ? Number(m[1]) : undefined;
    const found = m ? Number(m[2]) : undefined;
    ctx.reportError(
      new GraphQLError(WHAT[limit](maximum ?? 0, found ?? 0), {
        extensions: { limit, maximum, found },
      }),
    );
  };
}

/** Validation rules for Apollo's `validationRules`. */
export function shapeRules(limits: ShapeLimits): ValidationRule[] {
  return [
    (ctx) => maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: [refusal('depth', ctx)] })(ctx),
    (ctx) => maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [refusal('aliases', ctx)] })(ctx),
    (ctx) => maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [refusal('directives', ctx)] })(ctx),
  ];
}

// graphql-js 16 says "more that" (sic); later versions may spell it right.
const TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo reports validation and parse failures under its own codes (GRAPHQL_VALIDATION_FAILED,
 * GRAPHQL_PARSE_FAILED); a refusal for size gets ours, so clients can tell "too big" from "wrong".
 */
export function asShapeRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const ext = formatted.extensions ?? {};
  if (ext.code === 'GRAPHQL_VALIDATION_FAILED' && typeof ext.limit === 'string') {
    return { message: formatted.message, locations: formatted.locations, extensions: { ...ext, code: ErrorCode.QUERY_TOO_COMPLEX } };
  }
  const tokens = ext.code === 'GRAPHQL_PARSE_FAILED' ? TOKENS.exec(formatted.message) : null;
  if (tokens) {
    const maximum = Number(tokens[1]);
    return {
      message: `This document has more than ${maximum} tokens, the limit; send a smaller query (fragments and variables help)`,
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens', maximum },
    };
  }
  return undefined;
}
