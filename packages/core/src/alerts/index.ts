/**
 * `@jiceng/core/alerts` — 预警监测 and 指挥调度: rules as data evaluated incrementally over
 * the case event feed, alerts as events, and the command post's board.
 *
 * @example
 * ```ts
 * import { AlertEngine, DEFAULT_ALERT_RULES } from '@jiceng/core/alerts';
 * const engine = new AlertEngine({ hierarchy, categories, calendar }, DEFAULT_ALERT_RULES);
 * ```
 * @module
 */
export * from './messages.js';
export * from './rules.js';
// `time.js` also holds the engine's unchecked helpers (`workingStartFrom`, `localDayAt`): not public.
export { localDayOf, endOfLocalDay, workingStartBefore, coverageStart } from './time.js';
export * from './heap.js';
export * from './engine.js';
export * from './scratch.js';
export * from './events.js';
export * from './state.js';
export * from './commands.js';
export * from './decide.js';
export * from './log.js';
export * from './view.js';
export * from './board.js';
export * from './follow-up.js';
export * from './replay.js';
