import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from '../src/db/sql';
import { exec } from '../src/db/write';

/**
 * Sample warehouse filings (fictitious, flagged `is_sample`), so the public sees accepted filings on
 * some sample warehouses: every seventh sample warehouse, by id, up to eight. Most are ACCEPTED by
 * Chongqing Customs (8000); one is REVOKED (a revoked number stays checkable) and one is still
 * SUBMITTED (seen by its operator only). Numbers are 8000 2026 000001 …; the office-year counter is
 * moved past them, so real filings never take a sample's number. The audit trail records them as
 * IMPORT. Runs once: only when there are no filings yet. Dates are the day of seeding.
 */
export async function seedFilingSample(em: EntityManager): Promise<number> {
  return (em.fork() as SqlEntityManager).transactional(async (tem) => {
    const db = tem as SqlEntityManager;
    const [{ n }] = await exec<{ n: number }>(db, sql`select count(*)::int as n from warehouse_filing`);
    if (n > 0) return 0;
    const warehouses = await exec<{ id: number; operator_id: number; address: string; area_m2: number; slug: string }>(
      db,
      sql`select id, operator_id, address, area_m2, slug from (select w.*, row_number() over (order by id) as r from overseas_warehouse w where is_sample) x
        where r % 7 = 1 order by id limit 8`,
    );
    if (warehouses.length === 0) return 0;
    await exec(db, sql`select set_config('cbec.filing_actor', 'IMPORT', true)`);
    let seq = 0;
    for (const w of warehouses) {
      seq += 1;
      const number = `80002026${String(seq).padStart(6, '0')}`;
      const [f] = await exec<{ id: number }>(
        db,
        sql`insert into warehouse_filing (number, warehouse_id, operator_id, office_code, status, address, area_m2, submitted_at, is_sample)
          values (${number}, ${sql.typed(w.id, 'int')}, ${sql.typed(w.operator_id, 'int')}, '8000', 'SUBMITTED', ${w.address}, ${sql.typed(String(w.area_m2), 'numeric')}, now(), true)
          returning id`,
      );
      await exec(
        db,
        sql`insert into warehouse_filing_document (filing_id, position, kind, title, reference) values
          (${sql.typed(f.id, 'int')}, 1, 'BUSINESS_LICENCE', '营业执照（示例）', ${`SAMPLE-LICENCE-${seq}`}),
          (${sql.typed(f.id, 'int')}, 2, 'LEASE_OR_TITLE', '仓库租赁合同（示例）', ${`https://example.com/sample/${w.slug}/lease.pdf`})`,
      );
      // The last of them stays SUBMITTED; the one before is accepted and then revoked; the others are accepted.
      if (seq === warehouses.length && seq > 1) continue;
      await exec(
        db,
        sql`update warehouse_filing set status = 'ACCEPTED', decided_at = now(), valid_from = (now() at time zone 'Asia/Shanghai')::date where id = ${sql.typed(f.id, 'int')}`,
      );
      if (seq === warehouses.length - 1 && seq > 1) {
        const reasons = JSON.stringify([{ code: 'WAREHOUSE_CLOSED', textZh: '示例：该海外仓已停止运营', textEn: 'Sample: the warehouse no longer operates' }]);
        await exec(
          db,
          sql`update warehouse_filing set status = 'REVOKED', decided_at = now(), reasons = ${sql.typed(reasons, 'jsonb')} where id = ${sql.typed(f.id, 'int')}`,
        );
      }
    }
    await exec(
      db,
      sql`insert into warehouse_filing_sequence (office_code, year, last_value) values ('8000', 2026, ${sql.typed(seq, 'int')})
        on conflict (office_code, year) do update set last_value = greatest(warehouse_filing_sequence.last_value, excluded.last_value)`,
    );
    return warehouses.length;
  });
}
