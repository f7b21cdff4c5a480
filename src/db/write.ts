import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { toQuery, type Sql } from './sql';

/**
 * Runs a statement written with the `sql` tag on the write path: in the EntityManager's
 * transaction when there is one (so a mutation's statements commit or roll back together), with
 * server-side parameters. MikroORM's own `execute` interpolates values into the text and spreads
 * arrays into lists, which is why writes once built PostgreSQL array literals by hand.
 */
export async function exec<T = Record<string, unknown>>(em: EntityManager, statement: Sql): Promise<T[]> {
  const { text, values } = toQuery(statement);
  return queryableOf(em).query<T>(text, values);
}

/** The caller's transaction (or connection) as a plain `query(text, values)` handle, for code written against one (the matching engine). */
export function queryableOf(em: EntityManager): { query<T>(text: string, values?: readonly unknown[]): Promise<T[]> } {
  return {
    async query<T>(text: string, values: readonly unknown[] = []) {
      const trx = em.getTransactionContext<Transaction<unknown>>();
      const client = trx ?? (em.getConnection() as unknown as { getClient(): Kysely<unknown> }).getClient();
      const result = await client.executeQuery<T>(CompiledQuery.raw(text, values as unknown[]));
      return result.rows as T[];
    },
  };
}
