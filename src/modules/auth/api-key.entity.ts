import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { TIERS, type Tier } from '../../graphql/limits/tiers';

/**
 * An API key acting for an enterprise. Only a SHA-256 of the secret is stored: keys are 32 random
 * bytes, so a slow password hash would add latency to every request without adding safety.
 */
@Entity({ tableName: 'api_key' })
@Index({ name: 'api_key_enterprise_idx', properties: ['enterprise'] })
export class ApiKey extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  /** The public part of the key (`cbec_<prefix>_…`), to find the row. */
  @Unique({ name: 'api_key_prefix_unique' })
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** Hex SHA-256 of the whole key. */
  @Property({ type: 'string', length: 64 })
  secretHash!: string;

  @Property({ type: 'string', length: 120 })
  label!: string;

  /** Budget tier for rate limits (points per window, see docs/limits.md). */
  @Enum({ items: () => [...TIERS], default: 'STANDARD' })
  tier: Tier = 'STANDARD';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date;
}
