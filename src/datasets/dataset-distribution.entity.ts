import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The size and SHA-256 of one file of a dataset at one version, as the digest task computed them
 * (src/datasets/digest.ts) and the catalogue shows them. One row per (dataset, file); `version` says
 * which version of the data the numbers are of (the catalogue tells when it is behind).
 */
@Entity({ tableName: 'dataset_distribution' })
export class DatasetDistribution {
  /** The dataset's name (`enterprises`). */
  @PrimaryKey({ type: 'string', length: 60 })
  dataset!: string;

  /** `csv`, `csv.gz`, `ndjson` or `ndjson.gz`. */
  @PrimaryKey({ type: 'string', length: 12 })
  file!: string;

  /** The dataset's version (datasetVersions) and shape (specStamp), as in the file's ETag. */
  @Property({ type: 'string', length: 120 })
  version!: string;

  @Property({ type: 'bigint' })
  byteSize!: string;

  /** Hex SHA-256 of exactly the bytes served at that version (without BOM). */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** The number of rows (data lines) in the file. */
  @Property({ type: 'bigint' })
  rows!: string;

  /** The data's last change at that version. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  modified?: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  computedAt: Date = new Date();
}
