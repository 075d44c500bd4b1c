/**
 * `@jiceng/core`: the domain of grid-based grassroots governance, pure TypeScript — no DOM,
 * no I/O. Each area has its own module; everything is re-exported here.
 * @packageDocumentation
 */
export * from './errors.js';
export * from './hierarchy/index.js';
export * from './cases/index.js';
export * from './access/index.js';
export * from './metrics/index.js';
export * from './lists/index.js';
