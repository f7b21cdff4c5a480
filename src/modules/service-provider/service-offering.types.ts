import { Field, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, one } from '../../graphql/sql/fields';
import type { NodeAccess } from '../../graphql/sql/registry';
import { Enterprise } from '../enterprise/enterprise.types';
import { contactSql, DemandContact } from '../matchmaking/demand.types';
import { District } from '../reference/reference.types';
import {
  ServiceCategory,
  ServiceCertification,
  ServiceCertificationLabels,
  ServiceNeedStatus,
  ServiceNeedStatusLabels,
  ServiceOfferingStatus,
  ServiceOfferingStatusLabels,
  ServicePriceUnit,
  ServicePriceUnitLabels,
} from './service-provider.enums';
import { ServiceProvider } from './service-provider.types';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

/** Service offerings and needs as clients read them (docs/matchmaking.md, "Services"). */

registerBilingualEnum(ServicePriceUnit, 'ServicePriceUnit', 'What a service price or budget is per (服务计价单位)', ServicePriceUnitLabels);
registerBilingualEnum(ServiceOfferingStatus, 'ServiceOfferingStatus', 'State of a service offering (服务项目状态)', ServiceOfferingStatusLabels);
registerBilingualEnum(ServiceNeedStatus, 'ServiceNeedStatus', 'State of a saved service need (服务需求状态)', ServiceNeedStatusLabels);
registerBilingualEnum(
  ServiceCertification,
  'ServiceCertification',
  'A licence, filing or certification a service provider holds for an offering (服务资质)',
  ServiceCertificationLabels,
);

/** Who may see an offering: published ones everyone, any state its provider. */
export const offeringAccess: NodeAccess = (t, viewer, p) =>
  viewer === undefined
    ? `${t}.status = 'PUBLISHED'`
    : `(${t}.status = 'PUBLISHED' or exists (select 1 from service_provider ap where ap.id = ${t}.provider_id and ap.enterprise_id = ${p.add(viewer)}::int))`;

/** Who may see a need: open ones everyone (they are matched to any provider's offerings), any state its enterprise. */
export const needAccess: NodeAccess = (t, viewer, p) =>
  viewer === undefined ? `${t}.status = 'OPEN'` : `(${t}.status = 'OPEN' or ${t}.owner_id = ${p.add(viewer)}::int)`;

/**
 * Who sees an offering's contact: any caller with an API key (a registered enterprise); anonymous
 * callers never (the contact is for doing business, not for harvesting). `v` is the viewer's parameter.
 */
export const offeringContactVisible = (_t: string, v: string) => `${v}::int is not null`;

@SqlObject()
@ObjectType({ description: 'A service’s price range per unit (服务价格)' })
export class ServicePrice {
  @Sql(decimal('price_min'))
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Lowest price, in `currency` per `unit` (a percentage for PERCENT_OF_VALUE); null when open (最低价)',
  })
  min?: string;

  @Sql(decimal('price_max'))
  @Field(() => DecimalScalar, { nullable: true, description: 'Highest price; null when open (最高价)' })
  max?: string;

  @Sql(col('currency'))
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency; null for PERCENT_OF_VALUE (币种)' })
  currency?: string;

  @Sql(col('price_unit'))
  @Field(() => ServicePriceUnit, { description: 'What the price is per (计价单位)' })
  unit!: ServicePriceUnit;
}

@ObjectType({ description: 'How to reach the provider about an offering: shown to callers with an API key (联系方式)' })
export class ServiceOfferingContact extends DemandContact {}

@SqlObject({ table: 'service_offering', node: { access: offeringAccess } })
@ObjectType({
  implements: Node,
  description: 'One service a provider sells, with markets, languages, price, turnaround and certifications; `nameZh`/`nameEn` are its titles (服务项目)',
})
export class ServiceOffering extends NamedNode {
  @Sql(sourceOf('service_offering'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(one((t, c) => `service_provider ${c} where ${c}.id = ${t}.provider_id`))
  @Field(() => ServiceProvider, { description: 'The provider (服务商)' })
  provider!: ServiceProvider;

  @Sql(col('status'))
  @Field(() => ServiceOfferingStatus, { description: 'Draft, published or withdrawn (状态)' })
  status!: ServiceOfferingStatus;

  @Sql(col('category'))
  @Field(() => ServiceCategory, { description: 'The service (服务类别)' })
  category!: ServiceCategory;

  @Sql(col('markets'))
  @Field(() => [String], {
    description:
      'Markets served: ISO 3166-1 alpha-2 codes, or EU for the European Union as a region (serving every member state); empty = any market (服务市场)',
  })
  markets!: string[];

  @Sql(col('languages'))
  @Field(() => [String], { description: 'Working languages, ISO 639-1 codes such as zh, en, th (工作语言)' })
  languages!: string[];

  @Sql(col('certifications'))
  @Field(() => [ServiceCertification], { description: 'Licences, filings and certifications held for it (资质)' })
  certifications!: ServiceCertification[];

  @Sql(one((t, c) => `(select ${t}.price_min, ${t}.price_max, ${t}.currency, ${t}.price_unit) ${c} where ${t}.price_unit is not null`))
  @Field(() => ServicePrice, { nullable: true, description: 'Price range per unit; null when priced on request (价格)' })
  price?: ServicePrice;

  @Sql(col('turnaround_days'))
  @Field(() => Int, { nullable: true, description: 'Days from order to the work done; null when not stated (服务周期，天)' })
  turnaroundDays?: number;

  @Sql(col('description_zh'))
  @Field(() => String, { nullable: true, description: 'Description in Chinese (中文说明)' })
  descriptionZh?: string;

  @Sql(col('description_en'))
  @Field(() => String, { nullable: true, description: 'Description in English (英文说明)' })
  descriptionEn?: string;

  @Sql(contactSql(offeringContactVisible))
  @Field(() => ServiceOfferingContact, { nullable: true, description: 'How to reach the provider; null for anonymous callers (联系方式)' })
  contact?: ServiceOfferingContact;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;
}

@SqlObject()
@ObjectType({ description: 'The most a need pays, per unit (预算)' })
export class ServiceBudget {
  @Sql(decimal('budget_max'))
  @Field(() => DecimalScalar, { description: 'The most, in `currency` per `unit` (a percentage for PERCENT_OF_VALUE) (预算上限)' })
  max!: string;

  @Sql(col('budget_currency'))
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency; null for PERCENT_OF_VALUE (币种)' })
  currency?: string;

  @Sql(col('budget_unit'))
  @Field(() => ServicePriceUnit, { description: 'What the budget is per (计价单位)' })
  unit!: ServicePriceUnit;
}

@SqlObject({ table: 'service_need', node: { access: needAccess } })
@ObjectType({
  implements: Node,
  description: 'An enterprise’s saved service need: the services it looks for, where, in which languages, its budget and deadline (服务需求)',
})
export class ServiceNeed extends Node {
  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.owner_id`))
  @Field(() => Enterprise, { description: 'The enterprise that needs the services (需求企业)' })
  enterprise!: Enterprise;

  @Sql(col('status'))
  @Field(() => ServiceNeedStatus, { description: 'Open or closed (状态)' })
  status!: ServiceNeedStatus;

  @Sql(col('title'))
  @Field({ description: 'Short title, in the enterprise’s words (标题)' })
  title!: string;

  @Sql(col('description'))
  @Field(() => String, { nullable: true, description: 'What is needed, in the enterprise’s words (说明)' })
  description?: string;

  @Sql(col('categories'))
  @Field(() => [ServiceCategory], { description: 'The services needed; an offering must be of one of them (服务类别)' })
  categories!: ServiceCategory[];

  @Sql(col('markets'))
  @Field(() => [String], {
    description: 'Markets the work is for (ISO 3166-1 alpha-2, or EU); the markets of all its services: an offering must serve one of them (目标市场)',
  })
  markets!: string[];

  @Sql(col('languages'))
  @Field(() => [String], { description: 'Languages the work may be done in (ISO 639-1): an offering must work in one of them (语言)' })
  languages!: string[];

  @Sql(col('certifications'))
  @Field(() => [ServiceCertification], { description: 'Certifications an offering must hold (所需资质)' })
  certifications!: ServiceCertification[];

  @Sql(one((t, c) => `(select ${t}.budget_max, ${t}.budget_currency, ${t}.budget_unit) ${c} where ${t}.budget_max is not null`))
  @Field(() => ServiceBudget, { nullable: true, description: 'The most it pays; null when open (预算)' })
  budget?: ServiceBudget;

  @Sql(col('deadline'))
  @Field(() => DateScalar, { nullable: true, description: 'The day by which the work must be done (截止日期)' })
  deadline?: string;

  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { nullable: true, description: 'Where the enterprise would like its provider to be (期望服务商所在区县)' })
  district?: District;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When it was saved (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When it last changed; `updatedSince` filters on it (inclusive); for sync use the `changes` feed (更新时间)' })
  updatedAt!: string;
}
