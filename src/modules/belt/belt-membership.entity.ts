import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { IndustrialBelt } from './industrial-belt.entity';

/** An enterprise in a belt; anchors (龙头企业) lead it. */
@Entity({ tableName: 'belt_membership' })
@Unique({ name: 'belt_membership_unique', properties: ['belt', 'enterprise'] })
@Index({ name: 'belt_membership_enterprise_idx', properties: ['enterprise'] })
export class BeltMembership extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => IndustrialBelt, { deleteRule: 'cascade' })
  belt!: Rel<IndustrialBelt>;

  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  @Property({ type: 'boolean', default: false })
  isAnchor: boolean = false;
}

/** A belt's import+export for one year, in CNY. */
@Entity({ tableName: 'belt_annual_figure' })
@Unique({ name: 'belt_annual_figure_unique', properties: ['belt', 'year'] })
export class BeltAnnualFigure extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => IndustrialBelt, { deleteRule: 'cascade' })
  belt!: Rel<IndustrialBelt>;

  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  importExportCny!: string;
}
