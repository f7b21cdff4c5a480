import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../src/orm';
import { testDatabase } from './helpers/db';

const tables = async (orm: MikroORM) =>
  (
    await orm.em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'`,
      )
  )[0].n;

describe('migrations', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await testDatabase(__filename, { empty: true });
    orm = await MikroORM.init(ormConfig(db.url));
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('go up, match the entities exactly, go down to nothing and up again', async () => {
    // given an empty database
    expect(await tables(orm)).toBe(0);

    // when every migration is applied
    await orm.migrator.up();

    // then the schema matches the entities: no diff left for a new migration
    expect(await tables(orm)).toBeGreaterThanOrEqual(20);
    expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');

    // and the search functions exist and split Chinese into bigrams
    const [row] = await orm.em.getConnection().execute<{ b: string[] }[]>(`select cbec_bigrams(cbec_search_text('重庆市', 'Chongqing')) as b`);
    expect(row.b).toEqual(expect.arrayContaining(['重庆', '庆市', 'ch', 'ng']));

    // when every migration is reverted
    await orm.migrator.down({ to: 0 });
    // then no table is left
    expect(await tables(orm)).toBe(0);

    // and they apply again cleanly
    await orm.migrator.up();
    expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });
});
