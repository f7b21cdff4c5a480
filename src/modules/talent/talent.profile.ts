import type { Params } from '../../graphql/sql/params';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import type { Bilingual, CandidateSource, Constraint, Factor, MatchProfile, MatchRow } from '../../matching/profile';
import { fmt } from '../../matching/wording';
import { TalentSpecialtyLabels } from './talent.enums';

/**
 * Training cohorts for an enterprise's need as a profile of the matching engine (src/matching,
 * docs/matchmaking.md, "Talent"): which open cohorts could train N people in the skills asked,
 * starting within a window, on site in the districts asked or online, in a language and for a fee
 * per person the enterprise accepts. The need is a one-row sub-select of parameters `n`; the
 * candidate is `c` (talent_cohort).
 *
 * Candidates are the open cohorts that have not started (a Chinese calendar day). The walk reads
 * them per mode and district (talent_cohort_match_idx, index-only), soonest first; a partition
 * outside the place asked has no full match (PLACE, on the partition alone) and is read only for
 * near misses. SEATS counts the seats of a lapsed reservation not yet swept as free, as
 * `seatsLeft` does (looked up only for a cohort whose `reserved_seats` alone leaves too few).
 */

/** Seats of a cohort's held reservations past their expiry that the sweeper has not given back yet. */
export const lapsedSeatsSql = (t: string) =>
  `coalesce((select sum(x.people) from seat_reservation x where x.cohort_id = ${t}.id and x.status = 'HELD' and x.expires_at <= now()), 0)`;

/**
 * Seats a cohort has left: its seats less those reserved, plus those of held reservations already
 * past their expiry that the sweeper has not yet given back (they read as EXPIRED at once).
 */
export const seatsLeftSql = (t: string) => `(${t}.seats - ${t}.reserved_seats + ${lapsedSeatsSql(t)})::int`;

/** Today in China: cohorts start on Chinese calendar days. */

/** What is asked, as values. */
export interface TalentNeed {
  specialties: string[];
  people: number;
  earliest: string | null;
  latest: string | null;
  modes: string[];
  districts: string[];
  languages: string[];
  maxFee: string | null;
  near: string | null;
}

/** A returned row: the columns below and the explanation columns. */
export interface TalentRow extends MatchRow {
  cohort_id: number;
  starts_text: string;
  from_text: string;
  days_after: number;
  seats_left: number;
  fee: string;
  language: string;
  mode: string;
  district: string;
  c_specialties: string[];
  n_specialties: string[];
  people: number;
  latest_text: string | null;
  max_fee: string | null;
  n_modes: string[];
  n_languages: string[];
  near: string | null;
  base_capacity: number;
  district_zh: string;
  district_en: string;
  near_zh: string | null;
  near_en: string | null;
  asked_districts_zh: string[];
  asked_districts_en: string[];
}

/** The need as a one-row sub-select of parameters, aliased `n`: the statement is planned for them. */
export function needSql(need: TalentNeed, p: Params): string {
  return `(select ${p.add(need.specialties)}::text[] as specialties, ${p.add(need.people)}::int as people,
    greatest(coalesce(${p.add(need.earliest)}::date, ${CHINA_TODAY_SQL} + 1), ${CHINA_TODAY_SQL} + 1) as earliest, ${p.add(need.latest)}::date as latest,
    ${p.add(need.modes)}::text[] as modes, ${p.add(need.districts)}::text[] as districts, ${p.add(need.languages)}::text[] as languages,
    ${p.add(need.maxFee)}::numeric as max_fee, ${p.add(need.near)}::text as near) n`;
}

const list = (xs: readonly string[]): Bilingual => ({ en: xs.join(', '), zh: xs.join('、') });
const skills = (xs: readonly string[]): Bilingual => ({
  en: xs.map((x) => TalentSpecialtyLabels[x as keyof typeof TalentSpecialtyLabels]?.[1] ?? x).join(', '),
  zh: xs.map((x) => TalentSpecialtyLabels[x as keyof typeof TalentSpecialtyLabels]?.[0] ?? x).join('、'),
});
const yuan = (n: string): Bilingual => ({ en: `${fmt(n)} CNY`, zh: `${fmt(n)}元` });
const seats = (n: number): Bilingual => ({ en: `${n} seat${n === 1 ? '' : 's'}`, zh: `${n}个名额` });
const where = (r: TalentRow): Bilingual =>
  r.mode === 'ONLINE' ? { en: 'taught online', zh: '线上授课' } : { en: `taught on site in ${r.district_en}`, zh: `在${r.district_zh}线下授课` };

/** Days from the earliest start accepted after which a cohort's soonness is 0. */
const SOON_DAYS = 180;
/** The fee per person that scores 0 when the need gives no maximum, CNY. */
const FEE_SCALE = 20000;
/** People trained a year by a base at which its experience scores 1. */
const BASE_FULL = 500;

/**
 * The hard constraints, in the order failures are explained and tested: scalar comparisons first,
 * the array ones last.
 */
const CONSTRAINTS: Constraint<TalentRow>[] = [
  {
    name: 'START_WINDOW',
    sql: 'c.starts_on >= n.earliest and (n.latest is null or c.starts_on <= n.latest)',
    miss: (r) =>
      r.days_after < 0
        ? {
            en: `starts ${r.starts_text}, before the earliest start accepted (${r.from_text})`,
            zh: `${r.starts_text}开班，早于可接受的最早开班日期（${r.from_text}）`,
          }
        : {
            en: `starts ${r.starts_text}, after the latest start accepted (${r.latest_text})`,
            zh: `${r.starts_text}开班，晚于可接受的最晚开班日期（${r.latest_text}）`,
          },
  },
  {
    name: 'SEATS',
    // Lapsed reservations not yet swept count as free, as seatsLeft says; looked up only when the column alone falls short.
    sql: `case when c.seats - c.reserved_seats >= n.people then true else c.seats - c.reserved_seats + ${lapsedSeatsSql('c')} >= n.people end`,
    miss: (r) => ({
      en: `${seats(r.seats_left).en} left, ${r.people} needed`,
      zh: `仅剩${seats(r.seats_left).zh}，需要${r.people}个`,
    }),
  },
  {
    name: 'FEE',
    sql: 'n.max_fee is null or c.fee_cny <= n.max_fee',
    miss: (r) => ({
      en: `fee ${yuan(r.fee).en} per person, over the ${yuan(r.max_fee!).en} accepted`,
      zh: `每人费用${yuan(r.fee).zh}，超出可接受的${yuan(r.max_fee!).zh}`,
    }),
  },
  {
    name: 'PLACE',
    sql: `case when c.mode = 'ONLINE' then 'ONLINE' = any(n.modes)
      else 'ON_SITE' = any(n.modes) and (cardinality(n.districts) = 0 or c.district_code = any(n.districts)) end`,
    miss: (r) => {
      if (r.mode === 'ONLINE') return { en: 'taught online; on-site training was asked', zh: '线上授课；需求为线下培训' };
      if (!r.n_modes.includes('ON_SITE')) return { en: `${where(r).en}; online training was asked`, zh: `${where(r).zh}；需求为线上培训` };
      return {
        en: `${where(r).en}, not in a district asked (${list(r.asked_districts_en).en})`,
        zh: `${where(r).zh}，不在需求区县（${list(r.asked_districts_zh).zh}）`,
      };
    },
  },
  {
    name: 'LANGUAGE',
    sql: 'cardinality(n.languages) = 0 or c.language = any(n.languages)',
    miss: (r) => ({ en: `taught in ${r.language}, ${list(r.n_languages).en} asked`, zh: `授课语言为${r.language}，需求为${list(r.n_languages).zh}` }),
  },
  {
    name: 'SPECIALTY',
    sql: 'c.specialties && n.specialties',
    miss: (r) => ({
      en: `trains ${skills(r.c_specialties).en}: none of the skills asked (${skills(r.n_specialties).en})`,
      zh: `培养方向为${skills(r.c_specialties).zh}，不含所需方向（${skills(r.n_specialties).zh}）`,
    }),
  },
];

/** The skills asked that a cohort trains, in the need's order. */
const shared = (r: TalentRow) => r.n_specialties.filter((s) => r.c_specialties.includes(s));

const FACTORS: Factor<TalentRow>[] = [
  {
    name: 'SOONNESS',
    weightKey: 'soonness',
    defaultWeight: 0.3,
    // Starting on the earliest day accepted 1, 180 days or more later 0.
    value: `greatest(0, least(1, 1 - c.days_after::float8 / ${SOON_DAYS}))`,
    detail: (r) => ({
      en: `starts ${r.starts_text}, ${r.days_after} days after the earliest start accepted (${r.from_text}); ${SOON_DAYS} days or more score 0`,
      zh: `${r.starts_text}开班，比可接受的最早开班日期（${r.from_text}）晚${r.days_after}天；${SOON_DAYS}天及以上得0分`,
    }),
  },
  {
    name: 'FEE',
    weightKey: 'fee',
    defaultWeight: 0.25,
    // Free 1; at the maximum accepted (or, without one, 20,000 CNY) 0.
    value: `greatest(0, 1 - c.fee::float8 / coalesce(nullif(c.max_fee, 0)::float8, ${FEE_SCALE}))`,
    detail: (r) =>
      r.max_fee != null
        ? { en: `fee ${yuan(r.fee).en} per person of the ${yuan(r.max_fee).en} accepted`, zh: `每人费用${yuan(r.fee).zh}（可接受${yuan(r.max_fee).zh}）` }
        : {
            en: `fee ${yuan(r.fee).en} per person; ${yuan(String(FEE_SCALE)).en} or more score 0`,
            zh: `每人费用${yuan(r.fee).zh}；${yuan(String(FEE_SCALE)).zh}及以上得0分`,
          },
  },
  {
    name: 'SPECIALTIES',
    weightKey: 'specialties',
    defaultWeight: 0.25,
    value: `(select count(*) from unnest(c.n_specialties) s where s = any(c.c_specialties))::float8 / greatest(cardinality(c.n_specialties), 1)`,
    detail: (r) => ({
      en: `trains ${shared(r).length} of the ${r.n_specialties.length} skills asked (${skills(shared(r)).en})`,
      zh: `覆盖所需${r.n_specialties.length}个方向中的${shared(r).length}个（${skills(shared(r)).zh}）`,
    }),
  },
  {
    name: 'BASE_EXPERIENCE',
    weightKey: 'baseExperience',
    defaultWeight: 0.1,
    value: `least(1, coalesce(tb.annual_training_capacity, 0)::float8 / ${BASE_FULL})`,
    detail: (r) => ({
      en: `its base trains ${r.base_capacity} people a year; ${BASE_FULL} or more score 1`,
      zh: `所属基地年培训${r.base_capacity}人；${BASE_FULL}人及以上得1分`,
    }),
  },
  {
    name: 'NEARNESS',
    weightKey: 'nearness',
    defaultWeight: 0.1,
    // Online, or on site in the district where the trainees are: no travel.
    value: `(c.mode = 'ONLINE' or c.district = c.near)::int`,
    applies: 'c.near is not null',
    detail: (r) =>
      r.mode === 'ONLINE'
        ? { en: 'taught online: no travel', zh: '线上授课，无需出行' }
        : r.district === r.near
          ? { en: `${where(r).en}, where the trainees are`, zh: `${where(r).zh}，即学员所在区县` }
          : { en: `${where(r).en}, not ${r.near_en} where the trainees are`, zh: `${where(r).zh}，非学员所在的${r.near_zh}` },
  },
];

/** Per-candidate values the factors and explanations read (SQL over `c` and `n`; the walk's index holds every `c` column). */
const COLUMNS: Record<string, string> = {
  cohort_id: 'c.id',
  starts_text: 'c.starts_on::text',
  from_text: 'n.earliest::text',
  days_after: 'c.starts_on - n.earliest',
  fee: 'c.fee_cny',
  language: 'c.language',
  mode: 'c.mode',
  district: 'c.district_code',
  base_id: 'c.base_id',
  c_specialties: 'c.specialties',
  n_specialties: 'n.specialties',
  people: 'n.people',
  latest_text: 'n.latest::text',
  max_fee: 'n.max_fee',
  n_modes: 'n.modes',
  n_languages: 'n.languages',
  near: 'n.near',
};

/** A district's names as `<as>_zh` and `<as>_en`. */
const districtNames = (code: string, as: string) =>
  `(select name_zh from district where code = ${code}) as ${as}_zh, (select name_en from district where code = ${code}) as ${as}_en`;
const askedDistricts = (lang: 'zh' | 'en') =>
  `array(select d.name_${lang} from unnest(n.districts) with ordinality a(code, i) join district d on d.code = a.code order by a.i) as asked_districts_${lang}`;

/** What the walk reads of a candidate, index-only: talent_cohort_match_idx's keys and included columns. */
const WALK_COLUMNS = ['id', 'mode', 'district_code', 'starts_on', 'seats', 'reserved_seats', 'fee_cny', 'language', 'specialties', 'base_id'];

/** Open cohorts that have not started, per mode and district in a walk. */
function cohortsFor(need: TalentNeed, p: Params): CandidateSource {
  const n = needSql(need, p);
  const open = [`c.status = 'OPEN'`, `c.starts_on > ${CHINA_TODAY_SQL}`];
  return {
    from: `${n} cross join talent_cohort c`,
    where: open,
    rejoin: (t) => `${t} t join talent_cohort c on c.id = t.cohort_id cross join ${n}`,
    walk: {
      query: n,
      // The (mode, district) pairs of open cohorts, skipping through the index one pair at a time.
      partitions: `with recursive parts(mode, district) as (
          (select mode, district_code from talent_cohort where status = 'OPEN' order by mode, district_code limit 1)
          union all
          select x.mode, x.district_code from parts q cross join lateral (select mode, district_code from talent_cohort
            where status = 'OPEN' and (mode, district_code) > (q.mode, q.district) order by mode, district_code limit 1) x)
        select mode, district from parts`,
      table: 'talent_cohort c',
      where: [...open, 'c.mode = wp.mode', 'c.district_code = wp.district'],
      // Implied by PLACE (on the partition alone) and START_WINDOW (the index stops at the latest start).
      fullWhere: [
        `case when wp.mode = 'ONLINE' then 'ONLINE' = any(n.modes)
          else 'ON_SITE' = any(n.modes) and (cardinality(n.districts) = 0 or wp.district = any(n.districts)) end`,
        'c.starts_on >= n.earliest',
        `c.starts_on <= coalesce(n.latest, 'infinity'::date)`,
      ],
      order: 'c.starts_on, c.id',
      tableColumns: WALK_COLUMNS,
    },
  };
}

/** Cohorts for a training need: the profile TALENT. */
export const TALENT: MatchProfile<TalentRow, TalentNeed> = {
  name: 'talent cohorts for a need',
  about: {
    query: '`talentMatches(need)`, then `reserveSeats`',
    asks: 'an enterprise’s training need: skills, people, start window, districts or online, languages, fee cap 企业培训需求',
    candidates: 'open cohorts of the talent bases’ programmes that have not started 未开班的培训班期',
  },
  candidates: cohortsFor,
  key: 'cohort_id',
  columns: COLUMNS,
  constraints: CONSTRAINTS,
  factors: FACTORS,
  joins: 'left join talent_base tb on tb.id = c.base_id',
  joinColumns: 'tb.annual_training_capacity as base_capacity',
  detailColumns: `${seatsLeftSql('c')} as seats_left, ${districtNames('c.district_code', 'district')}, ${districtNames('n.near', 'near')}, ${askedDistricts('zh')}, ${askedDistricts('en')}`,
};

/** The factor and constraint names, for the GraphQL enums (talent-match.types.ts) to be checked against. */
export const TALENT_FACTORS = FACTORS.map((f) => f.name);
export const TALENT_CONSTRAINTS = CONSTRAINTS.map((c) => c.name);
