/**
 * The three lists (work, sector, project), the responsibility list and the policy set.
 * @module
 */
export * from './types.js';
export * from './events.js';
export * from './rollup.js';
export * from './csv.js';
