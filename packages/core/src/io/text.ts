/**
 * Turning file bytes into text the way district offices' files need: UTF-8 with or without a
 * BOM, or GB18030/GBK as Excel in China saves it.
 * @module
 */
import { issue, type JcIssue } from '../errors.js';

/**
 * Text decoded from a file, with a warning when the encoding had to be guessed.
 *
 * @example
 * ```ts
 * const { text, encoding, warnings } = decodeText(bytes, 'nodes.csv');
 * ```
 */
export interface DecodedText {
  text: string;
  /** `'utf-8'`, `'utf-16le'` (with a BOM) or `'gb18030'`. */
  encoding: 'utf-8' | 'utf-16le' | 'gb18030';
  warnings: JcIssue[];
}

/**
 * Decodes a file's content: a string is taken as is (a leading BOM removed); bytes with a
 * UTF-16LE BOM (Excel's "Unicode text") are read as UTF-16; other bytes are read as UTF-8 (BOM
 * removed) and, if they are not valid UTF-8, as GB18030 (a superset of GBK, the
 * encoding Excel uses on Chinese Windows) with a warning `W_ENCODING_GB18030`.
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text; // 'a'
 * decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text; // '你好' (GBK), with a warning
 * ```
 */
export function decodeText(input: string | Uint8Array, file?: string): DecodedText {
  if (typeof input === 'string') {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'utf-8', warnings: [] };
  }
  if (input[0] === 0xff && input[1] === 0xfe) {
    // Excel's "Unicode text" (UTF-16LE with a BOM).
    return { text: new TextDecoder('utf-16le').decode(input.subarray(2)), encoding: 'utf-16le', warnings: [] };
  }
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    const w = issue('W_ENCODING_GB18030', '文件不是 UTF-8 编码，已按 GB18030（GBK）读取；请核对中文是否正确',
      'the file is not UTF-8; it was read as GB18030 (GBK) — check that the Chinese text is right',
      file !== undefined ? { file, severity: 'warning' } : { severity: 'warning' });
    return { text, encoding: 'gb18030', warnings: [w] };
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
  if (!text.includes('\r')) return text;
  // A quoted section (a doubled quote splits it in two, which keeps the parity) stays as it is;
  // a CR or CRLF outside quotes becomes LF. One native replace instead of a string built per row.
  return text.replace(/"[^"]*(?:"|$)|\r\n?/g, (m) => (m.charCodeAt(0) === 34 ? m : '\n'));
}
