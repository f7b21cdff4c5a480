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
  const trx = em.getTransactionContext<Transaction<unknown>>();
  const client = trx ?? (em.getConnection() as unknown as { getClient(): Kysely<unknown> }).getClient();
  const result = await client.executeQuery<T>(CompiledQuery.raw(text, values));
  return result.rows as T[];
}
