import type { EntityManager } from '@mikro-orm/postgresql';
import { INT4_MAX } from '../../graphql/ids';
import type { Rec } from '../../import/checks';
import { sql } from '../../db/sql';
import { exec } from '../../db/write';
import { children, date, decimal, int, manyOf, oneOf, sampleFlag, slug, text, textRef, type RecordOf } from '../../import/fields';
import { contact } from '../matchmaking/offer.import';
import { compositeUnit, defineUnit, type ImportUnit } from '../../import/unit';
import type { ImportTx } from '../../import/write';
import { ISO_639_1 } from '../reference/iso-codes';
import { districtCode } from '../reference/reference.import';
import { CohortMode, CohortStatus, TalentBaseKind, TalentSpecialty } from './talent.enums';

/* Talent bases and the programmes they run. */

const SMALLINT_MAX = 32767;

export const programmeFields = {
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300, unique: 'programme' }),
  durationWeeks: int({ min: 1, max: SMALLINT_MAX }),
  seats: int({ min: 1, max: INT4_MAX }),
  nextStartOn: date({ optional: true }),
  /** Skills it trains; left out or empty: all of its base's. */
  specialties: manyOf(TalentSpecialty, 'TalentSpecialty'),
};

export type TalentProgrammeRecord = RecordOf<typeof programmeFields>;

export const talentBaseFields = {
  slug: slug({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  kind: oneOf(TalentBaseKind, 'TalentBaseKind'),
  hostInstitutionZh: text({ max: 200 }),
  hostInstitutionEn: text({ max: 300 }),
  districtCode: districtCode(),
  specialties: manyOf(TalentSpecialty, 'TalentSpecialty'),
  annualTrainingCapacity: int({ min: 0, max: INT4_MAX }),
  isSample: sampleFlag(),
  /** Programmes by their English name within the base (talent_programme_base_name_unique): upserted, so their cohorts keep them. */
  programmes: children(programmeFields, { table: 'talent_programme', parent: 'base_id', by: ['nameEn'] }),
};

export type TalentBaseRecord = RecordOf<typeof talentBaseFields>;

/** Stored bases by slug, with the English names of their programmes (what a cohort may name). */
async function findBases(em: EntityManager, keys: readonly string[]) {
  const rows = await exec<{ slug: string; id: number; programmes: string[] }>(
    em,
    sql`select b.slug, b.id, coalesce(array_agg(p.name_en) filter (where p.id is not null), '{}') as programmes
      from talent_base b left join talent_programme p on p.base_id = b.id
      where b.slug = any(${sql.array(keys, 'text')}) group by b.id`,
  );
  return new Map(rows.map((r) => [r.slug, { id: r.id, info: r.programmes }]));
}

export const talentBasesImport = defineUnit({
  key: 'talentBases',
  table: 'talent_base',
  dependsOn: ['districts'],
  fields: talentBaseFields,
  naturalKey: {
    field: 'slug',
    unique: 'talent base slug',
    // A cohort names its programme by English name: the base's programmes in the file, or stored.
    info: (v) => ((v.programmes as Rec[] | undefined) ?? []).map((p) => p.nameEn),
    find: findBases,
  },
});

/*
 * Cohorts from a file, under `talentCohorts`: each names its base (by slug) and programme (by its
 * English name within the base) and has a `ref`, its natural key within the programme (the file
 * names each ref once). Seats reserved are never imported: reservations are made through the API.
 * Re-importing updates the cohorts whose values changed; a stored cohort's seats cannot go below
 * the seats reserved on it.
 */

export const cohortFields = {
  /** The base's slug (checked with the programme, below). */
  baseSlug: text({ max: 80 }),
  programme: text({ max: 300 }),
  ref: slug({ max: 80 }),
  nameZh: text({ max: 200 }),
  nameEn: text({ max: 300 }),
  startsOn: date(),
  endsOn: date({
    then(v, r, f) {
      const starts = r.values.startsOn as number | undefined;
      if (v !== undefined && starts !== undefined && (v as number) < starts) r.problem(f, `must not be before startsOn (${String(r.record.startsOn)})`);
    },
  }),
  seats: int({ min: 1, max: INT4_MAX }),
  feeCny: decimal({ precision: 10, scale: 2 }),
  language: text({
    max: 2,
    pattern: /^[a-z]{2}$/,
    what: 'an ISO 639-1 code such as zh or en',
    then(v, r, f) {
      if (typeof v === 'string' && /^[a-z]{2}$/.test(v) && !ISO_639_1.has(v)) r.problem(f, `"${v}" is not an ISO 639-1 language code in use (e.g. zh, en, th)`);
    },
  }),
  mode: oneOf(CohortMode, 'CohortMode'),
  status: oneOf(CohortStatus, 'CohortStatus', { optional: true }),
  contact: contact(),
  isSample: sampleFlag(),
};

export type TalentCohortRecord = RecordOf<typeof cohortFields>;

const COHORT_COLUMNS = [
  'name_zh',
  'name_en',
  'starts_on',
  'ends_on',
  'seats',
  'fee_cny',
  'language',
  'mode',
  'status',
  'contact_name',
  'contact_email',
  'contact_phone',
  'is_sample',
] as const;

/** The file's cohorts as jsonb rows, joined to their programmes (`v`, `p`). */
const cohortRows = (records: readonly TalentCohortRecord[], defaultIsSample: boolean) =>
  sql.typed(
    JSON.stringify(
      records.map((r, i) => ({
        i,
        base: r.baseSlug,
        programme: r.programme,
        ref: r.ref,
        name_zh: r.nameZh,
        name_en: r.nameEn,
        starts_on: r.startsOn,
        ends_on: r.endsOn,
        seats: r.seats,
        fee_cny: String(r.feeCny),
        language: r.language,
        mode: r.mode,
        status: r.status ?? CohortStatus.OPEN,
        contact_name: r.contact?.name ?? null,
        contact_email: r.contact?.email ?? null,
        contact_phone: r.contact?.phone ?? null,
        is_sample: r.isSample ?? defaultIsSample,
      })),
    ),
    'jsonb',
  );

const COHORT_RECORDSET = `i int, base text, programme text, ref text, name_zh text, name_en text, starts_on date, ends_on date, seats int,
  fee_cny numeric, language text, mode text, status text, contact_name text, contact_email text, contact_phone text, is_sample bool`;

/** A cohort's key among the unit's records: its base, programme and ref (a programme may hold a `/`, so it is last but one and quoted). */
const cohortKey = (v: Rec) =>
  typeof v.baseSlug === 'string' && typeof v.programme === 'string' && typeof v.ref === 'string'
    ? `${v.baseSlug}/${JSON.stringify(v.programme)}/${v.ref}`
    : undefined;

/** Stored cohorts by their key (base slug, programme, ref as `cohortKey` writes it), with their ids. */
async function findCohorts(em: EntityManager, keys: readonly string[]): Promise<Map<string, { id: number }>> {
  const refs = [...new Set(keys.map((k) => k.slice(k.lastIndexOf('/') + 1)))];
  const rows = await exec<{ id: number; k: string }>(
    em,
    sql`select c.id, b.slug || '/' || to_json(p.name_en)::text || '/' || c.ref as k
      from talent_cohort c join talent_programme p on p.id = c.programme_id join talent_base b on b.id = p.base_id
      where c.ref = any(${sql.array(refs, 'text')})`,
  );
  const wanted = new Set(keys);
  return new Map(rows.filter((r) => wanted.has(r.k)).map((r) => [r.k, { id: Number(r.id) }]));
}

export const talentCohortsImport: ImportUnit<TalentCohortRecord, 'talentCohorts'> = compositeUnit({
  key: 'talentCohorts',
  table: 'talent_cohort',
  dependsOn: ['talentBases'],
  fields: cohortFields,
  // Nothing points at cohorts: the key names them in messages, and duplicates within a programme.
  naturalKey: { field: 'ref', column: 'ref', label: 'talent cohort', find: findCohorts },
  unique: 'cohort',
  keyOf: cohortKey,
  more(r) {
    const base = r.values.baseSlug as string | undefined;
    const programme = r.values.programme as string | undefined;
    if (base === undefined) return;
    // The base (in the file or stored), and the programme among its programmes.
    r.ref('talentBases', base, 'baseSlug', (info, report) => {
      const programmes = (info as string[] | undefined) ?? [];
      if (programme !== undefined && !programmes.includes(programme))
        report(
          'programme',
          `"${programme}" is not a programme of talent base "${base}" (its programmes by nameEn: ${programmes.map((p) => `"${p}"`).join(', ') || 'none'})`,
        );
      return undefined;
    });
  },
  write: writeCohorts,
  async checkStored(records, tx, findings) {
    const stored = await exec<{ i: number; reserved: number }>(
      tx.em,
      sql`select v.i, c.reserved_seats as reserved
        from jsonb_to_recordset(${cohortRows(records, true)}) as v(${sql.raw(COHORT_RECORDSET)})
        join talent_base b on b.slug = v.base join talent_programme p on p.base_id = b.id and p.name_en = v.programme
        join talent_cohort c on c.programme_id = p.id and c.ref = v.ref
        where c.reserved_seats > v.seats order by v.i`,
    );
    for (const s of stored) {
      const r = records[s.i];
      findings.add({ path: `talentCohorts[${s.i}]`, key: r.ref }, 'seats', `cannot go below the ${s.reserved} seats reserved on the stored cohort`);
    }
  },
});

/** Upserts the cohorts by (programme, ref), updating only those whose values changed. */
async function writeCohorts(records: readonly TalentCohortRecord[], tx: ImportTx): Promise<void> {
  const rows = sql`select p.id as programme_id, v.ref, ${sql.raw(COHORT_COLUMNS.map((c) => `v.${c}`).join(', '))}
      from jsonb_to_recordset(${cohortRows(records, tx.options.defaultIsSample)}) as v(${sql.raw(COHORT_RECORDSET)})
      join talent_base b on b.slug = v.base join talent_programme p on p.base_id = b.id and p.name_en = v.programme`;
  const found = await exec<{ n: number }>(tx.em, sql`select count(*)::int as n from (${rows}) x`);
  if (found[0].n !== records.length) {
    throw new Error(`talentCohorts: ${records.length - found[0].n} cohort(s) name a programme their base does not run (programme = its nameEn)`);
  }
  const set = COHORT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
  const changed = COHORT_COLUMNS.map((c) => `t.${c}`).join(', ');
  const written = await exec(
    tx.em,
    sql`insert into talent_cohort as t (programme_id, ref, ${sql.raw(COHORT_COLUMNS.join(', '))}) ${rows}
        on conflict (programme_id, ref) do update set ${sql.raw(set)}, updated_at = now()
        where (${sql.raw(changed)}) is distinct from (${sql.raw(COHORT_COLUMNS.map((c) => `excluded.${c}`).join(', '))}) returning 1`,
  );
  tx.count('talent_cohort', written.length);
}
