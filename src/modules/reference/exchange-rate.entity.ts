import { Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';

/**
 * An exchange rate on a day: one unit of `baseCurrency` is worth `rate` units of `quoteCurrency`
 * (ISO 4217 codes, checked by the import against reference/iso-codes.ts). Matching converts a
 * budget in one currency to offers priced in another through the latest rate on or before today,
 * indicatively (docs/matchmaking.md). Imported like other reference data (`exchange-rates`), by
 * (base, quote, date); `isSample` marks the seeded demonstration set.
 */
@Entity({ tableName: 'exchange_rate' })
@Unique({ name: 'exchange_rate_pair_date_unique', properties: ['baseCurrency', 'quoteCurrency', 'rateDate'] })
@Check({ name: 'exchange_rate_rate_positive', expression: 'rate > 0' })
@Check({ name: 'exchange_rate_two_currencies', expression: 'base_currency <> quote_currency' })
@Index({ name: 'exchange_rate_quote_idx', properties: ['quoteCurrency', 'baseCurrency', 'rateDate'] })
@Index({ name: 'exchange_rate_updated_at_idx', properties: ['updatedAt'] })
export class ExchangeRate extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 3 })
  baseCurrency!: string;

  @Property({ type: 'string', length: 3 })
  quoteCurrency!: string;

  /** Units of the quote currency for one unit of the base currency. */
  @Property({ type: 'decimal', precision: 18, scale: 8 })
  rate!: string;

  /** The day the rate is of (its publication's reference day). */
  @Property({ type: 'date' })
  rateDate!: string;

  /** Who published it, e.g. "ECB euro foreign exchange reference rates". */
  @Property({ type: 'string', length: 200 })
  source!: string;

  /** Demonstration values, not a published rate. */
  @Property({ type: 'boolean', default: false })
  isSample: boolean = false;
}
