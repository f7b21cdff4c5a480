import { Field, ObjectType, registerEnumType, type ClassType } from 'type-graphql';

/**
 * Errors as data, for every module that mutates (DESIGN.md: Saleor's `WarehouseCreate.errors`,
 * Vendure's ErrorResult). A mutation returns a payload with its result and `errors: [XError!]!`,
 * each `{ code, field, message }`; expected problems never throw. Every module's error codes start
 * from the common ones below, so a client handles INVALID or FORBIDDEN the same everywhere.
 */

/** A path to the input field to fix, e.g. ["input", "quantity"]. */
export type Path = string[];

/** One expected problem with a mutation's input or with the state it meets. */
export interface PayloadError<C extends string = string> {
  code: C;
  field?: Path;
  message: string;
  /** More facts, where the module's error type has fields for them (payloadErrors `extra`), e.g. `constraint`. */
  [extra: string]: unknown;
}

/** Codes every mutating module has, with their bilingual descriptions. */
export const COMMON_ERROR_CODES = {
  INVALID: '输入无效 — a field’s value is not acceptable; see `field` and `message`',
  NOT_FOUND: '不存在 — no such object, or not one you may see',
  FORBIDDEN: '无权限 — it belongs to another enterprise',
  IDEMPOTENCY_KEY_REUSED: '幂等键冲突 — the key was used with a different input',
} as const;

export type CommonErrorCode = keyof typeof COMMON_ERROR_CODES;

/** Collects every problem of an input (not just the first), each with its field path. */
export class Problems<C extends string = string> {
  readonly list: PayloadError<C | CommonErrorCode>[] = [];
  add(field: Path, message: string, code: C | CommonErrorCode = 'INVALID'): void {
    this.list.push({ code, field, message });
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** A failed mutation with one problem. */
export function failure<C extends string>(code: C, field: Path, message: string, extra?: Record<string, unknown>): { errors: PayloadError<C>[] } {
  return { errors: [{ code, field, message, ...extra }] };
}

/**
 * A module's error code enum (the common codes first, then its own) and its `<Name>Error` type.
 * `codes` maps each of the module's own codes to its description (Chinese — English).
 */
export function payloadErrors<K extends string>(
  name: string,
  zh: string,
  codes: Record<K, string>,
  /** More nullable fields of the module's error type (e.g. which rule an error breaks), set on the errors that have them. */
  extra?: { field: string; type: () => object; description: string }[],
) {
  const descriptions = { ...COMMON_ERROR_CODES, ...codes } as Record<CommonErrorCode | K, string>;
  const Code = Object.fromEntries(Object.keys(descriptions).map((k) => [k, k])) as { [P in CommonErrorCode | K]: P };
  registerEnumType(Code, {
    name: `${name}ErrorCode`,
    description: `Error codes of ${name.toLowerCase()} mutations (${zh}错误代码)`,
    valuesConfig: Object.fromEntries(Object.entries(descriptions).map(([k, d]) => [k, { description: d as string }])) as never,
  });

  @ObjectType(`${name}Error`, { description: `A problem with a ${name.toLowerCase()} mutation’s input or state (${zh}操作错误)` })
  class ErrorType {
    @Field(() => Code, { description: 'What went wrong (错误代码)' })
    code!: CommonErrorCode | K;

    @Field(() => [String], { nullable: true, description: 'Path of the input field to fix, e.g. ["input", "quantity"] (字段路径)' })
    field?: string[];

    @Field({ description: 'What to fix (说明)' })
    message!: string;
  }
  // Declared by hand: they exist only on the modules that name them.
  for (const x of extra ?? []) Field(x.type, { nullable: true, description: x.description })(ErrorType.prototype, x.field);
  return { Code, ErrorType: ErrorType as ClassType<PayloadError<CommonErrorCode | K>> };
}
