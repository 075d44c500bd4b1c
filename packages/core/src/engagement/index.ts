/**
 * `@jiceng/core/engagement`: 群众点单、社区派单、党员接单, the time bank and points (积分制) —
 * members reporting to communities and their rosters, service orders and candidate
 * suggestion, a double-entry ledger for hours and points with city rules as data, claims,
 * settlement, the shop, and participation rankings. Event-sourced like the case loop.
 *
 * @example
 * ```ts
 * import { EngagementStore, suggestCandidates } from '@jiceng/core/engagement';
 * const store = new EngagementStore({ hierarchy, calendar, clock: () => Date.now() });
 * ```
 * @module
 */
export * from './messages.js';
export * from './rules.js';
export * from './commands.js';
export * from './events.js';
export * from './state.js';
export * from './decide.js';
export * from './store.js';
export * from './suggest.js';
export * from './views.js';
export * from './case-points.js';
