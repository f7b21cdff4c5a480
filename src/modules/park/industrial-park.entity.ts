import { changeFeed } from '../../db/change-capture';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { Enterprise } from '../enterprise/enterprise.entity';
import { District } from '../reference/district.entity';
import { Zone } from '../reference/zone.entity';
import { ParkDesignation, ParkKind, type ParkPublicService } from './park.enums';
import { ParkTenancy } from './park-tenancy.entity';

/** A CBEC industrial park (产业园区) of one of the four kinds of measure 3. */
@changeFeed('industrial-parks')
@Entity({ tableName: 'industrial_park' })
@SearchIndexes('industrial_park')
@Index({ name: 'industrial_park_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'industrial_park_district_idx', properties: ['district'] })
@Index({
  name: 'industrial_park_public_services_gin',
  expression: 'create index "industrial_park_public_services_gin" on "industrial_park" using gin ("public_services")',
})
/** `near` filters: the parks in a latitude band, then longitude and distance (geo.ts withinSql). */
@Index({ name: 'industrial_park_latitude_idx', properties: ['latitude'] })
/** The parks an enterprise operates (`parkSpaces(filter: { mine })`). */
@Index({ name: 'industrial_park_operator_idx', properties: ['operator'] })
export class IndustrialPark extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'industrial_park_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Enum({ items: () => ParkKind })
  kind!: ParkKind;

  @Enum({ items: () => ParkDesignation, default: ParkDesignation.NONE })
  designation: ParkDesignation = ParkDesignation.NONE;

  @ManyToOne(() => District)
  district!: Rel<District>;

  @ManyToOne(() => Zone, { nullable: true })
  zone?: Rel<Zone>;

  @Property({ type: 'string', length: 300, nullable: true })
  addressZh?: string;

  @Property({ type: 'double' })
  latitude!: number;

  @Property({ type: 'double' })
  longitude!: number;

  @Property({ type: 'integer', nullable: true })
  areaM2?: number;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  publicServices: ParkPublicService[] = [];

  @Property({ type: 'smallint', nullable: true })
  openedYear?: number;

  /**
   * The enterprise that runs the park (运营方), as the park's record names it: its API keys publish
   * and manage the park's space. Null when the record names none (space then enters by import
   * only). An enterprise that leaves the register stops running the park (set null): the park and
   * its space are the park's public record and stay; the next import of the park names its operator.
   */
  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'set null' })
  operator?: Rel<Enterprise>;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;

  @OneToMany(
    () => ParkTenancy,
    (t) => t.park,
  )
  tenancies = new Collection<ParkTenancy>(this);
}
