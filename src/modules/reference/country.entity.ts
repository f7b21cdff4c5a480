import { changeFeed } from '../../db/change-capture';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';

/** A country by ISO 3166-1 alpha-2 code. */
@changeFeed('countries', { key: 'code' })
@Entity({ tableName: 'country' })
@SearchIndexes('country')
@Index({ name: 'country_updated_at_idx', properties: ['updatedAt'] })
export class Country extends SearchableEntity {
  @PrimaryKey({ type: 'string', length: 2 })
  code!: string;

  @Property({ type: 'string', length: 64 })
  nameZh!: string;

  @Property({ type: 'string', length: 128 })
  nameEn!: string;

  /** World region in English (e.g. "Southeast Asia", "Europe"). */
  @Property({ type: 'string', length: 64 })
  region!: string;

  /** ISO 4217 code of the main currency. */
  @Property({ type: 'string', length: 3 })
  currency!: string;
}
