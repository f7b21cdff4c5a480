import 'reflect-metadata';
import { normaliseDecimal, validateDataset } from './import.validation';

describe('import: the API’s bounds', () => {
  it('decimals: numbers and strings are never rounded into the column', () => {
    expect(normaliseDecimal(14.5, 12, 4)).toEqual({ value: '14.5000' });
    expect(normaliseDecimal('2000', 14, 2)).toEqual({ value: '2000.00' });
    expect(normaliseDecimal(0.001, 12, 2)).toEqual({ error: 'must have at most 10 digits before the point and 2 after (got 0.001)' });
    expect(normaliseDecimal(1e-7, 12, 4).error).toMatch(/at most 8 digits before the point and 4 after/);
    expect(normaliseDecimal(1e21, 18, 2).error).toMatch(/at most 16 digits before the point/);
    expect(normaliseDecimal('1234567890123', 14, 2).error).toMatch(/at most 12 digits before the point/);
    expect(normaliseDecimal(-1, 14, 2)).toEqual({ error: 'must be ≥ 0, got -1' });
  });

  it('text: no control characters; notes may have line breaks, names not', async () => {
    const issues = await validateDataset({
      districts: [{ code: '500103', nameZh: '渝中\u0000区', nameEn: 'Yuzhong\nDistrict', kind: 'DISTRICT', changeNote: 'line one\nline two\ttabbed' }],
    });
    expect(issues.map((i) => [i.field, i.message.replace(/;.*/, '')])).toEqual([
      ['nameZh', 'contains the control character U+0000'],
      ['nameEn', 'contains the control character U+000A'],
    ]);
  });
});
