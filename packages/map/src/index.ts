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
export * from './map/map.js';
export * from './define.js';
export * from './map/events.js';
export * from './map/i18n.js';
export * from './map/layers.js';
export * from './map/scene.js';
export * from './map/bins.js';
