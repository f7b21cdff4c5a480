import { fromGlobalId, INT_KEY_MAX, intIdOf, intKey, toGlobalId } from './ids';

describe('integer keys of global IDs', () => {
  it('takes keys within int4', () => {
    expect(intKey('1')).toBe(1);
    expect(intKey(String(INT_KEY_MAX))).toBe(2147483647);
  });

  it.each(['0', '2147483648', '99999999999999999999', '-1', '1e3', '0x10', ' 7', '1.0', ''])('has no row for key "%s"', (key) => {
    expect(intKey(key)).toBeUndefined();
  });

  it('intIdOf: NOT_FOUND beyond the range, BAD_USER_INPUT for the wrong type', () => {
    expect(() => intIdOf('CapacityDemand', toGlobalId('CapacityDemand', '2147483648'))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
    expect(() => intIdOf('CapacityDemand', toGlobalId('CapacityOffer', 1))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
    expect(intIdOf('CapacityDemand', toGlobalId('CapacityDemand', 42))).toBe(42);
  });

  it('refuses a key holding a control character as not one of ours', () => {
    expect(() => fromGlobalId(toGlobalId('District', '50\u00000103'))).toThrow(/not a valid ID/);
  });
});
