/**
 * Registers `<jc-service-board>` and `<jc-ledger>`, once per page even if the bundle is
 * loaded twice.
 *
 * @example
 * ```ts
 * import '@jiceng/engagement';
 * ```
 * @module
 */
import { defineElement } from '@jiceng/ui';
import { VERSION } from './version.js';
import { JcServiceBoard } from './service-board/service-board.js';
import { JcLedger } from './ledger/ledger.js';

/** The version registered with the elements. It comes from the package's package.json (src/version.ts, written at build). @example `console.log(ENGAGEMENT_VERSION);` */
export const ENGAGEMENT_VERSION: string = VERSION;

defineElement('jc-service-board', JcServiceBoard, ENGAGEMENT_VERSION);
defineElement('jc-ledger', JcLedger, ENGAGEMENT_VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'jc-service-board': JcServiceBoard;
    'jc-ledger': JcLedger;
  }
}
