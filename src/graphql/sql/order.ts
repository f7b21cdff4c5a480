import type { OrderTerm, SortType } from './connection';

/** Turns `orderBy: [{ field, direction }]` into order terms, using `columns` for each field. */
export function orderTerms<F extends string>(
  orderBy: { field: F; direction: 'ASC' | 'DESC' }[] | undefined | null,
  columns: Record<F, { expr: string; type: SortType }>,
  fallback: { field: F; direction: 'ASC' | 'DESC' }[],
): OrderTerm[] {
  const list = orderBy?.length ? orderBy : fallback;
  const seen = new Set<string>();
  const terms: OrderTerm[] = [];
  for (const o of list) {
    if (seen.has(o.field)) continue;
    seen.add(o.field);
    terms.push({ name: o.field, expr: columns[o.field].expr, type: columns[o.field].type, desc: o.direction === 'DESC' });
  }
  return terms;
}
