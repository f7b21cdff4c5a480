import { Field, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, one } from '../../graphql/sql/fields';
import { Enterprise } from '../enterprise/enterprise.types';
import { ServiceCategory, ServiceCategoryLabels } from './service-provider.enums';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

registerBilingualEnum(
  ServiceCategory,
  'ServiceCategory',
  'A professional or one-stop comprehensive service, as named by measures 1, 9 and 13 (专业服务类别)',
  ServiceCategoryLabels,
);

@SqlObject({ table: 'service_provider' })
@ObjectType({ implements: Node, description: 'An enterprise’s professional-service offering for CBEC sellers (跨境电商专业服务商); one per enterprise' })
export class ServiceProvider extends NamedNode {
  @Sql(sourceOf('service_provider'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.enterprise_id`))
  @Field(() => Enterprise, { description: 'The enterprise that provides the service (服务企业)' })
  enterprise!: Enterprise;

  @Sql(col('categories'))
  @Field(() => [ServiceCategory], { description: 'Services offered (服务类别)' })
  categories!: ServiceCategory[];

  @Sql(col('markets'))
  @Field(() => [String], { description: 'Markets served, ISO 3166-1 alpha-2 codes (服务市场)' })
  markets!: string[];

  @Sql(col('languages'))
  @Field(() => [String], { description: 'Working languages, ISO 639-1 codes such as zh, en, ru (工作语言)' })
  languages!: string[];

  @Sql(col('description_zh'))
  @Field(() => String, { nullable: true, description: 'Description in Chinese, when given (中文简介)' })
  descriptionZh?: string;

  @Sql(col('description_en'))
  @Field(() => String, { nullable: true, description: 'Description in English, when given (英文简介)' })
  descriptionEn?: string;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data, false for real records (是否为示例数据)' })
  isSample!: boolean;
}
