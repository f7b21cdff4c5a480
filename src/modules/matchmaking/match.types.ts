import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/types/common';
import { explanationTypes, matchResultType } from '../../graphql/types/match';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { CapacityDemand } from './demand.types';
import { CapacityOffer } from './offer.types';
import { MatchConstraint } from './matchmaking.enums';

export { MatchConstraint };

/**
 * Match results, built in JavaScript around compiled offers and demands: the engine's explanation
 * (score, rank, parts, failed constraints, summaries in both languages) and capacity's own facts.
 */

export enum ScoreFactor {
  COST = 'COST',
  TRANSIT = 'TRANSIT',
  SERVICES = 'SERVICES',
  DISTANCE = 'DISTANCE',
  PUBLIC_WAREHOUSE = 'PUBLIC_WAREHOUSE',
  FULFILMENT = 'FULFILMENT',
}
registerEnumType(ScoreFactor, {
  name: 'ScoreFactor',
  description: 'A part of a match’s score (评分因素)',
  valuesConfig: {
    COST: { description: '成本 — estimated total cost for the stay against the budget (or the cheapest match when there is none)' },
    TRANSIT: { description: '时效 — fewest transit days from Chongqing over the corridors that reach the warehouse (0 days = 1, 60+ = 0)' },
    SERVICES: { description: '服务 — services offered beyond the required ones, out of 8' },
    DISTANCE: { description: '距离 — closeness to the wanted point within the radius (only when a point is given)' },
    PUBLIC_WAREHOUSE: { description: '公共海外仓 — 1 for a municipal public overseas warehouse, which the policy favours' },
    FULFILMENT: { description: '履约 — share of the operator’s ended holds that were confirmed (0.5 with fewer than 3)' },
  },
});

registerEnumType(MatchConstraint, {
  name: 'MatchConstraint',
  description: 'A hard constraint of matching; a near miss fails exactly one (匹配硬约束)',
  valuesConfig: {
    PERIOD: { description: '时段 — available for the whole stay' },
    CAPACITY: { description: '容量 — enough remaining capacity after unit conversion' },
    MINIMUM_COMMITMENT: { description: '起订 — the offer’s minimum quantity and term' },
    SERVICES: { description: '服务 — every required service' },
    BUDGET: { description: '预算 — within the budget, in the budget’s currency' },
    TRANSIT: { description: '时效 — reachable from Chongqing within the days asked (over the corridor asked)' },
  },
});

const { Explained } = explanationTypes(ScoreFactor, MatchConstraint, {
  scorePart: 'ScorePart',
  constraintMiss: 'ConstraintMiss',
  fields: 'MatchExplanationFields',
});

@ObjectType({ description: 'Why a match ranks where it does (匹配说明)' })
export class MatchExplanation extends Explained {
  @Field(() => Money, { description: 'Estimated cost of the stay: storage after free days, inbound and outbound fees, in the offer’s currency (预估总费用)' })
  estimatedTotalCost!: Money;

  @Field(() => Int, { nullable: true, description: 'Fewest transit days from Chongqing to the warehouse (运输天数)' })
  transitDays?: number;

  @Field(() => Float, { nullable: true, description: 'Km from the wanted point, when one is given (距离)' })
  distanceKm?: number;
}

@ObjectType({ description: 'An offer that matches a demand, with its explanation (匹配的供给)' })
export class WarehouseMatch extends MatchExplanation {
  @Field(() => CapacityOffer, { description: 'The offer (供给)' })
  offer!: CapacityOffer;
}

@ObjectType({ description: 'A demand an offer could serve, with its explanation (匹配的需求)' })
export class DemandMatch extends MatchExplanation {
  @Field(() => Money, {
    description:
      'What the demand would bring the operator: the estimated total of the stay at this offer (storage after free days, inbound and outbound fees), in the offer’s currency; `orderBy: REVENUE` ranks by it (预估收入)',
  })
  estimatedRevenue!: Money;

  @Field(() => CapacityDemand, { description: 'The demand (需求)' })
  demand!: CapacityDemand;
}

@ObjectType({ description: 'The weights a ranking used, after bounds and normalisation (实际权重)' })
export class MatchWeights {
  @Field(() => Float, { description: 'Cost (成本)' })
  cost!: number;

  @Field(() => Float, { description: 'Transit (时效)' })
  transit!: number;

  @Field(() => Float, { description: 'Services (服务)' })
  services!: number;

  @Field(() => Float, { description: 'Distance (距离)' })
  distance!: number;

  @Field(() => Float, { description: 'Public warehouse (公共海外仓)' })
  publicWarehouse!: number;

  @Field(() => Float, { description: 'Fulfilment record (履约)' })
  fulfilment!: number;
}

export const WarehouseMatchResult = matchResultType(WarehouseMatch, MatchWeights, {
  name: 'WarehouseMatchResult',
  description: 'Ranked offers for a demand, a page at a time (供给匹配结果)',
  edge: 'WarehouseMatchEdge',
  edgeDescription: 'An offer in a ranking, with the cursor of its place (供给匹配边)',
  fullMatchCount: 'Offers that satisfy every hard constraint; when `fullMatchCountCapped`, those the ranking read: at least this many (完全匹配数)',
  fullMatchCountCapped:
    'True when the ranking did not read every candidate, so more offers may match fully: beyond about 1,000 full matches, or where they are rare about 30,000 offers read, it reads the cheapest per CBM-month in each country and currency, ranks the full matches among them, and `fullMatchCount` counts those (完全匹配数已封顶)',
});

export const DemandMatchResult = matchResultType(DemandMatch, MatchWeights, {
  name: 'DemandMatchResult',
  description: 'Ranked demands for an offer, a page at a time (需求匹配结果)',
  edge: 'DemandMatchEdge',
  edgeDescription: 'A demand in a ranking, with the cursor of its place (需求匹配边)',
  fullMatchCount: 'Demands the offer satisfies on every hard constraint; when `fullMatchCountCapped`, those the ranking read: at least this many (完全匹配数)',
  fullMatchCountCapped: 'True when more demands match fully than the ranking read, so `fullMatchCount` is a lower bound (完全匹配数已封顶)',
});

/** How `demandMatches` orders the demands it finds (full matches always before near misses). */
export enum DemandMatchOrder {
  FIT = 'FIT',
  REVENUE = 'REVENUE',
}
registerBilingualEnum(
  DemandMatchOrder,
  'DemandMatchOrder',
  'How demands for an offer are ordered; full matches always come before near misses (需求匹配排序)',
  {
    FIT: ['匹配度', 'by score, best first'],
    REVENUE: ['收入', 'by `estimatedRevenue`, largest first, then by score'],
  },
);
