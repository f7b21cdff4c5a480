import { controlCharIn, controlCharMessage, firstControlChar, textLength, textProblem } from './text';

describe('text checks', () => {
  it('counts characters as varchar(n) does: by code point', () => {
    expect(textLength('仓'.repeat(3))).toBe(3);
    expect(textLength('😀a')).toBe(2); // one astral character, two UTF-16 units
  });

  it('refuses control characters, and in single-line text tab and line breaks too', () => {
    expect(textProblem('a\u0000b', { max: 10 })).toMatch(/U\+0000.*one line/);
    expect(textProblem('a\tb', { max: 10 })).toMatch(/U\+0009/);
    expect(textProblem('a\tb\r\nc', { max: 10, freeText: true })).toBeUndefined();
    expect(textProblem('a\u007Fb', { max: 10, freeText: true })).toMatch(/U\+007F/);
    expect(textProblem('a\u009Fb', { max: 10, freeText: true })).toMatch(/U\+009F/);
  });

  it('refuses more characters than the column holds, saying both numbers', () => {
    expect(textProblem('王'.repeat(121), { max: 120 })).toBe('must be at most 120 characters (got 121)');
    expect(textProblem('王'.repeat(120), { max: 120 })).toBeUndefined();
  });

  it('finds the first control character in an input, with its path', () => {
    const hit = firstControlChar({ title: 'ok', criteria: { productCategories: ['a', 'b\u0001'] } }, ['input'], true);
    expect(hit).toEqual({ path: ['input', 'criteria', 'productCategories', '1'], codePoint: 1 });
    expect(controlCharMessage({ path: ['criteria', 'productCategories', '1'], codePoint: 1 })).toMatch(
      /^criteria\.productCategories\.1 contains the control character U\+0001/,
    );
    expect(controlCharIn('line\nbreak')).toBeUndefined();
    expect(controlCharIn('line\nbreak', true)).toBe(10);
  });
});
