/**
 * `@jiceng/core`: the domain of grid-based grassroots governance, pure TypeScript.
 * @packageDocumentation
 */
export * from './errors.js';
export * from './hierarchy/types.js';
export * from './hierarchy/contract.js';
