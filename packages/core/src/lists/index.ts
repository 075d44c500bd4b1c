/**
 * The three lists (work, sector, project), the responsibility list, the empowered-matters
 * catalogue, the "1+4+21+N" policy set and the funding ledger.
 * @module
 */
export * from './types.js';
export * from './events.js';
export * from './funding.js';
export * from './funding-check.js';
export * from './rollup.js';
export * from './csv.js';
export * from './csv-export.js';
export * from './policy-set.js';
export * from './rules.js';
export * from './node-view.js';
export * from './context.js';
