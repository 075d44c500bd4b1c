/**
 * Import and export: the versioned JSON document and CSV files, with every problem named by
 * file, row and column.
 * @module
 */
export * from './text.js';
export * from './columns.js';
export { emptyOverlayInput, type Dataset } from './dataset.js';
export * from './json.js';
export * from './csv.js';
export * from './csv-write.js';
export * from './args.js';
