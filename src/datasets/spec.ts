/**
 * What a module declares about a dataset it publishes (`ModuleManifest.datasets`, in the module's
 * `<domain>.dataset.ts`): the catalogue entry at /datasets and the rows of its bulk downloads
 * (/datasets/<name>.csv, .ndjson and their .gz). A low layer: it knows no module.
 *
 * The rows are exactly what an anonymous caller of the dataset's list query sees: `from` and
 * `where` are SQL over the dataset's table with the alias `t` (joins may add other aliases), and
 * the columns never name a contact, a draft or an owner-only row. `order` is a stable order (the
 * primary key), so two downloads of one version are the same bytes.
 */

/**
 * How a column's value is written. CSV: text as is (RFC 4180 quoting), numbers and booleans as
 * PostgreSQL writes them, `decimal` exactly (never through a float), `date` as YYYY-MM-DD,
 * `datetime` ISO 8601 UTC with milliseconds (as the API's DateTime), arrays joined with `;`, NULL
 * as an empty field. NDJSON: the same, except that `int`, `float` and `bool` are JSON numbers and
 * booleans and arrays are JSON arrays; `decimal` stays a string, as in the GraphQL API.
 * `code` is text that looks like a number but is not one (credit codes, HS codes, district
 * codes): a spreadsheet must keep it as text (docs/datasets.md).
 */
export type ColumnKind = 'text' | 'code' | 'int' | 'float' | 'decimal' | 'bool' | 'date' | 'datetime' | 'text[]' | 'code[]';

export interface DatasetColumn {
  /** The GraphQL field's name (camelCase): the NDJSON key and the first half of the CSV header. */
  key: string;
  /** The column's name in Chinese (the CSV header's second half: `creditCode (统一社会信用代码)`). */
  zh: string;
  /** What the column holds, in English (the catalogue's tableSchema, docs/datasets.md). */
  en: string;
  /** The value, an SQL expression over the dataset's `from` (alias `t`). */
  sql: string;
  kind: ColumnKind;
}

/** DCAT accrualPeriodicity, as the EU frequency vocabulary names it. */
export type UpdateFrequency = 'CONT' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'ANNUAL' | 'IRREG' | 'NEVER';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface DatasetSpec {
  /** The kebab-case of the root list query that serves it (`enterprises`, `hs-codes`). */
  name: string;
  /** The GraphQL type of a row (`Enterprise`). */
  type: string;
  /**
   * The root list query (`enterprises`): the same rows, a page at a time. Absent when no root list
   * serves the rows (the enterprises' figures, read through `Enterprise.annualFigures`).
   */
  query?: string;
  title: Bilingual;
  description: Bilingual;
  keywords: { zh: string[]; en: string[] };
  frequency: UpdateFrequency;
  /** The table and its joins, aliased `t` (e.g. `enterprise t`). */
  from: string;
  /** The public rows (no drafts, nothing owner-only); `true` when every row is public. */
  where: string;
  /** A stable, total order (the primary key), e.g. `t.id`. */
  order: string;
  /** Newest change of a row (`t.updated_at`): the dataset's `modified` until the change feed keeps it. */
  updatedAt: string;
  columns: DatasetColumn[];
  /** Related datasets or documents (their names under /datasets), shown in the catalogue. */
  related?: string[];
}

/**
 * A document the catalogue describes without serving it as rows (the policy itself): its text and
 * where it lives; the datasets made from it (measures, targets) are `parts`.
 */
export interface DocumentSpec {
  name: string;
  title: Bilingual;
  description: Bilingual;
  keywords: { zh: string[]; en: string[] };
  frequency: UpdateFrequency;
  /** Datasets that hold the document's content as rows. */
  parts: string[];
  /** Where the text is published, when somewhere (an absolute URL). */
  landingPage?: string;
  /** The date it was issued (YYYY-MM-DD). */
  issued?: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const KEY = /^[a-z][A-Za-z0-9]*$/;

/** What is wrong with a list of specs (names, keys, duplicates); empty when nothing is. */
export function checkDatasets(specs: readonly DatasetSpec[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const s of specs) {
    if (!NAME.test(s.name)) problems.push(`${s.name}: a dataset name is kebab-case`);
    if (names.has(s.name)) problems.push(`${s.name}: declared twice`);
    names.add(s.name);
    if (s.columns.length === 0) problems.push(`${s.name}: no columns`);
    const keys = new Set<string>();
    for (const c of s.columns) {
      if (!KEY.test(c.key)) problems.push(`${s.name}.${c.key}: a column key is camelCase`);
      if (keys.has(c.key)) problems.push(`${s.name}.${c.key}: declared twice`);
      if (/contact/i.test(c.key) || /contact_/i.test(c.sql)) problems.push(`${s.name}.${c.key}: contacts are never public`);
      if (!c.zh || !c.en) problems.push(`${s.name}.${c.key}: a column needs its Chinese and English names`);
      keys.add(c.key);
    }
    for (const t of [s.title, s.description]) if (!t.zh || !t.en) problems.push(`${s.name}: title and description in Chinese and English`);
  }
  return problems;
}

/** snake_case of a camelCase key: the column of `t` a key names by default. */
const snake = (key: string) => key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** A column; its SQL defaults to the column of `t` named as the key in snake_case (`nameZh` → `t.name_zh`). */
export function column(key: string, zh: string, en: string, kind: ColumnKind = 'text', expr?: string): DatasetColumn {
  return { key, zh, en, sql: expr ?? `t.${snake(key)}`, kind };
}

/** The global ID the GraphQL API gives a record of `type` (`id` of node queries), as `globalIdSql` writes it. */
export function idColumn(globalIdSql: string, key = 'id', zh = '标识', en = 'Global ID of the record, as the GraphQL API gives it'): DatasetColumn {
  return { key, zh, en, sql: globalIdSql, kind: 'text' };
}

/** What most datasets end with: whether the row is sample data, and when it last changed. */
export const SAMPLE_AND_UPDATED: DatasetColumn[] = [
  column('isSample', '示例数据', 'Whether the record is fictitious sample data', 'bool'),
  column('updatedAt', '更新时间', 'When the record last changed (ISO 8601, UTC)', 'datetime'),
];
export const UPDATED: DatasetColumn[] = [SAMPLE_AND_UPDATED[1]];
