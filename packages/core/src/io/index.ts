/**
 * `@jiceng/core/io`: import and export — the versioned JSON document and CSV files.
 * Every problem is named by file, row and column; text in GBK or UTF-8 (with or without BOM)
 * and any line ending is read; `writeCsv` is the one CSV writer of the project.
 *
 * @example
 * ```ts
 * import { importCsv, exportCsv } from '@jiceng/core/io';
 * const r = importCsv({ 'nodes.csv': bytes }, { config });
 * if (r.ok) console.log(exportCsv(r.value.hierarchy, r.value.overlay)['nodes.csv'].length);
 * ```
 * @module
 */
export { CSV_FILES, type CsvColumn, type CsvFileKind } from './columns.js';
export { type CsvWriteOptions, unescapeCsvCell, writeCsv } from './csv-write.js';
export { type CsvFiles, exportCsv, importConfig, importCsv } from './csv.js';
export { type Dataset, emptyOverlayInput } from './dataset.js';
export { exportJson, type HierarchyDocument, importJson, toDocument } from './json.js';
export { type DecodedText, decodeText, unifyRowBreaks } from './text.js';
