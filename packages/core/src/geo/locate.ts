/**
 * Point-in-area lookup: which area (a grid, say) holds this coordinate? Areas are flattened
 * into typed arrays and binned by bounding box on a regular lattice; a lookup reads one bin
 * and ray-casts only the areas whose box holds the point.
 * @module
 */
import type { AreaGeometry, LonLat } from './types.js';
import { need } from '../errors/args.js';

/**
 * Even-odd ray casting over every ring of an area (outlines and holes alike).
 *
 * @example
 * ```ts
 * import { areaContains } from '@jiceng/core/geo';
 * areaContains({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }, 1, 1); // true
 * ```
 */
export function areaContains(g: AreaGeometry, x: number, y: number): boolean {
  need('areaContains', 'g', g, 'object', { type: 'string', coordinates: 'array' });
  need('areaContains', 'x', x, 'number');
  need('areaContains', 'y', y, 'number');
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let inside = false;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/**
 * A built lookup over many areas. `locate` returns the code of the area holding the point,
 * or `undefined` if none does (on a shared edge, one of the two areas).
 *
 * @example
 * ```ts
 * const idx: AreaIndex = buildAreaIndex(grids);
 * idx.locate(119.02, 25.43); // '350304001001001' or undefined
 * ```
 */
export interface AreaIndex {
  /** Number of areas indexed. */
  readonly size: number;
  /** The code of the area holding (lon, lat), or undefined. */
  locate(lon: number, lat: number): string | undefined;
}

/**
 * Builds an {@link AreaIndex} over areas keyed by code (WGS-84). Building is O(total vertices);
 * a lookup reads one bin (about two areas on average) and ray-casts those whose box holds it.
 *
 * @example
 * ```ts
 * import { buildAreaIndex } from '@jiceng/core/geo';
 * const idx = buildAreaIndex(new Map([['g1', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }]]));
 * idx.locate(0.7, 0.2); // 'g1'
 * ```
 */
export function buildAreaIndex(areas: Iterable<[string, AreaGeometry]>, binsPerArea = 2): AreaIndex {
  need('buildAreaIndex', 'areas', areas, 'iterable');
  need('buildAreaIndex', 'binsPerArea', binsPerArea, 'count');
  const list = Array.from(areas);
  for (const a of list) need('buildAreaIndex', 'areas[]', a, 'array', { 0: 'string', 1: 'object', '1.type': 'string', '1.coordinates': 'array' });
  const codes: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const ringStart: number[] = []; // per ring: first vertex
  const areaRing: number[] = []; // per area: first ring
  for (const [code, g] of list) {
    codes.push(code);
    areaRing.push(ringStart.length);
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) for (const ring of poly) {
      ringStart.push(xs.length);
      for (const [x, y] of ring) { xs.push(x); ys.push(y); }
    }
  }
  const n = codes.length;
  areaRing.push(ringStart.length);
  ringStart.push(xs.length);
  const X = Float64Array.from(xs);
  const Y = Float64Array.from(ys);
  const RS = Int32Array.from(ringStart);
  const AR = Int32Array.from(areaRing);
  const box = new Float64Array(n * 4);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let a = 0; a < n; a++) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let v = RS[AR[a]]; v < RS[AR[a + 1]]; v++) {
      const x = X[v], y = Y[v];
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    box[a * 4] = x0; box[a * 4 + 1] = y0; box[a * 4 + 2] = x1; box[a * 4 + 3] = y1;
    if (x0 < minX) minX = x0; if (y0 < minY) minY = y0; if (x1 > maxX) maxX = x1; if (y1 > maxY) maxY = y1;
  }
  // A lattice of about binsPerArea × n square-ish bins over the extent.
  const w = Math.max(maxX - minX, 1e-12), h = Math.max(maxY - minY, 1e-12);
  const cols = Math.max(1, Math.round(Math.sqrt((n * binsPerArea * w) / h)));
  const rows = Math.max(1, Math.round((n * binsPerArea) / cols));
  const sx = cols / w, sy = rows / h;
  const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - minX) * sx)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) * sy)));
  const counts = new Int32Array(cols * rows + 1);
  const each = (a: number, f: (b: number) => void) => {
    const c0 = col(box[a * 4]), c1 = col(box[a * 4 + 2]), r0 = row(box[a * 4 + 1]), r1 = row(box[a * 4 + 3]);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * cols + c);
  };
  for (let a = 0; a < n; a++) each(a, (b) => counts[b + 1]++);
  for (let b = 0; b < cols * rows; b++) counts[b + 1] += counts[b];
  const fill = counts.slice(0, cols * rows);
  const binAreas = new Int32Array(counts[cols * rows]);
  for (let a = 0; a < n; a++) each(a, (b) => { binAreas[fill[b]++] = a; });

  const contains = (a: number, x: number, y: number): boolean => {
    let inside = false;
    for (let r = AR[a]; r < AR[a + 1]; r++) {
      const s = RS[r], e = RS[r + 1];
      for (let i = s, j = e - 1; i < e; j = i++) {
        const yi = Y[i], yj = Y[j];
        if ((yi > y) !== (yj > y) && x < ((X[j] - X[i]) * (y - yi)) / (yj - yi) + X[i]) inside = !inside;
      }
    }
    return inside;
  };
  return {
    size: n,
    locate(lon: number, lat: number): string | undefined {
      if (!(lon >= minX && lon <= maxX && lat >= minY && lat <= maxY)) return undefined;
      const b = row(lat) * cols + col(lon);
      for (let k = counts[b]; k < counts[b + 1]; k++) {
        const a = binAreas[k];
        if (lon < box[a * 4] || lon > box[a * 4 + 2] || lat < box[a * 4 + 1] || lat > box[a * 4 + 3]) continue;
        if (contains(a, lon, lat)) return codes[a];
      }
      return undefined;
    },
  };
}

/** The positions of a point (itself) or of every vertex of an area. */
export function vertices(g: { type: string; coordinates: unknown }): LonLat[] {
  if (g.type === 'Point') return [g.coordinates as LonLat];
  if (g.type === 'Polygon') return (g.coordinates as LonLat[][]).flat();
  return (g.coordinates as LonLat[][][]).flat(2);
}
