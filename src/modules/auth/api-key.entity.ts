import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { CustomsOffice } from '../filing/customs-office.entity';
import { TIERS, type Tier } from '../../graphql/limits/tiers';

/**
 * An API key acting for an enterprise, or (an authority key) for a customs office, which reviews
 * warehouse filings: exactly one of the two (api_key_holder_check). Only a SHA-256 of the secret is stored: keys are 32 random
 * bytes, so a slow password hash would add latency to every request without adding safety.
 */
@Entity({ tableName: 'api_key' })
@Index({ name: 'api_key_enterprise_idx', properties: ['enterprise'] })
@Index({ name: 'api_key_office_idx', properties: ['office'] })
@Check({ name: 'api_key_holder_check', expression: '(enterprise_id is null) <> (office_code is null)' })
export class ApiKey extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The enterprise the key acts for; null for an authority key. */
  @ManyToOne(() => Enterprise, { deleteRule: 'cascade', nullable: true })
  enterprise?: Rel<Enterprise>;

  /** The customs office an authority key acts for; null for an enterprise's key. */
  @ManyToOne(() => CustomsOffice, { fieldName: 'office_code', nullable: true, deleteRule: 'cascade' })
  office?: Rel<CustomsOffice>;

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
