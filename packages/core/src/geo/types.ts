/**
 * The shapes of geometry on hierarchy nodes: GeoJSON-like points, polygons and multipolygons,
 * always held in WGS-84 longitude/latitude once imported.
 * @module
 */

/** A `[longitude, latitude]` pair in degrees. @example `const p: LonLat = [119.02, 25.43];` */
export type LonLat = [number, number];

/** A point geometry (units and facilities). @example `const g: PointGeometry = { type: 'Point', coordinates: [119.02, 25.43] };` */
export interface PointGeometry {
  type: 'Point';
  coordinates: LonLat;
}

/**
 * A polygon: the first ring is the outline, any further rings are holes; every ring is closed
 * (its last position equals its first).
 *
 * @example
 * ```ts
 * const g: PolygonGeometry = { type: 'Polygon', coordinates: [[[119, 25], [119.1, 25], [119.1, 25.1], [119, 25]]] };
 * ```
 */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: LonLat[][];
}

/**
 * Several polygons that make one area (an island district, say).
 *
 * @example
 * ```ts
 * const g: MultiPolygonGeometry = { type: 'MultiPolygon', coordinates: [[[[119, 25], [119.1, 25], [119.1, 25.1], [119, 25]]]] };
 * ```
 */
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: LonLat[][][];
}

/** The geometry of an area: a polygon or a multipolygon. @example `const a: AreaGeometry = { type: 'Polygon', coordinates: [] };` */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The geometry of a node: an area, or a point for units and facilities. @example `const g: NodeGeometry = { type: 'Point', coordinates: [119, 25.4] };` */
export type NodeGeometry = PointGeometry | AreaGeometry;

/**
 * The coordinate system a dataset is declared in. `WGS84` and `CGCS2000` (China's geodetic
 * system; it differs from WGS-84 by centimetres) are taken as they are; `GCJ02` (the
 * offset system of AMap, Tencent and most Chinese web maps) is converted to WGS-84 on import.
 *
 * @example `const crs: GeoCrs = 'GCJ02';`
 */
export type GeoCrs = 'WGS84' | 'CGCS2000' | 'GCJ02';

/** Node geometries by node code, in WGS-84. @example `const g: GeometryByCode = new Map([['350302001001001', { type: 'Point', coordinates: [119, 25.4] }]]);` */
export type GeometryByCode = Map<string, NodeGeometry>;
