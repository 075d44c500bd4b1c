/**
 * `@jiceng/core/errors`: errors as values, and the argument checks of every public function.
 * A refused input is a `Result` with every problem (`JcIssue`: a stable code, a message in
 * Chinese and English, and where it was found); a wrong argument is a `JcError` thrown at the
 * door (`need`), never a `TypeError` inside.
 *
 * @example
 * ```ts
 * import { need, formatIssue, type Result } from '@jiceng/core/errors';
 * function half(n: number): number { need('half', 'n', n, 'number'); return n / 2; }
 * const r: Result<number> = { ok: true, value: half(4), warnings: [] };
 * ```
 * @module
 */
export {
  fail, formatIssue, issue, JcError, type JcIssue, type Lang, type LocalizedText, ok, type Result,
} from './errors.js';
export {
  type ArgBaseKind, type ArgKind, argumentError, FINITE, isObject, need, needHierarchy, needIndex,
  needKey, needObject, needString, TEXT,
} from './args.js';
