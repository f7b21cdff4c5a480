/**
 * Read statements run as named prepared statements from their second use on: the connection parses
 * each query shape once (pg_prepared_statements shows it), planned for its values each time.
 */
import { ReadDb, ReadPool } from '../src/db/read-db';
import { sql } from '../src/db/sql';
import { testDatabase } from './helpers/db';

describe('prepared read statements', () => {
  it('prepares a repeated statement once per connection, with plans made for each set of values', async () => {
    const db = await testDatabase(__filename);
    // one connection, so every statement below shares it
    const read = new ReadPool(db.url, 1, { statementTimeoutMs: 5000 });
    try {
      const reader = new ReadDb(read);
      const byCountry = (code: string) => reader.run<{ n: number }>(sql`select count(*)::int as n from overseas_warehouse where country_code = ${code}`);
      const de = (await byCountry('DE'))[0].n;
      await byCountry('US');
      await byCountry('DE');
      expect((await byCountry('DE'))[0].n).toBe(de);
      const prepared = await reader.query<{ statement: string; generic_plans: string; custom_plans: string }>(
        `select statement, generic_plans::text, custom_plans::text from pg_prepared_statements where statement like '%overseas_warehouse where country_code%'`,
      );
      expect(prepared).toHaveLength(1);
      expect(prepared[0].generic_plans).toBe('0');
      expect(Number(prepared[0].custom_plans)).toBeGreaterThanOrEqual(3);
    } finally {
      await read.end();
      await db.drop();
    }
  });

  it('plans a statement marked generic once and reuses the plan, while the others on the same connection stay planned per value', async () => {
    const db = await testDatabase(__filename);
    const read = new ReadPool(db.url, 1, { statementTimeoutMs: 5000 });
    try {
      const reader = new ReadDb(read);
      const byKeys = (ids: number[]) =>
        reader.run<{ n: number }>(sql`select count(*)::int as n from enterprise where id = any(${sql.array(ids, 'int')})`, { plan: 'generic' });
      const byCountry = (code: string) => reader.run<{ n: number }>(sql`select count(*)::int as n from overseas_warehouse where country_code = ${code}`);
      // Interleaved, so the connection switches mode between them.
      const ids = (await reader.query<{ id: number }>('select id from enterprise order by id limit 3')).map((r) => r.id);
      expect(ids).toHaveLength(3);
      for (let i = 0; i < 4; i++) {
        expect((await byKeys(ids))[0].n).toBe(3);
        await byCountry(i % 2 ? 'DE' : 'US');
      }
      const plans = await reader.query<{ statement: string; generic_plans: number; custom_plans: number }>(
        `select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%count(*)::int as n from%'`,
      );
      const keyed = plans.find((p) => p.statement.includes('from enterprise'));
      const filtered = plans.find((p) => p.statement.includes('overseas_warehouse'));
      // Prepared from the second use on: three uses each after that.
      expect(keyed).toMatchObject({ generic_plans: 3, custom_plans: 0 });
      expect(filtered).toMatchObject({ generic_plans: 0, custom_plans: 3 });
      // After a generic statement, the next statement that is not marked generic switches the connection back first.
      await byKeys(ids);
      expect((await reader.query('show plan_cache_mode'))[0]).toEqual({ plan_cache_mode: 'force_custom_plan' });
    } finally {
      await read.end();
      await db.drop();
    }
  });

  it('does not prepare when turned off (PREPARED_STATEMENTS=false, for poolers that cannot keep them)', async () => {
    const db = await testDatabase(__filename);
    const read = new ReadPool(db.url, 1, { statementTimeoutMs: 5000, prepared: false });
    try {
      const reader = new ReadDb(read);
      for (let i = 0; i < 3; i++) await reader.run(sql`select count(*) from district where code = ${'500103'}`);
      expect(await reader.query('select name from pg_prepared_statements')).toEqual([]);
    } finally {
      await read.end();
      await db.drop();
    }
  });
});
