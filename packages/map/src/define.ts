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
import { JcMap } from './map.js';

/** The version registered with the element. @example `console.log(MAP_VERSION);` */
export const MAP_VERSION = '0.1.0';

defineElement('jc-map', JcMap, MAP_VERSION);
