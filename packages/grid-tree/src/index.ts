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
export * from './grid-tree/grid-tree.js';
export * from './define.js';
export * from './grid-tree/events.js';
export * from './grid-tree/badges.js';
export * from './grid-tree/i18n.js';
export * from './grid-tree/tree-view.js';
export * from './grid-tree/scroller.js';
export * from './grid-tree/keyboard.js';
export * from './grid-tree/search.js';
