/**
 * Registers `<jc-map>`. Importing this file defines the element (once per page, even if the
 * bundle is loaded twice).
 *
 * @example
 * ```ts
 * import '@jiceng/map/define';
 * ```
 * @module
 */
import { defineElement } from '@jiceng/ui';
import { VERSION } from './version.js';
import { JcMap } from './map/map.js';

/** The version registered with the element. It comes from the package's package.json (src/version.ts, written at build). @example `console.log(MAP_VERSION);` */
export const MAP_VERSION: string = VERSION;

defineElement('jc-map', JcMap, MAP_VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'jc-map': JcMap;
  }
}
