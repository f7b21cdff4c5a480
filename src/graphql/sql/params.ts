/** Positional parameters for one SQL statement: `p.add(v)` returns its placeholder ($1, $2 …). */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
