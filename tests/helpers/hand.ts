/**
 * Hand-written helpers for tests whose expected answers are worked out in the test itself: nothing
 * here is imported from src, so a mistake in src cannot leak into an expectation.
 */

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A YYYY-MM-DD date plus n days (calendar arithmetic in UTC, so no time zone can shift it). */
export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A global ID as the API writes it: base64 of "Type:key". */
export const gid = (type: string, key: number | string): string => Buffer.from(`${type}:${key}`, 'utf8').toString('base64');

/** The integer key inside a global ID. */
export const keyOf = (id: string): number => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);

/**
 * Asserts `got` equals `expected`, with the behaviour named in the failure's diff: a mistake in the
 * code reads as "behaviour: … got …" rather than as two bare values.
 */
export function pin(behaviour: string, got: unknown, expected: unknown): void {
  expect({ behaviour, got }).toEqual({ behaviour, got: expected });
}

/** Fails with the behaviour and the whole response when a GraphQL response carries errors. */
export function noErrors<T>(behaviour: string, res: { status: number; data?: T; errors?: unknown[] }): T {
  if (res.errors?.length) pin(behaviour, { status: res.status, errors: res.errors }, { status: 200, errors: undefined });
  return res.data as T;
}
