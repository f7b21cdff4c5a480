import { changeFeed } from '../../db/change-capture';
import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { District } from '../reference/district.entity';
import { BeltIndustry } from './belt.enums';
import { BeltAnnualFigure, BeltMembership } from './belt-membership.entity';

/** A "CBEC + industrial belt" (产业带): an export cluster of one industry across districts. */
@changeFeed('industrial-belts')
@Entity({ tableName: 'industrial_belt' })
@SearchIndexes('industrial_belt')
@Index({ name: 'industrial_belt_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'industrial_belt_industry_idx', properties: ['industry'] })
export class IndustrialBelt extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'industrial_belt_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Enum({ items: () => BeltIndustry })
  industry!: BeltIndustry;

  /** Whether the belt rests on a national foreign-trade transformation and upgrading base. */
  @Property({ type: 'boolean', default: false })
  onNationalTransformationBase: boolean = false;

  @Property({ type: 'string', length: 200, nullable: true })
  transformationBaseNameZh?: string;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;

  @ManyToMany({ entity: () => District, pivotTable: 'industrial_belt_district', joinColumn: 'belt_id', inverseJoinColumn: 'district_code' })
  districts = new Collection<District>(this);

  @OneToMany(
    () => BeltMembership,
    (m) => m.belt,
  )
  memberships = new Collection<BeltMembership>(this);

  @OneToMany(
    () => BeltAnnualFigure,
    (f) => f.belt,
  )
  annualFigures = new Collection<BeltAnnualFigure>(this);
}
