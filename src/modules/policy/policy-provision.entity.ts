import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { PolicyMeasure } from './policy-measure.entity';

/**
 * A provision of a measure that has its own period of validity in the policy's text, e.g. measure
 * 7's duty exemption on returned CBEC exports (2023-01-30 to 2025-12-31). Its status is computed
 * against the current date when read, never stored.
 */
@changeFeed('policy-provisions')
@Entity({ tableName: 'policy_provision' })
export class PolicyProvision extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'policy_provision_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @ManyToOne(() => PolicyMeasure)
  measure!: Rel<PolicyMeasure>;

  /** What the provision grants, in Chinese. */
  @Property({ type: 'text' })
  summaryZh!: string;

  @Property({ type: 'text' })
  summaryEn!: string;

  /** The policy's own words that set the dates, quoted so that they can be checked. */
  @Property({ type: 'text' })
  quoteZh!: string;

  /** First day the provision applies. */
  @Property({ type: 'date' })
  effectiveFrom!: string;

  /** Last day it applies (inclusive); null when the text sets no end. */
  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;
}
