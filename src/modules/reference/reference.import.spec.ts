import 'reflect-metadata';
import { validateDataset } from '../../import/validate';
import { districtsImport } from './reference.import';

describe('reference import: the API’s bounds', () => {
  it('text: no control characters; notes may have line breaks, names not', async () => {
    const issues = await validateDataset([districtsImport], {
      districts: [{ code: '500103', nameZh: '渝中\u0000区', nameEn: 'Yuzhong\nDistrict', kind: 'DISTRICT', changeNote: 'line one\nline two\ttabbed' }],
    });
    expect(issues.map((i) => [i.field, i.message.replace(/;.*/, '')])).toEqual([
      ['nameZh', 'contains the control character U+0000'],
      ['nameEn', 'contains the control character U+000A'],
    ]);
  });
});

describe('reference import: a district’s confidence and sources', () => {
  const base = { code: '500157', nameZh: '两江新区', nameEn: 'Liangjiang New Area', kind: 'DISTRICT' };
  const problems = async (d: Record<string, unknown>) =>
    (await validateDataset([districtsImport], { districts: [{ ...base, ...d }] })).map((i) => [i.field, i.message.replace(/;.*/, '')]);

  it('takes a division with its dates, how far they are confirmed and its sources', async () => {
    expect(
      await problems({
        validFrom: '2026-01-01',
        confidence: 'SINGLE_SOURCE',
        validityConfidence: 'VERIFIED',
        sources: [
          { title: 'one third-party source', note: 'the code only' },
          { title: 'an approval', url: 'https://example.org/a' },
        ],
      }),
    ).toEqual([]);
  });

  it('asks how far dates are confirmed when there are dates, and refuses it without them', async () => {
    expect(await problems({ validFrom: '2026-01-01', sources: [{ title: 's' }] })).toEqual([
      ['validityConfidence', 'is required with validFrom or validTo (how far the dates are confirmed)'],
    ]);
    expect(await problems({ validityConfidence: 'VERIFIED' })).toEqual([['validityConfidence', 'is given without validFrom or validTo']]);
  });

  it('wants a source for whatever is not VERIFIED, and well-formed sources', async () => {
    expect(await problems({ confidence: 'SINGLE_SOURCE' })).toEqual([['sources', 'must name at least one source when the code or the dates are not VERIFIED']]);
    expect(await problems({ confidence: 'MAYBE', sources: [{ title: 's' }] }).then((p) => p.map(([f]) => f))).toEqual(['confidence']);
    expect(await problems({ sources: [{ title: '' }, { title: 't', url: 'ftp://x' }, { title: 't', by: 'me' }, 'text'] })).toEqual([
      ['sources[0].title', 'is required: 1–300 characters'],
      ['sources[1].url', 'must be an http(s) URL of at most 500 characters'],
      ['sources[2].by', 'unknown field (expected one of: title, url, note)'],
      ['sources[3]', 'must be an object { title, url, note }'],
    ]);
  });
});
