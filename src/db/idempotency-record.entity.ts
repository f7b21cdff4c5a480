import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * One mutation run under an idempotency key. The row is inserted in the mutation's own
 * transaction, so a concurrent retry with the same key waits on the unique index until the first
 * commits, then finds the stored result; if the first rolls back, the retry runs.
 */
@Entity({ tableName: 'idempotency_record' })
@Unique({ name: 'idempotency_record_key_unique', properties: ['scope', 'key'] })
@Index({ name: 'idempotency_record_created_idx', properties: ['createdAt'] })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Who used the key: "enterprise:<id>". Keys are per caller. */
  @Property({ type: 'string', length: 40 })
  scope!: string;

  @Property({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'string', length: 60 })
  operation!: string;

  /** SHA-256 of the operation name and its canonical input. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** The payload's stored result (IDs and errors), replayed to retries. */
  @Property({ type: 'json', nullable: true })
  result?: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
