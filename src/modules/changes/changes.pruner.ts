import type { Queryable } from '../../db/change-capture';
import { startPeriodic } from '../../db/periodic';
import type { TaskDeps } from '../../manifest';

/** How often the leader prunes the change feed. */
export const PRUNE_EVERY_MS = 15 * 60_000;

/**
 * Deletes the changes of every transaction committed more than `retentionDays` ago (whole
 * transactions, in seq order) and moves the horizon (change_feed_state.pruned_seq) to the last of
 * them: a cursor before it is told to resync. One statement.
 */
export async function pruneChanges(db: Queryable, retentionDays: number): Promise<{ transactions: number; changes: number }> {
  const r = await db.query(
    `with horizon as (select max(seq) as s from change_commit where committed_at < now() - make_interval(days => $1::int)),
      old as (delete from change_commit c using horizon where c.seq <= horizon.s returning c.seq, c.txid),
      gone_log as (delete from change_log l using old where l.txid = old.txid returning 1),
      gone_tx as (delete from change_tx t using old where t.txid = old.txid returning 1),
      state as (insert into change_feed_state (id, pruned_seq, pruned_at) select 1, max(seq), now() from old having count(*) > 0
        on conflict (id) do update set pruned_seq = greatest(change_feed_state.pruned_seq, excluded.pruned_seq), pruned_at = excluded.pruned_at returning 1)
    select (select count(*) from old)::int as transactions, (select count(*) from gone_log)::int as changes, (select count(*) from gone_tx)::int as tx, (select count(*) from state)::int as state`,
    [retentionDays],
  );
  const row = (Array.isArray(r) ? r : r.rows)[0] as { transactions: number; changes: number };
  return { transactions: row.transactions, changes: row.changes };
}

/** The leader's task: prunes changes older than CHANGE_RETENTION_DAYS every PRUNE_EVERY_MS. */
export const changePruner = ({ orm, logger, health, config, taskRun }: TaskDeps): { stop(): void } =>
  startPeriodic({
    everyMs: PRUNE_EVERY_MS,
    logger,
    health,
    onRun: (result) => taskRun('change-prune', result),
    failure: 'change feed pruning failed',
    work: async () => {
      const conn = orm.em.getConnection();
      const pruned = await pruneChanges({ query: (text, values) => conn.execute(text, values ?? []) }, config.changeRetentionDays);
      if (pruned.transactions) logger.info('change feed pruned', { ...pruned, retentionDays: config.changeRetentionDays });
    },
  });
