import { Check, Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { CHANGE_STAMP_DDL } from '../../db/change-capture';

/**
 * One change of a public dataset as the public sees it, written by the capture triggers
 * (src/db/change-capture.ts) in the writing transaction. Its commit order is its transaction's
 * `change_commit.seq`; `id` orders the changes within a transaction (index (txid, id): a page
 * reads a transaction's changes in that order).
 */
@Entity({ tableName: 'change_log' })
@Check({ name: 'change_log_op', expression: "op in ('I', 'U', 'D')" })
@Index({ name: 'change_log_txid_idx', properties: ['txid', 'id'] })
export class ChangeLog {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The writing transaction (txid_current()). */
  @Property({ type: 'bigint' })
  txid!: string;

  /** The dataset's name (kebab case of its list query). */
  @Property({ type: 'text' })
  dataset!: string;

  /** The row's node key (the key its global ID carries). */
  @Property({ type: 'text' })
  key!: string;

  /** I (became public: inserted, published), U (changed while public), D (no longer public: deleted, withdrawn). */
  @Property({ type: 'character', length: 1 })
  op!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;
}

/**
 * One row per transaction that logged a change, with the datasets it changed. Its deferred
 * constraint trigger stamps the transaction at commit (CHANGE_STAMP_DDL).
 */
@Entity({ tableName: 'change_tx' })
@Trigger({ name: 'change_stamp', timing: 'after', events: ['insert'], forEach: 'row', expression: CHANGE_STAMP_DDL })
export class ChangeTx {
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  txid!: string;

  @Property({ type: 'text[]' })
  datasets!: string[];
}

/** A committed transaction's place in commit order (`seq`) and its commit time. */
@Entity({ tableName: 'change_commit' })
@Index({ name: 'change_commit_txid_idx', properties: ['txid'] })
@Index({ name: 'change_commit_committed_at_idx', properties: ['committedAt'] })
export class ChangeCommit {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'bigint' })
  txid!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  committedAt!: Date;
}

/**
 * Each dataset's last change: the seq and commit time of the last transaction that changed it
 * (exact Last-Modified and ETag for the catalogue and the downloads).
 */
@Entity({ tableName: 'change_dataset_state' })
export class ChangeDatasetState {
  @PrimaryKey({ type: 'text' })
  dataset!: string;

  @Property({ type: 'bigint' })
  lastSeq!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastModified!: Date;
}

/**
 * The feed's retention horizon (one row): every transaction up to `prunedSeq` has been pruned; a
 * cursor before it must resync.
 */
@Entity({ tableName: 'change_feed_state' })
@Check({ name: 'change_feed_state_one_row', expression: 'id = 1' })
export class ChangeFeedState {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint', default: 0 })
  prunedSeq!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  prunedAt?: Date;
}
