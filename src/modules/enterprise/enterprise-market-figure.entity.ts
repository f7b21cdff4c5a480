import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { changeFeed } from '../../db/change-capture';
import { Country } from '../reference/country.entity';
import { Enterprise } from './enterprise.entity';
import type { TradeDirection } from './enterprise.enums';

/**
 * An enterprise's CBEC exports to (or imports from) one country in one calendar year, in CNY.
 * The figures by market of a year and direction add up to at most the enterprise's annual total
 * for that direction (exports_cny / imports_cny of enterprise_annual_figure): what is left is
 * trade whose market was not reported. Checked on import and by tests/data-quality/trade.test.ts.
 */
@changeFeed('enterprise-market-figures')
@Entity({ tableName: 'enterprise_market_figure' })
@Unique({ name: 'enterprise_market_figure_unique', properties: ['enterprise', 'year', 'direction', 'country'] })
@Check({ name: 'enterprise_market_figure_direction', expression: "direction in ('EXPORT', 'IMPORT')" })
@Check({ name: 'enterprise_market_figure_amount_not_negative', expression: 'amount_cny >= 0' })
/** Statistics by market and year read this index only. */
@Index({
  name: 'enterprise_market_figure_year_cover_idx',
  expression:
    'create index "enterprise_market_figure_year_cover_idx" on "enterprise_market_figure" ("year", "direction", "country_code") include ("enterprise_id", "amount_cny")',
})
export class EnterpriseMarketFigure extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'string', length: 6 })
  direction!: TradeDirection;

  /** Country of destination (EXPORT) or of origin (IMPORT). */
  @ManyToOne(() => Country)
  country!: Rel<Country>;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amountCny!: string;
}
