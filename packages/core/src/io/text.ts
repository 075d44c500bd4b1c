/**
 * Turning file bytes into text the way district offices' files need: UTF-8 with or without a
 * BOM, or GB18030/GBK as Excel in China saves it.
 * @module
 */
import { issue, JcError, type JcIssue } from '../errors/errors.js';
import { needString } from '../errors/args.js';

/**
 * Text decoded from a file, with a warning when the encoding had to be guessed, or — for a
 * file that is not text at all — one error and no text.
 *
 * @example
 * ```ts
 * const { text, encoding, warnings, errors } = decodeText(bytes, 'nodes.csv');
 * if (errors.length) console.log(errors[0].code); // 'E_NOT_TEXT'
 * ```
 */
export interface DecodedText {
  text: string;
  /** `'utf-8'`, `'utf-16le'` (with a BOM) or `'gb18030'`. */
  encoding: 'utf-8' | 'utf-16le' | 'gb18030';
  warnings: JcIssue[];
  /** `E_NOT_TEXT` when the content is binary (NUL bytes) or neither UTF-8 nor GB18030; then `text` is `''`. */
  errors: JcIssue[];
}

/**
 * The problem with content that is not text: a NUL byte (a binary file — an image, a
 * spreadsheet saved as .xlsx, a zip) or bytes that are neither UTF-8 nor GB18030.
 */
function notText(file: string | undefined, why: 'nul' | 'encoding', at?: number): JcIssue {
  const where = file !== undefined ? { file } : {};
  return why === 'nul'
    ? issue('E_NOT_TEXT', `不是文本文件：第 ${at} 字节为 NUL（二进制文件，如 .xlsx、图片或压缩包？请另存为 CSV UTF-8）`,
      `not a text file: byte ${at} is NUL (a binary file such as .xlsx, an image or an archive? save it as CSV UTF-8)`, where)
    : issue('E_NOT_TEXT', '不是文本文件：内容既不是 UTF-8 也不是 GB18030 编码', 'not a text file: the content is neither UTF-8 nor GB18030', where);
}

/**
 * Decodes a file's content: a string is taken as is (a leading BOM removed); bytes with a
 * UTF-16LE BOM (Excel's "Unicode text") are read as UTF-16; other bytes are read as UTF-8 (BOM
 * removed) and, if they are not valid UTF-8, as GB18030 (a superset of GBK, the
 * encoding Excel uses on Chinese Windows) with a warning `W_ENCODING_GB18030`. Content that
 * is not text — a NUL character anywhere, or bytes valid in neither encoding — gives one
 * error `E_NOT_TEXT` and no text, so that a binary file is named once as what it is instead
 * of as thousands of broken rows.
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text; // 'a'
 * decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text; // '你好' (GBK), with a warning
 * decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00])).errors[0].code; // 'E_NOT_TEXT' (a zip)
 * ```
 */
export function decodeText(input: string | Uint8Array, file?: string): DecodedText {
  const none = (e: JcIssue, encoding: DecodedText['encoding'] = 'utf-8'): DecodedText => ({ text: '', encoding, warnings: [], errors: [e] });
  if (typeof input === 'string') {
    const nul = input.indexOf('\0');
    if (nul >= 0) return none(notText(file, 'nul', nul + 1));
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'utf-8', warnings: [], errors: [] };
  }
  if (!(input instanceof Uint8Array)) {
    throw new JcError(issue('E_ARGUMENT', '文件内容应为字符串或 Uint8Array', 'file content must be a string or a Uint8Array'));
  }
  if (input[0] === 0xff && input[1] === 0xfe) {
    // Excel's "Unicode text" (UTF-16LE with a BOM): NUL bytes are part of it; a NUL character is not.
    const text = new TextDecoder('utf-16le').decode(input.subarray(2));
    const nul = text.indexOf('\0');
    if (nul >= 0) return none(notText(file, 'nul', 2 + 2 * nul + 1), 'utf-16le');
    return { text, encoding: 'utf-16le', warnings: [], errors: [] };
  }
  const nul = input.indexOf(0);
  if (nul >= 0) return none(notText(file, 'nul', nul + 1));
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [], errors: [] };
  } catch {
    let text: string;
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return none(notText(file, 'encoding'));
    }
    const w = issue('W_ENCODING_GB18030', '文件不是 UTF-8 编码，已按 GB18030（GBK）读取；请核对中文是否正确',
      'the file is not UTF-8; it was read as GB18030 (GBK) — check that the Chinese text is right',
      file !== undefined ? { file, severity: 'warning' } : { severity: 'warning' });
    return { text, encoding: 'gb18030', warnings: [w], errors: [] };
  }
}

/**
 * Makes every row break of a CSV text `\n` — CRLF, CR or a mix, as when rows were appended
 * in another editor — while line breaks inside quoted values stay exactly as they were.
 *
 * @example
 * ```ts
 * unifyRowBreaks('a,b\r\n1,"x\r\ny"\n2,z\r'); // 'a,b\n1,"x\r\ny"\n2,z\n'
 * ```
 */
export function unifyRowBreaks(text: string): string {
  needString('unifyRowBreaks', 'text', text);
  if (!text.includes('\r')) return text;
  // A quoted section (a doubled quote splits it in two, which keeps the parity) stays as it is;
  // a CR or CRLF outside quotes becomes LF. One native replace instead of a string built per row.
  return text.replace(/"[^"]*(?:"|$)|\r\n?/g, (m) => (m.charCodeAt(0) === 34 ? m : '\n'));
}
