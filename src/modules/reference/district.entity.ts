import { changeFeed } from '../../db/change-capture';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { DataConfidence, DistrictKind } from './reference.enums';

/** A source a district's facts rest on, as stored (jsonb). */
export interface DistrictSourceRecord {
  /** The document's title as published, e.g. 国务院关于同意重庆市调整部分行政区划的批复（国函〔2014〕58号）. */
  title: string;
  url?: string | null;
  /** What it supports, in Chinese. */
  note?: string | null;
}

/**
 * A county-level division of Chongqing (GB/T 2260). Divisions change: a retired code keeps its
 * row with `validTo` set and the codes that succeeded it, because credit codes issued before the
 * change still carry it.
 */
@changeFeed('districts', { key: 'code' })
@Entity({ tableName: 'district' })
@SearchIndexes('district')
@Index({ name: 'district_updated_at_idx', properties: ['updatedAt'] })
export class District extends SearchableEntity {
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Property({ type: 'string', length: 64 })
  nameZh!: string;

  @Property({ type: 'string', length: 128 })
  nameEn!: string;

  @Enum({ items: () => DistrictKind })
  kind!: DistrictKind;

  /** First day the code was in force, when known. */
  @Property({ type: 'date', nullable: true })
  validFrom?: string;

  /** Last day the code was in force; null while current. */
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  /** Codes that took over this division's territory when it was retired. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  successorCodes: string[] = [];

  /** How far the code and name are confirmed (a code known from one source says so). */
  @Enum({ items: () => DataConfidence, default: DataConfidence.VERIFIED })
  confidence: DataConfidence = DataConfidence.VERIFIED;

  /** How far `validFrom` and `validTo` are confirmed; null when the division carries neither. */
  @Enum({ items: () => DataConfidence, nullable: true })
  validityConfidence?: DataConfidence | null;

  /** The sources of the code, name and dates: [{ title, url, note }]. */
  @Property({ type: 'jsonb', defaultRaw: `'[]'` })
  sources: DistrictSourceRecord[] = [];

  /** Why the division changed, in Chinese. */
  @Property({ type: 'text', nullable: true })
  changeNote?: string;
}
