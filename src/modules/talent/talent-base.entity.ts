import { changeFeed } from '../../db/change-capture';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';
import { SearchableEntity, SearchIndexes } from '../../db/search-index';
import { District } from '../reference/district.entity';
import { TalentBaseKind, type TalentSpecialty } from './talent.enums';

/** A talent base of measure 14: incubation centre, practical training base or university programme. */
@changeFeed('talent-bases')
@Entity({ tableName: 'talent_base' })
@SearchIndexes('talent_base')
@Index({ name: 'talent_base_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'talent_base_district_idx', properties: ['district'] })
@Index({ name: 'talent_base_kind_idx', properties: ['kind'] })
@Index({ name: 'talent_base_specialties_gin', expression: 'create index "talent_base_specialties_gin" on "talent_base" using gin ("specialties")' })
/** Its cohorts' copies of its district and specialties follow it (talent-cohort.entity.ts). */
@Trigger({
  name: 'talent_base_to_cohorts',
  timing: 'after',
  events: ['update'],
  body: `if new.district_code is not distinct from old.district_code and new.specialties is not distinct from old.specialties then return null; end if;
    update talent_cohort c set district_code = new.district_code,
      specialties = coalesce((select nullif(p.specialties, '{}') from talent_programme p where p.id = c.programme_id), new.specialties), updated_at = now()
    where c.base_id = new.id;
    return null;`,
})
export class TalentBase extends SearchableEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'talent_base_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Enum({ items: () => TalentBaseKind })
  kind!: TalentBaseKind;

  @Property({ type: 'string', length: 200 })
  hostInstitutionZh!: string;

  @Property({ type: 'string', length: 300 })
  hostInstitutionEn!: string;

  @ManyToOne(() => District)
  district!: Rel<District>;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  specialties: TalentSpecialty[] = [];

  /** People trained per year. */
  @Property({ type: 'integer' })
  annualTrainingCapacity!: number;

  @Property({ type: 'boolean', default: true })
  isSample: boolean = true;

  @OneToMany(
    () => TalentProgramme,
    (p) => p.base,
  )
  programmes = new Collection<TalentProgramme>(this);
}

/**
 * A programme run by a talent base. Its English name is its natural key within the base (imports
 * upsert programmes by it, so a re-import keeps their IDs and the cohorts pointing at them).
 */
@Entity({ tableName: 'talent_programme' })
@Index({ name: 'talent_programme_base_idx', properties: ['base'] })
@Unique({ name: 'talent_programme_base_name_unique', properties: ['base', 'nameEn'] })
/** Its cohorts' copies of its base follow it (talent-cohort.entity.ts). */
@Trigger({
  name: 'talent_programme_to_cohorts',
  timing: 'after',
  events: ['update'],
  body: `if new.base_id = old.base_id and new.specialties is not distinct from old.specialties then return null; end if;
    update talent_cohort set base_id = new.base_id, specialties = coalesce(nullif(new.specialties, '{}'), (select b.specialties from talent_base b where b.id = new.base_id)),
      updated_at = now() where programme_id = new.id;
    return null;`,
})
export class TalentProgramme extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => TalentBase, { deleteRule: 'cascade' })
  base!: Rel<TalentBase>;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'string', length: 300 })
  nameEn!: string;

  @Property({ type: 'smallint' })
  durationWeeks!: number;

  @Property({ type: 'integer' })
  seats!: number;

  @Property({ type: 'date', nullable: true })
  nextStartOn?: string;

  /** Skills it trains, a subset of its base's; empty: all of its base's. Its cohorts copy them. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  specialties: TalentSpecialty[] = [];
}
