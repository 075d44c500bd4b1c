/**
 * The hierarchy: levels, nodes, the pre-order index, the party overlay, import and export.
 * @module
 */
export * from './types.js';
export * from './contract.js';
export * from './codes.js';
export * from './build.js';
export * from './names.js';
export * from '../overlay/index.js';
export * from '../io/index.js';
