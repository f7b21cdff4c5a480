import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150110 extends Migration {

  override name = 'Migration20261202150110';

  override up(): void | Promise<void> {
    this.addSql(`create table "dataset_distribution" ("dataset" varchar(60) not null, "file" varchar(12) not null, "version" varchar(120) not null, "byte_size" bigint not null, "sha256" varchar(64) not null, "rows" bigint not null, "modified" timestamptz null, "computed_at" timestamptz not null default now(), primary key ("dataset", "file"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "dataset_distribution" cascade;`);
  }

}
