import type { Context } from '../../graphql/context';
import { requireKnownDistricts } from '../reference/reference.cache';
import { badInput } from '../../graphql/errors';
import type { Params } from '../../graphql/sql/params';
import { districtCodes } from '../../graphql/types/ranges';
import { compileSelection, type MatchListArgs, type NodeSelection, rankPage } from '../../matching/connection';
import { type Explanation, normalise } from '../../matching/engine';
import { addDays, intBetween, listAtMost, nonNegativeDecimal, Problems, todayInChina } from '../matchmaking/matchmaking.validation';
import { languageCodes } from './cohort.service';
import { CohortMode } from './talent.enums';
import type { TalentNeedInput, TalentWeightsInput } from './talent-match.types';
import { TALENT, type TalentNeed, type TalentRow } from './talent.profile';

/**
 * Cohorts for a training need, through the matching engine (src/matching) with the TALENT profile
 * (talent.profile.ts): this file checks and binds what is asked and the cohort the client selected.
 */

const SPECIALTIES_MAX = 7;
const PEOPLE_MAX = 500;
const DISTRICTS_MAX = 40;
const FEE_MAX = 10_000_000;
/** The latest start a need may name: three years ahead. */
const WINDOW_DAYS = 3 * 366;

export interface TalentMatchesArgs extends MatchListArgs {
  need: TalentNeedInput;
  weights?: TalentWeightsInput;
}

/** A need as values, checked: every problem is BAD_USER_INPUT naming its path (`need.latestStart`). */
export function needOf(need: TalentNeedInput): TalentNeed {
  const p = new Problems();
  const at = (f: string) => ['need', f];
  if (need.specialties.length === 0) p.add(at('specialties'), 'Name at least one skill to train');
  listAtMost(p, at('specialties'), need.specialties, SPECIALTIES_MAX, 'specialties');
  intBetween(p, at('people'), need.people, 1, PEOPLE_MAX, 'people');
  const today = todayInChina();
  if (need.earliestStart && need.latestStart && need.latestStart < need.earliestStart)
    p.add(at('latestStart'), `latestStart (${need.latestStart}) must not be before earliestStart (${need.earliestStart})`);
  if (need.latestStart && need.latestStart <= today) p.add(at('latestStart'), `latestStart (${need.latestStart}) must be after today (${today}, China time)`);
  if (need.latestStart && need.latestStart > addDays(today, WINDOW_DAYS)) p.add(at('latestStart'), 'latestStart must be within three years');
  if (need.earliestStart && need.earliestStart > addDays(today, WINDOW_DAYS)) p.add(at('earliestStart'), 'earliestStart must be within three years');
  if (need.modes && need.modes.length === 0) p.add(at('modes'), 'Accept at least one mode, or leave `modes` out for both');
  listAtMost(p, at('districts'), need.districts, DISTRICTS_MAX, 'districts');
  nonNegativeDecimal(p, at('maxFeePerPerson'), need.maxFeePerPerson, 'maxFeePerPerson', { precision: 10, scale: 2 });
  if (need.maxFeePerPerson != null && Number(need.maxFeePerPerson) > FEE_MAX) p.add(at('maxFeePerPerson'), `maxFeePerPerson must be at most ${FEE_MAX}`);
  if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
  return {
    specialties: [...new Set(need.specialties)],
    people: need.people,
    earliest: need.earliestStart ?? null,
    latest: need.latestStart ?? null,
    modes: [...new Set(need.modes ?? [CohortMode.ON_SITE, CohortMode.ONLINE])],
    districts: [...new Set(districtCodes(need.districts ?? [], 'need.districts'))],
    languages: [...new Set(languageCodes(need.languages ?? [], 'need.languages'))],
    maxFee: need.maxFeePerPerson ?? null,
    near: need.nearDistrict == null ? null : districtCodes([need.nearDistrict], 'need.nearDistrict')[0],
  };
}

/** A ranked row as TalentMatch reads it. */
const matchOf = (r: TalentRow & { explanation: Explanation }) => ({ ...r.explanation, cohort: r.node });

/** Cohorts for a need, ranked, as a page; `cohort` is what the client selected of each. */
export async function talentMatches(ctx: Context, cohort: NodeSelection | null, args: TalentMatchesArgs) {
  const need = needOf(args.need);
  await requireKnownDistricts(ctx.db, need.districts, 'need.districts');
  if (need.near) await requireKnownDistricts(ctx.db, [need.near], 'need.nearDistrict');
  const page = await rankPage(ctx.db, TALENT, need, args, (p: Params) => compileSelection(ctx, cohort, 'TalentCohort', 'c', p), matchOf);
  return { ...page, weights: normalise(page.weights) };
}
