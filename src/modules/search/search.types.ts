import { createUnionType, Extensions, Field, Float, getMetadataStorage, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { SearchKindSpec } from '../../graphql/types/search-kind';

@ObjectType({ description: 'A matched span of the snippet, in characters (UTF-16 code units), end exclusive (高亮区间)' })
export class HighlightRange {
  @Field(() => Int, { description: 'First character of the match (起始位置)' })
  start!: number;

  @Field(() => Int, { description: 'Character after the match (结束位置，不含)' })
  end!: number;
}

/**
 * The kind enum, the union of what search finds and the hit type, made from the kinds the modules
 * declare (src/composition.ts hands them in): the search module names no domain type.
 */
export function searchTypes(kinds: readonly SearchKindSpec[]) {
  if (kinds.length === 0) throw new Error('Name search needs at least one kind (a module manifest’s `search`)');
  const SearchKind: Record<string, string> = {};
  for (const k of kinds) {
    if (Object.hasOwn(SearchKind, k.kind)) throw new Error(`Search kind ${k.kind} is declared twice`);
    SearchKind[k.kind] = k.kind;
  }
  /** GraphQL type name by kind, for the rows the search statement returns. */
  const typeNames = new Map(kinds.map((k) => [k.kind, objectTypeName(k.type)]));
  registerEnumType(SearchKind, {
    name: 'SearchKind',
    description: 'Kinds of object name search covers (搜索对象类型)',
    valuesConfig: Object.fromEntries(kinds.map((k) => [k.kind, { description: k.description }])),
  });

  const SearchNode = createUnionType({
    name: 'SearchNode',
    description: 'Anything name search can find (可搜索对象)',
    types: () => kinds.map((k) => k.type) as unknown as readonly [ClassType, ...ClassType[]],
    // Search rows carry their GraphQL type name in `$t` (see search.service.ts).
    resolveType: (value) => (value as unknown as { $t: string }).$t,
  });

  @ObjectType({ description: 'One search result: what matched, how well, and where (搜索结果)' })
  class SearchHit {
    @Field(() => SearchKind, { description: 'Kind of object matched (对象类型)' })
    kind!: string;

    @Field(() => Float, { description: 'Relevance from 0 to 1; results come best first (相关度)' })
    score!: number;

    @Field({ description: 'Which name matched: nameZh or nameEn (命中字段)' })
    matchedField!: string;

    @Field({ description: 'The matched name, plain text (命中文本)' })
    snippet!: string;

    @Field(() => [HighlightRange], { description: 'Spans of the snippet that match the query; empty for a fuzzy (typo-tolerant) match (高亮区间)' })
    highlights!: HighlightRange[];

    @Field({ description: 'The snippet as HTML, matches wrapped in <mark>, everything else escaped (高亮HTML)' })
    snippetHtml!: string;

    // The rows name their type in `$t` (search.service.ts), as resolveType above reads it.
    @Extensions({ typedBy: '$t' })
    @Field(() => SearchNode, { description: 'The object found (命中对象)' })
    node!: typeof SearchNode;
  }

  return { SearchKind, SearchNode, SearchHit, typeNames };
}

/** The GraphQL name of an @ObjectType class (its own name unless the decorator gives one). */
function objectTypeName(type: ClassType): string {
  const meta = getMetadataStorage().objectTypes.find((o) => o.target === type);
  if (!meta) throw new Error(`Search kind type ${type.name} is not an @ObjectType`);
  return meta.name;
}
