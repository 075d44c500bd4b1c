/**
 * The one CSV writer: every CSV the library exports (hierarchy sets, scoped exports, lists)
 * is written here, with papaparse's `unparse`, so that quoting and formula escaping are the
 * same everywhere.
 *
 * **Formula cells.** A spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * CR as a formula (CSV injection). Such text is accepted in the data (a name may be
 * `-` something) but every export writes it with a leading `'`, which spreadsheets show as
 * text. Escaping is reversible: text that already begins with `'`s followed by a trigger gets
 * one more `'`, and {@link unescapeCsvCell} (applied by every CSV importer) removes exactly
 * one, so an import of an export gives back the same data. Numbers and booleans are never
 * escaped (`-5` stays a number).
 * @module
 */
import Papa from 'papaparse';
import { issue, JcError } from '../errors/errors.js';
import { isList, jsonOf } from '../errors/args.js';

/** Text a spreadsheet would run as a formula, or such text already escaped with `'`s. */
const FORMULA = /^'*[=+\-@\t\r]/;
/** An escaped formula cell: one or more `'` before a formula trigger. */
const ESCAPED = /^'+[=+\-@\t\r]/;

/**
 * Options of {@link writeCsv}.
 *
 * @example
 * ```ts
 * const o: CsvWriteOptions = { bom: true };
 * ```
 */
export interface CsvWriteOptions {
  /** Prefix a UTF-8 byte-order mark, so that Excel opens the file as UTF-8. Default false. */
  bom?: boolean;
}

/**
 * Writes a table as CSV (RFC 4180, CRLF line ends, a final line end): the header, then one
 * line per row. Cells may be strings, numbers, booleans (written `true`/`false`), `null` or
 * `undefined` (empty); objects are written as JSON. Fields with commas, quotes, line breaks
 * or edge spaces are quoted; formula text is escaped with a leading `'` (see the module
 * notes). A header or row that is not an array, or a row longer than the header, is a
 * `JcError` (`E_ARGUMENT`).
 *
 * @example
 * ```ts
 * writeCsv(['name', 'count'], [['=HYPERLINK("x")', 3], ['a,b', -5]]);
 * // 'name,count\r\n"\'=HYPERLINK(""x"")",3\r\n"a,b",-5\r\n'
 * ```
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly unknown[])[], opts: CsvWriteOptions = {}): string {
  if (!isList(header) || header.some((h) => typeof h !== 'string')) {
    throw new JcError(issue('E_ARGUMENT', 'CSV 表头应为字符串数组', 'the CSV header must be an array of strings', { column: 'header' }));
  }
  if (!isList(rows)) throw new JcError(issue('E_ARGUMENT', 'CSV 行应为数组', 'the CSV rows must be an array', { column: 'rows' }));
  const data: unknown[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!isList(r) || r.length > header.length) {
      throw new JcError(issue('E_ARGUMENT', `CSV 第 ${i + 1} 行应为数组，且不多于 ${header.length} 个字段`,
        `CSV row ${i + 1} must be an array of at most ${header.length} fields`, { column: 'rows' }));
    }
    const cells = new Array<unknown>(header.length);
    for (let c = 0; c < header.length; c++) {
      const v = r[c];
      cells[c] = v === undefined || v === null ? null
        : typeof v === 'number' ? (Number.isFinite(v) ? v : '')
        : typeof v === 'object' ? jsonOf('writeCsv', 'rows', v)
        : typeof v === 'bigint' ? v.toString()
        : v;
    }
    data.push(cells);
  }
  // The header as the first row: papaparse writes nothing after a header without rows.
  const body = Papa.unparse([[...header], ...data], { newline: '\r\n', escapeFormulae: FORMULA, header: false, skipEmptyLines: false });
  return `${opts.bom ? '\ufeff' : ''}${body}\r\n`;
}

/**
 * Undoes {@link writeCsv}'s formula escaping on one imported cell: `'=x` → `=x`,
 * `''=x` → `'=x`; any other text is returned as it is. Every CSV importer of the library
 * applies it, so that an import of an export gives back the same data.
 *
 * @example
 * ```ts
 * unescapeCsvCell("'=SUM(A1)"); // '=SUM(A1)'
 * unescapeCsvCell("'tis");       // "'tis"
 * ```
 */
export function unescapeCsvCell(cell: string): string {
  if (typeof cell !== 'string') throw new JcError(issue('E_ARGUMENT', 'CSV 单元格应为字符串', 'a CSV cell must be a string'));
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}
