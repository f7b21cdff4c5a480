import { type ClassType, Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './relay';

/**
 * The GraphQL shape every kind of matchmaking shares (docs/matchmaking.md, "The engine"), made per
 * module for its own enums of factors and constraints: a score part and a failed constraint, the
 * fields of an explanation (what src/matching's `Explanation` holds), and a ranking's page as a
 * connection. A module adds its own facts and the matched object.
 */

/** Names and descriptions of a module's explanation types. */
export interface ExplanationNames {
  /** The score part type, e.g. `ScorePart`. */
  scorePart: string;
  /** The failed-constraint type, e.g. `ConstraintMiss`. */
  constraintMiss: string;
  /** The abstract type of the shared fields (never in the schema itself), e.g. `MatchExplanationFields`. */
  fields: string;
  /** What a score part and a failed constraint are about, in words (default: a match). */
  about?: { en: string; zh: string };
}

/**
 * A score part (`factor` one of the module's `factors` enum), a failed constraint (`constraint` one
 * of its `constraints` enum) and an abstract explanation with the fields every match has.
 */
export function explanationTypes(factors: object, constraints: object, names: ExplanationNames) {
  @ObjectType(names.scorePart, { description: `One part of a match’s score, with why (${names.about?.zh ?? ''}评分明细)` })
  class ScorePart {
    @Field(() => factors, { description: 'The factor (因素)' })
    factor!: string;

    @Field(() => Float, { description: 'Its weight after normalisation; weights sum to 1 (权重)' })
    weight!: number;

    @Field(() => Float, { description: 'How well the match does on it, 0–1 (得分)' })
    value!: number;

    @Field(() => Float, { description: 'weight × value: what it adds to the score (贡献)' })
    contribution!: number;

    @Field({ description: 'The numbers behind it, in words, English (说明)' })
    detail!: string;

    @Field({ description: 'The same facts in Chinese (中文说明)' })
    detailZh!: string;
  }

  @ObjectType(names.constraintMiss, { description: `A hard constraint a near miss fails, and by how much (${names.about?.zh ?? ''}未满足的约束)` })
  class ConstraintMiss {
    @Field(() => constraints, { description: 'The constraint (约束)' })
    constraint!: string;

    @Field({ description: 'What would have to change, in English (说明)' })
    detail!: string;

    @Field({ description: 'The same in Chinese (中文说明)' })
    detailZh!: string;
  }

  @ObjectType(names.fields, { description: 'The fields every match explanation has (匹配说明字段)' })
  abstract class Explained {
    @Field(() => Float, { description: 'Score 0–1: the sum of the parts’ contributions (总分)' })
    score!: number;

    @Field(() => Int, { description: 'Position in the ranking, 1 = best (排名)' })
    rank!: number;

    @Field({ description: 'True when exactly one hard constraint fails (see `failedConstraints`) (是否近似匹配)' })
    isNearMiss!: boolean;

    @Field(() => [ConstraintMiss], { description: 'Failed hard constraints; empty for a full match (未满足约束)' })
    failedConstraints!: ConstraintMiss[];

    @Field(() => [ScorePart], { description: 'The score’s parts (评分明细)' })
    scoreParts!: ScorePart[];

    @Field({ description: 'One-sentence reason, English (理由)' })
    summary!: string;

    @Field({ description: 'One-sentence reason, Chinese (中文理由)' })
    summaryZh!: string;
  }

  return { ScorePart, ConstraintMiss, Explained };
}

/** Names and descriptions of a module's ranking result and its edge. */
export interface MatchResultNames {
  /** The result type, e.g. `WarehouseMatchResult`, and its description. */
  name: string;
  description: string;
  /** The edge type and its description. */
  edge: string;
  edgeDescription: string;
  /** `fullMatchCount`'s and `fullMatchCountCapped`'s descriptions: what matches fully, and when the walk stops. */
  fullMatchCount: string;
  fullMatchCountCapped: string;
}

/**
 * A ranking's page: `matches` (the page, best first), the same as a Relay connection (`edges`,
 * `pageInfo`, `totalCount` = the full matches), the count of full matches and whether it is capped,
 * and the weights used.
 */
export function matchResultType<M extends object, W extends object>(match: ClassType<M>, weights: ClassType<W>, names: MatchResultNames) {
  @ObjectType(names.edge, { description: names.edgeDescription })
  class MatchEdge {
    @Field({ description: 'Where it is in the ranking; pass as `after` for the matches that follow (游标)' })
    cursor!: string;

    @Field(() => match, { description: 'The match (匹配)' })
    node!: M;
  }

  @ObjectType(names.name, { description: names.description })
  class MatchResult {
    @Field(() => [match], { description: 'This page, best first; full matches before near misses; the same as `edges.node` (匹配列表)' })
    matches!: M[];

    @Field(() => [MatchEdge], {
      description: 'This page with each match’s cursor: full matches first, then (with `includeNearMisses`) near misses, each flagged `isNearMiss` (匹配边)',
    })
    edges!: MatchEdge[];

    @Field(() => PageInfo, { description: 'Whether more follow; `endCursor` is the next page’s `after` (分页信息)' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Full matches in the ranking (the same as `fullMatchCount`); near misses are not counted (完全匹配总数)' })
    totalCount!: number;

    @Field(() => Int, { description: names.fullMatchCount })
    fullMatchCount!: number;

    @Field({ description: names.fullMatchCountCapped })
    fullMatchCountCapped!: boolean;

    @Field(() => weights, { description: 'Weights used (权重)' })
    weights!: W;
  }
  return MatchResult;
}
