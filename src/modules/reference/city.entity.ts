import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';

/**
 * A city's centre point (城市中心点): where `near: { city }` measures from (geo.ts resolveNear).
 * Reference data, seeded through the import path (`cities`, seeds/data/cities.ts says where the
 * points come from). One row per (country, English name, case-insensitive); `aliases` are other
 * names of the same city (its name in the local language, e.g. Warszawa, Praha), not its districts.
 */
@Entity({ tableName: 'city' })
@Index({ name: 'city_country_name_en_unique', expression: 'create unique index "city_country_name_en_unique" on "city" ("country_code", lower("name_en"))' })
@Index({ name: 'city_updated_at_idx', properties: ['updatedAt'] })
export class City extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The import's natural key: `<country code>-<English name>`, lower case, e.g. `us-los-angeles`. */
  @Unique({ name: 'city_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  /** ISO 3166-1 alpha-2; not a reference to `country`, which lists trading partners only (no CN). */
  @Property({ type: 'string', length: 2 })
  countryCode!: string;

  @Property({ type: 'string', length: 64 })
  nameZh!: string;

  @Property({ type: 'string', length: 128 })
  nameEn!: string;

  /** Other names of the city (local-language names), each matched as `name` is. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  aliases: string[] = [];

  /** WGS 84 degrees. */
  @Property({ type: 'double' })
  latitude!: number;

  @Property({ type: 'double' })
  longitude!: number;

  /** Where the point comes from. */
  @Property({ type: 'string', length: 300 })
  source!: string;
}
