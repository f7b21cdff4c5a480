import { Problems } from '../../graphql/payload';
import type { FilingDocumentInput } from './filing.inputs';
import { checkArea, checkDocuments, checkOfficeCode, checkReasons, checkText } from './filing.validation';

/** What one check reports, as [field path, code]. */
function run(check: (p: Problems<never>) => unknown): { value: unknown; problems: [string, string][] } {
  const p = new Problems<never>();
  const value = check(p);
  return { value, problems: p.list.map((e) => [e.field!.join('.'), e.code]) };
}

const doc = (over: Partial<FilingDocumentInput> = {}): FilingDocumentInput => ({
  kind: 'OTHER' as FilingDocumentInput['kind'],
  title: 'Plan',
  reference: 'P-1',
  ...over,
});

describe('filing checks', () => {
  it('areas: above 0, at most 5,000,000 m², two decimals, canonical', () => {
    expect(run((p) => checkArea(p, ['a'], '12000'))).toEqual({ value: '12000.00', problems: [] });
    expect(run((p) => checkArea(p, ['a'], '0.01')).value).toBe('0.01');
    expect(run((p) => checkArea(p, ['a'], '5000000')).value).toBe('5000000.00');
    for (const bad of ['0', '-1', '5000000.01', '1.001', 'abc', '']) expect(run((p) => checkArea(p, ['a'], bad)).problems).toEqual([['a', 'INVALID']]);
  });

  it('district codes are four digits', () => {
    expect(run((p) => checkOfficeCode(p, ['c'], ' 8000 ')).value).toBe('8000');
    for (const bad of ['800', '80000', '80A0', '８０００']) expect(run((p) => checkOfficeCode(p, ['c'], bad)).problems).toEqual([['c', 'INVALID']]);
  });

  it('texts: trimmed, not empty, no control characters, line breaks only in free text, bounded', () => {
    expect(run((p) => checkText(p, ['t'], '  a  ', 5)).value).toBe('a');
    expect(run((p) => checkText(p, ['t'], 'a\nb', 5, true)).value).toBe('a\nb');
    for (const [v, free] of [
      ['', false],
      ['a\nb', false],
      ['a\u0000', true],
      ['a\u001b', true],
      ['abcdef', false],
    ] as const) {
      expect(run((p) => checkText(p, ['t'], v, 5, free)).problems).toEqual([['t', 'INVALID']]);
    }
  });

  it('documents: 1 to 20, https links or numbers, lower-cased SHA-256', () => {
    const ok = run((p) => checkDocuments(p, ['d'], [doc({ reference: 'https://a.example.com/x.pdf', sha256: 'A'.repeat(64) })]));
    expect(ok).toEqual({ value: [{ kind: 'OTHER', title: 'Plan', reference: 'https://a.example.com/x.pdf', sha256: 'a'.repeat(64) }], problems: [] });
    expect(run((p) => checkDocuments(p, ['d'], [])).problems).toEqual([['d', 'INVALID']]);
    expect(
      run((p) =>
        checkDocuments(
          p,
          ['d'],
          Array.from({ length: 21 }, () => doc()),
        ),
      ).problems,
    ).toEqual([['d', 'INVALID']]);
    expect(run((p) => checkDocuments(p, ['d'], [doc({ reference: 'ftp://a.example.com/x' }), doc({ reference: 'javascript:alert(1)' })])).problems).toEqual([
      ['d.0.reference', 'INVALID'],
      ['d.1.reference', 'INVALID'],
    ]);
    expect(run((p) => checkDocuments(p, ['d'], [doc({ sha256: 'xyz' })])).problems).toEqual([['d.0.sha256', 'INVALID']]);
  });

  it('reasons: 1 to 10, Chinese text required, English optional', () => {
    expect(run((p) => checkReasons(p, ['r'], [{ code: 'OTHER', textZh: '说明' }])).value).toEqual([{ code: 'OTHER', textZh: '说明', textEn: null }]);
    expect(run((p) => checkReasons(p, ['r'], [])).problems).toEqual([['r', 'INVALID']]);
    expect(
      run((p) =>
        checkReasons(
          p,
          ['r'],
          Array.from({ length: 11 }, () => ({ code: 'OTHER', textZh: 'x' })),
        ),
      ).problems,
    ).toEqual([['r', 'INVALID']]);
    expect(run((p) => checkReasons(p, ['r'], [{ code: 'OTHER', textZh: ' ', textEn: 'a\u0007' }])).problems).toEqual([
      ['r.0.textZh', 'INVALID'],
      ['r.0.textEn', 'INVALID'],
    ]);
  });
});
