import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { EnumSetFilter } from '../../graphql/types/filters';
import { IntRange } from '../../graphql/types/ranges';
import { DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Certification, CustomsMode, EnterpriseRole, GmvBand, SalesChannel } from './enterprise.enums';

export const EnterpriseRoleSetFilter = EnumSetFilter(EnterpriseRole, 'EnterpriseRole', '经营主体类型');
export const CertificationSetFilter = EnumSetFilter(Certification, 'Certification', '资质认定');
export const SalesChannelSetFilter = EnumSetFilter(SalesChannel, 'SalesChannel', '销售渠道');
export const CustomsModeSetFilter = EnumSetFilter(CustomsMode, 'CustomsMode', '海关监管方式');

@InputType({ description: 'Annual CBEC transactions in one year: by band and/or CNY bounds (年度交易额条件)' })
export class GmvFilter {
  @Field(() => Int, { description: 'The year the figures refer to (年份)' })
  year!: number;

  @Field(() => [GmvBand], { nullable: true, description: 'In any of these bands (交易额区间)' })
  bands?: GmvBand[];

  @Field(() => DecimalScalar, { nullable: true, description: 'At least this many CNY (不少于，元)' })
  atLeast?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Less than this many CNY (少于，元)' })
  below?: string;
}

/** Most region codes one `registrationRegions` filter may list. */
export const REGISTRATION_REGIONS_MAX = 50;

@InputType({ description: 'Filter for enterprises; every field given must match (经营主体筛选条件)' })
export class EnterpriseFilter {
  @Field(() => [String], {
    nullable: true,
    description:
      'Registered in any of these districts, GB/T 2260 codes in force today. A retired code (500105 江北区, 500227 璧山县 …) is refused with BAD_USER_INPUT naming its last day and successors (extensions.retiredCodes), not expanded: a split (渝北区 → 两江新区 + 北碚区) cannot be; to find firms whose credit codes still carry an old code use `registrationRegions` (所在区县，现行代码；已撤销代码报错并给出承继区县)',
  })
  districts?: string[];

  @Field(() => [String], {
    nullable: true,
    description: `Whose unified social credit code carries any of these region codes in characters 3–8: the registering office's GB/T 2260 code when the code was issued, which a retired code keeps (500105 江北区 for firms registered there before 2026). Takes retired codes, and 500000 (registered at municipal level); refuses a code that was never a Chongqing division. At most ${REGISTRATION_REGIONS_MAX} (登记机关区划代码，取自统一社会信用代码第3–8位，可用已撤销代码)`,
  })
  registrationRegions?: string[];

  @Field(() => EnterpriseRoleSetFilter, { nullable: true, description: 'Market-player kinds (经营主体类型)' })
  roles?: { anyOf?: EnterpriseRole[]; allOf?: EnterpriseRole[] };

  @Field(() => CertificationSetFilter, { nullable: true, description: 'Recognitions held (资质认定)' })
  certifications?: { anyOf?: Certification[]; allOf?: Certification[] };

  @Field(() => [String], {
    nullable: true,
    description: 'Exports to any of these countries, ISO 3166-1 alpha-2, at most 50; an unknown code is refused (出口市场，任一)',
  })
  exportMarkets?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Imports from any of these countries, ISO 3166-1 alpha-2, at most 50; an unknown code is refused (进口来源市场，任一)',
  })
  importSourceMarkets?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Serves any of these countries (platforms, carriers, service firms), ISO 3166-1 alpha-2, at most 50; an unknown code is refused (服务市场，任一)',
  })
  servedMarkets?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Exports to, imports from or serves any of these countries, ISO 3166-1 alpha-2, at most 50 (目标市场，任一)',
    deprecationReason:
      'Matches export markets, import sources and served markets alike: use exportMarkets, importSourceMarkets or servedMarkets (已弃用：请改用 exportMarkets、importSourceMarkets 或 servedMarkets)',
  })
  targetMarkets?: string[];

  @Field(() => CustomsModeSetFilter, { nullable: true, description: 'Customs supervision modes (海关监管方式)' })
  customsModes?: { anyOf?: CustomsMode[]; allOf?: CustomsMode[] };

  @Field(() => SalesChannelSetFilter, { nullable: true, description: 'Sales channels (销售渠道)' })
  salesChannels?: { anyOf?: SalesChannel[]; allOf?: SalesChannel[] };

  @Field(() => GmvFilter, { nullable: true, description: 'Annual CBEC transactions in a given year (年度交易额)' })
  gmv?: GmvFilter;

  @Field(() => [String], { nullable: true, description: 'Settled (now) in any of these parks, by slug (入驻园区)' })
  parks?: string[];

  @Field(() => [String], { nullable: true, description: 'Member of any of these industrial belts, by slug (所属产业带)' })
  belts?: string[];

  @Field(() => IntRange, { nullable: true, description: 'Year founded (成立年份)' })
  foundedYear?: IntRange;

  @Field({ nullable: true, description: 'Only sample data (true) or only real records (false) (是否示例数据)' })
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum EnterpriseOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  FOUNDED_YEAR = 'FOUNDED_YEAR',
  CBEC_TRANSACTIONS = 'CBEC_TRANSACTIONS',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  description: 'Fields enterprises can be sorted by (经营主体排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese name (code-point order)' },
    NAME_EN: { description: '英文名称 — English name' },
    FOUNDED_YEAR: { description: '成立年份 — year founded (unknown sorts first)' },
    CBEC_TRANSACTIONS: { description: '跨境电商交易额 — CBEC transactions in `filter.gmv.year`, else the latest year with data (none sorts first)' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for enterprises (经营主体排序)' })
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField, { description: 'Field to sort by (排序字段)' })
  field!: EnterpriseOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}
