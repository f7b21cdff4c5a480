import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { explanationTypes, matchResultType } from '../../graphql/types/match';
import { DateScalar, DecimalScalar } from '../../graphql/types/scalars';
import { CohortMode, TalentSpecialty } from './talent.enums';
import { TalentCohort } from './talent-cohort.types';

/** Talent matches as GraphQL (docs/matchmaking.md, "Talent"): the engine's explanation with the talent profile's constraints and factors. */

/** The hard constraints of talent matching (talent.profile.ts). */
export enum TalentConstraint {
  START_WINDOW = 'START_WINDOW',
  SEATS = 'SEATS',
  FEE = 'FEE',
  PLACE = 'PLACE',
  LANGUAGE = 'LANGUAGE',
  SPECIALTY = 'SPECIALTY',
}
registerBilingualEnum(TalentConstraint, 'TalentConstraint', 'A hard constraint of talent matches; a near miss fails exactly one (培训匹配硬约束)', {
  START_WINDOW: ['开班时间', 'the cohort starts within the window asked (not before the earliest start, not after the latest)'],
  SEATS: ['名额', 'the cohort has at least as many seats left as people to train'],
  FEE: ['费用', 'the fee per person is at most the maximum asked (when one is given)'],
  PLACE: ['地点', 'on site in a district asked (any, when none is named) when on-site training is accepted, or online when online is accepted'],
  LANGUAGE: ['语言', 'taught in a language asked (when languages are named)'],
  SPECIALTY: ['培养方向', 'the cohort trains at least one of the skills asked'],
});

/** The score factors of talent matching (talent.profile.ts). */
export enum TalentFactor {
  SOONNESS = 'SOONNESS',
  FEE = 'FEE',
  SPECIALTIES = 'SPECIALTIES',
  BASE_EXPERIENCE = 'BASE_EXPERIENCE',
  NEARNESS = 'NEARNESS',
}
registerBilingualEnum(TalentFactor, 'TalentFactor', 'A part of a talent match’s score (培训匹配评分因素)', {
  SOONNESS: ['开班早晚', '1 when it starts on the earliest day accepted, falling to 0 at 180 days later'],
  FEE: ['费用', '1 − the fee per person ÷ the maximum asked (or ÷ 20,000 CNY without one)'],
  SPECIALTIES: ['方向覆盖', 'the share of the skills asked that the cohort trains'],
  BASE_EXPERIENCE: ['基地经验', 'people its base trains a year, 500 or more = 1'],
  NEARNESS: ['就近', '1 online or on site in the district where the trainees are (when the need names it), else 0'],
});

const { Explained } = explanationTypes(TalentFactor, TalentConstraint, {
  scorePart: 'TalentScorePart',
  constraintMiss: 'TalentConstraintMiss',
  fields: 'TalentExplanationFields',
  about: { en: 'talent', zh: '培训匹配' },
});

@ObjectType({ description: 'A cohort that fits a training need, with why (培训匹配)' })
export class TalentMatch extends Explained {
  @Field(() => TalentCohort, { description: 'The cohort (培训班期)' })
  cohort!: TalentCohort;
}

@ObjectType({ description: 'The weights a talent ranking used, after bounds and normalisation (实际权重)' })
export class TalentWeights {
  @Field(() => Float, { description: 'Soonness (开班早晚)' })
  soonness!: number;

  @Field(() => Float, { description: 'Fee (费用)' })
  fee!: number;

  @Field(() => Float, { description: 'Skills covered (方向覆盖)' })
  specialties!: number;

  @Field(() => Float, { description: 'The base’s experience (基地经验)' })
  baseExperience!: number;

  @Field(() => Float, { description: 'Nearness (就近)' })
  nearness!: number;
}

@InputType({ description: 'Score weights, each 0–1 (normalised to sum 1 over the factors that apply); what is left out keeps its default (评分权重)' })
export class TalentWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Soonness, default 0.3 (开班早晚)' })
  soonness?: number;

  @Field(() => Float, { nullable: true, description: 'Fee, default 0.25 (费用)' })
  fee?: number;

  @Field(() => Float, { nullable: true, description: 'Skills covered, default 0.25 (方向覆盖)' })
  specialties?: number;

  @Field(() => Float, { nullable: true, description: 'The base’s experience, default 0.1 (基地经验)' })
  baseExperience?: number;

  @Field(() => Float, { nullable: true, description: 'Nearness, default 0.1 (就近)' })
  nearness?: number;
}

@InputType({ description: 'Who needs training in what, when and where: e.g. two operations staff, on site in 渝北区 or online, before March (培训需求)' })
export class TalentNeedInput {
  @Field(() => [TalentSpecialty], { description: 'Skills to train, 1–7, each once: a cohort must train at least one (培养方向)' })
  specialties!: TalentSpecialty[];

  @Field(() => Int, { description: 'People to train, 1–500: the seats a cohort must have left (人数)' })
  people!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest first day accepted; default and at the soonest tomorrow (China time) (最早开班日期)' })
  earliestStart?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Latest first day accepted, within 3 years; none: any (最晚开班日期)' })
  latestStart?: string;

  @Field(() => [CohortMode], { nullable: true, description: 'Modes accepted; default both (可接受的授课方式)' })
  modes?: CohortMode[];

  @Field(() => [String], {
    nullable: true,
    description: 'Districts where on-site training is accepted, GB/T 2260 codes, at most 40; none: any (可接受的线下培训区县)',
  })
  districts?: string[];

  @Field(() => [String], { nullable: true, description: 'Languages of instruction accepted, ISO 639-1 such as zh, en, at most 20; none: any (授课语言)' })
  languages?: string[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Most fee per person, CNY, 0–10,000,000 with at most 2 decimals (每人费用上限，元)' })
  maxFeePerPerson?: string;

  @Field(() => String, {
    nullable: true,
    description: 'District where the trainees are, GB/T 2260 code: on-site cohorts there (and online ones) score NEARNESS (学员所在区县)',
  })
  nearDistrict?: string;
}

export const TalentMatchResult = matchResultType(TalentMatch, TalentWeights, {
  name: 'TalentMatchResult',
  description: 'Ranked cohorts for a training need, a page at a time (培训匹配结果)',
  edge: 'TalentMatchEdge',
  edgeDescription: 'A cohort in a ranking, with the cursor of its place (培训匹配边)',
  fullMatchCount: 'Cohorts that satisfy every hard constraint; when `fullMatchCountCapped`, those the ranking read: at least this many (完全匹配数)',
  fullMatchCountCapped:
    'True when the ranking did not read every candidate, so more cohorts may match fully: beyond about 1,000 full matches it reads the soonest in each mode and district, ranks the full matches among them, and `fullMatchCount` counts those (完全匹配数已封顶)',
});
