import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from './context';
import type { Viewer } from './context';
import { badInput } from './errors';
import { fromGlobalId, intKey } from './ids';
import type { Path, Problems } from './payload';
import { newCompileCtx, subFieldNodes } from './sql/compile';
import { runByKeys } from './sql/connection';
import { Params } from './sql/params';
import type { PayloadError } from './payload';

/** What a mutation stores for replay: the ID it produced and its errors. */
export interface MutationResult {
  id?: number;
  errors: PayloadError[];
}

const KEY = /^[A-Za-z0-9_.:-]{1,100}$/;
const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs a mutation in one transaction, at most once per (caller, idempotency key), for every module
 * that mutates (anything that can run out is held with the same guarantees: DESIGN.md). The key's row is
 * inserted first in that transaction: a concurrent retry blocks on the unique index until the first
 * commits, then replays its stored result; if the first rolls back, the retry runs. The same key
 * with a different input is IDEMPOTENCY_KEY_REUSED. Deadlocks and serialization failures retry.
 */
export async function runMutation(
  em: EntityManager,
  scope: string,
  operation: string,
  key: string | undefined,
  input: unknown,
  run: (tem: EntityManager) => Promise<MutationResult>,
): Promise<MutationResult & { replayed: boolean }> {
  if (key !== undefined && key !== null && !KEY.test(key)) {
    throw badInput('`idempotencyKey` must be 1–100 letters, digits or _ . : - (a UUID works)', 'idempotencyKey');
  }
  const hash = createHash('sha256')
    .update(`${operation}\n${canonical(input)}`)
    .digest('hex');
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(async (tem) => {
        if (key) {
          const inserted = await tem.execute<{ id: string }[]>(
            'insert into idempotency_record (scope, key, operation, request_hash) values (?, ?, ?, ?) on conflict (scope, key) do nothing returning id',
            [scope, key, operation, hash],
          );
          if (inserted.length === 0) {
            const [prior] = await tem.execute<{ operation: string; request_hash: string; result: MutationResult | null }[]>(
              'select operation, request_hash, result from idempotency_record where scope = ? and key = ?',
              [scope, key],
            );
            if (prior.request_hash !== hash) {
              return {
                errors: [
                  {
                    code: 'IDEMPOTENCY_KEY_REUSED',
                    field: ['idempotencyKey'],
                    message: `This idempotency key was used for a different ${prior.operation === operation ? 'input' : `operation (${prior.operation})`}; use a new key for a new request`,
                  },
                ],
                replayed: false,
              };
            }
            return { ...(prior.result ?? { errors: [] }), replayed: true };
          }
        }
        const result = await run(tem);
        if (key) {
          await tem.execute('update idempotency_record set result = ?::jsonb where scope = ? and key = ?', [JSON.stringify(result), scope, key]);
        }
        return { ...result, replayed: false };
      });
    } catch (e) {
      const err = e as { code?: string; sqlState?: string; cause?: { code?: string } };
      const code = err.sqlState ?? err.code ?? err.cause?.code;
      if (attempt < 4 && code && RETRYABLE.has(code)) continue;
      throw e;
    }
  }
}

/**
 * A mutation's payload: `{ [field]: node, errors, replayed }`, where the node (of `nodeType`, a
 * row of `table`) is read again with the client's selection under `payloadType.field` once the
 * mutation succeeded, so a payload selects what any read of that type can.
 */
export async function mutationPayload(
  ctx: Context,
  info: GraphQLResolveInfo,
  payloadType: string,
  field: string,
  nodeType: string,
  table: string,
  r: MutationResult & { replayed: boolean },
) {
  let node: unknown = null;
  if (r.id !== undefined && r.errors.length === 0) {
    const fields = subFieldNodes(payloadType, info.fieldNodes, [field], newCompileCtx(info, ctx.lang, new Params()));
    if (fields.length) [node] = await runByKeys(ctx, info, nodeType, `${table} t`, 't.id', 'int', [r.id], fields);
  }
  return { [field]: node, errors: r.errors, replayed: r.replayed };
}

/** Idempotency keys are per caller: the enterprise an API key acts for. */
export const mutationScope = (v: Viewer) => `enterprise:${v.enterpriseId}`;

/** The description of every mutation's `idempotencyKey` argument. */
export const IDEMPOTENCY_KEY_DOC =
  'Makes retries safe: the same key returns the first result and does nothing twice; a different input with it is an error (幂等键)';

/**
 * A global ID of `type` in a mutation's input → its integer key, or a problem naming the field
 * (errors as data, where `intIdOf` throws): INVALID when it is not an ID of ours or one of another
 * type, NOT_FOUND when no row can have its key (beyond int4 …).
 */
export function idOf(type: string, id: string, field: Path, p: Problems): number | undefined {
  let g: { type: string; key: string };
  try {
    g = fromGlobalId(id, field.join('.'));
  } catch {
    p.add(field, `"${id.slice(0, 60)}" is not a valid ${type} ID`);
    return undefined;
  }
  if (g.type !== type) {
    p.add(field, `ID "${id}" is a ${g.type}, expected a ${type}`);
    return undefined;
  }
  const n = intKey(g.key);
  if (n === undefined) p.add(field, `No ${type} with ID "${id}"`, 'NOT_FOUND');
  return n;
}
