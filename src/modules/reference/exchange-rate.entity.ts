import { changeFeed } from '../../db/change-capture';
import { Check, Entity, Index, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { CONVERSIONS_SQL } from './exchange-rate.sql';

/**
 * An exchange rate on a day: one unit of `baseCurrency` is worth `rate` units of `quoteCurrency`
 * (ISO 4217 codes, checked by the import against reference/iso-codes.ts). Matching converts a
 * budget in one currency to offers priced in another through the latest rate, indicatively
 * (docs/matchmaking.md). Imported like other reference data (`exchange-rates`), by (base, quote,
 * date); `isSample` marks the seeded demonstration set.
 */
@changeFeed('exchange-rates')
@Entity({ tableName: 'exchange_rate' })
@Unique({ name: 'exchange_rate_pair_date_unique', properties: ['baseCurrency', 'quoteCurrency', 'rateDate'] })
@Check({ name: 'exchange_rate_rate_positive', expression: 'rate > 0' })
@Check({ name: 'exchange_rate_two_currencies', expression: 'base_currency <> quote_currency' })
@Index({ name: 'exchange_rate_quote_idx', properties: ['quoteCurrency', 'baseCurrency', 'rateDate'] })
@Index({ name: 'exchange_rate_updated_at_idx', properties: ['updatedAt'] })
/*
 * Every pair's conversion (exchange_rate_conversion) follows each statement that writes rates:
 * worked out again whole from the rates stored (a few hundred pairs at most), under a lock on the
 * conversions so that concurrent writes of rates apply one after the other, each seeing the rates
 * the other committed. Readers see the conversions of the last committed write.
 */
@Trigger({
  name: 'convert',
  timing: 'after',
  events: ['insert', 'update', 'delete'],
  expression: `create or replace function "exchange_rate_convert_fn"() returns trigger as $$ begin
      lock table exchange_rate_conversion in exclusive mode;
      delete from exchange_rate_conversion;
      insert into exchange_rate_conversion (from_currency, to_currency, rate, rate_date, source, is_sample, inverse_of, via)
      ${CONVERSIONS_SQL};
      return null; end; $$ language plpgsql;
    create trigger "convert" after insert or update or delete on "exchange_rate"
      for each statement execute function "exchange_rate_convert_fn"()`,
})
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

/**
 * How an amount in one currency converts into another as the rates stand: derived from
 * exchange_rate by its trigger (exchange-rate.sql.ts, CONVERSIONS_SQL, for the rules), never
 * written otherwise. Matching reads the conversions into a budget's currency, or out of an offer's.
 */
@Entity({ tableName: 'exchange_rate_conversion' })
@Index({ name: 'exchange_rate_conversion_to_idx', properties: ['toCurrency', 'fromCurrency'] })
export class ExchangeRateConversion {
  @PrimaryKey({ type: 'string', length: 3 })
  fromCurrency!: string;

  @PrimaryKey({ type: 'string', length: 3 })
  toCurrency!: string;

  /** Units of `toCurrency` for one unit of `fromCurrency`, as used (8 places). */
  @Property({ type: 'decimal', precision: 18, scale: 8 })
  rate!: string;

  /** The day of the rate (of the older leg, through a pivot). */
  @Property({ type: 'date' })
  rateDate!: string;

  /** The source of the rate, or of both legs (" + "). */
  @Property({ type: 'text' })
  source!: string;

  /** True when the rate, or a leg of it, is sample data. */
  @Property({ type: 'boolean' })
  isSample!: boolean;

  /** The stored rate (toCurrency → fromCurrency) this one inverts, if it does. */
  @Property({ type: 'decimal', precision: 18, scale: 8, nullable: true })
  inverseOf?: string;

  /** The currency it goes through, if it has no rate of its own. */
  @Property({ type: 'string', length: 3, nullable: true })
  via?: string;
}
