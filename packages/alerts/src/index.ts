/**
 * `@jiceng/alerts`: `<jc-alerts>` — a node's live alert list — and `<jc-dispatch-board>` —
 * the command post's board. Importing the package registers the elements.
 * @packageDocumentation
 */
export * from './define.js';
export * from './shared/events.js';
export * from './shared/i18n.js';
export { JcAlertsBase, type OpenMenu } from './shared/base.js';
export { JcAlerts } from './alerts/alerts.js';
export { JcDispatchBoard } from './dispatch-board/dispatch-board.js';
