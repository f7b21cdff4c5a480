import { Migration } from '@mikro-orm/migrations';

export class Migration20261202131150 extends Migration {

  override name = 'Migration20261202131150';

  override up(): void | Promise<void> {
    this.addSql(`create index "service_need_search_trgm" on "service_need" using gin (cbec_search_text("title", "description") gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "service_need_search_trgm";`);
  }

}
