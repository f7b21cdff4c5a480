import { changeFeed } from '../../db/change-capture';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { Country } from './country.entity';
import { CorridorMode } from './reference.enums';

/** A logistics corridor from a Chongqing hub (中欧班列, 西部陆海新通道, 长江航运, air cargo, postal). */
@changeFeed('corridors')
@Entity({ tableName: 'corridor' })
@SearchIndexes('corridor')
@Index({ name: 'corridor_updated_at_idx', properties: ['updatedAt'] })
export class Corridor extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'corridor_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 128 })
  nameZh!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Enum({ items: () => CorridorMode })
  mode!: CorridorMode;

  @Property({ type: 'string', length: 128 })
  originHubZh!: string;

  @Property({ type: 'string', length: 200 })
  originHubEn!: string;

  @Property({ type: 'integer', nullable: true })
  sinceYear?: number;

  @OneToMany(
    () => CorridorLane,
    (l) => l.corridor,
  )
  lanes = new Collection<CorridorLane>(this);
}

/** One destination served by a corridor, with its typical transit time from Chongqing. */
@Entity({ tableName: 'corridor_lane' })
@Unique({ name: 'corridor_lane_unique', properties: ['corridor', 'country', 'cityEn'] })
@Index({ name: 'corridor_lane_country_idx', properties: ['country'] })
export class CorridorLane extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Corridor, { deleteRule: 'cascade' })
  corridor!: Rel<Corridor>;

  @ManyToOne(() => Country)
  country!: Rel<Country>;

  @Property({ type: 'string', length: 64 })
  cityZh!: string;

  @Property({ type: 'string', length: 128 })
  cityEn!: string;

  @Property({ type: 'integer' })
  transitDaysMin!: number;

  @Property({ type: 'integer' })
  transitDaysMax!: number;
}
