import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/types/enums';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { ServiceCategory, ServiceCertification, ServiceNeedStatus, ServiceOfferingStatus, ServicePriceUnit } from './service-provider.enums';
import { ServiceCategorySetFilter } from './service-provider.inputs';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

/** Inputs of service offerings and needs: list filters, writes and ad-hoc needs (bounds: service.validation.ts). */

@InputType({ description: 'Filter for service offerings; every field given must match (服务项目筛选条件)' })
export class ServiceOfferingFilter {
  @Field(() => [ID], { nullable: true, description: 'Offered by any of these providers (ServiceProvider IDs, at most 50) (服务商)' })
  providers?: string[];

  @Field(() => ServiceCategorySetFilter, { nullable: true, description: 'Of these services (服务类别)' })
  categories?: { anyOf?: ServiceCategory[]; allOf?: ServiceCategory[] };

  @Field(() => [String], {
    nullable: true,
    description: 'Serves any of these markets, ISO 3166-1 alpha-2 or EU; an offering serving EU serves each member state (服务市场，任一)',
  })
  markets?: string[];

  @Field(() => [String], { nullable: true, description: 'Works in any of these languages, ISO 639-1 (工作语言，任一)' })
  languages?: string[];

  @Field(() => [ServiceCertification], { nullable: true, description: 'Holds every one of these certifications (资质，全部)' })
  certifications?: ServiceCertification[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Lowest price at most this, in `currency` per `priceUnit` when given (价格不高于)' })
  priceAtMost?: string;

  @Field(() => String, { nullable: true, description: 'Priced in this ISO 4217 currency (币种)' })
  currency?: string;

  @Field(() => ServicePriceUnit, { nullable: true, description: 'Priced per this unit (计价单位)' })
  priceUnit?: ServicePriceUnit;

  @Field(() => Int, { nullable: true, description: 'Turnaround at most this many days (服务周期不超过)' })
  turnaroundDaysAtMost?: number;

  @Field(() => [ServiceOfferingStatus], {
    nullable: true,
    description: 'Of these states; default PUBLISHED. Drafts and withdrawn offerings are your own: send your API key (状态)',
  })
  statuses?: ServiceOfferingStatus[];

  @Field(() => Boolean, { nullable: true, description: 'Only your own offerings (needs your API key) (仅我的)' })
  mine?: boolean;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

export enum ServiceOfferingOrderField {
  NAME_ZH = 'NAME_ZH',
  NAME_EN = 'NAME_EN',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ServiceOfferingOrderField, {
  name: 'ServiceOfferingOrderField',
  description: 'Fields service offerings can be sorted by (服务项目排序字段)',
  valuesConfig: {
    NAME_ZH: { description: '中文名称 — Chinese title (code-point order)' },
    NAME_EN: { description: '英文名称 — English title' },
    CREATED_AT: { description: '创建时间 — creation time' },
    UPDATED_AT: { description: '更新时间 — last change' },
  },
});

@InputType({ description: 'One sort key for service offerings (服务项目排序)' })
export class ServiceOfferingOrder {
  @Field(() => ServiceOfferingOrderField, { description: 'Field to sort by (排序字段)' })
  field!: ServiceOfferingOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default (方向)' })
  direction!: OrderDirection;
}

@InputType({ description: 'Filter for saved service needs; every field given must match (服务需求筛选条件)' })
export class ServiceNeedFilter {
  @Field(() => ServiceCategorySetFilter, { nullable: true, description: 'Asking for these services (服务类别)' })
  categories?: { anyOf?: ServiceCategory[]; allOf?: ServiceCategory[] };

  @Field(() => [String], {
    nullable: true,
    description:
      'For any of these markets, ISO 3166-1 alpha-2 or EU; a need for a member state is also one an EU-wide service can serve, at most 60 (目标市场，任一)',
  })
  markets?: string[];

  @Field(() => [String], { nullable: true, description: 'In any of these languages, ISO 639-1, at most 20 (语言，任一)' })
  languages?: string[];

  @Field(() => [ServiceNeedStatus], { nullable: true, description: 'Of these states; default OPEN. Closed needs are your own: send your API key (状态)' })
  statuses?: ServiceNeedStatus[];

  @Field(() => Boolean, { nullable: true, description: 'Only your own needs (needs your API key) (仅我的)' })
  mine?: boolean;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Changed at or after this instant: the bound is inclusive (≥), so rows changed at that very instant come again, and deletions never show; to keep a copy in sync use the `changes` feed (更新时间不早于（含该时刻）；同步请用 changes 变更订阅)',
  })
  updatedSince?: string;
}

@InputType({ description: 'A service’s price range per unit (服务价格)' })
export class ServicePriceInput {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Lowest price, 0–1,000,000,000 (a percentage 0–100 for PERCENT_OF_VALUE), up to 4 decimals (最低价)',
  })
  min?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest price, at least `min` (最高价)' })
  max?: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency, e.g. CNY; required, except for PERCENT_OF_VALUE, which has none (币种)' })
  currency?: string;

  @Field(() => ServicePriceUnit, { description: 'What the price is per (计价单位)' })
  unit!: ServicePriceUnit;
}

@InputType({ description: 'The most a need pays, per unit (预算)' })
export class ServiceBudgetInput {
  @Field(() => DecimalScalar, { description: 'The most, more than 0, up to 4 decimals (a percentage 0–100 for PERCENT_OF_VALUE) (预算上限)' })
  max!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency, e.g. CNY; required, except for PERCENT_OF_VALUE (币种)' })
  currency?: string;

  @Field(() => ServicePriceUnit, { description: 'What the budget is per; offerings priced per another unit do not fit it (计价单位)' })
  unit!: ServicePriceUnit;
}

@InputType({ description: 'How to reach the provider about an offering (联系方式)' })
export class ServiceContactInput {
  @Field(() => String, { nullable: true, description: 'Contact person, at most 120 characters (联系人)' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail, at most 200 characters (邮箱)' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone: digits, spaces, ( ) - and a leading +, at most 40 characters (电话)' })
  phone?: string | null;
}

/** The fields of an offering a mutation may set, shared by create and update. */
@InputType('ServiceOfferingFields', { description: 'The fields of a service offering (服务项目字段)' })
export abstract class ServiceOfferingFieldsInput {
  @Field({ nullable: true, description: 'Title in Chinese, 1–200 characters (中文标题)' })
  nameZh?: string;

  @Field({ nullable: true, description: 'Title in English, 1–300 characters (英文标题)' })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Description in Chinese, at most 4,000 characters (中文说明)' })
  descriptionZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English, at most 8,000 characters (英文说明)' })
  descriptionEn?: string | null;

  @Field(() => ServiceCategory, { nullable: true, description: 'The service (服务类别)' })
  category?: ServiceCategory;

  @Field(() => [String], { nullable: true, description: 'Markets served, ISO 3166-1 alpha-2 or EU, each once, at most 60; empty = any market (服务市场)' })
  markets?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Working languages, ISO 639-1, each once, at most 20 (工作语言)' })
  languages?: string[] | null;

  @Field(() => [ServiceCertification], { nullable: true, description: 'Certifications held, each once (资质)' })
  certifications?: ServiceCertification[] | null;

  @Field(() => ServicePriceInput, { nullable: true, description: 'Price range per unit; null: priced on request (价格)' })
  price?: ServicePriceInput | null;

  @Field(() => Int, { nullable: true, description: 'Days from order to the work done, 0–730 (服务周期，天)' })
  turnaroundDays?: number | null;

  @Field(() => ServiceContactInput, { nullable: true, description: 'How to reach you about it; shown to callers with an API key (联系方式)' })
  contact?: ServiceContactInput | null;
}

@InputType({ description: 'A new service offering of your enterprise (a service provider) (新服务项目)' })
export class CreateServiceOfferingInput extends ServiceOfferingFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Your own key for it, unique among your offerings: what imports find it by; 1–80 letters, digits or _ . : - (编号)',
  })
  ref?: string;

  @Field(() => Boolean, { nullable: true, description: 'Publish it at once; a draft otherwise (立即发布)' })
  publish?: boolean;
}

@InputType({ description: 'Changes to a service offering: only the fields given change (修改服务项目)' })
export class UpdateServiceOfferingInput extends ServiceOfferingFieldsInput {}

/** The fields of a need, for a saved one and ad hoc. */
@InputType('ServiceNeedFields', { description: 'The fields of a service need (服务需求字段)' })
export abstract class ServiceNeedFieldsInput {
  @Field(() => [ServiceCategory], { nullable: true, description: 'The services needed, 1–8, each once (服务类别)' })
  categories?: ServiceCategory[];

  @Field(() => [String], {
    nullable: true,
    description: 'Markets the work is for (of all the services asked), ISO 3166-1 alpha-2 or EU, each once, at most 60: an offering must serve one (目标市场)',
  })
  markets?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Languages the work may be done in, ISO 639-1, each once, at most 20: an offering must work in one (语言)',
  })
  languages?: string[] | null;

  @Field(() => [ServiceCertification], { nullable: true, description: 'Certifications every offering must hold (所需资质)' })
  certifications?: ServiceCertification[] | null;

  @Field(() => ServiceBudgetInput, { nullable: true, description: 'The most you pay, per unit; null: open (预算)' })
  budget?: ServiceBudgetInput | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day by which the work must be done: today or later, within 5 years (截止日期)' })
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'Where you would like the provider to be, a district code (GB/T 2260) of Chongqing (期望区县)' })
  district?: string | null;
}

@InputType({ description: 'A service need, ad hoc: what a saved need would say (服务需求条件)' })
export class ServiceNeedInput extends ServiceNeedFieldsInput {}

@InputType({ description: 'A new saved service need of your enterprise (新服务需求)' })
export class CreateServiceNeedInput extends ServiceNeedFieldsInput {
  @Field({ description: 'Short title, 1–200 characters (标题)' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What is needed, at most 4,000 characters (说明)' })
  description?: string | null;
}

@InputType({ description: 'Changes to a saved service need: only the fields given change (修改服务需求)' })
export class UpdateServiceNeedInput extends ServiceNeedFieldsInput {
  @Field(() => String, { nullable: true, description: 'Short title, 1–200 characters (标题)' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'What is needed, at most 4,000 characters (说明)' })
  description?: string | null;
}

@InputType({
  description: 'Score weights of service matches, each 0–1 (normalised to sum 1 over the factors that apply); what is left out keeps its default (评分权重)',
})
export class ServiceWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Price within the budget, default 0.3 (价格)' })
  price?: number;

  @Field(() => Float, { nullable: true, description: 'Turnaround, default 0.2 (服务周期)' })
  turnaround?: number;

  @Field(() => Float, { nullable: true, description: 'The provider covering several of the need’s services, default 0.2 (一站覆盖)' })
  coverage?: number;

  @Field(() => Float, { nullable: true, description: 'Certifications beyond those required, default 0.1 (资质)' })
  certifications?: number;

  @Field(() => Float, { nullable: true, description: 'The provider in the district asked for, default 0.2 (本地服务)' })
  localPresence?: number;
}
