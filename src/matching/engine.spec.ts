import { Params } from '../graphql/sql/params';
import { askedWeights, checkFirst, checkProfile, explain, fullMatchSql, normalise, rankingSql } from './engine';
import type { MatchProfile, MatchRow } from './profile';

/**
 * The engine's pure parts, on a profile that is no warehouse: translators for a document, with
 * two hard constraints (language pair, deadline) and three factors (price, rating, nearness; the
 * last only for clients who give a city).
 */
type Row = MatchRow & { price: number; rating: number; city_km: number | null; days: number; deadline: number; languages: string };

const PROFILE: MatchProfile<Row> = {
  name: 'translators for a document',
  candidates: () => ({
    from: '(select 1) q cross join translator x',
    where: ['x.active'],
    rejoin: (t) => `${t} t join translator x on x.id = t.translator_id`,
  }),
  key: 'translator_id',
  columns: { translator_id: 'x.id', price: 'x.price', rating: 'x.rating', city_km: 'x.city_km', has_city: 'q.city is not null', neg_price: '-x.price' },
  constraints: [
    { name: 'LANGUAGES', sql: 'x.languages @> q.languages', miss: (r) => ({ en: `translates ${r.languages} only`, zh: `仅翻译${r.languages}` }) },
    {
      name: 'DEADLINE',
      sql: 'x.days <= q.deadline',
      miss: (r) => ({ en: `needs ${r.days} days, deadline ${r.deadline}`, zh: `需要${r.days}天，期限${r.deadline}天` }),
    },
  ],
  factors: [
    { name: 'PRICE', weightKey: 'price', defaultWeight: 0.5, value: 'c.price_score', detail: (r) => ({ en: `${r.price} USD`, zh: `${r.price}美元` }) },
    {
      name: 'RATING',
      weightKey: 'rating',
      defaultWeight: 0.3,
      value: 'c.rating / 5.0',
      detail: (r) => ({ en: `rated ${r.rating} of 5`, zh: `评分${r.rating}（满分5）` }),
    },
    {
      name: 'NEARNESS',
      weightKey: 'nearness',
      defaultWeight: 0.2,
      value: '1 - c.city_km / 100.0',
      applies: 'c.has_city',
      detail: (r) => ({ en: `${r.city_km} km away`, zh: `相距${r.city_km}公里` }),
    },
  ],
  orderings: { CHEAPEST: { column: 'neg_price' } },
};

const row = (over: Partial<Row> & Record<string, unknown>): Row => ({
  id: 1,
  node: null,
  misses: 0,
  score: 0.8,
  full_count: 3,
  rank: null,
  price: 120,
  rating: 4,
  city_km: 10,
  days: 3,
  deadline: 5,
  languages: 'en,zh',
  f_0: 1,
  f_1: 0.8,
  f_2: 0.9,
  a_0: true,
  a_1: true,
  a_2: true,
  ok_0: true,
  ok_1: true,
  ...over,
});

describe('weights', () => {
  it('start from the profile’s defaults, with what is asked laid over them', () => {
    expect(askedWeights(PROFILE)).toEqual({ price: 0.5, rating: 0.3, nearness: 0.2 });
    expect(askedWeights(PROFILE, { rating: 1, price: null })).toEqual({ price: 0.5, rating: 1, nearness: 0.2 });
  });

  it('refuse a weight outside 0–1, one the profile does not have, and all zero', () => {
    expect(() => askedWeights(PROFILE, { rating: 1.5 })).toThrow(/weights.rating must be between 0 and 1 \(got 1.5\)/);
    expect(() => askedWeights(PROFILE, { rating: -0.1 })).toThrow(/between 0 and 1/);
    expect(() => askedWeights(PROFILE, { rating: Number.NaN })).toThrow(/between 0 and 1/);
    expect(() => askedWeights(PROFILE, { cost: 0.5 })).toThrow(/weights.cost is not a factor of this ranking/);
    expect(() => askedWeights(PROFILE, { price: 0, rating: 0, nearness: 0 })).toThrow(/At least one weight must be more than 0/);
  });

  it('normalise to sum 1 over the factors that apply, rounded to 4 places', () => {
    expect(normalise({ price: 0.5, rating: 0.3, nearness: 0.2 })).toEqual({ price: 0.5, rating: 0.3, nearness: 0.2 });
    expect(normalise({ price: 0.5, rating: 0.3, nearness: 0.2 }, (k) => k !== 'nearness')).toEqual({ price: 0.625, rating: 0.375, nearness: 0 });
    expect(normalise({ a: 1, b: 1, c: 1 })).toEqual({ a: 0.3333, b: 0.3333, c: 0.3333 });
    expect(normalise({ a: 0, b: 1 }, (k) => k === 'a')).toEqual({ a: 0, b: 0 });
  });

  it('bound `first` to 1–50, default 20', () => {
    expect(checkFirst(undefined)).toBe(20);
    expect(checkFirst(50)).toBe(50);
    expect(() => checkFirst(0)).toThrow(/between 1 and 50 \(got 0\)/);
    expect(() => checkFirst(51)).toThrow(/between 1 and 50/);
    expect(() => checkFirst(2.5)).toThrow(/between 1 and 50/);
  });
});

describe('explanations', () => {
  const weights = { price: 0.5, rating: 0.3, nearness: 0.2 };

  it('list the parts that apply to the pair, with the pair’s weights, values and contributions', () => {
    const e = explain(PROFILE, row({ a_2: false, f_2: null }), 1, weights);
    expect(e.scoreParts).toEqual([
      { factor: 'PRICE', weight: 0.625, value: 1, contribution: 0.625, detail: '120 USD', detailZh: '120美元' },
      { factor: 'RATING', weight: 0.375, value: 0.8, contribution: 0.3, detail: 'rated 4 of 5', detailZh: '评分4（满分5）' },
    ]);
  });

  it('say the same facts in both languages: rank, score and the two largest contributions', () => {
    const e = explain(PROFILE, row({}), 2, weights);
    expect(e.summary).toBe('Rank 2, score 0.800: 120 USD; rated 4 of 5.');
    expect(e.summaryZh).toBe('排名第2，得分0.800：120美元；评分4（满分5）。');
    expect(e.isNearMiss).toBe(false);
    expect(e.failedConstraints).toEqual([]);
  });

  it('explain a near miss by the constraint it fails, in both languages', () => {
    const e = explain(PROFILE, row({ ok_1: false, misses: 1, days: 9 }), 4, weights);
    expect(e.isNearMiss).toBe(true);
    expect(e.failedConstraints).toEqual([{ constraint: 'DEADLINE', detail: 'needs 9 days, deadline 5', detailZh: '需要9天，期限5天' }]);
    expect(e.summary).toBe('Near miss: needs 9 days, deadline 5.');
    expect(e.summaryZh).toBe('近似匹配：需要9天，期限5天。');
  });
});

describe('the ranking statement', () => {
  const request = (over: Partial<Parameters<typeof rankingSql>[1]> = {}) => ({
    query: {},
    node: null,
    first: 10,
    nearMisses: false,
    params: new Params(),
    ...over,
  });

  it('counts misses from the profile’s constraints, and filters on all of them without near misses', () => {
    const sql = rankingSql(PROFILE, request(), askedWeights(PROFILE));
    expect(sql).toContain(`where x.active and ${fullMatchSql(PROFILE)}`);
    expect(fullMatchSql(PROFILE)).toBe('(x.languages @> q.languages) and (x.days <= q.deadline)');
    // With near misses (and no walk): full matches first, then those failing exactly one, read only
    // while the full matches are fewer than asked.
    const near = rankingSql(PROFILE, request({ nearMisses: true }), askedWeights(PROFILE));
    expect(near).toContain(`where x.active and ${fullMatchSql(PROFILE)}`);
    expect(near).toContain(
      '(2 - (coalesce((x.languages @> q.languages), false)::int + coalesce((x.days <= q.deadline), false)::int)) = 1 and (select count(*) from full_rows) < 10',
    );
  });

  it('passes the weights as parameters and normalises them per pair in SQL', () => {
    const req = request();
    const sql = rankingSql(PROFILE, req, { price: 0.5, rating: 0.3, nearness: 0.2 });
    expect(req.params.values).toEqual([0.5, 0.3, 0.2]);
    expect(sql).toContain('nullif($1::float8 * (true)::int + $2::float8 * (true)::int + $3::float8 * (coalesce((c.has_city), false))::int, 0) as wsum');
    expect(sql).toContain('floor($3::float8 / t.wsum * 10000 + 0.5) / 10000 * t.a_2::int');
  });

  it('orders full matches first, then by an ordering the profile declares, the score and the key', () => {
    const fit = rankingSql(PROFILE, request(), askedWeights(PROFILE));
    expect(fit).toContain('order by s.misses, s.score desc, s.translator_id limit 10');
    const cheapest = rankingSql(PROFILE, request({ orderBy: 'CHEAPEST' }), askedWeights(PROFILE));
    expect(cheapest).toContain('order by s.misses, s.neg_price desc, s.score desc, s.translator_id limit 10');
    expect(() => rankingSql(PROFILE, request({ orderBy: 'NEWEST' }), askedWeights(PROFILE))).toThrow(/has no ordering NEWEST/);
  });

  it('ranks one focused candidate among all instead of a page', () => {
    const req = request({ focus: 7 });
    const sql = rankingSql(PROFILE, req, askedWeights(PROFILE));
    expect(sql).toContain('row_number() over (order by s.misses, s.score desc, s.translator_id)');
    expect(sql).toContain(`where r.translator_id = $4::int`);
    expect(req.params.values[3]).toBe(7);
  });
});

describe('checkProfile', () => {
  it('finds nothing wrong with a sound profile', () => {
    expect(checkProfile(PROFILE)).toEqual([]);
  });

  it('names every problem of an unsound one', () => {
    const bad: MatchProfile<Row> = {
      ...PROFILE,
      key: 'nope',
      columns: { ...PROFILE.columns, score: '1', 'Bad-Name': '1' },
      constraints: [PROFILE.constraints[0], PROFILE.constraints[0], { ...PROFILE.constraints[1], name: 'late' }],
      factors: [
        { ...PROFILE.factors[0], defaultWeight: 0 },
        { ...PROFILE.factors[1], weightKey: 'price', defaultWeight: 0 },
        { ...PROFILE.factors[2], defaultWeight: 1.5 },
      ],
      orderings: { FIT: { column: 'price' }, NEWEST: { column: 'created' } },
    };
    expect(checkProfile(bad)).toEqual([
      'key nope is not one of its columns',
      'column score is a name the engine uses',
      'column Bad-Name is not a lower-case identifier',
      'constraint LANGUAGES appears twice',
      'constraint late is not an enum-style name',
      'weight key price appears twice',
      'factor NEARNESS weighs 1.5, not 0–1',
      'ordering FIT is the score itself',
      'ordering NEWEST sorts by created, not one of its columns',
    ]);
  });
});
