import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { EnumSetFilter, IS_SAMPLE_FIELD } from '../../graphql/types/filters';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { ListingKind, ListingStatus, OrderUnit, ProductCertification } from './fair.enums';

export const ProductCertificationSetFilter = EnumSetFilter(ProductCertification, 'ProductCertification', '产品认证');

/** Bounds of list filters: more values than these is BAD_USER_INPUT (a filter is not a bulk export). */
export const FILTER_VALUES_MAX = 50;

@InputType({ description: 'Filter for fair listings; every field given must match (展品/需求筛选条件)' })
export class FairListingFilter {
  @Field(() => String, { nullable: true, description: 'Of this edition, by slug (届次)' })
  edition?: string;

  @Field(() => [ListingKind], { nullable: true, description: 'Offers, requests, or both (类型)' })
  kinds?: ListingKind[];

  @Field(() => [ID], { nullable: true, description: 'In any of these halls, by ID (展馆)' })
  halls?: string[];

  @Field(() => [ID], { nullable: true, description: 'By any of these exhibitors, by ID (参展商)' })
  exhibitors?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'In any of these product categories, by slug; a top-level category includes its subcategories (产品类别)',
  })
  categories?: string[];

  @Field(() => [String], { nullable: true, description: 'Of any of these industrial belts, by slug (产业带)' })
  belts?: string[];

  @Field(() => [String], { nullable: true, description: 'For any of these markets, ISO 3166-1 alpha-2 (目标市场)' })
  markets?: string[];

  @Field(() => [String], { nullable: true, description: 'In any of these HS chapters, two digits, e.g. "87" (HS章)' })
  hsChapters?: string[];

  @Field(() => ProductCertificationSetFilter, { nullable: true, description: 'Certifications (认证)' })
  certifications?: { anyOf?: ProductCertification[]; allOf?: ProductCertification[] };

  @Field(() => [ListingStatus], {
    nullable: true,
    description: 'Statuses; default PUBLISHED. DRAFT and WITHDRAWN list only your own listings and need an API key (状态)',
  })
  statuses?: ListingStatus[];

  @Field({ nullable: true, description: 'Only your own listings (needs an API key) (仅本企业)' })
  mine?: boolean;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥). To keep a copy in sync use the `changes` feed (or `fairSync` for one edition offline), which also report withdrawn and deleted listings (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum FairListingOrderField {
  RELEVANCE = 'RELEVANCE',
  PUBLISHED_AT = 'PUBLISHED_AT',
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  LEAD_TIME = 'LEAD_TIME',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(FairListingOrderField, {
  name: 'FairListingOrderField',
  description: 'Fields fair listings can be sorted by (展品/需求排序字段)',
  valuesConfig: {
    RELEVANCE: {
      description:
        '相关度 — how well it matches `search` (needs it): a title starting with a word first; ranks every match, so a common word costs more than the default order',
    },
    PUBLISHED_AT: { description: '发布时间 — when first published (the default, newest first, with or without `search`)' },
    NAME_ZH: { description: '中文标题 — Chinese title (code-point order)' },
    NAME_EN: { description: '英文标题 — English title' },
    LEAD_TIME: { description: '交期 — lead time in days (unknown sorts last)' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for fair listings (展品/需求排序)' })
export class FairListingOrder {
  @Field(() => FairListingOrderField, { description: 'Field to sort by (排序字段)' })
  field!: FairListingOrderField;

  @Field(() => OrderDirection, {
    nullable: true,
    description: 'Direction; default descending for RELEVANCE, PUBLISHED_AT and UPDATED_AT, else ascending (方向)',
  })
  direction?: OrderDirection;
}

@InputType({ description: 'Filter for fair editions (交易会届次筛选条件)' })
export class FairEditionFilter {
  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;
}

@InputType({ description: 'Filter for fair exhibitors; every field given must match (参展商筛选条件)' })
export class FairExhibitorFilter {
  @Field(() => String, { nullable: true, description: 'Of this edition, by slug (届次)' })
  edition?: string;

  @Field(() => [ID], { nullable: true, description: 'In any of these halls, by ID (展馆)' })
  halls?: string[];

  @Field(() => [String], { nullable: true, description: 'Showing any of these product categories, by slug (展品类别)' })
  categories?: string[];

  @Field(() => [String], { nullable: true, description: 'Of any of these industrial belts, by slug (产业带)' })
  belts?: string[];

  @Field(() => [String], { nullable: true, description: 'Selling to any of these markets, ISO 3166-1 alpha-2 (目标市场)' })
  markets?: string[];

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'A unit price range with its currency (单价区间)' })
export class PriceRangeInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'Lowest unit price, 0–1,000,000,000, up to 4 decimals (最低单价)' })
  min?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest unit price, at least `min` (最高单价)' })
  max?: string;

  @Field({ description: 'ISO 4217 currency, e.g. USD (币种)' })
  currency!: string;
}

/** The fields of a listing a mutation may set, shared by create and update (bounds: fair.validation.ts). */
@InputType('FairListingFields', { description: 'The fields of a fair listing (展品/需求字段)' })
abstract class ListingFieldsInput {
  @Field({ nullable: true, description: 'Title in Chinese, 1–200 characters (中文标题)' })
  nameZh?: string;

  @Field({ nullable: true, description: 'Title in English, 1–300 characters (英文标题)' })
  nameEn?: string;

  @Field({ nullable: true, description: 'Description in Chinese, 1–4,000 characters (中文描述)' })
  descriptionZh?: string;

  @Field({ nullable: true, description: 'Description in English, 1–8,000 characters (英文描述)' })
  descriptionEn?: string;

  @Field({ nullable: true, description: 'Product category slug (see `productCategories`) (产品类别)' })
  category?: string;

  @Field(() => String, { nullable: true, description: 'HS 2022 subheading, six digits ("871120" or "8711.20"); null clears it (HS编码)' })
  hsCode?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'OFFER: minimum order quantity; REQUEST: quantity wanted; > 0 (起订量/需求量)' })
  minQuantity?: string | null;

  @Field(() => OrderUnit, { nullable: true, description: 'Unit of the quantity and of the prices; default PIECE (单位)' })
  quantityUnit?: OrderUnit;

  @Field(() => PriceRangeInput, { nullable: true, description: 'Unit price range: asked (OFFER) or targeted (REQUEST); null clears it (单价区间)' })
  priceRange?: PriceRangeInput | null;

  @Field(() => Int, { nullable: true, description: 'OFFER: days to ship; REQUEST: the longest accepted; 0–365 (交期，天)' })
  leadTimeDays?: number | null;

  @Field(() => [String], { nullable: true, description: 'Markets, ISO 3166-1 alpha-2, at most 60 (目标市场)' })
  targetMarkets?: string[];

  @Field(() => [ProductCertification], { nullable: true, description: 'Certifications held (OFFER) or required (REQUEST) (认证)' })
  certifications?: ProductCertification[];

  @Field(() => [String], { nullable: true, description: 'Image URLs, https, at most 10 (图片)' })
  imageUrls?: string[];

  @Field(() => [String], { nullable: true, description: 'Extra search words, at most 20 of 40 characters (关键词)' })
  keywords?: string[];

  @Field(() => String, { nullable: true, description: 'Industrial belt slug; default the exhibitor’s (产业带)' })
  belt?: string | null;
}

@InputType({ description: 'A new fair listing (新展品/需求)' })
export class CreateFairListingInput extends ListingFieldsInput {
  @Field({ description: 'The edition, by slug (届次)' })
  edition!: string;

  @Field(() => ListingKind, { description: 'OFFER (exhibitors only) or REQUEST (any enterprise) (类型)' })
  kind!: ListingKind;

  @Field({ nullable: true, defaultValue: false, description: 'Publish at once (true) or keep as a draft only you see (false, the default) (立即发布)' })
  publish?: boolean;
}

@InputType({ description: 'Changes to a fair listing: only the fields given change (修改展品/需求)' })
export class UpdateFairListingInput extends ListingFieldsInput {}
