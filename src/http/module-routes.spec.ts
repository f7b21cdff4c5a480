import { SLOT_WAIT_MS, Slots } from './module-routes';

describe('Slots (a route’s maxInFlight)', () => {
  it('gives a free slot at once, hands a returned slot to the first waiting request, and refuses one that waited too long', async () => {
    // Given a route with two slots, both taken
    const slots = new Slots(2);
    expect(await slots.take()).toBe(true);
    expect(await slots.take()).toBe(true);
    // When two more requests come, and one slot comes back
    const order: string[] = [];
    const third = slots.take().then((ok) => order.push(`third:${ok}`));
    const fourth = slots.take().then((ok) => order.push(`fourth:${ok}`));
    slots.give();
    await third;
    // Then the first waiting request has it, and the other is refused after SLOT_WAIT_MS
    expect(order).toEqual(['third:true']);
    const started = Date.now();
    await fourth;
    expect(order).toEqual(['third:true', 'fourth:false']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOT_WAIT_MS - 100);
    // And slots given back are free again (the holder left of the first two, and the third, give theirs back)
    slots.give();
    slots.give();
    expect(await slots.take()).toBe(true);
    expect(await slots.take()).toBe(true);
    const late = Date.now();
    expect(await slots.take()).toBe(false);
    expect(Date.now() - late).toBeGreaterThanOrEqual(SLOT_WAIT_MS - 100);
  });
});
