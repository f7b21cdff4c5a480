import type { EntityManager } from '@mikro-orm/postgresql';
import { startPeriodic } from '../db/periodic';
import { type Sql, sql } from '../db/sql';
import { exec } from '../db/write';
import type { MutationResult } from '../graphql/mutation';
import { failure } from '../graphql/payload';
import type { TaskDeps } from '../manifest';

/**
 * Holds on anything that can run out (DESIGN.md, "Matchmaking"): capacity of an offer, seats of a
 * training cohort. A hold takes an amount of a resource until it expires, then is confirmed (the
 * amount stays taken) or ends (RELEASED, EXPIRED: the amount goes back). What every kind shares is
 * here and knows no domain; a module describes its kind (`HoldKind`) and takes the amount itself
 * with one conditional UPDATE of the resource (`… and held + n <= total`), backed by a CHECK, in
 * the transaction that writes the hold.
 *
 * Every hold table has `id`, `status` (HELD, CONFIRMED, RELEASED, EXPIRED), `expires_at`,
 * `confirmed_at`, `ended_at`, `updated_at`, a holder column and the resource's key; every resource
 * table `id`, `updated_at` and the column of what its holds have taken (HELD and CONFIRMED).
 */

/** One kind of hold: its table, what it takes of which resource, and who holds it. */
export interface HoldKind {
  /** The holds' table, e.g. `capacity_hold`. */
  table: string;
  /** The hold's column of the amount it takes, e.g. `quantity`. */
  amount: string;
  /** The column of the enterprise holding it, e.g. `holder_id`. */
  holder: string;
  /** What it takes from: the resource's table, the hold's column naming it, and the resource's column of what is held. */
  resource: { table: string; fk: string; held: string };
  /**
   * Rows to lock before holds `where` selects are ended (inside the caller's transaction), in the
   * order the kind's writers lock them (a capacity demand before its offer); returns how many
   * holds it found, 0 meaning nothing to end. Without it, nothing is locked first.
   */
  lockFirst?: (em: EntityManager, where: Sql) => Promise<number>;
  /** A column set once when an "about to expire" notice goes out (sweep's `expiring`); no notices without it. */
  noticeColumn?: string;
  /** How a failed change of one hold is worded (`diagnose`), and the code of "no longer held". */
  words: { notFound: string; forbidden: string; notActive: (state: string) => string };
  notActiveCode: string;
}

/** A hold's state as clients see it (alias `t`): HELD past its expiry is EXPIRED even before the sweep. */
export const holdStateSql = (t: string) => `(case when ${t}.status = 'HELD' and ${t}.expires_at <= now() then 'EXPIRED' else ${t}.status end)`;

/**
 * Ends the active holds of `kind` that `where` selects as `status` and gives their amounts back to
 * their resources, in one statement (after `lockFirst`, inside the caller's transaction); returns
 * how many it ended.
 */
export async function endHolds(em: EntityManager, kind: HoldKind, status: 'EXPIRED' | 'RELEASED', where: Sql): Promise<number> {
  // Nothing to end (the usual case when sweeping): one read, no write.
  if (kind.lockFirst && (await kind.lockFirst(em, where)) === 0) return 0;
  const { table, amount, resource: r } = kind;
  const [row] = await exec<{ n: number }>(
    em,
    sql`with ended as (update ${sql.ident(table)} set status = ${status}, ended_at = now(), updated_at = now()
      where status = 'HELD' and ${where} returning ${sql.ident(r.fk)} as rid, ${sql.ident(amount)} as q),
    per_resource as (select rid, sum(q) as q from ended group by rid),
    upd as (update ${sql.ident(r.table)} x set ${sql.ident(r.held)} = x.${sql.ident(r.held)} - p.q, updated_at = now()
      from per_resource p where x.id = p.rid returning x.id)
    select (select count(*) from ended)::int as n`,
  );
  return row.n;
}

/** Releases one active, unexpired hold of `holder`'s; false when there is none such (see `diagnose`). */
export async function releaseHold(em: EntityManager, kind: HoldKind, id: number, holder: number): Promise<boolean> {
  const mine = sql`id = ${id} and ${sql.ident(kind.holder)} = ${holder} and expires_at > now()`;
  return (await endHolds(em, kind, 'RELEASED', mine)) > 0;
}

/** Confirms one active, unexpired hold of `holder`'s (its amount stays taken); false when there is none such. */
export async function confirmHold(em: EntityManager, kind: HoldKind, id: number, holder: number): Promise<boolean> {
  const done = await exec(
    em,
    sql`update ${sql.ident(kind.table)} set status = 'CONFIRMED', confirmed_at = now(), updated_at = now()
    where id = ${id} and ${sql.ident(kind.holder)} = ${holder} and status = 'HELD' and expires_at > now() returning id`,
  );
  return done.length > 0;
}

/** Why a hold could not be confirmed or released: not found, not the caller's, or no longer held (typed errors at `field`). */
export async function diagnoseHold(em: EntityManager, kind: HoldKind, id: number, holder: number, field = ['id']): Promise<MutationResult> {
  const [h] = await exec<{ holder: number; state: string }>(
    em,
    sql`select t.${sql.ident(kind.holder)} as holder, ${sql.raw(holdStateSql('t'))} as state from ${sql.ident(kind.table)} t where t.id = ${id}`,
  );
  if (!h) return failure('NOT_FOUND', field, kind.words.notFound);
  if (h.holder !== holder) return failure('FORBIDDEN', field, kind.words.forbidden);
  return failure(kind.notActiveCode, field, kind.words.notActive(h.state.toLowerCase()));
}

/** A hold about to expire, announced once. */
export interface ExpiringHold {
  id: number;
  holder_id: number;
  expires_at: string;
}

/**
 * Gives every expired hold's amount back, in one transaction; and, for a kind with notices, marks
 * and returns the holds that expire within `noticeMinutes` and have had no notice yet.
 */
export async function sweepHolds(em: EntityManager, kind: HoldKind, noticeMinutes = 5): Promise<{ expired: number; expiring: ExpiringHold[] }> {
  const expired = await em.transactional((tem) => endHolds(tem, kind, 'EXPIRED', sql`expires_at <= now()`));
  const notice = kind.noticeColumn;
  const expiring = notice
    ? await exec<ExpiringHold>(
        em,
        sql`update ${sql.ident(kind.table)} set ${sql.ident(notice)} = now()
        where status = 'HELD' and ${sql.ident(notice)} is null and expires_at > now() and expires_at <= now() + make_interval(mins => ${sql.typed(noticeMinutes, 'int')})
        returning id, ${sql.ident(kind.holder)} as holder_id, expires_at`,
      )
    : [];
  return { expired, expiring };
}

/**
 * A module's background task over its kind of holds: every HOLD_SWEEP_MS, expired holds give their
 * amount back (one statement), and holds about to expire are handed to `onExpiring` once. Several
 * API processes may sweep at once; the conditional updates make that harmless.
 */
export function holdSweeper(o: { task: string; kind: HoldKind; what: string; onExpiring?: (h: ExpiringHold) => void }) {
  return ({ orm, logger, health, config, taskRun }: TaskDeps): { stop(): void } =>
    startPeriodic({
      everyMs: config.holdSweepMs,
      logger,
      health,
      onRun: (result) => taskRun(o.task, result),
      failure: `${o.what} sweep failed`,
      work: async () => {
        const { expired, expiring } = await sweepHolds(orm.em.fork(), o.kind);
        if (expired) logger.info(`expired ${o.what}s returned`, { holds: expired });
        for (const h of expiring) o.onExpiring?.(h);
      },
    });
}
