import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { Enterprise } from '../enterprise/enterprise.entity';
import type { ServiceCategory } from './service-provider.enums';

/** An enterprise's professional-service offering; one per enterprise. */
@changeFeed('service-providers')
@Entity({ tableName: 'service_provider' })
@SearchIndexes('service_provider')
@Index({ name: 'service_provider_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'service_provider_name_zh_idx', properties: ['nameZh', 'id'] })
@Index({ name: 'service_provider_name_en_idx', properties: ['nameEn', 'id'] })
@Index({ name: 'service_provider_categories_gin', expression: 'create index "service_provider_categories_gin" on "service_provider" using gin ("categories")' })
@Index({ name: 'service_provider_markets_gin', expression: 'create index "service_provider_markets_gin" on "service_provider" using gin ("markets")' })
@Index({ name: 'service_provider_languages_gin', expression: 'create index "service_provider_languages_gin" on "service_provider" using gin ("languages")' })
export class ServiceProvider extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'service_provider_enterprise_unique' })
  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  /** The offering's name (often the enterprise's trade name plus what it does). */
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  categories: ServiceCategory[] = [];

  /** Markets served, ISO 3166-1 alpha-2. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  markets: string[] = [];

  /** Working languages, ISO 639-1 (zh, en, ru, vi …). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  languages: string[] = [];

  @Property({ type: 'text', nullable: true })
  descriptionZh?: string;

  @Property({ type: 'text', nullable: true })
  descriptionEn?: string;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;
}
