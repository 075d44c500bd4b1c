/**
 * `@jiceng/grid-tree`: `<jc-grid-tree>`, the whole governance hierarchy in one virtual,
 * accessible tree. Importing the package registers the element; import
 * `@jiceng/grid-tree/grid-tree` for the class alone.
 *
 * @example
 * ```ts
 * import '@jiceng/grid-tree';
 * document.querySelector('jc-grid-tree')!.hierarchy = index;
 * ```
 * @packageDocumentation
 */
export * from './grid-tree.js';
export * from './define.js';
export * from './events.js';
export * from './badges.js';
export * from './i18n.js';
export * from './tree-view.js';
export * from './scroller.js';
export * from './keyboard.js';
export * from './search.js';
