import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { explanationTypes, matchResultType } from '../../graphql/types/match';
import { ServiceNeed, ServiceOffering } from './service-offering.types';

/**
 * Service matches as GraphQL (docs/matchmaking.md, "Services"): the engine's explanation with the
 * services profiles' own constraints and factors, the matched offering (or need), and a ranking's
 * page as a connection, built as sourcing's are.
 */

/** The hard constraints of service matches (service.profile.ts). */
export enum ServiceMatchConstraint {
  CATEGORY = 'CATEGORY',
  DEADLINE = 'DEADLINE',
  BUDGET = 'BUDGET',
  MARKETS = 'MARKETS',
  LANGUAGES = 'LANGUAGES',
  CERTIFICATIONS = 'CERTIFICATIONS',
}
registerBilingualEnum(
  ServiceMatchConstraint,
  'ServiceMatchConstraint',
  'A hard constraint of service matches; a near miss fails exactly one (服务匹配硬约束)',
  {
    CATEGORY: ['服务类别', 'the offering’s category is one of the need’s (candidates come from the same families of services)'],
    DEADLINE: ['截止日期', 'when the need has a deadline: ordered today, the offering’s turnaround ends on or before it'],
    BUDGET: [
      '预算',
      'when the need gives a budget: the offering’s lowest price is at most the budget, per the same unit; another currency through the exchange rate, indicatively',
    ],
    MARKETS: [
      '市场',
      'when the need names markets: the offering serves one of them (an offering serving EU serves each member state; one naming none serves any)',
    ],
    LANGUAGES: ['语言', 'when the need names languages: the offering works in one of them'],
    CERTIFICATIONS: ['资质', 'the offering holds every certification the need requires'],
  },
);

/** The score factors of service matches (service.profile.ts). */
export enum ServiceMatchFactor {
  PRICE = 'PRICE',
  TURNAROUND = 'TURNAROUND',
  COVERAGE = 'COVERAGE',
  CERTIFICATIONS = 'CERTIFICATIONS',
  LOCAL_PRESENCE = 'LOCAL_PRESENCE',
}
registerBilingualEnum(ServiceMatchFactor, 'ServiceMatchFactor', 'A part of a service match’s score (服务匹配评分因素)', {
  PRICE: ['价格', '1 − the offering’s lowest price (converted) ÷ the budget (when the need gives a budget and the offering a price)'],
  TURNAROUND: ['服务周期', '1 − turnaround ÷ days left to the deadline; without a deadline 1 − turnaround ÷ 90 days'],
  COVERAGE: ['一站覆盖', 'the share of the need’s services the same provider offers to it (when the need asks for more than one)'],
  CERTIFICATIONS: ['资质', 'certifications held beyond those required, 3 or more = 1'],
  LOCAL_PRESENCE: ['本地服务', '1 when the provider is registered in the district the need names (when it names one)'],
});

const { Explained } = explanationTypes(ServiceMatchFactor, ServiceMatchConstraint, {
  scorePart: 'ServiceScorePart',
  constraintMiss: 'ServiceConstraintMiss',
  fields: 'ServiceExplanationFields',
  about: { en: 'service match', zh: '服务匹配' },
});

@ObjectType({ description: 'Why a service match ranks where it does (服务匹配说明)' })
export class ServiceMatchExplanation extends Explained {
  @Field(() => Money, {
    nullable: true,
    description:
      'The offering’s lowest price in the budget’s currency, converted at the latest exchange rate (indicative; see `scoreParts` for the rate); null without a budget or a price, for percentages, or when no rate is known (折算后的最低价，仅供参考)',
  })
  indicativePrice?: Money;
}

@ObjectType({ description: 'A service offering that fits a need, with its explanation (服务项目匹配)' })
export class ServiceOfferingMatch extends ServiceMatchExplanation {
  @Field(() => ServiceOffering, { description: 'The offering, with its provider (服务项目)' })
  offering!: ServiceOffering;
}

@ObjectType({ description: 'An open service need an offering fits, with its explanation (服务需求匹配)' })
export class ServiceNeedMatch extends ServiceMatchExplanation {
  @Field(() => ServiceNeed, { description: 'The need (服务需求)' })
  need!: ServiceNeed;
}

@ObjectType({ description: 'The weights a service ranking used, after bounds and normalisation (实际权重)' })
export class ServiceWeights {
  @Field(() => Float, { description: 'Price within the budget (价格)' })
  price!: number;

  @Field(() => Float, { description: 'Turnaround (服务周期)' })
  turnaround!: number;

  @Field(() => Float, { description: 'One provider for several of the need’s services (一站覆盖)' })
  coverage!: number;

  @Field(() => Float, { description: 'Certifications beyond those required (资质)' })
  certifications!: number;

  @Field(() => Float, { description: 'The provider in the district asked for (本地服务)' })
  localPresence!: number;
}

const CAPPED =
  'True when the ranking did not read every candidate, so more may match fully: beyond about 1,000 full matches, or where they are rare about 30,000 offerings read, it reads the cheapest in each category and currency, ranks the full matches among them, and `fullMatchCount` counts those (完全匹配数已封顶)';

export const ServiceMatchResult = matchResultType(ServiceOfferingMatch, ServiceWeights, {
  name: 'ServiceMatchResult',
  description: 'Ranked service offerings for a need, a page at a time (服务匹配结果)',
  edge: 'ServiceMatchEdge',
  edgeDescription: 'An offering in a ranking, with the cursor of its place (服务匹配边)',
  fullMatchCount: 'Offerings that satisfy every hard constraint; when `fullMatchCountCapped`, those the ranking read: at least this many (完全匹配数)',
  fullMatchCountCapped: CAPPED,
});

export const ServiceNeedMatchResult = matchResultType(ServiceNeedMatch, ServiceWeights, {
  name: 'ServiceNeedMatchResult',
  description: 'Ranked open service needs for an offering, a page at a time (服务需求匹配结果)',
  edge: 'ServiceNeedMatchEdge',
  edgeDescription: 'A need in a ranking, with the cursor of its place (服务需求匹配边)',
  fullMatchCount: 'Open needs the offering satisfies in every hard constraint (完全匹配数)',
  fullMatchCountCapped: 'Always false: every open need of the offering’s family of services is read (完全匹配数已封顶)',
});

@ObjectType({ description: 'A newly published or changed offering that fully matches one of your needs (新服务项目匹配您的需求)' })
export class ServiceOfferingMatchedPayload {
  @Field(() => ID, { description: 'The need it matches (服务需求ID)' })
  needId!: string;

  @Field(() => ServiceOffering, {
    nullable: true,
    description: 'The offering, as it is now; null when it was withdrawn before the event reached you (服务项目)',
  })
  offering?: unknown;

  @Field(() => ServiceMatchExplanation, {
    nullable: true,
    description:
      'How the offering ranks among the need’s full matches right now, like `serviceMatches(needId:)`; null when it no longer matches fully. Costs one ranking per event: select it only when you show it (匹配说明)',
  })
  match?: unknown;
}
