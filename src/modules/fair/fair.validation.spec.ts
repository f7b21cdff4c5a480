import { checkListingFields, Problems, type ListingFields } from './fair.validation';

const listing = (over: Partial<ListingFields> = {}): Partial<ListingFields> => ({
  kind: 'OFFER',
  nameZh: '150cc 跨骑摩托车',
  nameEn: '150cc street motorcycle',
  descriptionZh: '风冷单缸，欧五排放。',
  descriptionEn: 'Air-cooled single cylinder, Euro 5.',
  category: 'motorcycles-and-parts',
  ...over,
});

/** The problems of one input, as [field path, message]. */
function problems(input: Partial<ListingFields>, base: string[] = ['input']): [string, string][] {
  const p = new Problems();
  checkListingFields(input, p, base);
  return p.list.map((e) => [e.field!.join('.'), e.message]);
}

describe('fair listing checks', () => {
  it('accepts a full listing and returns it normalised: text trimmed, codes upper-case, the HS code as six digits', () => {
    // given a listing with every field, written loosely
    const p = new Problems();
    const out = checkListingFields(
      listing({
        nameZh: '  150cc 跨骑摩托车 ',
        descriptionEn: 'Air-cooled single cylinder.\nEuro 5.',
        hsCode: '8711.20',
        minQuantity: '50',
        quantityUnit: 'PIECE',
        priceRange: { min: '620', max: '780.5', currency: 'usd' },
        leadTimeDays: 30,
        targetMarkets: ['ph', 'VN'],
        certifications: ['E_MARK', 'DOT'],
        imageUrls: ['https://img.example.com/a.jpg'],
        keywords: [' CG150 ', '骑士'],
        belt: 'auto-motorcycle-parts-belt',
      }),
      p,
    );
    // then nothing is wrong and the values are as stored
    expect(p.list).toEqual([]);
    expect(out).toMatchObject({
      nameZh: '150cc 跨骑摩托车',
      descriptionEn: 'Air-cooled single cylinder.\nEuro 5.',
      hsCode: '871120',
      minQuantity: '50',
      priceRange: { min: '620', max: '780.5', currency: 'USD' },
      targetMarkets: ['PH', 'VN'],
      keywords: ['CG150', '骑士'],
    });
  });

  it('checks only what an update gives', () => {
    expect(problems({ leadTimeDays: 10 })).toEqual([]);
    expect(problems({ nameEn: '   ' })).toEqual([['input.nameEn', 'nameEn must be 1–300 characters']]);
  });

  it('titles and descriptions: not empty, bounded in characters, no control characters (descriptions may have line breaks)', () => {
    expect(
      problems(listing({ nameZh: '摩'.repeat(201), nameEn: 'a\tb', descriptionZh: '', descriptionEn: `${'x'.repeat(8000)}\n`, category: 'Motorcycles' })),
    ).toEqual([
      ['input.nameZh', 'nameZh must be at most 200 characters (got 201)'],
      ['input.nameEn', expect.stringMatching(/^nameEn contains the control character U\+0009/)],
      ['input.descriptionZh', 'descriptionZh must be 1–4000 characters'],
      ['input.category', expect.stringMatching(/^"Motorcycles" is not a product category slug/)],
    ]);
    expect(problems(listing({ descriptionZh: 'a\u0000b' }))).toEqual([
      ['input.descriptionZh', expect.stringMatching(/^descriptionZh contains the control character U\+0000; text may hold tabs and line breaks/)],
    ]);
    expect(problems(listing({ descriptionEn: 'x'.repeat(8001) }))).toEqual([
      ['input.descriptionEn', 'descriptionEn must be at most 8000 characters (got 8001)'],
    ]);
  });

  it('quantities: more than 0, at most 1e9, two decimals; prices: 0 or more, at most 1e9, four decimals, min ≤ max, a currency in circulation', () => {
    expect(
      problems({
        minQuantity: '0',
        priceRange: { min: '10.12345', max: '1000000000.0001', currency: 'XYZ' },
      }),
    ).toEqual([
      ['input.minQuantity', 'minQuantity must be more than 0 (got 0)'],
      ['input.priceRange.currency', '"XYZ" is not a currency in circulation (ISO 4217), e.g. USD, EUR, CNY'],
      ['input.priceRange.min', 'min must have at most 10 digits before the point and 4 after (got 10.12345)'],
      ['input.priceRange.max', 'max must be at most 1000000000 (got 1000000000.0001)'],
    ]);
    expect(problems({ minQuantity: '1.005', priceRange: { min: '-1', currency: 'USD' } })).toEqual([
      ['input.minQuantity', 'minQuantity must have at most 12 digits before the point and 2 after (got 1.005)'],
      ['input.priceRange.min', 'min must be 0 or more (got -1)'],
    ]);
    expect(problems({ minQuantity: '1000000000.01', priceRange: { min: '9', max: '8.5', currency: 'EUR' } })).toEqual([
      ['input.minQuantity', 'minQuantity must be at most 1000000000 (got 1000000000.01)'],
      ['input.priceRange.max', 'max (8.5) must not be below min (9)'],
    ]);
    expect(problems({ priceRange: { currency: 'USD' } })).toEqual([['input.priceRange', 'Give min, max or both']]);
    expect(problems({ minQuantity: '1000000000', priceRange: { min: '0', max: '1000000000', currency: 'CNY' } })).toEqual([]);
  });

  it('lead time 0–365 whole days', () => {
    expect(problems({ leadTimeDays: 366 })).toEqual([['input.leadTimeDays', 'leadTimeDays must be a whole number from 0 to 365 (got 366)']]);
    expect(problems({ leadTimeDays: 1.5 })).toHaveLength(1);
    expect(problems({ leadTimeDays: 0 })).toEqual([]);
  });

  it('HS codes: six digits, dotted or spaced; chapters, headings and national codes refused with what to give', () => {
    expect(problems({ hsCode: '8711 20' })).toEqual([]);
    expect(problems({ hsCode: '87112010' })).toEqual([['input.hsCode', expect.stringMatching(/national tariff code .*\(871120\)/)]]);
    expect(problems({ hsCode: '8711' })).toEqual([['input.hsCode', expect.stringMatching(/HS heading/)]]);
    expect(problems({ hsCode: 'abc' })).toEqual([['input.hsCode', expect.stringMatching(/not an HS code/)]]);
  });

  it('target markets: at most 60 assigned ISO 3166-1 alpha-2 codes, each once, at each entry’s path', () => {
    expect(problems({ targetMarkets: ['DE', 'Germany', 'XX', 'de'] })).toEqual([
      ['input.targetMarkets.1', '"Germany" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE)'],
      ['input.targetMarkets.2', '"XX" is not an assigned ISO 3166-1 alpha-2 code'],
      ['input.targetMarkets.3', '"DE" is listed twice (first at 0)'],
    ]);
    expect(problems({ targetMarkets: Array(61).fill('DE') })[0]).toEqual(['input.targetMarkets', 'Give at most 60 target markets (got 61)']);
  });

  it('certifications: ProductCertification values, each once', () => {
    expect(problems({ certifications: ['CE', 'ISO9001' as never, 'CE'] })).toEqual([
      ['input.certifications.1', expect.stringMatching(/^"ISO9001" is not a ProductCertification \(one of: CE, UKCA/)],
      ['input.certifications.2', '"CE" is listed twice (first at 0)'],
    ]);
  });

  it('image URLs: at most 10 https URLs of at most 500 characters, without credentials', () => {
    expect(
      problems({
        imageUrls: [
          'https://img.example.com/a.jpg',
          'http://img.example.com/b.jpg',
          'https://user:pw@img.example.com/c.jpg',
          'https://localhost/d.jpg',
          `https://img.example.com/${'e'.repeat(480)}`,
          'not a url',
        ],
      }),
    ).toEqual([
      ['input.imageUrls.1', expect.stringMatching(/is not an https URL/)],
      ['input.imageUrls.2', expect.stringMatching(/is not an https URL/)],
      ['input.imageUrls.3', expect.stringMatching(/is not an https URL/)],
      ['input.imageUrls.4', 'An image URL must be at most 500 characters (got 504)'],
      ['input.imageUrls.5', expect.stringMatching(/is not an https URL/)],
    ]);
    expect(problems({ imageUrls: Array.from({ length: 11 }, (_, i) => `https://img.example.com/${i}.jpg`) })).toEqual([
      ['input.imageUrls', 'Give at most 10 image URLs (got 11)'],
    ]);
  });

  it('keywords: at most 20, each one line of 1–40 characters, each once whatever the case', () => {
    expect(problems({ keywords: ['CG150', 'x'.repeat(41), 'cg150', ' ', 'a\nb'] })).toEqual([
      ['input.keywords.1', 'A keyword must be at most 40 characters (got 41)'],
      ['input.keywords.2', '"cg150" is listed twice (first at 0)'],
      ['input.keywords.3', 'A keyword must be 1–40 characters'],
      ['input.keywords.4', expect.stringMatching(/^A keyword contains the control character U\+000A/)],
    ]);
    expect(problems({ keywords: Array.from({ length: 21 }, (_, i) => `k${i}`) })).toEqual([['input.keywords', 'Give at most 20 keywords (got 21)']]);
  });

  it('kind and unit: the enums’ values', () => {
    expect(problems({ kind: 'SALE' as never, quantityUnit: 'DOZEN' as never })).toEqual([
      ['input.kind', '"SALE" is not a ListingKind (OFFER or REQUEST)'],
      ['input.quantityUnit', expect.stringMatching(/^"DOZEN" is not an OrderUnit/)],
    ]);
  });
});
