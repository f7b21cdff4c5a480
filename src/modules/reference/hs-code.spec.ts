import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { hsChapters, hsSubheadings } from '../../../seeds/data';
import { validateDataset } from '../../import/validate';
import { hsCodeArg, normalizeHsCode } from './hs-code';
import { hsChaptersImport, hsSubheadingsImport } from './reference.import';

describe('normalizeHsCode', () => {
  it.each([
    ['871120', '871120'],
    ['8711.20', '871120'],
    ['8711 20', '871120'],
    [' 87.11.20 ', '871120'],
    ['８７１１．２０', '871120'], // full-width, as a Chinese input method types it
    ['010121', '010121'],
  ])('takes %j as %s', (input, code) => {
    expect(normalizeHsCode(input)).toEqual({ code });
  });

  it.each([
    ['8711201000', 'is a national tariff code (10 digits): give its first six digits, the HS subheading (871120)'],
    ['8711.2010', 'is a national tariff code (8 digits): give its first six digits, the HS subheading (871120)'],
    ['8711', 'is an HS heading: give a six-digit subheading of it (8711xx)'],
    ['87', 'is an HS chapter: give a six-digit subheading of it (87xxxx)'],
    ['87112', 'is not an HS code: six digits, e.g. 871120 or 8711.20 (5 digits given)'],
    ['8711-20', 'is not an HS code: six digits, e.g. 871120 or 8711.20'],
    ['HS871120', 'is not an HS code: six digits, e.g. 871120 or 8711.20'],
    ['-871120', 'is not an HS code: six digits, e.g. 871120 or 8711.20'],
  ])('refuses %j', (input, problem) => {
    expect(normalizeHsCode(input)).toEqual({ problem: `${JSON.stringify(input)} ${problem}` });
  });

  it('refuses an empty code, and quotes no more than 40 characters of a long one', () => {
    expect(normalizeHsCode(' . ')).toEqual({ problem: 'is empty: give the six digits of an HS 2022 subheading, e.g. 871120' });
    const long = 'x'.repeat(500);
    expect(normalizeHsCode(long)).toEqual({ problem: `"${'x'.repeat(40)}…" is not an HS code: six digits, e.g. 871120 or 8711.20` });
  });

  it('hsCodeArg: the code, or BAD_USER_INPUT naming the argument', () => {
    expect(hsCodeArg('8711.20', 'input.hsCode')).toBe('871120');
    let error: unknown;
    try {
      hsCodeArg('87112010', 'input.hsCode');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.hsCode' });
    expect((error as GraphQLError).message).toBe('"87112010" is a national tariff code (8 digits): give its first six digits, the HS subheading (871120)');
  });
});

describe('the HS 2022 seed data', () => {
  it('passes its import units’ checks: 97 chapters (77 reserved, without subheadings), 5,612 subheadings', async () => {
    const subheadings = hsSubheadings();
    expect(await validateDataset([hsChaptersImport, hsSubheadingsImport], { hsChapters, hsSubheadings: subheadings })).toEqual([]);
    expect(hsChapters.map((c) => c.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(subheadings).toHaveLength(5612);
    const used = new Set(subheadings.map((s) => s.code.slice(0, 2)));
    expect(hsChapters.filter((c) => !used.has(c.code)).map((c) => c.code)).toEqual(['77']);
    expect(subheadings.find((s) => s.code === '871120')).toEqual({
      code: '871120',
      descriptionEn:
        'Motorcycles (including mopeds) and cycles; fitted with an auxiliary motor, internal combustion piston engine, of cylinder capacity exceeding 50cc but not exceeding 250cc, with or without side-cars; side-cars',
    });
    expect(hsChapters.find((c) => c.code === '87')).toEqual({
      code: '87',
      section: 'XVII',
      nameZh: '车辆及其零件、附件，但铁道及电车道车辆除外',
      nameEn: 'Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof',
    });
  });

  it('refuses bad rows, each at its path: code format, unknown chapter, duplicates, section', async () => {
    const issues = await validateDataset([hsChaptersImport, hsSubheadingsImport], {
      hsChapters: [
        { code: '87', section: 'XVII', nameZh: '车辆', nameEn: 'Vehicles' },
        { code: '98', section: 'XXII', nameZh: '国家用', nameEn: 'National use' },
      ],
      hsSubheadings: [
        { code: '871120', descriptionEn: 'Motorcycles' },
        { code: '8711.30', descriptionEn: 'Motorcycles, larger' },
        { code: '87113010', descriptionEn: 'A national code' },
        { code: '871120', descriptionEn: 'Again' },
        { code: '010121', descriptionEn: 'Horses' },
      ],
    });
    expect(issues.map((i) => [i.path, i.field, i.message])).toEqual([
      ['hsChapters[1]', 'code', '"98" is not an HS chapter (two digits, 01–97)'],
      ['hsChapters[1]', 'section', '"XXII" is not an HS section (a Roman numeral, I–XXI)'],
      ['hsSubheadings[1]', 'code', 'write "8711.30" as 871130 (six digits, no dots or spaces)'],
      ['hsSubheadings[2]', 'code', '"87113010" is a national tariff code (8 digits): give its first six digits, the HS subheading (871130)'],
      ['hsSubheadings[3]', 'code', 'duplicate HS subheading "871120" (first at hsSubheadings[0])'],
      ['hsSubheadings[4]', 'code', 'unknown HS chapter "01" (neither in this dataset nor in the database)'],
    ]);
  });
});
