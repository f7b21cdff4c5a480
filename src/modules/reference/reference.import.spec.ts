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
