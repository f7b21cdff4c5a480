import { addressKey, RateBudgets, type Payer } from './rate-limit';

const me: Payer = { kind: 'address', id: '192.0.2.1', tier: 'ANONYMOUS' };
const config = { windowSeconds: 1, anonymous: 1000, tiers: { STANDARD: 5000, PARTNER: 10_000, INTERNAL: 100_000 } };

describe('RateBudgets (in memory)', () => {
  it('spends, refuses what does not fit without spending it, and refunds within the window', async () => {
    const b = new RateBudgets(config);
    const first = await b.spend(me, 900);
    expect(first).toMatchObject({ allowed: true, state: { limit: 1000, remaining: 100, used: 900 } });
    const refused = await b.spend(me, 101);
    expect(refused.allowed).toBe(false);
    expect(refused.state.remaining).toBe(100);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const back = await b.refund(me, 400, first.state);
    expect(back).toMatchObject({ remaining: 500, used: 500 });
    expect((await b.spend(me, 500)).state.remaining).toBe(0);
  });

  it('a refund after its window has ended is dropped: the next window never holds more than the limit', async () => {
    const b = new RateBudgets(config);
    const spent = await b.spend(me, 900);
    await new Promise((r) => setTimeout(r, 1100));
    const after = await b.refund(me, 899, spent.state);
    expect(after).toBe(spent.state);
    const next = await b.spend(me, 1);
    expect(next.state.remaining).toBe(999);
    expect((await b.spend(me, 1000)).allowed).toBe(false);
  });

  it('charges what a request cost beyond its estimate, even past the budget', async () => {
    const b = new RateBudgets(config);
    const s = await b.spend(me, 990);
    const charged = await b.charge(me, 50, s.state);
    expect(charged).toMatchObject({ remaining: 0, used: 1000 });
    expect((await b.spend(me, 1)).allowed).toBe(false);
  });

  it('keys have their tier’s budget, apart from addresses', async () => {
    const b = new RateBudgets(config);
    await b.spend(me, 1000);
    const key = await b.spend({ kind: 'key', id: '7', tier: 'STANDARD' }, 10);
    expect(key).toMatchObject({ allowed: true, state: { tier: 'STANDARD', limit: 5000, remaining: 4990 } });
  });
});

describe('addressKey', () => {
  it('IPv4 and IPv4-mapped IPv6 are the address itself', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
  it('IPv6 is grouped by /64, however it is written', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
