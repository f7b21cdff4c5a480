import type { EntityManager } from '@mikro-orm/postgresql';
import { type Sql, sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { HoldKind } from '../../matching/holds';
import { MatchmakingErrorCode } from './matchmaking.errors';

/*
 * Holds on capacity as a kind of the generic holds (src/matching/holds.ts): what ends them in bulk
 * (sweeps of lapsed holds, closing a demand, withdrawing an offer), confirms, releases and sweeps
 * them is written once there; this file says what a capacity hold is, and the demands it locks first.
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

/** A hold on an offer's capacity, for a demand: its quantity counts in the offer's held_quantity. */
export const CAPACITY_HOLDS: HoldKind = {
  table: 'capacity_hold',
  amount: 'quantity',
  holder: 'holder_id',
  resource: { table: 'capacity_offer', fk: 'offer_id', held: 'held_quantity' },
  lockFirst: lockDemandsOfHolds,
  noticeColumn: 'expiry_notice_at',
  words: { notFound: 'No such hold', forbidden: 'Only the seller holding it can change it', notActive: (state) => `The hold is ${state}` },
  notActiveCode: MatchmakingErrorCode.HOLD_NOT_ACTIVE,
};
