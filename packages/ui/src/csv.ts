/**
 * One CSV text field, written as the core's CSV writer writes it (`writeCsv` of
 * `@jiceng/core/io`), for the elements' own downloads without loading the core: the same
 * formula escaping (reversible, so the core's importers read back exactly the text) and the
 * same quoting. A test holds the two writers equal over arbitrary text.
 * @module
 */
import { need } from './args.js';

/** Text a spreadsheet would run as a formula, or such text already escaped with `'`s. */
const FORMULA = /^'*[=+\-@\t\r]/;
/** What makes a field need quotes (besides escaping and edge spaces): a delimiter, a quote, a line break, a byte-order mark. */
const QUOTE = /[",\r\n\ufeff]/;

/**
 * A text cell as an RFC 4180 CSV field: text a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, tab, CR, after any `'`s) gets one more leading `'` and quotes; text with a comma,
 * quote, line break, byte-order mark or an edge space is quoted, quotes doubled.
 *
 * @example
 * ```ts
 * csvTextField('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 * csvTextField('生态环保');          // '生态环保'
 * ```
 */
export function csvTextField(text: string): string {
  need('csvTextField', 'text', text, 'string');
  const formula = FORMULA.test(text);
  const s = formula ? `'${text}` : text;
  return formula || QUOTE.test(s) || s.startsWith(' ') || s.endsWith(' ') ? `"${s.replace(/"/g, '""')}"` : s;
}
