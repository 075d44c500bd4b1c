/**
 * Errors are values: a stable code plus a message in Chinese and English, and, where the
 * problem comes from a file, its name, row and column.
 *
 * @example
 * ```ts
 * import { issue } from '@jiceng/core';
 * const p = issue('E_CODE_LENGTH', '编码长度应为 12 位', 'code must be 12 digits long', { row: 3, column: 'code' });
 * console.log(p.code, p.zh);
 * ```
 * @module
 */

/** A text in Chinese (default) and English. @example `const t: LocalizedText = { zh: '网格', en: 'Grid' };` */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** The language of messages and labels. @example `const lang: Lang = 'en';` */
export type Lang = 'zh' | 'en';

/**
 * One problem: a code for programs, a message for people in zh and en, and where it was found.
 *
 * @example
 * ```ts
 * const p: JcIssue = { code: 'E_UNKNOWN_PARENT', zh: '上级编码不存在', en: 'unknown parent code', row: 7, column: 'parent' };
 * ```
 */
export interface JcIssue {
  /** Stable machine-readable code, e.g. `E_CODE_LENGTH`. */
  code: string;
  /** Message in Chinese. */
  zh: string;
  /** Message in English. */
  en: string;
  /** Severity: an error refuses the input; a warning is reported and the input is kept. */
  severity?: 'error' | 'warning';
  /** The file the problem came from, if any. */
  file?: string;
  /** 1-based row in the file (the header is row 1 in CSV), if any. */
  row?: number;
  /** The column (CSV header name) or field path, if any. */
  column?: string;
}

/**
 * Builds a {@link JcIssue}.
 *
 * @example
 * ```ts
 * const p = issue('E_DUPLICATE_CODE', '编码重复', 'duplicate code', { file: 'nodes.csv', row: 12, column: 'code' });
 * ```
 */
export function issue(
  code: string,
  zh: string,
  en: string,
  where: Omit<JcIssue, 'code' | 'zh' | 'en'> = {},
): JcIssue {
  return { code, zh, en, severity: 'error', ...where };
}

/**
 * The outcome of anything that can be refused: either a value (with warnings, if any) or the
 * full list of errors. Nothing is changed when `ok` is false.
 *
 * @example
 * ```ts
 * function half(n: number): Result<number> {
 *   return n % 2 === 0 ? ok(n / 2) : fail([issue('E_ODD', '不是偶数', 'not even')]);
 * }
 * ```
 */
export type Result<T> =
  | { ok: true; value: T; warnings: JcIssue[] }
  | { ok: false; errors: JcIssue[]; warnings: JcIssue[] };

/** A successful {@link Result}. @example `const r = ok(42); // { ok: true, value: 42, warnings: [] }` */
export function ok<T>(value: T, warnings: JcIssue[] = []): Result<T> {
  return { ok: true, value, warnings };
}

/** A refused {@link Result}. @example `const r = fail([issue('E_X', '错误', 'error')]);` */
export function fail<T = never>(errors: JcIssue[], warnings: JcIssue[] = []): Result<T> {
  return { ok: false, errors, warnings };
}

/**
 * Formats an issue for a person: location first, then the message in the chosen language.
 *
 * @example
 * ```ts
 * formatIssue({ code: 'E_X', zh: '错误', en: 'error', file: 'a.csv', row: 2, column: 'code' }, 'en');
 * // 'a.csv:2 [code] E_X: error'
 * ```
 */
export function formatIssue(p: JcIssue, lang: Lang = 'zh'): string {
  if (!isIssue(p)) throw new JcError(notAnIssue('formatIssue'));
  const where = [p.file, p.row !== undefined ? String(p.row) : undefined].filter(Boolean).join(':');
  const col = p.column ? ` [${p.column}]` : '';
  return `${where}${col}${where || col ? ' ' : ''}${p.code}: ${lang === 'en' ? p.en : p.zh}`;
}

/**
 * An exception that carries a {@link JcIssue}, for the few APIs that must throw (for example
 * a getter asked for a node that does not exist).
 *
 * @example
 * ```ts
 * try { throw new JcError(issue('E_NO_NODE', '节点不存在', 'no such node')); }
 * catch (e) { if (e instanceof JcError) console.log(e.issue.code); }
 * ```
 */
export class JcError extends Error {
  /** The problem behind the exception. */
  readonly issue: JcIssue;
  constructor(p: JcIssue) {
    if (!isIssue(p)) p = notAnIssue('JcError');
    super(`${p.code}: ${p.en} / ${p.zh}`);
    this.name = 'JcError';
    this.issue = p;
  }
}

const isIssue = (p: unknown): p is JcIssue => typeof p === 'object' && p !== null
  && typeof (p as JcIssue).code === 'string' && typeof (p as JcIssue).zh === 'string' && typeof (p as JcIssue).en === 'string';

/** The issue of a wrong `p` (the same words as `argumentError`, which this module cannot import). */
const notAnIssue = (fn: string): JcIssue => issue('E_ARGUMENT', `${fn}：参数 p 应为问题对象（code、zh、en）`, `${fn}: argument p must be an issue (code, zh, en)`, { column: 'p' });
