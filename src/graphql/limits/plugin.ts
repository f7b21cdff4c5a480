import { createHash } from 'node:crypto';
import type { GraphQLRequestContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { Context } from '../context';
import { badInput, ErrorCode } from '../errors';
import { codePointName, controlCharIn, firstControlChar } from '../text';
import { fragmentsOf } from '../document';
import { actualCost, requestedCost, type CostInput } from './cost';
import { addressKey, type BudgetState, type Payer, type RateBudgets } from './rate-limit';
import type { RequestHooks } from '../plugins/hooks';

type ResponseBody = { data?: unknown; errors?: readonly unknown[]; extensions?: Record<string, unknown> };

/**
 * The public-service gate, between validation and execution (DESIGN.md "Public service"):
 * text without control characters → cost under the per-request maximum → the caller's budget →
 * run. Nothing in it touches the database, so a refused request costs no SQL. After execution the
 * actual cost is worked out from the data, the difference is given back to the budget, and every
 * response says what it cost and what is left (`extensions.cost`, X-RateLimit-* headers).
 */

export interface LimitsOptions {
  /** The most one request may cost (points of the cost model). */
  maxCost: number;
  budgets: RateBudgets;
}

/** What the gate decided for a request, kept on the context for the response and the access log. */
export interface RequestCost {
  payer: Payer;
  requested: number;
  actual?: number;
  /** The per-request maximum in force. */
  maxCost: number;
  /** What the cost was computed from (the operation and its coerced variables), for the actual cost. */
  input: CostInput;
  state: BudgetState;
}

/** The first string literal in a document holding a control character, with the argument it is in. */
const literalHits = new WeakMap<DocumentNode, { argument: string; codePoint: number } | null>();
function controlCharInLiterals(doc: DocumentNode): { argument: string; codePoint: number } | null {
  const known = literalHits.get(doc);
  if (known !== undefined) return known;
  let hit: { argument: string; codePoint: number } | null = null;
  let argument = '';
  visit(doc, {
    Argument: {
      enter: (node) => {
        argument = node.name.value;
      },
    },
    StringValue: {
      enter(node) {
        const cp = controlCharIn(node.value);
        if (cp === undefined) return undefined;
        hit = { argument, codePoint: cp };
        return BREAK;
      },
    },
  });
  literalHits.set(doc, hit);
  return hit;
}

export function payerOf(ctx: Context): Payer {
  // A key pays from its own budget, whether an enterprise's or a customs office's (authority).
  const key = ctx.viewer ?? ctx.authority;
  return key ? { kind: 'key', id: String(key.apiKeyId), tier: key.tier } : { kind: 'address', id: addressKey(ctx.clientAddress), tier: 'ANONYMOUS' };
}

/** The last reset time written out: windows end on whole seconds, so most requests reuse it. */
let lastReset = { ms: 0, iso: '' };
function isoOf(d: Date): string {
  const ms = d.getTime();
  if (ms !== lastReset.ms) lastReset = { ms, iso: d.toISOString() };
  return lastReset.iso;
}

function throttleStatus(state: BudgetState) {
  return {
    maximumAvailable: state.limit,
    currentlyAvailable: state.remaining,
    restoreRate: state.restoreRate,
    resetAt: isoOf(state.resetAt),
  };
}

function rateHeaders(state: BudgetState): [string, string][] {
  return [
    ['x-ratelimit-limit', String(state.limit)],
    ['x-ratelimit-remaining', String(state.remaining)],
    ['x-ratelimit-used', String(state.used)],
    // GitHub's form: the UTC epoch second at which the window ends.
    ['x-ratelimit-reset', String(Math.ceil(state.resetAt.getTime() / 1000))],
  ];
}

/** A refusal before execution: Apollo answers those with the status in `extensions.http` (else 500). */
function refused(e: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status } } });
}

/** Text arguments of queries: no NUL or control characters (mutations report them per field). */
function checkText(rc: GraphQLRequestContext<Context>): void {
  if (rc.operation?.operation !== 'query') return;
  const v = firstControlChar(rc.request.variables ?? {});
  if (v)
    throw refused(badInput(`Text may not contain control characters: found ${codePointName(v.codePoint)} in variable \`$${v.path.join('.')}\``, v.path), 400);
  const l = rc.document ? controlCharInLiterals(rc.document) : null;
  if (l) throw refused(badInput(`Text may not contain control characters: found ${codePointName(l.codePoint)} in argument \`${l.argument}\``, l.argument), 400);
}

/**
 * The requested cost of an operation with its variables, and what it was computed from. Apollo
 * keeps parsed documents, so a client repeating a query (the usual case) finds it here, per
 * variables, instead of coercing and walking again.
 */
const costs = new WeakMap<OperationDefinitionNode, Map<string, { input: CostInput; requested: number } | null>>();
function costFor(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) {
  let byVariables = costs.get(operation);
  if (!byVariables) costs.set(operation, (byVariables = new Map()));
  const key = variables ? JSON.stringify(variables) : '';
  let known = byVariables.get(key);
  if (known === undefined) {
    // The variables as execution will see them: defaults applied, values coerced.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
    if (coerced.errors) known = null;
    else {
      const input: CostInput = { schema, operation, fragments: fragmentsOf(document), variables: coerced.coerced };
      known = { input, requested: requestedCost(input) };
    }
    // Bounded: a client sending ever-new variables must not grow it without end.
    if (byVariables.size >= 100) byVariables.clear();
    byVariables.set(key, known);
  }
  return known;
}

export function limitsHooks(opts: LimitsOptions): RequestHooks<Context> {
  /** What the answer says it cost and what is left: `extensions.cost`, X-RateLimit-* and, for a GET, a weak ETag. */
  const finish = (rc: GraphQLRequestContextWillSendResponse<Context>, body: ResponseBody, cost: RequestCost, actual: number) => {
    const { response } = rc;
    body.extensions = {
      ...body.extensions,
      cost: { requestedQueryCost: cost.requested, actualQueryCost: actual, throttleStatus: throttleStatus(cost.state) },
    };
    for (const [k, v] of rateHeaders(cost.state)) response.http.headers.set(k, v);
    // The budget in the body changes with every request; a cacheable GET keeps a weak ETag
    // of what it answered (data and errors), so revalidation still ends in 304.
    if (rc.request.http?.method === 'GET') {
      const tag = createHash('sha1')
        .update(JSON.stringify([body.data, body.errors]))
        .digest('base64url');
      response.http.headers.set('etag', `W/"${tag}"`);
    }
  };
  const unchanged = (state: BudgetState) => () => state;
  return {
    async didResolveOperation(rc) {
      const ctx = rc.contextValue;
      // No operation to run (several in the document and no operationName): execution reports it.
      if (!rc.operation || !rc.document) return;
      if (rc.operationName) ctx.usage.operation = rc.operationName;
      checkText(rc);
      const costed = costFor(rc.schema, rc.document, rc.operation, rc.request.variables);
      // Variables that do not coerce: execution refuses the request and says why, before any resolver runs.
      if (!costed) return;
      const { input, requested } = costed;
      if (requested > opts.maxCost) {
        throw new GraphQLError(
          `This query could cost up to ${requested} points; the maximum for one request is ${opts.maxCost}. ` +
            'Ask for smaller pages (`first`), fewer nested lists, or split it into several requests (see the cost model in docs/limits.md)',
          { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost: requested, maximum: opts.maxCost, http: { status: 400 } } },
        );
      }
      const payer = payerOf(ctx);
      const spent = await opts.budgets.spend(payer, requested);
      if (!spent.allowed) {
        const retry = spent.retryAfterSeconds ?? 1;
        throw new GraphQLError(
          `Rate limit reached: this query costs ${requested} points and ${spent.state.remaining} of your ${spent.state.limit} points per ${spent.state.windowSeconds} s are left; ` +
            `retry after ${retry} s${payer.kind === 'address' ? ', or use an API key for a larger budget' : ''}`,
          {
            extensions: {
              code: ErrorCode.RATE_LIMITED,
              retryAfterSeconds: retry,
              cost: { requestedQueryCost: requested, actualQueryCost: 0, throttleStatus: throttleStatus(spent.state) },
              http: { status: 429, headers: new Map([['retry-after', String(retry)], ...rateHeaders(spent.state)]) },
            },
          },
        );
      }
      ctx.usage.cost = { payer, requested, state: spent.state, maxCost: opts.maxCost, input };
    },

    // Nothing to wait for in the common case (the answer cost what was asked): no promise then.
    willSendResponse(rc) {
      const { response, contextValue: ctx } = rc;
      const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
      const cost = ctx.usage.cost;
      if (!cost) {
        // Refused before the gate charged anything (parse, validation, size, text, budget): one
        // point each, so a flood of refusals still runs into the budget.
        if (body.errors?.length)
          return opts.budgets.spend(payerOf(ctx), 1).then(
            () => undefined,
            () => undefined,
          );
        return;
      }
      const actual = actualCost(cost.input, body.data as Record<string, unknown> | null | undefined);
      cost.actual = actual;
      // A clean answer that came back shorter than asked gets the difference back; an answer
      // with errors (a timeout, say) does not, or a client could hold a backend for free. More
      // than the model assumed (a list longer than its declared size) is charged.
      const adjusted =
        actual < cost.requested && !body.errors?.length
          ? opts.budgets.refund(cost.payer, cost.requested - actual, cost.state)
          : actual > cost.requested
            ? opts.budgets.charge(cost.payer, actual - cost.requested, cost.state)
            : undefined;
      if (!adjusted) return finish(rc, body, cost, actual);
      return adjusted.catch(unchanged(cost.state)).then((state) => {
        cost.state = state;
        finish(rc, body, cost, actual);
      });
    },
  };
}
