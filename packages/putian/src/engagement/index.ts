/**
 * The Putian engagement year: members, rosters, orders, hours and points.
 * @module
 */
export * from './inputs.js';
export * from './generate.js';
export * from './summary.js';
