import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { changeFeed } from '../../db/change-capture';
import { Enterprise } from '../enterprise/enterprise.entity';
import { OverseasWarehouse } from '../warehouse/overseas-warehouse.entity';
import { CustomsOffice } from './customs-office.entity';
import { FilingActorKind, FilingDocumentKind, FilingStatus } from './filing.enums';

/** A reason of a return or a revocation, as stored (jsonb): the code and the authority's words. */
export interface StoredReason {
  code: string;
  textZh: string;
  textEn?: string | null;
}

/**
 * A paperless filing (无纸化备案) of an overseas warehouse with a customs office. One record, valid
 * nationwide whichever office accepted it (一地备案、全国通用): a warehouse has at most one open
 * filing (SUBMITTED or RETURNED) and at most one ACCEPTED (the partial unique indexes below refuse a
 * second one whatever the code does). Every status change, by any path, is written to
 * warehouse_filing_event by the trigger `warehouse_filing_audit`.
 */
// The public see accepted and revoked filings (a revoked number can still be checked).
@changeFeed('warehouse-filings', { visible: "status in ('ACCEPTED', 'REVOKED')" })
@Entity({ tableName: 'warehouse_filing' })
@Check({ name: 'warehouse_filing_area_positive', expression: 'area_m2 > 0' })
@Index({ name: 'warehouse_filing_warehouse_idx', properties: ['warehouse', 'status'] })
@Index({ name: 'warehouse_filing_operator_idx', properties: ['operator', 'id'] })
@Index({ name: 'warehouse_filing_office_idx', properties: ['office', 'status', 'id'] })
@Index({ name: 'warehouse_filing_status_idx', properties: ['status', 'id'] })
@Index({ name: 'warehouse_filing_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({
  name: 'warehouse_filing_open_unique',
  expression: `create unique index "warehouse_filing_open_unique" on "warehouse_filing" ("warehouse_id") where "status" in ('SUBMITTED', 'RETURNED')`,
})
@Index({
  name: 'warehouse_filing_accepted_unique',
  expression: `create unique index "warehouse_filing_accepted_unique" on "warehouse_filing" ("warehouse_id") where "status" = 'ACCEPTED'`,
})
/*
 * The audit trail: one event per status change (and one for the submission), whoever makes it. The
 * API says who acts in transaction-local settings (cbec.filing_actor, cbec.filing_actor_key: see
 * filing.writes.ts); a change made without them (SQL typed at a console) is recorded as DATABASE.
 * The condition is in the body, not WHEN, so the schema diff stays quiet.
 */
@Trigger({
  name: 'warehouse_filing_audit',
  timing: 'after',
  events: ['insert', 'update'],
  body: `if tg_op = 'UPDATE' and new.status is not distinct from old.status then return null; end if;
    insert into warehouse_filing_event (filing_id, from_status, to_status, at, actor_kind, actor_key_id, reasons)
    values (new.id, case when tg_op = 'UPDATE' then old.status end, new.status, now(),
      coalesce(nullif(current_setting('cbec.filing_actor', true), ''), 'DATABASE'),
      nullif(current_setting('cbec.filing_actor_key', true), '')::int,
      case when new.status in ('RETURNED', 'REVOKED') then new.reasons else '[]'::jsonb end);
    return null;`,
})
export class WarehouseFiling extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** `<office code><year><6-digit sequence>`, e.g. 80002026000001: given on submission, kept through returns and resubmissions. */
  @Unique({ name: 'warehouse_filing_number_unique' })
  @Property({ type: 'string', length: 14 })
  number!: string;

  @ManyToOne(() => OverseasWarehouse)
  warehouse!: Rel<OverseasWarehouse>;

  /** The operating enterprise: the warehouse's operator when it filed. */
  @ManyToOne(() => Enterprise)
  operator!: Rel<Enterprise>;

  /** The customs office filed with. */
  @ManyToOne(() => CustomsOffice, { fieldName: 'office_code' })
  office!: Rel<CustomsOffice>;

  @Enum({ items: () => FilingStatus })
  status!: FilingStatus;

  /** The warehouse's address as filed. */
  @Property({ type: 'string', length: 300 })
  address!: string;

  /** Floor area in m² as filed. */
  @Property({ type: 'decimal', precision: 12, scale: 2 })
  areaM2!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  submittedAt!: Date;

  /** When it was last accepted, returned or revoked. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt?: Date;

  /** First day the filing is valid (China time), set on acceptance. */
  @Property({ type: 'date', nullable: true })
  validFrom?: string;

  /** The reasons of the present status when RETURNED or REVOKED ([] otherwise): StoredReason[]. */
  @Property({ type: 'jsonb', defaultRaw: `'[]'` })
  reasons: StoredReason[] & Opt = [];

  @Property({ type: 'boolean', default: false })
  isSample: boolean & Opt = false;
}

/** A supporting document a filing refers to: a reference (URL or document number), never the file. */
@Entity({ tableName: 'warehouse_filing_document' })
@Index({ name: 'warehouse_filing_document_filing_idx', properties: ['filing', 'position'] })
@Check({ name: 'warehouse_filing_document_sha256', expression: "sha256 is null or sha256 ~ '^[0-9a-f]{64}$'" })
export class WarehouseFilingDocument {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => WarehouseFiling, { deleteRule: 'cascade' })
  filing!: Rel<WarehouseFiling>;

  /** Order in the filing, from 1. */
  @Property({ type: 'smallint' })
  position!: number;

  @Enum({ items: () => FilingDocumentKind })
  kind!: FilingDocumentKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** Where the document is (an https URL) or its number (licence or contract number). */
  @Property({ type: 'string', length: 500 })
  reference!: string;

  /** Hex SHA-256 of the document's file, so a reviewer can check the copy they fetch. */
  @Property({ type: 'string', length: 64, nullable: true })
  sha256?: string;
}

/**
 * One status change of a filing (the audit trail), written only by the trigger on
 * warehouse_filing. Rows are never changed or removed, except with their filing (the trigger
 * below refuses an UPDATE, and a DELETE that is not the cascade of the filing's own).
 */
@Entity({ tableName: 'warehouse_filing_event' })
@Index({ name: 'warehouse_filing_event_filing_idx', properties: ['filing', 'id'] })
@Trigger({
  name: 'warehouse_filing_event_append_only',
  timing: 'before',
  events: ['update', 'delete'],
  body: `if tg_op = 'DELETE' and pg_trigger_depth() > 1 then return old; end if;
    raise exception 'warehouse_filing_event is append-only (the audit trail of filings)' using errcode = '42501';`,
})
export class WarehouseFilingEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => WarehouseFiling, { deleteRule: 'cascade' })
  filing!: Rel<WarehouseFiling>;

  /** The status before; null for the submission that created the filing. */
  @Enum({ items: () => FilingStatus, nullable: true })
  fromStatus?: FilingStatus;

  @Enum({ items: () => FilingStatus })
  toStatus!: FilingStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;

  @Enum({ items: () => FilingActorKind })
  actorKind!: FilingActorKind;

  /** The API key that made the change (the operator's or the authority's); null for IMPORT and DATABASE. */
  @Property({ type: 'integer', nullable: true })
  actorKeyId?: number;

  /** The reasons given with a return or a revocation: StoredReason[]. */
  @Property({ type: 'jsonb', defaultRaw: `'[]'` })
  reasons: StoredReason[] & Opt = [];
}

/** The last filing number given per office and year (six digits: the check refuses a millionth in one year rather than reuse a number). */
@Entity({ tableName: 'warehouse_filing_sequence' })
@Check({ name: 'warehouse_filing_sequence_six_digits', expression: 'last_value >= 1 and last_value <= 999999' })
export class WarehouseFilingSequence {
  @PrimaryKey({ type: 'string', length: 4 })
  officeCode!: string;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

  @Property({ type: 'integer' })
  lastValue!: number;
}
