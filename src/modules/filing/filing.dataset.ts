import { column, type DatasetSpec, idColumn, SAMPLE_AND_UPDATED } from '../../datasets/spec';
import { globalIdSql } from '../../graphql/ids';

/**
 * The warehouse filings the public sees (src/datasets/spec.ts): accepted filings, valid nationwide,
 * and revoked ones, so a revoked number can still be checked, with the revocation's reasons. A
 * return's reasons and the supporting documents stay with the operator and the office filed with.
 */
export const warehouseFilingsDataset: DatasetSpec = {
  name: 'warehouse-filings',
  type: 'WarehouseFiling',
  query: 'warehouseFilings',
  title: { zh: '海外仓无纸化备案', en: 'Overseas-warehouse filings' },
  description: {
    zh: '海外仓向海关的无纸化备案（一地备案、全国通用）：备案编号、状态、海关、海外仓、运营企业、地址、面积与日期；含已撤销的备案及其原因。',
    en: 'Paperless filings of overseas warehouses with a customs office (filed once, valid nationwide): number, status, office, warehouse, operating enterprise, address, area and dates; revoked filings with their reasons.',
  },
  keywords: { zh: ['海外仓', '备案', '海关'], en: ['overseas warehouses', 'filing', 'customs'] },
  frequency: 'DAILY',
  from: 'warehouse_filing t join customs_office o on o.code = t.office_code',
  where: "t.status in ('ACCEPTED', 'REVOKED')",
  order: 't.id',
  updatedAt: 't.updated_at',
  columns: [
    idColumn(globalIdSql('WarehouseFiling', 't.id')),
    column('number', '备案编号', 'Filing number (office code, year, sequence)', 'code'),
    column('status', '状态', 'ACCEPTED (valid nationwide) or REVOKED'),
    column('isValid', '有效', 'Whether the filing is in force (accepted, not revoked)', 'bool', "(t.status = 'ACCEPTED')"),
    column('customsOfficeCode', '海关关区代码', 'Customs district code of the office filed with', 'code', 't.office_code'),
    column('customsOfficeZh', '海关（中文）', 'The customs office, in Chinese', 'text', 'o.name_zh'),
    column('customsOfficeEn', '海关（英文）', 'The customs office, in English', 'text', 'o.name_en'),
    idColumn(globalIdSql('OverseasWarehouse', 't.warehouse_id'), 'warehouse', '海外仓', 'Global ID of the warehouse (overseas-warehouses dataset)'),
    idColumn(globalIdSql('Enterprise', 't.operator_id'), 'operator', '运营企业', 'Global ID of the operating enterprise (enterprises dataset)'),
    column('address', '地址', 'Address of the warehouse as filed'),
    column('areaM2', '面积（平方米）', 'Floor area in square metres as filed (exact decimal)', 'decimal'),
    column('submittedAt', '提交时间', 'When the filing was (last) submitted (ISO 8601, UTC)', 'datetime'),
    column('decidedAt', '决定时间', 'When the office accepted or revoked it (ISO 8601, UTC)', 'datetime'),
    column('validFrom', '生效日期', 'The day the acceptance takes effect', 'date'),
    column(
      'revocationReasons',
      '撤销原因',
      'Why a revoked filing was revoked: code and the office’s words, ;-joined',
      'text',
      "case when t.status = 'REVOKED' then (select string_agg((r->>'code') || ': ' || (r->>'textZh'), '; ') from jsonb_array_elements(t.reasons) r) end",
    ),
    ...SAMPLE_AND_UPDATED,
  ],
  related: ['overseas-warehouses', 'enterprises'],
};
