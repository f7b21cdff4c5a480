import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/types/scalars';
import { ADDRESS_MAX, AREA_MAX, DOCUMENTS_MAX, REASON_TEXT_MAX, REFERENCE_MAX, TITLE_MAX } from './filing.bounds';
import { FilingDocumentKind, FilingReturnReason, FilingRevocationReason, FilingStatus } from './filing.enums';
import { IS_SAMPLE_FIELD } from '../../graphql/types/filters';

/* What operators and customs offices send; the bounds are filing.bounds.ts's, checked in filing.validation.ts. */
@InputType({ description: 'A supporting document, by reference: no file is uploaded (证明材料)' })
export class FilingDocumentInput {
  @Field(() => FilingDocumentKind, { description: 'Kind of document (材料类型)' })
  kind!: FilingDocumentKind;

  @Field({ description: `Title, at most ${TITLE_MAX} characters, one line (材料名称)` })
  title!: string;

  @Field({
    description: `Where the document is (an https:// URL) or its number (licence or contract number), at most ${REFERENCE_MAX} characters, one line; shown to the office filed with only (材料地址或编号)`,
  })
  reference!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Hex SHA-256 of the document’s file (64 hex digits), so the reviewer can check the copy they fetch (文件SHA-256)',
  })
  sha256?: string;
}

@InputType({ description: 'A filing of an overseas warehouse you operate with a customs office (海外仓备案申请)' })
export class SubmitWarehouseFilingInput {
  @Field(() => ID, { description: 'The warehouse’s global ID; your enterprise must be its operator (海外仓ID)' })
  warehouseId!: string;

  @Field({ description: 'District code (关区代码) of the customs office you file with, four digits, e.g. 8000; see `customsOffices` (备案海关关区代码)' })
  customsOfficeCode!: string;

  @Field(() => String, {
    nullable: true,
    description: `The warehouse’s address, at most ${ADDRESS_MAX} characters, one line; default the warehouse record’s (备案地址，默认取海外仓记录)`,
  })
  address?: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Floor area in m², above 0 and at most ${AREA_MAX.toLocaleString('en')}, up to 2 decimals; default the warehouse record’s (备案面积，平方米)`,
  })
  areaM2?: string;

  @Field(() => [FilingDocumentInput], { description: `Supporting documents, 1–${DOCUMENTS_MAX} (证明材料，1至${DOCUMENTS_MAX}份)` })
  documents!: FilingDocumentInput[];
}

@InputType({ description: 'Corrections to a RETURNED filing: only the fields given change; `documents` replaces the list whole (退回后修改内容)' })
export class ResubmitWarehouseFilingInput {
  @Field(() => String, { nullable: true, description: `The address, at most ${ADDRESS_MAX} characters, one line (备案地址)` })
  address?: string;

  @Field(() => DecimalScalar, { nullable: true, description: `Floor area in m², above 0 and at most ${AREA_MAX.toLocaleString('en')} (备案面积)` })
  areaM2?: string;

  @Field(() => [FilingDocumentInput], { nullable: true, description: `The documents, replacing the old list, 1–${DOCUMENTS_MAX} (证明材料)` })
  documents?: FilingDocumentInput[];
}

@InputType({ description: 'A reason for returning a filing (退回原因)' })
export class FilingReturnReasonInput {
  @Field(() => FilingReturnReason, { description: 'Reason code (原因代码)' })
  code!: FilingReturnReason;

  @Field({ description: `What to correct, in Chinese, at most ${REASON_TEXT_MAX} characters (原因说明)` })
  textZh!: string;

  @Field(() => String, { nullable: true, description: `The same in English, at most ${REASON_TEXT_MAX} characters (原因说明英文)` })
  textEn?: string;
}

@InputType({ description: 'The reason for revoking a filing; public with the revoked filing (撤销原因)' })
export class FilingRevocationReasonInput {
  @Field(() => FilingRevocationReason, { description: 'Reason code (原因代码)' })
  code!: FilingRevocationReason;

  @Field({ description: `The reason in Chinese, at most ${REASON_TEXT_MAX} characters (原因说明)` })
  textZh!: string;

  @Field(() => String, { nullable: true, description: `The same in English, at most ${REASON_TEXT_MAX} characters (原因说明英文)` })
  textEn?: string;
}

@InputType({ description: 'Filter for filings; every field given must match (备案筛选条件)' })
export class WarehouseFilingFilter {
  @Field(() => [FilingStatus], {
    nullable: true,
    description: 'In any of these statuses; default ACCEPTED for the public, every status you may see with a key (备案状态)',
  })
  statuses?: FilingStatus[];

  @Field(() => [String], { nullable: true, description: 'Filed with any of these customs offices, by district code, at most 50 (备案海关)' })
  customsOfficeCodes?: string[];

  @Field(() => ID, { nullable: true, description: 'Of this overseas warehouse (海外仓ID)' })
  warehouseId?: string;

  @Field(() => ID, { nullable: true, description: 'By this operating enterprise (运营企业ID)' })
  operatorId?: string;

  @Field(IS_SAMPLE_FIELD)
  isSample?: boolean;
}
