import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { explanationTypes, matchResultType } from '../../graphql/types/match';
import { DecimalScalar } from '../../graphql/types/scalars';
import { OrderUnit, ProductCertification } from './fair.enums';
import { PriceRangeInput } from './fair.inputs';
import { FairExhibitor, FairListing } from './fair.types';

/**
 * Sourcing matches as GraphQL (docs/matchmaking.md, "Sourcing at the fair"): the engine's
 * explanation with the sourcing profiles' own constraints and factors, the matched listing with its
 * exhibitor, and a ranking's page as a connection, built as warehouse matches are.
 */

/** The hard constraints of sourcing (sourcing.profile.ts). */
export enum SourcingConstraint {
  CATEGORY = 'CATEGORY',
  HS_CHAPTER = 'HS_CHAPTER',
  MARKET = 'MARKET',
  MIN_ORDER = 'MIN_ORDER',
  PRICE = 'PRICE',
  LEAD_TIME = 'LEAD_TIME',
  CERTIFICATIONS = 'CERTIFICATIONS',
  BELT = 'BELT',
}
registerBilingualEnum(SourcingConstraint, 'SourcingConstraint', 'A hard constraint of sourcing matches; a near miss fails exactly one (采购匹配硬约束)', {
  CATEGORY: ['类别', 'the offer’s product category is the request’s or one of its subcategories'],
  HS_CHAPTER: ['HS章', 'when both give an HS code, the same HS chapter'],
  MARKET: ['市场', 'when both name markets, at least one in common'],
  MIN_ORDER: ['起订量', 'the offer’s minimum order is at most the quantity wanted, in the same unit'],
  PRICE: [
    '价格',
    'the offer’s lowest unit price is at most the request’s highest, per the same unit; another currency through the exchange rate, indicatively',
  ],
  LEAD_TIME: ['交期', 'the offer ships within the longest lead time the request accepts'],
  CERTIFICATIONS: ['认证', 'the offer holds every certification the request requires'],
  BELT: ['产业带', 'when the request names an industrial belt, the offer comes from it'],
});

/** The score factors of sourcing (sourcing.profile.ts). */
export enum SourcingFactor {
  PRICE = 'PRICE',
  LEAD_TIME = 'LEAD_TIME',
  MARKETS = 'MARKETS',
  CERTIFICATIONS = 'CERTIFICATIONS',
  BELT = 'BELT',
  HALL_THEME = 'HALL_THEME',
}
registerBilingualEnum(SourcingFactor, 'SourcingFactor', 'A part of a sourcing match’s score (采购匹配评分因素)', {
  PRICE: [
    '价格',
    'where the offer’s lowest price (converted) sits in the request’s range: at or below its lowest 1, at its highest 0 (when the request gives a highest price and the offer a price)',
  ],
  LEAD_TIME: ['交期', '1 − the offer’s lead time ÷ the longest accepted (when the request gives one)'],
  MARKETS: ['市场', 'the share of the request’s markets the offer sells to (when the request names markets)'],
  CERTIFICATIONS: ['认证', 'certifications held beyond those required, 4 or more = 1'],
  BELT: ['产业带', '1 from the industrial belt the request names, or, when it names none, from any of Chongqing’s industrial belts'],
  HALL_THEME: ['展馆主题', '1 when the exhibitor’s hall showcases the belt in question: the request’s, else the offer’s own (when there is one)'],
});

const { Explained } = explanationTypes(SourcingFactor, SourcingConstraint, {
  scorePart: 'SourcingScorePart',
  constraintMiss: 'SourcingConstraintMiss',
  fields: 'SourcingExplanationFields',
  about: { en: 'sourcing', zh: '采购匹配' },
});

@ObjectType({ description: 'Why a sourcing match ranks where it does (采购匹配说明)' })
export class SourcingExplanation extends Explained {
  @Field(() => Money, {
    nullable: true,
    description:
      'The offer’s lowest unit price in the request’s currency, converted at the latest exchange rate (indicative; see `scoreParts` for the rate); null when either gives no price, or it is in another currency and was not compared (the request gives no highest price, or no rate is known) (折算后的最低单价，仅供参考)',
  })
  indicativePrice?: Money;
}

@ObjectType({ description: 'A listing that fits, with its explanation and its exhibitor (采购匹配)' })
export class SourcingMatch extends SourcingExplanation {
  @Field(() => FairListing, { description: 'The listing: an offer for a request, a request for an offer (展品/需求)' })
  listing!: FairListing;

  @Field(() => FairExhibitor, {
    nullable: true,
    description: 'Its exhibitor, with hall and booth: where to meet it at the fair; null for a buyer’s request made outside the exhibition (参展商)',
  })
  exhibitor?: FairExhibitor;
}

@ObjectType({ description: 'The weights a sourcing ranking used, after bounds and normalisation (实际权重)' })
export class SourcingWeights {
  @Field(() => Float, { description: 'Price (价格)' })
  price!: number;

  @Field(() => Float, { description: 'Lead time (交期)' })
  leadTime!: number;

  @Field(() => Float, { description: 'Market overlap (市场)' })
  markets!: number;

  @Field(() => Float, { description: 'Certifications beyond those required (认证)' })
  certifications!: number;

  @Field(() => Float, { description: 'Industrial belt (产业带)' })
  belt!: number;

  @Field(() => Float, { description: 'The hall’s theme (展馆主题)' })
  hallTheme!: number;
}

@InputType({ description: 'Score weights, each 0–1 (normalised to sum 1 over the factors that apply); what is left out keeps its default (评分权重)' })
export class SourcingWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Price, default 0.3 (价格)' })
  price?: number;

  @Field(() => Float, { nullable: true, description: 'Lead time, default 0.2 (交期)' })
  leadTime?: number;

  @Field(() => Float, { nullable: true, description: 'Market overlap, default 0.15 (市场)' })
  markets?: number;

  @Field(() => Float, { nullable: true, description: 'Certifications beyond those required, default 0.1 (认证)' })
  certifications?: number;

  @Field(() => Float, { nullable: true, description: 'Industrial belt, default 0.15 (产业带)' })
  belt?: number;

  @Field(() => Float, { nullable: true, description: 'The hall’s theme, default 0.1 (展馆主题)' })
  hallTheme?: number;
}

@InputType({ description: 'A sourcing need not (yet) posted as a request: what a REQUEST listing would say (采购条件)' })
export class SourcingCriteriaInput {
  @Field({ description: 'The edition whose offers to rank, by slug (届次)' })
  edition!: string;

  @Field({ description: 'Product category slug; a top-level category takes its subcategories (see `productCategories`) (产品类别)' })
  category!: string;

  @Field(() => String, {
    nullable: true,
    description: 'HS 2022 subheading, six digits ("871120" or "8711.20"): offers with an HS code must be in its chapter (HS编码)',
  })
  hsCode?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Quantity wanted, > 0, up to 2 decimals: offers must take it (their minimum order) (需求量)' })
  quantity?: string;

  @Field(() => OrderUnit, { nullable: true, description: 'Unit of the quantity and of the prices; default PIECE (单位)' })
  unit?: OrderUnit;

  @Field(() => PriceRangeInput, { nullable: true, description: 'Target unit price range: offers must start at or below `max` (目标单价区间)' })
  priceRange?: PriceRangeInput;

  @Field(() => Int, { nullable: true, description: 'Longest lead time accepted, 0–365 days (可接受交期，天)' })
  leadTimeDays?: number;

  @Field(() => [String], { nullable: true, description: 'Markets the goods are for, ISO 3166-1 alpha-2, at most 60 (目标市场)' })
  markets?: string[];

  @Field(() => [ProductCertification], { nullable: true, description: 'Certifications every offer must hold, each once (所需认证)' })
  certifications?: ProductCertification[];

  @Field(() => String, { nullable: true, description: 'Only offers from this industrial belt, by slug (产业带)' })
  belt?: string;
}

export const SourcingMatchResult = matchResultType(SourcingMatch, SourcingWeights, {
  name: 'SourcingMatchResult',
  description: 'Ranked fair listings for a request or an offer, a page at a time (采购匹配结果)',
  edge: 'SourcingMatchEdge',
  edgeDescription: 'A listing in a ranking, with the cursor of its place (采购匹配边)',
  fullMatchCount: 'Listings that satisfy every hard constraint; when `fullMatchCountCapped`, those the ranking read: at least this many (完全匹配数)',
  fullMatchCountCapped:
    'True when the ranking did not read every candidate, so more listings may match fully: beyond about 1,000 full matches, or where they are rare about 30,000 offers read, it reads the cheapest in each currency, ranks the full matches among them, and `fullMatchCount` counts those (完全匹配数已封顶)',
});

@ObjectType({ description: 'A newly published or changed offer that fully matches one of your requests (新展品匹配您的采购需求)' })
export class SourcingOfferMatchedPayload {
  @Field(() => ID, { description: 'The request it matches (采购需求ID)' })
  requestId!: string;

  @Field(() => FairListing, { nullable: true, description: 'The offer, as it is now; null when it was withdrawn before the event reached you (展品)' })
  offer?: unknown;

  @Field(() => SourcingExplanation, {
    nullable: true,
    description:
      'How the offer ranks among the request’s full matches right now, with its score and summary, like `sourcingMatches(requestId:)`; null when it no longer matches fully. Costs one ranking query per event: select it only when you show it (匹配说明)',
  })
  match?: unknown;
}
