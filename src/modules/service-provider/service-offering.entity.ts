import { changeFeed } from '../../db/change-capture';
import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { Enterprise } from '../enterprise/enterprise.entity';
import { District } from '../reference/district.entity';
import { ServiceProvider } from './service-provider.entity';
import { type ServiceCategory, type ServiceCertification, ServiceNeedStatus, ServiceOfferingStatus, type ServicePriceUnit } from './service-provider.enums';

/**
 * A service offering: one service a provider sells (a trademark filing in the EU, a month of Thai
 * live streaming, customs declaration per shipment), with its markets, languages, price range per
 * unit, turnaround and contact. A provider has any number; each has the provider's own `ref`, the
 * key the import path finds it by.
 *
 * The provider is never deleted from under its offerings (no cascade): an import that no longer
 * lists an offering leaves it as it is, and an offering leaves the market by being withdrawn.
 */
@changeFeed('service-offerings', { visible: "status = 'PUBLISHED'" })
@Entity({ tableName: 'service_offering' })
@SearchIndexes('service_offering')
@Check({ name: 'service_offering_price_range', expression: 'price_min is null or price_max is null or price_min <= price_max' })
@Check({ name: 'service_offering_price_unit', expression: '(price_min is null and price_max is null) = (price_unit is null)' })
@Check({ name: 'service_offering_price_currency', expression: "price_unit is null or (price_unit = 'PERCENT_OF_VALUE') = (currency is null)" })
@Unique({ name: 'service_offering_provider_ref_unique', properties: ['provider', 'ref'] })
@Index({ name: 'service_offering_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'service_offering_name_zh_idx', properties: ['nameZh', 'id'] })
/**
 * A provider's published offerings by category: ServiceProvider.offerings, and the COVERAGE factor's
 * look-up (whether the provider offers a category to a need's markets and languages), index-only.
 */
@Index({
  name: 'service_offering_provider_idx',
  expression: `create index "service_offering_provider_idx" on "service_offering" ("provider_id", "category", "id") include ("markets", "languages") where "status" = 'PUBLISHED'`,
})
/** The list's filters, any combination (btree_gin for the category). */
@Index({
  name: 'service_offering_find_gin',
  expression: `create index "service_offering_find_gin" on "service_offering" using gin ("category", "markets", "languages", "certifications") where "status" = 'PUBLISHED'`,
})
/**
 * The services profile's walk (service.profile.ts): published offerings of a category, per currency,
 * by price unit and lowest price, with every column the constraints read included, so a walk reads
 * the index alone (docs/matchmaking.md, "Services").
 */
@Index({
  name: 'service_offering_match_idx',
  expression: `create index "service_offering_match_idx" on "service_offering"
  ("category", (coalesce("currency", '')), "price_unit", (coalesce("price_min", "price_max")), "id")
  include ("provider_id", "markets", "languages", "certifications", "turnaround_days", "price_min", "price_max", "currency")
  where "status" = 'PUBLISHED'`,
})
export class ServiceOffering extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => ServiceProvider)
  provider!: Rel<ServiceProvider>;

  /** The provider's key for the offering (import path); unique per provider. */
  @Property({ type: 'string', length: 80, nullable: true })
  ref?: string;

  @Enum({ items: () => ServiceOfferingStatus, default: ServiceOfferingStatus.DRAFT })
  status: ServiceOfferingStatus & Opt = ServiceOfferingStatus.DRAFT;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'string', length: 4000, nullable: true })
  descriptionZh?: string;

  @Property({ type: 'string', length: 8000, nullable: true })
  descriptionEn?: string;

  @Property({ type: 'text' })
  category!: ServiceCategory;

  /** Markets served, ISO 3166-1 alpha-2, or EU for the Union as a region; empty = any market. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  markets: string[] & Opt = [];

  /** Working languages, ISO 639-1. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  languages: string[] & Opt = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  certifications: ServiceCertification[] & Opt = [];

  /** Price range per `priceUnit`, in `currency` (a percentage, without currency, for PERCENT_OF_VALUE). */
  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  priceMin?: string;

  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  priceMax?: string;

  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string;

  @Property({ type: 'text', nullable: true })
  priceUnit?: ServicePriceUnit;

  /** Days from order to the work done. */
  @Property({ type: 'smallint', nullable: true })
  turnaroundDays?: number;

  @Property({ type: 'string', length: 120, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone?: string;

  @Property({ type: 'boolean', default: true })
  isSample: boolean & Opt = true;
}

/**
 * An enterprise's saved service need: the services it looks for (one or more categories), where
 * and in which languages, its budget and deadline. Open needs are public (anyone may rank them for
 * an offering) and are told of newly published offerings that fit them (serviceOfferingMatched).
 */
@Entity({ tableName: 'service_need' })
@Check({ name: 'service_need_categories', expression: 'cardinality(categories) >= 1' })
@Check({ name: 'service_need_budget_unit', expression: '(budget_max is null) = (budget_unit is null)' })
@Check({ name: 'service_need_budget_currency', expression: "budget_unit is null or (budget_unit = 'PERCENT_OF_VALUE') = (budget_currency is null)" })
@Unique({ name: 'service_need_owner_ref_unique', properties: ['owner', 'ref'] })
@Index({ name: 'service_need_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'service_need_owner_idx', properties: ['owner', 'status'] })
/** Open needs by category: an offering's needs (ranking and announcements). */
@Index({
  name: 'service_need_categories_gin',
  expression: `create index "service_need_categories_gin" on "service_need" using gin ("categories") where "status" = 'OPEN'`,
})
/** Words of the title and description (serviceNeeds(search:)). */
@Index({
  name: 'service_need_search_trgm',
  expression: `create index "service_need_search_trgm" on "service_need" using gin (cbec_search_text("title", "description") gin_trgm_ops)`,
})
export class ServiceNeed extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Enterprise)
  owner!: Rel<Enterprise>;

  /** The enterprise's key for the need (import path); unique per enterprise. */
  @Property({ type: 'string', length: 80, nullable: true })
  ref?: string;

  @Enum({ items: () => ServiceNeedStatus, default: ServiceNeedStatus.OPEN })
  status: ServiceNeedStatus & Opt = ServiceNeedStatus.OPEN;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 4000, nullable: true })
  description?: string;

  @Property({ type: 'text[]' })
  categories!: ServiceCategory[];

  /** Markets the work is for (ISO 3166-1 alpha-2, or EU): the markets of all its services; an offering must serve one. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  markets: string[] & Opt = [];

  /** Languages the work may be done in (ISO 639-1): an offering must work in one. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  languages: string[] & Opt = [];

  /** Certifications an offering must hold. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  certifications: ServiceCertification[] & Opt = [];

  /** The most the enterprise pays, per `budgetUnit`, in `budgetCurrency` (a percentage for PERCENT_OF_VALUE). */
  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  budgetMax?: string;

  @Property({ type: 'string', length: 3, nullable: true })
  budgetCurrency?: string;

  @Property({ type: 'text', nullable: true })
  budgetUnit?: ServicePriceUnit;

  /** The day by which the work must be done. */
  @Property({ type: 'date', nullable: true })
  deadline?: string;

  /** Where the enterprise would like the provider to be (LOCAL_PRESENCE), GB/T 2260. */
  @ManyToOne(() => District, { nullable: true })
  district?: Rel<District>;

  @Property({ type: 'boolean', default: true })
  isSample: boolean & Opt = true;
}
