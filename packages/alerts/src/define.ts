/**
 * Registers `<jc-alerts>` and `<jc-dispatch-board>`. Loading it twice is harmless.
 * @module
 */
import { defineElement } from '@jiceng/ui';
import { VERSION } from './version.js';
import { JcAlerts } from './alerts/alerts.js';
import { JcDispatchBoard } from './dispatch-board/dispatch-board.js';

/** The version the elements are registered with. It comes from the package's package.json (src/version.ts, written at build). @example `ALERTS_VERSION // '0.1.0'` */
export const ALERTS_VERSION: string = VERSION;

defineElement('jc-alerts', JcAlerts, ALERTS_VERSION);
defineElement('jc-dispatch-board', JcDispatchBoard, ALERTS_VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'jc-alerts': JcAlerts;
    'jc-dispatch-board': JcDispatchBoard;
  }
}
