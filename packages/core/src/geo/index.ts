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
 * @module
 */
export { fromWgs84, toWgs84 } from './crs.js';
export {
  type GeoImportOptions, importGeoJson, importPointsCsv, importTopoJson, type TopoImportOptions,
} from './import.js';
export { areaContains, type AreaIndex, buildAreaIndex } from './locate.js';
export {
  type AreaGeometry, type GeoCrs, type GeometryByCode, type LonLat, type MultiPolygonGeometry,
  type NodeGeometry, type PointGeometry, type PolygonGeometry,
} from './types.js';
