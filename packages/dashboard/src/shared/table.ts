/**
 * The figures behind a chart as a table: rendered as the visually hidden data table that
 * screen readers read, and written as CSV — both from the same model, so the export holds
 * exactly what is shown.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import type { Figure, ValueFormat } from './types.js';
import { csvTextField, need } from '@jiceng/ui';

/**
 * A cell: text (a label) or a figure with its format.
 *
 * @example
 * ```ts
 * const cells: Cell[] = ['霞林街道', { v: 0.991, format: 'percent' }];
 * ```
 */
export type Cell = string | { v: Figure | undefined; format: ValueFormat };

/**
 * A titled table of figures.
 *
 * @example
 * ```ts
 * const t: TableModel = { title: '类别分布', head: ['类别', '数值'], rows: [['生态环保', { v: 812, format: 'count' }]] };
 * ```
 */
export interface TableModel {
  title: string;
  head: string[];
  rows: Cell[][];
}

/**
 * Whether any figure of the tables was suppressed (`null`).
 *
 * @example
 * ```ts
 * anySuppressed([{ title: 't', head: ['v'], rows: [[{ v: null, format: 'count' }]] }]); // true
 * ```
 */
export function anySuppressed(tables: TableModel[]): boolean {
  need('anySuppressed', 'tables', tables, 'array');
  for (const t of tables) need('anySuppressed', 'tables[]', t, 'object', { rows: 'array' });
  return tables.some((t) => t.rows.some((r) => r.some((c) => typeof c === 'object' && c.v === null)));
}

/**
 * Renders a table model as a visually hidden `<table>` for screen readers.
 *
 * @example
 * ```ts
 * html`${dataTable(model, fmt, '类别分布数据表')}`;
 * ```
 */
export function dataTable(t: TableModel, f: Formats, caption: string): TemplateResult {
  need('dataTable', 't', t, 'object', { title: 'string', head: 'array', rows: 'array' });
  need('dataTable', 'f', f, 'object');
  need('dataTable', 'caption', caption, 'string');
  // Wrapped: a table ignores block-size, so the box that clips it must be a block.
  return html`<div class="jc-visually-hidden"><table part="data-table">
    <caption>${caption}</caption>
    <thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${t.rows.map((r) => html`<tr>${r.map((c, i) =>
      i === 0 ? html`<th scope="row">${cellText(c, f)}</th>` : html`<td>${cellText(c, f)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}

function cellText(c: Cell, f: Formats): string {
  return typeof c === 'string' ? c : f.value(c.v, c.format).text;
}

function csvCell(c: Cell, f: Formats): string {
  if (typeof c === 'string') return csvTextField(c);
  if (c.v === null) return csvTextField(f.value(null, c.format).text);
  return typeof c.v === 'number' && c.v === c.v ? String(c.v) : '';
}

/**
 * Writes tables as CSV (RFC 4180, CRLF), one block per table headed by its title. Figures
 * are written raw (rates as fractions), suppressed ones with the suppression mark, and text
 * that a spreadsheet would read as a formula is prefixed with `'`.
 *
 * @example
 * ```ts
 * toCsv([model], fmt); // '类别分布\r\n类别,数值\r\n生态环保,812\r\n'
 * ```
 */
export function toCsv(tables: TableModel[], f: Formats): string {
  need('toCsv', 'tables', tables, 'array');
  for (const t of tables) need('toCsv', 'tables[]', t, 'object', { title: 'string', head: 'array', rows: 'array' });
  need('toCsv', 'f', f, 'object');
  const lines: string[] = [];
  tables.forEach((t, i) => {
    if (i > 0) lines.push('');
    lines.push(csvTextField(t.title));
    lines.push(t.head.map((h) => csvTextField(h)).join(','));
    for (const r of t.rows) lines.push(r.map((c) => csvCell(c, f)).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}
