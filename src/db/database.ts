import pg from 'pg';

/**
 * Database-level helpers that run outside the ORM: creating a database with the right encoding,
 * checking the server, dropping test databases.
 */

/** Databases are created UTF-8 with a UTF-8 ctype: under LC_CTYPE=C, Chinese has no trigrams. */
export const CREATE_DATABASE_OPTIONS = `template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`;

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('The database URL names no database (…/dbname)');
  return name;
}

/** The same server, another database (the `postgres` maintenance database by default). */
export function withDatabase(url: string, name = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates the database named in `url` when it does not exist. An existing database whose ctype is
 * not UTF-8 is reported, since Chinese search would silently find nothing there.
 */
export async function ensureDatabase(url: string): Promise<{ created: boolean; warning?: string }> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url) });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datctype: string }>('select datctype from pg_database where datname = $1', [name]);
    if (rows.length === 0) {
      try {
        await admin.query(`create database ${quoteIdent(name)} ${CREATE_DATABASE_OPTIONS}`);
      } catch (e) {
        // Processes starting together race to create it; the losers find it there (42P04, or 23505
        // from the catalogue's unique index when the creations overlap).
        const code = (e as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw e;
      }
      return { created: true };
    }
    const ctype = rows[0].datctype;
    if (!/utf-?8/i.test(ctype)) {
      return {
        created: false,
        warning: `database "${name}" has LC_CTYPE ${ctype}; Chinese name search needs a UTF-8 ctype (recreate it with ${CREATE_DATABASE_OPTIONS})`,
      };
    }
    return { created: false };
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url) });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Runs `work` holding a PostgreSQL session advisory lock named `name` on the database at `url`
 * (its own connection, so the ORM's pool is free to do the work): concurrent callers, in any
 * process, run one after the other. The lock ends with the session, so a crash cannot leave it held.
 */
export async function withAdvisoryLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'cbec-api-lock' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    return await work();
  } finally {
    await client.end();
  }
}
