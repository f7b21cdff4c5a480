import { changeFeed } from '../../db/change-capture';
import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { District } from './district.entity';
import { ZoneKind } from './reference.enums';

/** A functional zone (bonded zone, B-type centre, new area, high-tech zone); spans one or more districts. */
@changeFeed('zones')
@Entity({ tableName: 'zone' })
@SearchIndexes('zone')
@Index({ name: 'zone_updated_at_idx', properties: ['updatedAt'] })
export class Zone extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'zone_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 128 })
  nameZh!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Enum({ items: () => ZoneKind })
  kind!: ZoneKind;

  @Property({ type: 'integer', nullable: true })
  establishedYear?: number;

  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  areaKm2?: string;

  @Property({ type: 'text', nullable: true })
  noteZh?: string;

  @ManyToMany({ entity: () => District, pivotTable: 'zone_district', joinColumn: 'zone_id', inverseJoinColumn: 'district_code' })
  districts = new Collection<District>(this);
}
