/**
 * Exports: the only way records leave as files. Scoped, masked, purpose-bound and audited.
 * @module
 */
import { issue, JcError, ok, type Result } from '../errors/errors.js';
import { writeCsv } from '../io/csv-write.js';
import { argumentError, isList, needObject } from '../errors/args.js';
import { toJsonLines } from './audit.js';
import type { Access } from './context.js';
import { viewRecords, type PlainRecord } from './read.js';

/**
 * Options of {@link scopedExport}.
 *
 * @example
 * ```ts
 * const o: ExportOptions = { purpose: '月度报表', format: 'csv' };
 * ```
 */
export interface ExportOptions {
  /** Why the file is made (required). */
  purpose: string;
  /** `jsonl` (default) or `csv`. */
  format?: 'jsonl' | 'csv';
}

/**
 * An export file.
 *
 * @example
 * ```ts
 * const f: ExportFile = { text: '{"id":"c1"}\n', count: 1, mime: 'application/jsonl' };
 * ```
 */
export interface ExportFile {
  /** The file's content. */
  text: string;
  /** Number of records in it. */
  count: number;
  /** Its media type. */
  mime: 'application/jsonl' | 'text/csv';
}

/**
 * Exports the records the actor may see, masked for the `export` view, as JSON Lines or CSV,
 * and writes an `export` audit event. Refused (and the attempt audited) without a purpose.
 *
 * @example
 * ```ts
 * const r = scopedExport(access, 'case', cases, { purpose: '月度报表', format: 'csv' });
 * if (r.ok) download(r.value.text);
 * ```
 */
export function scopedExport(
  access: Access,
  kind: string,
  records: Iterable<PlainRecord>,
  options: ExportOptions,
): Result<ExportFile> {
  needObject('scopedExport', 'options', options);
  if (options.format !== undefined && options.format !== 'jsonl' && options.format !== 'csv') throw argumentError('scopedExport', 'options.format', { zh: ' jsonl 或 csv', en: 'jsonl or csv' });
  const format = options.format ?? 'jsonl';
  const r = viewRecords(access, kind, records, { purpose: options.purpose, view: 'export' }, 'export', format);
  if (!r.ok) return r;
  return format === 'csv'
    ? ok({ text: toCsv(r.value), count: r.value.length, mime: 'text/csv' })
    : ok({ text: toJsonLines(r.value), count: r.value.length, mime: 'application/jsonl' });
}

/**
 * Serialises records as CSV with the library's one CSV writer ({@link writeCsv}): RFC 4180,
 * CRLF line ends, the header from the union of keys, objects as JSON. Text that a
 * spreadsheet would run as a formula (`= + - @`, tab, CR) gets a leading `'`.
 *
 * @example
 * ```ts
 * toCsv([{ a: 1, b: 'x,y' }]); // 'a,b\r\n1,"x,y"\r\n'
 * ```
 */
export function toCsv(records: readonly Record<string, unknown>[]): string {
  if (!isList(records)) throw new JcError(issue('E_ARGUMENT', '记录应为数组', 'records must be an array'));
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (typeof r !== 'object' || r === null) throw new JcError(issue('E_ARGUMENT', '每条记录应为对象', 'each record must be an object'));
    for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); cols.push(k); }
  }
  return writeCsv(cols, records.map((r) => cols.map((c) => r[c])));
}
