/**
 * `@jiceng/core/geo`: geometry on hierarchy nodes — areas as polygons, units and facilities as
 * points — imported from GeoJSON, TopoJSON or CSV in a declared coordinate system, checked, and looked up
 * (which grid holds this coordinate?).
 *
 * @example
 * ```ts
 * import { buildAreaIndex, importGeoJson } from '@jiceng/core/geo';
 * const r = importGeoJson(text, hierarchy, { crs: 'WGS84' });
 * if (r.ok) buildAreaIndex([...r.value].filter(([, g]) => g.type !== 'Point') as never).locate(119.02, 25.43);
 * ```
 * @packageDocumentation
 */
export type * from './types.js';
export { toWgs84, fromWgs84 } from './crs.js';
export { areaContains, buildAreaIndex, type AreaIndex } from './locate.js';
export { importGeoJson, importPointsCsv, importTopoJson, type GeoImportOptions, type TopoImportOptions } from './import.js';
