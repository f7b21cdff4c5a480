import type { EntityManager } from '@mikro-orm/postgresql';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Authority, Context, Viewer } from '../../graphql/context';
import { idOf, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, Problems } from '../../graphql/payload';
import { ADDRESS_MAX } from './filing.bounds';
import { FilingErrorCode } from './filing.errors';
import { FilingActorKind, FilingStatus } from './filing.enums';
import type { FilingReturnReasonInput, FilingRevocationReasonInput, ResubmitWarehouseFilingInput, SubmitWarehouseFilingInput } from './filing.inputs';
import { type CheckedDocument, checkArea, checkDocuments, checkOfficeCode, checkReasons, checkText } from './filing.validation';
import type { StoredReason } from './warehouse-filing.entity';

/*
 * Filing writes (thin resolvers in filing.resolver.ts). An operator (an enterprise's key) submits,
 * corrects and resubmits, or withdraws; a customs office (an authority key) accepts, returns or
 * revokes the filings filed with it. Each runs in one transaction, at most once per idempotency key,
 * with the rows it decides on locked; every expected problem is data (FilingError). Who acts is
 * set in transaction-local settings that the audit trigger records (warehouse-filing.entity.ts).
 * The partial unique indexes are the last word on "one open, one accepted filing per warehouse".
 */

/** Idempotency keys of an authority are per key (an office may have several). */
const authorityScope = (a: Authority) => `authority:${a.apiKeyId}`;

/** Tells the audit trigger who acts, for the rest of this transaction. */
async function actAs(em: EntityManager, kind: FilingActorKind, keyId: number): Promise<void> {
  await exec(em, sql`select set_config('cbec.filing_actor', ${kind}, true), set_config('cbec.filing_actor_key', ${String(keyId)}, true)`);
}

/**
 * The next number of `office` for this year (China time): `<office><year><6 digits>`. The counter
 * row is locked until the transaction ends, so numbers of one office-year are given in order and a
 * rolled-back submission gives its number back.
 */
async function nextNumber(em: EntityManager, office: string): Promise<string> {
  const [row] = await exec<{ number: string }>(
    em,
    sql`insert into warehouse_filing_sequence as s (office_code, year, last_value)
      values (${office}, extract(year from now() at time zone 'Asia/Shanghai')::int, 1)
      on conflict (office_code, year) do update set last_value = s.last_value + 1
      returning s.office_code || s.year::text || lpad(s.last_value::text, 6, '0') as number`,
  );
  return row.number;
}

async function writeDocuments(em: EntityManager, filingId: number, docs: readonly CheckedDocument[]): Promise<void> {
  await exec(em, sql`delete from warehouse_filing_document where filing_id = ${sql.typed(filingId, 'int')}`);
  await exec(
    em,
    sql`insert into warehouse_filing_document (filing_id, position, kind, title, reference, sha256)
      select ${sql.typed(filingId, 'int')}, d.ord, d.kind, d.title, d.reference, d.sha256
      from unnest(${sql.array(
        docs.map((d) => d.kind),
        'text',
      )}, ${sql.array(
        docs.map((d) => d.title),
        'text',
      )}, ${sql.array(
        docs.map((d) => d.reference),
        'text',
      )}, ${sql.array(
        docs.map((d) => d.sha256),
        'text',
      )}) with ordinality as d(kind, title, reference, sha256, ord)`,
  );
}

/** An operator files a warehouse it operates with a customs office: SUBMITTED, with a new number. */
export async function submitFiling(ctx: Context, viewer: Viewer, input: SubmitWarehouseFilingInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'submitWarehouseFiling', key, input, async (em) => {
    const p = new Problems<FilingErrorCode>();
    const warehouseId = idOf('OverseasWarehouse', input.warehouseId, ['input', 'warehouseId'], p);
    const office = checkOfficeCode(p, ['input', 'customsOfficeCode'], input.customsOfficeCode);
    const address = input.address == null ? undefined : checkText(p, ['input', 'address'], input.address, ADDRESS_MAX);
    const area = input.areaM2 == null ? undefined : checkArea(p, ['input', 'areaM2'], input.areaM2);
    const docs = checkDocuments(p, ['input', 'documents'], input.documents);
    if (!p.ok || warehouseId === undefined || office === undefined) return { errors: p.list };
    // Locked against other submissions for the same warehouse (they wait here, then see this one).
    const [w] = await exec<{ operator_id: number; address: string; area_m2: number }>(
      em,
      sql`select operator_id, address, area_m2 from overseas_warehouse where id = ${sql.typed(warehouseId, 'int')} for no key update`,
    );
    if (!w) return failure(FilingErrorCode.NOT_FOUND, ['input', 'warehouseId'], `No overseas warehouse with ID ${input.warehouseId}`);
    if (w.operator_id !== viewer.enterpriseId) {
      return failure(
        FilingErrorCode.NOT_WAREHOUSE_OPERATOR,
        ['input', 'warehouseId'],
        'Only the warehouse’s operator can file it; its record names the operator',
      );
    }
    const [known] = await exec(em, sql`select 1 from customs_office where code = ${office}`);
    if (!known) return failure(FilingErrorCode.UNKNOWN_CUSTOMS_OFFICE, ['input', 'customsOfficeCode'], `No customs office has the district code ${office}`);
    const existing = await exec<{ status: FilingStatus; number: string }>(
      em,
      sql`select status, number from warehouse_filing where warehouse_id = ${sql.typed(warehouseId, 'int')} and status in ('SUBMITTED', 'RETURNED', 'ACCEPTED')`,
    );
    const accepted = existing.find((f) => f.status === FilingStatus.ACCEPTED);
    if (accepted) {
      return failure(
        FilingErrorCode.ALREADY_FILED,
        ['input', 'warehouseId'],
        `The warehouse is filed (${accepted.number}), valid nationwide; it needs no other filing`,
      );
    }
    if (existing[0]) {
      return failure(
        FilingErrorCode.FILING_IN_PROGRESS,
        ['input', 'warehouseId'],
        `The warehouse has an open filing (${existing[0].number}, ${existing[0].status}); resubmit or withdraw it`,
      );
    }
    await actAs(em, FilingActorKind.OPERATOR, viewer.apiKeyId);
    const number = await nextNumber(em, office);
    const [created] = await exec<{ id: number }>(
      em,
      sql`insert into warehouse_filing (number, warehouse_id, operator_id, office_code, status, address, area_m2, submitted_at)
        values (${number}, ${sql.typed(warehouseId, 'int')}, ${sql.typed(viewer.enterpriseId, 'int')}, ${office}, 'SUBMITTED',
          ${address ?? w.address}, ${sql.typed(area ?? String(w.area_m2), 'numeric')}, now())
        on conflict do nothing returning id`,
    );
    if (!created) return failure(FilingErrorCode.FILING_IN_PROGRESS, ['input', 'warehouseId'], 'The warehouse has an open filing; resubmit or withdraw it');
    await writeDocuments(em, created.id, docs);
    return { id: created.id, errors: [] };
  });
}

interface StoredFiling {
  id: number;
  status: FilingStatus;
  operator_id: number;
  office_code: string;
  number: string;
}

/** The filing of `id`, locked for the change, or the payload's error. */
async function lockFiling(em: EntityManager, id: string) {
  const p = new Problems<FilingErrorCode>();
  const filingId = idOf('WarehouseFiling', id, ['id'], p);
  if (filingId === undefined) return { error: { errors: p.list } };
  const [f] = await exec<StoredFiling>(
    em,
    sql`select id, status, operator_id, office_code, number from warehouse_filing where id = ${sql.typed(filingId, 'int')} for update`,
  );
  if (!f) return { error: failure(FilingErrorCode.NOT_FOUND, ['id'], `No warehouse filing with ID ${id}`) };
  return { filing: f };
}

/** The viewer's own filing, locked, or the payload's error. */
async function ownFiling(em: EntityManager, viewer: Viewer, id: string) {
  const r = await lockFiling(em, id);
  if (r.filing && r.filing.operator_id !== viewer.enterpriseId) {
    return { error: failure(FilingErrorCode.NOT_WAREHOUSE_OPERATOR, ['id'], 'Only the operator that filed it can correct, resubmit or withdraw a filing') };
  }
  return r;
}

/** A filing filed with the authority's office, locked, or the payload's error. */
async function officeFiling(em: EntityManager, authority: Authority, id: string) {
  const r = await lockFiling(em, id);
  if (r.filing && r.filing.office_code !== authority.officeCode) {
    return {
      error: failure(
        FilingErrorCode.NOT_FILING_OFFICE,
        ['id'],
        `The filing was filed with customs office ${r.filing.office_code}; only that office reviews or revokes it`,
      ),
    };
  }
  return r;
}

/** The operator corrects a RETURNED filing and submits it again, under the same number. */
export async function resubmitFiling(ctx: Context, viewer: Viewer, id: string, input: ResubmitWarehouseFilingInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'resubmitWarehouseFiling', key, { id, input }, async (em) => {
    const p = new Problems<FilingErrorCode>();
    const address = input.address == null ? undefined : checkText(p, ['input', 'address'], input.address, ADDRESS_MAX);
    const area = input.areaM2 == null ? undefined : checkArea(p, ['input', 'areaM2'], input.areaM2);
    const docs = input.documents == null ? undefined : checkDocuments(p, ['input', 'documents'], input.documents);
    if (!p.ok) return { errors: p.list };
    const own = await ownFiling(em, viewer, id);
    if (own.error) return own.error;
    const f = own.filing;
    if (f.status !== FilingStatus.RETURNED) {
      return failure(FilingErrorCode.FILING_NOT_RETURNED, ['id'], `The filing is ${f.status}; only a RETURNED filing is corrected and resubmitted`);
    }
    await actAs(em, FilingActorKind.OPERATOR, viewer.apiKeyId);
    await exec(
      em,
      sql`update warehouse_filing set status = 'SUBMITTED', submitted_at = now(), decided_at = null, reasons = '[]'::jsonb, updated_at = now(),
        address = coalesce(${address ?? null}::text, address), area_m2 = coalesce(${sql.typed(area ?? null, 'numeric')}, area_m2)
        where id = ${sql.typed(f.id, 'int')}`,
    );
    if (docs) await writeDocuments(em, f.id, docs);
    return { id: f.id, errors: [] };
  });
}

/** The operator withdraws a filing not yet accepted (SUBMITTED or RETURNED). */
export async function withdrawFiling(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'withdrawWarehouseFiling', key, { id }, async (em) => {
    const own = await ownFiling(em, viewer, id);
    if (own.error) return own.error;
    const f = own.filing;
    if (f.status !== FilingStatus.SUBMITTED && f.status !== FilingStatus.RETURNED) {
      return failure(FilingErrorCode.FILING_NOT_OPEN, ['id'], `The filing is ${f.status}; only a SUBMITTED or RETURNED filing can be withdrawn`);
    }
    await actAs(em, FilingActorKind.OPERATOR, viewer.apiKeyId);
    await exec(em, sql`update warehouse_filing set status = 'WITHDRAWN', updated_at = now() where id = ${sql.typed(f.id, 'int')}`);
    return { id: f.id, errors: [] };
  });
}

/** Sets the decision of a SUBMITTED filing (accept or return) or revokes an ACCEPTED one, for the authority's office. */
async function decide(
  ctx: Context,
  authority: Authority,
  operation: string,
  id: string,
  key: string | undefined,
  input: unknown,
  from: FilingStatus,
  to: FilingStatus,
  reasons: (p: Problems<FilingErrorCode>) => StoredReason[],
) {
  return runMutation(ctx.em, authorityScope(authority), operation, key, input, async (em) => {
    const p = new Problems<FilingErrorCode>();
    const stored = reasons(p);
    if (!p.ok) return { errors: p.list };
    const r = await officeFiling(em, authority, id);
    if (r.error) return r.error;
    const f = r.filing;
    if (f.status !== from) {
      const code = from === FilingStatus.SUBMITTED ? FilingErrorCode.FILING_NOT_SUBMITTED : FilingErrorCode.FILING_NOT_ACCEPTED;
      return failure(
        code,
        ['id'],
        `The filing is ${f.status}; only a ${from} filing can be ${to === FilingStatus.REVOKED ? 'revoked' : 'accepted or returned'}`,
      );
    }
    await actAs(em, FilingActorKind.AUTHORITY, authority.apiKeyId);
    await exec(
      em,
      sql`update warehouse_filing set status = ${to}, decided_at = now(), updated_at = now(), reasons = ${sql.typed(JSON.stringify(stored), 'jsonb')},
        valid_from = case when ${to}::text = 'ACCEPTED' then ${sql.raw(CHINA_TODAY_SQL)} else valid_from end
        where id = ${sql.typed(f.id, 'int')}`,
    );
    return { id: f.id, errors: [] };
  });
}

/** The office accepts a SUBMITTED filing: ACCEPTED, valid nationwide from today (China time). */
export function acceptFiling(ctx: Context, authority: Authority, id: string, key?: string) {
  return decide(ctx, authority, 'acceptWarehouseFiling', id, key, { id }, FilingStatus.SUBMITTED, FilingStatus.ACCEPTED, () => []);
}

/** The office returns a SUBMITTED filing with reasons; the operator corrects and resubmits it. */
export function returnFiling(ctx: Context, authority: Authority, id: string, reasons: FilingReturnReasonInput[], key?: string) {
  return decide(ctx, authority, 'returnWarehouseFiling', id, key, { id, reasons }, FilingStatus.SUBMITTED, FilingStatus.RETURNED, (p) =>
    checkReasons(p, ['reasons'], reasons),
  );
}

/** The office revokes an ACCEPTED filing, with the reason (public with the revoked filing). */
export function revokeFiling(ctx: Context, authority: Authority, id: string, reason: FilingRevocationReasonInput, key?: string) {
  return decide(ctx, authority, 'revokeWarehouseFiling', id, key, { id, reason }, FilingStatus.ACCEPTED, FilingStatus.REVOKED, (p) =>
    checkReasons(p, ['reason'], [reason]),
  );
}
