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
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';
import { noErrors, pin } from './helpers/hand';

const HS_CODE = /* GraphQL */ `
  query HsCode($code: String!) {
    hsCode(code: $code) {
      id code dotted heading descriptionEn descriptionZh description en: description(lang: EN)
      chapter { id code section nameZh nameEn name en: name(lang: EN) }
    }
  }`;
const HS_CODES = /* GraphQL */ `
  query HsCodes($filter: HsCodeFilter, $first: Int, $after: String) {
    hsCodes(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { code chapter { code } }
    }
  }`;
const HS_CHAPTERS = /* GraphQL */ `
  query { hsChapters(first: 100) { totalCount nodes { code section nameZh } } }`;
const NODE = /* GraphQL */ `query($id: ID!) { node(id: $id) { id ... on HsCode { code } ... on HsChapter { code nameZh } } }`;

/** The error of a refused request: message, code and argument. */
function refusal(res: GraphQLResponse): [string, string, string] {
  expect(res.errors).toHaveLength(1);
  const [e] = res.errors!;
  return [e.message, e.extensions?.code, e.extensions?.argument];
}

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

  describe('GraphQL: hsCode, hsCodes, hsChapters', () => {
    const MOTO =
      'Motorcycles (including mopeds) and cycles; fitted with an auxiliary motor, internal combustion piston engine, of cylinder capacity exceeding 50cc but not exceeding 250cc, with or without side-cars; side-cars';
    const page = async (filter: Record<string, unknown>, more: Record<string, unknown> = {}) =>
      noErrors('hsCodes answers', await s.gql<any>(HS_CODES, { filter, ...more })).hsCodes;
    const codes = (p: any) => p.nodes.map((n: any) => n.code);

    it('hsCode: one subheading by its code as typed, with its chapter; the description falls back to English', async () => {
      for (const typed of ['871120', '8711.20', ' 8711 20 ']) {
        const { hsCode } = noErrors(`hsCode(${typed}) answers`, await s.gql<any>(HS_CODE, { code: typed }));
        pin(
          `hsCode(${JSON.stringify(typed)})`,
          { ...hsCode, id: undefined, chapter: { ...hsCode.chapter, id: undefined } },
          {
            id: undefined,
            code: '871120',
            dotted: '8711.20',
            heading: '8711',
            descriptionEn: MOTO,
            descriptionZh: null,
            description: MOTO,
            en: MOTO,
            chapter: {
              id: undefined,
              code: '87',
              section: 'XVII',
              nameZh: '车辆及其零件、附件，但铁道及电车道车辆除外',
              nameEn: 'Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof',
              name: '车辆及其零件、附件，但铁道及电车道车辆除外',
              en: 'Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof',
            },
          },
        );
      }
      const { hsCode } = noErrors('hsCode answers', await s.gql<any>(HS_CODE, { code: '871120' }));
      const byId = noErrors('node answers', await s.gql<any>(NODE, { id: hsCode.id }));
      pin('node(id) finds the subheading', byId.node, { id: hsCode.id, code: '871120' });
      const chapter = noErrors('node answers', await s.gql<any>(NODE, { id: hsCode.chapter.id }));
      pin('node(id) finds the chapter', chapter.node, { id: hsCode.chapter.id, code: '87', nameZh: '车辆及其零件、附件，但铁道及电车道车辆除外' });
    });

    it('hsCode: null for a well-formed code HS 2022 does not have; BAD_USER_INPUT for a malformed or national one', async () => {
      pin('an unknown subheading', noErrors('hsCode answers', await s.gql<any>(HS_CODE, { code: '8711.99' })).hsCode, null);
      pin('a Chinese 10-digit code', refusal(await s.gql(HS_CODE, { code: '8711201000' })), [
        '"8711201000" is a national tariff code (10 digits): give its first six digits, the HS subheading (871120)',
        'BAD_USER_INPUT',
        'code',
      ]);
      pin('a heading', refusal(await s.gql(HS_CODE, { code: '87.11' })), [
        '"87.11" is an HS heading: give a six-digit subheading of it (8711xx)',
        'BAD_USER_INPUT',
        'code',
      ]);
    });

    it('hsCodes by heading and by chapter, in code order, paged by cursor, in one statement each', async () => {
      const heading = await page({ heading: '87.11' });
      pin('heading 8711', [codes(heading), heading.totalCount], [['871110', '871120', '871130', '871140', '871150', '871160', '871190'], 7]);
      // The known headings are read once and kept (an unknown heading is refused): the page alone after that.
      await page({ heading: '87.11' });
      expect(s.lastStatements()).toBe(1);
      const first = await page({ chapter: '87' }, { first: 7 });
      pin(
        'chapter 87, first page',
        [codes(first), first.totalCount, first.pageInfo.hasNextPage],
        [['870110', '870121', '870122', '870123', '870124', '870129', '870130'], 98, true],
      );
      const next = await page({ chapter: '87' }, { first: 3, after: first.pageInfo.endCursor });
      pin('chapter 87, next page', codes(next), ['870191', '870192', '870193']);
      pin('every row of the chapter is in it', new Set(next.nodes.map((n: any) => n.chapter.code)), new Set(['87']));
      pin('heading and chapter together', codes(await page({ chapter: '87', heading: '9503' })), []);
    });

    it('hsCodes search: every word, in the description or the chapter’s names (Chinese too); digits match the start of the code', async () => {
      pin('two English words', codes(await page({ search: 'Motorcycles 250CC' })), ['871120', '871130']);
      const clocks = await page({ search: 'clock' }, { first: 100 });
      pin('a word of a chapter’s English name: chapter 91, plus descriptions that say it', clocks.totalCount, 48 + 4);
      pin(
        'the other four',
        codes(clocks).filter((c: string) => !c.startsWith('91')),
        ['701590', '852792', '852799', '854231'],
      );
      const zh = await page({ search: '钟表' }, { first: 100 });
      pin('a Chinese chapter name', [zh.totalCount, new Set(zh.nodes.map((n: any) => n.chapter.code))], [48, new Set(['91'])]);
      pin('digits and a word', codes(await page({ search: '87.11 n.e.c.' })), ['871190']);
      // LIKE's wildcards are plain characters: no description has an underscore, 298 of them a percent sign.
      pin('no _ wildcard', (await page({ search: '_' })).totalCount, 0);
      pin('no % wildcard', (await page({ search: '%' })).totalCount, 298);
    });

    it('hsCodes refuses malformed filters with BAD_USER_INPUT naming them', async () => {
      pin('a one-digit chapter', refusal(await s.gql(HS_CODES, { filter: { chapter: '8' } })), [
        '"8" is not an HS chapter (two digits, 01–97, e.g. 87)',
        'BAD_USER_INPUT',
        'filter.chapter',
      ]);
      pin('a chapter for national use', refusal(await s.gql(HS_CODES, { filter: { chapter: '98' } }))[2], 'filter.chapter');
      pin('a six-digit heading', refusal(await s.gql(HS_CODES, { filter: { heading: '871120' } })), [
        '"871120" is not an HS heading (four digits, e.g. 8711)',
        'BAD_USER_INPUT',
        'filter.heading',
      ]);
      pin('a long search', refusal(await s.gql(HS_CODES, { filter: { search: 'x'.repeat(101) } })), [
        '`search` may have at most 100 characters (got 101)',
        'BAD_USER_INPUT',
        'filter.search',
      ]);
      pin('many words', refusal(await s.gql(HS_CODES, { filter: { search: 'a b c d e f g h i j k' } })), [
        '`search` may have at most 10 words (got 11)',
        'BAD_USER_INPUT',
        'filter.search',
      ]);
    });

    it('hsChapters: the 97 chapters, 77 reserved', async () => {
      const { hsChapters } = noErrors('hsChapters answers', await s.gql<any>(HS_CHAPTERS));
      pin('count', [hsChapters.totalCount, hsChapters.nodes.length], [97, 97]);
      pin('chapter 77', hsChapters.nodes[76], { code: '77', section: 'XV', nameZh: '（保留为税则将来所用）' });
      pin('chapter 97', hsChapters.nodes[96], { code: '97', section: 'XXI', nameZh: '艺术品、收藏品及古物' });
    });
  });
});
