/**
 * Indicators and slices over the case facts and the hierarchy.
 * @module
 */
export * from './period.js';
export * from './measure.js';
export * from './indicators.js';
export * from './types.js';
export * from './row.js';
export * from './engine.js';
export * from './dashboard.js';
export * from './sources.js';
