/**
 * CSV import and export: `nodes.csv` plus one file per overlay part (see {@link CSV_FILES}),
 * and optionally `config.json`. Every row is checked with zod; every problem names file,
 * row, column and cause; a set of files with any error yields nothing.
 * @module
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { fail, issue, ok, type JcIssue, type Result } from '../errors/errors.js';
import { checkConfig } from '../hierarchy/build.js';
import type { Hierarchy } from '../hierarchy/build.js';
import type { HierarchyConfig, NodeInput } from '../hierarchy/types.js';
import type { Overlay, OverlaySources } from '../overlay/overlay.js';
import type { OverlayInput } from '../overlay/types.js';
import { CSV_FILES, type CsvColumn, type CsvFileKind } from './columns.js';
import { assemble, emptyOverlayInput, type Dataset } from './dataset.js';
import { configSchema, zodIssues } from './schemas.js';
import { decodeText, unifyRowBreaks } from './text.js';
import { unescapeCsvCell, writeCsv } from './csv-write.js';
import { argumentError, isObject, needHierarchy, needObject } from '../errors/args.js';

const TRUE = new Set(['1', 'true', 'TRUE', 'True', '是', 'yes', 'Y', 'y']);
const FALSE = new Set(['0', 'false', 'FALSE', 'False', '否', 'no', 'N', 'n']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A zod schema for one row of a file, built from its column specs. */
function rowSchema(columns: readonly CsvColumn[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    let s: z.ZodType;
    if (c.type === 'bool') s = z.string().refine((v) => TRUE.has(v) || FALSE.has(v), { params: { kind: 'bool' } });
    else if (c.type === 'date') s = z.string().regex(DATE);
    else if (c.type === 'enum') s = z.enum(c.values as [string, ...string[]]);
    else s = z.string();
    shape[c.header] = c.required ? s : s.optional();
  }
  return z.object(shape);
}
const schemas = new Map<CsvFileKind, z.ZodType>();
const schemaOf = (kind: CsvFileKind) => {
  let s = schemas.get(kind);
  if (!s) schemas.set(kind, (s = rowSchema(CSV_FILES[kind].columns)));
  return s;
};

/** Rows of one file as records (best effort: values that fail their check are kept raw or dropped). */
interface ParsedFile {
  records: Record<string, unknown>[];
  rows: number[];
  /** False when the header lacks a required column: the rows were not read. */
  usable: boolean;
}

function parseFile(kind: CsvFileKind, file: string, input: string | Uint8Array, errors: JcIssue[], warnings: JcIssue[], cells: Set<string>): ParsedFile {
  const { columns } = CSV_FILES[kind];
  const dec = decodeText(input, file);
  warnings.push(...dec.warnings);
  if (dec.errors.length) {
    // Not text (a binary file): one error for the file, not one per "row" of noise.
    errors.push(...dec.errors);
    return { records: [], rows: [], usable: false };
  }
  // Comma-separated, or tab-separated as Excel's "Unicode text" saves it (judged by the header).
  const firstLine = dec.text.slice(0, Math.max(0, dec.text.search(/\r?\n/)) || dec.text.length);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(unifyRowBreaks(dec.text), { header: false, delimiter, newline: '\n', skipEmptyLines: false });
  const out: ParsedFile = { records: [], rows: [], usable: true };
  const data = parsed.data;
  // A final empty line is not a row.
  while (data.length > 0 && data[data.length - 1].length === 1 && data[data.length - 1][0] === '') data.pop();
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    const row = (e.row ?? 0) + 1;
    errors.push(issue('E_CSV_SYNTAX', `CSV 格式错误：${e.code === 'MissingQuotes' ? '引号未闭合' : e.code === 'TooManyFields' ? '字段过多' : e.code === 'TooFewFields' ? '字段过少' : e.message}`,
      `CSV syntax error: ${e.message}`, { file, row }));
    cells.add(`${file}|${row}|`);
  }
  const header = (data[0] ?? []).map((h) => h.trim());
  const at = new Map<string, number>();
  header.forEach((h, j) => {
    if (h === '') return;
    if (at.has(h)) {
      errors.push(issue('E_CSV_HEADER', `表头列“${h}”重复`, `header column "${h}" appears twice`, { file, row: 1, column: h }));
    } else at.set(h, j);
    if (!columns.some((c) => c.header === h)) {
      warnings.push(issue('W_CSV_COLUMN', `未知列“${h}”已忽略`, `unknown column "${h}" ignored`, { file, row: 1, column: h, severity: 'warning' }));
    }
  });
  const missing = columns.filter((c) => c.required && !at.has(c.header));
  for (const c of missing) {
    errors.push(issue('E_CSV_HEADER', `缺少必需的列“${c.header}”（${c.doc.zh}）`, `missing required column "${c.header}" (${c.doc.en})`, { file, row: 1, column: c.header }));
  }
  if (missing.length > 0) out.usable = false;
  if (data.length === 0 || missing.length > 0) return out;
  const schema = schemaOf(kind);
  const colAt = columns.map((c) => at.get(c.header));
  for (let r = 1; r < data.length; r++) {
    const cellsOfRow = data[r];
    const row = r + 1;
    if (cellsOfRow.length === 1 && cellsOfRow[0].trim() === '') continue; // an empty line
    if (cells.has(`${file}|${row}|`)) continue; // a syntax error on this row
    const raw: Record<string, string | undefined> = {};
    for (let ci = 0; ci < columns.length; ci++) {
      const c = columns[ci];
      const j = colAt[ci];
      let v = j === undefined ? undefined : cellsOfRow[j];
      if (v !== undefined) v = unescapeCsvCell(v); // an export's formula escaping
      if (v !== undefined && c.type !== 'text') v = v.trim();
      raw[c.header] = v === '' ? undefined : v;
    }
    const res = schema.safeParse(raw, { reportInput: true });
    if (!res.success) {
      for (const p of zodIssues(res.error.issues, (path) => {
        const c = columns.find((x) => x.header === path);
        return c ? c.doc : { zh: path, en: path };
      })) {
        errors.push({ ...p, file, row });
        cells.add(`${file}|${row}|${p.column}`);
      }
    }
    const rec: Record<string, unknown> = {};
    for (const c of columns) {
      const v = raw[c.header];
      if (v === undefined) continue;
      if (c.type === 'bool') {
        if (TRUE.has(v)) rec[c.field] = true;
        else if (FALSE.has(v)) rec[c.field] = false;
      } else rec[c.field] = v;
    }
    if (kind === 'nodes' && rec.parent === undefined) rec.parent = null;
    if (kind === 'nodes' && rec.zone === false) delete rec.zone;
    out.records.push(rec);
    out.rows.push(row);
  }
  return out;
}

/**
 * Reads a level configuration (`config.json`: a {@link HierarchyConfig}) from text or bytes,
 * checked with zod and {@link checkConfig}.
 *
 * @example
 * ```ts
 * const c = importConfig(readFileSync('config.json'), { file: 'config.json' });
 * if (c.ok) importCsv(files, { config: c.value });
 * ```
 */
export function importConfig(input: string | Uint8Array, opts: { file?: string } = {}): Result<HierarchyConfig> {
  needObject('importConfig', 'opts', opts);
  const at = opts.file !== undefined ? { file: opts.file } : {};
  const dec = decodeText(input, opts.file);
  if (dec.errors.length) return fail(dec.errors, dec.warnings);
  let json: unknown;
  try {
    json = JSON.parse(dec.text);
  } catch (e) {
    return fail([issue('E_JSON_SYNTAX', `JSON 格式错误：${(e as Error).message}`, `JSON syntax error: ${(e as Error).message}`, at)], dec.warnings);
  }
  const res = configSchema.safeParse(json, { reportInput: true });
  if (!res.success) return fail(zodIssues(res.error.issues).map((p) => ({ ...p, ...at })), dec.warnings);
  const config = res.data as HierarchyConfig;
  const problems = checkConfig(config).map((p) => ({ ...p, ...at }));
  return problems.length > 0 ? fail(problems, dec.warnings) : ok(config, dec.warnings);
}

/**
 * Files keyed by file name (`nodes.csv`, `organisations.csv`, `people.csv`,
 * `facilities.csv`, `compounds.csv`, `pairings.csv`, `config.json`), as text or bytes.
 *
 * @example
 * ```ts
 * const files: CsvFiles = { 'nodes.csv': readFileSync('nodes.csv') };
 * ```
 */
export type CsvFiles = Record<string, string | Uint8Array>;

/**
 * Imports a hierarchy and its overlay from CSV files. The configuration comes from
 * `config.json` among the files, or else from `opts.config`. Each row is checked with zod,
 * then the whole is checked structurally; all problems of all files are returned at once,
 * each with file, row (header = row 1), column, code and zh/en text. With any error there is
 * no dataset, and nothing the caller holds is changed.
 *
 * @example
 * ```ts
 * const r = importCsv({ 'nodes.csv': text, 'people.csv': bytes }, { config });
 * if (!r.ok) for (const e of r.errors) console.log(formatIssue(e, 'en'));
 * ```
 */
export function importCsv(files: CsvFiles, opts: { config?: HierarchyConfig } = {}): Result<Dataset> {
  needObject('importCsv', 'files', files);
  needObject('importCsv', 'opts', opts);
  for (const [name, content] of Object.entries(files)) {
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) throw argumentError('importCsv', `files["${name}"]`, { zh: '文本或字节', en: 'a string or bytes' });
  }
  if (opts.config !== undefined) needObject('importCsv', 'opts.config', opts.config);
  const errors: JcIssue[] = [];
  const warnings: JcIssue[] = [];
  const cells = new Set<string>();
  let config = opts.config;
  const cfgFile = files['config.json'];
  if (cfgFile !== undefined) {
    const c = importConfig(cfgFile, { file: 'config.json' });
    warnings.push(...c.warnings);
    if (c.ok) config = c.value;
    else errors.push(...c.errors);
  }
  const known = new Set<string>(['config.json', ...Object.values(CSV_FILES).map((f) => f.file)]);
  for (const name of Object.keys(files)) {
    if (!known.has(name)) {
      warnings.push(issue('W_UNKNOWN_FILE', `未知文件“${name}”已忽略`, `unknown file "${name}" ignored`, { file: name, severity: 'warning' }));
    }
  }
  const nodesFile = CSV_FILES.nodes.file;
  if (files[nodesFile] === undefined) {
    errors.push(issue('E_MISSING_FILE', `缺少文件 ${nodesFile}`, `missing file ${nodesFile}`, { file: nodesFile }));
  }
  if (!config && cfgFile === undefined) {
    errors.push(issue('E_NO_CONFIG', '缺少层级配置：请提供 config.json 或在调用时传入', 'no level configuration: add config.json or pass one', { file: 'config.json' }));
  }
  const parsed = {} as Record<CsvFileKind, ParsedFile>;
  for (const kind of Object.keys(CSV_FILES) as CsvFileKind[]) {
    const f = CSV_FILES[kind].file;
    const content = files[f];
    parsed[kind] = content === undefined ? { records: [], rows: [], usable: true } : parseFile(kind, f, content, errors, warnings, cells);
  }
  if (!config || files[nodesFile] === undefined || !parsed.nodes.usable) return fail(errors, warnings);
  const overlay = emptyOverlayInput();
  const sources: OverlaySources = {};
  for (const part of ['organisations', 'people', 'facilities', 'compounds', 'pairings'] as const) {
    (overlay[part] as unknown[]) = parsed[part].records;
    sources[part] = { file: CSV_FILES[part].file, rows: parsed[part].rows };
  }
  return assemble(
    config,
    parsed.nodes.records as unknown as NodeInput[],
    overlay,
    { file: nodesFile, rows: parsed.nodes.rows, sources },
    { errors, warnings },
    (p) => cells.has(`${p.file}|${p.row}|${p.column}`),
  );
}

/**
 * Exports a hierarchy (nodes in pre-order) and its overlay as CSV texts keyed by file name,
 * plus `config.json`, with the library's one CSV writer ({@link writeCsv}): fields with
 * commas, quotes or line breaks are quoted, text a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'` that {@link importCsv} removes again, so
 * that importing the files gives back the same hierarchy; `bom: true` prefixes each CSV
 * with a UTF-8 BOM so that Excel opens it as UTF-8.
 *
 * @example
 * ```ts
 * const files = exportCsv(dataset.hierarchy, dataset.overlay, { bom: true });
 * for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
 * ```
 */
export function exportCsv(hierarchy: Hierarchy, overlay?: Overlay, opts: { bom?: boolean } = {}): Record<string, string> {
  needHierarchy('exportCsv', hierarchy);
  if (overlay !== undefined && !(isObject(overlay) && isObject(overlay.data))) throw argumentError('exportCsv', 'overlay', { zh: ' buildOverlay 建成的叠加层', en: 'an overlay built by buildOverlay' });
  needObject('exportCsv', 'opts', opts);
  const out: Record<string, string> = { 'config.json': JSON.stringify(hierarchy.config, null, 2) + '\n' };
  const write = (kind: CsvFileKind, records: readonly object[]) => {
    const { file, columns } = CSV_FILES[kind];
    const rows = records.map((r) => columns.map((c) => {
      const v = (r as Record<string, unknown>)[c.field];
      return typeof v === 'boolean' ? (v ? '1' : '0') : v;
    }));
    out[file] = writeCsv(columns.map((c) => c.header), rows, { bom: opts.bom === true });
  };
  write('nodes', hierarchy.nodes());
  const data: OverlayInput = overlay ? (overlay.data as unknown as OverlayInput) : emptyOverlayInput();
  for (const part of ['organisations', 'people', 'facilities', 'compounds', 'pairings'] as const) write(part, data[part]);
  return out;
}
