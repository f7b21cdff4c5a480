import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { BrandKind } from './enterprise.enums';
import { Enterprise } from './enterprise.entity';

/** A brand owned by an enterprise (measure 2: own and DTC brands, overseas trademarks). */
@Entity({ tableName: 'brand' })
@Index({ name: 'brand_enterprise_idx', properties: ['enterprise'] })
export class Brand extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Enterprise, { deleteRule: 'cascade' })
  enterprise!: Rel<Enterprise>;

  /** Brand names are usually Latin letters; `nameZh` holds the Chinese form where there is one. */
  @Property({ type: 'string', length: 120 })
  nameZh!: string;

  @Property({ type: 'string', length: 120 })
  nameEn!: string;

  @Enum({ items: () => BrandKind })
  kind!: BrandKind;

  /** Countries (ISO 3166-1 alpha-2) where the trademark is registered. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  overseasTrademarkCountries: string[] = [];

  @Property({ type: 'boolean', default: false })
  hasInternationalCertification: boolean = false;

  @Property({ type: 'integer', default: 0 })
  patentCount: number = 0;
}
