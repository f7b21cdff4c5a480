import { changeFeed } from '../../db/change-capture';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { District } from '../reference/district.entity';
import { Brand } from './brand.entity';
import { EnterpriseAnnualFigure } from './enterprise-annual-figure.entity';
import type { Certification, CustomsMode, EnterpriseRole, SalesChannel } from './enterprise.enums';
import { EnterpriseMarketFigure } from './enterprise-market-figure.entity';

/**
 * A CBEC market player (跨境电商经营主体), identified by its unified social credit code.
 * Array columns carry GIN indexes because the read API filters on them with `&&` / `@>`.
 */
@changeFeed('enterprises')
@Entity({ tableName: 'enterprise' })
@SearchIndexes('enterprise')
@Index({ name: 'enterprise_updated_at_idx', properties: ['updatedAt', 'id'] })
/** By district, carrying what statistics group by, so grouping every enterprise is an index-only scan. */
@Index({
  name: 'enterprise_district_cover_idx',
  expression: 'create index "enterprise_district_cover_idx" on "enterprise" ("district_code", "id") include ("roles")',
})
/** By the credit code's region part (characters 3–8): the `registrationRegions` filter. */
@Index({
  name: 'enterprise_registration_region_idx',
  expression: 'create index "enterprise_registration_region_idx" on "enterprise" (substr("credit_code", 3, 6))',
})
@Index({ name: 'enterprise_name_zh_idx', properties: ['nameZh', 'id'] })
@Index({ name: 'enterprise_name_en_idx', properties: ['nameEn', 'id'] })
@Index({ name: 'enterprise_roles_gin', expression: 'create index "enterprise_roles_gin" on "enterprise" using gin ("roles")' })
@Index({ name: 'enterprise_certifications_gin', expression: 'create index "enterprise_certifications_gin" on "enterprise" using gin ("certifications")' })
@Index({ name: 'enterprise_export_markets_gin', expression: 'create index "enterprise_export_markets_gin" on "enterprise" using gin ("export_markets")' })
@Index({
  name: 'enterprise_import_source_markets_gin',
  expression: 'create index "enterprise_import_source_markets_gin" on "enterprise" using gin ("import_source_markets")',
})
@Index({ name: 'enterprise_served_markets_gin', expression: 'create index "enterprise_served_markets_gin" on "enterprise" using gin ("served_markets")' })
@Index({ name: 'enterprise_customs_modes_gin', expression: 'create index "enterprise_customs_modes_gin" on "enterprise" using gin ("customs_modes")' })
@Index({ name: 'enterprise_sales_channels_gin', expression: 'create index "enterprise_sales_channels_gin" on "enterprise" using gin ("sales_channels")' })
export class Enterprise extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Unified social credit code (GB 32100-2015), check character validated on import. */
  @Unique({ name: 'enterprise_credit_code_unique' })
  @Property({ type: 'string', length: 18 })
  creditCode!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @ManyToOne(() => District)
  district!: Rel<District>;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  roles: EnterpriseRole[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  certifications: Certification[] = [];

  /**
   * Where it exports to, where it imports from, and where it serves others (a platform, carrier or
   * service firm): ISO 3166-1 alpha-2 codes. The old `targetMarkets` is their union, computed.
   */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  exportMarkets: string[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  importSourceMarkets: string[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  servedMarkets: string[] = [];

  /** Customs supervision modes it trades under (CustomsMode). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  customsModes: CustomsMode[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  salesChannels: SalesChannel[] = [];

  @Property({ type: 'smallint', nullable: true })
  foundedYear?: number;

  @Property({ type: 'string', length: 300, nullable: true })
  website?: string;

  /** True for fictitious sample data (seeds, scale generator); false for imported real records. */
  @Property({ type: 'boolean', default: false })
  isSample: boolean = false;

  @OneToMany(
    () => EnterpriseAnnualFigure,
    (f) => f.enterprise,
  )
  annualFigures = new Collection<EnterpriseAnnualFigure>(this);

  @OneToMany(
    () => EnterpriseMarketFigure,
    (f) => f.enterprise,
  )
  marketFigures = new Collection<EnterpriseMarketFigure>(this);

  @OneToMany(
    () => Brand,
    (b) => b.enterprise,
  )
  brands = new Collection<Brand>(this);
}
