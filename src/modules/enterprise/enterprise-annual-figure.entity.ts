import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { changeFeed } from '../../db/change-capture';
import { Enterprise } from './enterprise.entity';

/** An enterprise's figures for one calendar year, in CNY. */
@changeFeed('enterprise-annual-figures')
@Entity({ tableName: 'enterprise_annual_figure' })
@Unique({ name: 'enterprise_annual_figure_unique', properties: ['enterprise', 'year'] })
@Index({ name: 'enterprise_annual_figure_year_tx_idx', properties: ['year', 'cbecTransactionsCny'] })
/** A year's figures with their amounts, so statistics read them index-only. */
@Index({
  name: 'enterprise_annual_figure_year_cover_idx',
  expression:
    'create index "enterprise_annual_figure_year_cover_idx" on "enterprise_annual_figure" ("year", "enterprise_id") include ("cbec_transactions_cny", "imports_cny", "exports_cny")',
})
export class EnterpriseAnnualFigure extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  @Property({ type: 'smallint' })
  year!: number;

  /** Annual cross-border e-commerce transactions (跨境电商交易额). */
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  cbecTransactionsCny!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  importsCny!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  exportsCny!: string;
}
