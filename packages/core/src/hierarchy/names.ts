/**
 * Names and short texts as the hierarchy and the overlay accept them: Unicode NFC, trimmed,
 * without control characters, and within a length limit counted in characters (Unicode code
 * points, so 汉 is one).
 *
 * Text that a spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`) is
 * accepted — a name may well begin with `-` or `+` — and made harmless where it could do harm:
 * every CSV export escapes it (see `writeCsv`). A leading tab or CR cannot occur: it is
 * trimmed away, and inside a name it is a control character.
 * @module
 */
import { issue, type JcIssue } from '../errors/errors.js';
import { argumentError, isObject, needString } from '../errors/args.js';

/**
 * The length limits, in characters (code points): node names and overlay names, English
 * names, and record ids.
 *
 * @example
 * ```ts
 * NAME_LIMITS.name; // 100
 * ```
 */
export const NAME_LIMITS = Object.freeze({ name: 100, nameEn: 200, id: 64 });

/** C0 controls (tab, CR and LF included), DEL, C1 controls, and the line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- the class matches control characters on purpose, to refuse them in names
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A name as stored: NFC, without leading or trailing white space (full-width spaces included).
 *
 * @example
 * ```ts
 * normalizeName('  荔城区\u3000'); // '荔城区'
 * normalizeName('Cafe\u0301');     // 'Café' (one precomposed é)
 * ```
 */
export function normalizeName(value: string): string {
  needString('normalizeName', 'value', value);
  return value.normalize('NFC').trim();
}

/**
 * Checks one name or short text: the normalised value, or the problem — `E_CONTROL_CHAR`
 * (a control character, named by its code point and place) or `E_TEXT_LENGTH` (the limit
 * and the actual length, in characters). An empty or missing value is the caller's
 * concern (it may be optional). `label` names the field in the messages.
 *
 * @example
 * ```ts
 * checkName('=HYPERLINK("x")', 100, { zh: '名称', en: 'name' }); // { value: '=HYPERLINK("x")' } — escaped on export
 * checkName('a\u0000b', 100, { zh: '名称', en: 'name' }).issue?.code; // 'E_CONTROL_CHAR'
 * checkName('汉'.repeat(101), 100, { zh: '名称', en: 'name' }).issue?.en; // 'name is too long: at most 100 characters, not 101'
 * ```
 */
export function checkName(value: string, max: number, label: { zh: string; en: string }): { value: string; issue?: JcIssue } {
  needString('checkName', 'value', value);
  if (!Number.isInteger(max) || max < 1) throw argumentError('checkName', 'max', { zh: '正整数（字符数）', en: 'a positive integer (characters)' });
  if (!isObject(label) || typeof label.zh !== 'string' || typeof label.en !== 'string') throw argumentError('checkName', 'label', { zh: '{ zh, en } 文本', en: 'a { zh, en } text' });
  const v = normalizeName(value);
  const bad = CONTROL.exec(v);
  if (bad) {
    const cp = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const at = [...v.slice(0, bad.index)].length + 1;
    return { value: v, issue: issue('E_CONTROL_CHAR', `${label.zh}含控制字符 ${cp}（第 ${at} 个字符）`, `${label.en} holds the control character ${cp} (character ${at})`) };
  }
  if (v.length > max) {
    const chars = [...v].length;
    if (chars > max) {
      return { value: v, issue: issue('E_TEXT_LENGTH', `${label.zh}过长：最多 ${max} 个字符，实为 ${chars} 个字符`, `${label.en} is too long: at most ${max} characters, not ${chars}`) };
    }
  }
  return { value: v };
}
