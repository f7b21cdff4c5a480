import { changeFeed } from '../../db/change-capture';
import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { IndustrialBelt } from '../belt/industrial-belt.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { HsSubheading } from '../reference/hs-code.entity';
import { ProductCategory } from '../reference/product-category.entity';
import { FairEdition, FairHall } from './fair-edition.entity';
import { FAIR_VERSIONED, FairExhibitor } from './fair-exhibitor.entity';
import { ListingKind, ListingStatus, OrderUnit, type ProductCertification } from './fair.enums';

/**
 * A fair listing: an OFFER (products or services on sale, by an exhibitor) or a REQUEST (a
 * buyer's sourcing or service need, by any enterprise). Owned by one enterprise, which alone sees
 * its drafts and changes it.
 *
 * Kept by the write trigger: the hall and belt of its exhibitor, the root of its category, the
 * publication time, the edition's next sync version, and `searchText`: titles, keywords, category
 * names (both levels), the owner's names and brands and the HS chapter's name, lower-cased, so a
 * search for a brand or a category (摩托车及零部件) finds the listing. Its trigram and character-bigram
 * indexes serve search as src/db/search-index.ts describes.
 */
/**
 * The longest search text fair_listing_page_idx holds, in bytes: a B-tree entry is at most 2,704
 * bytes, and the entry's other columns take up to about 650 (60 markets, every certification).
 */
export const SEARCH_HEAD_MAX_BYTES = 1600;

@changeFeed('fair-listings', { visible: "status = 'PUBLISHED'" })
@Entity({ tableName: 'fair_listing' })
@Check({ name: 'fair_listing_offer_exhibitor', expression: "kind = 'REQUEST' or exhibitor_id is not null" })
@Check({ name: 'fair_listing_price_range', expression: 'price_min is null or price_max is null or price_min <= price_max' })
@Check({ name: 'fair_listing_price_currency', expression: '(price_min is null and price_max is null) or currency is not null' })
@Check({ name: 'fair_listing_quantity_positive', expression: 'min_quantity is null or min_quantity > 0' })
@Check({ name: 'fair_listing_hs_format', expression: "hs_code is null or hs_code ~ '^[0-9]{6}$'" })
@Unique({ name: 'fair_listing_edition_ref_unique', properties: ['edition', 'ref'] })
@Index({ name: 'fair_listing_owner_idx', properties: ['owner', 'status'] })
@Index({ name: 'fair_listing_exhibitor_idx', properties: ['exhibitor'] })
@Index({ name: 'fair_listing_sync_idx', properties: ['edition', 'syncVersion'] })
@Index({ name: 'fair_listing_updated_at_idx', properties: ['updatedAt', 'id'] })
/**
 * The fair app's default page: an edition's published listings, newest first (ties: the higher ID
 * first, so a keyset cursor is one row comparison the index ranges over). Filtered and searched
 * pages walk it too while matches are dense (fair.service.ts, newestWindow); the filters' columns
 * and the search text (search_head) are included, so the walk reads the index alone: 20,000 entries
 * in about 1,000 pages instead of 6,000 pages of wide rows.
 */
@Index({
  name: 'fair_listing_page_idx',
  expression: `create index "fair_listing_page_idx" on "fair_listing" ("edition_id", "published_at" desc, "id" desc)
  include ("kind", "category_id", "hall_id", "belt_id", "exhibitor_id", "owner_id", "hs_chapter", "target_markets", "certifications", "updated_at", "search_head")
  where "status" = 'PUBLISHED'`,
})
/**
 * The listing page's filters and search words, any combination, in one index (btree_gin, pg_trgm,
 * the character bigrams): GIN intersects the keys of every condition itself and skips through the
 * long posting lists, so a rare filter with a common word reads only the rows that have both.
 * Separate indexes, as before, built a bitmap of every listing with the common word (100 ms and
 * more at a million) or left a condition (a category) to be checked on each row. The edition is not
 * in it, and a filter for offers is not read through it (fair.service.ts asks `kind <> 'REQUEST'`):
 * one edition holding most listings, or offers being most of them, their posting lists are nearly
 * the whole table, and intersecting them costs more than checking them on the rows the other keys
 * leave (69 ms against 15 ms for offers, a category, a hall and a word at a million listings).
 * Requests, fewer, are a key.
 */
@Index({
  name: 'fair_listing_find_gin',
  expression: `create index "fair_listing_find_gin" on "fair_listing" using gin ("kind", "category_id", "hall_id", "belt_id", "exhibitor_id", "hs_chapter", "target_markets", "certifications", "search_text" gin_trgm_ops, "search_bigrams") where "status" = 'PUBLISHED'`,
})
/**
 * Sourcing's walks (sourcing.profile.ts): an edition's published listings of one kind and category,
 * per currency, by price, with every column the constraints read included, so a walk stays
 * index-only (docs/matchmaking.md, "Sourcing at the fair").
 */
@Index({
  name: 'fair_listing_sourcing_idx',
  expression: `create index "fair_listing_sourcing_idx" on "fair_listing"
  ("edition_id", "kind", "category_id", (coalesce("currency", '')), (coalesce("price_min", "price_max")), "id")
  include ("owner_id", "category_root_id", "hs_chapter", "min_quantity", "quantity_unit", "price_min", "price_max",
    "currency", "lead_time_days", "target_markets", "certifications", "belt_id", "hall_id")
  where "status" = 'PUBLISHED'`,
})
@Trigger({
  name: 'fair_listing_prepare',
  timing: 'before',
  events: ['insert', 'update'],
  body: `if new.exhibitor_id is not null then
      select x.hall_id, coalesce(new.belt_id, x.belt_id) into new.hall_id, new.belt_id from fair_exhibitor x where x.id = new.exhibitor_id;
    else new.hall_id := null;
    end if;
    select coalesce(c.parent_id, c.id) into new.category_root_id from product_category c where c.id = new.category_id;
    if new.status = 'PUBLISHED' and (tg_op = 'INSERT' or old.status <> 'PUBLISHED') then new.published_at := coalesce(new.published_at, now()); end if;
    new.search_text := lower(concat_ws(' ', new.name_zh, new.name_en, array_to_string(new.keywords, ' '),
      (select concat_ws(' ', c.name_zh, c.name_en, p.name_zh, p.name_en) from product_category c left join product_category p on p.id = c.parent_id where c.id = new.category_id),
      (select concat_ws(' ', e.name_zh, e.name_en) from enterprise e where e.id = new.owner_id),
      (select string_agg(b.name_zh || ' ' || b.name_en, ' ' order by b.id) from brand b where b.enterprise_id = new.owner_id),
      (select h.name_zh from hs_chapter h where h.code = left(new.hs_code, 2))));
    insert into fair_search_word (word) select distinct w from regexp_split_to_table(new.search_text, '[^a-z0-9]+') w
      where length(w) between 4 and 40 on conflict do nothing;
    if ${FAIR_VERSIONED} then new.sync_version := fair_next_version(new.edition_id); end if;
    return new;`,
})
@Trigger({
  name: 'fair_listing_tombstone',
  timing: 'after',
  events: ['delete'],
  body: `insert into fair_tombstone (edition_id, kind, entity_id, sync_version)
      select old.edition_id, 'LISTING', old.id, v from fair_next_version(old.edition_id) v where v is not null;
    return null;`,
})
export class FairListing extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FairEdition, { deleteRule: 'cascade' })
  edition!: Rel<FairEdition>;

  /** The enterprise that owns it (an API key of it changes it). */
  @ManyToOne(() => Enterprise)
  owner!: Rel<Enterprise>;

  /** The owner's exhibitor record at the edition; required for an OFFER. */
  @ManyToOne(() => FairExhibitor, { nullable: true, deleteRule: 'cascade' })
  exhibitor?: Rel<FairExhibitor>;

  /** The exhibitor's hall (copied by the trigger). */
  @ManyToOne(() => FairHall, { nullable: true })
  hall?: Rel<FairHall>;

  /** The listing's belt; the exhibitor's when not given (the trigger). */
  @ManyToOne(() => IndustrialBelt, { nullable: true })
  belt?: Rel<IndustrialBelt>;

  /** The importer's key for the listing, unique in its edition (import path). */
  @Property({ type: 'string', length: 80, nullable: true })
  ref?: string;

  @Enum({ items: () => ListingKind })
  kind!: ListingKind;

  @Enum({ items: () => ListingStatus, default: ListingStatus.DRAFT })
  status: ListingStatus & Opt = ListingStatus.DRAFT;

  /** Title in Chinese. */
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  /** Title in English. */
  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'string', length: 4000 })
  descriptionZh!: string;

  @Property({ type: 'string', length: 8000 })
  descriptionEn!: string;

  @ManyToOne(() => ProductCategory)
  category!: Rel<ProductCategory>;

  /** The category's top level (the trigger). */
  @ManyToOne(() => ProductCategory, { nullable: true })
  categoryRoot?: Rel<ProductCategory>;

  /** HS 2022 subheading, six digits, when known. */
  @ManyToOne(() => HsSubheading, { nullable: true, fieldName: 'hs_code' })
  hsCode?: Rel<HsSubheading>;

  @Property({ type: 'string', length: 2, nullable: true, generated: '(left("hs_code", 2)) stored' })
  hsChapter?: string & Opt;

  /** OFFER: the minimum order quantity; REQUEST: the quantity wanted. In `quantityUnit`. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  minQuantity?: string;

  @Enum({ items: () => OrderUnit, default: OrderUnit.PIECE })
  quantityUnit: OrderUnit & Opt = OrderUnit.PIECE;

  /** Unit price range per `quantityUnit` (OFFER: asked; REQUEST: the buyer's target). */
  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  priceMin?: string;

  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  priceMax?: string;

  /** ISO 4217 currency of the prices. */
  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string;

  /** OFFER: days from order to shipment; REQUEST: the longest the buyer accepts. */
  @Property({ type: 'smallint', nullable: true })
  leadTimeDays?: number;

  /** OFFER: markets it is sold to; REQUEST: the markets the goods are for. ISO 3166-1 alpha-2. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  targetMarkets: string[] & Opt = [];

  /** OFFER: certifications held; REQUEST: certifications required. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  certifications: ProductCertification[] & Opt = [];

  /** https URLs of images. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  imageUrls: string[] & Opt = [];

  /** Extra search words (models, materials, brands). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  keywords: string[] & Opt = [];

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date;

  @Property({ type: 'text', default: '', lazy: true, hidden: true })
  searchText: string & Opt = '';

  @Property({ type: 'text[]', generated: '(cbec_bigrams("search_text")) stored', lazy: true, hidden: true, nullable: true })
  searchBigrams?: string[] & Opt;

  /**
   * The search text where it is short enough for a B-tree entry (SEARCH_HEAD_MAX_BYTES; nearly every
   * listing: 321 bytes on average at a million), else null: fair_listing_page_idx includes it, so a
   * searched walk of the newest listings reads the index alone and the row only for a longer text.
   */
  @Property({
    type: 'text',
    // As PostgreSQL prints it back, so the schema diff sees no change.
    generated: `(\nCASE\n    WHEN (octet_length(search_text) <= ${SEARCH_HEAD_MAX_BYTES}) THEN search_text\n    ELSE NULL::text\nEND) stored`,
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchHead?: string & Opt;

  @Property({ type: 'bigint', default: 0 })
  syncVersion: string & Opt = '0';

  @Property({ type: 'boolean', default: true })
  isSample: boolean & Opt = true;
}

/**
 * Every Latin word (4–40 letters and digits) of any listing's search text, once: where a search
 * tells a misspelt word (one inside none of these) and finds the words it may have meant (trigram
 * similarity over this short list, not over a million long texts), which are then searched exactly. Kept by the listing trigger; words
 * are never removed (a stale word only costs a lookup that finds nothing).
 */
@Entity({ tableName: 'fair_search_word' })
@Index({
  // GIN, not GiST: similarity and substring lookups in 2-5 ms instead of 11-27 ms over 109,000
  // words (the candidates above the similarity threshold are few and sorted after).
  name: 'fair_search_word_gin',
  expression: `create index "fair_search_word_gin" on "fair_search_word" using gin ("word" gin_trgm_ops)`,
})
export class FairSearchWord {
  @PrimaryKey({ type: 'string', length: 40 })
  word!: string;
}
