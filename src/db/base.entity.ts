import { Property } from '@mikro-orm/decorators/legacy';

/**
 * Every table carries created/updated timestamps. `updated_at` is indexed per table
 * (see each entity) because `updatedSince` delta sync filters on it.
 */
export abstract class TimestampedEntity {
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
