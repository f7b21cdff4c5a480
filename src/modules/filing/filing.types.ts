import { Field, ObjectType } from 'type-graphql';
import type { Params } from '../../graphql/sql/params';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, decimal, expr, one } from '../../graphql/sql/fields';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/types/scalars';
import { Enterprise } from '../enterprise/enterprise.types';
import { OverseasWarehouse } from '../warehouse/warehouse.types';
import {
  FilingActorKind,
  FilingActorKindLabels,
  FilingDocumentKind,
  FilingDocumentKindLabels,
  FilingReturnReason,
  FilingReturnReasonLabels,
  FilingRevocationReason,
  FilingRevocationReasonLabels,
  FilingStatus,
  FilingStatusLabels,
} from './filing.enums';

registerBilingualEnum(FilingStatus, 'FilingStatus', 'Status of a warehouse filing (海外仓备案状态)', FilingStatusLabels);
registerBilingualEnum(FilingDocumentKind, 'FilingDocumentKind', 'Kind of supporting document of a filing (备案证明材料类型)', FilingDocumentKindLabels);
registerBilingualEnum(FilingReturnReason, 'FilingReturnReason', 'Why a customs office returns a filing (退回原因)', FilingReturnReasonLabels);
registerBilingualEnum(FilingRevocationReason, 'FilingRevocationReason', 'Why a customs office revokes a filing (撤销原因)', FilingRevocationReasonLabels);
registerBilingualEnum(FilingActorKind, 'FilingActorKind', 'Who changed a filing’s status (操作方类型)', FilingActorKindLabels);

/** Statuses anyone may see: an accepted filing, and a revoked one (so a revoked number can be checked). */
export const PUBLIC_STATUSES = [FilingStatus.ACCEPTED, FilingStatus.REVOKED] as const;
export const PUBLIC_STATUS_SQL = `('${PUBLIC_STATUSES.join("', '")}')`;

/**
 * Who may read a filing row (alias `t`): everyone its public ones, its operator every one of its
 * own. (A customs office reads the filings filed with it through `warehouseFilings` and
 * `warehouseFiling(number:)`, which add that condition themselves: node(id:) knows enterprises only.)
 */
export function filingAccess(t: string, viewerId: number | undefined, p: Params): string {
  const open = `${t}.status in ${PUBLIC_STATUS_SQL}`;
  return viewerId === undefined ? open : `(${open} or ${t}.operator_id = ${p.add(viewerId)}::int)`;
}

@SqlObject({ table: 'customs_office', node: { column: 'code', keyType: 'text' } })
@ObjectType({ implements: Node, description: 'A customs district (直属海关关区) by its four-digit district code (海关关区)' })
export class CustomsOffice extends NamedNode {
  @Sql(col('code'))
  @Field({ description: 'Customs district code (关区代码), four digits, e.g. 8000 for Chongqing (关区代码)' })
  code!: string;

  @Sql(col('city_zh'))
  @Field({ description: 'City of the office in Chinese (所在城市)' })
  cityZh!: string;

  @Sql(col('city_en'))
  @Field({ description: 'City of the office in English (所在城市英文)' })
  cityEn!: string;
}

@ObjectType({ description: 'A reason a customs office gave for returning or revoking a filing (退回或撤销原因)' })
export class FilingReason {
  @Field({ description: 'The reason’s code: a FilingReturnReason or a FilingRevocationReason value (原因代码)' })
  code!: string;

  @Field({ description: 'The authority’s words in Chinese (原因说明)' })
  textZh!: string;

  @Field(() => String, { nullable: true, description: 'The authority’s words in English, when given (原因说明英文)' })
  textEn?: string | null;
}

@ObjectType({
  description:
    'A supporting document of a filing, by reference: no file is uploaded to the API. `reference` and `sha256` are shown to the operator and to the office filed with only (备案证明材料)',
})
export class FilingDocument {
  @Field(() => FilingDocumentKind, { description: 'Kind of document (材料类型)' })
  kind!: FilingDocumentKind;

  @Field({ description: 'Title of the document (材料名称)' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the document is (an https URL) or its number; null unless you are the operator or the office filed with (材料地址或编号，仅备案双方可见)',
  })
  reference!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hex SHA-256 of the document’s file, when given; null unless you are the operator or the office filed with (文件SHA-256，仅备案双方可见)',
  })
  sha256!: string | null;
}

@ObjectType({
  description:
    'One status change of a filing (the audit trail, written by the database on every change). Everyone sees the change and its time; the key and the reasons of a return are shown to the operator and the office filed with only (备案状态变更记录)',
})
export class FilingEvent {
  @Field(() => FilingStatus, { nullable: true, description: 'Status before; null for the submission (变更前状态)' })
  fromStatus!: FilingStatus | null;

  @Field(() => FilingStatus, { description: 'Status after (变更后状态)' })
  toStatus!: FilingStatus;

  @Field(() => DateTimeScalar, { description: 'When (变更时间)' })
  at!: string;

  @Field(() => FilingActorKind, { description: 'Who made the change (操作方类型)' })
  actorKind!: FilingActorKind;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of the API key that made the change; null for the public, and for IMPORT and DATABASE changes (操作密钥前缀，仅备案双方可见)',
  })
  actorKeyPrefix!: string | null;

  @Field(() => [FilingReason], {
    description: 'Reasons given with a return or a revocation; a return’s reasons are shown to the operator and the office filed with only (原因)',
  })
  reasons!: FilingReason[];
}

/** What the private fields' resolvers need of a filing row: its key, operator and office. */
export const FILING_PARTIES = { operatorId: (t: string) => `${t}.operator_id`, officeCode: (t: string) => `${t}.office_code` };

@SqlObject({ table: 'warehouse_filing', node: { access: filingAccess } })
@ObjectType({
  implements: Node,
  description:
    'A paperless filing (无纸化备案) of an overseas warehouse with a customs office. Once ACCEPTED it is valid nationwide whichever office accepted it (一地备案、全国通用): one record per warehouse. The public sees ACCEPTED and REVOKED filings; the operator sees its own in every state; a customs office sees those filed with it (海外仓备案)',
})
export class WarehouseFiling extends Node {
  @Sql(col('number'))
  @Field({ description: 'Filing number: office code, year, 6-digit sequence, e.g. 80002026000001; kept through returns and resubmissions (备案编号)' })
  number!: string;

  @Sql(col('status'))
  @Field(() => FilingStatus, { description: 'Where the filing stands (备案状态)' })
  status!: FilingStatus;

  @Sql(expr((t) => `${t}.status = 'ACCEPTED'`))
  @Field({ description: 'True while ACCEPTED: the warehouse is filed, valid nationwide (是否有效)' })
  isValid!: boolean;

  @Sql(one((t, c) => `overseas_warehouse ${c} where ${c}.id = ${t}.warehouse_id`))
  @Field(() => OverseasWarehouse, { description: 'The overseas warehouse filed (备案海外仓)' })
  warehouse!: OverseasWarehouse;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.operator_id`))
  @Field(() => Enterprise, { description: 'The operating enterprise that filed it (运营企业)' })
  operator!: Enterprise;

  @Sql(one((t, c) => `customs_office ${c} where ${c}.code = ${t}.office_code`))
  @Field(() => CustomsOffice, { description: 'The customs office filed with (备案海关)' })
  customsOffice!: CustomsOffice;

  @Sql(col('address'))
  @Field({ description: 'The warehouse’s address as filed (备案地址)' })
  address!: string;

  @Sql(decimal('area_m2'))
  @Field(() => DecimalScalar, { description: 'Floor area in m² as filed (备案面积，平方米)' })
  areaM2!: string;

  @Sql(col('submitted_at'))
  @Field(() => DateTimeScalar, { description: 'When it was last submitted (提交时间)' })
  submittedAt!: string;

  @Sql(col('decided_at'))
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last accepted, returned or revoked (审核时间)' })
  decidedAt?: string;

  @Sql(col('valid_from'))
  @Field(() => DateScalar, { nullable: true, description: 'First day valid, China time; set on acceptance (生效日期)' })
  validFrom?: string;

  @Sql(col('reasons'))
  @Field(() => [FilingReason], { description: 'Reasons of the present status when RETURNED or REVOKED; empty otherwise (当前状态原因)' })
  reasons!: FilingReason[];

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;

  @Sql(col('created_at'))
  @Field(() => DateTimeScalar, { description: 'When the record was created (创建时间)' })
  createdAt!: string;

  @Sql(col('updated_at'))
  @Field(() => DateTimeScalar, { description: 'When the record last changed (更新时间)' })
  updatedAt!: string;
}
