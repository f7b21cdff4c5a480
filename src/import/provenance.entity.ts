import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/*
 * Provenance of imported records (issue 16, point 4): every run of `npm run import -- <kind> <file>`
 * is an `import_run`, and every record it inserted or changed keeps its source (file, sheet, line,
 * time, run) in `record_source`, which the API shows as `source` on the imported types. A record
 * an import leaves unchanged keeps the source it had. Only the base name of the file is stored:
 * server paths are nobody's business.
 */

/** One run of the spreadsheet import that wrote something (dry runs and rejected files leave none). */
@Entity({ tableName: 'import_run' })
export class ImportRun {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The import unit's key (`enterprises`, `serviceOfferings`). */
  @Property({ type: 'string', length: 40 })
  kind!: string;

  /** The file's base name, never its path. */
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  /** csv, xlsx or json. */
  @Property({ type: 'string', length: 8 })
  format!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  startedAt: Date = new Date();

  /** Rows read, imported (valid), and rejected (sent to the report). */
  @Property({ type: 'integer' })
  rowsRead!: number;

  @Property({ type: 'integer' })
  rowsValid!: number;

  @Property({ type: 'integer' })
  rowsRejected!: number;
}

/** Where one record was last inserted or changed from: one row per record (table and id). */
@Entity({ tableName: 'record_source' })
@Unique({ name: 'record_source_record_unique', properties: ['tableName', 'recordId'] })
@Index({ name: 'record_source_run_idx', properties: ['run'] })
export class RecordSource {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The record's table (`enterprise`, `park_space`). */
  @Property({ type: 'string', length: 63 })
  tableName!: string;

  @Property({ type: 'integer' })
  recordId!: number;

  @ManyToOne(() => ImportRun, { deleteRule: 'cascade' })
  run!: ImportRun;

  /** Copied from the run, so the API reads one row per record (no join). */
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  /** The worksheet, for XLSX files. */
  @Property({ type: 'string', length: 100, nullable: true })
  sheet?: string | null;

  /** The row's line in the file (1 is the header row); for JSON, the record's position in its array. */
  @Property({ type: 'integer' })
  line!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  importedAt!: Date;
}
