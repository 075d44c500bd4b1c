/**
 * Indicators and slices over the case facts and the hierarchy.
 * @module
 */
export {};
