import { changeFeed } from '../../db/change-capture';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { DistrictKind } from './reference.enums';

/**
 * A county-level division of Chongqing (GB/T 2260). Divisions change: a retired code keeps its
 * row with `validTo` set and the codes that succeeded it, because credit codes issued before the
 * change still carry it.
 */
@changeFeed('districts', { key: 'code' })
@Entity({ tableName: 'district' })
@SearchIndexes('district')
@Index({ name: 'district_updated_at_idx', properties: ['updatedAt'] })
export class District extends SearchableEntity {
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Property({ type: 'string', length: 64 })
  nameZh!: string;

  @Property({ type: 'string', length: 128 })
  nameEn!: string;

  @Enum({ items: () => DistrictKind })
  kind!: DistrictKind;

  /** First day the code was in force, when known. */
  @Property({ type: 'date', nullable: true })
  validFrom?: string;

  /** Last day the code was in force; null while current. */
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  /** Codes that took over this division's territory when it was retired. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  successorCodes: string[] = [];

  /** Why the division changed, in Chinese. */
  @Property({ type: 'text', nullable: true })
  changeNote?: string;
}
