import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IndustrialBelt } from '../belt/belt.types';
import { Enterprise } from '../enterprise/enterprise.types';
import { IndustrialPark } from '../park/park.types';
import { Corridor, Country, District, Zone } from '../reference/reference.types';
import { ServiceProvider } from '../service-provider/service-provider.types';
import { TalentBase } from '../talent/talent.types';
import { OverseasWarehouse } from '../warehouse/warehouse.types';

export enum SearchKind {
  ENTERPRISE = 'ENTERPRISE',
  INDUSTRIAL_PARK = 'INDUSTRIAL_PARK',
  INDUSTRIAL_BELT = 'INDUSTRIAL_BELT',
  OVERSEAS_WAREHOUSE = 'OVERSEAS_WAREHOUSE',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  TALENT_BASE = 'TALENT_BASE',
  DISTRICT = 'DISTRICT',
  ZONE = 'ZONE',
  CORRIDOR = 'CORRIDOR',
  COUNTRY = 'COUNTRY',
}
registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'Kinds of object name search covers (搜索对象类型)',
  valuesConfig: {
    ENTERPRISE: { description: '经营主体 — Enterprise' },
    INDUSTRIAL_PARK: { description: '产业园区 — IndustrialPark' },
    INDUSTRIAL_BELT: { description: '产业带 — IndustrialBelt' },
    OVERSEAS_WAREHOUSE: { description: '海外仓 — OverseasWarehouse' },
    SERVICE_PROVIDER: { description: '专业服务商 — ServiceProvider' },
    TALENT_BASE: { description: '人才基地 — TalentBase' },
    DISTRICT: { description: '区县 — District' },
    ZONE: { description: '功能区 — Zone' },
    CORRIDOR: { description: '物流通道 — Corridor' },
    COUNTRY: { description: '国家/地区 — Country' },
  },
});

export const SearchNode = createUnionType({
  name: 'SearchNode',
  description: 'Anything name search can find (可搜索对象)',
  types: () => [Enterprise, IndustrialPark, IndustrialBelt, OverseasWarehouse, ServiceProvider, TalentBase, District, Zone, Corridor, Country] as const,
  // Search rows carry their GraphQL type name in `$t` (see search.service.ts).
  resolveType: (value) => (value as unknown as { $t: string }).$t,
});

@ObjectType({ description: 'A matched span of the snippet, in characters (UTF-16 code units), end exclusive (高亮区间)' })
export class HighlightRange {
  @Field(() => Int, { description: 'First character of the match (起始位置)' })
  start!: number;

  @Field(() => Int, { description: 'Character after the match (结束位置，不含)' })
  end!: number;
}

@ObjectType({ description: 'One search result: what matched, how well, and where (搜索结果)' })
export class SearchHit {
  @Field(() => SearchKind, { description: 'Kind of object matched (对象类型)' })
  kind!: SearchKind;

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

  @Field(() => SearchNode, { description: 'The object found (命中对象)' })
  node!: typeof SearchNode;
}
