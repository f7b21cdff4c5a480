import { Migration } from '@mikro-orm/migrations';

export class Migration20261202145300 extends Migration {

  override name = 'Migration20261202145300';

  override up(): void | Promise<void> {
    this.addSql(`create table "import_run" ("id" serial primary key, "kind" varchar(40) not null, "file_name" varchar(255) not null, "format" varchar(8) not null, "started_at" timestamptz not null default now(), "rows_read" int not null, "rows_valid" int not null, "rows_rejected" int not null);`);

    this.addSql(`create table "record_source" ("id" bigserial primary key, "table_name" varchar(63) not null, "record_id" int not null, "run_id" int not null, "file_name" varchar(255) not null, "sheet" varchar(100) null, "line" int not null, "imported_at" timestamptz not null);`);
    this.addSql(`create index "record_source_run_idx" on "record_source" ("run_id");`);
    this.addSql(`alter table "record_source" add constraint "record_source_record_unique" unique ("table_name", "record_id");`);

    this.addSql(`alter table "record_source" add constraint "record_source_run_id_foreign" foreign key ("run_id") references "import_run" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "record_source" drop constraint "record_source_run_id_foreign";`);

    this.addSql(`drop table if exists "import_run" cascade;`);
    this.addSql(`drop table if exists "record_source" cascade;`);
  }

}
