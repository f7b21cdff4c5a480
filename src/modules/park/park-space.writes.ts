import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import type { Context, Viewer } from '../../graphql/context';
import { idOf, mutationScope, runMutation } from '../../graphql/mutation';
import { failure, type Path, Problems } from '../../graphql/payload';
import { ParkErrorCode } from './park.errors';
import { ParkSpaceStatus } from './park.enums';
import { checkSpaceRecord, type ParkSpaceApiRecord, SPACE_COLUMNS, spaceRow } from './park-space.import';
import type { ParkSpaceInput, ParkSpaceUpdateInput } from './park-space.inputs';

/*
 * A park's operator publishes and manages the park's space through these (API key; thin resolvers
 * in park-space.resolver.ts). The operator is the enterprise the park's record names
 * (`industrial_park.operator_id`, imported with the park). Each write runs in one transaction with
 * the space (or, publishing, the park) locked, at most once per idempotency key; every problem is
 * data (ParkError). The fields are checked by the import's own checks (checkSpaceRecord) and
 * written as the import writes them (spaceRow, SPACE_COLUMNS), so a space published here and one
 * imported with the same park and ref are the same thing.
 */

/** Fields a space always has: an update cannot clear them. */
const REQUIRED = ['nameZh', 'nameEn', 'kind', 'areaM2', 'monthlyRentPerM2', 'availableFrom', 'minTermMonths'] as const;

/** What the API writes besides what an input gives: a published space is AVAILABLE and real data. */
const PUBLISHED = { status: ParkSpaceStatus.AVAILABLE, isSample: false } as const;

/** An input object as a record: the fields given (undefined ones dropped), the contact too. */
function given(input: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k] = k === 'contact' && v !== null ? given(v as object) : v;
  }
  return out;
}

const notOperator = (field: Path) =>
  failure(ParkErrorCode.NOT_PARK_OPERATOR, field, 'Only the park’s operator can publish or change its space; the park’s record names its operator');

/** The columns of a row of spaceRow in SPACE_COLUMNS order (`skip`: those left as they are), as a list of typed values. */
function values(row: Record<string, unknown>, skip: readonly string[] = []) {
  const cols = SPACE_COLUMNS.filter(([c]) => !skip.includes(c));
  return { names: sql.raw(cols.map(([c]) => c).join(', ')), values: sql.join(cols.map(([c, t]) => sql`${sql.typed(row[c] ?? null, t)}`)) };
}

export async function publishSpace(ctx: Context, viewer: Viewer, input: ParkSpaceInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'publishParkSpace', key, input, async (em) => {
    const p = new Problems<ParkErrorCode>();
    const { parkId: parkGid, ...fields } = given(input);
    const parkId = idOf('IndustrialPark', String(parkGid), ['input', 'parkId'], p);
    checkSpaceRecord(p, ['input'], fields);
    if (!p.ok || parkId === undefined) return { errors: p.list };
    // Shared: an import changing the park's operator waits for this publication, and the other way round.
    const [park] = await exec<{ slug: string; operator_id: number | null }>(
      em,
      sql`select slug, operator_id from industrial_park where id = ${sql.typed(parkId, 'int')} for share`,
    );
    if (!park) return failure(ParkErrorCode.NOT_FOUND, ['input', 'parkId'], `No industrial park with ID ${input.parkId}`);
    if (park.operator_id !== viewer.enterpriseId) return notOperator(['input', 'parkId']);
    const row = spaceRow({ ...(fields as ParkSpaceApiRecord), parkSlug: park.slug, ...PUBLISHED }, { defaultIsSample: false });
    const v = values(row);
    const [created] = await exec<{ id: number }>(
      em,
      sql`insert into park_space (park_id, ${v.names}) values (${sql.typed(parkId, 'int')}, ${v.values})
        on conflict (park_id, ref) do nothing returning id`,
    );
    if (!created) return failure(ParkErrorCode.REF_TAKEN, ['input', 'ref'], `The park already has a space "${input.ref}"; change it, or choose another ref`);
    return { id: created.id, errors: [] };
  });
}

/** A stored space as it is loaded for a change. */
interface StoredSpace {
  id: number;
  operator_id: number | null;
  park_slug: string;
  ref: string;
  name_zh: string;
  name_en: string;
  description_zh: string | null;
  description_en: string | null;
  kind: string;
  area_m2: number;
  min_divisible_m2: number | null;
  floor: number | null;
  monthly_rent_per_m2: string;
  available_from: string;
  min_term_months: number;
  status: ParkSpaceStatus;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  is_sample: boolean;
}

/** A space of a park the viewer operates, locked for the change (its park shared), or the payload's error. */
async function ownSpace(em: EntityManager, viewer: Viewer, id: string) {
  const p = new Problems<ParkErrorCode>();
  const spaceId = idOf('ParkSpace', id, ['id'], p);
  if (spaceId === undefined) return { error: { errors: p.list } };
  const [s] = await exec<StoredSpace>(
    em,
    sql`select s.id, p.operator_id, p.slug as park_slug, s.ref, s.name_zh, s.name_en, s.description_zh, s.description_en, s.kind, s.area_m2,
        s.min_divisible_m2, s.floor, s.monthly_rent_per_m2::text, s.available_from::text, s.min_term_months, s.status,
        s.contact_name, s.contact_email, s.contact_phone, s.is_sample
      from park_space s join industrial_park p on p.id = s.park_id where s.id = ${sql.typed(spaceId, 'int')} for update of s for share of p`,
  );
  if (!s) return { error: failure(ParkErrorCode.NOT_FOUND, ['id'], `No park space with ID ${id}`) };
  if (s.operator_id !== viewer.enterpriseId) return { error: notOperator(['id']) };
  return { space: s };
}

const withdrawn = () => failure(ParkErrorCode.SPACE_WITHDRAWN, ['id'], 'The space was withdrawn, for good; publish a new one');

/** A stored space as an API record (the fields ParkSpaceInput gives). */
function recordOf(s: StoredSpace): Record<string, unknown> {
  const contact = { name: s.contact_name, email: s.contact_email, phone: s.contact_phone };
  return given({
    ref: s.ref,
    nameZh: s.name_zh,
    nameEn: s.name_en,
    descriptionZh: s.description_zh,
    descriptionEn: s.description_en,
    kind: s.kind,
    areaM2: s.area_m2,
    minDivisibleM2: s.min_divisible_m2,
    floor: s.floor,
    monthlyRentPerM2: s.monthly_rent_per_m2,
    availableFrom: s.available_from,
    minTermMonths: s.min_term_months,
    contact: Object.values(contact).some((c) => c !== null) ? contact : null,
  });
}

/**
 * Changes a space of a park the viewer operates: the fields given replace the stored ones, the
 * whole space is checked again as the import checks it, and the row is written only where a value
 * changed (then `updated_at` too). AVAILABLE and LET spaces change; a WITHDRAWN one does not.
 */
export async function updateSpace(ctx: Context, viewer: Viewer, id: string, input: ParkSpaceUpdateInput, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'updateParkSpace', key, { id, input }, async (em) => {
    const p = new Problems<ParkErrorCode>();
    const changes = given(input);
    for (const f of REQUIRED) if (changes[f] === null) p.add(['input', f], `${f} cannot be cleared; leave it out to keep it`);
    if (!p.ok) return { errors: p.list };
    const own = await ownSpace(em, viewer, id);
    if (own.error) return own.error;
    const s = own.space;
    if (s.status === ParkSpaceStatus.WITHDRAWN) return withdrawn();
    const merged = { ...recordOf(s), ...changes };
    checkSpaceRecord(p, ['input'], merged);
    if (!p.ok) return { errors: p.list };
    const row = spaceRow({ ...(merged as ParkSpaceApiRecord), parkSlug: s.park_slug }, { defaultIsSample: s.is_sample });
    const v = values(row, ['ref', 'status', 'is_sample']);
    await exec(
      em,
      sql`update park_space set (${v.names}) = (${v.values}), updated_at = now()
        where id = ${sql.typed(s.id, 'int')} and (${v.names}) is distinct from (${v.values})`,
    );
    return { id: s.id, errors: [] };
  });
}

/**
 * Sets a space's state: AVAILABLE ⇄ LET as it is let and free again; WITHDRAWN for good (no
 * change of a withdrawn space, SPACE_WITHDRAWN; withdrawing it again changes nothing). Matching
 * and a park's `spaces` show AVAILABLE space only.
 */
export async function setSpaceStatus(ctx: Context, viewer: Viewer, id: string, status: ParkSpaceStatus, key?: string) {
  return runMutation(ctx.em, mutationScope(viewer), 'setParkSpaceStatus', key, { id, status }, async (em) => {
    const own = await ownSpace(em, viewer, id);
    if (own.error) return own.error;
    const s = own.space;
    if (s.status === ParkSpaceStatus.WITHDRAWN && status !== ParkSpaceStatus.WITHDRAWN) return withdrawn();
    if (s.status !== status) await exec(em, sql`update park_space set status = ${status}, updated_at = now() where id = ${sql.typed(s.id, 'int')}`);
    return { id: s.id, errors: [] };
  });
}
