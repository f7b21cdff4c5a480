import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { type Sql, sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { badInput, unauthenticated } from '../../graphql/errors';
import { intIdOf } from '../../graphql/ids';
import { idOf, type MutationResult, mutationScope, runMutation } from '../../graphql/mutation';
import { failure } from '../../graphql/payload';
import { type ConnectionResult, type PageArgs, runConnection } from '../../graphql/sql/connection';
import { orderTerms } from '../../graphql/sql/order';
import { Params } from '../../graphql/sql/params';
import { parseSearchQuery, textMatcher } from '../../graphql/text-search';
import { setFilterSql, isSampleSql } from '../../graphql/types/filters';
import { currency, decimalFits, todayInChina } from '../matchmaking/matchmaking.validation';
import { announceOffering } from './service-match.service';
import { EU, EU_MEMBERS } from './service-provider.enums';
import type {
  CreateServiceNeedInput,
  CreateServiceOfferingInput,
  ServiceNeedFilter,
  ServiceOfferingFilter,
  ServiceOfferingOrder,
  UpdateServiceNeedInput,
  UpdateServiceOfferingInput,
} from './service-offering.inputs';
import { ServiceOfferingOrderField } from './service-offering.inputs';
import { CHINA_TODAY_SQL } from '../../db/china-day';
import type { ReadDb } from '../../db/read-db';
import { retiredCodeSentence, retiredDistrictCodes } from '../reference/reference.cache';
import { ServiceErrorCode } from './service.errors';
import {
  type CheckedNeed,
  type CheckedOffering,
  checkNeedFields,
  checkOfferingFields,
  checkRef,
  languages,
  markets,
  PRICE,
  Problems,
} from './service.validation';

/*
 * Service offerings and saved needs: the read lists (filters served by service_offering's indexes)
 * and the writes of their owners (API key; thin resolvers in service-offering.resolver.ts). Each
 * write runs in one transaction with its row locked, at most once per idempotency key; every
 * problem is data (ServiceError). A committed publication or change of a published offering is
 * announced to the open needs it fits (serviceOfferingMatched), after the commit.
 */

const ORDER_COLUMNS = {
  [ServiceOfferingOrderField.NAME_ZH]: { expr: 't.name_zh', type: 'text' },
  [ServiceOfferingOrderField.NAME_EN]: { expr: 't.name_en', type: 'text' },
  [ServiceOfferingOrderField.CREATED_AT]: { expr: 't.created_at', type: 'timestamptz' },
  [ServiceOfferingOrderField.UPDATED_AT]: { expr: 't.updated_at', type: 'timestamptz' },
} as const;

/** At most this many IDs in a list filter. */
const IDS_MAX = 50;

/** A checked list filter's problems as BAD_USER_INPUT naming the first path. */
function thrown(p: Problems): void {
  if (!p.ok) throw badInput(p.list.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), p.list[0].field);
}

/**
 * The markets a filter or need asks for, with EU added when one is a member state: an offering
 * serving EU serves each of them (service.profile.ts).
 */
export function servedBy(codes: readonly string[]): string[] {
  return codes.some((c) => (EU_MEMBERS as readonly string[]).includes(c)) && !codes.includes(EU) ? [...codes, EU] : [...codes];
}

/** The statuses a list shows and who may ask for them: `owner(t, v)` says whether row `t` is the viewer's. */
function statusWhere(
  ctx: Context,
  asked: readonly string[] | undefined,
  mine: boolean | undefined,
  publicStatus: string,
  owner: (t: string, v: Sql) => Sql,
  what: string,
): Sql[] {
  const viewer = ctx.viewer?.enterpriseId;
  const statuses = asked?.length ? [...new Set(asked)] : [publicStatus];
  const own = statuses.some((s) => s !== publicStatus) || !!mine;
  if (own && viewer === undefined)
    throw unauthenticated(`Other states than ${publicStatus} and \`mine\` are your own ${what}: send your API key (Authorization: Bearer …)`);
  const where: Sql[] = [];
  if (statuses.length === 1 && statuses[0] === publicStatus) where.push(sql.raw(`t.status = '${publicStatus}'`));
  else {
    where.push(sql`t.status = any(${sql.array(statuses, 'text')})`);
    where.push(sql`(t.status = ${publicStatus} or ${owner('t', sql`${sql.typed(viewer!, 'int')}`)})`);
  }
  if (mine) where.push(owner('t', sql`${sql.typed(viewer!, 'int')}`));
  return where;
}

const offeringOwner = (t: string, v: Sql) =>
  sql`exists (select 1 from service_provider op where op.id = ${sql.raw(t)}.provider_id and op.enterprise_id = ${v})`;

/** The conditions of an offering filter (alias `t`), served by service_offering's indexes. */
function offeringWhere(ctx: Context, f: ServiceOfferingFilter | undefined): Sql[] {
  const where = statusWhere(ctx, f?.statuses, f?.mine, 'PUBLISHED', offeringOwner, 'offerings');
  if (!f) return where;
  const p = new Problems();
  if (f.providers) {
    if (f.providers.length > IDS_MAX) p.add(['filter', 'providers'], `Give at most ${IDS_MAX} providers`);
    else
      where.push(
        sql`t.provider_id = any(${sql.array(
          f.providers.map((id) => intIdOf('ServiceProvider', id, 'filter.providers')),
          'int',
        )})`,
      );
  }
  if (f.categories?.anyOf) where.push(sql`t.category = any(${sql.known([...new Set(f.categories.anyOf)], 'text')})`);
  if (f.categories?.allOf?.length) {
    // An offering has one category: all of several is none.
    const all = [...new Set(f.categories.allOf)];
    where.push(all.length === 1 ? sql`t.category = ${all[0]}` : sql.raw('false'));
  }
  const m = f.markets ? markets(p, ['filter', 'markets'], f.markets) : undefined;
  if (m?.length) where.push(sql`(t.markets && ${sql.known(servedBy(m), 'text')} or cardinality(t.markets) = 0)`);
  const l = f.languages ? languages(p, ['filter', 'languages'], f.languages) : undefined;
  if (l?.length) where.push(sql`t.languages && ${sql.known(l, 'text')}`);
  if (f.certifications?.length) where.push(sql`t.certifications @> ${sql.known([...new Set(f.certifications)], 'text')}`);
  if (f.priceAtMost != null && decimalFits(p, ['filter', 'priceAtMost'], f.priceAtMost, 'priceAtMost', PRICE)) {
    if (Number(f.priceAtMost) < 0) p.add(['filter', 'priceAtMost'], `priceAtMost must not be negative (got ${f.priceAtMost})`);
    else where.push(sql`coalesce(t.price_min, t.price_max) <= ${sql.typed(f.priceAtMost, 'numeric')}`);
  }
  if (f.currency != null) {
    // A currency in circulation (ISO 4217), as everywhere else: an unknown one is refused, naming it.
    const c = currency(p, ['filter', 'currency'], f.currency);
    if (c !== undefined && p.ok) where.push(sql`t.currency = ${c}`);
  }
  if (f.priceUnit) where.push(sql`t.price_unit = ${f.priceUnit}`);
  if (f.turnaroundDaysAtMost != null) {
    if (!Number.isInteger(f.turnaroundDaysAtMost) || f.turnaroundDaysAtMost < 0 || f.turnaroundDaysAtMost > 730)
      p.add(['filter', 'turnaroundDaysAtMost'], `turnaroundDaysAtMost must be a whole number from 0 to 730 (got ${f.turnaroundDaysAtMost})`);
    else where.push(sql`t.turnaround_days <= ${sql.typed(f.turnaroundDaysAtMost, 'int')}`);
  }
  isSampleSql(f, where);
  if (f.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(f.updatedSince, 'timestamptz')}`);
  thrown(p);
  return where;
}

/** A page of service offerings for `serviceOfferings`. */
export async function listOfferings(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: ServiceOfferingFilter; search?: string; orderBy?: ServiceOfferingOrder[] },
): Promise<ConnectionResult> {
  const params = new Params();
  const where = offeringWhere(ctx, args.filter).map((w) => w.render(params));
  if (args.search != null) {
    const m = textMatcher(parseSearchQuery(args.search, 'search'), params, false, {
      text: (t) => `cbec_search_text(${t}.name_zh, ${t}.name_en)`,
      bigrams: (t) => `${t}.search_bigrams`,
    });
    where.push(m.cond('t'));
  }
  const order = orderTerms(args.orderBy, ORDER_COLUMNS, [{ field: ServiceOfferingOrderField.NAME_ZH, direction: 'ASC' }]);
  return runConnection(ctx, info, { type: 'ServiceOffering', from: 'service_offering t', where, order, params }, args);
}

/** A page of saved service needs for `serviceNeeds`, newest first. */
export async function listNeeds(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: PageArgs & { filter?: ServiceNeedFilter; search?: string },
): Promise<ConnectionResult> {
  const f = args.filter;
  const params = new Params();
  const where = statusWhere(ctx, f?.statuses, f?.mine, 'OPEN', (t, v) => sql`${sql.raw(t)}.owner_id = ${v}`, 'needs');
  if (f?.categories) setFilterSql('t.categories', f.categories, where);
  const p = new Problems();
  // A need for any of the markets (one naming none takes any); a filter naming EU (a provider serving
  // the Union) takes the needs for each member state too.
  const m = f?.markets ? markets(p, ['filter', 'markets'], f.markets) : undefined;
  if (m?.length) {
    const asked = m.includes(EU) ? [...new Set([...m, ...EU_MEMBERS])] : m;
    where.push(sql`(t.markets && ${sql.known(asked, 'text')} or cardinality(t.markets) = 0)`);
  }
  const l = f?.languages ? languages(p, ['filter', 'languages'], f.languages) : undefined;
  if (l?.length) where.push(sql`(t.languages && ${sql.known(l, 'text')} or cardinality(t.languages) = 0)`);
  thrown(p);
  isSampleSql(f, where);
  if (f?.updatedSince) where.push(sql`t.updated_at >= ${sql.typed(f.updatedSince, 'timestamptz')}`);
  // An open need past its deadline is matched no more, so others do not see it as open (its owner does).
  if (!f?.mine) where.push(sql`(t.status <> 'OPEN' or t.deadline is null or t.deadline >= ${sql.raw(CHINA_TODAY_SQL)})`);
  const rendered = where.map((w) => w.render(params));
  if (args.search != null) {
    // Title and description (service_need_search_trgm); two-character words through their bigrams.
    const text = (t: string) => `cbec_search_text(${t}.title, ${t}.description)`;
    const m = textMatcher(parseSearchQuery(args.search, 'search'), params, false, { text, bigrams: (t) => `cbec_bigrams(${text(t)})` });
    rendered.push(m.cond('t'));
  }
  const order = [{ name: 'UPDATED_AT', expr: 't.updated_at', type: 'timestamptz' as const, desc: true }];
  return runConnection(ctx, info, { type: 'ServiceNeed', from: 'service_need t', where: rendered, order, params }, args);
}

// ---------------------------------------------------------------------------------------------
// Writes

/** The offering columns a checked input sets (only those it gives). */
function offeringColumns(f: CheckedOffering): [string, Sql][] {
  const cols: [string, Sql][] = [];
  const put = (c: string, v: Sql) => cols.push([c, v]);
  if (f.nameZh !== undefined) put('name_zh', sql`${f.nameZh}`);
  if (f.nameEn !== undefined) put('name_en', sql`${f.nameEn}`);
  if (f.descriptionZh !== undefined) put('description_zh', sql`${f.descriptionZh}::text`);
  if (f.descriptionEn !== undefined) put('description_en', sql`${f.descriptionEn}::text`);
  if (f.category !== undefined) put('category', sql`${f.category}`);
  if (f.markets !== undefined) put('markets', sql`${sql.array(f.markets, 'text')}`);
  if (f.languages !== undefined) put('languages', sql`${sql.array(f.languages, 'text')}`);
  if (f.certifications !== undefined) put('certifications', sql`${sql.array(f.certifications, 'text')}`);
  if (f.price !== undefined) {
    put('price_min', sql`${f.price?.min ?? null}::numeric`);
    put('price_max', sql`${f.price?.max ?? null}::numeric`);
    put('currency', sql`${f.price?.currency ?? null}::text`);
    put('price_unit', sql`${f.price?.unit ?? null}::text`);
  }
  if (f.turnaroundDays !== undefined) put('turnaround_days', sql`${f.turnaroundDays}::int`);
  if (f.contact !== undefined) {
    put('contact_name', sql`${f.contact.name}::text`);
    put('contact_email', sql`${f.contact.email}::text`);
    put('contact_phone', sql`${f.contact.phone}::text`);
  }
  return cols;
}

const insertSql = (table: string, cols: [string, Sql][], onConflict = '') =>
  sql`insert into ${sql.ident(table)} (${sql.raw(cols.map(([c]) => c).join(', '))}) values (${sql.join(cols.map(([, v]) => v))}) ${sql.raw(onConflict)} returning id`;
const updateSql = (table: string, id: number, cols: [string, Sql][]) =>
  sql`update ${sql.ident(table)} set ${sql.join(cols.map(([c, v]) => sql`${sql.raw(c)} = ${v}`))}, updated_at = now() where id = ${id}`;

/** A global ID of `type` → its key, or the payload's error. */
function keyOf(type: string, id: string) {
  const p = new Problems<ServiceErrorCode>();
  const key = idOf(type, id, ['id'], p);
  return key === undefined ? { error: { errors: p.list } } : { key };
}

/** A result that tells subscribers after the commit: the offering published or a published one changed. */
type Announced = MutationResult & { announce?: boolean };

/** After a committed write (not a replay), announce a published offering to the needs it fits. */
async function announced<R extends Announced & { replayed: boolean }>(ctx: Context, r: R): Promise<R> {
  if (r.id !== undefined && !r.replayed && r.errors.length === 0 && r.announce) await announceOffering(ctx, r.id);
  return r;
}

export async function createOffering(ctx: Context, viewer: Viewer, input: CreateServiceOfferingInput, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'createServiceOffering', key, input, async (em): Promise<Announced> => {
      const p = new Problems<ServiceErrorCode>();
      for (const f of ['nameZh', 'nameEn', 'category'] as const) if (input[f] == null) p.add(['input', f], `${f} is required`);
      checkRef(p, ['input', 'ref'], input.ref);
      const fields = checkOfferingFields(input, p, ['input']);
      if (!p.ok) return { errors: p.list };
      const [provider] = await exec<{ id: number }>(em, sql`select id from service_provider where enterprise_id = ${viewer.enterpriseId}`);
      if (!provider)
        return failure(
          ServiceErrorCode.NOT_A_PROVIDER,
          ['input'],
          'Your enterprise is not a service provider; providers are registered through the import path',
        );
      const cols = offeringColumns(fields);
      cols.push(['provider_id', sql`${provider.id}`], ['ref', sql`${input.ref ?? null}::text`]);
      cols.push(['status', sql`${input.publish ? 'PUBLISHED' : 'DRAFT'}`], ['is_sample', sql`false`]);
      // A ref taken (by this provider) inserts nothing, and the transaction goes on to say so.
      const [row] = await exec<{ id: number }>(em, insertSql('service_offering', cols, 'on conflict (provider_id, ref) do nothing'));
      if (!row) return failure(ServiceErrorCode.REF_TAKEN, ['input', 'ref'], `Another offering of yours has ref "${input.ref}"`);
      return { id: row.id, errors: [], announce: !!input.publish };
    }),
  );
}

/** Loads an offering of the viewer's for changing it, locking the row. */
async function ownOffering(em: EntityManager, viewer: Viewer, id: number) {
  const [o] = await exec<{ id: number; status: string; enterprise_id: number }>(
    em,
    sql`select o.id, o.status, p.enterprise_id from service_offering o join service_provider p on p.id = o.provider_id where o.id = ${id} for update of o`,
  );
  // Another provider's draft is as invisible here as in reads.
  if (!o || (o.enterprise_id !== viewer.enterpriseId && o.status === 'DRAFT'))
    return { error: failure(ServiceErrorCode.NOT_FOUND, ['id'], 'No such service offering') };
  if (o.enterprise_id !== viewer.enterpriseId) return { error: failure(ServiceErrorCode.FORBIDDEN, ['id'], 'Only the offering’s provider can change it') };
  if (o.status === 'WITHDRAWN') return { error: failure(ServiceErrorCode.OFFERING_WITHDRAWN, ['id'], 'The offering was withdrawn; create a new one') };
  return { offering: o };
}

export async function updateOffering(ctx: Context, viewer: Viewer, id: string, input: UpdateServiceOfferingInput, key?: string) {
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), 'updateServiceOffering', key, { id, input }, async (em): Promise<Announced> => {
      const k = keyOf('ServiceOffering', id);
      if (k.error) return k.error;
      const own = await ownOffering(em, viewer, k.key);
      if (own.error) return own.error;
      const p = new Problems<ServiceErrorCode>();
      for (const f of ['nameZh', 'nameEn', 'category'] as const) if (input[f] === null) p.add(['input', f], `${f} cannot be cleared`);
      const fields = checkOfferingFields(input, p, ['input']);
      if (!p.ok) return { errors: p.list };
      const cols = offeringColumns(fields);
      if (cols.length) await exec(em, updateSql('service_offering', k.key, cols));
      return { id: k.key, errors: [], announce: own.offering.status === 'PUBLISHED' && cols.length > 0 };
    }),
  );
}

/** DRAFT → PUBLISHED (or PUBLISHED → WITHDRAWN, for good); the same state again changes nothing. */
export async function setOfferingStatus(ctx: Context, viewer: Viewer, id: string, status: 'PUBLISHED' | 'WITHDRAWN', key?: string) {
  const operation = status === 'PUBLISHED' ? 'publishServiceOffering' : 'withdrawServiceOffering';
  return announced(
    ctx,
    await runMutation(ctx.em, mutationScope(viewer), operation, key, { id }, async (em): Promise<Announced> => {
      const k = keyOf('ServiceOffering', id);
      if (k.error) return k.error;
      const own = await ownOffering(em, viewer, k.key);
      if (own.error) return own.error;
      if (own.offering.status === status) return { id: k.key, errors: [] };
      await exec(em, sql`update service_offering set status = ${status}, updated_at = now() where id = ${k.key}`);
      return { id: k.key, errors: [], announce: status === 'PUBLISHED' };
    }),
  );
}

/** The need columns a checked input sets (only those it gives). */
function needColumns(f: CheckedNeed): [string, Sql][] {
  const cols: [string, Sql][] = [];
  const put = (c: string, v: Sql) => cols.push([c, v]);
  if (f.title !== undefined) put('title', sql`${f.title}`);
  if (f.description !== undefined) put('description', sql`${f.description}::text`);
  if (f.categories !== undefined) put('categories', sql`${sql.array(f.categories, 'text')}`);
  if (f.markets !== undefined) put('markets', sql`${sql.array(f.markets, 'text')}`);
  if (f.languages !== undefined) put('languages', sql`${sql.array(f.languages, 'text')}`);
  if (f.certifications !== undefined) put('certifications', sql`${sql.array(f.certifications, 'text')}`);
  if (f.budget !== undefined) {
    put('budget_max', sql`${f.budget?.max ?? null}::numeric`);
    put('budget_currency', sql`${f.budget?.currency ?? null}::text`);
    put('budget_unit', sql`${f.budget?.unit ?? null}::text`);
  }
  if (f.deadline !== undefined) put('deadline', sql`${f.deadline}::date`);
  if (f.district !== undefined) put('district_code', sql`${f.district}::text`);
  return cols;
}

/**
 * Checks a need input, and its district against the reference data: known (on the mutation's
 * connection), and in force today, since a need says where the provider should be now (a retired
 * code is refused with its successors, in the words of the district filters).
 */
async function checkedNeed(
  em: EntityManager,
  db: ReadDb,
  input: CreateServiceNeedInput | UpdateServiceNeedInput,
  p: Problems<ServiceErrorCode>,
): Promise<CheckedNeed> {
  const fields = checkNeedFields(input, p, ['input'], todayInChina());
  if (fields.district) {
    const [d] = await exec(em, sql`select 1 from district where code = ${fields.district}`);
    if (!d) p.add(['input', 'district'], `No Chongqing district has the code ${fields.district}; see \`districts\``, ServiceErrorCode.UNKNOWN_DISTRICT);
    const [retired] = await retiredDistrictCodes(db, [fields.district]);
    if (retired) p.add(['input', 'district'], `${retiredCodeSentence(retired)}: give the successor instead`, ServiceErrorCode.RETIRED_DISTRICT);
  }
  return fields;
}

export async function createNeed(ctx: Context, viewer: Viewer, input: CreateServiceNeedInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'createServiceNeed', key, input, async (em) => {
    const p = new Problems<ServiceErrorCode>();
    if (input.categories == null) p.add(['input', 'categories'], 'categories is required: 1 to 8 services');
    const fields = await checkedNeed(em, ctx.db, input, p);
    if (!p.ok) return { errors: p.list };
    const cols = needColumns(fields);
    cols.push(['owner_id', sql`${viewer.enterpriseId}`], ['is_sample', sql`false`]);
    const [row] = await exec<{ id: number }>(em, insertSql('service_need', cols));
    return { id: row.id, errors: [] };
  });
}

/** Loads a need of the viewer's for changing it, locking the row. */
async function ownNeed(em: EntityManager, viewer: Viewer, id: number) {
  const [n] = await exec<{ id: number; status: string; owner_id: number }>(em, sql`select id, status, owner_id from service_need where id = ${id} for update`);
  if (!n || (n.owner_id !== viewer.enterpriseId && n.status !== 'OPEN')) return { error: failure(ServiceErrorCode.NOT_FOUND, ['id'], 'No such service need') };
  if (n.owner_id !== viewer.enterpriseId) return { error: failure(ServiceErrorCode.FORBIDDEN, ['id'], 'Only the enterprise that saved a need can change it') };
  return { need: n };
}

export async function updateNeed(ctx: Context, viewer: Viewer, id: string, input: UpdateServiceNeedInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'updateServiceNeed', key, { id, input }, async (em) => {
    const k = keyOf('ServiceNeed', id);
    if (k.error) return k.error;
    const own = await ownNeed(em, viewer, k.key);
    if (own.error) return own.error;
    if (own.need.status === 'CLOSED') return failure(ServiceErrorCode.NEED_CLOSED, ['id'], 'The need was closed; save a new one');
    const p = new Problems<ServiceErrorCode>();
    for (const f of ['title', 'categories'] as const) if (input[f] === null) p.add(['input', f], `${f} cannot be cleared`);
    const fields = await checkedNeed(em, ctx.db, input, p);
    if (!p.ok) return { errors: p.list };
    const cols = needColumns(fields);
    if (cols.length) await exec(em, updateSql('service_need', k.key, cols));
    return { id: k.key, errors: [] };
  });
}

/** OPEN → CLOSED, for good; closing a closed need changes nothing. */
export async function closeNeed(ctx: Context, viewer: Viewer, id: string, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'closeServiceNeed', key, { id }, async (em) => {
    const k = keyOf('ServiceNeed', id);
    if (k.error) return k.error;
    const own = await ownNeed(em, viewer, k.key);
    if (own.error) return own.error;
    if (own.need.status !== 'CLOSED') await exec(em, sql`update service_need set status = 'CLOSED', updated_at = now() where id = ${k.key}`);
    return { id: k.key, errors: [] };
  });
}
