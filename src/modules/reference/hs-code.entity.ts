import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';

/**
 * A chapter of the Harmonized System (HS 2022, two digits, 01–97): what a subheading is shown
 * with. Chinese names follow the chapter titles of the Chinese customs tariff (进出口税则).
 */
@Entity({ tableName: 'hs_chapter' })
@Check({ name: 'hs_chapter_code_format', expression: "code ~ '^[0-9]{2}$'" })
export class HsChapter extends TimestampedEntity {
  @PrimaryKey({ type: 'string', length: 2 })
  code!: string;

  /** HS section, Roman numeral I–XXI. */
  @Property({ type: 'string', length: 5 })
  section!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'text' })
  nameEn!: string;
}

/**
 * A six-digit subheading of the Harmonized System (HS 2022), the internationally shared part of
 * every national tariff code: what a fair listing's HS code is checked against.
 */
@changeFeed('hs-codes', { key: 'code', type: 'HsCode' })
@Entity({ tableName: 'hs_subheading' })
@Check({ name: 'hs_subheading_code_format', expression: "code ~ '^[0-9]{6}$'" })
@Index({ name: 'hs_subheading_chapter_idx', properties: ['chapter'] })
export class HsSubheading extends TimestampedEntity {
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @ManyToOne(() => HsChapter)
  chapter!: Rel<HsChapter>;

  /** Its four-digit heading. */
  @Property({ type: 'string', length: 4 })
  heading!: string;

  /** The nomenclature's own English description. */
  @Property({ type: 'text' })
  descriptionEn!: string;

  /** A Chinese description where one is known (the tariff's own wording); null otherwise. */
  @Property({ type: 'text', nullable: true })
  descriptionZh?: string;
}
