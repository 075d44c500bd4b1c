/**
 * Argument checks for the dashboard's exported functions, without the core: the drop-in
 * dashboard carries no core code (its size test holds it to that), so it cannot import
 * `need` from `@jiceng/core`. The error it throws has the core's `JcError` shape — `name`
 * `'JcError'`, an `issue` with the code `E_ARGUMENT` and a message in Chinese and English —
 * so a caller handles both alike. Internal: not exported from the package.
 * @module
 */

/** What an argument must be here; a trailing `?` also accepts `undefined`. */
type Kind = 'object' | 'array' | 'string' | 'number' | 'function';
type ArgKind = Kind | `${Kind}?`;

const KINDS: Record<Kind, readonly [string, string, (v: unknown) => boolean]> = {
  object: ['对象', 'an object', (v) => typeof v === 'object' && v !== null && !Array.isArray(v)],
  array: ['数组', 'an array', Array.isArray],
  string: ['文本', 'a string', (v) => typeof v === 'string'],
  number: ['有限数', 'a finite number', Number.isFinite],
  function: ['函数', 'a function', (v) => typeof v === 'function'],
};

/** What a number argument must be. */
export const FINITE = { zh: '有限数', en: 'a finite number' } as const;

/** The error of a wrong argument, shaped like the core's `JcError`. */
class ArgumentError extends Error {
  readonly issue: { code: 'E_ARGUMENT'; zh: string; en: string; severity: 'error'; column: string };
  constructor(fn: string, arg: string, what: { zh: string; en: string }) {
    const zh = `${fn}：参数 ${arg} 应为${what.zh}`, en = `${fn}: argument ${arg} must be ${what.en}`;
    super(`E_ARGUMENT: ${en} / ${zh}`);
    this.name = 'JcError';
    this.issue = { code: 'E_ARGUMENT', zh, en, severity: 'error', column: arg };
  }
}

/** An `E_ARGUMENT` error for `fn`'s argument `arg`, which must be `what`. */
export const argumentError = (fn: string, arg: string, what: { zh: string; en: string }): Error => new ArgumentError(fn, arg, what);

function check(fn: string, arg: string, v: unknown, kind: ArgKind): void {
  const optional = kind.endsWith('?');
  if (optional && v === undefined) return;
  const [zh, en, ok] = KINDS[(optional ? kind.slice(0, -1) : kind) as Kind];
  if (!ok(v)) throw new ArgumentError(fn, arg, { zh, en });
}

/** Checks one argument, and each of `fields` of it, at a public function's entry. */
export function need(fn: string, arg: string, v: unknown, kind: ArgKind, fields?: Record<string, ArgKind>): void {
  check(fn, arg, v, kind);
  if (fields !== undefined && typeof v === 'object' && v !== null) {
    for (const [k, fk] of Object.entries(fields)) check(fn, `${arg}.${k}`, (v as Record<string, unknown>)[k], fk);
  }
}
