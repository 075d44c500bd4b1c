/**
 * `@jiceng/putian`: the Putian profile — the six-level preset, the real divisions down to
 * town level, and a deterministic generator of the rest of the city with its party overlay,
 * reproducing every count of the seed document.
 *
 * @example
 * ```ts
 * import { buildHierarchy } from '@jiceng/core';
 * import { generatePutian, putianSummary, formatPutianSummary } from '@jiceng/putian';
 * const data = generatePutian({ seed: 1 });
 * console.log(formatPutianSummary(putianSummary(data), 'en'));
 * ```
 * @packageDocumentation
 */
export * from './levels.js';
export * from './divisions.js';
export * from './counts.js';
export * from './generate.js';
export * from './summary.js';
export * from './lists.js';
export * from './registry.js';
export * from './lists-summary.js';
export * from './scenario/index.js';
export * from './engagement/index.js';
export * from './geometry/index.js';
