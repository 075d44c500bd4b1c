/**
 * Registers `<jc-grid-tree>`. Importing this file defines the element (once per page, even
 * if the bundle is loaded twice).
 *
 * @example
 * ```ts
 * import '@jiceng/grid-tree/define';
 * ```
 * @module
 */
import { defineElement } from '@jiceng/ui';
import { VERSION } from './version.js';
import { JcGridTree } from './grid-tree/grid-tree.js';

/** The version registered with the element. It comes from the package's package.json (src/version.ts, written at build). @example `console.log(GRID_TREE_VERSION);` */
export const GRID_TREE_VERSION: string = VERSION;

defineElement('jc-grid-tree', JcGridTree, GRID_TREE_VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'jc-grid-tree': JcGridTree;
  }
}
