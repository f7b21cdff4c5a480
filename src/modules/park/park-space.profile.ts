import { greatCircleKmSql, type ResolvedNear, withinSql } from '../../graphql/types/geo';
import type { Params } from '../../graphql/sql/params';
import type { Bilingual, CandidateSource, Constraint, Factor, MatchProfile, MatchRow } from '../../matching/profile';
import { fmt, fmtQuantity } from '../../matching/wording';
import { ParkDesignation, ParkDesignationLabels, ParkKindLabels, ParkPublicServiceLabels, ParkSpaceKindLabels } from './park.enums';

/**
 * Park space as a profile of the matching engine (src/matching, docs/matchmaking.md, "Park space"):
 * the available spaces of the parks that fit an enterprise's need. It binds the need `n` (a
 * one-row sub-select of parameters), the space `s` (park_space) and its park `wp` (industrial_park's
 * columns: in the walk the partition row, elsewhere the park itself), and declares its constraints
 * and factors over them; the engine ranks, counts, finds near misses, explains and pages.
 *
 * Where the need looks (districts, zones, a point and a radius) is the candidates' scope, as a
 * warehouse demand's countries are: candidates are the AVAILABLE spaces of the parks there. What a
 * space or its park must be is a hard constraint, so a near miss says what is off.
 *
 * The walk's partitions are the parks in scope; each is read cheapest per m² first from
 * park_space_match_walk_idx (park-space.entity.ts), index-only, stopping at the need's rent per m².
 * A park whose kind or services cannot fit has no full match, and is read only for near misses.
 */

/** A need's values, as the one-row sub-select `n` binds them. */
export interface SpaceNeed {
  space_kinds: string[];
  park_kinds: string[];
  area_min: number | null;
  area_max: number | null;
  /** Most rent per m² a month, CNY (a decimal string). */
  max_rent: string | null;
  /** Most rent a month for the area let, CNY. */
  max_total: string | null;
  move_in_by: string | null;
  term_months: number | null;
  services: string[];
  near_lat: number | null;
  near_lng: number | null;
  radius_km: number | null;
  /** The day the ranking is for (China): AVAILABILITY counts from it. */
  today: string;
}

const NEED_COLUMNS: Record<keyof SpaceNeed, string> = {
  space_kinds: 'text[]',
  park_kinds: 'text[]',
  area_min: 'int',
  area_max: 'int',
  max_rent: 'numeric',
  max_total: 'numeric',
  move_in_by: 'date',
  term_months: 'int',
  services: 'text[]',
  near_lat: 'float8',
  near_lng: 'float8',
  radius_km: 'float8',
  today: 'date',
};

/** Where the need looks, resolved before the statement (so it is planned for these parks). */
export interface SpaceScope {
  districts: string[] | null;
  /** Zones asked (ids), and the districts of those that span whole districts (new areas, high-tech and development zones). */
  zoneIds: number[] | null;
  zoneDistricts: string[];
  near: ResolvedNear | null;
}

/** What a park-space ranking is asked. */
export interface SpaceQuery {
  need: SpaceNeed;
  scope: SpaceScope;
}

/** A returned row: the columns below and the explanation columns. */
export interface SpaceRow extends MatchRow {
  space_id: number;
  park_id: number;
  space_kind: string;
  area: number;
  min_div: number | null;
  let_area: number;
  rent: string;
  monthly_total: string;
  min_term: number;
  park_kind: string;
  designation: string;
  park_services: string[];
  distance_km: number | null;
  n_area_min: number | null;
  n_area_max: number | null;
  n_max_rent: string | null;
  n_max_total: string | null;
  n_term: number | null;
  n_radius: number | null;
  n_services: string[];
  n_space_kinds: string[];
  n_park_kinds: string[];
  from_day: string;
  move_in_day: string | null;
  days_to_available: number;
  park_zh: string;
  park_en: string;
  missing_services: string[];
}

/** The need's values as a one-row sub-select of parameters named `n`. */
function needSql(v: SpaceNeed, p: Params): string {
  return `(select ${Object.entries(NEED_COLUMNS)
    .map(([c, t]) => `${p.add(v[c as keyof SpaceNeed] ?? null)}::${t} as ${c}`)
    .join(', ')}) n`;
}

/** The area let: a whole space, or of a divisible one the part that fits what is asked (the least, else the most), never less than its smallest part. */
const LET = `least(s.area_m2, greatest(coalesce(s.min_divisible_m2, s.area_m2), coalesce(n.area_min, n.area_max, 0)))`;
/** The month's rent for the area let, CNY to the cent. */
const TOTAL = `round(${LET} * s.monthly_rent_per_m2, 2)`;

const label = <E extends string>(labels: Record<E, readonly [string, string]>, v: string): Bilingual => {
  const l = labels[v as E];
  return l ? { zh: l[0], en: l[1] } : { zh: v, en: v };
};
const labels = <E extends string>(ls: Record<E, readonly [string, string]>, vs: readonly string[]): Bilingual => ({
  en: vs.map((v) => label(ls, v).en).join(', '),
  zh: vs.map((v) => label(ls, v).zh).join('、'),
});

/** The area asked, in words: 500–800 m², at least 500 m², at most 800 m². */
const areaAsked = (r: SpaceRow): Bilingual => {
  const [lo, hi] = [r.n_area_min, r.n_area_max];
  if (lo != null && hi != null)
    return lo === hi
      ? { en: `${fmtQuantity(lo)} m²`, zh: `${fmtQuantity(lo)}平方米` }
      : { en: `${fmtQuantity(lo)}–${fmtQuantity(hi)} m²`, zh: `${fmtQuantity(lo)}–${fmtQuantity(hi)}平方米` };
  if (lo != null) return { en: `at least ${fmtQuantity(lo)} m²`, zh: `至少${fmtQuantity(lo)}平方米` };
  return { en: `at most ${fmtQuantity(hi!)} m²`, zh: `至多${fmtQuantity(hi!)}平方米` };
};

/** The space's area, in words: "1,200 m², divisible from 200 m²" or "800 m², let whole". */
const spaceArea = (r: SpaceRow): Bilingual =>
  r.min_div != null
    ? {
        en: `${fmtQuantity(r.area)} m², divisible from ${fmtQuantity(r.min_div)} m²`,
        zh: `${fmtQuantity(r.area)}平方米，可分割（最小${fmtQuantity(r.min_div)}平方米）`,
      }
    : { en: `${fmtQuantity(r.area)} m², let whole`, zh: `${fmtQuantity(r.area)}平方米，整租` };

/** The rent, in words: "38.00 CNY per m² a month, 19,000.00 CNY a month for 500 m²". */
const rentText = (r: SpaceRow): Bilingual => ({
  en: `${fmt(r.rent)} CNY per m² a month, ${fmt(r.monthly_total)} CNY a month for ${fmtQuantity(r.let_area)} m²`,
  zh: `每平方米每月${fmt(r.rent)}元，${fmtQuantity(r.let_area)}平方米每月${fmt(r.monthly_total)}元`,
});

/** The budget, in words: "at most 40.00 CNY per m² and 20,000.00 CNY a month". */
const budgetText = (r: SpaceRow): Bilingual => {
  const en: string[] = [];
  const zh: string[] = [];
  if (r.n_max_rent != null) {
    en.push(`${fmt(r.n_max_rent)} CNY per m²`);
    zh.push(`每平方米每月${fmt(r.n_max_rent)}元`);
  }
  if (r.n_max_total != null) {
    en.push(`${fmt(r.n_max_total)} CNY a month`);
    zh.push(`每月${fmt(r.n_max_total)}元`);
  }
  return { en: `at most ${en.join(' and ')}`, zh: `不超过${zh.join('、')}` };
};

/**
 * The hard constraints, in the order failures are explained: the space's own columns first (the
 * walk reads them from its index), then the park's.
 */
const CONSTRAINTS: Constraint<SpaceRow>[] = [
  {
    name: 'SPACE_KIND',
    sql: 'cardinality(n.space_kinds) = 0 or s.kind = any(n.space_kinds)',
    miss: (r) => {
      const [is, asked] = [label(ParkSpaceKindLabels, r.space_kind), labels(ParkSpaceKindLabels, r.n_space_kinds)];
      return { en: `kind of space ${is.en}, not one asked (${asked.en})`, zh: `空间类型为${is.zh}，不是所需类型（${asked.zh}）` };
    },
  },
  {
    name: 'AREA',
    // The space itself (let whole), or some part of it from its smallest part up, within what is asked.
    sql: '(n.area_min is null or s.area_m2 >= n.area_min) and (n.area_max is null or coalesce(s.min_divisible_m2, s.area_m2) <= n.area_max)',
    miss: (r) => {
      const [has, asked] = [spaceArea(r), areaAsked(r)];
      return { en: `${has.en}; ${asked.en} wanted`, zh: `${has.zh}；需求${asked.zh}` };
    },
  },
  {
    name: 'RENT',
    sql: `(n.max_rent is null or s.monthly_rent_per_m2 <= n.max_rent) and (n.max_total is null or ${TOTAL} <= n.max_total)`,
    miss: (r) => {
      const [rent, budget] = [rentText(r), budgetText(r)];
      return { en: `${rent.en}, over the budget of ${budget.en}`, zh: `${rent.zh}，超出预算（${budget.zh}）` };
    },
  },
  {
    name: 'AVAILABLE',
    sql: 'n.move_in_by is null or s.available_from <= n.move_in_by',
    miss: (r) => ({ en: `available from ${r.from_day}, after the move-in day ${r.move_in_day}`, zh: `${r.from_day}起可入驻，晚于入驻日期${r.move_in_day}` }),
  },
  {
    name: 'MIN_TERM',
    sql: 'n.term_months is null or s.min_term_months <= n.term_months',
    miss: (r) => ({ en: `shortest lease ${r.min_term} months, ${r.n_term} wanted`, zh: `最短租期${r.min_term}个月，需求租期${r.n_term}个月` }),
  },
  {
    name: 'PARK_KIND',
    sql: 'cardinality(n.park_kinds) = 0 or wp.kind = any(n.park_kinds)',
    miss: (r) => {
      const [is, asked] = [label(ParkKindLabels, r.park_kind), labels(ParkKindLabels, r.n_park_kinds)];
      return { en: `${r.park_en} is a park of kind “${is.en}”, not one asked (${asked.en})`, zh: `${r.park_zh}为${is.zh}园区，不是所需类型（${asked.zh}）` };
    },
  },
  {
    name: 'SERVICES',
    sql: 'wp.public_services @> n.services',
    miss: (r) => {
      const lacks = labels(ParkPublicServiceLabels, r.missing_services);
      return { en: `${r.park_en} does not offer ${lacks.en}`, zh: `${r.park_zh}未提供：${lacks.zh}` };
    },
  },
];

/** Public services that score 1 on SERVICES. */
const SERVICES_FULL = 6;
/** Days ahead at which AVAILABILITY reaches 0. */
const AVAILABILITY_DAYS = 90;
const DESIGNATION_VALUE: Record<ParkDesignation, number> = {
  NATIONAL_ECOMMERCE_DEMONSTRATION_BASE: 1,
  MUNICIPAL_CBEC_DEMONSTRATION_ZONE: 0.75,
  NONE: 0,
};

/** The area the factor measures against: the least asked, else the most. */
const TARGET = 'coalesce(c.n_area_min, c.n_area_max)';

const FACTORS: Factor<SpaceRow>[] = [
  {
    name: 'RENT',
    weightKey: 'rent',
    defaultWeight: 0.3,
    // The margin to the budget, the tighter of the two given: at the budget 0, free 1.
    value: `greatest(0, least(
      case when c.n_max_rent > 0 then 1 - c.rent::float8 / c.n_max_rent::float8 end,
      case when c.n_max_total > 0 then 1 - c.monthly_total::float8 / c.n_max_total::float8 end))`,
    applies: 'c.n_max_rent is not null or c.n_max_total is not null',
    detail: (r) => {
      const [rent, budget] = [rentText(r), budgetText(r)];
      return { en: `${rent.en}; budget ${budget.en}`, zh: `${rent.zh}；预算${budget.zh}` };
    },
  },
  {
    name: 'AREA_FIT',
    weightKey: 'areaFit',
    defaultWeight: 0.2,
    value: `greatest(0, 1 - abs(c.let_area - ${TARGET})::float8 / ${TARGET})`,
    applies: `${TARGET} > 0`,
    detail: (r) => {
      const asked = areaAsked(r);
      return r.min_div != null
        ? {
            en: `${fmtQuantity(r.let_area)} m² of ${fmtQuantity(r.area)} m² (divisible from ${fmtQuantity(r.min_div)} m²) for the ${asked.en} wanted`,
            zh: `可租${fmtQuantity(r.let_area)}平方米（共${fmtQuantity(r.area)}平方米，最小可分割${fmtQuantity(r.min_div)}平方米），需求${asked.zh}`,
          }
        : { en: `${fmtQuantity(r.area)} m², let whole, for the ${asked.en} wanted`, zh: `整租${fmtQuantity(r.area)}平方米，需求${asked.zh}` };
    },
  },
  {
    name: 'DISTANCE',
    weightKey: 'distance',
    defaultWeight: 0.15,
    value: 'greatest(0, 1 - c.distance_km / nullif(c.n_radius, 0))',
    applies: 'c.distance_km is not null',
    detail: (r) => ({
      en: `${r.park_en} is ${fmt(r.distance_km!, 1)} km from the point, within ${fmtQuantity(r.n_radius!)} km`,
      zh: `${r.park_zh}距中心点${fmt(r.distance_km!, 1)}公里（范围${fmtQuantity(r.n_radius!)}公里）`,
    }),
  },
  {
    name: 'SERVICES',
    weightKey: 'services',
    defaultWeight: 0.15,
    value: `least(1, cardinality(c.park_services)::float8 / ${SERVICES_FULL})`,
    detail: (r) => {
      const offered = labels(ParkPublicServiceLabels, r.park_services);
      return {
        en: `${r.park_en} offers ${r.park_services.length} public services (${offered.en || 'none'}); ${SERVICES_FULL} score 1`,
        zh: `${r.park_zh}提供${r.park_services.length}项公共服务（${offered.zh || '无'}）；${SERVICES_FULL}项得1分`,
      };
    },
  },
  {
    name: 'DESIGNATION',
    weightKey: 'designation',
    defaultWeight: 0.1,
    value: `case c.designation ${Object.entries(DESIGNATION_VALUE)
      .map(([d, v]) => `when '${d}' then ${v}`)
      .join(' ')} else 0 end`,
    detail: (r) => {
      const d = label(ParkDesignationLabels, r.designation);
      return r.designation === ParkDesignation.NONE
        ? { en: `${r.park_en} holds no official designation`, zh: `${r.park_zh}无官方称号` }
        : { en: `${r.park_en}: ${d.en}`, zh: `${r.park_zh}：${d.zh}` };
    },
  },
  {
    name: 'AVAILABILITY',
    weightKey: 'availability',
    defaultWeight: 0.1,
    value: `greatest(0, 1 - greatest(0, c.available_from - c.n_today)::float8 / ${AVAILABILITY_DAYS})`,
    detail: (r) =>
      r.days_to_available <= 0
        ? { en: `available now (from ${r.from_day})`, zh: `现可入驻（${r.from_day}起）` }
        : {
            en: `available from ${r.from_day}, in ${r.days_to_available} days; ${AVAILABILITY_DAYS} days or more score 0`,
            zh: `${r.from_day}起可入驻，${r.days_to_available}天后；${AVAILABILITY_DAYS}天及以上得0分`,
          },
  },
];

/** Per-candidate columns (SQL over `n`, `s` and `wp`): what the factors, the orderings and the wording read. */
const COLUMNS: Record<string, string> = {
  space_id: 's.id',
  park_id: 's.park_id',
  space_kind: 's.kind',
  area: 's.area_m2',
  min_div: 's.min_divisible_m2',
  let_area: LET,
  rent: 's.monthly_rent_per_m2',
  monthly_total: TOTAL,
  available_from: 's.available_from',
  min_term: 's.min_term_months',
  park_kind: 'wp.kind',
  designation: 'wp.designation',
  park_services: 'wp.public_services',
  distance_km: `case when n.near_lat is null then null else round(${greatCircleKmSql('wp.latitude', 'wp.longitude', 'n.near_lat', 'n.near_lng')}::numeric, 3)::float8 end`,
  n_area_min: 'n.area_min',
  n_area_max: 'n.area_max',
  n_max_rent: 'n.max_rent',
  n_max_total: 'n.max_total',
  n_term: 'n.term_months',
  n_radius: 'n.radius_km',
  n_today: 'n.today',
  n_services: 'n.services',
  n_space_kinds: 'n.space_kinds',
  n_park_kinds: 'n.park_kinds',
};

/** Columns only the returned rows need, for their explanations. */
const DETAIL_COLUMNS = `s.available_from::text as from_day, n.move_in_by::text as move_in_day, (s.available_from - n.today) as days_to_available,
    wp.name_zh as park_zh, wp.name_en as park_en,
    array(select x from unnest(n.services) with ordinality a(x, i) where not x = any(wp.public_services) order by i) as missing_services`;

/** The park columns the constraints and columns read, as a walk's partitions carry them. */
const PARK_COLUMNS = 'k.id, k.kind, k.designation, k.public_services, k.latitude, k.longitude, k.name_zh, k.name_en';

/** The parks in the need's scope (alias `k`), as conditions with their values in `p`. */
function parkScope(scope: SpaceScope, p: Params): string[] {
  const where: string[] = [];
  if (scope.districts) where.push(`k.district_code = any(${p.add(scope.districts)}::text[])`);
  if (scope.zoneIds) where.push(`(k.zone_id = any(${p.add(scope.zoneIds)}::int[]) or k.district_code = any(${p.add(scope.zoneDistricts)}::text[]))`);
  if (scope.near) where.push(withinSql('k.latitude', 'k.longitude', scope.near, p));
  return where;
}

/** The available spaces of the parks in scope, walked park by park, cheapest per m² first. */
function spacesFor({ need, scope }: SpaceQuery, p: Params): CandidateSource {
  const n = needSql(need, p);
  const inScope = parkScope(scope, p);
  const parks = `select ${PARK_COLUMNS} from industrial_park k${inScope.length ? ` where ${inScope.join(' and ')}` : ''}`;
  return {
    from: `${n} cross join (${parks}) wp join park_space s on s.park_id = wp.id`,
    where: [`s.status = 'AVAILABLE'`],
    rejoin: (t) => `${t} t join park_space s on s.id = t.space_id join industrial_park wp on wp.id = s.park_id cross join ${n}`,
    walk: {
      query: n,
      partitions: parks,
      table: 'park_space s',
      where: ['s.park_id = wp.id', `s.status = 'AVAILABLE'`],
      // PARK_KIND and SERVICES on the partition alone (a park that cannot fit is walked only for
      // near misses); RENT's per-m² limit where the index stops.
      fullWhere: [
        '(cardinality(n.park_kinds) = 0 or wp.kind = any(n.park_kinds))',
        'wp.public_services @> n.services',
        '(n.max_rent is null or s.monthly_rent_per_m2 <= n.max_rent)',
      ],
      order: 's.monthly_rent_per_m2, s.id',
      tableColumns: ['id', 'park_id', 'kind', 'area_m2', 'min_divisible_m2', 'monthly_rent_per_m2', 'available_from', 'min_term_months'],
    },
  };
}

/** Park space for an enterprise's need: the profile PARK_SPACE. */
export const PARK_SPACE: MatchProfile<SpaceRow, SpaceQuery> = {
  name: 'park space for a need',
  about: {
    query: '`parkSpaceMatches(need)`',
    asks: 'an enterprise’s need for space: districts, zones or a point and radius, area, rent, move-in day, term, kinds of space and park, public services 企业入园需求',
    candidates: 'available space in the parks of the asked districts, zones or radius (or every park) 园区可租空间',
  },
  candidates: spacesFor,
  key: 'space_id',
  columns: COLUMNS,
  constraints: CONSTRAINTS,
  factors: FACTORS,
  detailColumns: DETAIL_COLUMNS,
};

/** The factor and constraint names, for the GraphQL enums (park-space.types.ts) to be checked against. */
export const PARK_SPACE_FACTORS = FACTORS.map((f) => f.name);
export const PARK_SPACE_CONSTRAINTS = CONSTRAINTS.map((c) => c.name);
