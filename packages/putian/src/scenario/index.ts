/**
 * The Putian case history generator.
 * @module
 */
export * from './context.js';
export * from './simulate.js';
