import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ReadsFromPrimary } from '../../graphql/plugins/read-routing';
import { selects } from '../../graphql/sql/connection';
import { listKeyOf, MATCH_COST, selectionOf } from '../../matching/connection';
import { talentMatches } from './match.service';
import { TalentMatchResult, TalentNeedInput, TalentWeightsInput } from './talent-match.types';

const RESULT = 'TalentMatchResult';

/** Talent matching (thin: one service call). */
@Resolver()
export class TalentMatchResolver {
  @Extensions({ cost: MATCH_COST })
  @ReadsFromPrimary()
  @Query(() => TalentMatchResult, {
    description:
      'Open cohorts that could train your people — skills, number of people, start window, on site in your districts or online, language, fee per person — meeting every hard constraint, ranked by a weighted score whose parts come with it; `includeNearMisses` adds cohorts failing exactly one constraint, saying which. Reserve seats with `reserveSeats` (培训匹配：符合需求的培训班期)',
  })
  talentMatches(
    @Arg('need', () => TalentNeedInput, { description: 'What training is needed (培训需求)' }) need: TalentNeedInput,
    @Arg('first', () => Int, { nullable: true, description: 'Matches to return: 1–50 a page, default 20 (每页条数)' }) first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The matches after this cursor (an edge’s `cursor` or `pageInfo.endCursor`) with the same arguments: the next page (游标之后)',
    })
    after: string | undefined,
    @Arg('includeNearMisses', () => Boolean, {
      nullable: true,
      description: 'Also return cohorts that fail exactly one hard constraint, after the full matches (含近似匹配)',
    })
    includeNearMisses: boolean | undefined,
    @Arg('weights', () => TalentWeightsInput, { nullable: true, description: 'Score weights, each 0–1, normalised (评分权重)' }) weights:
      | TalentWeightsInput
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const capped = selects(RESULT, info.fieldNodes, 'fullMatchCountCapped', info);
    const listKey = listKeyOf({ need, first, includeNearMisses, weights });
    return talentMatches(ctx, selectionOf(info, RESULT, 'cohort', ctx), { need, first, after, includeNearMisses, weights, capped, listKey });
  }
}
