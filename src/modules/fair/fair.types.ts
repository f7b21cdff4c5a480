import { Field, Int, ObjectType } from 'type-graphql';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, many, one } from '../../graphql/sql/fields';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { IndustrialBelt } from '../belt/belt.types';
import { Enterprise } from '../enterprise/enterprise.types';
import { HsCode, ProductCategory } from '../reference/reference.types';
import { listingAccess } from './fair.access';
import {
  ListingKind,
  ListingKindLabels,
  ListingStatus,
  ListingStatusLabels,
  MeetingStatus,
  MeetingStatusLabels,
  OrderUnit,
  OrderUnitLabels,
  ProductCertification,
  ProductCertificationLabels,
  TombstoneKind,
  TombstoneReason,
  TombstoneReasonLabels,
} from './fair.enums';

registerBilingualEnum(ListingKind, 'ListingKind', 'What a fair listing is: an offer or a request (展品/需求类型)', ListingKindLabels);
registerBilingualEnum(ListingStatus, 'ListingStatus', 'Where a fair listing is in its life (展品/需求状态)', ListingStatusLabels);
registerBilingualEnum(OrderUnit, 'OrderUnit', 'Unit of an order quantity, which prices are per (计量单位)', OrderUnitLabels);
registerBilingualEnum(ProductCertification, 'ProductCertification', 'A product certification or market-access mark (产品认证)', ProductCertificationLabels);
registerBilingualEnum(MeetingStatus, 'MeetingStatus', 'Where a meeting request is in its life (洽谈预约状态)', MeetingStatusLabels);
registerBilingualEnum(TombstoneKind, 'FairTombstoneKind', 'What a sync tombstone stands for (删除记录类型)', {
  LISTING: ['展品/需求', 'A listing'],
  EXHIBITOR: ['参展商', 'An exhibitor'],
});
registerBilingualEnum(TombstoneReason, 'FairTombstoneReason', 'Why an offline copy must drop something (删除原因)', TombstoneReasonLabels);

@SqlObject({ table: 'fair_edition' })
@ObjectType({ implements: Node, description: 'An edition of the China (Chongqing) CBEC Trade Fair (中国（重庆）跨境电商交易会届次)' })
export class FairEdition extends NamedNode {
  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key, e.g. `2027` (短标识)' })
  slug!: string;

  @Sql(col('starts_on'))
  @Field(() => DateScalar, { description: 'First day (开幕日期)' })
  startsOn!: string;

  @Sql(col('ends_on'))
  @Field(() => DateScalar, { description: 'Last day (闭幕日期)' })
  endsOn!: string;

  @Sql(col('venue_zh'))
  @Field({ description: 'Venue in Chinese (场馆)' })
  venueZh!: string;

  @Sql(col('venue_en'))
  @Field({ description: 'Venue in English (场馆英文)' })
  venueEn!: string;

  @Sql(col('address'))
  @Field({ description: 'Street address of the venue (地址)' })
  address!: string;

  @Sql(col('time_zone'))
  @Field({ description: 'IANA time zone of the fair’s meeting slots (时区)' })
  timeZone!: string;

  @Sql(expr((t) => `${t}.sync_version::text`))
  @Field({
    description: 'The edition’s latest change number: pass it as `since` to `fairSync` to receive what changed after it (同步版本号)',
  })
  syncVersion!: string;

  @Sql(expr((t) => `'/fair/editions/' || ${t}.slug || '.ndjson'`))
  @Field({ description: 'Path of the whole edition as one NDJSON file (gzip when asked), for an app’s first sync (整届数据下载路径)' })
  downloadPath!: string;

  @Sql(
    many(
      (t, c) => `fair_hall ${c} where ${c}.edition_id = ${t}.id`,
      (c) => `${c}.sort_order, ${c}.code`,
    ),
  )
  @Field(() => [FairHall], { description: 'Its halls, in the venue’s order (展馆)' })
  halls!: FairHall[];

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

@SqlObject({ table: 'fair_hall' })
@ObjectType({ implements: Node, description: 'A hall of a fair edition, with its theme (展馆)' })
export class FairHall extends NamedNode {
  @Sql(col('code'))
  @Field({ description: 'The hall’s code on the venue map, e.g. N3 (展馆编号)' })
  code!: string;

  @Sql(col('theme_zh'))
  @Field({ description: 'Theme in Chinese (主题)' })
  themeZh!: string;

  @Sql(col('theme_en'))
  @Field({ description: 'Theme in English (主题英文)' })
  themeEn!: string;

  @Sql(one((t, c) => `industrial_belt ${c} where ${c}.id = ${t}.belt_id`))
  @Field(() => IndustrialBelt, { nullable: true, description: 'The industrial belt it showcases, if one (对应产业带)' })
  belt?: IndustrialBelt;

  @Sql(one((t, c) => `fair_edition ${c} where ${c}.id = ${t}.edition_id`))
  @Field(() => FairEdition, { description: 'Its edition (届次)' })
  edition!: FairEdition;
}

@SqlObject({ table: 'fair_exhibitor' })
@ObjectType({
  implements: Node,
  description: 'An enterprise exhibiting at a fair edition: hall, booth, belt, categories, markets and profile (参展商)',
})
export class FairExhibitor extends NamedNode {
  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.enterprise_id`))
  @Field(() => Enterprise, { description: 'The enterprise (企业)' })
  enterprise!: Enterprise;

  @Sql(one((t, c) => `fair_edition ${c} where ${c}.id = ${t}.edition_id`))
  @Field(() => FairEdition, { description: 'The edition (届次)' })
  edition!: FairEdition;

  @Sql(one((t, c) => `fair_hall ${c} where ${c}.id = ${t}.hall_id`))
  @Field(() => FairHall, { description: 'Its hall (展馆)' })
  hall!: FairHall;

  @Sql(col('booth'))
  @Field({ description: 'Booth number, e.g. N3-A12 (展位号)' })
  booth!: string;

  @Sql(one((t, c) => `industrial_belt ${c} where ${c}.id = ${t}.belt_id`))
  @Field(() => IndustrialBelt, { nullable: true, description: 'Its industrial belt, if one (所属产业带)' })
  belt?: IndustrialBelt;

  @Sql(
    many(
      (t, c) => `product_category ${c} where ${c}.slug = any(${t}.product_categories)`,
      (c) => `${c}.slug`,
    ),
  )
  @Field(() => [ProductCategory], { description: 'Product categories it shows (展品类别)' })
  productCategories!: ProductCategory[];

  @Sql(col('target_markets'))
  @Field(() => [String], { description: 'Markets it sells to, ISO 3166-1 alpha-2 (目标市场)' })
  targetMarkets!: string[];

  @Sql(col('profile_zh'))
  @Field({ description: 'Short profile in Chinese (简介)' })
  profileZh!: string;

  @Sql(col('profile_en'))
  @Field({ description: 'Short profile in English (英文简介)' })
  profileEn!: string;

  @Sql(expr((t) => `${t}.sync_version::text`))
  @Field({ description: 'The edition’s change number of its last change (同步版本号)' })
  syncVersion!: string;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

@SqlObject()
@ObjectType({ description: 'A quantity with its unit (数量)' })
export class OrderQuantity {
  @Sql(decimal('min_quantity'))
  @Field(() => DecimalScalar, { description: 'Quantity in `unit` (数量)' })
  quantity!: string;

  @Sql(col('quantity_unit'))
  @Field(() => OrderUnit, { description: 'Unit (单位)' })
  unit!: OrderUnit;
}

@SqlObject()
@ObjectType({ description: 'A unit price range (单价区间)' })
export class PriceRange {
  @Sql(expr((t) => `case when ${t}.price_min is null then null else json_build_object('amount', ${t}.price_min::text, 'currency', ${t}.currency) end`))
  @Field(() => Money, { nullable: true, description: 'Lowest unit price; null when open (最低单价)' })
  min?: Money;

  @Sql(expr((t) => `case when ${t}.price_max is null then null else json_build_object('amount', ${t}.price_max::text, 'currency', ${t}.currency) end`))
  @Field(() => Money, { nullable: true, description: 'Highest unit price; null when open (最高单价)' })
  max?: Money;

  @Sql(col('currency'))
  @Field({ description: 'ISO 4217 currency (币种)' })
  currency!: string;

  @Sql(col('quantity_unit'))
  @Field(() => OrderUnit, { description: 'The unit prices are per (计价单位)' })
  unit!: OrderUnit;
}

@SqlObject({ table: 'fair_listing', node: { access: listingAccess } })
@ObjectType({
  implements: Node,
  description:
    'A fair listing: an OFFER (products or services on sale) or a REQUEST (a buyer’s sourcing or service need); `nameZh`/`nameEn` are its titles (展品与采购需求)',
})
export class FairListing extends NamedNode {
  @Sql(col('kind'))
  @Field(() => ListingKind, { description: 'Offer or request (类型)' })
  kind!: ListingKind;

  @Sql(col('status'))
  @Field(() => ListingStatus, { description: 'Draft (owner only), published or withdrawn (状态)' })
  status!: ListingStatus;

  @Sql(col('description_zh'))
  @Field({ description: 'Description in Chinese (描述)' })
  descriptionZh!: string;

  @Sql(col('description_en'))
  @Field({ description: 'Description in English (英文描述)' })
  descriptionEn!: string;

  @Sql(one((t, c) => `fair_edition ${c} where ${c}.id = ${t}.edition_id`))
  @Field(() => FairEdition, { description: 'The edition (届次)' })
  edition!: FairEdition;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.owner_id`))
  @Field(() => Enterprise, { description: 'The enterprise that owns it (发布企业)' })
  owner!: Enterprise;

  @Sql(one((t, c) => `fair_exhibitor ${c} where ${c}.id = ${t}.exhibitor_id`))
  @Field(() => FairExhibitor, { nullable: true, description: 'The owner as an exhibitor of the edition; null for a buyer’s request (参展商)' })
  exhibitor?: FairExhibitor;

  @Sql(one((t, c) => `fair_hall ${c} where ${c}.id = ${t}.hall_id`))
  @Field(() => FairHall, { nullable: true, description: 'The exhibitor’s hall (展馆)' })
  hall?: FairHall;

  @Sql(one((t, c) => `industrial_belt ${c} where ${c}.id = ${t}.belt_id`))
  @Field(() => IndustrialBelt, { nullable: true, description: 'Its industrial belt: its own, else its exhibitor’s (产业带)' })
  belt?: IndustrialBelt;

  @Sql(one((t, c) => `product_category ${c} where ${c}.id = ${t}.category_id`))
  @Field(() => ProductCategory, { description: 'Product category (产品类别)' })
  category!: ProductCategory;

  @Sql(col('hs_code'))
  @Field(() => String, { nullable: true, description: 'HS 2022 subheading, six digits, when known (HS编码)' })
  hsCode?: string;

  @Sql(one((t, c) => `hs_subheading ${c} where ${c}.code = ${t}.hs_code`))
  @Field(() => HsCode, { nullable: true, description: 'The HS 2022 subheading with its description and chapter, when known (HS编码及其章)' })
  hs?: HsCode;

  @Sql(one((t, c) => `(select ${t}.min_quantity, ${t}.quantity_unit) ${c} where ${t}.min_quantity is not null`))
  @Field(() => OrderQuantity, {
    nullable: true,
    description: 'OFFER: the minimum order quantity; REQUEST: the quantity wanted (起订量/需求量)',
  })
  minOrder?: OrderQuantity;

  @Sql(one((t, c) => `(select ${t}.price_min, ${t}.price_max, ${t}.currency, ${t}.quantity_unit) ${c} where ${t}.currency is not null`))
  @Field(() => PriceRange, { nullable: true, description: 'Unit price range: asked (OFFER) or targeted (REQUEST) (单价区间)' })
  priceRange?: PriceRange;

  @Sql(col('lead_time_days'))
  @Field(() => Int, { nullable: true, description: 'OFFER: days from order to shipment; REQUEST: the longest accepted (交期，天)' })
  leadTimeDays?: number;

  @Sql(col('target_markets'))
  @Field(() => [String], { description: 'Markets, ISO 3166-1 alpha-2: sold to (OFFER) or the goods are for (REQUEST) (目标市场)' })
  targetMarkets!: string[];

  @Sql(col('certifications'))
  @Field(() => [ProductCertification], { description: 'Certifications held (OFFER) or required (REQUEST) (认证)' })
  certifications!: ProductCertification[];

  @Sql(col('image_urls'))
  @Field(() => [String], { description: 'Image URLs, https (图片)' })
  imageUrls!: string[];

  @Sql(col('keywords'))
  @Field(() => [String], { description: 'Extra search words: models, materials, brands (关键词)' })
  keywords!: string[];

  @Sql(col('published_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was first published (发布时间)' })
  publishedAt?: string;

  @Sql(expr((t) => `${t}.sync_version::text`))
  @Field({ description: 'The edition’s change number of its last change (同步版本号)' })
  syncVersion!: string;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

/** Built by the sync service from withdrawn listings and fair_tombstone rows (not compiled). */
@ObjectType({
  description: 'Something an offline copy must drop: a withdrawn or deleted listing, or a deleted exhibitor (同步删除记录)',
})
export class FairTombstone {
  @Field(() => TombstoneKind, { description: 'Listing or exhibitor (类型)' })
  kind!: TombstoneKind;

  @Field({ description: 'The global ID of what is gone (全局ID)' })
  id!: string;

  @Field(() => TombstoneReason, { description: 'Why it is gone (原因)' })
  reason!: TombstoneReason;

  @Field({ description: 'The change number it was recorded at (同步版本号)' })
  syncVersion!: string;
}
