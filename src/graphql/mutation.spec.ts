import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runMutation, type MutationResult } from './mutation';

/**
 * runMutation against a scripted EntityManager: each `execute` answers from `answers` in order and
 * is recorded, so the statements, their parameters and the retry count are checked by hand.
 */
function fakeEm(answers: unknown[][], failures: unknown[] = []) {
  const calls: { sql: string; params: unknown[] }[] = [];
  let transactions = 0;
  const tem = {
    execute: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return answers.shift() ?? [];
    },
  };
  const em = {
    fork: () => ({
      transactional: async <T>(fn: (t: typeof tem) => Promise<T>): Promise<T> => {
        transactions++;
        if (failures.length) throw failures.shift();
        return fn(tem);
      },
    }),
  };
  return { em: em as unknown as EntityManager, calls, transactions: () => transactions };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ok = (id: number) => async (): Promise<MutationResult> => ({ id, errors: [] });

describe('runMutation: the idempotency key', () => {
  it.each(['a', 'A-z_0.9:x', '123e4567-e89b-12d3-a456-426614174000', 'k'.repeat(100)])('takes %s', async (key) => {
    const f = fakeEm([[{ id: '1' }]]);
    await expect(runMutation(f.em, 'e:1', 'op', key, {}, ok(1))).resolves.toEqual({ id: 1, errors: [], replayed: false });
  });

  it.each(['', 'k'.repeat(101), 'has space', 'slash/', 'ключ', 'a\nb'])('refuses %j as BAD_USER_INPUT on idempotencyKey, before any statement', async (key) => {
    const f = fakeEm([]);
    await expect(runMutation(f.em, 'e:1', 'op', key, {}, ok(1))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'idempotencyKey' } });
    expect(f.transactions()).toBe(0);
  });

  it('without a key (undefined or null) runs the mutation with no idempotency statements', async () => {
    for (const key of [undefined, null as unknown as undefined]) {
      const f = fakeEm([]);
      const run = jest.fn(ok(9));
      await expect(runMutation(f.em, 'e:1', 'op', key, { a: 1 }, run)).resolves.toEqual({ id: 9, errors: [], replayed: false });
      expect(run).toHaveBeenCalledTimes(1);
      expect(f.calls).toEqual([]);
    }
  });

  it('a new key: inserts the key row with the request hash, runs, then stores the result', async () => {
    const f = fakeEm([[{ id: '1' }]]);
    const result = { id: 42, errors: [] };
    await expect(
      runMutation(f.em, 'e:7', 'holdCapacity', 'key-1', { quantity: '5', offerId: 'T2ZmZXI6MQ', holdMinutes: undefined }, async () => result),
    ).resolves.toEqual({ id: 42, errors: [], replayed: false });
    // keys sorted, undefined dropped, strings JSON-quoted
    const hash = sha256('holdCapacity\n{"offerId":"T2ZmZXI6MQ","quantity":"5"}');
    expect(f.calls).toHaveLength(2);
    expect(f.calls[0].sql).toMatch(/^insert into idempotency_record .* on conflict \(scope, key\) do nothing returning id$/);
    expect(f.calls[0].params).toEqual(['e:7', 'key-1', 'holdCapacity', hash]);
    expect(f.calls[1].sql).toMatch(/^update idempotency_record set result = \?::jsonb where scope = \? and key = \?$/);
    expect(f.calls[1].params).toEqual(['{"id":42,"errors":[]}', 'e:7', 'key-1']);
  });
});

describe('runMutation: the request hash is of the operation and the canonical input', () => {
  async function hashOf(operation: string, input: unknown): Promise<unknown> {
    const f = fakeEm([[{ id: '1' }]]);
    await runMutation(f.em, 's', operation, 'k', input, ok(1));
    return f.calls[0].params[3];
  }

  it.each([
    ['nested objects, keys sorted at every level', { b: { d: 1, c: [true, null] }, a: 'x' }, '{"a":"x","b":{"c":[true,null],"d":1}}'],
    ['arrays keep their order', [3, 1, 2], '[3,1,2]'],
    ['undefined members are left out', { a: undefined, b: 0 }, '{"b":0}'],
    ['undefined and null inputs are null', undefined, 'null'],
    ['a number', 1.5, '1.5'],
    ['an empty object', {}, '{}'],
    ['keys are JSON-quoted', { 'a"b': 'c' }, '{"a\\"b":"c"}'],
  ])('%s', async (_, input, canonical) => {
    await expect(hashOf('op', input)).resolves.toBe(sha256(`op\n${canonical}`));
  });

  it('the same input in another key order hashes the same; another operation does not', async () => {
    const a = await hashOf('createCapacityOffer', { x: 1, y: 2 });
    expect(await hashOf('createCapacityOffer', { y: 2, x: 1 })).toBe(a);
    expect(await hashOf('updateCapacityOffer', { x: 1, y: 2 })).not.toBe(a);
  });
});

describe('runMutation: a key already used', () => {
  const hash = sha256('confirmHold\n{"id":"SG9sZDox"}');

  it('with the same input replays the stored result without running', async () => {
    const f = fakeEm([[], [{ operation: 'confirmHold', request_hash: hash, result: { id: 3, errors: [] } }]]);
    const run = jest.fn(ok(99));
    await expect(runMutation(f.em, 'e:1', 'confirmHold', 'k1', { id: 'SG9sZDox' }, run)).resolves.toEqual({ id: 3, errors: [], replayed: true });
    expect(run).not.toHaveBeenCalled();
    expect(f.calls[1].sql).toBe('select operation, request_hash, result from idempotency_record where scope = ? and key = ?');
    expect(f.calls[1].params).toEqual(['e:1', 'k1']);
    expect(f.calls).toHaveLength(2); // no update
  });

  it('with the same input and no stored result (the first rolled back its result) replays no errors', async () => {
    const f = fakeEm([[], [{ operation: 'confirmHold', request_hash: hash, result: null }]]);
    await expect(runMutation(f.em, 'e:1', 'confirmHold', 'k1', { id: 'SG9sZDox' }, ok(1))).resolves.toEqual({ errors: [], replayed: true });
  });

  it('with a different input is IDEMPOTENCY_KEY_REUSED, naming the input', async () => {
    const f = fakeEm([[], [{ operation: 'confirmHold', request_hash: hash, result: { id: 3, errors: [] } }]]);
    const run = jest.fn(ok(99));
    await expect(runMutation(f.em, 'e:1', 'confirmHold', 'k1', { id: 'SG9sZDoy' }, run)).resolves.toEqual({
      errors: [
        {
          code: 'IDEMPOTENCY_KEY_REUSED',
          field: ['idempotencyKey'],
          message: 'This idempotency key was used for a different input; use a new key for a new request',
        },
      ],
      replayed: false,
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('for a different operation is IDEMPOTENCY_KEY_REUSED, naming that operation', async () => {
    const f = fakeEm([[], [{ operation: 'confirmHold', request_hash: hash, result: null }]]);
    const r = await runMutation(f.em, 'e:1', 'releaseHold', 'k1', { id: 'SG9sZDox' }, ok(1));
    expect(r.errors[0].message).toBe('This idempotency key was used for a different operation (confirmHold); use a new key for a new request');
    expect(r.replayed).toBe(false);
  });
});

describe('runMutation: deadlocks and serialization failures retry, up to 4 attempts', () => {
  it.each([
    ['a deadlock (code 40P01)', { code: '40P01' }],
    ['a serialization failure (sqlState 40001)', { sqlState: '40001' }],
    ['a driver error wrapping 40P01 (cause.code)', { cause: { code: '40P01' } }],
  ])('%s: retried, and the 4th attempt’s result returned', async (_, err) => {
    const f = fakeEm([], [err, err, err]);
    await expect(runMutation(f.em, 's', 'op', undefined, {}, ok(5))).resolves.toEqual({ id: 5, errors: [], replayed: false });
    expect(f.transactions()).toBe(4);
  });

  it('a 4th failure is thrown', async () => {
    const err = { code: '40001' };
    const f = fakeEm([], [err, err, err, err, { code: 'never reached' }]);
    await expect(runMutation(f.em, 's', 'op', undefined, {}, ok(5))).rejects.toBe(err);
    expect(f.transactions()).toBe(4);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['an error with no code', new Error('boom')],
  ])('%s is thrown at once', async (_, err) => {
    const f = fakeEm([], [err]);
    await expect(runMutation(f.em, 's', 'op', undefined, {}, ok(5))).rejects.toBe(err);
    expect(f.transactions()).toBe(1);
  });
});
