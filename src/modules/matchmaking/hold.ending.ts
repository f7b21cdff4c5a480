import type { EntityManager } from '@mikro-orm/postgresql';
import { type Sql, sql } from '../../db/sql';
import { exec } from '../../db/write';

/*
 * Ending active holds, written once for everything that ends them in bulk: sweeps of lapsed holds
 * (holdCapacity's and the sweeper's), closing a demand, withdrawing an offer.
 */

/**
 * Locks, in ID order, the demands the active holds `where` selects count for: the lock order is a
 * demand before an offer everywhere (holdCapacity's), and ending those holds locks their offers,
 * then (capacity_hold's count_* trigger) their demands. Returns how many demands it locked.
 */
export async function lockDemandsOfHolds(em: EntityManager, where: Sql): Promise<number> {
  const locked = await exec(
    em,
    sql`select id from capacity_demand where id in (select demand_id from capacity_hold where status = 'HELD' and ${where})
    order by id for no key update`,
  );
  return locked.length;
}

/**
 * Ends the active holds `where` selects as `status` (EXPIRED or RELEASED) and gives their quantity
 * back to their offers, in one statement after their demands are locked (inside the caller's
 * transaction); returns how many it ended.
 */
export async function endHolds(em: EntityManager, status: 'EXPIRED' | 'RELEASED', where: Sql): Promise<number> {
  // Nothing to end (the usual case when sweeping): one read, no write.
  if ((await lockDemandsOfHolds(em, where)) === 0) return 0;
  const [r] = await exec<{ n: number }>(
    em,
    sql`with ended as (update capacity_hold set status = ${status}, ended_at = now(), updated_at = now()
      where status = 'HELD' and ${where} returning offer_id, quantity),
    per_offer as (select offer_id, sum(quantity) as q from ended group by offer_id),
    upd as (update capacity_offer o set held_quantity = o.held_quantity - p.q, updated_at = now() from per_offer p where o.id = p.offer_id returning o.id)
    select (select count(*) from ended)::int as n`,
  );
  return r.n;
}
