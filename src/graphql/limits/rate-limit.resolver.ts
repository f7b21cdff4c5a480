import { privateAnswer } from '../plugins/cache-policy';
import { Ctx, Extensions, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { DateTimeScalar } from '../types/scalars';

@ObjectType({ description: 'Your rate-limit budget and what this request costs; the model is in docs/limits.md (调用额度与本次请求成本)' })
export class RateLimit {
  @Field({ description: 'Whose budget: ANONYMOUS (per client address) or the API key’s tier, STANDARD, PARTNER or INTERNAL (额度等级)' })
  tier!: string;

  @Field(() => Int, { description: 'Points in a full window (每个时间窗的总点数)' })
  limit!: number;

  @Field(() => Int, { description: 'Points left in this window, after this request (本时间窗剩余点数)' })
  remaining!: number;

  @Field(() => Int, { description: 'Points spent in this window, this request included (本时间窗已用点数)' })
  used!: number;

  @Field(() => DateTimeScalar, { description: 'When the window ends and the full budget is back (额度重置时间)' })
  resetAt!: Date;

  @Field(() => Int, { description: 'Length of a window in seconds (时间窗长度，秒)' })
  windowSeconds!: number;

  @Field(() => Float, { description: 'Average points per second a budget is worth: limit / windowSeconds (平均恢复速率，点/秒)' })
  restoreRate!: number;

  @Field(() => Int, { description: 'What this request costs before it runs, under the cost model (本次请求预估成本)' })
  cost!: number;

  @Field(() => Int, { description: 'The most one request may cost; above it a request is refused with QUERY_TOO_COMPLEX (单次请求成本上限)' })
  maxQueryCost!: number;
}

@Resolver()
export class RateLimitResolver {
  @Query(() => RateLimit, {
    nullable: true,
    description:
      'Your rate-limit budget (per API key, or per client address without one) and this request’s cost; free of charge; null only where limits are switched off (调用额度)',
  })
  @Extensions({ cost: { weight: 0 } })
  rateLimit(@Ctx() ctx: Context): RateLimit | null {
    // Different for every caller and every request: never cached.
    privateAnswer(ctx);
    const c = ctx.usage.cost;
    if (!c) return null;
    return {
      tier: c.state.tier,
      limit: c.state.limit,
      remaining: c.state.remaining,
      used: c.state.used,
      resetAt: c.state.resetAt,
      windowSeconds: c.state.windowSeconds,
      restoreRate: c.state.restoreRate,
      cost: c.requested,
      maxQueryCost: c.maxCost,
    };
  }
}
