/**
 * Exports: the only way records leave as files. Scoped, masked, purpose-bound and audited.
 * @module
 */
import { ok, type Result } from '../errors.js';
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
  const format = options.format ?? 'jsonl';
  const r = viewRecords(access, kind, records, { purpose: options.purpose, view: 'export' }, 'export', format);
  if (!r.ok) return r;
  return format === 'csv'
    ? ok({ text: toCsv(r.value), count: r.value.length, mime: 'text/csv' })
    : ok({ text: toJsonLines(r.value), count: r.value.length, mime: 'application/jsonl' });
}

/**
 * Serialises records as CSV (RFC 4180, CRLF line ends, header from the union of keys).
 * Cells that a spreadsheet would run as a formula (`= + - @`, tab, CR) get a leading `'`.
 *
 * @example
 * ```ts
 * toCsv([{ a: 1, b: 'x,y' }]); // 'a,b\r\n1,"x,y"\r\n'
 * ```
 */
export function toCsv(records: readonly Record<string, unknown>[]): string {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), cols.push(k));
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    let s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  let out = `${cols.map(cell).join(',')}\r\n`;
  for (const r of records) out += `${cols.map((c) => cell(r[c])).join(',')}\r\n`;
  return out;
}
