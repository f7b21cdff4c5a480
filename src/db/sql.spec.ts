import { sql, toQuery } from './sql';

describe('the sql tag', () => {
  it('turns every interpolated value into a numbered parameter, in order', () => {
    const q = toQuery(sql`select * from t where a = ${1} and b = ${'x'}`);
    expect(q).toEqual({ text: 'select * from t where a = $1 and b = $2', values: [1, 'x'] });
  });

  it('keeps quotes and SQL in values out of the text', () => {
    const evil = "x'); drop table t; --";
    const q = toQuery(sql`select ${evil}`);
    expect(q.text).toBe('select $1');
    expect(q.values).toEqual([evil]);
  });

  it('casts typed parameters and passes arrays whole, NULL included', () => {
    const q = toQuery(sql`select ${sql.typed('2026-01-01', 'date')}, ${sql.array(['a,b', 'c"d', null], 'text')}, ${sql.array(null, 'int')}`);
    expect(q.text).toBe('select $1::date, $2::text[], $3::int[]');
    expect(q.values).toEqual(['2026-01-01', ['a,b', 'c"d', null], null]);
  });

  it('nests fragments and numbers their parameters across the whole statement', () => {
    const a = sql`a = ${1}`;
    const b = sql`b = ${2}`;
    const q = toQuery(sql`select 1 where ${sql.and([a, b])} or c = ${3}`);
    expect(q).toEqual({ text: 'select 1 where (a = $1) and (b = $2) or c = $3', values: [1, 2, 3] });
  });

  it('joins with a separator; and/or of nothing are true/false', () => {
    expect(toQuery(sql.join([sql`${1}`, sql`${2}`], ' + ')).text).toBe('$1 + $2');
    expect(toQuery(sql.and([])).text).toBe('true');
    expect(toQuery(sql.or([])).text).toBe('false');
    expect(toQuery(sql.or([sql`x`, sql`y`])).text).toBe('(x) or (y)');
  });

  it('quotes checked identifiers and refuses anything else', () => {
    expect(toQuery(sql`select ${sql.ident('name_zh')} from t`).text).toBe('select "name_zh" from t');
    expect(() => sql.ident('name; drop')).toThrow(/Not an identifier/);
    expect(() => sql.ident('Name')).toThrow(/Not an identifier/);
  });

  it('writes known codes into the text as an array literal, and refuses anything that is not a plain code', () => {
    expect(toQuery(sql`select 1 where c = any(${sql.known(['DE', 'FR'], 'text')}) and n > ${3}`)).toEqual({
      text: `select 1 where c = any('{DE,FR}'::text[]) and n > $1`,
      values: [3],
    });
    expect(toQuery(sql`${sql.known([], 'text')}`).text).toBe(`'{}'::text[]`);
    for (const bad of ["D'E", 'a b', 'x}', '', 'DE,FR', '"q"']) expect(() => sql.known([bad], 'text')).toThrow(/not a code/);
  });

  it('inlines raw SQL text written by the code', () => {
    expect(toQuery(sql`select ${sql.raw('now()')}`)).toEqual({ text: 'select now()', values: [] });
  });

  it('refuses text with NUL as bad input, naming the character', () => {
    expect(() => toQuery(sql`select ${'a\u0000b'}`)).toThrow(/NUL/);
    expect(() => toQuery(sql`select ${sql.array(['ok', 'a\u0000'], 'text')}`)).toThrow(/NUL/);
  });

  it('says whether a fragment is empty', () => {
    expect(sql``.isEmpty).toBe(true);
    expect(sql`x`.isEmpty).toBe(false);
    expect(sql`${1}`.isEmpty).toBe(false);
  });
});
