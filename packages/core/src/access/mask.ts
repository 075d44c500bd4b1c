/**
 * Masking rules for personal data. Pure functions on strings; used by the core before any
 * record reaches a component, a file or a screen.
 *
 * Rules (documented in docs/guides/privacy-and-access.md):
 * - name: keep the first and last character, star the rest (张*明, 欧**华); two characters
 *   keep the first (张*); one character becomes `*`.
 * - Chinese ID number: keep the first 4 (province + city) and the last 4 characters,
 *   star the rest: `3503**********1234` (18 characters) — the county, birth date and
 *   sequence are hidden.
 * - phone: mobile numbers keep the first 3 and last 4 digits (`138****5678`); other
 *   numbers (landlines) keep only the last 2 digits; separators stay.
 * - address: replaced by the name of the grid the record belongs to (see `fields.ts`).
 * - free text: embedded ID numbers and phone numbers are masked by the rules above, and any
 *   other run of 7 or more digits keeps only its last 2 digits.
 * @module
 */
import { needString } from '../errors/args.js';

/**
 * Masks a person's name: 张三明 → 张*明, 张三 → 张*, 欧阳明华 → 欧**华.
 *
 * @example
 * ```ts
 * maskName('张三明'); // '张*明'
 * ```
 */
export function maskName(name: string): string {
  needString('maskName', 'name', name);
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Masks an identity number: keeps the first 4 and last 4 characters of IDs longer than 8
 * characters; shorter ones are starred entirely.
 *
 * @example
 * ```ts
 * maskIdNumber('350302199001011234'); // '3503**********1234'
 * ```
 */
export function maskIdNumber(id: string): string {
  needString('maskIdNumber', 'id', id);
  const chars = Array.from(id.trim());
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

/**
 * Masks a phone number, keeping separators: a mobile number (11 digits starting 13–19,
 * optionally after +86) keeps its first 3 and last 4 digits; any other number keeps only
 * its last 2 digits.
 *
 * @example
 * ```ts
 * maskPhone('13812345678');  // '138****5678'
 * maskPhone('0594-2345678'); // '****-*****78'
 * ```
 */
export function maskPhone(phone: string): string {
  needString('maskPhone', 'phone', phone);
  const all = phone.replace(/\D/g, '');
  const mobile = /^(?:86)?1[3-9]\d{9}$/.test(all);
  const prefix = mobile && all.length === 13 ? 2 : 0;
  const keepHead = mobile ? prefix + 3 : 0;
  const keepTail = mobile ? 4 : Math.min(2, Math.max(0, all.length - 4));
  let seen = 0;
  let out = '';
  for (const ch of phone) {
    if (ch >= '0' && ch <= '9') {
      out += seen < keepHead || seen >= all.length - keepTail ? ch : '*';
      seen++;
    } else out += ch;
  }
  return out;
}

// 18-digit ID (last may be X), 15-digit ID, mobile with optional +86, landline, other digit runs.
const EMBEDDED = /(?<!\d)(?:\d{17}[\dXx]|\d{15}|(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-\d{7,8}|\d{7,})(?![\dXx])/g;

/**
 * Masks ID numbers, phone numbers and any other run of 7+ digits embedded in free text.
 * Names written in free text cannot be recognised reliably: keep them out of free-text
 * fields (the guide says so), or mark such fields `personal`.
 *
 * @example
 * ```ts
 * maskText('联系人电话13812345678，身份证350302199001011234');
 * // '联系人电话138****5678，身份证3503**********1234'
 * ```
 */
export function maskText(text: string): string {
  needString('maskText', 'text', text);
  return text.replace(EMBEDDED, (m) => {
    const digits = m.replace(/\D/g, '');
    if (/^\d{17}[\dXx]$/.test(m) || (/^\d{15}$/.test(m) && !/^1[3-9]/.test(m))) return maskIdNumber(m);
    if (/^(?:\+?86)?1[3-9]\d{9}$/.test(digits) || m.includes('-')) return maskPhone(m);
    return `${'*'.repeat(m.length - 2)}${m.slice(-2)}`;
  });
}

/** A masking rule of a field. @example `const r: MaskRule = 'phone';` */
export type MaskRule = 'none' | 'name' | 'id-number' | 'phone' | 'address' | 'text' | 'year' | 'redact';

/** The text shown in place of a value that is withheld entirely. @example `REDACTED // '***'` */
export const REDACTED = '***';

/**
 * Applies a masking rule to one value. `address` needs the replacement (the grid's name);
 * `year` keeps the year of an ISO date; `redact` and non-string values under any rule but
 * `none` become {@link REDACTED}.
 *
 * @example
 * ```ts
 * applyMask('phone', '13812345678');            // '138****5678'
 * applyMask('address', '龙桥街道 12 号 3 室', '第一网格'); // '第一网格'
 * ```
 */
export function applyMask(rule: MaskRule, value: unknown, addressReplacement = REDACTED): unknown {
  if (rule === 'none' || value === null || value === undefined || value === '') return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(rule, v, addressReplacement));
  if (typeof value !== 'string') return REDACTED;
  switch (rule) {
    case 'name': return maskName(value);
    case 'id-number': return maskIdNumber(value);
    case 'phone': return maskPhone(value);
    case 'address': return addressReplacement;
    case 'text': return maskText(value);
    case 'year': return /^\d{4}/.test(value) ? value.slice(0, 4) : REDACTED;
    default: return REDACTED;
  }
}
