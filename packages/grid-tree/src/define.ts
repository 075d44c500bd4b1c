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
import { JcGridTree } from './grid-tree.js';

/** The version registered with the element. @example `console.log(GRID_TREE_VERSION);` */
export const GRID_TREE_VERSION = '0.1.0';

defineElement('jc-grid-tree', JcGridTree, GRID_TREE_VERSION);
