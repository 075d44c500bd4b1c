/**
 * `@jiceng/map`: `<jc-map>`, the whole city on one map (全市一张图): the areas of every level
 * drawn on a canvas with no tile server, topic layers over them, drill-down in step with
 * `<jc-grid-tree>`. Importing the package registers the element; import `@jiceng/map/map`
 * for the class alone.
 *
 * @example
 * ```ts
 * import '@jiceng/map';
 * const map = document.querySelector('jc-map')!;
 * map.hierarchy = index;
 * map.geometry = generatePutianGeometry(data).areas;
 * ```
 * @packageDocumentation
 */
export * from './map.js';
export * from './define.js';
export * from './events.js';
export * from './i18n.js';
export * from './layers.js';
export * from './scene.js';
export * from './bins.js';
