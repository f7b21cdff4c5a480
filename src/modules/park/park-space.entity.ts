import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { IndustrialPark } from './industrial-park.entity';
import { ParkSpaceKind, ParkSpaceStatus } from './park.enums';

/**
 * Space a park lets (园区可租空间): an office, a warehouse, a studio … with its area, floor, monthly
 * rent per m² in CNY, the day it is available from and the shortest term. `name_zh`/`name_en` are
 * its title (name search covers them). A space belongs to its park for good: the park cannot be
 * deleted while it has spaces (no cascade), and importing the park again leaves them as they are.
 */
@changeFeed('park-spaces')
@Entity({ tableName: 'park_space' })
@SearchIndexes('park_space')
@Unique({ name: 'park_space_park_ref_unique', properties: ['park', 'ref'] })
@Index({ name: 'park_space_updated_at_idx', properties: ['updatedAt', 'id'] })
@Check({ name: 'park_space_area_positive', expression: 'area_m2 > 0' })
@Check({ name: 'park_space_divisible_within_area', expression: 'min_divisible_m2 is null or (min_divisible_m2 > 0 and min_divisible_m2 <= area_m2)' })
@Check({ name: 'park_space_rent_not_negative', expression: 'monthly_rent_per_m2 >= 0' })
@Check({ name: 'park_space_min_term_positive', expression: 'min_term_months > 0' })
/**
 * Matching's walk (park-space.profile.ts): a park's available spaces, cheapest per m² first, with
 * every column the constraints and the score read, so the walk is index-only and stops at a budget.
 * It serves the park's nested `spaces` and the list's `parks` filter too.
 */
@Index({
  name: 'park_space_match_walk_idx',
  expression: `create index "park_space_match_walk_idx" on "park_space" ("park_id", "monthly_rent_per_m2", "id")
    include ("kind", "area_m2", "min_divisible_m2", "available_from", "min_term_months")
    where "status" = 'AVAILABLE'`,
})
export class ParkSpace extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => IndustrialPark)
  park!: Rel<IndustrialPark>;

  /** The park's own key for the space: importing the same (park, ref) again updates it. */
  @Property({ type: 'string', length: 80 })
  ref!: string;

  /** Title in Chinese. */
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  /** Title in English. */
  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'text', nullable: true })
  descriptionZh?: string;

  @Property({ type: 'text', nullable: true })
  descriptionEn?: string;

  @Enum({ items: () => ParkSpaceKind })
  kind!: ParkSpaceKind;

  /** Floor area, whole m². */
  @Property({ type: 'integer' })
  areaM2!: number;

  /** Set when the space can be let in parts: the smallest part, m²; null when let whole only. */
  @Property({ type: 'integer', nullable: true })
  minDivisibleM2?: number;

  /** Floor (negative below ground); null for a whole building or a yard. */
  @Property({ type: 'smallint', nullable: true })
  floor?: number;

  /** Rent per m² a month, CNY. */
  @Property({ type: 'decimal', precision: 10, scale: 2 })
  monthlyRentPerM2!: string;

  @Property({ type: 'date' })
  availableFrom!: string;

  @Property({ type: 'smallint', default: 1 })
  minTermMonths: number = 1;

  @Enum({ items: () => ParkSpaceStatus, default: ParkSpaceStatus.AVAILABLE })
  status: ParkSpaceStatus = ParkSpaceStatus.AVAILABLE;

  /** Whom to ask about the space (the park's leasing desk): shown to callers with an API key. */
  @Property({ type: 'string', length: 120, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;
}
