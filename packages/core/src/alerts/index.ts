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
export { type BoardLoad, type BoardRow, dispatchBoard } from './board.js';
export { type AlertCommand, alertCommandSchemas, type AlertCommandType } from './commands.js';
export {
  ALERT_MONITOR_ROLE, type AlertContext, alertKey, type AlertLookup, type AlertPolicy, decideAlert,
  DEFAULT_ALERT_POLICY, dueEscalations, raiseCommand,
} from './decide.js';
export { AlertEngine, type AlertEngineContext, type AlertFinding, feedRules } from './engine.js';
export {
  ALERT_RESOLUTIONS, type AlertEvent, type AlertEventData, type AlertEventType, type AlertResolution,
  type AnyAlertEvent,
} from './events.js';
export { followUpFindings } from './follow-up.js';
export { AlertLog, alertMeasures, visibleAlerts } from './log.js';
export { ALERT_MESSAGES, type AlertCode } from './messages.js';
export { type AlertReplay, inTimeOrder, replayAlerts } from './replay.js';
export {
  ALERT_KINDS, ALERT_LABELS, ALERT_SEVERITIES, type AlertKind, type AlertRule, type AlertRuleOf,
  alertRuleSchema, type AlertRuleSet, alertRuleSetSchema, type AlertSeverity, DEFAULT_ALERT_RULES,
  rulesFor, validateAlertRules,
} from './rules.js';
export { evaluateFromScratch } from './scratch.js';
export { ALERT_STATUSES, type AlertState, type AlertStatus, evolveAlert, foldAlert } from './state.js';
export { coverageStart, endOfLocalDay, localDayOf, workingStartBefore } from './time.js';
export { type AlertRow, alertRows } from './view.js';
