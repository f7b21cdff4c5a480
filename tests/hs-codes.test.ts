/**
 * The Harmonized System (HS 2022) reference data (issue 14, point 1: a fair listing's HS code is
 * six digits of the international nomenclature, shown with its chapter): the seeded chapters and
 * subheadings, their import units, and the check other modules call (hs-code.ts).
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { importDataset } from '../src/composition';
import { queryableOf } from '../src/db/write';
import { ImportValidationError, type Dataset, type ImportIssue } from '../src/import';
import { checkHsCode, checkHsCodes } from '../src/modules/reference/hs-code';
import { ormConfig } from '../src/orm';
import { hsChapters, hsSubheadings } from '../seeds/data';
import { startTestServer, type TestServer } from './helpers/server';
import { pin } from './helpers/hand';

describe('HS 2022 codes', () => {
  let s: TestServer;
  let orm: MikroORM;

  beforeAll(async () => {
    s = await startTestServer(__filename);
    orm = await MikroORM.init(ormConfig(s.databaseUrl));
  });
  afterAll(async () => {
    await orm.close(true);
    await s.close();
  });

  const rows = <T>(text: string, values: unknown[] = []) => queryableOf(orm.em.fork()).query<T>(text, values);
  const refused = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(GraphQLError);
    return [(e as GraphQLError).message, (e as GraphQLError).extensions];
  };

  describe('the seeded nomenclature', () => {
    it('has the 97 chapters (77 reserved, without subheadings) and the 5,612 subheadings, each under its chapter and heading', async () => {
      const [c] = await rows<{ chapters: number; subheadings: number; misplaced: number; empty: string[] }>(
        `select (select count(*)::int from hs_chapter) as chapters,
                (select count(*)::int from hs_subheading) as subheadings,
                (select count(*)::int from hs_subheading where chapter_code <> left(code, 2) or heading <> left(code, 4)) as misplaced,
                (select array_agg(code order by code) from hs_chapter h where not exists (select 1 from hs_subheading s where s.chapter_code = h.code)) as empty`,
      );
      pin('the nomenclature as seeded', c, { chapters: 97, subheadings: 5612, misplaced: 0, empty: ['77'] });
      const [moto] = await rows(
        `select s.code, s.heading, s.description_zh, h.code as chapter, h.section, h.name_zh from hs_subheading s join hs_chapter h on h.code = s.chapter_code where s.code = '871120'`,
      );
      pin('a motorcycle subheading with its chapter', moto, {
        code: '871120',
        heading: '8711',
        description_zh: null,
        chapter: '87',
        section: 'XVII',
        name_zh: '车辆及其零件、附件，但铁道及电车道车辆除外',
      });
    });
  });

  describe('checkHsCodes / checkHsCode', () => {
    it('gives the six digits of codes in the nomenclature, in the order given, whichever way they are written', async () => {
      const db = queryableOf(orm.em.fork());
      pin('three forms of known codes', await checkHsCodes(db, ['8711.20', '010121', '8711 20'], 'input.hsCodes'), ['871120', '010121', '871120']);
      pin('one code', await checkHsCode(db, '9503.00', 'input.hsCode'), '950300');
      pin('no code', await checkHsCode(db, null, 'input.hsCode'), null);
      pin('no codes', await checkHsCodes(db, [], 'input.hsCodes'), []);
    });

    it('refuses a code not in HS 2022, and a malformed one, with BAD_USER_INPUT naming the field', async () => {
      const db = queryableOf(orm.em.fork());
      pin('a well-formed code that is no subheading', await refused(checkHsCode(db, '8711.99', 'input.hsCode')), [
        '8711.99 is not an HS 2022 subheading (the hsCodes query lists them)',
        { code: 'BAD_USER_INPUT', argument: 'input.hsCode' },
      ]);
      pin('the first unknown of several', await refused(checkHsCodes(db, ['871120', '999999', '871199'], 'hsCodes')), [
        '999999 is not an HS 2022 subheading (the hsCodes query lists them)',
        { code: 'BAD_USER_INPUT', argument: 'hsCodes' },
      ]);
      pin('a national (Chinese, 10-digit) code', await refused(checkHsCode(db, '8711201000', 'input.hsCode')), [
        '"8711201000" is a national tariff code (10 digits): give its first six digits, the HS subheading (871120)',
        { code: 'BAD_USER_INPUT', argument: 'input.hsCode' },
      ]);
    });
  });

  describe('import units hsChapters and hsSubheadings', () => {
    const issuesOf = async (ds: Dataset) => {
      const error = await importDataset(orm.em.fork(), ds).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportValidationError);
      return (error as ImportValidationError).issues.map((i: ImportIssue) => [i.path, i.key, i.field, i.message]);
    };

    it('refuses a bad row at its path, against the stored chapters, and writes nothing', async () => {
      pin(
        'the problems',
        await issuesOf({
          hsSubheadings: [
            { code: '871120', descriptionEn: 'Motorcycles, edited' },
            { code: '8711.30', descriptionEn: 'Motorcycles, larger' },
            { code: '980100', descriptionEn: 'A national chapter' },
            { code: '871190', descriptionEn: '' },
          ],
        }),
        [
          ['hsSubheadings[1]', '8711.30', 'code', 'write "8711.30" as 871130 (six digits, no dots or spaces)'],
          ['hsSubheadings[2]', '980100', 'code', 'unknown HS chapter "98" (neither in this dataset nor in the database)'],
          ['hsSubheadings[3]', '871190', 'descriptionEn', 'must not be empty'],
        ],
      );
      const [moto] = await rows<{ description_en: string }>(`select description_en from hs_subheading where code = '871120'`);
      expect(moto.description_en).toMatch(/^Motorcycles \(including mopeds\)/);
    });

    it('writes by code: the seed again changes nothing; a changed description and a Chinese one are updated', async () => {
      const again = await importDataset(orm.em.fork(), { hsChapters, hsSubheadings: hsSubheadings() });
      pin('nothing changed', again.counts, { hs_chapter: 0, hs_subheading: 0 });
      const changed = await importDataset(orm.em.fork(), {
        hsSubheadings: [
          { code: '950300', descriptionEn: 'Toys; tricycles, scooters, pedal cars, dolls, puzzles', descriptionZh: '三轮车、踏板车、玩偶及其他玩具' },
        ],
      });
      pin('one row changed', changed.counts, { hs_subheading: 1 });
      const [toy] = await rows(`select chapter_code, heading, description_en, description_zh from hs_subheading where code = '950300'`);
      pin('the row as written', toy, {
        chapter_code: '95',
        heading: '9503',
        description_en: 'Toys; tricycles, scooters, pedal cars, dolls, puzzles',
        description_zh: '三轮车、踏板车、玩偶及其他玩具',
      });
    });
  });
});
