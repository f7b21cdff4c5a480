import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035518 extends Migration {

  override name = 'Migration20261202035518';

  override up(): void | Promise<void> {
    this.addSql(`create table "exchange_rate" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "base_currency" varchar(3) not null, "quote_currency" varchar(3) not null, "rate" numeric(18,8) not null, "rate_date" date not null, "source" varchar(200) not null, "is_sample" boolean not null default false);`);
    this.addSql(`create index "exchange_rate_updated_at_idx" on "exchange_rate" ("updated_at");`);
    this.addSql(`create index "exchange_rate_quote_idx" on "exchange_rate" ("quote_currency", "base_currency", "rate_date");`);
    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_pair_date_unique" unique ("base_currency", "quote_currency", "rate_date");`);

    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_two_currencies" check (base_currency <> quote_currency);`);
    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_rate_positive" check (rate > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "exchange_rate" cascade;`);
  }

}
