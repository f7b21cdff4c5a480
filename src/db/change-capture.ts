import { Trigger } from '@mikro-orm/decorators/legacy';
import { type Sql, sql } from './sql';

/**
 * The change feed's capture side (issue 16, point 3): every table behind a public dataset records
 * its inserts, updates and deletions in `change_log`, as the public sees them, and each transaction
 * that logged anything gets one commit sequence number when it commits (`change_commit`). The
 * `changes` query (src/modules/changes) reads them in commit order.
 *
 * Capture is three statement-level AFTER triggers per table with transition tables (one per event:
 * PostgreSQL refuses transition tables on a trigger with several events), so a bulk write of a
 * million rows (seed:scale) costs one INSERT … SELECT per statement, not a trigger call per row.
 * MikroORM 7's `@Trigger` builds `for each statement` but has no REFERENCING clause, so they are
 * declared through its `expression` escape hatch (the whole DDL); its functions follow the ORM's
 * `<table>_<trigger>_fn` naming, so a removed declaration drops its function too, and the snapshot
 * diff compares the expressions (the database diff leaves expression triggers alone: migration:check
 * stays clean).
 *
 * Visibility lives in the trigger body: `visible` is the dataset's public predicate over the row's
 * own columns. A change is logged when the row is public before or after the statement: public
 * after only → INSERT (published, undrafted), public before only → DELETE (a tombstone: withdrawn,
 * deleted), public both → UPDATE; a draft that stays a draft logs nothing.
 *
 * Commit order: the first logging statement of a transaction inserts its `change_tx` row, whose
 * DEFERRABLE INITIALLY DEFERRED constraint trigger runs at commit, takes the transaction advisory
 * lock CHANGE_STAMP_LOCK and draws the next `change_commit.seq`. The lock is released only after
 * the commit is visible (PostgreSQL releases locks after ProcArrayEndTransaction), so a transaction
 * draws seq N+1 only after the one with N is visible: any snapshot that sees N+1 sees every seq
 * below it, and a reader that stores the last seq it read never misses a later-committing
 * transaction that wrote earlier (ordering by change_log.id or xid would). See docs/changes.md.
 *
 * No read-side horizon is needed: a snapshot taken between T1's commit becoming visible and T1's lock
 * release sees N and no higher seq exists yet; a transaction holding N+1 but not yet visible is simply
 * not seen, and it cannot be overtaken, since N+2 is drawn only after N+1 is visible. A seq drawn by
 * a transaction that then fails to commit leaves a gap, which cursors (`seq > last`) do not mind. On a
 * streaming replica commits become visible in WAL order, and T(N)'s commit record precedes T(N+1)'s.
 * The price: stamped commits flush their WAL one at a time (the lock spans the flush); see
 * bench/results/changes-*.md.
 */

/** The advisory lock (transaction-level) that orders commit stamps: one constant for the database. */
export const CHANGE_STAMP_LOCK = 1_651_663_016;

/** How a table's rows form a public dataset. */
export interface ChangeFeedOptions {
  /** The key column the dataset's global IDs carry (the node key), default `id`. */
  key?: string;
  /**
   * The dataset's public predicate over the row's own columns (unqualified), e.g.
   * `status = 'PUBLISHED'`; every row is public when absent.
   */
  visible?: string;
  /** The GraphQL type of the rows (their global IDs and `Change.node`), default the entity's class name. */
  type?: string;
  /** The table, default the snake case of the entity's class name. */
  table?: string;
}

/** A dataset's capture as declared on its entity. */
export interface ChangeFeedDataset {
  dataset: string;
  table: string;
  key: string;
  visible: string;
  type: string;
}

const declared = new Map<string, ChangeFeedDataset>();

/** Every dataset declared with `changeFeed`, by name (the changes query validates `datasets` against it). */
export function changeFeedDatasets(): ReadonlyMap<string, ChangeFeedDataset> {
  return declared;
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const identifier = /^[a-z_][a-z0-9_]*$/;
const DATASET_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The SQL of one capture trigger: its function (named as MikroORM names trigger functions) and the
 * statement-level trigger with its transition table.
 */
function captureDdl(d: ChangeFeedDataset, event: 'insert' | 'update' | 'delete'): string {
  const name = `change_feed_${event[0]}`;
  const fn = `${d.table}_${name}_fn`;
  const ds = `'${d.dataset}'`;
  const v = `(${d.visible})`;
  const row = (rows: string) => `select ${d.key}::text as k, ${v} as v from ${rows}`;
  const insert =
    event === 'insert'
      ? `insert into change_log (txid, dataset, key, op) select txid_current(), ${ds}, n.k, 'I' from (${row('change_new')}) n where n.v;`
      : event === 'delete'
        ? `insert into change_log (txid, dataset, key, op) select txid_current(), ${ds}, o.k, 'D' from (${row('change_old')}) o where o.v;`
        : `insert into change_log (txid, dataset, key, op) select txid_current(), ${ds}, coalesce(n.k, o.k),
      case when n.v and o.v then 'U' when n.v then 'I' else 'D' end
      from (${row('change_new')}) n full join (${row('change_old')}) o on o.k = n.k where coalesce(n.v, false) or coalesce(o.v, false);`;
  const referencing =
    event === 'insert' ? 'new table as change_new' : event === 'delete' ? 'old table as change_old' : 'old table as change_old new table as change_new';
  return `create or replace function ${fn}() returns trigger as $$ begin
    ${insert}
    if found then
      insert into change_tx (txid, datasets) values (txid_current(), array[${ds}])
        on conflict (txid) do update set datasets = change_tx.datasets || ${ds}::text where not (${ds} = any(change_tx.datasets));
    end if;
    return null;
  end; $$ language plpgsql;
create trigger ${name} after ${event} on ${d.table} referencing ${referencing} for each statement execute function ${fn}()`;
}

/**
 * Declares that an entity's table is (the table behind) the public dataset `dataset`: its writes
 * are captured in the change feed. One line on the entity, ABOVE its `@Entity(...)`:
 *
 * ```ts
 * @changeFeed('fair-listings', { visible: "status = 'PUBLISHED'" })
 * @Entity({ tableName: 'fair_listing' })
 * ```
 */
export function changeFeed(dataset: string, options: ChangeFeedOptions = {}): ClassDecorator {
  return (target) => {
    const d: ChangeFeedDataset = {
      dataset,
      table: options.table ?? snake(target.name),
      key: options.key ?? 'id',
      visible: options.visible ?? 'true',
      type: options.type ?? target.name,
    };
    if (!DATASET_NAME.test(dataset)) throw new Error(`changeFeed: "${dataset}" is not a dataset name (kebab case)`);
    if (!identifier.test(d.table) || !identifier.test(d.key)) throw new Error(`changeFeed(${dataset}): table and key must be plain identifiers`);
    const other = declared.get(dataset);
    if (other && other.table !== d.table) throw new Error(`changeFeed: dataset "${dataset}" is declared on ${other.table} and on ${d.table}`);
    declared.set(dataset, d);
    for (const event of ['insert', 'update', 'delete'] as const) {
      Trigger({ name: `change_feed_${event[0]}`, timing: 'after', events: [event], forEach: 'statement', expression: captureDdl(d, event) })(target);
    }
  };
}

/**
 * The commit stamp, declared on `change_tx` (src/modules/changes): at commit, under the stamp lock,
 * the transaction draws its seq and the datasets it changed take it as their last change.
 */
export const CHANGE_STAMP_DDL = `create or replace function change_tx_change_stamp_fn() returns trigger as $$
  declare s bigint;
  begin
    perform pg_advisory_xact_lock(${CHANGE_STAMP_LOCK});
    insert into change_commit (txid, committed_at) values (new.txid, clock_timestamp()) returning seq into s;
    insert into change_dataset_state (dataset, last_seq, last_modified)
      select d, s, clock_timestamp() from change_tx t, unnest(t.datasets) d where t.txid = new.txid
      on conflict (dataset) do update set last_seq = excluded.last_seq, last_modified = excluded.last_modified;
    return null;
  end; $$ language plpgsql;
create constraint trigger change_stamp after insert on change_tx deferrable initially deferred for each row execute function change_tx_change_stamp_fn()`;

/** Opaque change cursors: base64 of `c1:<seq>` (everything of seq delivered) or `c1:<seq>:<log id>` (up to that change). */
export interface ChangeCursor {
  seq: string;
  /** The last change delivered within transaction `seq`; absent when all of it was. */
  id?: string;
}

export function encodeChangeCursor(c: ChangeCursor): string {
  return Buffer.from(c.id === undefined ? `c1:${c.seq}` : `c1:${c.seq}:${c.id}`, 'utf8').toString('base64');
}

/** The cursor, or undefined when `s` is not one (the caller answers BAD_USER_INPUT). */
export function decodeChangeCursor(s: string): ChangeCursor | undefined {
  if (typeof s !== 'string' || s.length > 80 || !/^[A-Za-z0-9+/=]+$/.test(s)) return undefined;
  const m = /^c1:(0|[1-9]\d{0,17})(?::([1-9]\d{0,17}))?$/.exec(Buffer.from(s, 'base64').toString('utf8'));
  if (!m) return undefined;
  return m[2] === undefined ? { seq: m[1] } : { seq: m[1], id: m[2] };
}

/**
 * SQL for the cursor at the end of the feed now: a client that copies the data in the same snapshot
 * (or after reading it) and then reads `changes(after:)` from it misses nothing. For bulk downloads.
 * The last stamped seq visible (never the sequence's last value: a transaction holding a higher seq
 * may not be visible yet), or the pruning horizon when everything has been pruned.
 */
export const CURRENT_CHANGE_SEQ_SQL = 'select greatest((select max(seq) from change_commit), (select max(pruned_seq) from change_feed_state), 0)::text as seq';

/** Anything with a `query(text)` returning rows (a pg client or pool, the read pool). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] } | Record<string, unknown>[]>;
}

/**
 * The cursor of the newest committed change (see CURRENT_CHANGE_SEQ_SQL), as `db` sees it: the read
 * database of a request, or a download's snapshot (its X-Change-Cursor matches the rows it sends).
 */
export async function currentChangeCursor(db: { run<T>(statement: Sql): Promise<T[]> }): Promise<string> {
  const [r] = await db.run<{ seq: string }>(sql.raw(CURRENT_CHANGE_SEQ_SQL));
  return encodeChangeCursor({ seq: r?.seq ?? '0' });
}
