import pg from 'pg';
import { hasValidOrganisationCode, isValidCreditCode } from '../../src/modules/enterprise/credit-code';
import { expectData, startTestServer, type TestServer } from '../helpers/server';

/*
 * Data quality of the divisions and the credit codes' regions, on the seeded sample (issue 17,
 * points 1, 2 and 7): what the statistics office would check before publishing a count by
 * district. Then the API that rests on it: `isCurrent`, `validOn`, retired codes refused in every
 * district filter, `registrationRegions`.
 */

/** The codes marked ✔ in shared/reference/chongqing-facts.md: 38 in force until 2025, and the nine retired county codes. */
// biome-ignore format: a table of codes
const FACTS_CURRENT = [
  '500101', '500102', '500103', '500104', '500105', '500106', '500107', '500108', '500109', '500110', '500111', '500112', '500113',
  '500114', '500115', '500116', '500117', '500118', '500119', '500120', '500151', '500152', '500153', '500154', '500155', '500156',
  '500229', '500230', '500231', '500233', '500235', '500236', '500237', '500238', '500240', '500241', '500242', '500243',
];
const FACTS_RETIRED_COUNTIES = ['500222', '500223', '500224', '500225', '500226', '500227', '500228', '500232', '500234'];
/** The first day unified social credit codes were issued (GB 32100-2015 in force). */
const CREDIT_CODES_FROM = '2015-10-01';

interface DistrictRow {
  code: string;
  name_zh: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_codes: string[];
  confidence: string;
  validity_confidence: string | null;
  sources: { title: string; url?: string | null; note?: string | null }[];
  in_force: boolean;
}

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const inForceOn = (d: DistrictRow, day: string) => (d.valid_from == null || d.valid_from <= day) && (d.valid_to == null || d.valid_to >= day);

describe('data quality: districts and credit-code regions', () => {
  let s: TestServer;
  let sql: pg.Client;
  let byCode: Map<string, DistrictRow>;
  let today: string;

  beforeAll(async () => {
    s = await startTestServer(__filename);
    sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    today = (await sql.query(`select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as d`)).rows[0].d;
    const rows = (
      await sql.query<DistrictRow>(
        `select code, name_zh, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, successor_codes,
          confidence, validity_confidence, sources,
          (valid_from is null or valid_from <= (now() at time zone 'Asia/Shanghai')::date) and (valid_to is null or valid_to >= (now() at time zone 'Asia/Shanghai')::date) as in_force
         from district order by code`,
      )
    ).rows;
    byCode = new Map(rows.map((r) => [r.code, r]));
  });
  afterAll(async () => {
    await sql?.end();
    await s?.close();
  });

  describe('the divisions', () => {
    it('has the 37 divisions in force today: the 36 of the facts besides 江北区 and 渝北区, and 两江新区', () => {
      const current = [...byCode.values()].filter((d) => d.in_force).map((d) => d.code);
      const expected = [...FACTS_CURRENT.filter((c) => c !== '500105' && c !== '500112'), '500157'].sort();
      expect(current).toEqual(expected);
    });

    it('gives every retired code its last day and successors that exist and are in force, or lead to one that is', () => {
      const retired = [...byCode.values()].filter((d) => !d.in_force);
      expect(retired.map((d) => d.code).sort()).toEqual([...FACTS_RETIRED_COUNTIES, '500105', '500112'].sort());
      for (const d of retired) {
        expect({ code: d.code, validTo: d.valid_to }).toEqual({ code: d.code, validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
        expect(d.valid_to! < today).toBe(true);
        expect(d.successor_codes.length).toBeGreaterThan(0);
        // Follow the successors until every branch reaches a division in force (no cycle, no dead end).
        const seen = new Set<string>();
        const queue = [...d.successor_codes];
        while (queue.length) {
          const c = queue.shift()!;
          const next = byCode.get(c);
          expect({ from: d.code, successor: c, exists: next !== undefined }).toEqual({ from: d.code, successor: c, exists: true });
          if (next!.in_force) continue;
          expect(seen.has(c)).toBe(false);
          seen.add(c);
          queue.push(...next!.successor_codes);
        }
      }
    });

    it('dates a change without a gap or an overlap: a successor that starts after its predecessor starts the day after its last day', () => {
      for (const d of byCode.values()) {
        if (d.valid_from && d.valid_to) expect(d.valid_from <= d.valid_to).toBe(true);
        for (const c of d.successor_codes) {
          const next = byCode.get(c)!;
          // 北碚区 took five towns of 渝北区 and was in force before: only successors created by the change start then.
          if (next.valid_from == null) continue;
          expect({ code: c, validFrom: next.valid_from }).toEqual({ code: c, validFrom: expect.any(String) });
          expect(dayBefore(next.valid_from)).toBe(d.valid_to);
        }
      }
    });

    it('records the retirements of 2011–2016 as the facts give them, and 江北区/渝北区 at the end of 2025', () => {
      for (const c of FACTS_RETIRED_COUNTIES) {
        const y = Number(byCode.get(c)!.valid_to!.slice(0, 4));
        expect(y).toBeGreaterThanOrEqual(2011);
        expect(y).toBeLessThanOrEqual(2016);
      }
      expect(byCode.get('500105')!.valid_to).toBe('2025-12-31');
      expect(byCode.get('500112')!.valid_to).toBe('2025-12-31');
      expect(byCode.get('500157')!.valid_from).toBe('2026-01-01');
    });

    it('says how far each code and each date is confirmed: a code the facts do not mark ✔ is not VERIFIED, and whatever is not VERIFIED names its sources', () => {
      const factsVerified = new Set([...FACTS_CURRENT, ...FACTS_RETIRED_COUNTIES]);
      for (const d of byCode.values()) {
        if (!factsVerified.has(d.code))
          expect({ code: d.code, confidence: d.confidence }).toEqual({ code: d.code, confidence: expect.not.stringMatching(/^VERIFIED$/) });
        expect({ code: d.code, hasSources: d.sources.length > 0 }).toEqual({ code: d.code, hasSources: true });
        for (const src of d.sources) expect(src.title.length).toBeGreaterThan(0);
        const dated = d.valid_from != null || d.valid_to != null;
        expect({ code: d.code, validityConfidence: d.validity_confidence != null }).toEqual({ code: d.code, validityConfidence: dated });
        if (d.confidence !== 'VERIFIED' || (d.validity_confidence && d.validity_confidence !== 'VERIFIED'))
          expect(d.sources.some((x) => (x.note ?? '').length > 0)).toBe(true);
      }
      expect(byCode.get('500157')!.confidence).toBe('SINGLE_SOURCE');
    });
  });

  it('places every record (enterprise, park, belt, talent base, cohort, service need …) in a division in force today, and every zone in at least one (a retired one only beside its successor)', async () => {
    // Every column that holds where a record is now: district_code, whatever the table.
    const columns = (
      await sql.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'district_code' order by table_name`,
      )
    ).rows.map((r) => r.table_name);
    expect(columns).toEqual(expect.arrayContaining(['enterprise', 'industrial_park', 'talent_base', 'zone_district', 'industrial_belt_district']));
    const wrong: string[] = [];
    // A zone lists the divisions it spans now and, for history, those it spanned (寸滩 was in 江北区):
    // every zone spans one in force, and a retired one only with a successor of it.
    const zones = (
      await sql.query<{ slug: string; codes: string[] }>(
        `select z.slug, array_agg(zd.district_code) as codes from zone z join zone_district zd on zd.zone_id = z.id group by 1`,
      )
    ).rows;
    for (const z of zones) {
      if (!z.codes.some((c) => byCode.get(c)?.in_force)) wrong.push(`zone ${z.slug}: no division in force`);
      for (const c of z.codes.filter((c) => !byCode.get(c)?.in_force))
        if (!byCode.get(c)?.successor_codes.some((succ) => z.codes.includes(succ))) wrong.push(`zone ${z.slug}: ${c} without its successor`);
    }
    for (const table of columns.filter((t) => t !== 'zone_district')) {
      const rows = (
        await sql.query<{ code: string; n: number }>(
          `select district_code as code, count(*)::int as n from "${table}" where district_code is not null group by 1`,
        )
      ).rows;
      for (const r of rows) if (!byCode.get(r.code)?.in_force) wrong.push(`${table}: ${r.n} in ${r.code}`);
    }
    expect(wrong).toEqual([]);
  });

  describe('the sample enterprises’ credit codes', () => {
    let firms: { credit_code: string; district_code: string; founded_year: number | null }[];
    beforeAll(async () => {
      firms = (await sql.query('select credit_code, district_code, founded_year from enterprise where is_sample order by id')).rows;
    });

    it('are valid GB 32100 codes with a valid GB 11714 organisation code, registered in a division in force today', () => {
      expect(firms.length).toBeGreaterThan(300);
      expect(firms.filter((f) => !isValidCreditCode(f.credit_code) || !hasValidOrganisationCode(f.credit_code)).map((f) => f.credit_code)).toEqual([]);
      expect(firms.filter((f) => !byCode.get(f.district_code)?.in_force).map((f) => f.district_code)).toEqual([]);
    });

    it('carry a region that was in force on a day the code could be issued: on or after 2015-10-01, not before the firm was founded, within the founding year for new-style (MA) codes', () => {
      const wrong: string[] = [];
      for (const f of firms) {
        const region = f.credit_code.slice(2, 8);
        if (region === '500000') continue; // registered at municipal level: in force throughout
        const d = byCode.get(region);
        if (!d) {
          wrong.push(`${f.credit_code}: region ${region} is no division`);
          continue;
        }
        const founded = f.founded_year ?? 1990;
        const from = [CREDIT_CODES_FROM, `${founded}-01-01`].sort()[1];
        const to = f.credit_code.slice(8, 10) === 'MA' ? [today, `${founded}-12-31`].sort()[0] : today;
        // In force on some day of [from, to]: the intervals meet.
        const meets = (d.valid_from == null || d.valid_from <= to) && (d.valid_to == null || d.valid_to >= from) && from <= to;
        if (!meets) wrong.push(`${f.credit_code}: ${region} ${d.name_zh} (${d.valid_from ?? '…'}–${d.valid_to ?? '…'}) never in force in ${from}–${to}`);
      }
      expect(wrong).toEqual([]);
      // The retired county codes of 2011–2015 were gone before the first credit code.
      const early = firms.filter((f) => ['500222', '500225', '500227', '500224', '500223', '500226'].includes(f.credit_code.slice(2, 8)));
      expect(early.map((f) => f.credit_code)).toEqual([]);
      expect(inForceOn(byCode.get('500105')!, '2025-12-31')).toBe(true);
    });

    it('carry the firm’s own district or a division it was made from (or 500000)', () => {
      const wrong = firms.filter((f) => {
        const region = f.credit_code.slice(2, 8);
        if (region === '500000' || region === f.district_code) return false;
        return !byCode.get(region)?.successor_codes.includes(f.district_code);
      });
      expect(wrong.map((f) => `${f.credit_code} in ${f.district_code}`)).toEqual([]);
      // 两江新区 firms registered before 2026 carry old 江北 or 渝北: both occur.
      const lj = firms.filter((f) => f.district_code === '500157').map((f) => f.credit_code.slice(2, 8));
      expect(lj).toContain('500105');
      expect(lj).toContain('500112');
    });
  });

  describe('the API on it', () => {
    const DISTRICTS = 'query($f: DistrictFilter) { districts(first: 100, filter: $f) { totalCount nodes { code isCurrent } } }';

    it('lists the 37 divisions in force today with isCurrent, the 11 others with isCurrent: false', async () => {
      const now = expectData(await s.gql<any>(DISTRICTS, { f: { isCurrent: true } })).districts;
      expect(now.totalCount).toBe(37);
      expect(now.nodes.every((n: any) => n.isCurrent)).toBe(true);
      const retired = expectData(await s.gql<any>(DISTRICTS, { f: { isCurrent: false } })).districts;
      expect(retired.nodes.map((n: any) => n.code).sort()).toEqual([...FACTS_RETIRED_COUNTIES, '500105', '500112'].sort());
    });

    it('lists the divisions in force on a day (validOn), and refuses a day before the history kept', async () => {
      const d2016 = expectData(await s.gql<any>(DISTRICTS, { f: { validOn: '2016-01-01' } })).districts.nodes.map((n: any) => n.code);
      expect(d2016).toContain('500234'); // 开县 until 2016-06-07
      expect(d2016).not.toContain('500154');
      expect(d2016).toContain('500105');
      expect(d2016).not.toContain('500157');
      expect(d2016).not.toContain('500227'); // 璧山县, gone in 2014
      expect(d2016.length).toBe(38);
      const res = await s.gql(DISTRICTS, { f: { validOn: '2010-06-01' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.validOn' });
    });

    it('says how far a district is confirmed, where enterprises and statistics show it', async () => {
      const data = expectData(
        await s.gql<any>(`{
          district(code: "500157") { confidence validityConfidence sources { title url note } }
          enterprises(first: 1, filter: { districts: ["500157"] }) { nodes { district { code confidence } } }
          statistics { enterprises(groupBy: [DISTRICT]) { district { code confidence } } }
        }`),
      );
      expect(data.district.confidence).toBe('SINGLE_SOURCE');
      expect(data.district.sources.length).toBeGreaterThan(0);
      expect(data.enterprises.nodes[0].district).toEqual({ code: '500157', confidence: 'SINGLE_SOURCE' });
      const lj = data.statistics.enterprises.find((g: any) => g.district?.code === '500157');
      expect(lj.district.confidence).toBe('SINGLE_SOURCE');
    });

    it('refuses a retired code in enterprises’ district filter, naming its last day, its successors and registrationRegions', async () => {
      const res = await s.gql('query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }', { f: { districts: ['500103', '500105'] } });
      expect(res.data?.enterprises ?? null).toBeNull();
      const e = res.errors![0];
      expect(e.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'filter.districts',
        retiredCodes: [{ code: '500105', validTo: '2025-12-31', successorCodes: ['500157'], successors: [{ code: '500157', nameZh: '两江新区' }] }],
      });
      expect(e.message).toContain('500105');
      expect(e.message).toContain('2025-12-31');
      expect(e.message).toContain('两江新区');
      expect(e.message).toContain('registrationRegions');
      // A split: both successors named.
      const yubei = await s.gql('query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }', { f: { districts: ['500112'] } });
      expect(yubei.errors![0].extensions!.retiredCodes[0].successorCodes).toEqual(['500157', '500109']);
    });

    it.each([
      ['industrialParks', 'query($f: ParkFilter) { industrialParks(filter: $f) { totalCount } }'],
      ['industrialBelts', 'query($f: BeltFilter) { industrialBelts(filter: $f) { totalCount } }'],
      ['talentBases', 'query($f: TalentBaseFilter) { talentBases(filter: $f) { totalCount } }'],
      ['talentCohorts', 'query($f: TalentCohortFilter) { talentCohorts(filter: $f) { totalCount } }'],
      ['zones', 'query($f: ZoneFilter) { zones(filter: $f) { totalCount } }'],
      ['parkSpaces', 'query($f: ParkSpaceFilter) { parkSpaces(filter: $f) { totalCount } }'],
      ['statistics', 'query($f: EnterpriseFilter) { statistics { enterprises(groupBy: [ROLE], filter: $f) { enterpriseCount } } }'],
    ])('refuses a retired code (璧山县) and an unknown one in the district filter of %s', async (_kind, query) => {
      const retired = await s.gql(query, { f: { districts: ['500227'] } });
      expect(retired.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'filter.districts',
        retiredCodes: [{ code: '500227', validTo: '2014-05-01', successorCodes: ['500120'] }],
      });
      expect(retired.errors![0].message).toContain('璧山区');
      const unknown = await s.gql(query, { f: { districts: ['509999'] } });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.districts' });
      expect(unknown.errors![0].message).toContain('509999');
    });

    it('refuses a retired code in a park-space need, at its index', async () => {
      const res = await s.gql('query($n: ParkSpaceNeedInput!) { parkSpaceMatches(need: $n) { totalCount } }', {
        n: { districts: ['500103', '500112'], areaM2: { gte: 100 } },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'need.districts.1' });
      expect(res.errors![0].message).toContain('500109');
    });

    it('refuses a retired code in an ad-hoc service need', async () => {
      const res = await s.gql('query($n: ServiceNeedInput) { serviceMatches(need: $n) { totalCount } }', {
        n: { categories: ['CUSTOMS_DECLARATION'], district: '500234' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'need.district' });
      expect(res.errors![0].message).toContain('500154');
    });

    const BY_REGION = `query($f: EnterpriseFilter) {
      enterprises(first: 100, filter: $f) { totalCount nodes { creditCode registrationRegionCode registrationRegion { code isCurrent validTo } district { code } } }
    }`;

    it('registrationRegions: 500105 finds exactly the firms whose credit codes carry it, in one statement, with the retired division', async () => {
      const expected = (await sql.query(`select credit_code from enterprise where substr(credit_code, 3, 6) = '500105' order by credit_code`)).rows.map(
        (r) => r.credit_code,
      );
      expect(expected.length).toBeGreaterThan(10);
      const data = expectData(await s.gql<any>(BY_REGION, { f: { registrationRegions: ['500105'] } })).enterprises;
      expect(s.lastStatements()).toBe(1);
      expect(data.totalCount).toBe(expected.length);
      expect(data.nodes.map((n: any) => n.creditCode).sort()).toEqual(expected);
      for (const n of data.nodes) {
        expect(n.registrationRegionCode).toBe('500105');
        expect(n.registrationRegion).toEqual({ code: '500105', isCurrent: false, validTo: '2025-12-31' });
        expect(n.district.code).toBe('500157');
      }
    });

    it('registrationRegions takes 500000 (municipal registration), whose registrationRegion is null', async () => {
      const data = expectData(await s.gql<any>(BY_REGION, { f: { registrationRegions: ['500000'] } })).enterprises;
      const n = (await sql.query(`select count(*)::int as n from enterprise where substr(credit_code, 3, 6) = '500000'`)).rows[0].n;
      expect(data.totalCount).toBe(n);
      for (const e of data.nodes) expect(e).toMatchObject({ registrationRegionCode: '500000', registrationRegion: null });
    });

    it('registrationRegions refuses a code that was never a division of Chongqing, and a malformed one', async () => {
      for (const [codes, shown] of [
        [['500105', '999999'], '999999'],
        [['5001'], '5001'],
        [['110101'], '110101'],
      ] as const) {
        const res = await s.gql(BY_REGION, { f: { registrationRegions: codes } });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.registrationRegions' });
        expect(res.errors![0].message).toContain(shown);
      }
    });
  });
});
