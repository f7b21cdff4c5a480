/**
 * The matching engine on real PostgreSQL with a profile that is no warehouse (translators for a
 * document, in a table made here): it ranks, counts, keeps near misses only when full matches are
 * too few, normalises weights per pair and orders by a declared ordering. Every expected number is
 * worked out here from the literals.
 */
import pg from 'pg';
import { Params } from '../src/graphql/sql/params';
import { askedWeights, rank, rankingSql } from '../src/matching/engine';
import type { MatchProfile, MatchRow } from '../src/matching/profile';
import { testDatabase } from './helpers/db';

type Row = MatchRow & { name: string; price: number; days: number; km: number | null };
type Ask = { deadline: number; cityKm: number | null };

const PROFILE: MatchProfile<Row, Ask> = {
  name: 'translators for a document',
  // What is asked, as a one-row sub-select `q`, used both for the candidates and for the returned rows.
  candidates: (ask, p) => {
    const q = `(select '{en,zh}'::text[] as languages, ${p.add(ask.deadline)}::int as deadline, ${p.add(ask.cityKm)}::numeric as city_km) q`;
    return { from: `${q} cross join translator x`, where: ['true'], rejoin: (t) => `${t} t join translator x on x.id = t.translator_id cross join ${q}` };
  },
  key: 'translator_id',
  columns: { translator_id: 'x.id', price: 'x.price', has_city: 'q.city_km is not null', km: 'x.km', neg_price: '-x.price' },
  constraints: [
    { name: 'LANGUAGE', sql: `x.languages @> q.languages`, miss: () => ({ en: 'wrong languages', zh: '语言不符' }) },
    { name: 'DEADLINE', sql: `x.days <= q.deadline`, miss: (r) => ({ en: `needs ${r.days} days`, zh: `需要${r.days}天` }) },
  ],
  factors: [
    // the cheapest candidate kept (among full matches, or among near misses) scores 1, the others its price over theirs
    {
      name: 'PRICE',
      weightKey: 'price',
      defaultWeight: 0.6,
      value: 'min(c.price) over (partition by c.misses) / c.price',
      detail: (r) => ({ en: `${r.price}`, zh: `${r.price}` }),
    },
    {
      name: 'NEAR',
      weightKey: 'near',
      defaultWeight: 0.4,
      value: '1 - c.km / 100.0',
      applies: 'c.has_city',
      detail: (r) => ({ en: `${r.km} km`, zh: `${r.km}公里` }),
    },
  ],
  detailColumns: 'x.name, x.days',
  orderings: { CHEAPEST: { column: 'neg_price' } },
};

describe('the matching engine with a profile of its own', () => {
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;

  beforeAll(async () => {
    db = await testDatabase(__filename, { empty: true });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // given four translators: A, B and C do en+zh; D only en; C needs 10 days
    await client.query(`create table translator (id int primary key, name text, languages text[], price numeric, days int, km numeric)`);
    await client.query(`insert into translator values
      (1, 'A', '{en,zh}', 100, 3, 20), (2, 'B', '{en,zh}', 50, 4, 80), (3, 'C', '{en,zh}', 25, 10, 0), (4, 'D', '{en}', 40, 2, 50)`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const db2 = () => ({ query: async <T>(text: string, values?: readonly unknown[]) => (await client.query(text, values as unknown[])).rows as T[] });
  const run = (ask: Ask, over: Record<string, unknown> = {}) =>
    rank(db2(), PROFILE, { query: ask, node: null, first: 10, nearMisses: false, params: new Params(), ...over });

  it('ranks the full matches by score, with the weight of a factor that does not apply shared out', async () => {
    // deadline 5: A and B fit (C is too slow, D lacks zh). No city: NEAR does not apply, PRICE weighs 1.
    // A: 50/100 = 0.5; B: 50/50 = 1
    const r = await run({ deadline: 5, cityKm: null });
    expect(r.fullMatchCount).toBe(2);
    expect(r.rows.map((x) => [x.name, x.score, x.explanation.rank])).toEqual([
      ['B', 1, 1],
      ['A', 0.5, 2],
    ]);
    expect(r.rows[0].explanation.scoreParts).toEqual([{ factor: 'PRICE', weight: 1, value: 1, contribution: 1, detail: '50', detailZh: '50' }]);
  });

  it('keeps near misses after the full matches, one failed constraint each, when asked', async () => {
    // C fails only DEADLINE; D fails only LANGUAGE. Near misses are priced among themselves: C 25/25 = 1, D 25/40 = 0.625
    const r = await run({ deadline: 5, cityKm: null }, { nearMisses: true });
    expect(r.fullMatchCount).toBe(2);
    expect(r.rows.map((x) => [x.name, x.misses, x.score])).toEqual([
      ['B', 0, 1],
      ['A', 0, 0.5],
      ['C', 1, 1],
      ['D', 1, 0.625],
    ]);
    expect(r.rows[2].explanation.failedConstraints).toEqual([{ constraint: 'DEADLINE', detail: 'needs 10 days', detailZh: '需要10天' }]);
    expect(r.rows[3].explanation.summaryZh).toBe('近似匹配：语言不符。');
  });

  it('leaves near misses out when the full matches fill the page', async () => {
    const r = await run({ deadline: 5, cityKm: null }, { nearMisses: true, first: 2 });
    expect(r.rows.map((x) => x.name)).toEqual(['B', 'A']);
  });

  it('weighs a factor that applies, with the weights normalised per pair', async () => {
    // a city given: PRICE 0.6, NEAR 0.4. A: 0.6 × 0.5 + 0.4 × 0.8 = 0.62; B: 0.6 × 1 + 0.4 × 0.2 = 0.68
    const r = await run({ deadline: 5, cityKm: 0 });
    expect(r.rows.map((x) => [x.name, x.score])).toEqual([
      ['B', 0.68],
      ['A', 0.62],
    ]);
    // weights as asked: NEAR 1, PRICE 0.5 → 0.3333 and 0.6667. A: 0.3333 × 0.5 + 0.6667 × 0.8 = 0.7; B: 0.3333 + 0.6667 × 0.2 = 0.46664 → 0.4666
    const w = await run({ deadline: 5, cityKm: 0 }, { weights: { price: 0.5, near: 1 } });
    expect(w.rows.map((x) => [x.name, x.score])).toEqual([
      ['A', 0.7],
      ['B', 0.4666],
    ]);
  });

  it('orders by a declared ordering, then the score', async () => {
    const r = await run({ deadline: 5, cityKm: 0 }, { weights: { price: 0.5, near: 1 }, orderBy: 'CHEAPEST' });
    expect(r.rows.map((x) => x.name)).toEqual(['B', 'A']);
  });

  describe('walking partitions instead of reading every candidate', () => {
    // The same profile, its candidates walked by language pair (the partition), cheapest first.
    const WALKED: MatchProfile<Row, Ask> = {
      ...PROFILE,
      candidates: (ask, p) => {
        const source = PROFILE.candidates(ask, p);
        const q = source.from.replace(/ cross join translator x$/, '');
        return {
          ...source,
          walk: {
            query: q,
            partitions: 'select distinct pair from translator',
            table: 'translator x',
            where: ['x.pair = wp.pair'],
            fullWhere: [],
            order: 'x.price, x.id',
          },
        };
      },
    };
    beforeAll(async () => {
      // given 1,200 more translators who all fit a deadline of 5 days: 700 en-zh, 500 en-fr; one en-fr
      // (id 2000) the cheapest and nearest of them all
      await client.query('alter table translator add column pair text');
      await client.query(`update translator set pair = 'en-zh'`);
      await client.query(`insert into translator select 100 + i, 'T' || i, '{en,zh}', 200 + i, 5, 90, case when i <= 700 then 'en-zh' else 'en-fr' end
        from generate_series(1, 1200) i`);
      await client.query(`insert into translator values (2000, 'Z', '{en,zh}', 20, 1, 1, 'en-fr')`);
    });
    afterAll(async () => {
      await client.query('delete from translator where id >= 100');
      await client.query('alter table translator drop column pair');
    });
    const walkedRun = (ask: Ask, over: Record<string, unknown> = {}) =>
      rank(db2(), WALKED, { query: ask, node: null, first: 10, nearMisses: false, params: new Params(), ...over });

    it('ranks the same as reading every candidate while no partition holds more than its share', async () => {
      const every = await run({ deadline: 3, cityKm: 0 }, { nearMisses: true });
      const walked = await walkedRun({ deadline: 3, cityKm: 0 }, { nearMisses: true });
      expect(walked.rows.map((x) => [x.name, x.misses, x.score])).toEqual(every.rows.map((x) => [x.name, x.misses, x.score]));
      expect([walked.fullMatchCount, walked.fullMatchCountCapped]).toEqual([every.fullMatchCount, false]);
    });

    it('reads each partition’s cheapest share only, and says that the count is then a lower bound', async () => {
      // 1,203 full matches in two partitions: 500 of each are read (MATCH_WALK 1,000 shared by 2), cheapest first
      const every = await run({ deadline: 5, cityKm: 0 });
      expect([every.fullMatchCount, every.fullMatchCountCapped]).toEqual([1203, false]);
      const walked = await walkedRun({ deadline: 5, cityKm: 0 });
      expect([walked.fullMatchCount, walked.fullMatchCountCapped]).toEqual([1000, true]);
      // the cheapest of all is read first in its partition, and ranks first either way
      expect(walked.rows[0].name).toBe('Z');
      expect(every.rows[0].name).toBe('Z');
    });

    describe('with the table’s columns given, a partition is read to its share of MATCH_SCAN candidates at most', () => {
      const SCANNED: MatchProfile<Row, Ask> = {
        ...WALKED,
        candidates: (ask, p) => {
          const source = WALKED.candidates(ask, p);
          return { ...source, walk: { ...source.walk!, tableColumns: ['id', 'name', 'languages', 'price', 'days', 'km', 'pair'] } };
        },
      };
      const scannedRun = (ask: Ask, over: Record<string, unknown> = {}) =>
        rank(db2(), SCANNED, { query: ask, node: null, first: 10, nearMisses: false, params: new Params(), ...over });

      it('ranks as the walk without it while partitions are smaller than their share', async () => {
        for (const ask of [
          { deadline: 3, cityKm: 0 },
          { deadline: 5, cityKm: 0 },
          { deadline: 5, cityKm: null },
        ])
          for (const nearMisses of [false, true]) {
            const walked = await walkedRun(ask, { nearMisses });
            const scanned = await scannedRun(ask, { nearMisses });
            expect(scanned.rows.map((x) => [x.name, x.misses, x.score])).toEqual(walked.rows.map((x) => [x.name, x.misses, x.score]));
            expect([scanned.fullMatchCount, scanned.fullMatchCountCapped]).toEqual([walked.fullMatchCount, walked.fullMatchCountCapped]);
          }
      });

      it('stops where full matches are rare, and says the count is then a lower bound', async () => {
        // given a third partition, en-de: 12,000 cheap translators who need 30 days, then one who needs 1 day (the
        // dearest); three partitions share MATCH_SCAN 30,000 (10,000 each), so the walk stops before that one
        await client.query(`insert into translator select 10000 + i, 'S' || i, '{en,zh}', 1 + i / 100.0, 30, 90, 'en-de' from generate_series(1, 12000) i`);
        await client.query(`insert into translator values (30000, 'Last', '{en,zh}', 5000, 1, 1, 'en-de')`);
        try {
          const walked = await walkedRun({ deadline: 3, cityKm: 0 });
          expect(walked.rows.map((x) => x.name)).toContain('Last');
          expect(walked.fullMatchCountCapped).toBe(false);
          const scanned = await scannedRun({ deadline: 3, cityKm: 0 });
          expect(scanned.rows.map((x) => x.name)).not.toContain('Last');
          expect([scanned.fullMatchCount, scanned.fullMatchCountCapped]).toEqual([walked.fullMatchCount - 1, true]);
          // not asked whether it was capped (`capped: false`): the same ranking and count, without the
          // second read of the candidates that tells it
          const unasked = await scannedRun({ deadline: 3, cityKm: 0 }, { capped: false });
          expect(unasked.rows.map((x) => [x.name, x.score])).toEqual(scanned.rows.map((x) => [x.name, x.score]));
          expect(unasked.fullMatchCount).toBe(scanned.fullMatchCount);
          const sql = rankingSql(
            SCANNED,
            { query: { deadline: 3, cityKm: 0 }, node: null, first: 10, nearMisses: false, params: new Params(), capped: false },
            askedWeights(SCANNED),
          );
          expect(sql).not.toMatch(/offset \(select scan from walk_k\)/);
          expect(
            rankingSql(SCANNED, { query: { deadline: 3, cityKm: 0 }, node: null, first: 10, nearMisses: false, params: new Params() }, askedWeights(SCANNED)),
          ).toMatch(/offset \(select scan from walk_k\)/);
        } finally {
          await client.query(`delete from translator where pair = 'en-de'`);
        }
      });
    });
  });

  it('ranks one focused candidate among all', async () => {
    const r = await run({ deadline: 5, cityKm: null }, { focus: 1 });
    expect(r.rows.map((x) => [x.name, x.rank, x.explanation.rank])).toEqual([['A', 2, 2]]);
    expect(r.fullMatchCount).toBe(2);
  });
});
