import { encodingFor } from './lean';

describe('encodingFor (Accept-Encoding)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'br'],
    ['gzip;q=0', undefined],
    ['GZIP', 'gzip'],
    ['*', 'gzip'],
    ['*;q=0', undefined],
    ['deflate', undefined],
  ])('%s → %s', (accept, expected) => {
    expect(encodingFor(accept)).toBe(expected);
  });
});
