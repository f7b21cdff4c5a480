import { acceptedEncodings, encodingFor } from './lean';

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

describe('acceptedEncodings (Accept-Encoding)', () => {
  it.each([
    [undefined, { br: false, gzip: false }],
    ['gzip, deflate, br', { br: true, gzip: true }],
    ['br', { br: true, gzip: false }],
    ['br, gzip;q=0', { br: true, gzip: false }],
    ['*', { br: false, gzip: true }],
  ])('%s → %j', (accept, expected) => {
    expect(acceptedEncodings(accept)).toEqual(expected);
  });
});
