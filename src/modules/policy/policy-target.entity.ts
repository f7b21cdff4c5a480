import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { CountingRule, TargetMetric } from './policy.enums';
import { PolicyMeasure } from './policy-measure.entity';

/** A quantitative 2027 target; its current value is computed from the data, never stored. */
@changeFeed('policy-targets')
@Entity({ tableName: 'policy_target' })
export class PolicyTarget extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'policy_target_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @ManyToOne(() => PolicyMeasure)
  measure!: Rel<PolicyMeasure>;

  @Property({ type: 'text' })
  descriptionZh!: string;

  @Property({ type: 'text' })
  descriptionEn!: string;

  @Enum({ items: () => TargetMetric })
  metric!: TargetMetric;

  /** CNY threshold for metrics that count things above an amount (e.g. 20,000,000). */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  thresholdCny?: string;

  /** The number to reach. */
  @Property({ type: 'integer' })
  targetValue!: number;

  /** True when the policy says "more than" (超过) rather than "reach" (达到). */
  @Property({ type: 'boolean', default: false })
  strictlyAbove: boolean = false;

  @Property({ type: 'smallint' })
  targetYear!: number;

  /** How the count is taken over time, as the policy words the target (累计 → CUMULATIVE …). */
  @Enum({ items: () => CountingRule })
  countingRule!: CountingRule;

  /**
   * INDUSTRIAL_PARKS only: the least floor area (m²) of a park "of a certain scale" (具有一定规模).
   * The policy gives no number: this is the API's working definition, explained in workingDefinition*.
   */
  @Property({ type: 'integer', nullable: true })
  minParkAreaM2?: number;

  /** Where the policy leaves a term undefined, the working definition this API counts by, in Chinese. */
  @Property({ type: 'text', nullable: true })
  workingDefinitionZh?: string;

  /** The same in English. */
  @Property({ type: 'text', nullable: true })
  workingDefinitionEn?: string;
}
