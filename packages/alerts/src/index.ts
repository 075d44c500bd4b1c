/**
 * `@jiceng/alerts`: `<jc-alerts>` — a node's live alert list — and `<jc-dispatch-board>` —
 * the command post's board. Importing the package registers the elements.
 * @packageDocumentation
 */
export * from './define.js';
export * from './events.js';
export * from './i18n.js';
export { JcAlertsBase, type OpenMenu } from './base.js';
export { JcAlerts } from './alerts-list.js';
export { JcDispatchBoard } from './dispatch-board.js';
