import type { ClassType } from 'type-graphql';

/**
 * A kind of object name search covers, declared by the module that owns the type (its manifest's
 * `search`), so the search module knows no domain: it is handed every module's kinds
 * (src/composition.ts). It lives here, below the modules, because both sides use it.
 *
 * The table searched and the key a hit is fetched by are the type's own (`@SqlObject` and its node
 * key), read from the schema's SQL registry, so they cannot disagree with what `node(id:)` serves.
 * The table must carry the name search indexes (src/db/search-index.ts).
 */
export interface SearchKindSpec {
  /** The SearchKind enum value, e.g. `OVERSEAS_WAREHOUSE`: clients filter by it and read it back. */
  kind: string;
  /** The GraphQL object type found: a Node type with `nameZh` and `nameEn`, a member of SearchNode. */
  type: ClassType;
  /** The enum value's description, both languages, e.g. `海外仓 — OverseasWarehouse`. */
  description: string;
}
