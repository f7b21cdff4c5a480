import { Migration } from '@mikro-orm/migrations';

export class Migration20261202041608 extends Migration {

  override name = 'Migration20261202041608';

  override up(): void | Promise<void> {
    this.addSql(`create table "exchange_rate_conversion" ("from_currency" varchar(3) not null, "to_currency" varchar(3) not null, "rate" numeric(18,8) not null, "rate_date" date not null, "source" text not null, "is_sample" boolean not null, "inverse_of" numeric(18,8) null, "via" varchar(3) null, primary key ("from_currency", "to_currency"));`);
    this.addSql(`create index "exchange_rate_conversion_to_idx" on "exchange_rate_conversion" ("to_currency", "from_currency");`);

    this.addSql(`create or replace function "exchange_rate_convert_fn"() returns trigger as \$\$ begin
      lock table exchange_rate_conversion in exclusive mode;       delete from exchange_rate_conversion;       insert into exchange_rate_conversion (from_currency, to_currency, rate, rate_date, source, is_sample, inverse_of, via)
      with latest as (
      select distinct on (base_currency, quote_currency) base_currency, quote_currency, rate, rate_date, source, is_sample
      from exchange_rate order by base_currency, quote_currency, rate_date desc),
    leg as (select distinct on (f, t) f, t, rate, rate_date, source, is_sample, stored from (
        select base_currency as f, quote_currency as t, rate, rate_date, source, is_sample, null::numeric as stored from latest
        union all
        select quote_currency, base_currency, 1 / rate, rate_date, source, is_sample, rate from latest) x
      order by f, t, rate_date desc, stored nulls first),
    conv as (
      select f, t, rate, rate_date, source::text as source, is_sample, stored, null::text as via from leg
      union all
      (select distinct on (a.f, b.t) a.f, b.t, a.rate * b.rate, least(a.rate_date, b.rate_date),
          case when a.source = b.source then a.source else a.source || ' + ' || b.source end, a.is_sample or b.is_sample, null, a.t
        from leg a join leg b on b.f = a.t
        where a.t = any(array['CNY', 'USD', 'EUR']) and a.f <> b.t
          and not exists (select 1 from leg l where l.f = a.f and l.t = b.t)
        order by a.f, b.t, array_position(array['CNY', 'USD', 'EUR'], a.t::text)))
    select f, t, round(rate, 8), rate_date, source, is_sample, stored, via from conv where round(rate, 8) > 0;       return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "convert" after insert or update or delete on "exchange_rate"
      for each statement execute function "exchange_rate_convert_fn"();`);
    // Reviewed addition: the conversions of the rates stored already (a statement-level trigger
    // fires for a statement that changes no row).
    this.addSql(`update "exchange_rate" set "rate" = "rate" where false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "exchange_rate_conversion" cascade;`);

    this.addSql(`drop trigger if exists "convert" on "exchange_rate";`);
    this.addSql(`drop function if exists "exchange_rate_convert_fn"();`);
  }

}
