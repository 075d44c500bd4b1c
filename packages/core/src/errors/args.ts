/**
 * Argument checks for public functions, shared by the packages of the workspace: a wrong
 * argument is a {@link JcError} `E_ARGUMENT` naming the function and what it needs, in
 * Chinese and English — never a bare `TypeError` deep inside, never a silently wrong figure.
 * @module
 */
import { issue, JcError } from './errors.js';

/**
 * Throws `E_ARGUMENT` for `fn`: `what` says what the argument must be.
 *
 * @example
 * ```ts
 * if (typeof s !== 'string') throw argumentError('normalizeName', 'value', { zh: '文本', en: 'a string' });
 * ```
 */
export function argumentError(fn: string, arg: string, what: { zh: string; en: string }): JcError {
  // Itself robust: it names whatever it is given, or says so generically.
  const f = typeof fn === 'string' ? fn : '(function)';
  const a = typeof arg === 'string' ? arg : '(argument)';
  const w = typeof what === 'object' && what !== null && typeof what.zh === 'string' && typeof what.en === 'string' ? what : { zh: '有效值', en: 'a valid value' };
  return new JcError(issue('E_ARGUMENT', `${f}：参数 ${a} 应为${w.zh}`, `${f}: argument ${a} must be ${w.en}`, { column: a }));
}

/** `Array.isArray` that keeps a readonly array's element type (the built-in narrows one to `any[]`). @example `isList([1]); // true` */
export const isList = (v: unknown): v is readonly unknown[] => Array.isArray(v);

/** A plain object (not null, not an array). @example `isObject({}); // true` */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Requires an object. @example `needObject('toDocument', 'hierarchy', h);` */
export function needObject(fn: string, arg: string, v: unknown): void {
  if (!isObject(v)) throw argumentError(fn, arg, { zh: '对象', en: 'an object' });
}

/** Requires a string. @example `needString('unifyRowBreaks', 'text', t);` */
export function needString(fn: string, arg: string, v: unknown): asserts v is string {
  if (typeof v !== 'string') throw argumentError(fn, arg, { zh: '文本', en: 'a string' });
}

/** Requires a hierarchy (something with `config` and `nodes()`), as built by `buildHierarchy`. @example `needHierarchy('exportCsv', h);` */
export function needHierarchy(fn: string, v: unknown, arg = 'hierarchy'): void {
  if (!isObject(v) || !isObject(v.config) || typeof v.nodes !== 'function') {
    throw argumentError(fn, arg, { zh: ' buildHierarchy 建成的层级', en: 'a hierarchy built by buildHierarchy' });
  }
}

/** Requires a hierarchy index (something with `indexOf` and `size`). @example `needIndex('buildOverlay', index);` */
export function needIndex(fn: string, v: unknown, arg = 'index'): void {
  if (!isObject(v) || typeof v.indexOf !== 'function' || typeof v.size !== 'number') {
    throw argumentError(fn, arg, { zh: '层级索引', en: 'a hierarchy index' });
  }
}

/** Requires an access context (what `createAccess` returns). @example `needAccess('viewRecords', access);` */
export function needAccess(fn: string, v: unknown, arg = 'access'): void {
  if (!isObject(v) || !isObject(v.scope) || !isObject(v.actor) || typeof v.now !== 'function' || !isObject(v.hierarchy)
    || !Array.isArray(v.grants) || !isObject(v.audit) || !isObject(v.fields) || !isObject(v.roles)) {
    throw argumentError(fn, arg, { zh: ' createAccess 建立的访问上下文', en: 'an access context made by createAccess' });
  }
}

/** Requires an iterable (an array, a set, a generator…). @example `needIterable('toJsonLines', 'records', records);` */
export function needIterable(fn: string, arg: string, v: unknown): void {
  if (v === null || v === undefined || typeof (v as Iterable<unknown>)[Symbol.iterator] !== 'function' || typeof v === 'string') {
    throw argumentError(fn, arg, { zh: '可迭代的记录集合', en: 'an iterable of records' });
  }
}

/**
 * What an argument must be, by name: `object` (not null, not an array), `array`, `iterable`
 * (not a string), `string`, `number` (finite), `integer` (safe), `count` (a non-negative safe
 * integer), `time` (finite epoch milliseconds), `function`, `map` (has `get` and `has`),
 * `boolean`, `bytes` (a `Uint8Array`), `date` (a valid `Date`). A trailing `?` also accepts
 * `undefined`.
 *
 * @example
 * ```ts
 * const k: ArgKind = 'time?';
 * ```
 */
export type ArgKind = ArgBaseKind | `${ArgBaseKind}?`;

/** An {@link ArgKind} without its optional mark. @example `const k: ArgBaseKind = 'time';` */
export type ArgBaseKind = 'object' | 'array' | 'iterable' | 'string' | 'number' | 'integer' | 'count' | 'time' | 'function' | 'map' | 'boolean' | 'bytes' | 'date';

const KINDS: Record<ArgBaseKind, [zh: string, en: string, test: (v: unknown) => boolean]> = {
  object: ['对象', 'an object', isObject],
  array: ['数组', 'an array', Array.isArray],
  iterable: ['可迭代的集合', 'an iterable', (v) => v !== null && v !== undefined && typeof v !== 'string' && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function'],
  string: ['文本', 'a string', (v) => typeof v === 'string'],
  number: ['有限数', 'a finite number', Number.isFinite],
  integer: ['整数', 'an integer', Number.isSafeInteger],
  count: ['非负整数', 'a non-negative integer', (v) => Number.isSafeInteger(v) && (v as number) >= 0],
  time: ['有限的时间戳（毫秒）', 'a finite time in epoch milliseconds', Number.isFinite],
  function: ['函数', 'a function', (v) => typeof v === 'function'],
  map: ['Map', 'a Map', (v) => typeof v === 'object' && v !== null && typeof (v as Map<unknown, unknown>).get === 'function' && typeof (v as Map<unknown, unknown>).has === 'function'],
  boolean: ['布尔值', 'a boolean', (v) => typeof v === 'boolean'],
  bytes: ['字节数组（Uint8Array）', 'a Uint8Array', (v) => v instanceof Uint8Array],
  date: ['有效日期', 'a valid Date', (v) => v instanceof Date && Number.isFinite(v.getTime())],
};

/**
 * Checks one argument at a public function's entry, once per call: `v` must be of `kind`,
 * and each of `fields` (a dotted path into `v`) of its own kind. Throws `E_ARGUMENT` naming
 * the function and the first argument or field that is wrong, in zh and en; nothing has been
 * changed by then.
 *
 * @example
 * ```ts
 * need('budgetOf', 'project', project, 'object', { funding: 'iterable', id: 'string' });
 * need('overdue', 'now', now, 'time');
 * ```
 */
export function need(fn: string, arg: string, v: unknown, kind: ArgKind, fields?: Record<string, ArgKind>): void {
  check(fn, arg, v, kind);
  if (fields !== undefined && !isObject(fields)) throw argumentError('need', 'fields', { zh: '字段到类型的对象', en: 'an object from fields to kinds' });
  if (fields) for (const path in fields) check(fn, `${arg}.${path}`, at(v, path), fields[path]);
}

function check(fn: string, arg: string, v: unknown, kind: ArgKind): void {
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(KINDS, kind.endsWith('?') ? kind.slice(0, -1) : kind)) {
    throw argumentError('need', 'kind', { zh: `以下之一：${Object.keys(KINDS).join(', ')}`, en: `one of ${Object.keys(KINDS).join(', ')}` });
  }
  const optional = kind.endsWith('?');
  if (optional && v === undefined) return;
  const [zh, en, test] = KINDS[(optional ? kind.slice(0, -1) : kind) as ArgBaseKind];
  if (!test(v)) throw argumentError(fn, arg, { zh, en });
}

function at(v: unknown, path: string): unknown {
  let x = v;
  for (const k of path.split('.')) x = typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[k] : undefined;
  return x;
}

/**
 * `JSON.stringify(v)`, or `E_ARGUMENT` for `fn` when `v` cannot be written as JSON (a cycle,
 * a BigInt) — for the writers that serialise what a caller handed them.
 *
 * @example
 * ```ts
 * const line = jsonOf('toJsonLines', 'records', { a: 1 }); // '{"a":1}'
 * ```
 */
export function jsonOf(fn: string, arg: string, v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    throw argumentError(fn, arg, { zh: '可写成 JSON 的值（无循环引用、无 BigInt）', en: 'a value that JSON can represent (no cycles, no BigInt)' });
  }
}

/**
 * Requires `v` to be one of the keys of `table` (an own key: `'toString'` is not one).
 *
 * @example
 * ```ts
 * needKey('alertIssue', 'code', code, ALERT_MESSAGES);
 * ```
 */
export function needKey(fn: string, arg: string, v: unknown, table: object): void {
  if (typeof table !== 'object' || table === null) throw argumentError('needKey', 'table', { zh: '对象', en: 'an object' });
  if (typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(table, v)) {
    const keys = Object.keys(table);
    const list = keys.length > 12 ? `${keys.slice(0, 12).join(', ')}…` : keys.join(', ');
    throw argumentError(fn, arg, { zh: `以下之一：${list}`, en: `one of ${list}` });
  }
}

/** What a string argument must be, for the inline checks of per-event helpers. @example `if (typeof a !== 'string') throw argumentError('pendingOf', 'account', TEXT);` */
export const TEXT = { zh: '文本', en: 'a string' } as const;
/** What a number argument must be, for the inline checks of per-event helpers. @example `if (!Number.isFinite(t)) throw argumentError('localDay', 't', FINITE);` */
export const FINITE = { zh: '有限数', en: 'a finite number' } as const;
