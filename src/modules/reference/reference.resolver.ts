import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Sql } from '../../graphql/sql/declare';
import { expr, langOf, many } from '../../graphql/sql/fields';
import { NameResolver } from '../../graphql/types/name-resolver';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import {
  CorridorFilter,
  CountryFilter,
  DistrictFilter,
  ExchangeRateFilter,
  ExchangeRateOrder,
  HsCodeFilter,
  ProductCategoryFilter,
  ReferenceOrder,
  ZoneFilter,
} from './reference.inputs';
import {
  hsCodeByCode,
  listCorridors,
  listCountries,
  listDistricts,
  listExchangeRates,
  listHsChapters,
  listHsCodes,
  listProductCategories,
  listZones,
  normaliseCountryCode,
  normaliseDistrictCode,
  REF,
  refByKey,
} from './reference.service';
import { Corridor, Country, District, ExchangeRate, HsChapter, HsCode, ProductCategory, Zone } from './reference.types';

export const DistrictConnection = Connection(District, 'District', '区县');
export const ZoneConnection = Connection(Zone, 'Zone', '功能区');
export const CountryConnection = Connection(Country, 'Country', '国家/地区');
export const CorridorConnection = Connection(Corridor, 'Corridor', '物流通道');
export const ProductCategoryConnection = Connection(ProductCategory, 'ProductCategory', '商品类目');
export const ExchangeRateConnection = Connection(ExchangeRate, 'ExchangeRate', '汇率');
export const HsCodeConnection = Connection(HsCode, 'HsCode', 'HS 编码');
export const HsChapterConnection = Connection(HsChapter, 'HsChapter', 'HS 章');

const ORDER_DOC = 'Sort keys in order; the natural key always breaks ties. Default: code or slug (排序)';

@Resolver()
export class ReferenceResolver {
  @Query(() => DistrictConnection, { description: 'Chongqing’s county-level divisions, current and retired (区县列表)' })
  districts(
    @Args() page: PageArgsType,
    @Arg('filter', () => DistrictFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: DistrictFilter | undefined,
    @Arg('orderBy', () => [ReferenceOrder], { nullable: true, description: ORDER_DOC }) orderBy: ReferenceOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listDistricts(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => District, { nullable: true, description: 'One district by GB/T 2260 code, current or retired (按代码查询区县)' })
  district(@Arg('code', { description: 'Six-digit GB/T 2260 code, e.g. 500103' }) code: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return refByKey(ctx, info, REF.district, normaliseDistrictCode(code));
  }

  @Query(() => ZoneConnection, { description: 'Functional zones: bonded zones, B-type centres, new areas (功能区列表)' })
  zones(
    @Args() page: PageArgsType,
    @Arg('filter', () => ZoneFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: ZoneFilter | undefined,
    @Arg('orderBy', () => [ReferenceOrder], { nullable: true, description: ORDER_DOC }) orderBy: ReferenceOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listZones(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => Zone, { nullable: true, description: 'One zone by slug (按短标识查询功能区)' })
  zone(@Arg('slug', { description: 'The zone’s slug' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return refByKey(ctx, info, REF.zone, slug);
  }

  @Query(() => CountryConnection, { description: 'Countries the data refers to, ISO 3166-1 (国家/地区列表)' })
  countries(
    @Args() page: PageArgsType,
    @Arg('filter', () => CountryFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: CountryFilter | undefined,
    @Arg('orderBy', () => [ReferenceOrder], { nullable: true, description: ORDER_DOC }) orderBy: ReferenceOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listCountries(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => Country, { nullable: true, description: 'One country by ISO 3166-1 alpha-2 code (按代码查询国家)' })
  country(@Arg('code', { description: 'Two letters, e.g. DE' }) code: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return refByKey(ctx, info, REF.country, normaliseCountryCode(code));
  }

  @Query(() => CorridorConnection, { description: 'Logistics corridors from Chongqing (物流通道列表)' })
  corridors(
    @Args() page: PageArgsType,
    @Arg('filter', () => CorridorFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: CorridorFilter | undefined,
    @Arg('orderBy', () => [ReferenceOrder], { nullable: true, description: ORDER_DOC }) orderBy: ReferenceOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listCorridors(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => Corridor, { nullable: true, description: 'One corridor by slug (按短标识查询物流通道)' })
  corridor(@Arg('slug', { description: 'The corridor’s slug' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return refByKey(ctx, info, REF.corridor, slug);
  }

  @Query(() => ProductCategoryConnection, { description: 'Product categories (商品类目列表)' })
  productCategories(
    @Args() page: PageArgsType,
    @Arg('filter', () => ProductCategoryFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | ProductCategoryFilter
      | undefined,
    @Arg('orderBy', () => [ReferenceOrder], { nullable: true, description: ORDER_DOC }) orderBy: ReferenceOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listProductCategories(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => ExchangeRateConnection, {
    description:
      'Exchange rates by day, with their source; matching converts budgets with the latest on or before today, indicatively. Sample values say so (`isSample`) (汇率列表)',
  })
  exchangeRates(
    @Args() page: PageArgsType,
    @Arg('filter', () => ExchangeRateFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | ExchangeRateFilter
      | undefined,
    @Arg('orderBy', () => [ExchangeRateOrder], {
      nullable: true,
      description: 'Sort keys in order; the ID always breaks ties. Default: base, quote, latest day first (排序)',
    })
    orderBy: ExchangeRateOrder[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listExchangeRates(ctx, info, { ...page, filter, orderBy });
  }

  @Query(() => ProductCategory, { nullable: true, description: 'One product category by slug (按短标识查询类目)' })
  productCategory(@Arg('slug', { description: 'The category’s slug' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return refByKey(ctx, info, REF.productCategory, slug);
  }

  @Query(() => HsCode, {
    nullable: true,
    description:
      'One HS 2022 subheading by its six digits, as typed: 871120, 8711.20 or 8711 20; null when HS 2022 has no such subheading. A national code of 8 or 10 digits is refused: give its first six (按编码查询 HS 子目)',
  })
  hsCode(
    @Arg('code', { description: 'Six digits, dots and spaces allowed, e.g. 8711.20' }) code: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return hsCodeByCode(ctx, info, code);
  }

  @Query(() => HsCodeConnection, {
    description: 'The 5,612 subheadings of HS 2022 in code order, by chapter, heading or words of their description (HS 编码列表)',
  })
  hsCodes(
    @Args() page: PageArgsType,
    @Arg('filter', () => HsCodeFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter: HsCodeFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listHsCodes(ctx, info, { ...page, filter });
  }

  @Query(() => HsChapterConnection, { description: 'The 97 chapters of HS 2022 in code order, 77 reserved (HS 章列表)' })
  hsChapters(@Args() page: PageArgsType, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listHsChapters(ctx, info, page);
  }
}

/** District.zones: functional zones that span the district. */
@Resolver(() => District)
export class DistrictZonesResolver {
  @Sql(
    many(
      (t, c) => `zone ${c} join zone_district zd_${c} on zd_${c}.zone_id = ${c}.id where zd_${c}.district_code = ${t}.code`,
      (c) => `${c}.slug`,
    ),
  )
  @FieldResolver(() => [Zone], { description: 'Functional zones in this district (区内功能区)' })
  zones(@Root() row: Record<string, unknown>) {
    return row.zones;
  }
}

export const referenceResolvers = [
  ReferenceResolver,
  DistrictZonesResolver,
  NameResolver(District),
  NameResolver(Country),
  NameResolver(Corridor),
  NameResolver(Zone),
  NameResolver(ProductCategory),
  NameResolver(HsChapter),
  NameResolver(HsCode, 'description', 'The description', {
    sql: expr((t, a) => (langOf(a) === 'zh' ? `coalesce(${t}.description_zh, ${t}.description_en)` : `${t}.description_en`)),
  }),
] as const;
