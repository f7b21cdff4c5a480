import { Field, Int, ObjectType } from 'type-graphql';
import { Sql, SqlObject, type DeclaredFieldSpec } from '../sql/declare';
import { col, one } from '../sql/fields';
import { DateTimeScalar } from './scalars';

/*
 * Provenance of imported records (issue 16, point 4): the file a record was last inserted or
 * changed from by `npm run import -- <kind> <file>` (table record_source, src/import/provenance.entity.ts).
 * Public, as the records are: the file's base name only, never a server path.
 */

@SqlObject({ table: 'record_source' })
@ObjectType({
  description:
    'Where an imported record comes from: the file, sheet and line it was last inserted or changed from, and when (数据来源：记录最近一次由哪个文件的哪一行导入或更新，以及导入时间)',
})
export class RecordSource {
  @Sql(col('file_name'))
  @Field({ description: 'The file’s name, without any folder (文件名，不含路径)' })
  fileName!: string;

  @Sql(col('sheet'))
  @Field(() => String, { nullable: true, description: 'The worksheet of an XLSX file; null for CSV and JSON (工作表名，仅 XLSX 文件)' })
  sheet?: string | null;

  @Sql(col('line'))
  @Field(() => Int, {
    description:
      'The row’s line in the file, the header row being line 1; for JSON, the record’s position in its array from 1 (行号：表头为第 1 行；JSON 为记录在数组中的序号)',
  })
  line!: number;

  @Sql(col('imported_at'))
  @Field(() => DateTimeScalar, { description: 'When the import that wrote it ran (导入时间)' })
  importedAt!: string;
}

/** The description of every `source` field. */
export const SOURCE_DESCRIPTION =
  'Where this record was last imported from (file, sheet, line, time); null for a record not imported from a file, e.g. seed data or one created through the API (数据来源；非文件导入的记录为 null)';

/** The SQL of a type's `source` field: its record_source row, by table and id, in the same statement. */
export function sourceOf(table: string): DeclaredFieldSpec {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  return one((t, c) => `record_source ${c} where ${c}.table_name = '${table}' and ${c}.record_id = ${t}.id`);
}
