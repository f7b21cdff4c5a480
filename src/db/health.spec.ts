import { isUnavailableError } from './health';

describe('isUnavailableError', () => {
  it('takes refused and lost connections for an outage, wrapped or not', () => {
    expect(isUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnavailableError({ message: 'driver', cause: { code: '08006', message: 'connection failure' } })).toBe(true);
    expect(isUnavailableError({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(isUnavailableError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('does not take a protocol violation or a failed statement for an outage', () => {
    // What PostgreSQL answers a statement sent with more parameters than it uses: a bug, reported as one.
    expect(isUnavailableError({ code: '08P01', message: 'bind message supplies 3 parameters, but prepared statement "" requires 2' })).toBe(false);
    expect(isUnavailableError({ code: '42703', message: 'column "x" does not exist' })).toBe(false);
    expect(isUnavailableError(new Error('something else'))).toBe(false);
  });
});
