import { changeFeed } from '../../db/change-capture';
import { Collection } from '@mikro-orm/core';
import { Entity, Index, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { PolicyProvision } from './policy-provision.entity';
import { PolicyTarget } from './policy-target.entity';

/** One of the 15 measures of 渝府办发〔2023〕92号, with its responsible units. */
@changeFeed('policy-measures', { key: 'number' })
@Entity({ tableName: 'policy_measure' })
@Index({ name: 'policy_measure_updated_at_idx', properties: ['updatedAt'] })
export class PolicyMeasure extends TimestampedEntity {
  /** 1–15, the measure's number in the policy. */
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  number!: number;

  @Property({ type: 'string', length: 128 })
  titleZh!: string;

  @Property({ type: 'string', length: 200 })
  titleEn!: string;

  @Property({ type: 'text' })
  summaryZh!: string;

  @Property({ type: 'text' })
  summaryEn!: string;

  /** Responsible units (责任单位) in Chinese, in the policy's order. */
  @Property({ type: 'text[]' })
  responsibleUnitsZh!: string[];

  /** The same units in English. */
  @Property({ type: 'text[]' })
  responsibleUnitsEn!: string[];

  /** First day the measure applies: the policy states no commencement date, so its issue date (2023-12-04). */
  @Property({ type: 'date' })
  effectiveFrom!: string;

  /** Last day the measure applies (inclusive); null when the policy sets no end. */
  @Property({ type: 'date', nullable: true })
  effectiveTo?: string;

  @OneToMany(
    () => PolicyProvision,
    (p) => p.measure,
  )
  provisions = new Collection<PolicyProvision>(this);

  @OneToMany(
    () => PolicyTarget,
    (t) => t.measure,
  )
  targets = new Collection<PolicyTarget>(this);
}
