/**
 * Argument checks for the elements' exported functions, without the core: `@jiceng/ui`
 * depends on no other package, and the drop-in dashboard must carry no core code (its size
 * test holds it to that). The error thrown has the core's `JcError` shape — `name`
 * `'JcError'`, an `issue` with the code `E_ARGUMENT` and a message in Chinese and English —
 * so a caller handles both alike.
 * @module
 */

/** What an argument must be for {@link need}; a trailing `?` also accepts `undefined`. @example `const k: UiArgKind = 'string?';` */
export type UiArgKind =
  | 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'function'
  | 'object?' | 'array?' | 'string?' | 'number?' | 'integer?' | 'boolean?' | 'function?';
type Kind = Exclude<UiArgKind, `${string}?`>;

const KINDS: Record<Kind, readonly [string, string, (v: unknown) => boolean]> = {
  object: ['对象', 'an object', (v) => typeof v === 'object' && v !== null && !Array.isArray(v)],
  array: ['数组', 'an array', Array.isArray],
  string: ['文本', 'a string', (v) => typeof v === 'string'],
  number: ['有限数', 'a finite number', Number.isFinite],
  integer: ['整数', 'an integer', Number.isSafeInteger],
  boolean: ['布尔值', 'a boolean', (v) => typeof v === 'boolean'],
  function: ['函数', 'a function', (v) => typeof v === 'function'],
};

/** What a number argument must be. @example `throw argumentError('rankRows', 'n', FINITE);` */
export const FINITE = { zh: '有限数', en: 'a finite number' } as const;

/** The error of a wrong argument, shaped like the core's `JcError`. */
class ArgumentError extends Error {
  readonly issue: { code: 'E_ARGUMENT'; zh: string; en: string; severity: 'error'; column?: string };
  constructor(zh: string, en: string, column?: string) {
    super(`E_ARGUMENT: ${en} / ${zh}`);
    this.name = 'JcError';
    this.issue = column === undefined ? { code: 'E_ARGUMENT', zh, en, severity: 'error' } : { code: 'E_ARGUMENT', zh, en, severity: 'error', column };
  }
}

const whatOf = (what: unknown): { zh: string; en: string } => {
  const w = what as { zh?: unknown; en?: unknown } | null;
  return typeof w === 'object' && w !== null && typeof w.zh === 'string' && typeof w.en === 'string'
    ? (w as { zh: string; en: string }) : { zh: '有效值', en: 'a valid value' };
};

/**
 * An `E_ARGUMENT` error (of the core's `JcError` shape) for `fn`'s argument `arg`, which must
 * be `what`.
 *
 * @example
 * ```ts
 * if (!Number.isFinite(n)) throw argumentError('rankRows', 'n', FINITE);
 * ```
 */
export function argumentError(fn: string, arg: string, what: { zh: string; en: string }): Error {
  const f = typeof fn === 'string' ? fn : '(function)', a = typeof arg === 'string' ? arg : '(argument)', w = whatOf(what);
  return new ArgumentError(`${f}：参数 ${a} 应为${w.zh}`, `${f}: argument ${a} must be ${w.en}`, a);
}

/**
 * An `E_ARGUMENT` error (of the core's `JcError` shape) for `fn` as a whole, when its arguments
 * are checked together: they must be `what`.
 *
 * @example
 * ```ts
 * throw argumentsError('translate', { zh: '译文表 { zh, en }', en: 'a table { zh, en }' });
 * ```
 */
export function argumentsError(fn: string, what: { zh: string; en: string }): Error {
  const f = typeof fn === 'string' ? fn : '(function)', w = whatOf(what);
  return new ArgumentError(`${f}：参数应为${w.zh}`, `${f}: the arguments must be ${w.en}`);
}

function check(fn: string, arg: string, v: unknown, kind: UiArgKind): void {
  const base = typeof kind === 'string' ? (kind.endsWith('?') ? kind.slice(0, -1) : kind) : '';
  if (!Object.prototype.hasOwnProperty.call(KINDS, base)) {
    throw argumentError('need', 'kind', { zh: `以下之一：${Object.keys(KINDS).join(', ')}`, en: `one of ${Object.keys(KINDS).join(', ')}` });
  }
  if (base !== kind && v === undefined) return;
  const [zh, en, ok] = KINDS[base as Kind];
  if (!ok(v)) throw argumentError(fn, arg, { zh, en });
}

/**
 * Checks one argument, and each of `fields` of it, at a public function's entry: the
 * core-free counterpart of the core's `need`, with the kinds an element's helpers take.
 *
 * @example
 * ```ts
 * need('dataTable', 't', t, 'object', { title: 'string', rows: 'array' });
 * ```
 */
export function need(fn: string, arg: string, v: unknown, kind: UiArgKind, fields?: Record<string, UiArgKind>): void {
  check(fn, arg, v, kind);
  if (fields !== undefined && (typeof fields !== 'object' || fields === null)) throw argumentError('need', 'fields', { zh: '字段到类型的对象', en: 'an object from fields to kinds' });
  if (fields !== undefined && typeof v === 'object' && v !== null) {
    for (const [k, fk] of Object.entries(fields)) check(fn, `${arg}.${k}`, (v as Record<string, unknown>)[k], fk);
  }
}
