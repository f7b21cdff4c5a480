import { StatementNames } from './read-db';

describe('StatementNames', () => {
  it('names a text from its second sighting on, and keeps that name', () => {
    const names = new StatementNames();
    expect(names.nameOf('select 1')).toBeUndefined();
    const name = names.nameOf('select 1');
    expect(name).toMatch(/^cbec_/);
    expect(names.nameOf('select 1')).toBe(name);
    expect(names.nameOf('select 2')).toBeUndefined();
    expect(names.nameOf('select 2')).not.toBe(name);
  });

  it('keeps only the most recently used texts, and never gives an evicted name to another text', () => {
    const names = new StatementNames(2);
    names.nameOf('a');
    const a = names.nameOf('a');
    names.nameOf('b');
    names.nameOf('b');
    names.nameOf('a'); // a is now the most recent
    names.nameOf('c'); // evicts b
    expect(names.nameOf('a')).toBe(a);
    expect(names.nameOf('b')).toBeUndefined(); // seen anew
    const b = names.nameOf('b');
    expect(b).not.toBe(a);
    expect(new Set([a, b]).size).toBe(2);
  });
});
